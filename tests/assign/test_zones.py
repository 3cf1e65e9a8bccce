"""A city's own zones, learned from the report's text, lead the rows that are theirs."""

from __future__ import annotations

import pytest

from luoshi.assign.theme import THEME, prefer_theme_owner
from luoshi.assign.zones import find_zones, lead_by_zone
from luoshi.extract.departments import rules
from luoshi.model import Commitment, Department, Section
from luoshi.rules import load

ZONES = load("districts")["zones"]


def _section(sid: str, title: str, parent: str | None = None, level: int = 4) -> Section:
    return Section(sid, parent, level, title, "plan", 0, 10)


def _row(section: str, text: str, departments: list[Department]) -> Commitment:
    return Commitment(id="c1", text=text, action=None, object=None, strength=None, deadline=None, deadline_text=None,
                      projects=[], indicators=[], departments=departments, start=0, end=1, section=section)


@pytest.mark.parametrize("case", ZONES["examples"], ids=lambda c: c["text"][:16])
def test_zones_examples_are_found(case):
    assert [name for name, _, _ in find_zones(case["text"])] == case["zones"]


@pytest.mark.parametrize("text", ZONES["not_examples"])
def test_zones_counter_examples_name_no_zone(text):
    assert find_zones(text) == []


def test_the_report_city_own_zone_is_named_bare():
    """郑州高新区 in 郑州's report is its 高新区 (高新区管委会); another place's name stays."""
    assert [n for n, _, _ in find_zones("支持郑州高新区、中牟经开区加快发展", "郑州")] == ["高新区", "中牟经开区"]


def test_a_zone_paragraph_is_led_by_the_zone_body():
    r = rules("city", region="郑州市")
    sections = [_section("s1", "（一）突出创新核心地位", level=2), _section("s1.1", "持续深化中原科技城“三合一”融合发展", "s1")]
    row = _row("s1.1", "组建博士后创新创业孵化园，新引进优秀人才2500名以上",
               [Department("市科技局", "lead", ["孵化"])])
    other = _row("s1", "加快建设实验室体系", [Department("市科技局", "lead", ["实验室"])])
    assert prefer_theme_owner([row, other], sections, r) == 1
    assert [(d.name, d.role) for d in row.departments] == [("中原科技城管委会", "lead"), ("市科技局", "support")]
    assert row.departments[0].matched == ["中原科技城", THEME]
    assert other.departments[0].name == "市科技局"


def test_a_row_whose_main_work_is_the_zone_is_led_by_its_body():
    r = rules("city", region="郑州市")
    row = _row("s9", "持续推进高新区、经开区扩区共建，加快起步区基础设施建设，促进重大项目落地",
               [Department("市发展改革委", "lead", ["重大项目"])])
    assert lead_by_zone([row], [], r) == 1
    assert [d.name for d in row.departments] == ["郑州高新区管委会", "市发展改革委"]


@pytest.mark.parametrize(("text", "body"), [
    ("推动经开区扩容升级，盘活资产资源，高标准推进工业园“七通一平”", "拉萨经开区管委会"),
    ("全力推进高新区“一厅四城”和花园城区建设，全面启动南区基础设施建设", "拉萨高新区管委会"),
])
def test_a_zone_whose_expansion_or_named_programme_is_the_work_leads(text, body):
    """Widening the zone (扩容) or building its own quoted programme is the zone's work; the
    bureau the words suggest follows as a co-unit."""
    row = _row("s9", text, [Department("市工业和信息化局", "lead", ["工业"])])
    assert lead_by_zone([row], [], rules("city", region="拉萨市")) == 1
    assert [d.name for d in row.departments] == [body, "市工业和信息化局"]


@pytest.mark.parametrize(("text", "body"), [
    ("引导高新区与榆中县、兰州生态创新城协同发展，支持企业做大做强", "兰州高新区管委会"),
    ("深化经开区与安宁区、国际陆港、西固化工园区一体联动发展，加快实施公铁联运", "兰州经开区管委会"),
])
def test_a_zone_joined_to_partner_places_leads_their_joint_work(text, body):
    """The zone is the subject of the joint work with the places after 与; a bare kind is
    printed with the city's name, as its table and its official name print it."""
    row = _row("s9", text, [Department("市发展改革委", "lead", ["协同发展"])])
    assert lead_by_zone([row], [], rules("city", region="兰州市")) == 1
    assert [d.name for d in row.departments] == [body, "市发展改革委"]


def test_a_zone_among_places_where_joint_work_happens_keeps_the_row_units():
    """在高新区与榆中县之间布局…: the zone is where other work happens, not its subject."""
    row = _row("s9", "在高新区与榆中县之间布局协同创新平台", [Department("市科技局", "lead", ["协同创新"])])
    assert lead_by_zone([row], [], rules("city", region="兰州市")) == 0


@pytest.mark.parametrize("text", [
    "在高新区布局一批新型研发机构",  # the zone is where the work happens, not the work
    "支持利辛县滨河新区、板集矿区“多区联动”发展",  # a county's zone: the county's work
    "深度对接服务雄安新区建设",  # the state's zone
    "争创国家级高新区",  # a kind of zone
    "在高新区“双创”基地布局一批研发机构",  # a programme of the zone as the place of other work
])
def test_rows_that_are_not_the_zone_work_keep_their_units(text):
    r = rules("city", region="亳州市")
    row = _row("s9", text, [Department("市科技局", "lead", ["研发"])])
    assert lead_by_zone([row], [], r) == 0
    assert row.departments[0].name == "市科技局"


def test_zones_are_learned_in_city_reports_only():
    row = _row("s9", "持续推进高新区扩区共建", [Department("国家发展改革委", "lead", ["扩区"])])
    assert lead_by_zone([row], [], rules("national")) == 0


def test_a_zone_the_departments_file_lists_keeps_its_entry():
    """东湖高新区 is listed for 武汉: its own unit, not a learned 管委会 of the same name."""
    row = _row("s9", "支持东湖高新区建设世界一流科技园区", [Department("东湖高新区管委会", "lead", ["东湖高新区"])])
    assert lead_by_zone([row], [], rules("city", region="武汉市")) == 0


@pytest.mark.parametrize(("text", "city", "zones"), [
    ("健全完善克拉玛依高新区体制机制", "克拉玛依", ["高新区"]),  # a city name of four characters
    ("着力完善新区功能", "南充", []),  # a run of words with no stop is no place
    ("加快创建商洛国家高新区和省级经开区", "商洛", []),  # kinds of zone
])
def test_zone_places_stop_at_a_verb_or_the_city(text, city, zones):
    assert [n for n, _, _ in find_zones(text, city)] == zones


def test_a_learned_zone_body_is_a_unit_of_a_city_list():
    """The ledger resolves the body the engine suggested (中原科技城管委会) by the same rule."""
    from luoshi.extract.departments import canonical_unit

    assert canonical_unit("中原科技城管委会", "city") == "中原科技城管委会"
    assert canonical_unit("高新区管委会", "city") == "高新区管委会"
    assert canonical_unit("兰州高新区管委会", "city") == "兰州高新区管委会"
    assert canonical_unit("推进高新区管委会", "city") is None
    assert canonical_unit("中原科技城管委会", "national") is None
