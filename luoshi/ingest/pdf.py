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
import os
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


# Work limits: a work report is under ~200 pages and ~300,000 characters. Each can be raised
# by its environment variable for a genuinely larger document.
LIMITS = {
    "pages": ("LUOSHI_PDF_MAX_PAGES", 2000),
    "content": ("LUOSHI_PDF_MAX_CONTENT_MB", 40),  # decoded page content streams, MB
    "operators": ("LUOSHI_PDF_MAX_OPERATORS", 3_000_000),  # drawing operators, forms included
    "chars": ("LUOSHI_PDF_MAX_CHARS", 3_000_000),
}


def limit(which: str) -> int:
    env, default = LIMITS[which]
    try:
        return max(1, int(os.environ.get(env, default)))
    except ValueError:
        return default


def _over(name: str, which: str, what: str) -> LuoshiError:
    env, _ = LIMITS[which]
    return LuoshiError("E016", f"{name}: {what}, over the limit of {limit(which)}",
                       f"a work report is far smaller; to read it anyway set {env} higher")


class _Budget(Exception):
    """Raised from inside pypdf's operator loop when the operator budget is spent."""


def _page_texts(data: bytes, name: str) -> list[str]:
    from pypdf import PdfReader

    # pypdf raises many exception types on damaged files; all mean "corrupt PDF" here.
    # Its warnings would print around our one-line error, so they are muted meanwhile.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    ops = [0]
    max_ops = limit("operators")

    def count(*_args) -> None:
        ops[0] += 1
        if ops[0] > max_ops:
            raise _Budget

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LuoshiError("E011", f"{name} is password-protected", "remove the password (print to PDF) and retry")
        # cheap, before pypdf walks the whole page tree: the declared count, and the page
        # dictionaries written in the clear (a lying /Count cannot hide those)
        declared = max(_declared_pages(reader), len(_PAGE_DICT.findall(data)))
        if declared > limit("pages"):
            raise _over(name, "pages", f"the PDF declares {declared} pages")
        pages = reader.pages
        if len(pages) > limit("pages"):
            raise _over(name, "pages", f"the PDF has {len(pages)} pages")
        texts: list[str] = []
        seen: set = set()
        content = chars = 0
        for page in pages:
            key = _contents_key(page)
            if key is not None and key in seen:
                continue  # a page repeating another page's content stream adds no text, only work
            seen.add(key)
            stream = page.get_contents()
            content += len(stream.get_data()) if stream is not None else 0
            if content > limit("content") * 1048576:
                raise _over(name, "content", f"page content exceeds {limit('content')} MB")
            text = page.extract_text(visitor_operand_before=count) or ""
            chars += len(text)
            if chars > limit("chars"):
                raise _over(name, "chars", f"the text exceeds {limit('chars')} characters")
            texts.append(text)
        return texts
    except LuoshiError:
        raise
    except _Budget:
        raise _over(name, "operators", f"drawing the pages takes over {max_ops} operators") from None
    except Exception as exc:  # noqa: BLE001 - see above
        msg = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise LuoshiError("E011", f"{name} is a corrupt or unreadable PDF: {msg}",
                          "re-export or re-download the PDF") from None
    finally:
        log.setLevel(level)


_PAGE_DICT = re.compile(rb"/Type\s*/Page(?![A-Za-z0-9])")


def _declared_pages(reader) -> int:
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:  # noqa: BLE001 - a missing or odd /Count: pypdf's own walk decides
        return 0


def _contents_key(page) -> tuple | None:
    """The object numbers of a page's content streams (None when inline or absent)."""
    from pypdf.generic import ArrayObject, IndirectObject

    raw = page.raw_get("/Contents") if "/Contents" in page else None
    if isinstance(raw, IndirectObject):
        target = raw.get_object()
        if isinstance(target, ArrayObject):
            return tuple((r.idnum, r.generation) for r in target if isinstance(r, IndirectObject)) or None
        return (raw.idnum, raw.generation)
    if isinstance(raw, ArrayObject):
        return tuple((r.idnum, r.generation) for r in raw if isinstance(r, IndirectObject)) or None
    return None


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
