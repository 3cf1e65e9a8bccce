"""Errors with a code and a hint, printed as one line by the CLI (no traceback)."""

from __future__ import annotations

# Code registry: one line per code, so the docs and tests can list them.
CODES: dict[str, str] = {
    "E001": "file not found",
    "E002": "path is a directory",
    "E003": "empty document",
    "E004": "binary data, not a document",
    "E005": "cannot decode text",
    "E006": "corrupt or non-zip .docx",
    "E007": ".docx expands beyond the safety limit (zip bomb)",
    "E008": "PDF has no text layer",
    "E009": "file too large",
    "E010": "unsupported file type",
    "E011": "corrupt PDF",
    "E012": "invalid rules file",
    "E013": "invalid option",
    "E014": "file cannot be read (permission or I/O error)",
    # ingest/extract hardening: bounded work on hostile input
    "E015": "too many figures for one report",
    "E016": "PDF over a work limit (pages, content, operators or characters)",
    "E017": "HTML with too many tags",
    "E018": "text over the work limit (characters or lines)",
    # batch (luoshi.batch)
    "E040": "no files match the pattern",
    "E041": "corpus record without text (see --text-field)",
    "E042": "corpus file or record cannot be read",
    "E043": "extraction failed on one report (engine or worker failure)",
    "E044": "output folder cannot be written",
    "E045": "Dask scheduler unreachable or without workers",
    "E046": "no batch tables in the folder",
    "E047": "unknown panel metric",
    # ledger (luoshi.store)
    "E101": "record not found",
    "E102": "edit conflict: the record changed since it was read",
    "E103": "permission denied",
    "E104": "progress history is append-only",
    "E105": "invalid value",
    "E106": "database not initialised or out of date",
    "E107": "backup or restore failed",
    # units master list and task-table import (luoshi.store.units, luoshi.store.import_tasks)
    "E108": "unit not in the master list",
    "E109": "task table cannot be read (corrupt or not .xlsx)",
    "E110": "task table has no header row with a task column",
    "E111": "task table has no task rows",
    "E112": "task table names units not in the master list",
    # web (luoshi.web)
    "E130": "address already in use: the web server cannot listen on the port",
    # hardening of store, web and CLI
    "E150": "cannot write the output (missing folder, a folder, disk full)",
    "E151": "the output encoding cannot show the text",
    "E152": "database URL invalid or database unreachable",
    "E153": "mail server refused or unreachable",
    "E154": "number out of range",
    "E155": "invalid user name",
    "E156": "nothing to export",
    "E157": "the database role lacks a privilege (PostgreSQL two-role setup)",
    "E158": "upload over the quota (per file, per task or in total)",
}


class LuoshiError(Exception):
    """An expected failure: bad input or configuration. ``str()`` is one line."""

    def __init__(self, code: str, message: str, hint: str | None = None) -> None:
        assert code in CODES, code
        self.code = code
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        line = f"{self.code}: {self.message}"
        return f"{line} (hint: {self.hint})" if self.hint else line
