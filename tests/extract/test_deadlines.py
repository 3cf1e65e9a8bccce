import re

import pytest

from luoshi.extract.deadlines import deadline_date, find_deadlines, first_deadline
from luoshi.rules import load

PATTERNS = load("deadlines")["patterns"]


@pytest.mark.parametrize(("name", "text"), [(p["name"], t) for p in PATTERNS for t in p["examples"]])
def test_deadlines_rule_examples_match_whole(name, text):
    pattern = next(p["pattern"] for p in PATTERNS if p["name"] == name)
    assert re.search(pattern, text).group() in text and re.fullmatch(pattern, text.lstrip("到"))


@pytest.mark.parametrize(("name", "text"), [(p["name"], t) for p in PATTERNS for t in p["not"]])
def test_deadlines_rule_counter_examples_find_nothing(name, text):
    assert find_deadlines(text, 2022) == []


@pytest.mark.parametrize(
    ("text", "year", "phrase", "period"),
    [
        ("年内开工建设", 2022, "年内", "2022"),
        ("力争市郊铁路“门大线”年内开工", 2022, "年内", "2022"),
        ("今年要再压减钢铁产能5000万吨左右", 2017, "今年", "2017"),
        ("年底前全部建成", 2022, "年底前", "2022"),
        ("6月底前完成整改", 2022, "6月底前", "2022-06"),
        ("上半年启动", 2021, "上半年", "2021-06"),
        ("今年下半年投入运营", 2022, "今年下半年", "2022-12"),
        ("到2022年底完成改造", 2022, "到2022年底", "2022"),
        ("2023年6月底前建成", 2022, "2023年6月底前", "2023-06"),
        ("力争到2035年基本实现", 2022, "到2035年", "2035"),
        ("到“十四五”末森林覆盖率达到50.3%", 2022, "到“十四五”末", "2025"),
        ("“十四五”期间完成", 2022, "“十四五”期间", "2021-2025"),
        ("明年建成通车", 2022, "明年", "2023"),
        ("确保2020年全力冲刺首都文明示范区", 2020, "2020年", "2020"),
        # a period the engine cannot resolve keeps its phrase, with no guessed date
        ("争取3到5年内打造5A级景区", 2020, "3到5年内", None),
        ("三年内消除", 2022, "三年内", None),
        ("今后五年中央财政将投入100亿元", 2006, "今后五年", "2006-2010"),
        ("今明两年实现全部向社会免费开放", 2008, "今明两年", None),
        ("扶持政策再延长三年", 2006, "延长三年", None),
        ("确保新集枢纽7月份第一台机组并网发电", 2023, "7月份", "2023-07"),  # a month named with 份
    ],
)
def test_deadlines_phrase_and_period(text, year, phrase, period):
    found = first_deadline(text, year)
    assert (found.text, found.period) == (phrase, period)
    assert text[found.start : found.end] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "比2016年下降52.9%",  # a comparison base
        "2019年以来累计完成",  # looking back
        "获得2019年全国村庄清洁行动先进县",  # before the plan year
        "实施城乡水环境治理三年行动计划",  # a plan's name, not a deadline
        "编制“十四五”规划",
        "2022年是党的二十大召开之年",
        "编制面向2035年的国土空间总体规划",  # the plan's horizon, not the task's
        "扎实做好2023年男子篮球世界杯筹办工作",  # the event's year, not the preparation's
        "继续做好2008年北京奥运会和2010年上海世界博览会的筹办工作",  # two events named together
        "高质量筹备2024年世界园艺博览会",
        "认真做好2024年北京奥运会前期准备",
        "实施《郑州市国土空间总体规划(2021—2035年)》",  # the plan's span
        "颁布实施2011-2030年中国农村扶贫开发纲要",
        "对2030年前我国教育改革发展作出全面部署",
        "为未来五年发展擘画蓝图",  # a purpose: the years the work serves
    ],
)
def test_deadlines_not_a_deadline(text):
    assert find_deadlines(text, 2022) == []


def test_deadlines_unknown_year_keeps_phrase_without_period():
    found = first_deadline("年内开工", None)
    assert (found.text, found.period) == ("年内", None)


@pytest.mark.parametrize(
    ("text", "year", "date"),
    [("今明两年实现全部向社会免费开放", 2008, "2009-12-31"), ("再连续三年提高企业退休人员基本养老金水平", 2008, "2010-12-31"),
     ("今后五年国家财政新增义务教育经费累计将达2182亿元", 2006, "2010-12-31"),
     # the day a measure takes effect
     ("从5月1日起,将试点范围扩大到建筑业", 2016, "2016-05-01"), ("从今年秋季起全面免除城市义务教育学杂费", 2008, "2008-09-01")],
)
def test_deadlines_counted_years_and_start_days(text, year, date):
    assert deadline_date(first_deadline(text, year), year) == date


