"""Reminders: unfinished tasks due within N days or overdue, grouped by department."""

from datetime import date

from luoshi.store.commitments import set_deadline
from luoshi.store.progress import add_progress
from luoshi.store.remind import due_items, format_reminder
from luoshi.store.reports import ingest_extraction


def test_remind_lists_due_and_overdue_per_department(session, extraction):
    ex, txt = extraction
    tasks = ingest_extraction(session, ex, txt).report.commitments
    set_deadline(session, tasks[1].id, date(2022, 3, 10), tasks[1].version)  # 区水务局: due in 9 days
    set_deadline(session, tasks[3].id, date(2022, 2, 20), tasks[3].version)  # 区文化和旅游局: overdue
    set_deadline(session, tasks[0].id, date(2022, 3, 5), tasks[0].version)
    # done before "today": never reminded (progress counts as of the day it was filed)
    add_progress(session, tasks[0].id, "done", 100, reported_on=date(2022, 2, 28))
    due = due_items(session, within_days=14, today=date(2022, 3, 1))
    assert {d.name: [(i.commitment_id, i.days_left) for i in items] for d, items in due.items()} == {
        "区水务局": [(tasks[1].id, 9)], "区文化和旅游局": [(tasks[3].id, -9)]}
    text = "\n".join(format_reminder(d, items) for d, items in due.items())
    assert "逾期 9 天" in text and "剩余 9 天" in text and tasks[1].text in text


def test_remind_nothing_far_from_deadline(session, extraction):
    ex, txt = extraction
    ingest_extraction(session, ex, txt)
    assert due_items(session, within_days=14, today=date(2022, 2, 1)) == {}


def test_remind_ignores_progress_filed_after_the_day_asked_about(session, extraction):
    ex, txt = extraction
    tasks = ingest_extraction(session, ex, txt).report.commitments
    set_deadline(session, tasks[0].id, date(2022, 3, 5), tasks[0].version)
    add_progress(session, tasks[0].id, "done", 100, reported_on=date(2022, 3, 4))
    before = due_items(session, within_days=14, today=date(2022, 3, 1))
    after = due_items(session, within_days=14, today=date(2022, 3, 4))
    assert [(i.commitment_id, i.days_left) for items in before.values() for i in items if i.commitment_id == tasks[0].id] == [(tasks[0].id, 4)]
    assert all(i.commitment_id != tasks[0].id for items in after.values() for i in items)
