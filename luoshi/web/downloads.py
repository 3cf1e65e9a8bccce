"""File downloads: Chinese file names that every browser keeps, cells a spreadsheet will not run."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from fastapi.responses import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
PARQUET = "application/vnd.apache.parquet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def attachment(body: bytes, filename: str, media_type: str) -> Response:
    """RFC 6266: an ASCII fallback plus ``filename*`` in UTF-8 (门头沟区2022年任务分解表-截至2022-06-30.xlsx)."""
    ext = filename.rsplit(".", 1)[-1]
    disposition = f"attachment; filename=\"download.{ext}\"; filename*=UTF-8''{quote(filename)}"
    return Response(body, media_type=media_type, headers={"Content-Disposition": disposition})


def safe_cell(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_xlsx(title: str, columns: Sequence[tuple[str, int]], rows: Iterable[Sequence]) -> bytes:
    """A titled sheet with bold headers, wrapped cells, frozen header and auto filter."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.append([name for name, _ in columns])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    n = 0
    for n, row in enumerate(rows, 1):
        ws.append([safe_cell(v) for v in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = wrap
    for i, (_, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{n + 2}"
    ws.print_title_rows = "2:2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def table_csv(columns: Sequence[tuple[str, int]], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with BOM (Excel on Chinese Windows opens it), CRLF rows."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([name for name, _ in columns])
    for row in rows:
        w.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def table_parquet(columns: Sequence[tuple[str, int]], rows: Iterable[Sequence]) -> bytes:
    """The same table as Parquet, for researchers: a column of numbers (blank cells as nulls) stays numeric,
    any other is text. No formula guard: Parquet is read by programs, not spreadsheets."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = [list(r) for r in rows]
    out = {}
    for k, (name, _) in enumerate(columns):
        values = [r[k] for r in data]
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) or v in ("", None) for v in values)
        out[name] = pa.array([None if v in ("", None) else v for v in values] if numeric else
                             [None if v is None else str(v) for v in values])
    buf = io.BytesIO()
    pq.write_table(pa.table(out), buf)
    return buf.getvalue()
