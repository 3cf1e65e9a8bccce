"""The paragraph's theme as a prior: a weak row yields to the unit its paragraph is about."""

from __future__ import annotations

import re

from luoshi.assign.theme import THEME, paragraph_themes, prefer_theme_owner, theme_owners
from luoshi.extract.departments import rules
from luoshi.model import Commitment, Department, Section, Sentence
from luoshi.textmap import MappedText


def _section(sid: str, title: str, parent: str | None = None, level: int = 4) -> Section:
    return Section(sid, parent, level, title, "plan", 0, 10)


def _row(section: str, departments: list[Department]) -> Commitment:
    return Commitment(id="c1", text="…", action=None, object=None, strength=None, deadline=None, deadline_text=None,
                      projects=[], indicators=[], departments=departments, start=0, end=1, section=section)


SECTIONS = [_section("s1", "（三）扩大内需", level=2), _section("s1.1", "打造国际消费中心城市", "s1")]


def test_theme_owners_take_the_nearest_title_that_names_a_unit():
    owners = theme_owners([*SECTIONS, _section("s1.2", "持续用力", "s1")], rules("city"))
    assert owners["s1.1"] == "市商务局"
    assert owners["s1.2"] == owners["s1"]  # a title naming no unit takes the one above it


def test_theme_owner_leads_a_weak_row_that_names_it():
    row = _row("s1.1", [Department("市卫生健康委", "lead", ["健康"]), Department("市商务局", "support", ["消费"])])
    assert prefer_theme_owner([row], SECTIONS, rules("city")) == 1
    assert [(d.name, d.role) for d in row.departments] == [("市商务局", "lead"), ("市卫生健康委", "support")]
    assert row.departments[0].matched == ["消费", THEME]  # the reason says why


def test_theme_owner_leaves_strong_rows_and_rows_that_do_not_name_it():
    strong = _row("s1.1", [Department("市卫生健康委", "lead", ["疫情防控"]), Department("市商务局", "support", ["消费"])])
    other = _row("s1.1", [Department("市卫生健康委", "lead", ["健康"]), Department("市教委", "support", ["教育"])])
    assert prefer_theme_owner([strong, other], SECTIONS, rules("city")) == 0
    assert strong.departments[0].name == other.departments[0].name == "市卫生健康委"


def test_a_row_given_to_finance_by_its_opening_money_keeps_it():
    """中央和地方将增加财政投入,…: the short word 财政 is not weak when it names the money of the row."""
    sections = [_section("s3", "推进农村改革", level=2)]
    row = _row("s3", [Department("财政部", "lead", ["财政"]), Department("农业农村部", "support", ["农村"])])
    row.text = "中央和地方将增加财政投入，用三年左右时间基本化解农村义务教育历史债务"
    assert prefer_theme_owner([row], sections, rules("national")) == 0
    assert row.departments[0].name == "财政部"


def test_a_theme_owner_named_only_in_the_effect_after_the_work_is_not_promoted():
    """开展有奖发票试点，激发消费需求 under a consumption heading: 消费 is the demand the work hopes for."""
    effect = _row("s1.1", [Department("市税务局", "lead", ["发票"]), Department("市商务局", "support", ["消费"])])
    effect.text = "开展有奖发票试点，激发消费需求"
    assert prefer_theme_owner([effect], SECTIONS, rules("city")) == 0
    assert effect.departments[0].name == "市税务局"
    # named in the work itself, the paragraph's unit still leads the weak row
    work = _row("s1.1", [Department("市税务局", "lead", ["发票"]), Department("市商务局", "support", ["消费"])])
    work.text = "开展有奖发票试点，举办消费季活动"
    assert prefer_theme_owner([work], SECTIONS, rules("city")) == 1
    assert work.departments[0].name == "市商务局"


def test_a_place_body_leads_every_row_of_the_paragraph_about_its_place():
    """全面深化前海合作区改革开放: the zone's own body delivers the paragraph's rows."""
    r = rules("city", region="深圳市")
    sections = [_section("s2", "（二）深化改革开放", level=2), _section("s2.1", "全面深化前海合作区改革开放", "s2")]
    row = _row("s2.1", [Department("市经济和信息化局", "lead", ["大数据"]), Department("市商务局", "support", ["跨境"])])
    elsewhere = _row("s2", [Department("市商务局", "lead", ["外贸"])])
    assert prefer_theme_owner([row, elsewhere], sections, r) == 1
    assert [(d.name, d.role) for d in row.departments] == [
        ("前海管理局", "lead"), ("市经济和信息化局", "support"), ("市商务局", "support")]
    assert row.departments[0].matched == ["前海合作区", THEME]
    assert elsewhere.departments[0].name == "市商务局"  # only the paragraph that names the place


def test_no_place_body_outside_its_region():
    """Another city's report has no 前海管理局: its paragraphs keep their own owners."""
    sections = [_section("s1", "全面深化前海合作区改革开放")]
    row = _row("s1", [Department("市商务局", "lead", ["外贸"])])
    assert prefer_theme_owner([row], sections, rules("city", region="南京市")) == 0
    assert row.departments[0].name == "市商务局"


def _sentences(text: str, roles: list[str], section: str = "s1") -> list[Sentence]:
    out, at = [], 0
    for piece, role in zip(re.findall(r"[^。\n]+。\n?", text), roles):
        start = text.index(piece, at)
        end = start + len(piece.rstrip("\n"))
        out.append(Sentence(start, end, section, "plan", role=role))
        at = end
    return out


def test_a_theme_inside_a_paragraph_hands_its_unit_to_the_rows_after_it():
    text = "做好今年工作。持续深化国企改革。深化分类监管、分类考核。构建新型经营责任制。\n推进老旧小区改造。"
    sentences = _sentences(text, ["theme", "theme", "task", "task", "task"])
    owners = paragraph_themes(MappedText(text), sentences, rules("city"))
    assert [owners.get(s.start) for s in sentences] == [None, None, "市国资委", "市国资委", None]  # up to the break


def test_a_theme_opening_its_paragraph_is_left_to_its_section():
    text = "持续深化国企改革。深化分类监管、分类考核。"
    sentences = _sentences(text, ["theme", "task"])
    assert paragraph_themes(MappedText(text), sentences, rules("city")) == {}


CHAPTER = ("深化国有企业改革。做好外交工作。\n"
           "推广农业技术和开展技术培训。稳定粮棉播种面积。发展农业社会化服务。\n"
           "扩大对外开放。")


def test_in_a_chapter_of_paragraphs_a_row_naming_no_unit_takes_its_paragraphs_field():
    # the section runs over three paragraphs: its owner is a chapter's, the paragraph's is nearer
    sentences = _sentences(CHAPTER, ["task"] * 6)
    owners = paragraph_themes(MappedText(CHAPTER), sentences, rules("national"))
    assert owners.get(sentences[3].start) == "农业农村部"  # 稳定粮棉播种面积 under the agriculture paragraph
    assert sentences[0].start not in owners  # no field agreed on by two sentences: the section decides


def test_a_paragraph_field_needs_a_chapter_and_two_sentences_agreeing():
    one_paragraph = "推广农业技术和开展技术培训。稳定粮棉播种面积。发展农业社会化服务。"
    sentences = _sentences(one_paragraph, ["task"] * 3)
    assert paragraph_themes(MappedText(one_paragraph), sentences, rules("national")) == {}
    lone = CHAPTER.replace("发展农业社会化服务。", "")  # one agriculture sentence is no paragraph field
    sentences = _sentences(lone, ["task"] * 5)
    assert paragraph_themes(MappedText(lone), sentences, rules("national")) == {}
