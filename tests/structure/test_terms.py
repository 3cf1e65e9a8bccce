"""The five-year term a section's sentences are tracked against (luoshi.structure.terms)."""

from __future__ import annotations

from luoshi.model import ReportMeta, Section, Sentence, Structure
from luoshi.extract.commitments import extract_commitments
from luoshi.structure.terms import section_terms, term_breaks
from luoshi.textmap import MappedText

MIXED = ("二、今后五年的目标任务和2023年工作安排\n"
         "（一）实施制造业高质量发展行动。推动制造业高端化发展。\n"
         "今年是全面贯彻党的二十大精神的开局之年。\n"
         "（二）聚焦科技创新。建设创新平台。")


def _sections(text: str) -> list[Section]:
    first = text.index("（一）")
    second = text.index("（二）")
    return [
        Section("s2", None, 1, text[: text.index("\n")], "plan", 0, len(text)),
        Section("s2.1", "s2", 2, "（一）实施制造业高质量发展行动", "plan", first, text.index("\n", first)),
        Section("s2.2", "s2", 2, "（二）聚焦科技创新", "plan", second, len(text)),
    ]


def test_terms_mixed_title_holds_the_term_until_the_turn_to_the_year():
    mt = MappedText(MIXED)
    terms = section_terms(mt, _sections(MIXED), 2023)
    turn = MIXED.index("今年是")
    assert terms["s2"].last_year == 2027 and terms["s2"].stop == turn
    assert terms["s2.1"].covers(MIXED.index("推动制造业"))
    assert not terms["s2.2"].covers(MIXED.index("建设创新平台"))


def test_terms_mixed_rows_take_the_term_end_then_the_plan_year_end():
    mt = MappedText(MIXED)
    sentences = [Sentence(MIXED.index(t), MIXED.index(t) + len(t), sid, "plan", [], "task")
                 for t, sid in (("推动制造业高端化发展。", "s2.1"), ("建设创新平台。", "s2.2"))]
    rows = extract_commitments(mt, Structure(ReportMeta(year=2023), _sections(MIXED), sentences), [])
    assert [r.deadline for r in rows] == ["2027-12-31", "2023-12-31"]


def test_terms_a_title_without_the_plan_year_is_not_mixed():
    text = "二、今后五年工作思路\n推进城市更新。"
    sections = [Section("s2", None, 1, "二、今后五年工作思路", "goals", 0, len(text))]
    assert section_terms(MappedText(text), sections, 2023)["s2"].stop == len(text)
    review = "一、过去五年及2022年工作回顾\n推进城市更新。"
    sections = [Section("s1", None, 1, "一、过去五年及2022年工作回顾", "review", 0, len(review))]
    assert section_terms(MappedText(review), sections, 2023)["s1"] is None


def test_terms_salutation_speaking_of_the_term_does_not_end_it():
    text = ("各位代表！未来五年是全面建设现代化大都市的关键时期，我们要实施“十项行动”。\n"
            "各位代表！全面完成今年和“十一五”期间的任务，对各级政府提出了更高的要求。\n")
    breaks = term_breaks(MappedText(text))
    assert breaks == [text.index("各位代表！全面")]
