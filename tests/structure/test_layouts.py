"""Report layouts found by the corpus audit (eval/parts/audit.py), on short excerpts of real reports.

Each excerpt keeps a report's title block, every top-level heading with its first paragraphs and the
closing, copied from the shared corpus (national and city reports, unchanged text). The parts of the
top-level sections are those of the whole report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.ingest import read_document
from luoshi.model import Structure
from luoshi.structure import analyze
from luoshi.structure.parts import PartTracker, tense
from luoshi.structure.rules import part_rules
from luoshi.textmap import MappedText

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "structure" / "layouts"


def _analyze(name: str) -> tuple[str, Structure]:
    doc = read_document(LAYOUTS / name)
    return doc.text, analyze(MappedText(doc.text), doc)


def _tops(st: Structure) -> list[str]:
    return [s.part for s in st.sections if s.parent is None]


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        # one review chapter of the year, then a chapter per task field with no year in its title
        ("national-1995.txt", ["review"] + ["plan"] * 6),
        # the same after a mixed chapter: 一、1993年国内工作的回顾和1994年工作的基本方针
        ("national-1994.txt", ["review"] + ["plan"] * 6),
        # 一、1999年工作的主要情况 / 二、2000年的工作意见: no part word, the years tell
        ("guangzhou-2000.md", ["review", "plan"]),
        # 二、2019年主要工作: the plan year names the plan
        ("shenzhen-2019.md", ["review", "plan"]),
        # 一、“十四五”主要成就及2025年工作 in a 2026 report reviews 2025
        ("nanning-2026.md", ["review", "goals", "plan"]),
        # 回顾2022年工作 over themed review chapters, then 2023年工作安排 over the plan's
        ("huaihua-2023.md", ["review"] * 10 + ["plan"] * 9),
        # the opening 2024年是新中国成立75周年… in a 2025 report begins the review, not the plan
        ("putian-2025.md", ["review"] * 7 + ["plan"] * 8),
        # 一、攻坚克难，圆满收官“十三五” / 二、科学谋划，砥砺奋进“十四五” in a 2021 report
        ("bozhou-2021.md", ["review", "plan", "plan"]),
        # bare chapter titles, one of them over (一)… review headings without a part word
        ("dingxi-2022.md", ["review", "goals", "plan"]),
    ],
)
def test_layout_top_parts(name: str, parts: list[str]) -> None:
    _, st = _analyze(name)
    assert _tops(st) == parts


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("national-1995.txt", "保持适当的经济增长速度。"),
        ("national-1994.txt", "加强农业基础地位，全面发展农村经济。"),
        ("guangzhou-2000.md", "今年政府工作总的要求是"),
        ("shenzhen-2019.md", "市委六届十一次全会就贯彻落实"),
    ],
)
def test_layout_plan_sentences_get_roles(name: str, needle: str) -> None:
    """A sentence of the year ahead lies in a forward part, so it gets a role (and rows can be made)."""
    text, st = _analyze(name)
    at = text.index(needle)
    (sentence,) = [s for s in st.sentences if s.start <= at < s.end]
    assert sentence.part in ("goals", "plan") and sentence.role is not None


def test_tense_of_sentences() -> None:
    rules = part_rules()
    ahead = ["今年要加强农业基础地位。", "必须坚持改革开放。", "力争粮食产量稳定在4.5亿吨。"]
    done = ["去年粮食总产量达到历史最高水平。", "取得重大科技成果3万多项。", "新增就业完成了全年任务。"]
    assert tense(ahead, rules) == "plan"
    assert tense(done, rules) == "review"
    assert tense(ahead[:1] + done[:1] + ["推进国有企业改革。"], rules) is None
    assert tense(ahead[:2], rules) is None  # too few sentences to say


@pytest.mark.parametrize(
    ("titles", "year", "parts"),
    [
        (["一、1999年工作的主要情况", "二、2000年的工作意见"], 2000, ["review", "plan"]),
        (["一、“十四五”主要成就及2025年工作", "三、2026年工作安排"], 2026, ["review", "plan"]),
        (["一、2015年工作回顾", "二、2016年主要工作"], 2016, ["review", "plan"]),
        (["一、攻坚克难，圆满收官“十三五”", "二、砥砺奋进“十四五”"], 2021, ["review", "plan"]),
        (["一、“十一五”开局之年成效显著", "二、全面完成今年各项目标任务"], 2007, ["other", "goals"]),
        # without a plan year, years decide nothing: the cue words alone
        (["一、1999年工作的主要情况", "二、2000年的工作意见"], None, ["review", "plan"]),
        (["一、2018年工作回顾", "二、2019年主要工作"], None, ["review", "review"]),
    ],
)
def test_tracker_reads_the_years_of_titles(titles: list[str], year: int | None, parts: list[str]) -> None:
    tracker = PartTracker(part_rules(), year)
    assert [tracker.top_heading(t) for t in titles] == parts


def test_tracker_tense_moves_forward_only_from_review_or_nothing() -> None:
    tracker = PartTracker(part_rules(), 1995)
    assert tracker.top_heading("一、1994年国内工作的回顾") == "review"
    assert tracker.top_heading("二、促进国民经济持续、快速、健康发展", lambda: "plan") == "plan"
    assert tracker.top_heading("七、关于外交工作", lambda: "review") == "plan"  # the plan does not go back
    fresh = PartTracker(part_rules(), 1979)
    assert fresh.top_heading("一、伟大的历史性转变", lambda: "review") == "review"


def test_lead_paragraph_naming_the_year_before_opens_the_review() -> None:
    tracker = PartTracker(part_rules(), 2025)
    assert tracker.paragraph("2024年是新中国成立75周年，一年来，我们…", None) == "review"
    assert tracker.paragraph("2025年是“十四五”规划收官之年，要…", None) == "plan"


@pytest.mark.parametrize(
    ("top", "sub", "part"),
    [
        ("二、2025年工作总体要求和重点任务", "(一)坚持创新驱动发展", "plan"),
        ("三、2025年预期目标和重点工作", "(二)扩大有效需求", "plan"),
        ("二、2025年工作总体要求和重点任务", "(一)主要预期目标", "goals"),  # a goal sub-heading stays goals
        ("二、2025年工作总体要求和主要目标", "(一)坚持创新驱动发展", "goals"),  # the title names no work
        ("二、今后五年的发展目标和重点任务", "(一)坚持创新驱动发展", "goals"),  # a five-year chapter keeps its parts
        ("二、“十五五”时期主要目标任务和2025年重点工作", "(一)把握扩大内需战略基点", "plan"),  # … unless it names the year's
    ],
)
def test_goals_chapter_naming_its_work_has_plan_sub_headings(top: str, sub: str, part: str) -> None:
    tracker = PartTracker(part_rules(), 2025)
    assert tracker.top_heading(top) == "goals"
    assert tracker.sub_heading(sub, "goals", child_of_top=True) == part


def test_plan_named_in_full_counts_as_a_term() -> None:
    """第十三个五年规划 names the 2016–2020 term like “十三五”: in a 2016 report, a chapter on it looks ahead."""
    tracker = PartTracker(part_rules(), 2016)
    assert tracker.top_heading("一、2015年工作回顾") == "review"
    assert tracker.top_heading("二、关于《上海市国民经济和社会发展第十三个五年规划纲要（草案）》的说明") == "plan"


def test_plan_year_is_the_earliest_year_of_the_forward_titles() -> None:
    """A five-year chapter naming its 2035 vision first does not make 2035 the plan year."""
    text = (
        "各位代表：\n\n一、2020年工作回顾\n\n过去一年，我们取得了新的成绩。去年经济增长了。完成了全年任务。\n\n"
        "二、关于《第十四个五年规划和二〇三五年远景目标纲要（草案）》的说明\n\n今后五年要加快发展。\n\n"
        "三、2021年重点工作\n\n今年要抓好以下工作。\n"
    )
    st = analyze(MappedText(text))
    assert st.meta.year == 2021
