from dataclasses import asdict

from rich.console import Console

from luoshi.link import link_reports
from luoshi.link.clauses import MAX_CLAUSES, clause_spans, roll_up
from luoshi.link.render import links_json, print_links, write_links_xlsx
from luoshi.model import ClauseVerdict, Evidence, Link
from tests.link.helpers import commitment, extraction

NEW = (
    "一、过去一年工作回顾\n"
    "档案馆新馆建成投用。城市书房新增12家。\n"
    "三、2022年政府工作计划\n"
    "继续推进文化设施建设。\n"
)
TWO = "建成档案馆新馆；推进西山森林公园步道改造"
ONE = "建成档案馆新馆"


def _link(task: str) -> Link:
    old = f"2021年。{task}。"
    [link] = link_reports(extraction(2021, [commitment(task, old)]), old, extraction(2022), NEW)
    return link


def test_clauses_each_clause_judged_and_the_row_rolled_up():
    link = _link(TWO)
    assert [c.text for c in link.clauses] == ["建成档案馆新馆", "推进西山森林公园步道改造"]
    done, silent = link.clauses
    assert (done.status, silent.status) == ("fulfilled", "no_evidence")
    assert done.evidence[0].text == "档案馆新馆建成投用" and done.evidence[0].part == "review"
    assert silent.evidence == []
    assert link.status == "partial"
    assert link.evidence[0].text == "档案馆新馆建成投用"
    assert link.confidence == min(c.confidence for c in link.clauses)
    old = f"2021年。{TWO}。"
    assert [old[c.start : c.end] for c in link.clauses] == [c.text for c in link.clauses]


def test_clauses_a_row_of_one_clause_is_judged_as_before():
    link = _link(ONE)
    assert link.clauses == []
    assert link.status == "fulfilled" and link.evidence[0].text == "档案馆新馆建成投用"


def test_clauses_a_clause_naming_no_work_reads_with_the_one_before():
    assert clause_spans("加快档案馆新馆建设；确保年内建成") == []
    assert clause_spans("档案馆；推进西山森林公园步道改造；完善城市书房布局") == [(0, 16), (17, 25)]


def test_clauses_hostile_row_of_hundreds_of_clauses_is_bounded():
    text = "；".join(f"推进第{n}号城市书房建设" for n in range(500))
    spans = clause_spans(text)
    assert len(spans) == MAX_CLAUSES
    assert spans[-1][1] == len(text)  # the clauses past the limit are judged with the last one, none dropped
    link = _link(text)
    assert len(link.clauses) == MAX_CLAUSES


def test_clauses_roll_up_rules():
    row = Link("c0", "commitment", "甲；乙", 0, 3, "fulfilled", 0.9, "", [])
    ev = Evidence("new", "证据", 0, 2, None, 1.0)

    def clause(status: str, conf: float, evidence=()) -> ClauseVerdict:
        return ClauseVerdict(0, 1, "甲", status, conf, "", list(evidence))  # type: ignore[arg-type]

    assert roll_up(row, []).status == "fulfilled"
    assert roll_up(row, [clause("fulfilled", 0.9, [ev]), clause("fulfilled", 0.7, [ev])]).status == "fulfilled"
    assert roll_up(row, [clause("no_evidence", 0.6), clause("no_evidence", 0.6)]).evidence == []
    assert roll_up(row, [clause("partial", 0.6, [ev]), clause("no_evidence", 0.6)]).status == "partial"
    assert roll_up(row, [clause("not_fulfilled", 0.7, [ev]), clause("no_evidence", 0.6)]).status == "not_fulfilled"
    mixed = roll_up(row, [clause("no_evidence", 0.6), clause("fulfilled", 0.8, [ev])])
    assert (mixed.status, mixed.confidence, mixed.evidence) == ("partial", 0.6, [ev])
    assert "按分句汇总（2句：已落实1项、无证据1项）" in mixed.reason


def test_clauses_json_shape_and_readable_outputs(tmp_path):
    link = _link(TWO)
    [row] = links_json([link])["links"]
    assert [sorted(c) for c in row["clauses"]] == [["confidence", "end", "evidence", "reason", "start", "status", "text"]] * 2
    assert row["clauses"][0]["status"] == "fulfilled" and row["clauses"][0]["evidence"][0]["text"] == "档案馆新馆建成投用"
    assert row["clauses"][1] == {**asdict(link.clauses[1]), "evidence": []}
    assert links_json([_link(ONE)])["links"][0]["clauses"] == []
    console = Console(record=True, width=200)
    print_links([link], console)
    shown = console.export_text()
    assert "1. 建成档案馆新馆" in shown and "2. 推进西山森林公园步道改造" in shown and "无证据" in shown
    from openpyxl import load_workbook

    path = tmp_path / "links.xlsx"
    write_links_xlsx([link], path)
    ws = load_workbook(path).active
    assert ws.cell(1, 14).value == "分句结论"
    assert ws.cell(2, 14).value == "1. 建成档案馆新馆：已落实 — 档案馆新馆建成投用\n2. 推进西山森林公园步道改造：无证据"


def test_clauses_in_the_batch_links_table():
    from luoshi.batch.rows import link_rows, to_table

    table = to_table("links", link_rows("a", "b", [_link(TWO), _link(ONE)], "s1", "s2", "v")).to_pylist()
    two, one = table
    assert [(c["text"], c["status"]) for c in two["clauses"]] == [("建成档案馆新馆", "fulfilled"),
                                                                 ("推进西山森林公园步道改造", "no_evidence")]
    assert two["clauses"][0]["evidence"][0]["text"] == "档案馆新馆建成投用" and one["clauses"] == []
