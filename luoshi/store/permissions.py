"""Who may write what: checked in the repository so every caller (web, API, CLI) obeys."""

from __future__ import annotations

from luoshi.store.errors import PermissionDeniedError
from luoshi.store.models import User

OFFICE = ("admin", "supervisor")


def require_role(user: User | None, *roles: str) -> None:
    """``user`` None means a trusted local caller (the CLI run by the operator)."""
    if user is None:
        return
    if not user.active or user.role not in roles:
        raise PermissionDeniedError(f"{user.username} ({user.role}) may not do this", f"needs role: {' | '.join(roles)}")


def require_department(user: User | None, department_ids: set[int]) -> None:
    """Office staff may write for any department; a department user only for its own."""
    if user is None or (user.active and user.role in OFFICE):
        return
    if user.role == "department" and user.active and user.department_id in department_ids:
        return
    raise PermissionDeniedError(f"{user.username} may not report progress on this task", "only its assigned departments may")
