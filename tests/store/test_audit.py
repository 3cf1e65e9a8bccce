"""Every write leaves who, when, entity, before and after in the audit log."""

from luoshi.store.audit import list_audit
from luoshi.store.commitments import update_commitment
from luoshi.store.progress import add_progress
from luoshi.store.reports import ingest_extraction
from luoshi.store.users import create_user


def test_audit_records_before_and_after_of_an_edit(session, extraction):
    ex, txt = extraction
    task = ingest_extraction(session, ex, txt).report.commitments[0]
    boss = create_user(session, "boss", "long enough", "supervisor")
    update_commitment(session, task.id, task.version, {"deadline": "2022-06"}, actor=boss)
    session.commit()
    entry = list_audit(session, "commitments", task.id)[0]
    assert (entry.username, entry.action, entry.user_id) == ("boss", "update", boss.id)
    assert (entry.before["deadline"], entry.after["deadline"]) == ("2022", "2022-06")
    assert (entry.before["version"], entry.after["version"]) == (1, 2)
    assert entry.at is not None


def test_audit_covers_ingest_users_and_progress_without_secrets(session, extraction):
    ex, txt = extraction
    task = ingest_extraction(session, ex, txt).report.commitments[0]
    create_user(session, "liaison", "long enough", "department", department="区住房城乡建设委")
    add_progress(session, task.id, "in_progress", 30, "开工")
    session.commit()
    entries = {(e.entity, e.action): e for e in list_audit(session)}
    assert set(entries) == {("reports", "ingest"), ("users", "create"), ("progress_updates", "create")}
    assert entries[("reports", "ingest")].after["counts"]["commitments"] == len(ex.commitments)
    assert "password_hash" not in entries[("users", "create")].after
    assert entries[("progress_updates", "create")].after["percent"] == 30
    assert entries[("users", "create")].username.startswith("cli")
