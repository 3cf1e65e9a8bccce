import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from luoshi.extract.actions import find_head, is_forward
from luoshi.extract.commitments import extract_commitments
from luoshi.model import Clause, Indicator, Part, ReportMeta, Section, Sentence, Structure
from luoshi.rules import load
from luoshi.textmap import MappedText

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = load("actions")
_SENTENCE = re.compile(r"[^。!?！？\n]+[。!?！？]?")
_CLAUSE = re.compile(r"[^,;:，；：]+")


def clause_structure(text: str, part: Part = "plan", year: int | None = 2022, titles: tuple[str, ...] = ()):
    """Sentences split at 。 and clauses at , ; : — the structure stage's contract."""
    sentences = []
    for m in _SENTENCE.finditer(text):
        body = m.group().rstrip("。!?！？")
        clauses = [Clause(m.start() + c.start(), m.start() + c.end()) for c in _CLAUSE.finditer(body)]
        sentences.append(Sentence(m.start(), m.start() + len(body), "s1", part, clauses))
    sections = [Section("s1", None, 4, t, part, 0, len(text)) for t in titles]
    return MappedText(text), Structure(ReportMeta(year=year), sections, sentences)


def commitments(text: str, **kw):
    mt, structure = clause_structure(text, **kw)
    return extract_commitments(mt, structure, [])


@pytest.mark.parametrize("text", [t for g in ACTIONS["verbs"] for t in g["examples"]])
def test_actions_rule_examples_have_a_head(text):
    assert find_head(text) is not None


@pytest.mark.parametrize(
    "text",
    [t for g in ACTIONS["verbs"] for t in g["not"]] + ACTIONS["frame_examples"] + ACTIONS["nominal_examples"][1:],
)
def test_actions_rule_counter_examples_have_no_head(text):
    assert find_head(text) is None


@pytest.mark.parametrize("text", ACTIONS["frame_not"] + ACTIONS["nominal_not"])
def test_actions_frame_and_nominal_counter_examples_keep_their_head(text):
    assert find_head(text) is not None


@pytest.mark.parametrize(("text", "forward"), [(t, True) for t in ACTIONS["forward_examples"]] + [(t, False) for t in ACTIONS["forward_not"]])
def test_actions_forward_marker(text, forward):
    assert is_forward(text) is forward


@pytest.mark.parametrize(
    ("clause", "action", "obj"),
    [
        ("加快推进潭柘寺镇旅游产业配套建设", "推进", "潭柘寺镇旅游产业配套建设"),
        ("持续推进城乡建设用地减量", "推进", "城乡建设用地减量"),
        ("今年要再压减钢铁产能5000万吨左右", "压减", "钢铁产能5000万吨左右"),
        ("确保断面水质达标", "确保", "断面水质达标"),
        ("巩固好黑臭水体治理成果", "巩固好", "黑臭水体治理成果"),
        ("城乡劳动力实现就业5000人", "实现", "就业5000人"),
        ("建立健全生态环境保护制度", "建立健全", "生态环境保护制度"),
        ("城乡建设用地规模保持下降趋势", "保持", "下降趋势"),  # 建设 here is a noun
        ("体育文化中心全面竣工", "竣工", None),
        ("全区森林覆盖率达到50.3%,建成区公园绿地500米服务半径覆盖率达到95%", "达到", "50.3%"),
        ("瞄准国家森林城市创建", None, None),  # a frame; 创建 is a noun at the end
        ("2022年是党的二十大召开之年", None, None),
    ],
)
def test_commitments_head_verb_and_object(clause, action, obj):
    found = commitments(clause + "。")
    if action is None:
        assert found == []
    else:
        assert (found[0].action, found[0].object) == (action, obj)


def test_commitments_one_row_per_task_sentence_in_text_order():
    found = commitments("持续推进城乡建设用地减量,坚决执行“三个严禁”,严控山区开发强度。做好战略留白。")
    assert [c.id for c in found] == ["c1", "c2"]
    assert [c.text for c in found] == ["持续推进城乡建设用地减量,坚决执行“三个严禁”,严控山区开发强度", "做好战略留白"]
    assert [c.strength for c in found] == ["binding", "process"]  # the sentence's strongest cue
    assert [(c.action, c.object) for c in found] == [("推进", "城乡建设用地减量"), ("做好", "战略留白")]


