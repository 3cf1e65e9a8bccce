"""Report metadata: title, region, plan year, date, speaker, session."""

from __future__ import annotations

import pytest

from luoshi.structure.meta import cn_number
from tests.structure.conftest import FIXTURES, read, run


def test_meta_mentougou_2021_date_line_broken_by_blank_line(mentougou_2021) -> None:
    text, st = mentougou_2021
    m = st.meta
    assert (m.region, m.year, m.date, m.speaker, m.session) == (
        "北京市门头沟区", 2022, "2021-12-15", "喻华锋", "第十七届人民代表大会第一次会议",
    )
    assert m.title is None  # the sample has no title line: not guessed
    assert m.chars == len(text)


def test_meta_mentougou_2020_excerpt_source_line(mentougou_2020) -> None:
    _, st = mentougou_2020
    m = st.meta
    assert (m.title, m.year, m.date, m.session, m.speaker, m.region) == (
        "政府工作报告", 2020, "2020-01-07", "区十六届人大六次会议", None, None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("——摘自2020年1月7日区十六届人大六次会议上的《政府工作报告》\n各位代表：\n", ("2020-01-07", "区十六届人大六次会议", "政府工作报告")),
        ("政府工作报\n告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n各位代表：\n", ("2017-03-05", "第十二届全国人民代表大会第五次会议", "政府工作报告")),
        ("——一九五四年九月二十三日在第一届全国人民代表大会第一次会议上\n各位代表：\n", ("1954-09-23", "第一届全国人民代表大会第一次会议", None)),
        ("各位代表：\n现在，我代表国务院作报告。\n", (None, None, None)),
    ],
)
def test_meta_date_session_title_from_date_line_forms(text: str, expected: tuple) -> None:
    m = run(text).meta
    assert (m.date, m.session, m.title) == expected


