import pytest

from luoshi.extract.numbers import find_numbers
from luoshi.extract.units import is_measure_word, unit_kind


@pytest.mark.parametrize(
    ("unit", "kind"),
    [("%", "percent"), ("个百分点", "percent"), ("亿元", "money"), ("万亿斤", "energy"), ("万亩", "area"),
     ("吨标煤/万元", "energy"), ("万千瓦", "energy"), ("个", "measure"), ("万人次", "people"), ("个工作日", "duration"),
     ("倍", "multiple"), ("岁", "age"), (None, None), ("斤两", None)],
)
def test_units_kind(unit, kind):
    assert unit_kind(unit) == kind


@pytest.mark.parametrize(
    ("text", "unit"),
    [("63万吨标准煤", "万吨标准煤"), ("500万人次", "万人次"), ("3个工作日", "个工作日"), ("4.8个百分点", "个百分点"),
     ("38微克/立方米", "微克/立方米"), ("100万千瓦", "万千瓦"), ("20平方公里", "平方公里")],
)
def test_units_longest_match_wins(text, unit):
    (n,) = find_numbers(text)
    assert n.unit == unit


@pytest.mark.parametrize(("text", "unit"), [("13亿多人口", "亿"), ("三家店村", None), ("二次创业", None)])
def test_units_word_starts_are_not_units(text, unit):
    found = find_numbers(text)
    assert (found[0].unit if found else None) == unit


@pytest.mark.parametrize(("unit", "measure"), [("所", True), ("个", True), ("%", False), ("万元", False)])
def test_units_measure_words(unit, measure):
    assert is_measure_word(unit) is measure