def test_commitments_verbless_clauses_stay_in_the_row():
    text = "围绕“三大产业”,加快培育发展新动能。全年计划安排重点工程81项,投资规模64.2亿元。"
    found = commitments(text)
    assert [c.text for c in found] == ["围绕“三大产业”,加快培育发展新动能", "全年计划安排重点工程81项,投资规模64.2亿元"]
    assert [c.action for c in found] == ["培育", "安排"]


def test_commitments_text_is_original_span_with_full_width_punctuation():
    text = "力争ＰＭ２．５浓度、重污染天数“双降”，建成门城水厂。"
    found = commitments(text)
    assert [c.text for c in found] == ["力争ＰＭ２．５浓度、重污染天数“双降”，建成门城水厂"]
    assert all(text[c.start : c.end] == c.text for c in found)


def test_commitments_review_part_yields_none():
    assert commitments("持续推进城乡建设用地减量。", part="review") == []


@pytest.mark.parametrize(("text", "expected"), [("今年要再压减钢铁产能5000万吨左右。", 1), ("全区生态环境持续改善。", 0)])
def test_commitments_other_part_only_when_forward_looking(text, expected):
    assert len(commitments(text, part="other", year=2017)) == expected


def test_commitments_theme_sentence_title_is_not_a_commitment():
    found = commitments("全面落实减量发展。持续推进城乡建设用地减量。", titles=("全面落实减量发展",))
    assert [c.text for c in found] == ["持续推进城乡建设用地减量"]


@pytest.mark.parametrize(
    "text",
    [
        "2022年是党的二十大召开之年,也是我区全面推进转型发展至为关键的一年。",  # background
        "借力“紫气东来门头沟”之势,将为我区加强与中心城区协作联动注入新动能。",  # predicted effect
        "齐心协力推动地区实现高质量发展。",  # exhortation
        "依法接受区人大及其常委会的法律监督和工作监督。",  # relationship
        "积极支持人民法院、检察院依法履职。",
    ],
)
def test_commitments_context_sentences_make_no_row(text):
    assert commitments(text) == []


@pytest.mark.parametrize(
    ("text", "year", "deadline", "source", "phrase"),
    [
        # a written phrase wins; several: the latest (a range's outer bound)
        ("力争市郊铁路“门大线”年内开工,加快推进西苑路前期手续办理。", 2022, "2022-12-31", "written", "年内"),
        ("6月底前完成整改,年底前全部验收。", 2022, "2022-12-31", "written", "年底前"),
        ("6月底前完成整改。", 2022, "2022-06-30", "written", "6月底前"),
        ("到“十四五”末,全区森林覆盖率达到50.3%。", 2022, "2025-12-31", "written", "到“十四五”末"),
        ("争取3到5年内打造5A级景区。", 2020, "2024-12-31", "written", "3到5年内"),
        ("用5年时间完成改造。", 2022, "2026-12-31", "written", "用5年时间"),
        # none written: the annual plan's convention
        ("推进社保体系建设。", 2022, "2022-12-31", "default", None),
        ("推进社保体系建设。", None, None, None, None),
    ],
)
def test_commitments_deadline_written_wins_else_plan_year_end(text, year, deadline, source, phrase):
    (row,) = commitments(text, year=year)
    assert (row.deadline, row.deadline_source, row.deadline_text) == (deadline, source, phrase)


def test_commitments_five_year_part_defaults_to_its_horizon():
    text = "二、未来五年政府工作主要目标任务\n实施城市更新行动,打造滨水新城。"
    mt = MappedText(text)
    head_end = text.index("\n")
    body = head_end + 1
    sections = [Section("s1", None, 1, text[:head_end], "goals", 0, len(text))]
    sentence = Sentence(body, len(text) - 1, "s1", "goals",
                        [Clause(body, text.index(",")), Clause(text.index(",") + 1, len(text) - 1)])
    (row,) = extract_commitments(mt, Structure(ReportMeta(year=2022), sections, [sentence]), [])
    assert (row.deadline, row.deadline_source) == ("2026-12-31", "default")


