"""Heading styles: numbered, bare, theme sentences, national paragraph openers."""

from __future__ import annotations

import pytest

from tests.structure.conftest import FIXTURES, read, run


def _outline(text: str) -> list[tuple[str, int, str]]:
    return [(s.id, s.level, s.title) for s in run(text).sections]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "一、工作回顾\n正文一。\n（一）经济发展\n正文二。\n1.工业\n正文三。\n（二）社会事业\n正文四。\n二、今年安排\n正文五。\n",
            [("s1", 1, "一、工作回顾"), ("s1.1", 2, "（一）经济发展"), ("s1.1.1", 3, "1.工业"),
             ("s1.2", 2, "（二）社会事业"), ("s2", 1, "二、今年安排")],
        ),
        (
            "◎生态建设\n正文一。\n◎产业发展\n正文二。\n",
            [("s1", 2, "◎生态建设"), ("s2", 2, "◎产业发展")],
        ),
        (
            "一、总体安排\n（一）绿色发展\n◎生态建设\n正文。\n",
            [("s1", 1, "一、总体安排"), ("s1.1", 2, "（一）绿色发展"), ("s1.1.1", 3, "◎生态建设")],
        ),
        (
            "第一部分 过去五年工作回顾\n正文。\n第二部分 今后五年目标\n正文。\n",
            [("s1", 1, "第一部分 过去五年工作回顾"), ("s2", 1, "第二部分 今后五年目标")],
        ),
        (
            "（1）扩大有效投资\n正文。\n1、完善社会保障\n正文。\n",
            [("s1", 4, "（1）扩大有效投资"), ("s2", 3, "1、完善社会保障")],
        ),
        (
            "持续完善生态建设制度体系。深化目标考核机制。\n着力扩容绿色生态空间。启动申报工作。\n",
            [("s1", 4, "持续完善生态建设制度体系"), ("s2", 4, "着力扩容绿色生态空间")],
        ),
        (
            "（一）加强和改善宏观调控，促进经济平稳快速发展。针对经济运行中出现的新情况，我们及时采取措施。\n",
            [("s1", 2, "（一）加强和改善宏观调控，促进经济平稳快速发展")],
        ),
        (
            "过去五年工作回顾\n\n生态保护大格局初步构建。落实生态文明建设责任制。\n\n矢志不移守定位、护底色，生态屏障更加坚实\n\n绿色生态本底不断夯实。实施造林。\n",
            [("s1", 1, "过去五年工作回顾"), ("s1.1", 4, "生态保护大格局初步构建"),
             ("s1.2", 2, "矢志不移守定位、护底色，生态屏障更加坚实"), ("s1.2.1", 4, "绿色生态本底不断夯实")],
        ),
    ],
)
def test_headings_levels_and_nesting(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _outline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推动发展。\n党的十八届六中全会\n正式明确\n核心地位。\n",  # soft-wrapped hyperlink words
        "农业持续增长。\n城市轨道交通\n、地下综合管廊建设加快。\n",  # wrap before a 、
        "过去五年，是极不平凡的五年。面对复杂环境，我们迎难而上。\n",  # a short first sentence with a comma
        "全年计划安排重点工程87项。投资规模431.5亿元。\n",  # figures: a fact, not a theme
        "全面落实减量发展。\n",  # nothing follows in the paragraph
        "增长1.3万亿斤。\n2.5\n微克。\n",
    ],
)
def test_headings_not_detected(text: str) -> None:
    assert run(text).sections == []


def test_headings_section_span_runs_to_next_sibling() -> None:
    text = "一、回顾\n正文一。\n（一）经济\n正文二。\n二、安排\n正文三。\n"
    s1, s11, s2 = run(text).sections
    assert text[s1.start : s1.end] == "一、回顾\n正文一。\n（一）经济\n正文二。"
    assert text[s11.start : s11.end] == "（一）经济\n正文二。"
    assert text[s2.start : s2.end] == "二、安排\n正文三。"
    assert (s11.parent, s2.parent) == ("s1", None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("national-2017.txt", [
            ("s1", 1, "一、2016年工作回顾"),
            ("s1.1", 4, "——经济运行缓中趋稳、稳中向好"),
            ("s1.2", 4, "——\n改革开放\n深入推进"),
            ("s1.3", 3, "一是继续创新和加强宏观调控，经济运行保持在合理区间"),
            ("s2", 1, "二、2017年工作总体部署"),
            ("s3", 1, "三、2017年重点工作任务"),
            ("s3.1", 2, "（二）深化重要领域和关键环节改革"),
            ("s3.1.1", 4, "持续推进政府职能转变"),
        ]),
        ("national-1998.txt", [
            ("s1", 1, "一、关于过去五年的政府工作"),
            ("s1.1", 2, "第一，坚持解放思想、实事求是的思想路线"),
            ("s1.2", 2, "第二，妥善处理改革、发展、稳定三者之间的关系"),
            ("s1.2.1", 4, "改革是发展的动力"),
            ("s2", 1, "二、关于1 9 9 8 年政府工作的建议"),
            ("s2.1", 2, "第一，进一步稳定和加强农业"),
        ]),
        ("national-2002.txt", [
            ("s1", 1, "首先报告２００１年的工作"),
            ("s2", 1, "一、扩大和培育内需，促进经济较快增长"),
            ("s2.1", 2, "二是进一步完善城镇社会保障体系"),
        ]),
    ],
)
def test_headings_national_styles(name: str, expected: list[tuple[str, int, str]]) -> None:
    assert _outline(read(FIXTURES / name)) == expected
