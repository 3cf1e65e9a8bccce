"""Database fixtures: every store test runs on SQLite and on a real PostgreSQL.

Reusable from other test folders: ``from tests.store.db_fixtures import *`` in a
conftest. PostgreSQL comes from LUOSHI_TEST_PG_URL (see .ci/pg-start.sh); tests
run in their own schema so other suites sharing the database are not disturbed.
"""

from __future__ import annotations

import os
import shutil

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from luoshi.store import migrate
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import Base

PG_URL = os.environ.get("LUOSHI_TEST_PG_URL")
PG_SCHEMA = "luoshi_store_tests"
BACKENDS = ["sqlite", "postgresql"]


def pg_test_engine(schema: str = PG_SCHEMA) -> Engine:
    """An engine on LUOSHI_TEST_PG_URL whose tables live in ``schema``."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests: export LUOSHI_TEST_PG_URL (bash .ci/pg-start.sh prints it)")
        pytest.skip("LUOSHI_TEST_PG_URL is not set: PostgreSQL variant not run (bash .ci/pg-start.sh starts a server)")
    return make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"}, pool_size=10, max_overflow=60)


@pytest.fixture(scope="session")
def pg_engine() -> Engine:
    engine = pg_test_engine()
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    """A migrated SQLite file, copied for each test (migrating per test is slower)."""
    path = tmp_path_factory.mktemp("template") / "luoshi.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()  # the last connection to close checkpoints the WAL into the file
    return str(path)


@pytest.fixture(params=BACKENDS)
def engine(request, tmp_path, sqlite_template) -> Engine:
    """A migrated, empty database of each backend."""
    if request.param == "sqlite":
        path = tmp_path / "luoshi.db"
        shutil.copy(sqlite_template, path)
        eng = make_engine(f"sqlite:///{path}")
        yield eng
        eng.dispose()
        return
    eng = request.getfixturevalue("pg_engine")
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with eng.begin() as conn:  # TRUNCATE skips the row-level append-only trigger
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield eng


@pytest.fixture
def session(engine) -> Session:
    """A session whose work the test commits explicitly (like the CLI and web do)."""
    with make_sessionmaker(engine)() as s:
        yield s
