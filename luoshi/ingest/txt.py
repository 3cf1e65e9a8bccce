"""Plain text: the decoded file content, unchanged (only a BOM is dropped)."""

from __future__ import annotations

from luoshi.ingest.encoding import decode_text


def read_txt(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding). Line endings, blanks and odd breaks stay: offsets index this."""
    return decode_text(data, name, encoding)
