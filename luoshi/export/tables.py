"""Write 任务分解表 rows as xlsx, CSV (Excel-friendly UTF-8 with BOM) or JSON."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from luoshi.export.cells import safe_cell, safe_row
from luoshi.export.rows import TaskRow, columns, headers

_THIN = Side(style="thin", color="999999")


def _has_extra(rows: list[TaskRow]) -> bool:
    return any(r.status or r.progress for r in rows)


def _has_parts(rows: list[TaskRow]) -> bool:
    return any(r.parts for r in rows)


def write_xlsx(rows: list[TaskRow], path: str | Path, title: str = "任务分解表") -> None:
    extra, parts = _has_extra(rows), _has_parts(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ncols = len(headers(extra, parts))
    ws.cell(row=1, column=1, value=safe_cell(title)).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.append(headers(extra, parts))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)
    for r in rows:
        ws.append(safe_row(r.values(extra, parts)))
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = wrap
            cell.border = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)
    for i, (_, _, width) in enumerate(columns(extra, parts), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(ncols)}{len(rows) + 2}"
    ws.print_title_rows = "2:2"
    wb.save(str(path))


def write_csv(rows: list[TaskRow], path: str | Path) -> None:
    # utf-8-sig: Excel on Chinese Windows opens BOM-marked UTF-8 correctly.
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        write_csv_stream(rows, fh)


def write_csv_stream(rows: list[TaskRow], fh: TextIO, lineterminator: str = "\r\n") -> None:
    """The CSV rows onto an open text stream (stdout, a file), no BOM of its own."""
    extra, parts = _has_extra(rows), _has_parts(rows)
    w = csv.writer(fh, lineterminator=lineterminator)
    w.writerow(headers(extra, parts))
    for r in rows:
        w.writerow(safe_row(r.values(extra, parts)))


def write_json(rows: list[TaskRow], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump([asdict(r) for r in rows], fh, ensure_ascii=False, indent=1)