def test_meta_national_2017() -> None:
    m = run(read(FIXTURES / "national-2017.txt"), sha256="ab" * 32).meta
    assert (m.title, m.region, m.year, m.date, m.speaker, m.sha256) == (
        "政府工作报告", "全国", 2017, "2017-03-05", "李克强", "ab" * 32,
    )


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一、2016年工作回顾\n正文。\n二、2017年重点工作任务\n正文。\n", 2017),
        ("一、关于过去五年的政府工作\n正文。\n二、关于1 9 9 8 年政府工作的建议\n正文。\n", 1998),
        ("——2021年12月15日在某区第一届人民代表大会第一次会议上\n各位代表：\n正文。\n", 2022),
        ("——2021年3月1日在某区第一届人民代表大会第一次会议上\n各位代表：\n正文。\n", 2021),
        ("一、2016年工作回顾\n正文。\n", 2017),
        ("一、１９９４年国内工作的回顾\n正文。\n二、促进国民经济发展\n正文。\n", 1995),
        ("一、过去五年工作回顾\n正文。\n二、今年经济社会发展的总体要求\n2013年是全面贯彻落实的开局之年。\n", 2013),
        ("一、2012年以来工作回顾\n正文。\n", None),
        ("各位代表：\n　　刚刚过去的１９８４年，是取得伟大成就的一年。\n正文。\n", 1985),
        ("各位代表：\n　　过去的一九八四年，是取得伟大成就的一年。\n正文。\n", 1985),
        ("各位代表：\n　　我代表国务院，提出关于一九五八年度国民经济计划（草案）的报告。\n", 1958),
        ("各位代表：\n　　现在提出关于１９５５年国家决算和１９５６年国家预算的报告。\n", 1956),
        ("一、关于一九八五年政府工作的建议\n正文。\n二、今年的主要任务\n正文。\n", 1985),
        ("各位代表：\n　　在过去的一年中，我们取得了成就。\n", None),
    ],
)
def test_meta_plan_year(text: str, year: int | None) -> None:
    assert run(text).meta.year == year


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("——2021年12月15日在北京市门头沟区第十七届人民代表大会第一次会议上\n各位代表：\n", "北京市门头沟区"),
        ("各位代表：\n现在，我代表延庆区人民政府，向大会报告政府工作。\n", "延庆区"),
        ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n", "全国"),
        # typing slips of real city reports: a date fragment before 在, a level word twice
        ("——2019年12月31日月在山南市第一届人民代表大会第五次会议上\n各位代表：\n", "山南市"),
        ("——2016年1月17日在连云港市市第十三届人民代表大会第五次会议上\n各位代表：\n", "连云港市"),
        # 自治州 alone names no region: the opening sentence does
        ("——2022年1月10日在自治州第十五届人民代表大会第一次会议上\n各位代表：\n现在，我代表巴音郭楞蒙古自治州人民政府，向大会报告政府工作。\n",
         "巴音郭楞蒙古自治州"),
        ("——2022年1月10日在自治州第十五届人民代表大会第一次会议上\n各位代表：\n", None),
        # older State Council reports: no title block, no 我代表国务院; the opening speaks for the country
        ("各位代表：\n　　刚刚过去的１９８４年，是我国各族人民在实现三大任务方面取得伟大成就的一年。\n", "全国"),
        ("各位代表：\n　　我受中共中央和国务院的委托，向大会作关于纲要执行情况的报告。\n", "全国"),
        ("各位代表：\n我們第一届全國人民代表大會第一次會議，已經光榮地完成了任務。\n", "全国"),
        # …but a city's own opening wins over a national phrase in it
        ("各位代表：\n现在，我代表延庆区人民政府，向大会报告政府工作。全国各族人民…\n", "延庆区"),
        ("各位代表：\n过去一年，全市各族人民团结奋斗。\n", None),
        # no title, no venue, 我代表市人民政府 names no region: the speaker's office line does
        ("拉萨市市长 王强\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作。\n", "拉萨市"),
        ("北京市门头沟区代区长  喻华锋\n\n各位代表：\n现在，我代表区人民政府，向大会报告工作。\n", "北京市门头沟区"),
        # an office with no region, or a line that runs on, names none
        ("市长 王强\n\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n", None),
        ("各位代表：\n拉萨市市长王强同志强调，要抓好落实工作。\n", None),
    ],
)
def test_meta_region(text: str, region: str | None) -> None:
    assert run(text).meta.region == region


@pytest.mark.parametrize(("text", "value"), [("2021", 2021), ("二〇二一", 2021), ("十二", 12), ("二十三", 23), ("十", 10), ("九", 9)])
def test_meta_cn_number(text: str, value: int) -> None:
    assert cn_number(text) == value


# --- provincial and city reports: first lines, front matter, path, level -----------------

from luoshi.model import Document  # noqa: E402
from luoshi.structure import analyze  # noqa: E402
from luoshi.structure.meta import region_level  # noqa: E402
from luoshi.structure.rules import meta_rules  # noqa: E402
from luoshi.textmap import MappedText  # noqa: E402


def _meta(text: str, front: dict | None = None, path: str | None = None):
    doc = Document(text=text, format="md", sha256="0" * 64, path=path, front_matter=front or {})
    return analyze(MappedText(text), doc).meta


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("——２０１５年１月２７日在湖北省第十二届人民代表大会第三次会议上\n省长　王国生\n各位代表：\n",
         ("湖北省", "省", 2015, "2015-01-27", "王国生")),
        ("2008年2月16日在武汉市第十二届人民代表大会第三次会议上\n代市长 阮成发\n各位代表：\n",
         ("武汉市", "市", 2008, "2008-02-16", "阮成发")),
        ("——2021年12月30日在湘潭市第十六届人民代表大会第一次会议上\n胡贺波\n各位代表：现在，我代表市人民政府报告工作。\n",
         ("湘潭市", "市", 2022, "2021-12-30", "胡贺波")),
        ("——2016年1月6日在鞍山市第十五届人民代表大会第五次会议上\n鞍山市人民政府代理市长 赵爱军\n各位代表：\n",
         ("鞍山市", "市", 2016, "2016-01-06", "赵爱军")),
        ("——2012年1月12日在北京市第十三届人民代表大会第五次会议上\n北京市市长 郭金龙\n各位代表：\n",
         ("北京市", "省", 2012, "2012-01-12", "郭金龙")),
    ],
)
def test_meta_first_lines_of_local_reports(text: str, expected: tuple) -> None:
    m = _meta(text)
    assert (m.region, m.level, m.year, m.date, m.speaker) == expected
    assert m.inferred == []


