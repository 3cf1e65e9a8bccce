"""Tracking status of every commitment of a report, in two queries.

Status is derived, never stored (luoshi.store.status), so the overview and the
ledger's status filter need it for all items of a report: one query for the
commitments' deadline columns, one for each item's latest progress, then the pure
derivation in Python (about 2 µs per item).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from luoshi.store.models import Commitment, ProgressUpdate, Report
from luoshi.store.settings import Settings
from luoshi.store.status import deadline_date, derive_status, expected_percent, period_start


@dataclass(slots=True)
class Track:
    id: int
    status: str
    due: date | None
    expected: float | None  # 序时进度, percent
    percent: float | None  # latest reported, percent
    state: str | None
    section_key: str | None
    strength: str
    start: int


def latest_progress(session: Session, commitment_ids_query) -> dict[int, tuple[float | None, str, object]]:
    """commitment id -> (percent, state, reported_on) of its newest progress update."""
    newest = (
        select(ProgressUpdate.commitment_id, func.max(ProgressUpdate.seq).label("seq"))
        .where(ProgressUpdate.commitment_id.in_(commitment_ids_query))
        .group_by(ProgressUpdate.commitment_id)
        .subquery()
    )
    rows = session.execute(
        select(ProgressUpdate.commitment_id, ProgressUpdate.percent, ProgressUpdate.state, ProgressUpdate.reported_on)
        .join(newest, (ProgressUpdate.commitment_id == newest.c.commitment_id) & (ProgressUpdate.seq == newest.c.seq))
    )
    return {cid: (pct, state, on) for cid, pct, state, on in rows}


def track_report(session: Session, report: Report, today: date, settings: Settings,
                 only: list[int] | None = None) -> dict[int, Track]:
    """Every live commitment of ``report`` (or just the ids ``only``) with its derived status."""
    where = [Commitment.report_id == report.id, Commitment.retired.is_(False)]
    if only is not None:
        where.append(Commitment.id.in_(only))
    progress = latest_progress(session, select(Commitment.id).where(*where))
    start = period_start(report.date, report.year)
    year_end = date(report.year, 12, 31) if report.year else None  # as luoshi.store.commitments.tracking
    out: dict[int, Track] = {}
    rows = session.execute(
        select(Commitment.id, Commitment.deadline, Commitment.due_date, Commitment.section_key,
               Commitment.strength, Commitment.start)
        .where(*where)
    )
    for cid, deadline, due_date, section_key, strength, pos in rows:
        due = due_date or deadline_date(deadline) or year_end
        pct, state, _ = progress.get(cid, (None, None, None))
        status = derive_status(today, due, start, pct, state, settings.at_risk_margin, settings.due_soon_days)
        out[cid] = Track(cid, status, due, expected_percent(start, due, today), pct, state, section_key, strength, pos)
    return out
