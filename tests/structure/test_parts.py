"""Parts (review | goals | plan | other) of both samples and of national shapes."""

from __future__ import annotations

import pytest

from luoshi.model import Structure
from tests.structure.conftest import FIXTURES, read, run


def _sentence_part(text: str, st: Structure, needle: str) -> str:
    at = text.index(needle)
    (sentence,) = [s for s in st.sentences if s.start <= at < s.end]
    return sentence.part


def test_parts_mentougou_2021_top_sections(mentougou_2021) -> None:
    _, st = mentougou_2021
    tops = [(s.title, s.part) for s in st.sections if s.parent is None]
    assert tops == [
        ("过去五年工作回顾", "review"),
        ("二、未来五年政府工作主要目标任务", "goals"),
        ("三、2022年政府工作计划", "plan"),
    ]
    assert {s.part for s in st.sections if s.parent == "s3"} == {"plan"}


@pytest.mark.parametrize(
    ("needle", "part"),
    [
        ("各位代表：", "other"),
        ("北京市门头沟区代区长", "other"),
        ("过去五年，是极不平凡的五年", "review"),
        ("生态保护大格局初步构建", "review"),
        ("——紧抓生态提升期", "goals"),
        ("2022年全区经济社会发展的预期目标是", "goals"),  # targets paragraph inside the plan
        ("持续完善生态建设制度体系", "plan"),
        ("各位代表，未来五年是加快推进门头沟区转型发展", "other"),  # closing
    ],
)
def test_parts_mentougou_2021_sentences(mentougou_2021, needle: str, part: str) -> None:
    text, st = mentougou_2021
    assert _sentence_part(text, st, needle) == part


@pytest.mark.parametrize(
    ("needle", "part"),
    [
        ("2020年政府工作的总体要求是", "goals"),
        ("2020年,全区年度经济社会发展的主要预期目标是", "goals"),
        ("◎深入践行", "plan"),
        ("全面落实减量发展", "plan"),
        ("加快建设法治政府", "plan"),
        ("——摘自2020年1月7日", "other"),
    ],
)
def test_parts_mentougou_2020_excerpt_opens_with_goals(mentougou_2020, needle: str, part: str) -> None:
    text, st = mentougou_2020
    assert _sentence_part(text, st, needle) == part


def test_parts_mentougou_2020_every_section_is_plan(mentougou_2020) -> None:
    _, st = mentougou_2020
    assert st.sections and {s.part for s in st.sections} == {"plan"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("national-2017.txt", [("s1", "review"), ("s2", "goals"), ("s3", "plan")]),
        ("national-1998.txt", [("s1", "review"), ("s2", "plan")]),
        ("national-1980.txt", [("s1", "review"), ("s2", "plan")]),  # uncued opening section
        ("national-2002.txt", [("s1", "review"), ("s2", "plan")]),  # targets paragraph ends the review
    ],
)
def test_parts_national_top_sections(name: str, expected: list[tuple[str, str]]) -> None:
    st = run(read(FIXTURES / name))
    assert [(s.id, s.part) for s in st.sections if s.parent is None] == expected


def test_parts_closing_after_last_heading_is_other() -> None:
    st = run(read(FIXTURES / "national-2017.txt"))
    last = st.sentences[-1]
    assert (last.part, last.section) == ("other", None)


def test_parts_unknown_text_is_other() -> None:
    st = run("这是一段没有任何线索的文字。\n")
    assert [s.part for s in st.sentences] == ["other"]


def test_parts_look_ahead_heading_without_target_word_is_goals() -> None:
    """二、今后五年政府工作的总体思路 names no target, yet its part is the term ahead, not the review:
    its work sentences are tasks."""
    text = (
        "一、过去五年工作回顾\n五年来，全市生产总值年均增长6%。\n"
        "二、今后五年政府工作的总体思路\n（一）推动经济实力显著提升。\n"
        "构建现代化产业体系，实施传统支柱产业提升行动，建设两大万亿级产业集群。"
        "发挥投资关键作用，加大科技和产业投资，实施一批战略性新兴产业重大项目。\n"
        "三、对2023年政府工作的建议\n（一）扩大有效投资。\n深入开展抓项目促投资专项行动。\n"
    )
    st = run(text)
    assert [(s.title, s.part) for s in st.sections if s.parent is None] == [
        ("一、过去五年工作回顾", "review"),
        ("二、今后五年政府工作的总体思路", "goals"),
        ("三、对2023年政府工作的建议", "plan"),
    ]
    at = text.index("构建现代化产业体系")
    (work,) = [s for s in st.sentences if s.start <= at < s.end]
    assert (work.part, work.role) == ("goals", "task")


