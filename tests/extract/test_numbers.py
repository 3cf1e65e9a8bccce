import pytest

from luoshi.extract.numbers import find_numbers, parse_number
from luoshi.textmap import MappedText


def _read(text: str):
    norm = MappedText(text).text
    return [(norm[n.start : n.end], n.value, n.value_high, n.unit, n.comparator) for n in find_numbers(norm)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长6%左右", [("6%左右", 6.0, None, "%", "about")]),
        ("粮食产量1.3万亿斤", [("1.3万亿斤", 1.3, None, "万亿斤", "eq")]),
        ("投资1,234万元", [("1,234万元", 1234.0, None, "万元", "eq")]),
        ("增长６．５％", [("6.5%", 6.5, None, "%", "eq")]),
        ("单位GDP能耗0.23吨标煤/万元", [("0.23吨标煤/万元", 0.23, None, "吨标煤/万元", "eq")]),
        ("能源消费总量63万吨标准煤以内", [("63万吨标准煤以内", 63.0, None, "万吨标准煤", "at_most")]),
        ("超过1000亿元", [("超过1000亿元", 1000.0, None, "亿元", "at_least")]),
        ("引进200多家企业", [("200多家", 200.0, None, "家", "at_least")]),
        ("推广节能空调500多万台", [("500多万台", 500.0, None, "万台", "at_least")]),
        ("约6%", [("约6%", 6.0, None, "%", "about")]),
    ],
)
def test_numbers_arabic_with_units_and_comparators(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3到5年", [("3到5年", 3.0, 5.0, "年", "range")]),
        ("1到2个", [("1到2个", 1.0, 2.0, "个", "range")]),
        ("6%-6.5%", [("6%-6.5%", 6.0, 6.5, "%", "range")]),
        ("6%～6.5%", [("6%~6.5%", 6.0, 6.5, "%", "range")]),
        ("6%至6.5%", [("6%至6.5%", 6.0, 6.5, "%", "range")]),
        ("5—8个", [("5—8个", 5.0, 8.0, "个", "range")]),
        ("三到五年", [("三到五年", 3.0, 5.0, "年", "range")]),
    ],
)
def test_numbers_ranges(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建三所学校", [("三所", 3.0, None, "所", "eq")]),
        ("两千多人", [("两千多人", 2000.0, None, "人", "at_least")]),
        ("三成以上", [("三成以上", 3.0, None, "成", "at_least")]),
        ("翻一番", [("一番", 1.0, None, "番", "eq")]),
        ("下降半个百分点", [("半个百分点", 0.5, None, "个百分点", "eq")]),
        ("百分之三十", [("百分之三十", 30.0, None, "%", "eq")]),
        ("减少三分之一", [("三分之一", 0.333333, None, None, "eq")]),
        ("一般公共预算", []),
        ("建成通车", []),
        ("一成不变", []),
        ("三家店", []),
    ],
)
def test_numbers_chinese_numerals(text, expected):
    assert _read(text) == expected


def test_numbers_unit_after_a_line_break_keeps_the_span():
    text = "国内生产总值达到74.4 \u200b\n万亿元"
    (found,) = _read(text)
    assert found[1:4] == (74.4, None, "万亿元")


def test_numbers_range_with_mismatched_units_is_two_numbers():
    assert [r[0] for r in _read("完成5个到2025年")] == ["5个", "2025年"]


@pytest.mark.parametrize(("numeral", "value"), [("1,234.5", 1234.5), ("两", 2.0), ("三十", 30.0), ("一千二百", 1200.0), ("半", 0.5), ("二点五", 2.5)])
def test_numbers_parse_number(numeral, value):
    assert parse_number(numeral) == value
