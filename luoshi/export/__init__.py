"""Exports: the 任务分解表 (xlsx, CSV, JSON) from an extraction or the ledger."""

from luoshi.export.rows import TaskRow, headers, rows_from_extraction
from luoshi.export.tables import write_csv, write_csv_stream, write_json, write_xlsx

__all__ = ["TaskRow", "headers", "rows_from_extraction", "write_csv", "write_csv_stream", "write_json", "write_xlsx"]
