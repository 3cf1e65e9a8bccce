"""Backup and restore: SQLite's online backup API, or a portable JSON dump (any database).

The JSON dump holds every table in dependency order plus the schema revision, so
it restores into an empty or existing database at the same revision (PostgreSQL
→ SQLite works too). Restore replaces all content in one transaction, only after the file
is checked (a luoshi database or dump at a schema revision this version knows) and a
safety copy of the current content is written beside the backup, named in the output.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Engine, delete, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from luoshi.errors import LuoshiError
from luoshi.store import migrate
from luoshi.store.errors import BackupError
from luoshi.store.models import Base
from luoshi.store.roles import PRIVILEGE_HINT, lacks_privilege

SQLITE_MAGIC = b"SQLite format 3\x00"


def backup(engine: Engine, path: str | Path, fmt: str | None = None) -> Path:
    """fmt: "sqlite" (SQLite only; the default there) or "json" (default for PostgreSQL)."""
    path = Path(path)
    fmt = fmt or ("sqlite" if engine.dialect.name == "sqlite" else "json")
    _check_destination(engine, path)
    existed = path.exists()
    try:
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
            payload = json.dumps(dump(engine), ensure_ascii=False, default=_jsonable)
            tmp = path.with_name(path.name + ".part")
            try:
                tmp.write_text(payload, encoding="utf-8")
                os.replace(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        if not existed:
            path.unlink(missing_ok=True)  # no partial backup left behind
        raise BackupError(f"cannot write the backup {path}: {_one_line(exc)}", "check the folder and the free disk space") from None
    return path


def _check_destination(engine: Engine, path: Path) -> None:
    if path.is_dir():
        raise BackupError(f"{path} is a folder", "give a file name for the backup, e.g. ledger-backup.db")
    if not path.parent.is_dir():
        raise BackupError(f"the folder {path.parent} does not exist", "create it first or choose another place")
    live = _sqlite_file(engine)
    if live is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            other = Path(str(live) + suffix)
            same = os.path.samefile(path, other) if other.exists() and path.exists() else path.resolve() == other.resolve()
            if same:
                raise BackupError(f"{path} is the live database file itself", "write the backup to another file name")


def _sqlite_file(engine: Engine) -> Path | None:
    db = engine.url.database if engine.dialect.name == "sqlite" else None
    return Path(db) if db and db != ":memory:" and not db.startswith("file:") else None


def dump(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        tables = {t.name: [dict(r._mapping) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                  for t in Base.metadata.sorted_tables}
    return {"luoshi_backup": 1, "revision": migrate.current_revision(engine), "tables": tables}


def restore(engine: Engine, path: str | Path, safety_dir: str | Path | None = None) -> RestoreResult:
    """Replace the database content with a backup, after checking it is a luoshi backup at a
    known schema revision and keeping a safety copy of the current content (to roll back)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup file {path}", "give the path of a file written by `luoshi db backup`")
    try:
        with open(path, "rb") as fh:
            is_sqlite = fh.read(16) == SQLITE_MAGIC
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {_one_line(exc)}") from None
    if is_sqlite:
        revision = _check_sqlite_backup(path)
        data = None
    else:
        data = _read_json_backup(path)
        revision = data["revision"]
    safety = _safety_copy(engine, Path(safety_dir) if safety_dir else path.resolve().parent)
    if is_sqlite:
        _restore_sqlite_file(engine, path)
        upgraded = revision != migrate.head_revision()
        if upgraded:
            migrate.upgrade(engine)
    else:
        load(engine, data)
        upgraded = False
    return RestoreResult(revision, upgraded, safety)


@dataclass
class RestoreResult:
    revision: str
    upgraded: bool  # an older schema was upgraded to the current one after the copy
    safety_copy: Path | None  # the content before the restore (None: the database was empty)

    def message(self, path: Path) -> str:
        lines = [f"restored from {path} (schema {self.revision}"
                 + (f", upgraded to {migrate.head_revision()})" if self.upgraded else ")")]
        if self.safety_copy is not None:
            lines.append(f"the previous content is kept in {self.safety_copy}; "
                         f"to roll back: luoshi db restore {self.safety_copy}")
        return "\n".join(lines)


