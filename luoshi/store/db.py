"""Engines and sessions: SQLite by default (WAL, foreign keys), PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from luoshi.store.settings import get_settings

_ENGINES: dict[str, Engine] = {}


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """A new engine for ``url`` (default LUOSHI_DATABASE_URL)."""
    url = url or get_settings().database_url
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 60})
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


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
