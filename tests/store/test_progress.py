"""Progress history is append-only: no API to change it, and the database refuses too."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from luoshi.store.errors import AppendOnlyError, InvalidValueError, PermissionDeniedError
from luoshi.store.progress import add_progress, list_progress
from luoshi.store.reports import ingest_extraction
from luoshi.store.users import create_user


@pytest.fixture
def task(session, extraction):
    ex, txt = extraction
    first = ingest_extraction(session, ex, txt).report.commitments[0]
    session.commit()
    return first


def test_progress_numbers_updates_per_task(session, task):
    for pct in (10, 30, 60):
        add_progress(session, task.id, "in_progress", pct)
    session.commit()
    assert [(p.seq, p.percent) for p in list_progress(session, task.id)] == [(1, 10), (2, 30), (3, 60)]


def test_progress_same_token_twice_adds_once(session, task):
    first = add_progress(session, task.id, "in_progress", 20, token="form-abc")
    again = add_progress(session, task.id, "in_progress", 20, token="form-abc")
    session.commit()
    assert again.id == first.id and len(list_progress(session, task.id)) == 1


@pytest.mark.parametrize("sql", ["UPDATE progress_updates SET percent = 99", "DELETE FROM progress_updates"])
def test_progress_database_rejects_update_and_delete(engine, session, task, sql):
    add_progress(session, task.id, "in_progress", 20)
    session.commit()
    with pytest.raises(DatabaseError, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text(sql))
    assert [p.percent for p in list_progress(session, task.id)] == [20]


@pytest.mark.parametrize("how", ["update", "delete"])
def test_progress_orm_refuses_changes(session, task, how):
    row = add_progress(session, task.id, "in_progress", 20)
    session.commit()
    if how == "update":
        row.percent = 90
    else:
        session.delete(row)
    with pytest.raises(AppendOnlyError):
        session.flush()


@pytest.mark.parametrize(("state", "percent"), [("finished", 10), ("in_progress", 120), ("in_progress", -1)])
def test_progress_rejects_invalid_values(session, task, state, percent):
    with pytest.raises(InvalidValueError):
        add_progress(session, task.id, state, percent)


def test_department_user_reports_only_for_own_tasks(session, task):
    own = create_user(session, "water", "secret-pass", "department", department="区住房城乡建设委")
    other = create_user(session, "culture", "secret-pass", "department", department="区文化和旅游局")
    viewer = create_user(session, "public", "secret-pass", "viewer")
    row = add_progress(session, task.id, "in_progress", 10, actor=own)
    assert row.department_id == own.department_id and row.user_id == own.id
    for user in (other, viewer):
        with pytest.raises(PermissionDeniedError):
            add_progress(session, task.id, "in_progress", 10, actor=user)


def test_progress_token_is_scoped_to_task_and_user(session, extraction):
    ex, txt = extraction
    first_task, second_task = ingest_extraction(session, ex, txt).report.commitments[:2]
    admin = create_user(session, "boss", "secret-pass", "admin")
    other_admin = create_user(session, "boss2", "secret-pass", "admin")
    session.commit()
    mine = add_progress(session, first_task.id, "in_progress", 10, token="form-1", actor=admin)
    other_task = add_progress(session, second_task.id, "in_progress", 30, token="form-1", actor=admin)
    other_user = add_progress(session, first_task.id, "in_progress", 50, token="form-1", actor=other_admin)
    resent = add_progress(session, first_task.id, "in_progress", 10, token="form-1", actor=admin)
    session.commit()
    assert len({mine.id, other_task.id, other_user.id}) == 3 and resent.id == mine.id
    assert other_task.commitment_id == second_task.id and other_task.percent == 30
    assert [p.percent for p in list_progress(session, first_task.id)] == [10, 50]


def test_progress_token_race_returns_existing_row(session, task, monkeypatch):
    """A concurrent resend that passes the lookup and loses the insert gets the first row, not an error."""
    from luoshi.store import progress

    first = add_progress(session, task.id, "in_progress", 20, token="form-race")
    session.commit()
    real, calls = progress._by_token, []

    def missed_once(s, stored):  # the first lookup runs before the other request commits
        calls.append(stored)
        return None if len(calls) == 1 else real(s, stored)

    monkeypatch.setattr(progress, "_by_token", missed_once)
    again = add_progress(session, task.id, "in_progress", 20, token="form-race")
    session.commit()
    assert len(calls) == 2 and again.id == first.id
    assert [p.percent for p in list_progress(session, task.id)] == [20]


def test_progress_database_rejects_replace(engine, session, task):
    """INSERT OR REPLACE (SQLite) / ON CONFLICT DO UPDATE (PostgreSQL) on (commitment_id, seq) cannot rewrite history."""
    row = add_progress(session, task.id, "in_progress", 20)
    session.commit()
    cols = "(commitment_id, seq, reported_on, state, percent, note, evidence, created_at)"
    vals = f"({task.id}, {row.seq}, '2020-01-01', 'finished', 100, 'rewritten', '[]', CURRENT_TIMESTAMP)"
    if engine.dialect.name == "sqlite":
        statements = [f"INSERT OR REPLACE INTO progress_updates {cols} VALUES {vals}",
                      f"REPLACE INTO progress_updates {cols} VALUES {vals}"]
    else:
        statements = [f"INSERT INTO progress_updates {cols} VALUES {vals} "
                      "ON CONFLICT (commitment_id, seq) DO UPDATE SET percent = 100"]
    for sql in statements:
        with pytest.raises(DatabaseError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    session.expire_all()
    assert [(p.seq, p.percent, p.note) for p in list_progress(session, task.id)] == [(row.seq, 20, "")]
