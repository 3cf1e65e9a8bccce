"""The audit log: every write, with who, when, what, and the record before and after."""

from __future__ import annotations

import getpass
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from luoshi.store.models import AuditEntry, Base, User, utcnow  # noqa: F401 (re-exported)

_SKIP = {"text", "password_hash"}  # bulky or secret: never copied into the log


def snapshot(obj: Base | None) -> dict[str, Any] | None:
    """The row's column values as JSON-safe data (dates as ISO strings)."""
    if obj is None:
        return None
    out: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in _SKIP:
            continue
        value = getattr(obj, attr.key)
        out[attr.key] = value.isoformat() if isinstance(value, (date, datetime)) else value
    return out


def actor_name(user: User | None) -> str:
    """The person behind a write: the web user, or the shell user for CLI writes."""
    if user is not None:
        return user.username
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no passwd entry in some containers
        return "cli"


def record(
    session: Session,
    user: User | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    """Append one audit entry in the caller's transaction (so it commits or rolls back with the write)."""
    entry = AuditEntry(
        user_id=user.id if user is not None else None,
        username=actor_name(user),
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
    session.add(entry)
    return entry


def list_audit(
    session: Session, entity: str | None = None, entity_id: int | None = None, limit: int = 200
) -> list[AuditEntry]:
    """Newest first, optionally for one entity (table name) or one row."""
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity is not None:
        q = q.where(AuditEntry.entity == entity)
    if entity_id is not None:
        q = q.where(AuditEntry.entity_id == entity_id)
    return list(session.scalars(q))
