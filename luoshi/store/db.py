"""Engines and sessions: SQLite by default (WAL, foreign keys), PostgreSQL by URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from luoshi.store.settings import get_settings

_ENGINES: dict[str, Engine] = {}
_PLAIN_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")  # interpolated into DROP DATABASE: nothing else may pass


_URL_HINT = "set LUOSHI_DATABASE_URL to sqlite:///path/luoshi.db or postgresql+psycopg://user:password@host:5432/db"


def check_url(url: str) -> None:
    """E152 unless ``url`` names SQLite (an existing folder, a SQLite file or none yet) or PostgreSQL."""
    from pathlib import Path

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from luoshi.errors import LuoshiError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError, TypeError):
        raise LuoshiError("E152", f"not a database URL: {url[:80]!r}", _URL_HINT) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise LuoshiError("E152", f"{backend}:// databases are not supported", "luoshi runs on SQLite or PostgreSQL; " + _URL_HINT)
    db = parsed.database or ""
    if backend != "sqlite" or db in ("", ":memory:") or db.startswith("file:"):
        return
    path = Path(db)
    if not path.parent.is_dir():
        raise LuoshiError("E152", f"the folder of the database file {path} does not exist", "create the folder, or " + _URL_HINT)
    if path.is_dir():
        raise LuoshiError("E152", f"the database path {path} is a folder", _URL_HINT)
    if path.is_file() and path.stat().st_size:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise LuoshiError("E152", f"{path} is not a SQLite database", "point LUOSHI_DATABASE_URL at the luoshi database file")


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """A new engine for ``url`` (default LUOSHI_DATABASE_URL), after ``check_url``."""
    url = url or get_settings().database_url
    check_url(url)
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 60})
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def drop_database(conn: Connection, name: str) -> None:
    """Drop a PostgreSQL database (tests, benchmarks), first ending this role's own connections to it (an engine
    not yet disposed may still hold one); ``conn`` is an AUTOCOMMIT connection to another database of the server.
    Not ``WITH (FORCE)``: that must also end any autovacuum worker in the database, which a role without
    pg_signal_backend may not do (an intermittent InsufficientPrivilege); a plain DROP stops autovacuum itself."""
    if not _PLAIN_NAME.fullmatch(name):
        raise ValueError(f"not a plain database name: {name!r}")
    conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = :name AND usename = current_user AND pid <> pg_backend_pid()"), {"name": name})
    conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for ``url`` (created once)."""
    url = url or get_settings().database_url
    if url not in _ENGINES:
        _ENGINES[url] = make_engine(url)
    return _ENGINES[url]


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Take over transaction control from the sqlite3 module so we can BEGIN
        # IMMEDIATE: a writer then waits for the lock up front instead of failing
        # with "database is locked" when it upgrades a read to a write.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=60000")
        # REPLACE deletes the conflicting row, and SQLite fires DELETE triggers for
        # that only with recursive_triggers on: without it, INSERT OR REPLACE would
        # rewrite append-only history past its BEFORE DELETE trigger.
        cur.execute("PRAGMA recursive_triggers=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Read-only sessions (readonly=True below) begin deferred so readers never queue.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("luoshi_readonly") else "BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine, readonly: bool = False) -> sessionmaker[Session]:
    """``readonly``: for pages that only read (on SQLite they then never wait for a writer)."""
    bind = engine.execution_options(luoshi_readonly=True) if readonly else engine
    return sessionmaker(bind, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine | None = None, readonly: bool = False) -> Iterator[Session]:
    """One transaction: commit on success, roll back everything on any error."""
    with make_sessionmaker(engine or get_engine(), readonly)() as session:
        with session.begin():
            yield session


def get_session() -> Iterator[Session]:
    """FastAPI dependency: one transactional session per request."""
    with session_scope() as session:
        yield session
