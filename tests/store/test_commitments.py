"""Guarded edits: a stale version raises ConflictError; edits are audited and locked."""

from datetime import date

import pytest

from luoshi.store.assignments import accept_suggestions, assign, effective, remove_assignment, set_assignments
from luoshi.store.commitments import list_commitments, set_deadline, tracking_for, update_commitment
from luoshi.store.db import make_sessionmaker
from luoshi.store.errors import ConflictError, InvalidValueError, PermissionDeniedError
from luoshi.store.models import Commitment
from luoshi.store.progress import add_progress
from luoshi.store.reports import ingest_extraction
from luoshi.store.users import create_user


@pytest.fixture
def task_id(session, extraction):
    ex, txt = extraction
    first = ingest_extraction(session, ex, txt).report.commitments[0].id
    session.commit()  # after this, no lazy load: it would open a write transaction on SQLite
    return first


def test_second_supervisor_with_stale_version_gets_conflict(engine, task_id):
    maker = make_sessionmaker(engine)
    with make_sessionmaker(engine, readonly=True)() as page:  # both open the edit form
        seen_a = seen_b = page.get(Commitment, task_id).version
    with maker() as alice:
        update_commitment(alice, task_id, seen_a, {"note": "A 的意见"})
        alice.commit()
    with maker() as bob:
        with pytest.raises(ConflictError, match="changed by someone else"):
            update_commitment(bob, task_id, seen_b, {"note": "B 的意见"})
    with maker() as s:
        assert s.get(Commitment, task_id).note == "A 的意见"


def test_stale_write_racing_past_the_check_is_a_conflict(engine, task_id):
    maker = make_sessionmaker(engine)
    with maker() as alice:
        row = alice.get(Commitment, task_id)
        alice.commit()
        with maker() as bob:
            update_commitment(bob, task_id, row.version, {"note": "B"})
            bob.commit()
        row.note = "A"  # alice's copy still says the old version
        with pytest.raises(Exception, match="expected to update 1 row"):
            alice.flush()


def test_stale_edit_racing_past_the_check_is_a_conflict_and_the_session_lives_on(engine, task_id, monkeypatch):
    """Bob saves between Alice's version check and her flush (PostgreSQL: SQLite serialises writers)."""
    from sqlalchemy import select

    import luoshi.store.commitments as commitments

    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite writers are serialised (BEGIN IMMEDIATE): no write can slip past the check")
    maker = make_sessionmaker(engine)
    checked = commitments.check_version

    def check_then_bob_saves(row, expected_version):
        checked(row, expected_version)
        monkeypatch.setattr(commitments, "check_version", checked)  # once: Bob's own save checks normally
        with maker() as bob:
            update_commitment(bob, task_id, expected_version, {"note": "B"})
            bob.commit()

    monkeypatch.setattr(commitments, "check_version", check_then_bob_saves)
    with maker() as alice:
        with pytest.raises(ConflictError, match=f"commitment {task_id} was changed"):
            update_commitment(alice, task_id, 1, {"note": "A"})
        # Rolled back, not left pending: the error page may still read (no PendingRollbackError).
        assert alice.scalar(select(Commitment.note).where(Commitment.id == task_id)) == "B"


def test_update_commitment_locks_edited_fields_and_rejects_unknown(session, task_id):
    row = update_commitment(session, task_id, 1, {"deadline": "2022-09"})
    assert row.locked_fields == ["deadline"] and row.version == 2
    with pytest.raises(InvalidValueError):
        update_commitment(session, task_id, row.version, {"start": 0})


def test_set_deadline_drives_tracking(session, task_id):
    row = set_deadline(session, task_id, date(2022, 3, 31), 1)
    track = tracking_for(session, [row], today=date(2022, 4, 1))[task_id]
    assert (track.due, track.status) == (date(2022, 3, 31), "overdue")


def test_human_assignments_override_suggestions(session, task_id):
    row = list_commitments(session)[0]
    assert [(a.source, a.department.name) for a in effective(row)] == [("engine", "区住房城乡建设委")]
    accepted = accept_suggestions(session, task_id)
    assert [(a.source, a.department.name, a.role) for a in accepted] == [("human", "区住房城乡建设委", "lead")]
    assign(session, task_id, "区城市管理委", "support")
    session.commit()
    assert [c.text for c in list_commitments(session, department="区城市管理委")] == [row.text]
    assert [(a.department.name, a.role) for a in effective(row)] == [("区住房城乡建设委", "lead"), ("区城市管理委", "support")]


def test_set_assignments_replaces_human_set_and_checks_version(session, task_id):
    row = list_commitments(session)[0]
    version = row.version
    set_assignments(session, task_id, ["区城市管理委"], ["区水务局", "区城市管理委"], version)
    assert [(a.department.name, a.role) for a in effective(row)] == [("区城市管理委", "lead"), ("区水务局", "support")]
    assert row.version == version + 1
    with pytest.raises(ConflictError):
        set_assignments(session, task_id, ["区水务局"], [], version)


def test_remove_assignment_checks_version_and_source(session, task_id):
    human = assign(session, task_id, "区城市管理委")
    engine_row = next(a for a in list_commitments(session)[0].assignments if a.source == "engine")
    with pytest.raises(InvalidValueError):
        remove_assignment(session, engine_row.id, engine_row.version)
    with pytest.raises(ConflictError):
        remove_assignment(session, human.id, human.version + 1)
    remove_assignment(session, human.id, human.version)
    session.commit()
    assert [a.source for a in list_commitments(session)[0].assignments] == ["engine"]


@pytest.mark.parametrize("role", ["department", "viewer"])
def test_only_office_edits_tasks(session, task_id, role):
    user = create_user(session, "u", "secret-pass", role, department="区水务局")
    with pytest.raises(PermissionDeniedError):
        update_commitment(session, task_id, 1, {"note": "x"}, actor=user)
    with pytest.raises(PermissionDeniedError):
        assign(session, task_id, "区水务局", actor=user)


def test_tracking_uses_latest_progress(session, task_id):
    add_progress(session, task_id, "in_progress", 10, reported_on=date(2022, 3, 1))
    add_progress(session, task_id, "in_progress", 60, reported_on=date(2022, 6, 1))
    row = list_commitments(session)[0]
    track = tracking_for(session, [row], today=date(2022, 7, 1))[task_id]
    assert (track.percent, track.status, round(track.expected)) == (60, "on_track", 49)
