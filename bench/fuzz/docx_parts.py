"""Build .docx containers by hand, including lying and damaged ones (for tests and the fuzzer).

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
    """A zip of ``parts`` (the standard three first unless given)."""
    entries = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, **parts}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # fixed: same seed, same bytes
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


def lie_sizes(data: bytes, member: str, size: int) -> bytes:
    """Claim ``member`` inflates to ``size`` bytes in both headers (a lying zip bomb)."""
    local, central = _headers(data, member)
    out = bytearray(data)
    struct.pack_into("<I", out, local + 22, size)
    struct.pack_into("<I", out, central + 24, size)
    return bytes(out)


def set_flag(data: bytes, member: str, bit: int) -> bytes:
    """Set a general-purpose flag bit (bit 0: encrypted) in both headers of ``member``."""
    local, central = _headers(data, member)
    out = bytearray(data)
    for off in (local + 6, central + 8):
        (flags,) = struct.unpack_from("<H", out, off)
        struct.pack_into("<H", out, off, flags | bit)
    return bytes(out)


def set_method(data: bytes, member: str, method: int) -> bytes:
    """Change the compression method of ``member`` (e.g. 99, AES, which zipfile lacks)."""
    local, central = _headers(data, member)
    out = bytearray(data)
    struct.pack_into("<H", out, local + 8, method)
    struct.pack_into("<H", out, central + 10, method)
    return bytes(out)


def damage(data: bytes, member: str, at: int = 40, length: int = 16) -> bytes:
    """Overwrite bytes inside the compressed data of ``member`` (bad deflate or CRC)."""
    local, _ = _headers(data, member)
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name_len + extra_len + at
    out = bytearray(data)
    out[start : start + length] = b"\xff" * length
    return bytes(out)
