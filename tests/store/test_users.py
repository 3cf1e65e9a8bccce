"""Users: roles, argon2 hashes, authentication without user enumeration."""

import pytest

from luoshi.store.errors import InvalidValueError, PermissionDeniedError
from luoshi.store.users import authenticate, create_user, list_users, set_password, set_role


def test_password_stored_as_argon2_hash(session):
    user = create_user(session, "office", "correct horse", "admin")
    assert user.password_hash.startswith("$argon2id$") and "correct horse" not in user.password_hash


@pytest.mark.parametrize(("username", "password", "found"), [
    ("office", "correct horse", True),
    ("office", "wrong horse!", False),
    ("nobody", "correct horse", False),
])
def test_authenticate(session, username, password, found):
    create_user(session, "office", "correct horse", "supervisor")
    assert (authenticate(session, username, password) is not None) == found


@pytest.mark.parametrize(("role", "department", "error"), [
    ("root", None, "unknown role"),
    ("department", None, "needs --department"),
])
def test_create_user_rejects_bad_role(session, role, department, error):
    with pytest.raises(InvalidValueError, match=error):
        create_user(session, "x", "long enough", role, department=department)


def test_passwd_and_disable(session):
    create_user(session, "liaison", "first pass", "department", department="区水务局")
    set_password(session, "liaison", "second pass")
    assert authenticate(session, "liaison", "second pass") is not None
    set_role(session, "liaison", "viewer", active=False)
    assert authenticate(session, "liaison", "second pass") is None
    assert [(u.username, u.role, u.department.name) for u in list_users(session)] == [("liaison", "viewer", "区水务局")]


@pytest.mark.parametrize("role", ["supervisor", "department", "viewer"])
def test_only_admin_manages_users(session, role):
    actor = create_user(session, "actor", "long enough", role, department="区水务局")
    with pytest.raises(PermissionDeniedError):
        create_user(session, "new", "long enough", "viewer", actor=actor)
    create_user(session, "other", "long enough", "viewer")
    with pytest.raises(PermissionDeniedError):
        set_password(session, "other", "changed pass", actor=actor)


def test_short_password_rejected(session):
    with pytest.raises(InvalidValueError, match="shorter"):
        create_user(session, "x", "short", "viewer")


def test_shipped_hash_cost_is_rfc_9106_and_the_suite_only_swaps_it_for_speed():
    """The suite hashes cheaply (tests/conftest.py); what ships is argon2id at RFC 9106's recommended cost."""
    from argon2 import Type, profiles

    from luoshi.store import users

    shipped = users.HASH_PARAMETERS
    assert shipped.type is Type.ID and shipped.memory_cost >= 65536 and shipped.time_cost >= 3
    assert shipped == profiles.RFC_9106_LOW_MEMORY
    # a hash made at the shipped cost still verifies while the cheap profile is in force, and is rehashed on login
    from argon2 import PasswordHasher

    strong = PasswordHasher.from_parameters(shipped).hash("correct horse")
    assert users._HASHER.verify(strong, "correct horse") and users._HASHER.check_needs_rehash(strong)


def test_login_rehashes_a_hash_of_other_parameters(session):
    from argon2 import PasswordHasher, profiles

    user = create_user(session, "office", "correct horse", "admin")
    user.password_hash = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY).hash("correct horse")
    session.flush()
    old = user.password_hash
    assert authenticate(session, "office", "correct horse") is user
    assert user.password_hash != old and user.password_hash.startswith("$argon2id$")