def test_parts_a_review_that_turns_to_the_year_ahead_hands_the_plan_to_the_chapters_after_it() -> None:
    """Older national reports close their one review chapter with the year ahead (2000年是…，做好今年政府工作…)
    and give each field a chapter with no year in its title: those chapters are the plan, not more review."""
    text = (
        "一、1999年国内工作回顾\n一年来，国民经济保持了较快增长。\n"
        "2000年是世纪交替之年，做好今年政府工作具有重要意义。各级政府要保持国民经济持续快速健康发展。\n"
        "二、坚持实行扩大内需的方针\n继续实施积极的财政政策，发行1000亿元长期国债。\n"
        "三、进一步扩大对外开放\n积极开拓国际市场。\n"
    )
    st = run(text)
    assert [(s.title, s.part) for s in st.sections if s.parent is None] == [
        ("一、1999年国内工作回顾", "review"),
        ("二、坚持实行扩大内需的方针", "plan"),
        ("三、进一步扩大对外开放", "plan"),
    ]
    done = text.index("一年来")
    assert [s.part for s in st.sentences if s.start <= done < s.end] == ["review"]


def test_parts_a_year_named_in_the_review_is_no_turn_without_the_years_work() -> None:
    text = ("一、2021年工作回顾\n2021年是党和国家历史上具有里程碑意义的一年。全年地区生产总值增长8%。\n"
            "二、加快建设现代化产业体系\n全年新增就业10万人。\n")
    st = run(text)
    assert [s.part for s in st.sections if s.parent is None] == ["review", "review"]


def test_parts_the_years_general_requirement_written_总的要求_ends_the_review() -> None:
    text = ("一、1998年工作回顾和1999年工作的总体要求\n国民经济保持较快增长。\n"
            "各位代表！今年政府工作总的要求是：继续推进改革，保持经济较快增长。\n"
            "二、继续扩大内需和实施积极的财政政策\n增发国债，加强基础设施建设。\n")
    st = run(text)
    assert [s.part for s in st.sections if s.parent is None] == ["review", "plan"]


def test_parts_a_term_reports_review_inside_its_goals_chapter_is_review() -> None:
    """A 2026 term report reviews the plan just ended in the chapter that sets the next one
    (二、“十四五”时期发展成就和“十五五”时期主要目标任务): 这五年，我们… is what was done, not work to assign;
    the chapter's goals go on after it."""
    text = (
        "北京市2026年政府工作报告\n一、2025年工作回顾\n过去一年，全市生产总值增长5%。\n"
        "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "“十四五”时期是极不平凡的五年，我们经受住世纪疫情严重冲击，推动各项事业取得重大成就。\n"
        "这五年，我们锐意改革、矢志创新，经济高质量发展取得显著成效。培育形成3个万亿级产业集群。\n"
        "“十五五”时期是基本实现社会主义现代化夯实基础的关键时期。\n"
        "今后五年，我们要加快建设国际科技创新中心，推动高精尖产业集群发展。\n"
        "三、2026年重点工作\n（一）大力提振消费。\n深入实施提振消费专项行动。\n"
    )
    st = run(text)
    assert _sentence_part(text, st, "“十四五”时期是极不平凡") == "review"
    assert _sentence_part(text, st, "培育形成3个万亿级") == "review"
    assert _sentence_part(text, st, "今后五年，我们要加快建设") == "goals"
    assert _sentence_part(text, st, "深入实施提振消费") == "plan"


def test_parts_a_plan_period_judged_extraordinary_opens_a_review_paragraph() -> None:
    """“十四五”时期，…发展历程极不寻常、极不平凡 looks back on the term inside the chapter on the next plan; the
    plan ahead named the same way (“十五五”时期，我们要…) stays goals."""
    text = (
        "上海市2026年政府工作报告\n一、2025年工作回顾\n过去一年，全市生产总值增长5%。\n"
        "二、关于《“十五五”规划纲要（草案）》的说明\n"
        "“十四五”时期，上海发展历程极不寻常、极不平凡。我们有效应对外部环境变化。建成一批重大工程。\n"
        "“十五五”时期，我们要加快建设国际科技创新中心。\n"
        "三、2026年重点工作\n（一）大力提振消费。\n深入实施提振消费专项行动。\n"
    )
    st = run(text)
    assert _sentence_part(text, st, "建成一批重大工程") == "review"
    assert _sentence_part(text, st, "“十五五”时期，我们要") != "review"
    assert _sentence_part(text, st, "深入实施提振消费") == "plan"
