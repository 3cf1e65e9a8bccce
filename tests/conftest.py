"""Suite-wide set-up.

Passwords: the store hashes with argon2id at RFC 9106's recommended cost (64 MiB, three passes), about a tenth of a
second per hash by design. The web and store suites create six users per test on two backends and log in often,
so at that cost hashing alone took minutes of every run. The suite hashes with argon2-cffi's cheapest profile
instead (still argon2id, still salted and verified the same way); ``tests/store/test_users.py`` checks that the
shipped parameters are the recommended ones.
"""

from __future__ import annotations

import pytest
from argon2 import profiles

from luoshi.store import users


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> None:
    users.use_hash_parameters(profiles.CHEAPEST)
    yield
    users.use_hash_parameters(users.HASH_PARAMETERS)
