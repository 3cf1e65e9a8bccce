"""Word .docx -> text: body paragraphs and tables in document order, one paragraph a line.

The zip is vetted first (``safety.open_docx_zip``: central directory limits), then only
the main document part is inflated, capped by the bytes actually inflated (headers may
lie), and parsed within an element budget. No other part (styles, media, fonts) is ever
read, so a bomb or a damaged entry there cannot cost memory or raise. Paragraph text is read from the XML rather
than ``Paragraph.text`` so runs inside tracked insertions, smart tags, fields and
content controls are kept, while deleted text, field codes, the ``mc:Fallback``
copy of drawings and text boxes are not duplicated into the body.
"""

from __future__ import annotations

import io
import re

from lxml import etree

from luoshi.errors import LuoshiError
from luoshi.ingest import safety

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_P, _TBL, _SDT, _TR, _TC = (f"{{{_W}}}{t}" for t in ("p", "tbl", "sdt", "tr", "tc"))
_SDT_CONTENT = f"{{{_W}}}sdtContent"
# Runs of this paragraph only: not deleted, not a drawing fallback, not a text box.
_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)"
    " and not(ancestor::mc:Fallback) and not(ancestor::w:txbxContent)]",
    namespaces=_NS,
)
_VMERGE_CONTINUE = etree.XPath("w:tcPr/w:vMerge[not(@w:val) or @w:val='continue']", namespaces=_NS)


# The main document part: a real report's document.xml is a few MB; past these it is refused.
MAX_DOCUMENT_XML = 30 * 1024 * 1024
MAX_ELEMENTS = 3_000_000
_OFFICE_DOCUMENT = re.compile(
    rb'<Relationship\b[^>]*?Type="[^"]*/officeDocument"[^>]*?Target="/?([^"]+)"'
    rb'|<Relationship\b[^>]*?Target="/?([^"]+)"[^>]*?Type="[^"]*/officeDocument"'
)


def read_docx(data: bytes, name: str) -> str:
    """The text ``luoshi text`` prints for a .docx: stable for a given file."""
    from docx.oxml.parser import oxml_parser  # python-docx element classes give run text (w:t, w:tab, w:br ...)

    zf = safety.open_docx_zip(io.BytesIO(data), name)
    xml = safety.read_member_capped(zf, _main_part(zf, name), name, MAX_DOCUMENT_XML)
    try:
        root = etree.fromstring(xml, oxml_parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise LuoshiError("E006", f"{name} has a damaged document part: {_one_line(exc)}", "re-save it from Word/WPS as .docx") from None
    count = 0
    for _ in root.iter():
        count += 1
        if count > MAX_ELEMENTS:
            raise LuoshiError(
                "E007",
                f"{name}: the document part has over {MAX_ELEMENTS} XML elements",
                "a work report has far fewer; re-save it from Word, or save the text as .txt",
            )
    body = root.find(f"{{{_W}}}body")
    if body is None:
        raise LuoshiError("E006", f"{name} has no document body (w:body); it is not a Word document",
                          "re-save it from Word/WPS as .docx")
    lines: list[str] = []
    _blocks(body, lines)
    return "\n".join(lines)


def _main_part(zf, name: str) -> str:
    """The officeDocument target of ``_rels/.rels``, else ``word/document.xml``."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = safety.read_member_capped(zf, "_rels/.rels", name, 1024 * 1024)
        m = _OFFICE_DOCUMENT.search(rels)
        target = (m.group(1) or m.group(2)).decode("utf-8", "replace") if m else ""
        if target in names:
            return target
    return "word/document.xml"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _blocks(parent, lines: list[str]) -> None:
    """Append the lines of the block children (paragraphs, tables, content controls)."""
    for child in parent.iterchildren():
        if child.tag == _P:
            lines.append(paragraph_text(child))
        elif child.tag == _TBL:
            lines.extend(_table_rows(child))
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                _blocks(content, lines)


def paragraph_text(p) -> str:
    # Only runs whose nearest paragraph is p: nested paragraphs (text boxes) are skipped.
    return "".join(r.text for r in _RUNS(p) if _owner_p(r) is p)


def _owner_p(r):
    node = r.getparent()
    while node is not None and node.tag != _P:
        node = node.getparent()
    return node


def _table_rows(tbl) -> list[str]:
    """One line per row, cells joined by a tab; a vertically merged continuation is empty."""
    rows: list[str] = []
    for tr in tbl.iterchildren(_TR):
        cells = []
        for tc in tr.iter(_TC):
            if _row_of(tc) is not tr:
                continue  # a cell of a nested table
            if _VMERGE_CONTINUE(tc):
                cells.append("")
                continue
            inner: list[str] = []
            _blocks(tc, inner)
            cells.append(" ".join(s for s in inner if s.strip()))
        rows.append("\t".join(cells))
    return rows


def _row_of(tc):
    node = tc.getparent()
    while node is not None and node.tag != _TR:
        node = node.getparent()
    return node
