"""Users and roles; passwords hashed with argon2id."""

from __future__ import annotations

from argon2 import Parameters, PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store import audit
from luoshi.store.errors import InvalidValueError, NotFoundError
from luoshi.store.models import ROLES, User
from luoshi.store.permissions import require_role
from luoshi.store.units import resolve_unit

# RFC 9106's second recommended option (argon2id, 64 MiB, t=3, p=4): argon2-cffi's default.
HASH_PARAMETERS: Parameters = profiles.RFC_9106_LOW_MEMORY
_HASHER = PasswordHasher.from_parameters(HASH_PARAMETERS)


def use_hash_parameters(parameters: Parameters) -> None:
    """Hash new passwords with other argon2 parameters from now on (the test suite's cheapest profile).

    Existing hashes still verify: each carries its own parameters, and a login rehashes one whose parameters differ.
    """
    global _HASHER
    _HASHER = PasswordHasher.from_parameters(parameters)
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidValueError(f"password shorter than {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    department: str | None = None,
    email: str | None = None,
    display_name: str | None = None,
    actor: User | None = None,
) -> User:
    """Add a user; a ``department`` user must name its department, a unit of the master list (E108 otherwise)."""
    require_role(actor, "admin")
    if role not in ROLES:
        raise InvalidValueError(f"unknown role {role!r}", f"one of: {', '.join(ROLES)}")
    if role == "department" and not department:
        raise InvalidValueError("a department user needs --department")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InvalidValueError(f"user {username!r} already exists", "use `luoshi user passwd` to change the password")
    dept = resolve_unit(session, department) if department else None
    user = User(username=username, password_hash=hash_password(password), role=role,
                department_id=dept.id if dept else None, email=email, display_name=display_name)
    session.add(user)
    session.flush()
    audit.record(session, actor, "create", "users", user.id, None, audit.snapshot(user))
    return user


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"no user {username!r}", "see `luoshi user list`")
    return user


def get_user_by_id(session: Session, user_id: int) -> User | None:
    """For session cookies: None when the user is gone or disabled."""
    user = session.get(User, user_id)
    return user if user is not None and user.active else None


def set_password(session: Session, username: str, password: str, actor: User | None = None) -> User:
    """Admins may reset anyone's password; a user may change their own."""
    user = get_user(session, username)
    if actor is not None and actor.id != user.id:
        require_role(actor, "admin")
    user.password_hash = hash_password(password)
    audit.record(session, actor, "passwd", "users", user.id, None, {"username": username})
    return user


def set_role(session: Session, username: str, role: str, department: str | None = None,
             active: bool | None = None, actor: User | None = None) -> User:
    require_role(actor, "admin")
    if role not in ROLES:
        raise InvalidValueError(f"unknown role {role!r}", f"one of: {', '.join(ROLES)}")
    user = get_user(session, username)
    before = audit.snapshot(user)
    user.role = role
    if department is not None:
        user.department_id = resolve_unit(session, department).id
    if active is not None:
        user.active = active
    session.flush()
    audit.record(session, actor, "update", "users", user.id, before, audit.snapshot(user))
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this password, or None (same answer for unknown user and bad password)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        _HASHER.hash(password)  # same cost either way: no user enumeration by timing
        return None
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))
