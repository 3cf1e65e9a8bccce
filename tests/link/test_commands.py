import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from luoshi.link.commands import diff_command, link_command

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OLD, NEW = str(EXAMPLES / "mentougou-2020.txt"), str(EXAMPLES / "mentougou-2021.txt")


def test_commands_link_json_has_public_shape_and_exact_offsets():
    result = CliRunner().invoke(link_command, [OLD, NEW, "--format", "json"])
    assert result.exit_code == 0, result.output
    links = json.loads(result.output)["links"]
    old_text = Path(OLD).read_text(encoding="utf-8")
    new_text = Path(NEW).read_text(encoding="utf-8")
    assert links and {"source_id", "source_kind", "source_text", "source_start", "source_end", "status",
                      "confidence", "reason", "evidence"} <= set(links[0])
    for link in links:
        assert old_text[link["source_start"] : link["source_end"]] == link["source_text"]
        assert link["status"] in {"fulfilled", "partial", "not_fulfilled", "no_evidence"}
        for ev in link["evidence"]:
            assert new_text[ev["start"] : ev["end"]] == ev["text"]
    assert {"commitment", "indicator"} <= {link["source_kind"] for link in links}


def test_commands_link_xlsx_and_table(tmp_path):
    out = tmp_path / "links.xlsx"
    assert CliRunner().invoke(link_command, [OLD, NEW, "--format", "xlsx", "-o", str(out)]).exit_code == 0
    ws = load_workbook(out).active
    assert ws["A1"].value == "类型" and ws.max_row > 10
    table = CliRunner().invoke(link_command, [OLD, NEW])
    assert table.exit_code == 0 and "已落实" in table.output


def test_commands_diff_table_lists_carried_dropped_new():
    result = CliRunner().invoke(diff_command, [OLD, NEW])
    assert result.exit_code == 0 and "延续" in result.output and "新增" in result.output
    data = json.loads(CliRunner().invoke(diff_command, [OLD, NEW, "--format", "json"]).output)
    assert data["carried"] and data["dropped"] and data["new"]
