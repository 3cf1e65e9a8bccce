"""Progress updates: append-only, numbered 1, 2, 3 … per task, idempotent per client token.

There is no update or delete function; the ORM refuses to flush a changed or
deleted update, and the database trigger (see the migration) refuses raw SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from luoshi.store import audit
from luoshi.store.assignments import effective
from luoshi.store.errors import AppendOnlyError, InvalidValueError, NotFoundError
from luoshi.store.models import PROGRESS_STATES, Commitment, ProgressUpdate, User
from luoshi.store.permissions import require_department, require_role


def add_progress(
    session: Session,
    commitment_id: int,
    state: str,
    percent: float | None = None,
    note: str = "",
    evidence: list[dict[str, Any]] | None = None,
    reported_on: date | None = None,
    token: str | None = None,
    actor: User | None = None,
) -> ProgressUpdate:
    """Append one update. The same ``token`` twice (a resent form) returns the first update."""
    require_role(actor, "admin", "supervisor", "department")
    if state not in PROGRESS_STATES:
        raise InvalidValueError(f"unknown progress state {state!r}", f"one of: {', '.join(PROGRESS_STATES)}")
    if percent is not None and not 0 <= percent <= 100:
        raise InvalidValueError(f"percent {percent} outside 0–100")
    # Lock the task row: appends to one task queue up, so seq = max + 1 never collides.
    commitment = session.scalar(select(Commitment).where(Commitment.id == commitment_id).with_for_update())
    if commitment is None:
        raise NotFoundError(f"no commitment {commitment_id}")
    if token is not None:
        earlier = session.scalar(select(ProgressUpdate).where(ProgressUpdate.token == token))
        if earlier is not None:
            return earlier
    owners = {a.department_id for a in effective(commitment)}
    require_department(actor, owners)
    seq = (session.scalar(select(func.max(ProgressUpdate.seq)).where(ProgressUpdate.commitment_id == commitment_id)) or 0) + 1
    department_id = actor.department_id if actor is not None and actor.role == "department" else None
    row = ProgressUpdate(
        commitment_id=commitment_id, seq=seq, token=token, department_id=department_id, user_id=actor.id if actor else None,
        reported_on=reported_on or date.today(), state=state, percent=percent, note=note, evidence=list(evidence or []),
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "progress_updates", row.id, None, audit.snapshot(row))
    return row


def list_progress(session: Session, commitment_id: int) -> list[ProgressUpdate]:
    """Oldest first."""
    q = select(ProgressUpdate).where(ProgressUpdate.commitment_id == commitment_id).order_by(ProgressUpdate.seq)
    return list(session.scalars(q))


@event.listens_for(Session, "before_flush")
def _refuse_rewrites(session: Session, _ctx, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, ProgressUpdate) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("progress updates cannot be changed or deleted", "add a new update instead")
