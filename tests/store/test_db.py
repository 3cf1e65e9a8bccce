"""luoshi.store.db.drop_database: test and benchmark databases go, even with a connection still open."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from luoshi.store.db import drop_database, make_engine
from tests.store.db_fixtures import PG_URL, pg_test_engine


class _Refuses:
    def execute(self, *args, **kwargs):  # any statement reaching the server would be a failure of the check
        raise AssertionError("a statement was sent for a name that is no plain identifier")


@pytest.mark.parametrize("name", ["luoshi; DROP DATABASE postgres", "a-b", "x y", "", "数据库"])
def test_names_other_than_plain_identifiers_are_refused_before_any_statement(name: str) -> None:
    with pytest.raises(ValueError, match="not a plain database name"):
        drop_database(_Refuses(), name)


def test_a_database_with_an_open_connection_is_dropped() -> None:
    pg_test_engine().dispose()  # skips (or fails under CI) without a test server
    from sqlalchemy.engine import make_url

    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = "luoshi_drop_test"
    scratch = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    try:
        with admin.connect() as conn:
            drop_database(conn, name)
            conn.execute(text(f"CREATE DATABASE {name}"))
        held = scratch.connect()  # an engine of a test before that was not disposed yet
        held.execute(text("SELECT 1"))
        with admin.connect() as conn:
            drop_database(conn, name)
            assert conn.execute(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}).scalar() == 0
            drop_database(conn, name)  # absent: nothing to do, no error
        held.invalidate()  # its server side was ended: the pool must not try to reuse or reset it
    finally:
        scratch.dispose()
        admin.dispose()
