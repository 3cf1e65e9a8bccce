"""Read an office's own 任务分解表 (xlsx): task rows with owners and deadlines.

Columns are found by their headers (序号, 任务内容/工作任务/重点任务, 牵头单位/责任单位,
配合单位, 完成时限/时间节点), wherever the header row is: title rows above it, a
two-row header (责任单位 over 牵头 | 配合), merged cells (a unit merged down over
several tasks) and multi-line cells are all tolerated. A 责任单位 cell may mark its
lead: “区发展改革委（牵头）、区财政局”.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from luoshi.store.errors import TaskTableError

MAX_BYTES = 20 * 1024 * 1024
HEADER_SCAN = 15  # rows searched for the header
# Header words -> column role; the first role whose words a header contains wins.
HEADERS: list[tuple[str, tuple[str, ...]]] = [
    ("seq", ("序号", "编号")),
    ("support", ("配合单位", "配合部门", "协办单位", "参与单位", "协同单位", "配合")),
    ("lead", ("牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "承办单位", "牵头")),
    ("deadline", ("完成时限", "时间节点", "完成时间", "时限", "进度安排", "完成期限")),
    ("task", ("任务内容", "工作任务", "重点任务", "具体任务", "工作内容", "重点工作", "任务", "工作事项", "内容")),
]
_SPLIT = re.compile(r"[、，,；;／/\n\s]+")
_LEAD_MARK = re.compile(r"[（(]\s*牵头\s*[）)]|牵头$")
_SUPPORT_MARK = re.compile(r"[（(]\s*配合\s*[）)]|配合$")
_LABEL = re.compile(r"(牵头单位|牵头部门|责任单位|配合单位|配合部门|协办单位)[:：]")
_MONTH_DAY = re.compile(r"(?:(\d{4})\s*[年.\-/])?\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")


@dataclass
class TableRow:
    line: int  # the spreadsheet's row number (what the office sees)
    sheet: str
    seq: str | None
    task: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline_text: str | None = None
    deadline: date | None = None


def read_table(source: str | Path | bytes, report_year: int | None = None) -> list[TableRow]:
    """Every task row of every sheet that has a header row (E109–E111 when none can be read)."""
    from openpyxl import load_workbook

    data = source if isinstance(source, bytes) else _read_bytes(Path(source))
    if len(data) > MAX_BYTES:
        raise TaskTableError("E109", f"task table is larger than {MAX_BYTES // 1024 // 1024} MB", "split it or remove images")
    try:
        wb = load_workbook(BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise TaskTableError("E109", f"task table cannot be read as .xlsx ({type(exc).__name__})",
                             "save it from Excel or WPS as .xlsx (an old .xls or a renamed file will not do)") from None
    rows: list[TableRow] = []
    found_header = False
    for ws in wb.worksheets:
        grid = _grid(ws)
        header = _find_header(grid)
        if header is None:
            continue
        found_header = True
        cols, first = header
        rows += _rows(ws.title, grid, cols, first, report_year)
    if not found_header:
        raise TaskTableError("E110", "no header row with a task column (任务内容 / 工作任务 / 重点任务) in the first "
                             f"{HEADER_SCAN} rows of any sheet", "keep the table's own header row; columns are found by it")
    if not rows:
        raise TaskTableError("E111", "the task table has a header but no task rows", "check that the tasks are below the header")
    return rows


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TaskTableError("E109", f"{path}: no such file") from None
    except OSError as exc:
        raise TaskTableError("E109", f"{path}: cannot be read ({exc.strerror})") from None


def _grid(ws) -> list[list[str]]:
    """Cell texts with merged ranges filled from their top-left cell."""
    grid = [[_text(c) for c in row] for row in ws.iter_rows()]
    for rng in ws.merged_cells.ranges:
        value = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(grid) else ""
        for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
            for c in range(rng.min_col - 1, min(rng.max_col, len(grid[r]))):
                grid[r][c] = value
    return grid


def _text(cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _role(header: str) -> str | None:
    h = re.sub(r"\s+", "", header)
    if not h or len(h) > 12:
        return None
    for role, words in HEADERS:
        if any(w in h for w in words):
            return role
    return None


def _find_header(grid: list[list[str]]) -> tuple[dict[str, int], int] | None:
    """Column index per role and the first data row, or None."""
    for r, row in enumerate(grid[:HEADER_SCAN]):
        cols: dict[str, int] = {}
        for c, value in enumerate(row):
            role = _role(value)
            if role and role not in cols:
                cols[role] = c
        if "task" not in cols:
            continue
        first = r + 1
        if first < len(grid):  # a two-row header: 责任单位 merged over 牵头 | 配合
            sub = {c: _role(v) for c, v in enumerate(grid[first]) if v and v != row[c]}
            if sub and all(role in ("lead", "support") for role in sub.values()):
                for c, role in sub.items():
                    cols[role] = c
                first += 1
        if "support" in cols and cols.get("lead") == cols["support"]:
            del cols["support"]
        return cols, first
    return None


def _rows(sheet: str, grid: list[list[str]], cols: dict[str, int], first: int, year: int | None) -> list[TableRow]:
    out: list[TableRow] = []
    for r in range(first, len(grid)):
        row = grid[r]

        def cell(role: str) -> str:
            c = cols.get(role)
            return row[c] if c is not None and c < len(row) else ""

        task = re.sub(r"\s*\n\s*", "", cell("task")).strip()
        filled = [v for v in row if v]
        if not task or len(set(filled)) == 1:  # empty, or a heading merged across the row (一、…)
            continue
        lead, support = split_units(cell("lead"), cell("support"), separate_support="support" in cols)
        deadline_text = re.sub(r"\s+", "", cell("deadline")) or None
        out.append(TableRow(r + 1, sheet, cell("seq") or None, task, lead, support, deadline_text, parse_deadline(deadline_text, year)))
    return out


def split_units(lead_cell: str, support_cell: str = "", separate_support: bool = False) -> tuple[list[str], list[str]]:
    """Lead and supporting units from the owner cells.

    “区发展改革委（牵头）、区财政局” -> lead 区发展改革委, support 区财政局. A 责任单位 cell
    without a mark and without a 配合 column: the first unit leads (as offices list them).
    “牵头单位：A；配合单位：B” in one cell is understood too.
    """
    lead_cell, support_cell = lead_cell or "", support_cell or ""
    labelled = _LABEL.split(lead_cell)
    if len(labelled) > 1:  # 牵头单位：A 配合单位：B
        lead_cell, extra = "", []
        for label, value in zip(labelled[1::2], labelled[2::2], strict=False):
            if "配合" in label or "协办" in label:
                extra.append(value)
            else:
                lead_cell += "、" + value
        support_cell = "、".join([support_cell, *extra])
    names = _names(lead_cell)
    marked = [n for n in names if _LEAD_MARK.search(n)]
    lead = [_strip_mark(n) for n in marked] if marked else ([] if not names else (names if separate_support else names[:1]))
    support = [] if marked or separate_support else [_strip_mark(n) for n in names[1:]]
    if marked:
        support = [_strip_mark(n) for n in names if n not in marked]
    support += [_strip_mark(n) for n in _names(support_cell)]
    lead = [_strip_mark(n) for n in lead]
    support = [n for n in dict.fromkeys(support) if n and n not in lead]
    return list(dict.fromkeys(n for n in lead if n)), support


def _names(cell: str) -> list[str]:
    return [n for n in (p.strip("：: ") for p in _SPLIT.split(cell or "")) if n]


def _strip_mark(name: str) -> str:
    return _SUPPORT_MARK.sub("", _LEAD_MARK.sub("", name)).strip()


def parse_deadline(text: str | None, year: int | None) -> date | None:
    """The date a 完成时限 cell sets: 2022年6月底前 -> 2022-06-30; 长期坚持 -> None."""
    from luoshi.extract.deadlines import find_deadlines
    from luoshi.store.status import deadline_date

    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = _MONTH_DAY.search(text)
    if m and (m[1] or year):
        try:
            return date(int(m[1] or year), int(m[2]), int(m[3]))
        except ValueError:
            pass
    found = [d.period for d in find_deadlines(text, year) if d.period]
    return deadline_date(found[-1]) if found else None
