import re

import pytest

from luoshi.textmap import MappedText, fold

CASES = [
    ("细颗粒物（PM\n2.5\n）年均浓度下降９.１％。", "细颗粒物(PM2.5)年均浓度下降9.1%。"),
    ("国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%", "国内生产总值达到74.4万亿元,增长6.7%"),
    ("广义货币M\n2\n预期增长13%。", "广义货币M2预期增长13%。"),
    ("可吸入颗粒物（PM\n10\n）治理", "可吸入颗粒物(PM10)治理"),
    ("增长6%左右。\n一、过去一年", "增长6%左右。\n一、过去一年"),  # a real paragraph break stays
    ("全区６％，\u3000就业", "全区6%, 就业"),
    ("首行\r\n次行", "首行\r\n次行"),
]


@pytest.mark.parametrize("original, normalized", CASES)
def test_textmap_normalizes_and_maps_every_span_back(original, normalized):
    mt = MappedText(original)
    assert mt.text == normalized
    blank = re.compile(r"[\s\u200b]")
    for i in range(len(mt.text)):
        assert mt.to_norm(mt.to_original(i)) == i
        for k in range(i + 1, len(mt.text) + 1):
            s, e = mt.span(i, k)
            assert blank.sub("", fold(original[s:e])) == blank.sub("", mt.text[i:k])


def test_textmap_keeps_cuts_sparse_on_long_text():
    mt = MappedText("数字7\n\u200b\n万亿元。" * 10000)
    assert len(mt._norm_at) == 10000 and len(mt.text) == 10000 * len("数字7万亿元。")


@pytest.mark.parametrize(
    "original, normalized",
    [
        # gwr-1998 sets every figure digit by digit; each run reads as one number.
        ("1 9 9 7 年粮食产量达到4 9 2 5 0 万吨，增长1 5 ．3 ％", "1997 年粮食产量达到49250 万吨,增长15.3 %"),
        ("自然增长率下降到1 0 ．0 6 ‰", "自然增长率下降到10.06 ‰"),
        ("增长1\u30000 ％", "增长10 %"),  # an ideographic space between digits
        ("完成地区生产总值2 311.43亿元，人均可支配收入22 587元", "完成地区生产总值2311.43亿元,人均可支配收入22587元"),
        # Not a number by itself: list numbering, year lists, quoted cluster names, mixed groups.
        ("第1 2条", "第1 2条"),
        ("2020 2021年", "2020 2021年"),
        ("三次产业结构从21 43 36调整", "三次产业结构从21 43 36调整"),
        ("构建“6 3”重点产业", "构建“6 3”重点产业"),
        ("“5 6 700”电子信息", "“5 6 700”电子信息"),
        ("人均月补差2 70 元", "人均月补差2 70 元"),
        ("增长1  0 ％", "增长1  0 %"),  # two spaces: not one number
    ],
)
def test_textmap_joins_digits_set_one_by_one(original, normalized):
    mt = MappedText(original)
    assert mt.text == normalized
    for i in range(len(mt.text)):
        assert mt.to_norm(mt.to_original(i)) == i
