"""Text-layer PDF -> text, with the visual line wrapping undone.

A PDF breaks the text at every printed line. Chinese needs no space at a wrap,
so wrapped lines are joined directly; a break is kept where a paragraph or
heading really ends: after sentence-final punctuation, before a heading marker,
around a line clearly shorter than the document's full line width (the last line
of a paragraph, a centred title), and before an indented line. Page numbers
printed alone at the top or bottom of a page are dropped. The same rule applies
across page boundaries, so a paragraph continued on the next page stays whole.
"""

from __future__ import annotations

import io
import logging
import re

from luoshi.errors import LuoshiError

_FINAL = re.compile(r"[。！？：；!?:;][”’\"')）]*$")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[)）]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]"
    r"|[◎●■□◆◇★☆▲△※]|第[一二三四五六七八九十百\d]+[章节部分篇条])"
)
_PAGE_NUMBER = re.compile(r"^[\s\-—–_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[\s\-—–_·•]*$")
_INDENT = re.compile(r"^[ \u3000\xa0]")  # extractors print an indent as leading blanks
# East Asian wide and full-width characters (CJK, Hangul, kana, full-width forms).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)
_SHORT = 0.8  # a line under 80% of the full width ends a paragraph or is a title


def read_pdf(data: bytes, name: str) -> str:
    pages = _page_texts(data, name)
    lines: list[str] = []
    for page in pages:
        lines.extend(_drop_page_numbers(page.splitlines()))
    lines = [ln.rstrip() for ln in lines if ln.strip()]
    if not lines:
        raise LuoshiError(
            "E008",
            f"{name}: PDF has no text layer; OCR is not supported",
            "it is a scan: get the text/Word version of the report, or OCR it first (e.g. ocrmypdf) and retry",
        )
    return join_lines(lines)


def _page_texts(data: bytes, name: str) -> list[str]:
    from pypdf import PdfReader

    # pypdf raises many exception types on damaged files; all mean "corrupt PDF" here.
    # Its warnings would print around our one-line error, so they are muted meanwhile.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LuoshiError("E011", f"{name} is password-protected", "remove the password (print to PDF) and retry")
        return [page.extract_text() or "" for page in reader.pages]
    except LuoshiError:
        raise
    except Exception as exc:  # noqa: BLE001 - see above
        raise LuoshiError("E011", f"{name} is a corrupt or unreadable PDF: {type(exc).__name__}: {exc}",
                          "re-export or re-download the PDF") from None
    finally:
        log.setLevel(level)


def _drop_page_numbers(lines: list[str]) -> list[str]:
    while lines and (not lines[0].strip() or _PAGE_NUMBER.match(lines[0])):
        lines = lines[1:]
    while lines and (not lines[-1].strip() or _PAGE_NUMBER.match(lines[-1])):
        lines = lines[:-1]
    return lines


def width(line: str) -> int:
    """Display width: wide (CJK, full-width) characters count 2, others 1."""
    return len(line) + len(_WIDE.findall(line))


def _full_width(widths: list[int]) -> int:
    """The width of a full printed line: a high percentile, robust to a few long outliers."""
    ranked = sorted(widths)
    return ranked[int(0.9 * (len(ranked) - 1))]


def join_lines(lines: list[str]) -> str:
    widths = [width(ln.strip()) for ln in lines]
    full = _full_width(widths) if len(lines) >= 5 else 0
    # When most lines start with a blank, a leading blank says nothing about indentation.
    indents = sum(1 for ln in lines if _INDENT.match(ln)) <= len(lines) // 2
    out = [lines[0].strip()]
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1], lines[i]
        if _keeps_break(prev, cur, widths[i - 1], widths[i], full, indents):
            out.append("\n")
        elif _latin_wrap(prev, cur, widths[i - 1]):
            out.append(" ")
        out.append(cur.strip())
    return "".join(out)


def _latin_wrap(prev: str, cur: str, prev_w: int) -> bool:
    """A wrap between two words of a Latin line (Chinese text needs no space at a wrap)."""
    head = cur.lstrip()[:1]
    return prev[-1:].isascii() and prev[-1:].isalnum() and head.isascii() and head.isalnum() and prev_w < 1.3 * len(prev)


def _keeps_break(prev: str, cur: str, prev_w: int, cur_w: int, full: int, indents: bool) -> bool:
    body = cur.strip()
    if _FINAL.search(prev) or _HEADING.match(body) or (indents and _INDENT.match(cur)):
        return True
    if not full:
        return True  # too few lines to know the page width: keep the author's lines
    if prev_w < _SHORT * full:
        return True  # a wrapped line fills the width; a short one ended its paragraph
    # a short line with no punctuation at all is a title (the last line of a paragraph has some)
    return cur_w < _SHORT * full and not re.search(r"[，。；：、！？,.;:!?”）)]", body)
