"""Commitments (tasks) in the ledger: listing with derived status, guarded edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from luoshi.store import audit
from luoshi.store.errors import ConflictError, InvalidValueError, NotFoundError
from luoshi.store.models import Assignment, Commitment, Department, ProgressUpdate, Report, User
from luoshi.store.permissions import require_role
from luoshi.store.settings import get_settings
from luoshi.store.status import TrackingStatus, derive_status, effective_due, expected_percent, period_start

# What a supervisor may change by hand; each edited field is then locked against re-extraction.
EDITABLE = ("text", "action", "object", "strength", "deadline", "deadline_text", "projects", "due_date", "note")


@dataclass
class Tracking:
    """A commitment's in-year tracking picture on a given day."""

    status: TrackingStatus
    due: date | None
    expected: float | None  # 序时进度, percent
    percent: float | None
    last: ProgressUpdate | None


def get_commitment(session: Session, commitment_id: int) -> Commitment:
    row = session.get(Commitment, commitment_id)
    if row is None:
        raise NotFoundError(f"no commitment {commitment_id}")
    return row


def list_commitments(
    session: Session,
    report_id: int | None = None,
    department: str | None = None,
    include_retired: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[Commitment]:
    """In report order; ``department``: those with an effective assignment to it (see assignments.effective)."""
    q = select(Commitment).options(selectinload(Commitment.assignments).selectinload(Assignment.department))
    q = q.order_by(Commitment.report_id, Commitment.start, Commitment.id)
    if report_id is not None:
        q = q.where(Commitment.report_id == report_id)
    if not include_retired:
        q = q.where(Commitment.retired.is_(False))
    if department is not None:
        q = q.where(Commitment.id.in_(select(Assignment.commitment_id).join(Department).where(Department.name == department)))
    rows = list(session.scalars(q.offset(offset).limit(limit)))
    if department is not None:  # an engine suggestion overruled by a human assignment no longer counts
        from luoshi.store.assignments import effective

        rows = [c for c in rows if any(a.department.name == department for a in effective(c))]
    return rows


def latest_progress(session: Session, commitment_ids: list[int], as_of: date | None = None) -> dict[int, ProgressUpdate]:
    """The newest progress update of each commitment (one query); ``as_of``: reported on or before that day."""
    if not commitment_ids:
        return {}
    where = [ProgressUpdate.commitment_id.in_(commitment_ids)]
    if as_of is not None:
        where.append(ProgressUpdate.reported_on <= as_of)
    newest = (
        select(ProgressUpdate.commitment_id, func.max(ProgressUpdate.seq).label("seq"))
        .where(*where)
        .group_by(ProgressUpdate.commitment_id)
        .subquery()
    )
    q = select(ProgressUpdate).join(newest, (ProgressUpdate.commitment_id == newest.c.commitment_id) & (ProgressUpdate.seq == newest.c.seq))
    return {p.commitment_id: p for p in session.scalars(q)}


def tracking(commitment: Commitment, report: Report, last: ProgressUpdate | None, today: date | None = None) -> Tracking:
    """Derive the traffic light (see status.derive_status) with the configured margins."""
    settings = get_settings()
    today = today or date.today()
    due = effective_due(commitment.due_date, commitment.deadline, report.year)
    start = period_start(report.date, report.year)
    percent = last.percent if last else None
    state = last.state if last else None
    status = derive_status(today, due, start, percent, state, settings.at_risk_margin, settings.due_soon_days)
    return Tracking(status, due, expected_percent(start, due, today), percent, last)


def tracking_for(session: Session, commitments: list[Commitment], today: date | None = None) -> dict[int, Tracking]:
    """Tracking of many commitments at once (two queries)."""
    last = latest_progress(session, [c.id for c in commitments], as_of=today)
    reports = {r.id: r for r in session.scalars(select(Report).where(Report.id.in_({c.report_id for c in commitments})))}
    return {c.id: tracking(c, reports[c.report_id], last.get(c.id), today) for c in commitments}


def update_commitment(
    session: Session, commitment_id: int, expected_version: int, changes: dict, actor: User | None = None
) -> Commitment:
    """Apply a supervisor's edit made on version ``expected_version``.

    Raises ConflictError when someone saved in between. Edited fields are locked
    so a re-extraction keeps them.
    """
    require_role(actor, "admin", "supervisor")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidValueError(f"cannot edit {', '.join(sorted(unknown))}", f"editable: {', '.join(EDITABLE)}")
    row = get_commitment(session, commitment_id)
    check_version(row, expected_version)
    before = audit.snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    row.locked_fields = sorted(set(row.locked_fields or ()) | (set(changes) - {"due_date", "note"}))
    flush_or_conflict(session, row)
    audit.record(session, actor, "update", "commitments", row.id, before, audit.snapshot(row))
    return row


def set_deadline(session: Session, commitment_id: int, due: date | None, expected_version: int, actor: User | None = None) -> Commitment:
    """The office's tracking deadline (overrides the one read from the text)."""
    return update_commitment(session, commitment_id, expected_version, {"due_date": due}, actor)


def touch(row) -> None:
    """Make the row's next flush an UPDATE, so its version moves (edits of child rows)."""
    from sqlalchemy.orm.attributes import flag_modified

    flag_modified(row, "locked_fields")


def check_version(row: Commitment | Assignment, expected_version: int) -> None:
    if row.version != expected_version:
        raise ConflictError(
            f"{type(row).__name__.lower()} {row.id} was changed by someone else (version {row.version}, you edited {expected_version})",
            "reload the page, re-apply your change and save again",
        )


def flush_or_conflict(session: Session, row) -> None:
    """Flush; a concurrent save that slipped past check_version shows up here as StaleDataError.

    The failed flush leaves the session needing a rollback, and any attribute read would then
    raise PendingRollbackError (a 500 on PostgreSQL): the name is taken before the flush and the
    session rolled back before the conflict is raised, so the error page can still use it."""
    from sqlalchemy.orm.exc import StaleDataError

    what = f"{type(row).__name__.lower()} {row.id}"
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(f"{what} was changed by someone else", "reload and save again") from exc
