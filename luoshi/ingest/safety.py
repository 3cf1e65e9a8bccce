"""Refuse hostile or non-document input cheaply, before any parser sees it.

Binary sniffing works on raw bytes with C-speed ``bytes`` methods; the zip checks
read only the central directory, so a zip bomb is refused before anything inflates.
"""

from __future__ import annotations

import zipfile
import zlib
from typing import IO

from luoshi.errors import LuoshiError

# Magic numbers of common binary formats that are not documents (checked at offset 0).
# Only unambiguous ones: weak ASCII magics (MZ, BZh, ID3) are left to the control-byte test.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
)
# Formats that are documents, but ones we do not read: say what to convert to.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office/WPS file (.doc/.xls/.wps)"),
    (b"{\\rtf", "RTF document"),
)
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
PDF_MAGIC = b"%PDF-"

# Control bytes that never occur in text in any encoding we accept (UTF-16/32 are
# recognised by BOM or NUL parity before this check): C0 minus \t \n \v \f \r and ESC.
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CONTROL_RATIO = 0.01  # above this share of control bytes the data is binary
_NUL_RATIO = 0.001

# Zip bomb limits for .docx (a real report is a few MB at most).
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 200  # a deflated XML part is ~5-30x; a run of zeros is ~1000x
MAX_RATIO_MIN_SIZE = 1024 * 1024  # tiny parts may compress absurdly well, harmlessly
MAX_ENTRIES = 5000


def magic_kind(data: bytes) -> tuple[str, str] | None:
    """("binary"|"unsupported", description) when the leading bytes identify a format."""
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "binary", "WebP image"
    if data.startswith(b"RIFF"):
        return "binary", "RIFF media"
    if data[4:12] in (b"ftypisom", b"ftypmp42", b"ftypheic", b"ftypM4A "):
        return "binary", "MP4/HEIC media"
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return "binary", what
    for magic, what in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            return "unsupported", what
    return None


def check_not_binary(data: bytes, name: str) -> None:
    """E004 for known binary formats and for bytes with NULs or many control chars."""
    kind = magic_kind(data)
    if kind and kind[0] == "binary":
        raise LuoshiError("E004", f"{name} is a {kind[1]}, not a document", "give a .txt, .docx, text PDF or HTML report")
    if kind:
        raise LuoshiError("E010", f"{name} is a {kind[1]}", "save it as .docx, .txt (UTF-8) or PDF and try again")
    n = len(data)
    controls = n - len(data.translate(None, _CONTROL))
    if controls and (data.count(0) > max(_NUL_RATIO * n, 1) or controls > _CONTROL_RATIO * n + 1):
        raise LuoshiError(
            "E004",
            f"{name} looks like binary data ({controls} control bytes in {n})",
            "give a .txt, .docx, text PDF or HTML report; UTF-16 text needs a byte-order mark",
        )


def open_docx_zip(data: IO[bytes], name: str) -> zipfile.ZipFile:
    """Open a .docx container, refusing corrupt archives (E006) and zip bombs (E007)."""
    try:
        zf = zipfile.ZipFile(data)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:  # RuntimeError: NotImplementedError too
        msg = " ".join(str(exc).split())[:200]
        raise LuoshiError("E006", f"{name} is not a valid .docx (zip) file: {msg}", "re-save it from Word/WPS as .docx") from None
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise LuoshiError("E007", f"{name} has {len(infos)} zip entries (limit {MAX_ENTRIES})", "this is not a normal .docx; re-save it from Word")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise LuoshiError(
                "E007",
                f"{name}: part {info.filename} expands {ratio:.0f}x to {info.file_size} bytes",
                "the file looks like a zip bomb; re-save the report from Word",
            )
    if total > MAX_UNZIPPED:
        raise LuoshiError(
            "E007",
            f"{name} expands to {total} bytes (limit {MAX_UNZIPPED})",
            "the file looks like a zip bomb, or embeds huge media; save the text alone as .docx or .txt",
        )
    return zf


def read_member_capped(zf: zipfile.ZipFile, member: str, name: str, cap: int = MAX_UNZIPPED) -> bytes:
    """Inflate one zip member, stopping at ``cap`` bytes whatever the header claims."""
    chunks: list[bytes] = []
    size = 0
    try:
        # Word writes only stored or deflated parts; zipfile inflates bzip2/lzma without an
        # output bound, so any other method is refused before it runs.
        if zf.getinfo(member).compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NotImplementedError
        with zf.open(member) as fh:
            while chunk := fh.read(1 << 20):
                size += len(chunk)
                if size > cap:
                    raise LuoshiError("E007", f"{name}: {member} inflates beyond {cap} bytes", "the file looks like a zip bomb")
                chunks.append(chunk)
    except KeyError:
        raise LuoshiError("E006", f"{name} has no {member}; it is not a Word document", "re-save it from Word/WPS as .docx") from None
    except NotImplementedError:  # (a RuntimeError, so caught first) e.g. method 99 = AES, 6 = implode
        raise LuoshiError("E006", f"{name}: {member} uses an unsupported zip compression",
                          "re-save it from Word/WPS as .docx") from None
    except RuntimeError:  # zipfile: "File ... is encrypted, password required"
        raise LuoshiError("E006", f"{name}: {member} is encrypted", "remove the password in Word/WPS and save again") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:  # truncated / bad CRC / bad deflate
        msg = " ".join(str(exc).split())[:200]
        raise LuoshiError("E006", f"{name} is truncated or corrupt: {msg}", "re-save it from Word/WPS as .docx") from None
    return b"".join(chunks)
