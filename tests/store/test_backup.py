"""Backup and restore: SQLite file copies, and JSON dumps on every backend."""

import pytest
from sqlalchemy import func, select

from luoshi.store.backup import backup, restore
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.errors import BackupError
from luoshi.store.models import Commitment, ProgressUpdate
from luoshi.store.progress import add_progress
from luoshi.store.reports import ingest_extraction
from luoshi.store.users import create_user


def fill(engine, extraction):
    ex, txt = extraction
    with make_sessionmaker(engine)() as s:
        task = ingest_extraction(s, ex, txt).report.commitments[0]
        add_progress(s, task.id, "in_progress", 30, "开工")
        create_user(s, "office", "long enough", "admin")
        s.commit()


def snapshot(engine):
    with make_sessionmaker(engine)() as s:
        return (s.scalar(select(func.count()).select_from(Commitment)),
                [(p.seq, p.percent, p.note) for p in s.scalars(select(ProgressUpdate))])


def wipe_with_new_work(engine):
    with make_sessionmaker(engine)() as s:
        add_progress(s, 1, "done", 100, "after the backup")
        s.commit()


def test_backup_json_round_trip(engine, extraction, tmp_path):
    fill(engine, extraction)
    expected = snapshot(engine)
    path = backup(engine, tmp_path / "ledger.json", "json")
    wipe_with_new_work(engine)
    restore(engine, path)
    assert snapshot(engine) == expected
    with make_sessionmaker(engine)() as s:  # ids continue after the restored ones
        assert add_progress(s, 1, "in_progress", 50).seq == 2


def test_backup_sqlite_file_round_trip(tmp_path, sqlite_template, extraction):
    import shutil

    shutil.copy(sqlite_template, tmp_path / "live.db")
    engine = make_engine(f"sqlite:///{tmp_path / 'live.db'}")
    fill(engine, extraction)
    expected = snapshot(engine)
    path = backup(engine, tmp_path / "copy.db")
    assert path.read_bytes()[:15] == b"SQLite format 3"
    wipe_with_new_work(engine)
    restore(engine, path)
    assert snapshot(engine) == expected


def test_json_backup_restores_into_an_empty_database(engine, extraction, tmp_path):
    fill(engine, extraction)
    path = backup(engine, tmp_path / "ledger.json", "json")
    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    restore(fresh, path)
    assert snapshot(fresh) == snapshot(engine)


@pytest.mark.parametrize("content", [b"not a backup", b'{"tables": {}}'])
def test_restore_rejects_foreign_files(engine, tmp_path, content):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(BackupError):
        restore(engine, path)