def test_deadlines_mixed_title_and_year_turn_rule_examples():
    from luoshi.extract.deadlines import YEAR_TURN, mixed_horizon_end, year_heading
    from luoshi.textmap import fold

    five = load("deadlines")["five_year_part"]
    for title in five["mixed_examples"]:
        assert mixed_horizon_end(title, 2023) == 2027, title
    for title in five["mixed_not_examples"]:
        assert mixed_horizon_end(title, 2023) is None, title
    for text in five["year_turn_examples"]:
        assert YEAR_TURN.match(text), text
    for text in five["year_turn_not"]:
        assert not YEAR_TURN.match(text), text
    heading = year_heading(2016)
    for text in five["year_heading_examples"]:
        assert heading.match(fold(text)), text
    for text in five["year_heading_not"]:
        assert not heading.match(fold(text)), text


def test_a_plan_year_sub_heading_turns_a_term_chapter_to_the_year():
    """二、“十三五”规划纲要说明及2016年工作建议 … （二）2016年工作建议: the sub-heading and what follows it are the plan
    year's (due at 2016's end); the term's sub-heading before it keeps the term; so in a pure term chapter."""
    from luoshi.structure import analyze
    from luoshi.structure.terms import section_terms
    from luoshi.textmap import MappedText

    for chapter in ("二、“十三五”规划纲要说明及2016年工作建议", "二、“十三五”时期主要目标任务"):
        text = ("2016年政府工作报告\n\n一、2015年工作回顾\n\n推进改革取得成效。\n\n" + chapter + "\n\n"
                "（一）“十三五”规划纲要说明\n\n建成综合交通枢纽。\n\n（二）2016年工作建议\n\n"
                "2016年是“十三五”的开局之年。\n\n新建改造高标准农田3万亩。\n")
        mt = MappedText(text)
        st = analyze(mt)
        terms = section_terms(mt, st.sections, 2016)
        given = {sec.title.strip(): (terms.get(sec.id) is not None and terms[sec.id].covers(sec.start))
                 for sec in st.sections}
        assert given["（一）“十三五”规划纲要说明"] is True, chapter
        assert given["（二）2016年工作建议"] is False, chapter


def test_a_chapter_on_the_plan_s_first_or_last_year_is_that_year_s_work():
    """三、全力以赴做好“十五五”开局工作 in a 2026 report is the 2026 plan: its tasks are due at 2026's end, not 2030's."""
    from luoshi.extract.deadlines import default_date, horizon_end

    assert horizon_end("三、全力以赴做好“十五五”开局工作", 2026) is None
    assert default_date(horizon_end("三、全力以赴做好“十五五”开局工作", 2026), 2026) == "2026-12-31"
    assert horizon_end("三、奋力实现“十四五”良好开局", 2021) is None
    assert horizon_end("决胜“十四五”收官之年的重点任务", 2025) is None
    # the chapter on the term itself still runs to the plan's end
    assert horizon_end("二、“十五五”时期的奋斗目标和主要任务", 2026) == 2030
    five = load("deadlines")["five_year_part"]
    assert all(horizon_end(t, 2026) is not None for t in five["examples"])
    assert all(horizon_end(t, 2026) is None for t in five["not"])


def test_term_report_titles_run_to_the_plan_ahead():
    """A 2026 term report names the plan that ended and the one ahead: tasks run to the later plan's end."""
    from luoshi.extract.deadlines import horizon_end, mixed_horizon_end

    assert horizon_end("二、“十四五”时期发展成就和“十五五”时期主要目标任务", 2026) == 2030
    assert horizon_end("二、关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明", 2026) == 2030
    assert horizon_end("二、“十三五”时期主要目标任务和重大举措", 2016) == 2020
    # a mixed title naming the plan ahead: the term, until the paragraph that turns to the year
    assert mixed_horizon_end("二、“十五五”时期主要目标任务和2026年工作安排", 2026) == 2030
    assert mixed_horizon_end("二、“十四五”时期主要目标任务和2021年重点工作", 2021) == 2025
    # … and one naming a plan already over reviews it
    assert mixed_horizon_end("一、“十四五”主要成就及2025年工作", 2026) is None
    assert mixed_horizon_end("一、2025年主要工作和“十四五”时期发展回顾", 2026) is None


def test_counted_years_of_a_right_are_no_deadline():
    """再延长30年 is how long land contracts run, not when the pilot is due; 再延长三年 renews a measure."""
    found = [d.text for d in find_deadlines("稳妥推进二轮土地承包到期后再延长30年试点", 2026)]
    assert not any("30年" in f for f in found)
    assert [d.text for d in find_deadlines("阶段性降低失业保险费率政策再延长三年", 2026)] == ["延长三年"]
