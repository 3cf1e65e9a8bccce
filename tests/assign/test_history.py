"""The office's history: decisions on one year's rows become next year's suggestions."""

from sqlalchemy import select

from luoshi.store.assignments import effective, set_assignments
from luoshi.store.commitments import list_commitments
from luoshi.store.import_tasks import import_tasks
from luoshi.store.models import Assignment
from luoshi.store.reports import ingest_extraction
from luoshi.store.tasks import task_rows
from tests.store.conftest import CLAUSES, build_extraction
from tests.store.task_tables import office_table

NEXT_YEAR = [("完成老旧小区综合整治10个以上", "区住房城乡建设委", "binding", None),
             ("持续推进永定河生态修复", "区水务局", "process", None),
             ("做优做强区疾控中心", "区卫生健康委", "process", None)]


def _by_text(session, report_id):
    return {c.text: c for c in list_commitments(session, report_id=report_id)}


def test_confirmed_owners_become_next_years_suggestions_with_their_reason(session):
    old = ingest_extraction(session, *build_extraction(CLAUSES, year=2021, title="2021年政府工作报告")).report
    rows = _by_text(session, old.id)
    c = rows["完成老旧小区综合整治10个"]
    set_assignments(session, c.id, ["区城市管理委"], ["区财政局"], c.version)
    new = ingest_extraction(session, *build_extraction(NEXT_YEAR, year=2022)).report
    session.commit()
    rows = _by_text(session, new.id)
    learned = effective(rows["完成老旧小区综合整治10个以上"])
    assert [(a.department.name, a.role, a.origin) for a in learned] == [("区城市管理委", "lead", "history"), ("区财政局", "support", "history")]
    assert learned[0].reason.startswith("去年同类任务由区城市管理委牵头") and learned[0].learned_from == c.id
    # Rows without a decided precedent keep the rules' suggestion.
    assert [(a.department.name, a.origin) for a in effective(rows["做优做强区疾控中心"])] == [("区卫生健康委", "rules")]
    exported = {r.task: r for r in task_rows(session, report_id=new.id)}
    assert exported["完成老旧小区综合整治10个以上"].lead == "区城市管理委"


def test_a_later_decision_and_an_import_update_the_stored_next_report(session, tmp_path):
    old = ingest_extraction(session, *build_extraction(CLAUSES, year=2021, title="2021年政府工作报告")).report
    new = ingest_extraction(session, *build_extraction(NEXT_YEAR, year=2022)).report
    target = _by_text(session, new.id)["持续推进永定河生态修复"]
    assert [a.origin for a in effective(target)] == ["rules"]
    import_tasks(session, old.id, office_table(tmp_path / "t.xlsx", [("推进永定河生态修复", "区园林绿化局", "区水务局", "")]))
    session.commit()
    target = _by_text(session, new.id)["持续推进永定河生态修复"]
    assert [(a.department.name, a.role, a.origin) for a in effective(target)] == [
        ("区园林绿化局", "lead", "history"), ("区水务局", "support", "history")]
    # Human assignments of the later report are never touched by learning.
    assert session.scalar(select(Assignment).where(Assignment.commitment_id == target.id, Assignment.source == "human")) is None
