"""luoshi panel: region × year, target and the actual the next report gives."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from luoshi.batch import run_batch
from luoshi.batch.panel import COLUMNS, _is_metric, build_panel, resolve_metric
from luoshi.cli import main
from luoshi.errors import LuoshiError


@pytest.fixture()
def out(corpus: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, text_field="body", id_field="doc", progress=False)
    return out


def _rows(out: Path, metric: str = "地区生产总值") -> dict[tuple[str, int], dict]:
    return {(r["region"], r["year"]): r for r in build_panel(out, metric)}


def test_panel_targets_and_next_years_actuals(out: Path) -> None:
    rows = _rows(out)
    jia15 = rows[("甲市", 2015)]
    assert (jia15["level"], jia15["target_text"], jia15["target_value"], jia15["comparator"]) == ("市", "8.5%左右", 8.5, "about")
    assert (jia15["actual_value"], jia15["status"]) == (8.7, "met")
    assert jia15["actual_report"].endswith("甲市/2016.md")
    yi16 = rows[("乙市", 2016)]  # 主要目标是 in a .docx; the actual in next year's .html
    assert (yi16["target_value"], yi16["comparator"], yi16["actual_value"], yi16["status"]) == (7.0, "at_least", 6.5, "not_met")
    jia16 = rows[("甲市", 2016)]  # 主要计划指标为 … 全市生产总值; no later report
    assert (jia16["target_value"], jia16["actual_value"], jia16["status"]) == (8.0, None, "no_evidence")
    assert rows[("丙市", 2020)]["status"] == "met"  # JSON Lines records pair up too
    assert set(rows[("丁市", 2020)]) == set(COLUMNS)


def test_metric_synonyms_give_the_same_panel(out: Path) -> None:
    assert build_panel(out, "GDP") == build_panel(out, "地区生产总值") == build_panel(out, "全市生产总值")


def test_unknown_metric_is_one_error(out: Path) -> None:
    with pytest.raises(LuoshiError) as exc:
        build_panel(out, "幸福指数")
    assert exc.value.code == "E047"


@pytest.mark.parametrize(
    ("name", "is_gdp"),
    [("地区生产总值", True), ("全市生产总值", True), ("GDP", True), ("生产总值", True), ("北京市地区生产总值", True),
     ("全社会研发经费支出占地区生产总值比重", False), ("单位地区生产总值能耗", False), ("县域地区生产总值", False),
     ("科技进步对GDP增长的贡献率", False), ("即地区生产总值首次", False), ("人均地区生产总值", False), (None, False)],
)
def test_metric_names(name: str | None, is_gdp: bool) -> None:
    assert _is_metric(name, resolve_metric("地区生产总值")) is is_gdp


def test_cli_panel_formats(out: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["panel", str(out), "--metric", "地区生产总值"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and list(rows[0]) == COLUMNS
    assert runner.invoke(main, ["panel", str(out), "-o", str(tmp_path / "p.csv")]).exit_code == 0
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # opens in Excel
    assert runner.invoke(main, ["panel", str(out), "--format", "parquet", "-o", str(tmp_path / "p.parquet")]).exit_code == 0
    assert pq.read_table(tmp_path / "p.parquet").column_names == COLUMNS
    assert runner.invoke(main, ["panel", str(out), "--format", "xlsx", "-o", str(tmp_path / "p.xlsx")]).exit_code == 0
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    assert [c.value for c in ws[1]] == COLUMNS and ws.max_row == len(rows) + 1
    bad = runner.invoke(main, ["panel", str(out), "--format", "xlsx"])
    assert bad.exit_code == 2 and "E013" in bad.output
    empty = runner.invoke(main, ["panel", str(tmp_path / "nothing")])
    assert empty.exit_code == 2 and "E046" in empty.output
