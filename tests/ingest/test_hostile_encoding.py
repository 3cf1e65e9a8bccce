"""Issue 11, defects 6 and 22: only text encodings are accepted, and mixed encodings are refused."""

import pytest

from luoshi.errors import LuoshiError
from luoshi.ingest import read_bytes

BODY = "政府工作报告，推进改革开放，加快经济社会发展。"


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "hex", "unicode_escape", "utf-7", "idna", "bogus", "x" * 300])
def test_meta_charset_that_is_not_a_text_encoding_is_ignored(charset):
    data = f"<html><head><meta charset={charset}></head><body><p>{BODY}</p></body></html>".encode()
    assert read_bytes(data, "page.html").text == BODY


@pytest.mark.parametrize("encoding", ["rot13", "base64", "zlib", "hex", "unicode_escape", "bogus", "utf\x00"])
def test_encoding_option_must_name_a_text_encoding(encoding):
    with pytest.raises(LuoshiError) as err:
        read_bytes(BODY.encode(), "r.txt", encoding=encoding)
    assert err.value.code == "E013" and err.value.hint


def test_gbk_then_big5_is_refused_not_mojibake():
    data = (BODY * 40).encode("gbk") + ("政府工作報告，推進改革開放，加快經濟社會發展。" * 40).encode("big5")
    with pytest.raises(LuoshiError) as err:
        read_bytes(data, "mixed.txt")
    assert err.value.code == "E005" and "mixes encodings" in err.value.message


@pytest.mark.parametrize("codec", ["gbk", "big5", "utf-16"])
def test_single_encodings_still_read(codec):
    text = "政府工作報告，推進改革開放。" * 40 if codec == "big5" else BODY * 40
    assert read_bytes(text.encode(codec), "r.txt").text == text
