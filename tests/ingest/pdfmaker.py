"""Write PDFs by hand for the tests and the fuzz harness (bench/fuzz imports this module):
small valid ones, one text line per printed line, and amplification attacks (many pages
sharing one content stream).

Latin text uses the standard Type1 font Helvetica; Chinese uses the standard CJK
font STSong-Light with the UniGB-UCS2-H CMap (character codes are UTF-16BE), as
Adobe's Asian font packs do, so no font file is embedded.

Regenerate the committed fixture with ``python -m tests.ingest.pdfmaker``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

LATIN_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
CJK_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
    b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
    b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>"
)


def _show(line: str, cjk: bool) -> bytes:
    if cjk:
        return b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj"
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b") Tj"


def _content(lines: list[str], cjk: bool, size: int = 12) -> bytes:
    """One positioned text object per line; leading ideographic spaces become an indent."""
    ops = []
    for i, line in enumerate(lines):
        body = line.lstrip("\u3000")
        x = 72 + size * (len(line) - len(body))
        ops.append(b"BT /F1 %d Tf %d %d Td %s ET" % (size, x, 770 - i * (size + 6), _show(body, cjk)))
    return b"\n".join(ops)


def make_pdf(pages: list[list[str]], cjk: bool = False) -> bytes:
    """A PDF with the given printed lines on each page (no lines: a page without text)."""
    n = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)), n),
        CJK_FONT if cjk else LATIN_FONT,
    ]
    for i, lines in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (5 + 2 * i)
        )
        stream = _content(lines, cjk) if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return assemble(objects)


def assemble(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog) with its xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def shared_stream(pages: int, stream_bytes: int, line: bytes = b"BT /F1 12 Tf 72 700 Td (Growth 5%) Tj ET\n",
                  deflate: bool = True) -> bytes:
    """``pages`` pages whose /Contents all point at one stream of about ``stream_bytes`` (amplification)."""
    content = line * max(1, stream_bytes // len(line))
    body = zlib.compress(content, 9) if deflate else content
    filt = b" /Filter /FlateDecode" if deflate else b""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        LATIN_FONT,
        b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(body), filt, body),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    return assemble(objects + [page] * pages)


def wrap(paragraph: str, width: int) -> list[str]:
    """Print a paragraph as a typesetter would: indent two ideographic spaces, then fill
    lines of ``width`` half-width units (a Chinese character is 2, a digit or letter 1)."""
    lines, line, used = [], "", 0
    for ch in "\u3000\u3000" + paragraph:
        w = 1 if ch.isascii() else 2
        if used + w > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return lines + [line] if line else lines


# Paragraphs of the committed fixture: a title, headings and wrapped body text.
FIXTURE_PARAGRAPHS = [
    "政府工作报告",
    "一、过去五年工作回顾",
    "过去五年，是极不平凡的五年。区政府坚持以首都发展为统领，立足“三大功能”，全区经济社会发展取得新成效，地区生产总值年均增长6.5%，一般公共预算收入年均增长5.2%。",
    "（一）生态文明建设取得新进展",
    "森林覆盖率达到48.5%，PM2.5年均浓度下降到33微克/立方米，永定河生态补水工程全面完成。",
    "二、2022年工作安排",
    "2022年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5%以内，居民人均可支配收入增长与经济增长基本同步。",
]
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "report-zh.pdf"


def fixture_pages(width: int = 48) -> list[list[str]]:
    """Two pages with centred title, headings, wrapped paragraphs and page numbers."""
    lines: list[str] = []
    for p in FIXTURE_PARAGRAPHS:
        if p == "政府工作报告" or p.startswith(("一、", "二、", "（")):
            lines.append(p)
        else:
            lines.extend(wrap(p, width))
    half = len(lines) // 2
    return [lines[:half] + ["- 1 -"], lines[half:] + ["- 2 -"]]


if __name__ == "__main__":
    FIXTURE.write_bytes(make_pdf(fixture_pages(), cjk=True))
    print(FIXTURE, FIXTURE.stat().st_size, "bytes")
