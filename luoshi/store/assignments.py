"""Who carries a task: engine suggestions, and the human assignments that override them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store import audit
from luoshi.store.commitments import check_version, flush_or_conflict, get_commitment, touch
from luoshi.store.errors import InvalidValueError, NotFoundError
from luoshi.store.models import Assignment, Commitment, User
from luoshi.store.permissions import require_role
from luoshi.store.units import level_of, region_of, resolve_unit

ROLES = ("lead", "support")


def effective(commitment: Commitment) -> list[Assignment]:
    """Human assignments once any exist; until then the engine's suggestions. Leads first."""
    human = [a for a in commitment.assignments if a.source == "human"]
    chosen = human or [a for a in commitment.assignments if a.source == "engine"]
    return sorted(chosen, key=lambda a: (a.role != "lead", a.id))


def suggestions(commitment: Commitment) -> list[Assignment]:
    return [a for a in commitment.assignments if a.source == "engine"]


def assign(session: Session, commitment_id: int, department: str, role: str = "lead", actor: User | None = None,
           origin: str = "form") -> Assignment:
    """Add a human assignment (idempotent: the same department again updates its role).

    ``department`` must be a unit of the master list (or an alias): E108 otherwise.
    """
    require_role(actor, "admin", "supervisor")
    if role not in ROLES:
        raise InvalidValueError(f"unknown assignment role {role!r}", "lead or support")
    commitment = get_commitment(session, commitment_id)
    dept = resolve_unit(session, department, level_of(commitment.report), region_of(commitment.report))
    existing = session.scalar(
        select(Assignment).where(Assignment.commitment_id == commitment.id, Assignment.department_id == dept.id, Assignment.source == "human")
    )
    if existing is not None:
        return update_assignment(session, existing.id, existing.version, role, actor)
    row = Assignment(commitment_id=commitment.id, department_id=dept.id, role=role, source="human", origin=origin,
                     created_by=actor.id if actor else None)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "assignments", row.id, None, audit.snapshot(row))
    relearn(session, commitment)
    session.refresh(commitment, ["assignments"])
    return row


def relearn(session: Session, commitment: Commitment) -> None:
    """A person decided this row's owners: later reports of the region re-learn from it."""
    from luoshi.assign.history import refresh_later

    refresh_later(session, commitment.report)


def accept_suggestions(session: Session, commitment_id: int, actor: User | None = None) -> list[Assignment]:
    """Turn the engine's suggestions into human assignments, as suggested."""
    commitment = get_commitment(session, commitment_id)
    return [assign(session, commitment_id, a.department.name, a.role, actor) for a in suggestions(commitment)]


def set_assignments(
    session: Session, commitment_id: int, lead: list[str], support: list[str], expected_version: int, actor: User | None = None,
    origin: str = "form", learn: bool = True,
) -> list[Assignment]:
    """Replace the human assignments of a task (the form's whole answer), guarded by the task's version.

    Every name must be a unit of the master list (aliases resolve): E108 before anything changes.
    ``learn=False`` leaves the region's later reports to the caller (an import re-learns once).
    """
    require_role(actor, "admin", "supervisor")
    commitment = get_commitment(session, commitment_id)
    check_version(commitment, expected_version)
    level, region = level_of(commitment.report), region_of(commitment.report)
    units = {name: resolve_unit(session, name, level, region) for name in [*lead, *support] if name.strip()}
    wanted = {units[name].name: "lead" for name in lead if name.strip()}
    wanted.update({units[name].name: "support" for name in support if name.strip() and units[name].name not in wanted})
    before = [(a.department.name, a.role) for a in commitment.assignments if a.source == "human"]
    for a in [a for a in commitment.assignments if a.source == "human"]:
        if a.department.name not in wanted:
            session.delete(a)
        elif a.role != wanted[a.department.name]:
            a.role = wanted[a.department.name]
    have = {a.department.name for a in commitment.assignments if a.source == "human"}
    for name, role in wanted.items():
        if name not in have:
            dept = next(u for u in units.values() if u.name == name)
            session.add(Assignment(commitment_id=commitment.id, department_id=dept.id, role=role, source="human", origin=origin,
                                   created_by=actor.id if actor else None))
    touch(commitment)
    flush_or_conflict(session, commitment)
    if learn:
        relearn(session, commitment)
    session.refresh(commitment, ["assignments"])
    after = [(a.department.name, a.role) for a in commitment.assignments if a.source == "human"]
    audit.record(session, actor, "update", "assignments", commitment.id, {"commitment_id": commitment.id, "human": before},
                 {"commitment_id": commitment.id, "human": after})
    return [a for a in commitment.assignments if a.source == "human"]


def update_assignment(session: Session, assignment_id: int, expected_version: int, role: str, actor: User | None = None) -> Assignment:
    require_role(actor, "admin", "supervisor")
    if role not in ROLES:
        raise InvalidValueError(f"unknown assignment role {role!r}", "lead or support")
    row = get_assignment(session, assignment_id)
    check_version(row, expected_version)
    before = audit.snapshot(row)
    row.role = role
    flush_or_conflict(session, row)
    audit.record(session, actor, "update", "assignments", row.id, before, audit.snapshot(row))
    return row


def remove_assignment(session: Session, assignment_id: int, expected_version: int, actor: User | None = None) -> None:
    """Remove a human assignment; engine suggestions are replaced only by re-extraction."""
    require_role(actor, "admin", "supervisor")
    row = get_assignment(session, assignment_id)
    if row.source != "human":
        raise InvalidValueError("engine suggestions are not removed by hand", "assign the right department instead")
    check_version(row, expected_version)
    before = audit.snapshot(row)
    session.delete(row)
    flush_or_conflict(session, row)
    audit.record(session, actor, "delete", "assignments", assignment_id, before, None)


def get_assignment(session: Session, assignment_id: int) -> Assignment:
    row = session.get(Assignment, assignment_id)
    if row is None:
        raise NotFoundError(f"no assignment {assignment_id}")
    return row