def _known_revisions() -> list[str]:
    """Revisions of this version's migrations, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(None))  # type: ignore[arg-type]
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _check_revision(revision: Any, path: Path) -> str:
    known = _known_revisions()
    if not isinstance(revision, str) or not revision:
        raise BackupError(f"{path} has no schema revision, so it is not a luoshi backup",
                          "give a file written by `luoshi db backup`")
    if revision not in known:
        raise BackupError(f"{path} is at schema revision {revision}, unknown to this luoshi version",
                          "restore it with the luoshi version that wrote it, or upgrade luoshi")
    return revision


# Tables added after the first revision: a backup of an earlier revision has none (the upgrade adds them).
ADDED_IN = {"themes": "0006_report_themes"}


def _had_table(revision: str, table: str) -> bool:
    added = ADDED_IN.get(table)
    if added is None:
        return True
    order = migrate.revisions()
    return revision in order and order.index(revision) >= order.index(added)


def _check_sqlite_backup(path: Path) -> str:
    """The schema revision of a SQLite backup file, after checking it is a whole luoshi database."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"{path} cannot be opened as SQLite: {_one_line(exc)}") from None
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{path} is a damaged SQLite file", "use an older backup")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            raise BackupError(f"{path} is a SQLite file but not a luoshi database (no schema revision)",
                              "give a file written by `luoshi db backup`")
        revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        revision = _check_revision(revisions[0] if len(revisions) == 1 else None, path)
        # every model table exists from the revision that added it (most from the first)
        missing = sorted(t.name for t in Base.metadata.sorted_tables if t.name not in tables and _had_table(revision, t.name))
        if missing:
            raise BackupError(f"{path} lacks the ledger tables {', '.join(missing)}", "give a file written by `luoshi db backup`")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupError(f"{path} has rows pointing at missing rows (foreign keys)", "use an older backup")
        return revision
    except sqlite3.Error as exc:  # truncated or not really a database
        raise BackupError(f"{path} is not a readable SQLite database: {_one_line(exc)}", "use an older backup") from None
    finally:
        conn.close()


def _read_json_backup(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, OSError) as exc:
        raise BackupError(f"{path} is neither a SQLite file nor a luoshi JSON backup: {_one_line(exc)}",
                          "give a file written by `luoshi db backup`") from None
    if not isinstance(data, dict) or data.get("luoshi_backup") != 1 or not isinstance(data.get("tables"), dict):
        raise BackupError(f"{path} is not a luoshi JSON backup", "give a file written by `luoshi db backup`")
    _check_revision(data.get("revision"), path)
    columns = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    for name, rows in data["tables"].items():
        if name not in columns:
            raise BackupError(f"{path} has an unknown table {name!r}", "give a file written by `luoshi db backup`")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise BackupError(f"{path}: table {name} is not a list of rows", "give a file written by `luoshi db backup`")
        for row in rows:
            extra = set(row) - columns[name]
            if extra:
                raise BackupError(f"{path}: table {name} has unknown columns {', '.join(sorted(extra))}",
                                  "the backup comes from another version or was edited")
    return data


def _safety_copy(engine: Engine, folder: Path) -> Path | None:
    """A backup of the current content before it is replaced; None when there is nothing to keep."""
    try:
        revision = migrate.current_revision(engine)
    except Exception:  # noqa: BLE001 - an unreadable current database: nothing we can copy
        revision = None
    if revision is None:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    fmt = "sqlite" if engine.dialect.name == "sqlite" else "json"
    live = _sqlite_file(engine)
    if live is not None and not os.access(folder, os.W_OK):
        folder = live.resolve().parent
    ext = "db" if fmt == "sqlite" else "json"
    target = folder / f"luoshi-before-restore-{stamp}.{ext}"
    n = 1
    while target.exists():  # never overwrite an earlier safety copy (or the file being restored)
        n += 1
        target = folder / f"luoshi-before-restore-{stamp}-{n}.{ext}"
    return backup(engine, target, fmt)


def _restore_sqlite_file(engine: Engine, path: Path) -> None:
    if engine.dialect.name != "sqlite":
        raise BackupError("a SQLite-file backup restores only into SQLite", "make a JSON backup instead (--format json)")
    engine.dispose()  # no pooled connection may hold the old pages
    raw = engine.raw_connection()
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        src.backup(raw.driver_connection)
        src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"cannot restore {path}: {_one_line(exc)}", "the safety copy named below still holds the old content") from None
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
    try:
        typed = {t.name: [_typed(t, r) for r in data["tables"].get(t.name, [])] for t in tables}
    except (ValueError, TypeError) as exc:
        raise BackupError(f"the backup has a bad value: {_one_line(exc)}", "the backup was edited or damaged") from None
    try:
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
                rows = typed[t.name]
                if rows:
                    conn.execute(insert(t), rows)
                if pg and rows and "id" in t.c:
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), (SELECT max(id) FROM {t.name}))"))
            if not pg and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise BackupError("the backup has rows pointing at missing rows (foreign keys)", "use an older backup")
    except SQLAlchemyError as exc:  # the whole transaction rolled back: nothing changed
        if lacks_privilege(exc):
            raise LuoshiError("E157", f"this database role may not replace the ledger: {_one_line(exc.orig or exc)}",
                              "nothing was changed; " + PRIVILEGE_HINT) from None
        raise BackupError(f"the backup does not fit the schema: {_one_line(exc.orig or exc)}",
                          "nothing was changed; use an older backup") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


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
