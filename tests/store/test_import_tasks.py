"""Importing an office's 任务分解表: owners and deadlines onto the report's rows, all or nothing."""

from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from luoshi.store.assignments import effective
from luoshi.store.errors import TaskTableError
from luoshi.store.import_tasks import import_tasks
from luoshi.store.models import Assignment, AuditEntry, Commitment, Department
from luoshi.store.reports import ingest_extraction
from luoshi.store.task_table import read_table, split_units
from tests.store.task_tables import office_table

ROWS = [
    ("完成老旧小区综合整治10个", "区住房城乡建设委", "区财政局", "2022年10月底前"),
    ("推进永定河生态修复工作", "区水务局", "区园林绿化局、区生态环境局", "年内"),
    ("新建一座月球科学基地", "区发展改革委", "", "长期坚持"),  # in no report row
]


@pytest.fixture
def report_id(session, extraction):
    res = ingest_extraction(session, *extraction)
    session.commit()
    return res.report.id


def snapshot(session):
    """Everything an import may change."""
    human = session.execute(select(Assignment.commitment_id, Assignment.department_id, Assignment.role)
                            .where(Assignment.source == "human").order_by(Assignment.id)).all()
    return (human, session.execute(select(Commitment.id, Commitment.due_date, Commitment.version).order_by(Commitment.id)).all(),
            session.scalar(select(func.count()).select_from(AuditEntry)), session.scalar(select(func.count()).select_from(Department)))


def owners(session, text):
    c = session.scalar(select(Commitment).where(Commitment.text == text))
    return [(a.department.name, a.role, a.origin) for a in effective(c)], c.due_date


def test_import_marked_lead_column_applies_owners_and_deadlines(session, report_id, tmp_path):
    path = office_table(tmp_path / "分解表.xlsx", ROWS)
    result = import_tasks(session, report_id, path)
    session.commit()
    assert [(p.row.line, p.commitment_key) for p in result.placed] == [(5, "c1"), (6, "c2")]
    assert all(p.score >= 70 for p in result.placed) and result.placed[0].score == 100
    assert [r.task for r in result.unplaced] == ["新建一座月球科学基地"]
    assert owners(session, "完成老旧小区综合整治10个") == (
        [("区住房城乡建设委", "lead", "import"), ("区财政局", "support", "import")], date(2022, 10, 31))
    assert owners(session, "推进永定河生态修复") == (
        [("区水务局", "lead", "import"), ("区园林绿化局", "support", "import"), ("区生态环境局", "support", "import")], date(2022, 12, 31))
    assert (result.owners_applied, result.deadlines_applied) == (2, 2)
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "import"))
    assert entry.after["placed"] == 2 and entry.after["unplaced"] == 1


def test_import_two_row_header_and_unit_merged_down(session, report_id, tmp_path):
    rows = [("完成老旧小区综合整治10个", "区住房城乡建设委", "区财政局", "2022-06-30"),
            ("力争新增就业岗位5000个", "", "区财政局", "2022年12月")]
    path = office_table(tmp_path / "t.xlsx", rows, two_row_header=True, merge_units_down=True)
    table = read_table(path, 2022)
    assert [(r.task, r.lead, r.support) for r in table] == [
        ("完成老旧小区综合整治10个", ["区住房城乡建设委"], ["区财政局"]),
        ("力争新增就业岗位5000个", ["区住房城乡建设委"], ["区财政局"])]  # the merged lead cell covers both
    import_tasks(session, report_id, path)
    session.commit()
    assert owners(session, "力争新增就业岗位5000个")[0][0] == ("区住房城乡建设委", "lead", "import")


def test_unknown_unit_is_E112_listing_near_names_and_nothing_changes(session, report_id, tmp_path):
    rows = [ROWS[0], ("推进永定河生态修复", "区水务部", "区园林绿化局", "年内")]
    path = office_table(tmp_path / "t.xlsx", rows)
    before = snapshot(session)
    with pytest.raises(TaskTableError) as err:
        import_tasks(session, report_id, path)
    assert err.value.code == "E112"
    assert "区水务部" in str(err.value) and "水务局" in str(err.value)
    assert err.value.rows == [{"line": 6, "sheet": "分解表", "unit": "区水务部", "near": err.value.rows[0]["near"],
                               "task": "推进永定河生态修复"}]
    assert "区水务局" in err.value.rows[0]["near"]
    session.rollback()
    assert snapshot(session) == before


def test_corrupt_and_headerless_files_are_coded_errors(session, report_id, tmp_path):
    before = snapshot(session)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(TaskTableError, match="E109"):
        import_tasks(session, report_id, bad)
    with pytest.raises(TaskTableError, match="E109"):
        import_tasks(session, report_id, b"\xd0\xcf\x11\xe0 an old .xls")
    wb = Workbook()
    wb.active.append(["名称", "金额"])
    wb.active.append(["办公经费", 100])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(TaskTableError, match="E110"):
        import_tasks(session, report_id, tmp_path / "other.xlsx")
    wb = Workbook()
    wb.active.append(["序号", "重点任务", "牵头单位"])
    wb.save(tmp_path / "empty.xlsx")
    with pytest.raises(TaskTableError, match="E111"):
        import_tasks(session, report_id, tmp_path / "empty.xlsx")
    session.rollback()
    assert snapshot(session) == before


def test_a_failure_while_applying_leaves_nothing(session, report_id, tmp_path, monkeypatch):
    from luoshi.store import commitments

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    before = snapshot(session)
    monkeypatch.setattr(commitments, "update_commitment", boom)
    with pytest.raises(RuntimeError):
        import_tasks(session, report_id, office_table(tmp_path / "t.xlsx", ROWS))
    session.rollback()
    assert snapshot(session) == before


@pytest.mark.parametrize("cell, support_cell, separate, expected", [
    ("区发展改革委（牵头）、区财政局", "", False, (["区发展改革委"], ["区财政局"])),
    ("区财政局、区发展改革委(牵头)", "", False, (["区发展改革委"], ["区财政局"])),
    ("区发展改革委\n区财政局", "", False, (["区发展改革委"], ["区财政局"])),
    ("区水务局、区园林绿化局", "区财政局", True, (["区水务局", "区园林绿化局"], ["区财政局"])),
    ("牵头单位：区教委；配合单位：区财政局、区人力社保局", "", False, (["区教委"], ["区财政局", "区人力社保局"])),
    ("", "", False, ([], [])),
])
def test_split_units_reads_the_lead_notations(cell, support_cell, separate, expected):
    assert split_units(cell, support_cell, separate) == expected


def test_alias_in_a_table_resolves_to_the_listed_unit(session, report_id, tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "departments.yaml").write_text(
        "departments:\n"
        "  - name: 发展改革委\n    aliases: [发改委]\n    keywords: [发展改革]\n"
        "  - name: 住房城乡建设委\n    aliases: [住建委]\n    keywords: [住房]\n"
        "  - name: 财政局\n    keywords: [财政]\n", encoding="utf-8")
    monkeypatch.setenv("LUOSHI_RULES_DIR", str(rules))
    import_tasks(session, report_id, office_table(tmp_path / "t.xlsx", [("完成老旧小区综合整治10个", "区住建委", "区发改委", "")]))
    session.commit()
    assert owners(session, "完成老旧小区综合整治10个")[0] == [("区住房城乡建设委", "lead", "import"), ("发展改革委", "support", "import")]
