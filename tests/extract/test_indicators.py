import json

import pytest

from luoshi.extract.indicators import extract_indicators
from tests.extract.hand_structure import hand_structure

FIELDS = ("metric", "value", "value_high", "unit", "comparator", "change", "kind", "period", "base_period")


def _extract(text: str, part: str = "plan", year: int | None = 2022):
    mt, structure = hand_structure(text, part, year)
    return extract_indicators(mt, structure)


def _rows(text: str, part: str = "plan", year: int | None = 2022):
    return [tuple(getattr(i, f) for f in FIELDS) for i in _extract(text, part, year)]


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("地区生产总值增长6%左右。", "plan",
         [("地区生产总值", 6.0, None, "%", "about", "increase", "target", "2022", None)]),
        ("城镇登记失业率控制在4.5%以内。", "plan",
         [("城镇登记失业率", 4.5, None, "%", "at_most", "level", "target", "2022", None)]),
        ("预计2021年完成地区生产总值276亿元，比2016年增长28.5%，年均增速5.1%。", "review",
         [("地区生产总值", 276.0, None, "亿元", "eq", "level", "actual", "2021", None),
          ("地区生产总值", 28.5, None, "%", "eq", "increase", "actual", "2021", "2016"),
          ("地区生产总值", 5.1, None, "%", "eq", "increase", "actual", "2017-2021", None)]),
        ("建安投资占全社会固定资产投资比重由30%提升至58.4%。", "review",
         [("建安投资占全社会固定资产投资比重", 30.0, None, "%", "eq", "level", "baseline", "2021", None),
          ("建安投资占全社会固定资产投资比重", 58.4, None, "%", "eq", "level", "actual", "2021", None)]),
        ("社会消费品零售额比上年增长8%。", "review",
         [("社会消费品零售额", 8.0, None, "%", "eq", "increase", "actual", "2021", "2020")]),
        ("到“十四五”末，全区森林覆盖率达到50.3%。", "goals",
         [("森林覆盖率", 50.3, None, "%", "eq", "level", "target", "2025", None)]),
        ("国内生产总值增长6.5%-7%。", "plan",
         [("国内生产总值", 6.5, 7.0, "%", "range", "increase", "target", "2022", None)]),
        ("新建3所学校。", "plan", [("学校", 3.0, None, "所", "eq", "level", "target", "2022", None)]),
        ("今年再减少企业税负3500亿元左右。", "plan",
         [("企业税负", 3500.0, None, "亿元", "about", "decrease", "target", "2022", None)]),
    ],
)
def test_indicators_fields(text, part, expected):
    assert _rows(text, part) == expected


def test_indicators_respectively_assigns_metrics_in_order():
    rows = _rows("森林覆盖率48.08%，林木绿化率72.75%，分别提高4.8和5.5个百分点。", "review")
    assert [(r[0], r[1], r[3], r[5]) for r in rows] == [
        ("森林覆盖率", 48.08, "%", "level"),
        ("林木绿化率", 72.75, "%", "level"),
        ("森林覆盖率", 4.8, "个百分点", "increase"),
        ("林木绿化率", 5.5, "个百分点", "increase"),
    ]


def test_indicators_joint_subject_split_by_respectively():
    rows = _rows("化学需氧量、二氧化硫排放量分别下降9.66%和13.14%。", "review")
    assert [(r[0], r[1], r[5]) for r in rows] == [("化学需氧量", 9.66, "decrease"), ("二氧化硫排放量", 13.14, "decrease")]


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [("力争新增就业1万人。", "other", "target"), ("预计全年完成投资50亿元。", "other", "actual"),
     ("全年完成投资50亿元。", "review", "actual"), ("完成投资50亿元。", "goals", "target")],
)
def test_indicators_kind_from_part_and_cues(text, part, kind):
    (found,) = _extract(text, part)
    assert found.kind == kind


def test_indicators_unknown_report_year_leaves_relative_periods_null():
    (found,) = _extract("今年地区生产总值增长6%。", "plan", None)
    assert found.period is None


def test_indicators_offsets_index_the_original_text():
    text = "２０２２年，全区地区生产总值增长６％左右，\n城镇登记失业率控制在４．５％以内。PM\n2.5浓度下降到38微克/立方米。"
    found = _extract(text)
    assert [i.value_text for i in found] == ["６％左右", "４．５％以内", "38微克/立方米"]
    for i in found:
        assert text[i.start : i.end] == i.value_text
        assert i.sentence in text
    assert [i.id for i in found] == ["i1", "i2", "i3"]


@pytest.mark.parametrize("name", ["mentougou-2020", "mentougou-2021"])
def test_indicators_golden_sample_reports(name):
    from tests.golden.regen import ROOT, indicators_of

    golden = json.loads((ROOT / "tests" / "golden" / f"{name}.indicators.json").read_text(encoding="utf-8"))
    assert indicators_of(ROOT / "examples" / f"{name}.txt") == golden


def test_spaced_digits_read_as_one_number_with_original_offsets():
    text = "今年粮食总产量稳定在4 9 2 5 0 万吨，固定资产投资预定增长1 0 ％。"
    mt, structure = hand_structure(text, "plan", 1998)
    found = extract_indicators(mt, structure)
    assert [(i.value, i.unit) for i in found] == [(49250.0, "万吨"), (10.0, "%")]
    assert [i.value_text for i in found] == ["4 9 2 5 0 万吨", "1 0 ％"]
    assert all(mt.original[i.start:i.end] == i.value_text for i in found)


def test_spaced_list_numbers_stay_apart():
    text = "构建“6 3”重点产业集群，力争增长5%。"
    mt, structure = hand_structure(text, "plan", 2021)
    assert [i.value for i in extract_indicators(mt, structure)] == [5.0]
