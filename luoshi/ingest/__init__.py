"""Ingest: a file (or uploaded bytes) -> ``Document``; ``Document.text`` is what offsets index.

Formats are chosen by magic bytes first and extension second, so a mislabelled
upload still reads (a .txt that is really a PDF) and a renamed binary is refused.
Size is checked with ``os.stat`` before reading, so a huge file is never loaded.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from luoshi.errors import LuoshiError
from luoshi.ingest import safety
from luoshi.model import Document

__all__ = ["DEFAULT_MAX_BYTES", "read_bytes", "read_document"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_EXT = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_EXT = frozenset({".md", ".markdown"})
HTML_EXT = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_CONVERT = "save it as .docx, .txt (UTF-8) or a text PDF and try again"
_NO_OCR = "images need OCR, which luoshi does not do; use the report's text version"
UNSUPPORTED_EXT: dict[str, str] = {
    **dict.fromkeys((".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".pages"), _CONVERT),
    **dict.fromkeys((".xls", ".xlsx", ".et", ".csv", ".ods", ".ppt", ".pptx", ".dps", ".key"), _CONVERT),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"), _NO_OCR),
    **dict.fromkeys((".ofd", ".caj", ".epub", ".mobi", ".djvu", ".xps"), "export it as PDF or .docx first"),
    **dict.fromkeys((".zip", ".rar", ".7z", ".gz", ".tar", ".exe", ".dll", ".mp3", ".mp4"), "give one report file"),
}
# A comment's body may not run past its own "-->": with ".*?" there, a row of comments can be
# split between the repeated groups in exponentially many ways (24 comments took 17 s).
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)
_BLANK = re.compile(r"[\s\u200b\ufeff]*")


def _size_error(name: str, size: int, max_bytes: int) -> LuoshiError:
    return LuoshiError(
        "E009",
        f"{name} is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit",
        "a work report is well under 5 MB; raise max_bytes if this file is really one report",
    )


def read_document(path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode one report file. Raises ``LuoshiError`` (E001-E014) on bad input."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise LuoshiError("E001", f"file not found: {p}", "check the path and spelling") from None
    except (PermissionError, OSError) as exc:
        raise LuoshiError("E014", f"cannot read {p}: {exc.strerror or exc}", "check the file's permissions") from None
    if stat.S_ISDIR(st.st_mode):
        raise LuoshiError("E002", f"{p} is a directory", "give one report file; use `luoshi batch` for a folder")
    if not stat.S_ISREG(st.st_mode):
        raise LuoshiError("E010", f"{p} is not a regular file", "give a report file, not a device or pipe")
    if st.st_size > max_bytes:
        raise _size_error(p.name, st.st_size, max_bytes)
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise LuoshiError("E014", f"cannot read {p}: {exc.strerror or exc}", "check the file's permissions") from None
    doc = read_bytes(data, p.name, encoding=encoding, max_bytes=max_bytes)
    doc.path = str(p)
    return doc


def read_bytes(data: bytes, name: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode uploaded bytes; ``name`` supplies the extension and names the file in errors."""
    if len(data) > max_bytes:
        raise _size_error(name, len(data), max_bytes)
    fmt = _format_of(data, name)
    enc: str | None = None
    front: dict[str, str] = {}
    if fmt == "md":
        from luoshi.ingest.markdown import read_markdown

        text, enc, front = read_markdown(data, name, encoding)
    elif fmt == "txt":
        from luoshi.ingest.txt import read_txt

        text, enc = read_txt(data, name, encoding)
    elif fmt == "docx":
        from luoshi.ingest.docx import read_docx

        text = read_docx(data, name)
    elif fmt == "pdf":
        from luoshi.ingest.pdf import read_pdf

        text = read_pdf(data, name)
    else:
        from luoshi.ingest.html import read_html

        text, enc = read_html(data, name, encoding)
    if _BLANK.fullmatch(text):
        raise LuoshiError("E003", f"{name} has no text (empty or only whitespace)", "check that this is the right file")
    return Document(text=text, format=fmt, sha256=hashlib.sha256(data).hexdigest(), path=None, encoding=enc,
                    front_matter=front)


def _format_of(data: bytes, name: str) -> str:
    """txt | md | docx | pdf | html, or the LuoshiError that explains why not."""
    ext = Path(name).suffix.lower()
    if ext in UNSUPPORTED_EXT:
        raise LuoshiError("E010", f"{name}: {ext} files are not supported", UNSUPPORTED_EXT[ext])
    if not data:
        raise LuoshiError("E003", f"{name} is empty (0 bytes)", "check that this is the right file")
    head = data[:1024]
    if head.startswith(safety.PDF_MAGIC) or (ext == ".pdf" and safety.PDF_MAGIC in head):
        return "pdf"
    if ext == ".pdf":
        raise LuoshiError("E011", f"{name} is not a PDF (no %PDF- header)", "check the file; re-export it as PDF")
    if head.startswith((safety.ZIP_MAGIC, safety.EMPTY_ZIP_MAGIC)):
        if ext == ".docx" or b"word/" in data[:65536] or b"word/" in data[-65536:]:
            return "docx"
        raise LuoshiError("E004", f"{name} is a ZIP archive, not a .docx", "unzip it and give the report file inside")
    if ext == ".docx":
        safety.check_not_binary(head, name)  # a renamed .doc says so (E010)
        raise LuoshiError("E006", f"{name} is not a zip container, so not a real .docx", "re-save it from Word/WPS as .docx")
    if ext in HTML_EXT or (ext not in TEXT_EXT and _HTML_START.match(head)):
        return "html"
    return "md" if ext in MARKDOWN_EXT else "txt"