def test_commitments_five_year_horizon_ends_at_a_salutation_paragraph():
    """各位代表！… inside the five-year part turns the speech back to the government's own work of
    the year: the rows after it are due at the plan year's end."""
    text = ("（四）“十一五”时期的主要任务\n实施城市更新行动。\n"
            "各位代表！必须大力加强政府自身建设。\n推行政务公开。")
    mt = MappedText(text)
    sections = [Section("s1", None, 2, text[: text.index("\n")], "plan", 0, len(text))]
    sentences = [Sentence(text.index(t), text.index(t) + len(t), "s1", "plan", [], "task")
                 for t in ("实施城市更新行动。", "推行政务公开。")]
    rows = extract_commitments(mt, Structure(ReportMeta(year=2006), sections, sentences), [])
    assert [r.deadline for r in rows] == ["2010-12-31", "2006-12-31"]


def test_commitments_first_clause_cue_governs_cueless_clauses():
    (row,) = commitments("确保到2020年低收入村全部消除,低收入农户实现“三保障”。", year=2020)
    assert row.strength == "binding"


def test_commitments_indicator_ids_inside_span():
    text = "城乡劳动力实现就业5000人,推进社保体系建设。建成门城水厂。"
    mt, structure = clause_structure(text)
    at = text.index("5000人")
    indicator = Indicator("i1", "就业", 5000, None, "人", "5000人", "eq", "increase", "target", "2022", None, "", at, at + 5, "s1")
    found = extract_commitments(mt, structure, [indicator])
    assert [c.indicators for c in found] == [["i1"], []]


def test_commitments_projects_and_departments_attached():
    found = commitments("加快实施国道109新线高速公路建设。")
    assert found[0].projects == ["国道109新线高速公路"]
    assert found[0].departments[0].name == "区交通局" and found[0].departments[0].role == "lead"


def test_commitments_row_without_a_unit_takes_its_theme_paragraph_owner():
    text = "深入推进污染防治攻坚。高标准打好“三大战役”。"
    mt = MappedText(text)
    theme_end = text.index("。") + 1
    sections = [Section("s1", None, 4, text[: theme_end - 1], "plan", 0, len(text))]
    sentences = [Sentence(0, theme_end, "s1", "plan", [Clause(0, theme_end - 1)]),
                 Sentence(theme_end, len(text), "s1", "plan", [Clause(theme_end, len(text) - 1)])]
    (row,) = extract_commitments(mt, Structure(ReportMeta(year=2022), sections, sentences), [])
    assert row.text == "高标准打好“三大战役”"
    assert [(d.name, d.role, d.matched) for d in row.departments] == [("区生态环境局", "lead", ["同段落主题"])]


@pytest.mark.parametrize("name", ["mentougou-2020", "mentougou-2021"])
def test_commitments_golden_sample_reports(name):
    from tests.golden.regen import commitments_of

    expected = json.loads((ROOT / "tests" / "golden" / f"{name}.commitments.json").read_text(encoding="utf-8"))
    assert commitments_of(ROOT / "examples" / f"{name}.txt") == expected


def test_commitments_offsets_exact_on_sample_reports():
    from luoshi.pipeline import extract_file

    for name in ("mentougou-2020", "mentougou-2021"):
        ex = extract_file(ROOT / "examples" / f"{name}.txt")
        original = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
        assert ex.commitments and all(original[c.start : c.end] == c.text for c in ex.commitments)
        assert all(c.departments == [] or c.departments[0].role == "lead" for c in ex.commitments)
        assert [asdict(c)["id"] for c in ex.commitments] == [f"c{k}" for k in range(1, len(ex.commitments) + 1)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a list of quotas under one verb: one row, a part per quota
        ("重点实施新一轮造林绿化1万亩、废弃矿山修复12.9公顷、林木抚育任务8.7万亩。",
         ["重点实施新一轮造林绿化1万亩", "废弃矿山修复12.9公顷", "林木抚育任务8.7万亩"]),
        # clauses whose owners differ: a part per owner
        ("加快景山学校门头沟校区建设,推进区医院改扩建。", ["加快景山学校门头沟校区建设", "推进区医院改扩建"]),
        # one owner throughout, names under one verb, adjectives in 化: no parts
        ("加强基层医疗建设、推进分级诊疗、完善家庭医生签约服务。", []),
        ("加快推进潭柘寺、斋堂110千伏输变电工程建设。", []),
        ("强化农村“三资”管理制度化、规范化水平。", []),
    ],
)
def test_commitments_one_row_with_parts_where_owners_change_or_quotas_are_listed(text, parts):
    (row,) = commitments(text)
    assert [p.text for p in row.parts] == parts
    assert all(text[p.start : p.end] == p.text for p in row.parts)
    assert all(p.departments for p in row.parts)


