"""Backup and restore: SQLite's online backup API, or a portable JSON dump (any database).

The JSON dump holds every table in dependency order plus the schema revision, so
it restores into an empty or existing database at the same revision (PostgreSQL
→ SQLite works too). Restore replaces all content in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Engine, delete, insert, select, text

from luoshi.store import migrate
from luoshi.store.errors import BackupError
from luoshi.store.models import Base

SQLITE_MAGIC = b"SQLite format 3\x00"


def backup(engine: Engine, path: str | Path, fmt: str | None = None) -> Path:
    """fmt: "sqlite" (SQLite only; the default there) or "json" (default for PostgreSQL)."""
    path = Path(path)
    fmt = fmt or ("sqlite" if engine.dialect.name == "sqlite" else "json")
    if fmt == "sqlite":
        if engine.dialect.name != "sqlite":
            raise BackupError("a SQLite-file backup needs a SQLite database", "use --format json")
        raw = engine.raw_connection()
        try:
            dest = sqlite3.connect(path)
            with dest:
                raw.driver_connection.backup(dest)
            dest.close()
        finally:
            raw.close()
    else:
        path.write_text(json.dumps(dump(engine), ensure_ascii=False, default=_jsonable), encoding="utf-8")
    return path


def dump(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        tables = {t.name: [dict(r._mapping) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                  for t in Base.metadata.sorted_tables}
    return {"luoshi_backup": 1, "revision": migrate.current_revision(engine), "tables": tables}


def restore(engine: Engine, path: str | Path) -> None:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup file {path}")
    with open(path, "rb") as fh:
        is_sqlite = fh.read(16) == SQLITE_MAGIC
    if is_sqlite:
        _restore_sqlite_file(engine, path)
    else:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BackupError(f"{path} is neither a SQLite file nor a luoshi JSON backup") from exc
        load(engine, data)


def _restore_sqlite_file(engine: Engine, path: Path) -> None:
    if engine.dialect.name != "sqlite":
        raise BackupError("a SQLite-file backup restores only into SQLite", "make a JSON backup instead (--format json)")
    engine.dispose()  # no pooled connection may hold the old pages
    raw = engine.raw_connection()
    try:
        src = sqlite3.connect(path)
        src.backup(raw.driver_connection)
        src.close()
    finally:
        raw.close()
    engine.dispose()


def load(engine: Engine, data: dict[str, Any]) -> None:
    if data.get("luoshi_backup") != 1:
        raise BackupError("not a luoshi JSON backup")
    if migrate.current_revision(engine) is None:
        migrate.upgrade(engine, data["revision"])
    if migrate.current_revision(engine) != data["revision"]:
        raise BackupError(f"backup is at schema {data['revision']}, database at {migrate.current_revision(engine)}",
                          "restore into a fresh database, then run `luoshi db upgrade`")
    tables = Base.metadata.sorted_tables
    with engine.begin() as conn:
        pg = conn.dialect.name == "postgresql"
        if pg:  # TRUNCATE does not fire the row-level append-only trigger
            conn.execute(text("TRUNCATE " + ", ".join(t.name for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS progress_updates_no_delete")
            for t in reversed(tables):
                conn.execute(delete(t))
            conn.exec_driver_sql("CREATE TRIGGER progress_updates_no_delete BEFORE DELETE ON progress_updates "
                                 "BEGIN SELECT RAISE(ABORT, 'progress_updates is append-only'); END")
        for t in tables:
            rows = [_typed(t, r) for r in data["tables"].get(t.name, [])]
            if rows:
                conn.execute(insert(t), rows)
            if pg and rows and "id" in t.c:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), (SELECT max(id) FROM {t.name}))"))


def _typed(table, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for col in table.columns:
        value = out.get(col.name)
        if isinstance(value, str) and isinstance(col.type, DateTime):
            out[col.name] = datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(col.type, Date):
            out[col.name] = date.fromisoformat(value)
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)
