"""Issue 11, defects 5, 6 (backup cases) and 21: restore checks the file first, keeps a safety
copy and says how to roll back; backup refuses the live file and bad destinations."""

import json
import shutil
import sqlite3

import pytest

from luoshi.store import migrate
from luoshi.store.backup import backup, restore
from luoshi.store.db import make_engine
from luoshi.store.errors import BackupError
from tests.store.test_backup import fill, snapshot


def _live(tmp_path, sqlite_template, extraction):
    shutil.copy(sqlite_template, tmp_path / "live.db")
    engine = make_engine(f"sqlite:///{tmp_path / 'live.db'}")
    fill(engine, extraction)
    return engine


def _sqlite(path, *statements):
    conn = sqlite3.connect(path)
    for st in statements:
        conn.execute(st)
    conn.commit()
    conn.close()
    return path


def _json_variant(engine, tmp_path, edit):
    data = json.loads(backup(engine, tmp_path / "good.json", "json").read_text(encoding="utf-8"))
    bad = edit(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    return path


def _drop(d, key):
    d.pop(key)
    return d


def _set(d, table, col, value):
    d["tables"][table][0][col] = value
    return d


JSON_CASES = {
    "list": lambda d: [],
    "no-revision": lambda d: _drop(d, "revision"),
    "unknown-revision": lambda d: {**d, "revision": "ffffffffffff"},
    "unknown-table": lambda d: {**d, "tables": {**d["tables"], "x": []}},
    "unknown-column": lambda d: _set(d, "commitments", "secret", 1),
    "bad-date": lambda d: _set(d, "progress_updates", "created_at", "yesterday"),
    "fk-violation": lambda d: _set(d, "progress_updates", "commitment_id", 999999),
    "tables-not-rows": lambda d: {**d, "tables": {"commitments": "x"}},
}


@pytest.mark.parametrize("case", list(JSON_CASES))
def test_bad_json_backups_change_nothing(engine, extraction, tmp_path, case):
    fill(engine, extraction)
    before = snapshot(engine)
    path = _json_variant(engine, tmp_path, JSON_CASES[case])
    with pytest.raises(BackupError) as err:
        restore(engine, path)
    assert err.value.code == "E107" and err.value.hint and "\n" not in str(err.value)
    assert snapshot(engine) == before


SQLITE_CASES = {
    "foreign-table": lambda p: _sqlite(p, "create table x(a)"),
    "no-revision-row": lambda p: _sqlite(p, "create table alembic_version(version_num text)"),
    "unknown-revision": lambda p: _sqlite(p, "create table alembic_version(version_num text)",
                                          "insert into alembic_version values ('ffffffffffff')"),
}


@pytest.mark.parametrize("case", list(SQLITE_CASES) + ["truncated", "magic-only"])
def test_foreign_or_broken_sqlite_files_are_refused(tmp_path, sqlite_template, extraction, case):
    engine = _live(tmp_path, sqlite_template, extraction)
    before = snapshot(engine)
    path = tmp_path / "other.db"
    if case == "truncated":
        good = backup(engine, tmp_path / "good.db")
        path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    elif case == "magic-only":
        path.write_bytes(b"SQLite format 3\x00" + bytes(200))
    else:
        SQLITE_CASES[case](path)
    with pytest.raises(BackupError) as err:
        restore(engine, path)
    assert err.value.code == "E107" and "\n" not in str(err.value)
    assert snapshot(engine) == before
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_restore_keeps_a_safety_copy_and_rolls_back(tmp_path, sqlite_template, extraction):
    engine = _live(tmp_path, sqlite_template, extraction)
    before = snapshot(engine)
    empty = tmp_path / "empty.db"
    shutil.copy(sqlite_template, empty)
    result = restore(engine, empty)
    assert snapshot(engine)[0] == 0
    assert result.safety_copy is not None and result.safety_copy.is_file()
    assert f"luoshi db restore {result.safety_copy}" in result.message(empty)
    restore(engine, result.safety_copy)  # the roll back the message names
    assert snapshot(engine) == before


def test_older_revision_is_upgraded_and_said(tmp_path, sqlite_template, extraction):
    engine = _live(tmp_path, sqlite_template, extraction)
    old = tmp_path / "old.db"
    old_engine = make_engine(f"sqlite:///{old}")
    first = migrate.head_revision()
    revisions = []
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(None))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    first = revisions[0]
    migrate.upgrade(old_engine, first)
    old_engine.dispose()
    result = restore(engine, old)
    assert result.revision == first and result.upgraded
    assert "upgraded to" in result.message(old)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_backup_onto_the_live_file_is_refused(tmp_path, sqlite_template, extraction):
    engine = _live(tmp_path, sqlite_template, extraction)
    with pytest.raises(BackupError, match="live database"):
        backup(engine, tmp_path / "live.db")
    assert snapshot(engine)[0] > 0


@pytest.mark.parametrize("where", ["missing/ledger.db", "."])
def test_backup_to_bad_destinations(tmp_path, sqlite_template, extraction, where):
    engine = _live(tmp_path, sqlite_template, extraction)
    with pytest.raises(BackupError) as err:
        backup(engine, tmp_path / where)
    assert err.value.code == "E107"
