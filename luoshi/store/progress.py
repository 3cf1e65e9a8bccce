"""Progress updates: append-only, numbered 1, 2, 3 … per task, idempotent per client token.

There is no update or delete function; the ORM refuses to flush a changed or
deleted update, and the database trigger (see the migration) refuses raw SQL.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError
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
    owners = {a.department_id for a in effective(commitment)}
    require_department(actor, owners)
    stored_token = scoped_token(token, commitment_id, actor) if token is not None else None
    if stored_token is not None:
        earlier = _by_token(session, stored_token)
        if earlier is not None:
            return earlier
    seq = (session.scalar(select(func.max(ProgressUpdate.seq)).where(ProgressUpdate.commitment_id == commitment_id)) or 0) + 1
    department_id = actor.department_id if actor is not None and actor.role == "department" else None
    row = ProgressUpdate(
        commitment_id=commitment_id, seq=seq, token=stored_token, department_id=department_id, user_id=actor.id if actor else None,
        reported_on=reported_on or date.today(), state=state, percent=percent, note=note, evidence=list(evidence or []),
    )
    try:
        with session.begin_nested():  # a savepoint: a lost race rolls back this insert only
            session.add(row)
            session.flush()
    except IntegrityError:
        # Another request with the same token committed first (PostgreSQL under
        # concurrency): the resent form gets that row, not an error.
        earlier = _by_token(session, stored_token) if stored_token is not None else None
        if earlier is None:
            raise
        return earlier
    audit.record(session, actor, "create", "progress_updates", row.id, None, audit.snapshot(row))
    return row


def scoped_token(token: str, commitment_id: int, actor: User | None) -> str:
    """The stored idempotency key: the client's token scoped to (task, user).

    The column is globally unique, so the scope is folded into the key itself: the
    same token sent for another task or by another user is a different update.
    A SHA-256 hex digest fits the 64-character column whatever the token's length.
    """
    user = actor.id if actor is not None else ""
    return hashlib.sha256(f"{commitment_id}\x1f{user}\x1f{token}".encode()).hexdigest()


def _by_token(session: Session, stored_token: str) -> ProgressUpdate | None:
    return session.scalar(select(ProgressUpdate).where(ProgressUpdate.token == stored_token))


def list_progress(session: Session, commitment_id: int) -> list[ProgressUpdate]:
    """Oldest first."""
    q = select(ProgressUpdate).where(ProgressUpdate.commitment_id == commitment_id).order_by(ProgressUpdate.seq)
    return list(session.scalars(q))


@event.listens_for(Session, "before_flush")
def _refuse_rewrites(session: Session, _ctx, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, ProgressUpdate) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("progress updates cannot be changed or deleted", "add a new update instead")
