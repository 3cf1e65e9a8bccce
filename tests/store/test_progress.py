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