@pytest.mark.parametrize(
    ("text", "region", "level"),
    [
        # no region anywhere: the body the speaker represents still gives the level
        ("市长 王强\n\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n", None, "市"),
        ("区长 王强\n\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n", None, "区县"),
        ("各位代表：\n现在，我代表自治州人民政府向大会报告工作。\n", None, "市"),
        # a named region decides, whatever body the opening names
        ("拉萨市市长 王强\n\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n", "拉萨市", "市"),
        ("各位代表：\n现在，我代表延庆区人民政府，向大会报告政府工作。\n", "延庆区", "区县"),
        # neither: unknown
        ("各位代表：\n过去一年，全市各族人民团结奋斗。\n", None, None),
    ],
)
def test_meta_level_from_the_represented_body(text: str, region: str | None, level: str | None) -> None:
    m = _meta(text)
    assert (m.region, m.level) == (region, level)


def test_meta_from_front_matter_title() -> None:
    m = _meta("各位代表：\n现在，我代表市人民政府向大会报告工作。\n",
              {"title": "七台河市政府工作报告 （2014年1月9日 韩立华）"})
    assert (m.title, m.region, m.level, m.year, m.date, m.speaker, m.inferred) == (
        "七台河市政府工作报告", "七台河市", "市", 2014, "2014-01-09", "韩立华", [])


def test_meta_front_title_pasted_twice_and_year_first() -> None:
    m = _meta("各位代表：\n正文。\n", {"title": "2014年广州市政府工作报告2014年广州市政府工作报告"})
    assert (m.title, m.region, m.year) == ("2014年广州市政府工作报告", "广州市", 2014)


def test_meta_region_and_year_from_path_are_flagged() -> None:
    m = _meta("各位代表：\n正文。\n", path="corpus/cities/other/邢台市/2013.md")
    assert (m.region, m.level, m.year, sorted(m.inferred)) == ("邢台市", "市", 2013, ["region", "year"])


def test_meta_text_wins_over_path() -> None:
    m = _meta("——2012年1月5日在邢台市第十三届人民代表大会第一次会议上\n各位代表：\n", path="other/邢台市/2014.md")
    assert (m.region, m.year, m.inferred) == ("邢台市", 2012, [])


def test_meta_short_name_of_an_autonomous_prefecture_takes_the_folders_full_name() -> None:
    text = "——2014年1月22日在黔东南州第十三届人民代表大会第四次会议上\n各位代表：\n"
    m = _meta(text, path="other/黔东南苗族侗族自治州/2014.md")
    assert (m.region, m.level, m.inferred) == ("黔东南苗族侗族自治州", "市", [])
    assert _meta(text, path="other/贵阳市/2014.md").region == "黔东南州"  # another region's folder: kept


@pytest.mark.parametrize(
    ("region", "level"),
    [("全国", "国家"), ("湖北省", "省"), ("广西壮族自治区", "省"), ("重庆市", "省"), ("南京市", "市"),
     ("恩施土家族苗族自治州", "市"), ("北京市门头沟区", "区县"), ("长兴县", "区县"), (None, None), ("某地", None)],
)
def test_region_level(region: str | None, level: str | None) -> None:
    assert region_level(region, meta_rules()) == level
