"""Build .docx containers by hand, including lying and damaged ones (for the tests and the
fuzz harness, bench/fuzz, which imports this module).

Only the three parts Word needs are written; the helpers then edit zip headers in place
(sizes, flags, compression method) the way a hostile file would."""

from __future__ import annotations

import io
import struct
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)


def document_xml(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


def build(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx of ``parts`` (the standard three first unless given)."""
    return zip_entries({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, **parts}, method)


def zip_entries(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of exactly ``entries``, with fixed dates: the same input gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, data)
    return buf.getvalue()


def docx(paragraphs: list[str], extra: dict[str, bytes] | None = None) -> bytes:
    return build({"word/document.xml": document_xml(paragraphs), **(extra or {})})


def _headers(data: bytes, member: str) -> tuple[int, int]:
    """Offsets of the local and central header of ``member``."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo(member)
    local = info.header_offset
    name = member.encode()
    eocd = data.rindex(b"PK\x05\x06")
    central = struct.unpack_from("<I", data, eocd + 16)[0]  # start of the central directory
    while data[central + 46 : central + 46 + len(name)] != name:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, central + 28)
        central += 46 + name_len + extra_len + comment_len
    return local, central


# Where a patched field sits: (offset in the local header, offset in the central header).
FLAGS, METHOD, SIZE = (6, 8), (8, 10), (22, 24)


def _patch(data: bytes, member: str, field: tuple[int, int], fmt: str, change) -> bytes:
    """Rewrite one field of ``member`` in both its headers to ``change(old value)``."""
    local, central = _headers(data, member)
    out = bytearray(data)
    for off in (local + field[0], central + field[1]):
        struct.pack_into(fmt, out, off, change(struct.unpack_from(fmt, out, off)[0]))
    return bytes(out)


def lie_sizes(data: bytes, member: str, size: int) -> bytes:
    """Claim ``member`` inflates to ``size`` bytes in both headers (a lying zip bomb)."""
    return _patch(data, member, SIZE, "<I", lambda _: size)


def set_flag(data: bytes, member: str, bit: int) -> bytes:
    """Set a general-purpose flag bit (bit 0: encrypted) in both headers of ``member``."""
    return _patch(data, member, FLAGS, "<H", lambda flags: flags | bit)


def set_method(data: bytes, member: str, method: int) -> bytes:
    """Change the compression method of ``member`` (e.g. 99, AES, which zipfile lacks)."""
    return _patch(data, member, METHOD, "<H", lambda _: method)


def damage(data: bytes, member: str, at: int = 40, length: int = 16) -> bytes:
    """Overwrite bytes inside the compressed data of ``member`` (bad deflate or CRC)."""
    local, _ = _headers(data, member)
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name_len + extra_len + at
    out = bytearray(data)
    out[start : start + length] = b"\xff" * length
    return bytes(out)
