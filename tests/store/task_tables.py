"""Real-looking 任务分解表 workbooks, as offices type them (built with openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment


def office_table(path: Path, rows: list[tuple[str, str, str, str]], *, two_row_header: bool = False,
                 heading: str | None = "一、2022年重点工作", merge_units_down: bool = False) -> Path:
    """A table with a merged title row, a note row, a header (one or two rows), an
    optional chapter heading merged across, multi-line task cells and, optionally,
    one unit cell merged down over the first two tasks.

    ``rows``: (task, 责任单位 or 牵头单位, 配合单位, 完成时限); with ``two_row_header``
    the header is 责任单位 merged over 牵头单位 | 配合单位, else one 责任单位 column in
    which the lead is marked（牵头）and 配合单位 is folded into it.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "分解表"
    ws.append(["门头沟区2022年政府工作报告重点任务分解表"])
    ws.merge_cells("A1:E1")
    ws.append(["（区政府办公室 2022年1月）"])
    if two_row_header:
        ws.append(["序号", "工作任务", "责任单位", None, "时间节点"])
        ws.append([None, None, "牵头单位", "配合单位", None])
        ws.merge_cells("C3:D3")
        ws.merge_cells("A3:A4")
        ws.merge_cells("B3:B4")
        ws.merge_cells("E3:E4")
    else:
        ws.append(["序号", "任务内容", "责任单位", "完成时限"])
    if heading:
        ws.append([heading])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5 if two_row_header else 4)
    first = ws.max_row + 1
    for n, (task, lead, support, due) in enumerate(rows, 1):
        # Offices break long tasks over lines inside the cell.
        shown = task if len(task) < 12 else task[:10] + "\n" + task[10:]
        if two_row_header:
            ws.append([n, shown, lead, support, due])
        else:
            owners = f"{lead}（牵头）、{support}" if support else lead
            ws.append([n, shown, owners, due])
        ws.cell(ws.max_row, 2).alignment = Alignment(wrap_text=True)
    if merge_units_down and len(rows) >= 2:
        ws.merge_cells(start_row=first, start_column=3, end_row=first + 1, end_column=3)
    wb.save(path)
    return path
