"""Decide a text encoding on the whole file, strictly, and decode it.

Order: a forced ``encoding=``; a byte-order mark; BOM-less UTF-16 (NULs on one
parity only); UTF-8 strict; GB18030 strict when the result is plausible Chinese;
charset-normalizer as the last resort. Strict decoding of the whole file never
silently replaces bytes, so offsets always index what the author wrote.
"""

from __future__ import annotations

import codecs
import re

from luoshi.errors import LuoshiError
from luoshi.ingest.safety import check_not_binary

_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NON_ASCII = re.compile(r"[\x00-\x7f]+")
# Characters of ordinary Chinese/English text: printable ASCII, CJK, CJK and full-width punctuation.
_PLAIN = re.compile("[\t\n\r\x20-\x7e\u00b7\u2010-\u2027\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_UTF16_PLAIN_SHARE = 0.9
# GB18030 decodes almost any byte soup (Big5, Shift-JIS...) into rare characters;
# real GBK reports are nearly all GB2312 characters.
_GB2312_SHARE = 0.9
_UTF8_MAJORITY = 4  # valid multi-byte characters per invalid byte that mean "damaged UTF-8"
_GB_FAMILY = ("gb18030", "gbk", "gb2312", "hz")
_DECODE_HINT = "pass --encoding (e.g. gb18030, big5, utf-16) if you know it, or re-save the file as UTF-8"


# Python codecs that decode bytes to str but are not the character encoding of a document.
_NOT_DOCUMENT = frozenset({"unicode_escape", "raw_unicode_escape", "idna", "punycode", "undefined", "utf_7",
                           "palmos", "charmap", "mbcs", "oem"})


def codec_name(encoding: str) -> str:
    """The canonical codec name, or E013 for an unknown one or one that is not a text encoding
    (rot13, base64, zlib, hex, unicode_escape ...)."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):  # ValueError: NUL or odd characters in the name
        raise LuoshiError("E013", f"unknown encoding {encoding[:40]!r}", "use a Python codec name such as utf-8, gb18030, big5") from None
    if not getattr(info, "_is_text_encoding", True) or info.name.replace("-", "_") in _NOT_DOCUMENT:
        raise LuoshiError("E013", f"{encoding[:40]!r} is not a text encoding", "use a character encoding such as utf-8, gb18030, big5")
    return info.name


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LuoshiError(
            "E005", f"{name} is not valid {encoding}: {exc.reason} at byte {exc.start}", _DECODE_HINT
        ) from None
    except (UnicodeError, ValueError, LookupError) as exc:
        raise LuoshiError("E005", f"{name} cannot be decoded as {encoding}: {str(exc)[:120]}", _DECODE_HINT) from None


def _bom_less_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs in the bytes, and one byte order gives plain text.

    (The wrong order turns ``\n`` into U+0A00 and CJK into scattered scripts.)"""
    if len(data) < 4 or len(data) % 2 or not data.count(0):
        return None
    for candidate in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if len(_PLAIN.findall(text)) >= _UTF16_PLAIN_SHARE * len(text):
            return candidate
    return None


def _refuse_damaged_utf8(data: bytes, name: str, exc: UnicodeDecodeError) -> None:
    """E005 for UTF-8 with a few bad bytes: guessing another codec would garble it all."""
    repaired = data.decode("utf-8", "replace")
    bad = repaired.count("\ufffd")
    wide = len(_NON_ASCII.sub("", repaired)) - bad
    if wide >= _UTF8_MAJORITY * bad:
        raise LuoshiError(
            "E005",
            f"{name} is UTF-8 with {bad} invalid byte(s), the first at byte {exc.start}",
            "the file is damaged (cut or mixed encodings); repair it, or force --encoding gb18030 if it is really GBK",
        )


def plausible_gb(text: str) -> bool:
    wide = _NON_ASCII.sub("", text)
    if len(wide) < 20:
        return True
    return len(wide.encode("gb2312", "ignore")) / 2 >= _GB2312_SHARE * len(wide)


_CHUNK = 400  # wide characters per window of the mixed-encoding check


def _mixed_gb(text: str) -> bool:
    """Some windows read as plain GB2312 Chinese and others as rare characters: two encodings."""
    wide = _NON_ASCII.sub("", text)
    shares = []
    for i in range(0, len(wide), _CHUNK):
        chunk = wide[i : i + _CHUNK]
        if len(chunk) >= 50:
            shares.append(len(chunk.encode("gb2312", "ignore")) / 2 / len(chunk))
    return bool(shares) and max(shares) >= _GB2312_SHARE and min(shares) < 0.6


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # slow import; only for the rare fallback

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        data.decode(best.encoding)
        return codec_name(best.encoding)
    except (UnicodeError, LookupError, ValueError, LuoshiError):
        return None


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used) for the whole of ``data``; strips only a leading BOM."""
    if encoding:
        enc = codec_name(encoding)
        text = _strict(data, enc, name)
        return (text[1:] if text.startswith("\ufeff") else text), enc
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], enc, name), ("utf-8-sig" if enc == "utf-8" else enc)
    utf16 = _bom_less_utf16(data)
    if utf16:
        return data.decode(utf16), utf16
    check_not_binary(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, name, exc)
    gb: str | None
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is not None and plausible_gb(gb):
        return gb, "gb18030"
    if gb is not None and _mixed_gb(gb):
        raise LuoshiError(
            "E005",
            f"{name} mixes encodings: part of it is GBK and part is not (e.g. Big5 pasted after GBK)",
            "convert each part to UTF-8 separately, or force --encoding if you are sure of one",
        )
    detected = _detect(data)
    if detected and detected not in _GB_FAMILY:
        return data.decode(detected), detected
    if gb is not None:
        return gb, "gb18030"
    raise LuoshiError("E005", f"cannot decode {name}: not UTF-8, GB18030 or a detectable encoding", _DECODE_HINT)
