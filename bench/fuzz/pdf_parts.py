"""Hand-written PDFs for amplification attacks: many pages sharing one content stream."""

from __future__ import annotations

import zlib


def _assemble(objects: list[bytes]) -> bytes:
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
    """``pages`` pages whose /Contents all point at one stream of about ``stream_bytes``."""
    content = line * max(1, stream_bytes // len(line))
    body = zlib.compress(content, 9) if deflate else content
    filt = b" /Filter /FlateDecode" if deflate else b""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        font,
        b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(body), filt, body),
    ]
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                       b" /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    return _assemble(objects)
