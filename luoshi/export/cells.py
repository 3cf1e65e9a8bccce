"""Spreadsheet cell values that cannot run as formulas (CSV/formula injection, OWASP).

A text cell starting with = + - @ (or a tab / carriage return before one) is read by Excel,
WPS and LibreOffice as a formula: ``=HYPERLINK("http://evil.example/…")`` would become a live
link. Such text gets a leading apostrophe-free guard: a single quote, which spreadsheets show
as plain text. Numbers stay numbers (a negative figure is not text)."""

from __future__ import annotations

from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """``value`` unchanged unless it is text a spreadsheet would evaluate; then quoted."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_TRIGGERS):
        return "'" + value
    return value


def safe_row(values) -> list[Any]:
    return [safe_cell(v) for v in values]
