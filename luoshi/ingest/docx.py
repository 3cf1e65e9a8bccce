"""Word .docx -> text: body paragraphs and tables in document order, one paragraph a line.

The zip is vetted first (``safety.open_docx_zip``: central directory limits, then a
capped inflate of ``word/document.xml``). Paragraph text is read from the XML rather
than ``Paragraph.text`` so runs inside tracked insertions, smart tags, fields and
content controls are kept, while deleted text, field codes, the ``mc:Fallback``
copy of drawings and text boxes are not duplicated into the body.
"""

from __future__ import annotations

import io

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


def read_docx(data: bytes, name: str) -> str:
    """The text ``luoshi text`` prints for a .docx: stable for a given file."""
    import docx  # python-docx: the element classes give run text (w:t, w:tab, w:br ...)
    from docx.opc.exceptions import PackageNotFoundError

    zf = safety.open_docx_zip(io.BytesIO(data), name)
    safety.read_member_capped(zf, "word/document.xml", name)  # truncation and real-size check
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as exc:  # lxml XMLSyntaxError is a SyntaxError
        raise LuoshiError("E006", f"{name} is not a readable Word document: {exc}", "re-save it from Word/WPS as .docx") from None
    lines: list[str] = []
    _blocks(document.element.body, lines)
    return "\n".join(lines)


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
