"""Tracking status of every commitment of a report, in two queries.

Status is derived, never stored (luoshi.store.status), so the overview and the
ledger's status filter need it for all items of a report: one query for the
commitments' deadline columns, one for each item's latest progress, then the pure
derivation in Python (about 2 µs per item).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, event, func, select, true
from sqlalchemy.orm import Session

from luoshi.store.models import Commitment, ProgressUpdate, Report
from luoshi.store.settings import Settings
from luoshi.store.status import derive_status, effective_due, expected_percent, period_start


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


def latest_progress(session: Session, commitment_ids_query, as_of: date | None = None) -> dict[int, tuple[float | None, str, object]]:
    """commitment id -> (percent, state, reported_on) of its newest progress update (reported on or before ``as_of``)."""
    where = [ProgressUpdate.commitment_id.in_(commitment_ids_query)]
    if as_of is not None:  # looking back at a date: later reports did not exist yet
        where.append(ProgressUpdate.reported_on <= as_of)
    newest = (
        select(ProgressUpdate.commitment_id, func.max(ProgressUpdate.seq).label("seq"))
        .where(*where)
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
    progress = latest_progress(session, select(Commitment.id).where(*where), as_of=today)
    start = period_start(report.date, report.year)
    out: dict[int, Track] = {}
    rows = session.execute(
        select(Commitment.id, Commitment.deadline, Commitment.due_date, Commitment.section_key,
               Commitment.strength, Commitment.start)
        .where(*where)
    )
    for cid, deadline, due_date, section_key, strength, pos in rows:
        due = effective_due(due_date, deadline, report.year)
        pct, state, _ = progress.get(cid, (None, None, None))
        status = derive_status(today, due, start, pct, state, settings.at_risk_margin, settings.due_soon_days)
        out[cid] = Track(cid, status, due, expected_percent(start, due, today), pct, state, section_key, strength, pos)
    return out


def verdict_fingerprint(session: Session) -> tuple:
    """Changes whenever a verdict is added, removed, confirmed or overridden (every edit bumps its version)."""
    from luoshi.store.models import Verdict

    def compute() -> tuple:
        return tuple(session.execute(select(func.count(Verdict.id), func.coalesce(func.max(Verdict.id), 0),
                                            func.coalesce(func.sum(Verdict.version), 0))).one())

    return _memo(session, ("verdicts",), compute)


def request_fingerprint(session: Session, report_id: int) -> tuple:
    """``fingerprint``, read once per session until it writes (a page asks the cache several times)."""
    return _memo(session, ("report", report_id), lambda: fingerprint(session, report_id))


_MEMO = "luoshi.fingerprints"


def _memo(session: Session, key: tuple, compute):
    memo = session.info.setdefault(_MEMO, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


@event.listens_for(Session, "after_flush")
def _forget_fingerprints(session: Session, _context) -> None:
    """A write makes every fingerprint read before it stale."""
    session.info.pop(_MEMO, None)


def fingerprint(session: Session, report_id: int) -> tuple:
    """Cheap aggregates that change whenever any input of the derived statuses changes.

    Progress is append-only (max id grows); commitment and assignment edits bump a
    version; added or removed assignments change the count or the max id.
    """
    from luoshi.store.models import Assignment

    # One statement, one pass over each table (not one per aggregate): this runs on every cached read.
    coms = (
        select(func.coalesce(func.sum(Commitment.version), 0).label("versions"),
               func.count(case((Commitment.retired.is_(False), 1))).label("live"))
        .where(Commitment.report_id == report_id)
        .subquery()
    )
    assigned = select(func.count(Assignment.id).label("n"), func.coalesce(func.max(Assignment.id), 0).label("last"),
                      func.coalesce(func.sum(Assignment.version), 0).label("versions")).subquery()
    progress = select(func.coalesce(func.max(ProgressUpdate.id), 0)).scalar_subquery()
    # Both subqueries are single-row aggregates: the cross join is one row, said explicitly.
    row = select(progress, coms.c.versions, coms.c.live, assigned.c.n, assigned.c.last, assigned.c.versions)
    return tuple(session.execute(row.select_from(coms.join(assigned, true()))).one())


class ViewCache:
    """Per-app memo of whole-report computations, valid while the fingerprint holds.

    Reads dominate (the office looks, departments file now and then), so the
    overview of 10,000 items is derived once per change, not once per request.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._data: dict[tuple, object] = {}
        self._lock = threading.Lock()

    def get(self, session: Session, kind: str, report: Report, today: date, compute, extra: tuple = ()):
        """``extra``: more of the key (e.g. ``verdict_fingerprint`` for a view that reads verdicts)."""
        key = (kind, report.id, report.engine_version, today, request_fingerprint(session, report.id), *extra)
        with self._lock:
            if key in self._data:
                return self._data[key]
        value = compute()
        with self._lock:
            if len(self._data) >= self.size:
                self._data.pop(next(iter(self._data)))
            self._data[key] = value
        return value
