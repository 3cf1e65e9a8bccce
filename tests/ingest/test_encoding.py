import codecs
import hashlib
from pathlib import Path

import pytest

from luoshi.errors import LuoshiError
from luoshi.ingest import read_bytes, read_document
from luoshi.ingest.encoding import decode_text, plausible_gb

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
NATIONAL = sorted((ROOT.parent / "shared" / "corpus" / "national").glob("gwr-*.txt"))

REPORT = "各位代表：\r\n现在，我代表区人民政府，向大会报告政府工作。\r\n一、2021年工作回顾\n地区生产总值增长6%左右，PM\n2.5浓度下降。\u3000\t \n"


@pytest.mark.parametrize(
    "data, expected_encoding",
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + REPORT.encode("utf-32-le"), "utf-32-le"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("utf-16-le"), "utf-16-le"),  # no BOM: NULs on odd bytes only
        (REPORT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encoding_text_is_decoded_unchanged_except_bom(data, expected_encoding):
    doc = read_bytes(data, "report.txt")
    assert doc.text == REPORT
    assert doc.encoding == expected_encoding
    assert doc.format == "txt"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_encoding_gb18030_four_byte_characters_survive():
    text = "㐀䶵𠀀 生僻字姓名：张㛃。" * 3  # CJK Ext-A/B need GB18030's four-byte codes
    assert read_bytes(text.encode("gb18030"), "r.txt").text == text


def test_encoding_big5_falls_through_to_detection():
    text = "政府工作報告，推進高質量發展。臺灣經濟社會持續穩定，人民生活水準提高。" * 5
    doc = read_bytes(text.encode("big5"), "r.txt")
    assert (doc.text, doc.encoding) == (text, "big5")


@pytest.mark.parametrize(
    "text, plausible",
    [
        ("现在，我代表区人民政府，向大会报告政府工作，请予审议。" * 2, True),
        ("ok", True),  # too little to judge
        ("政府工作報告，推進高質量發展。".encode("big5").decode("gb18030", "replace") * 3, False),
    ],
)
def test_encoding_gb_plausibility(text, plausible):
    assert plausible_gb(text) is plausible


@pytest.mark.parametrize(
    "data, forced, expected",
    [
        ("报告".encode("gbk"), "gbk", "报告"),
        ("报告".encode("gbk"), "GB18030", "报告"),
        (codecs.BOM_UTF8 + "报告".encode(), "utf-8", "报告"),  # only the BOM goes
        ("报告".encode("utf-16-le"), "utf-16-le", "报告"),  # forced: no binary sniffing
    ],
)
def test_encoding_forced(data, forced, expected):
    assert read_bytes(data, "r.txt", encoding=forced).text == expected


@pytest.mark.parametrize(
    "data, forced, code",
    [
        ("报告".encode("gbk"), "utf-8", "E005"),
        (b"abc", "no-such-codec", "E013"),
        ("政府工作报告，推进发展。".encode() * 4 + b"\xff\xfe\xfd" + "报告".encode() * 4, None, "E005"),
        (bytes(range(0x80, 0x100)) * 4, None, "E005"),
    ],
)
def test_encoding_errors(data, forced, code):
    with pytest.raises(LuoshiError) as err:
        decode_text(data, "r.txt", forced)
    assert err.value.code == code and err.value.hint


def test_encoding_damaged_utf8_names_the_first_bad_byte():
    data = "报告".encode() * 10 + b"\xff" + "报告".encode()
    with pytest.raises(LuoshiError, match="at byte 60"):
        read_bytes(data, "r.txt")


def test_encoding_sample_reports_read_exactly():
    for path in EXAMPLES + NATIONAL:  # the national corpus only where ../shared exists
        raw = path.read_bytes()
        doc = read_document(path)
        assert doc.text == raw.decode("utf-8-sig"), path
        assert (doc.path, doc.format) == (str(path), "txt")
        assert read_bytes(doc.text.encode("gb18030"), path.name).text == doc.text
    assert EXAMPLES
