"""Observations, verdicts and 任务分解表 rows read back from the ledger."""

from datetime import date

import pytest

from luoshi.model import Evidence, Link
from luoshi.store.errors import ConflictError, InvalidValueError
from luoshi.store.observations import add_observation, import_observations_csv, list_observations
from luoshi.store.progress import add_progress
from luoshi.store.reports import ingest_extraction
from luoshi.store.tasks import task_rows
from luoshi.store.verdicts import list_verdicts, set_verdict, store_links


def test_task_rows_carry_status_and_latest_progress(session, extraction):
    ex, txt = extraction
    tasks = ingest_extraction(session, ex, txt).report.commitments
    add_progress(session, tasks[0].id, "in_progress", 60, "完成6个", reported_on=date(2022, 6, 1))
    rows = task_rows(session, today=date(2022, 7, 1))
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    assert (first.section, first.lead, first.strength, first.indicators) == ("一、2022年工作安排", "区住房城乡建设委", "约束性", "老旧小区综合整治 10个")
    assert (first.status, first.progress) == ("正常推进", "2022-06-01 60% 完成6个")
    assert [r.task for r in task_rows(session, department="区水务局")] == [tasks[1].text]


@pytest.mark.parametrize(("period", "observed_on"), [("2022-03", date(2022, 3, 31)), ("2022", date(2022, 12, 31))])
def test_manual_observation_dated_by_period(session, period, observed_on):
    row = add_observation(session, "接诉即办响应率", 99.5, period=period, unit="%", region="北京市门头沟区")
    assert (row.observed_on, row.source) == (observed_on, "manual")


def test_csv_import_is_all_or_nothing(session, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("metric,period,value,unit\n接诉即办响应率,2022-01,98.1,%\n接诉即办响应率,2022-02,99.0%,%\n", encoding="utf-8-sig")
    rows = import_observations_csv(session, good, region="北京市门头沟区")
    assert [(o.period, o.value) for o in rows] == [("2022-01", 98.1), ("2022-02", 99.0)]
    bad = tmp_path / "bad.csv"
    bad.write_text("metric,period,value\n满意率,2022-03,高\n", encoding="utf-8")
    with pytest.raises(InvalidValueError, match="line 2"):
        import_observations_csv(session, bad)
    assert [o.period for o in list_observations(session, metric="接诉即办响应率", region="北京市门头沟区")] == ["2022-01", "2022-02"]


def test_confirmed_verdict_survives_relinking(session, extraction):
    ex, txt = extraction
    tasks = ingest_extraction(session, ex, txt).report.commitments
    rid = tasks[0].report_id
    ev = [Evidence("2023", "完成老旧小区综合整治12个", 5, 17, "12个", 0.9)]
    links = [Link("c1", "commitment", tasks[0].text, 0, 1, "fulfilled", 0.9, "数字达标", ev),
             Link("c2", "commitment", tasks[1].text, 0, 1, "no_evidence", 0.0, "无")]
    shown = store_links(session, rid, links)[1].version  # the version the supervisor's form carried
    confirmed = set_verdict(session, tasks[1].id, "partial", "人工核实", expected_version=shown)
    with pytest.raises(ConflictError):
        set_verdict(session, tasks[1].id, "fulfilled", "again", expected_version=shown)
    store_links(session, rid, [Link("c1", "commitment", "", 0, 1, "partial", 0.5, "新引擎"),
                               Link("c2", "commitment", "", 0, 1, "no_evidence", 0.0, "新引擎")])
    by_source = {v.source_id: v for v in list_verdicts(session, "commitment")}
    assert (by_source[tasks[1].id].id, by_source[tasks[1].id].status) == (confirmed.id, "partial")
    assert (by_source[tasks[0].id].status, by_source[tasks[0].id].confirmed) == ("partial", False)


def _with_parts_and_sources(ex):
    """The task engine's row shape: a deadline on every row with its source, parts with owners."""
    from luoshi.model import CommitmentPart, Department

    first, second, third, _ = ex.commitments
    first.deadline, first.deadline_text, first.deadline_source = "2022-06", "6月底前", "written"
    second.deadline, second.deadline_text, second.deadline_source = "2022-12-31", None, "default"
    third.deadline, third.deadline_text, third.deadline_source = "2026-12-31", None, "default"
    cut = second.start + second.text.index("生态")
    second.parts = [CommitmentPart(second.start, cut, second.text[: cut - second.start], [Department("区水务局", "lead", ["永定河"])]),
                    CommitmentPart(cut, second.end, second.text[cut - second.start:], [Department("区生态环境局", "lead", ["生态"])])]
    return ex


def test_parts_and_deadline_source_go_through_store_tracking_and_exports(session, extraction, tmp_path):
    from openpyxl import load_workbook

    from luoshi.export import write_xlsx
    from luoshi.store.commitments import list_commitments, tracking_for

    ex, txt = extraction
    ingest_extraction(session, _with_parts_and_sources(ex), txt)
    session.commit()
    stored = list_commitments(session)
    assert [c.deadline_source for c in stored] == ["written", "default", "default", None]
    assert stored[1].parts[1] == {"start": stored[1].parts[1]["start"], "end": stored[1].end, "text": "生态修复",
                                  "departments": [{"name": "区生态环境局", "role": "lead", "matched": ["生态"], "reason": None}]}
    assert all(txt[p["start"]:p["end"]] == p["text"] for c in stored for p in c.parts)
    # The date a row is tracked against is the date it shows.
    track = tracking_for(session, stored, today=date(2022, 7, 1))
    assert [track[c.id].due for c in stored[:3]] == [date(2022, 6, 30), date(2022, 12, 31), date(2026, 12, 31)]
    rows = task_rows(session, today=date(2022, 7, 1))
    assert [r.deadline for r in rows[:3]] == ["2022年6月30日（6月底前）", "2022年12月31日（年度计划默认）", "2026年12月31日（规划期末默认）"]
    assert rows[0].status == "逾期"
    assert rows[1].parts == "①推进永定河（区水务局）；②生态修复（区生态环境局）"
    write_xlsx(rows, tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx").active
    header = [c.value for c in sheet[2]]
    assert header[:5] == ["序号", "章节", "任务内容", "分项及责任单位", "量化指标"]
    assert sheet.cell(4, 4).value == rows[1].parts and sheet.cell(4, 6).value == "2022年12月31日（年度计划默认）"
