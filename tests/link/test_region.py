"""The report's own region: its name is a word every report of that region uses."""

from __future__ import annotations

from luoshi.link import link_reports
from luoshi.link.region import from_text, names_of, own_names
from luoshi.model import Extraction, ReportMeta
from tests.link.helpers import commitment


def test_region_names_of_an_administrative_name():
    assert names_of("北京市门头沟区") == ["门头沟", "北京"]
    assert names_of("无锡市") == ["无锡"]
    assert names_of("全国") == ["我国"] and names_of(None) == []  # the State Council's "our country"


def test_region_from_the_heading_of_a_plain_copy():
    text = "——2020年1月12日在无锡市第十六届人民代表大会第四次会议上\n无锡市市长\n各位代表：\n全市上下…我市…本市…"
    assert from_text(text) == ["无锡"]
    assert own_names(None, text) == ["无锡"] and own_names("宁波市", text) == ["宁波"]


def test_region_from_the_place_a_report_names_most():
    # no heading: the place written with 市 and on its own most often (省会城市 is no place)
    text = "市长 某某\n各位代表：\n" + "长沙市经济稳定增长，长沙经开区扩区，全市上下，我市，本市。" * 3 + "建设省会城市。"
    assert from_text(text) == ["长沙"]


def test_region_a_national_report_has_none():
    assert from_text("国务院总理\n各位代表：\n全国城镇新增就业1100万人，东部地区率先发展，中西部地区加快发展。") == []


def test_region_the_own_name_joined_to_a_common_word_is_no_match():
    """In a Wuxi report, 无锡|经济 is no named work: 无锡经济开发区 is no evidence of 无锡经济金融风险管控."""
    old = "2019年。持续做好无锡经济金融风险管控化解工作。"
    fillers = "新建公园12个。地铁新线开通运营。城中村改造启动。垃圾分类覆盖全市。新增就业岗位12万个。"
    new = f"一、2019年工作回顾\n无锡经济开发区正式挂牌。{fillers * 3}\n"
    task = "持续做好无锡经济金融风险管控化解工作"

    def link(region: str | None):
        o = Extraction(ReportMeta(year=2019, region=region), [], [], [commitment(task, old)])
        return link_reports(o, old, Extraction(ReportMeta(year=2020, region=region), [], [], []), new)[0]

    with_region = link("无锡市")
    assert with_region.status == "no_evidence" and not with_region.evidence
    assert link(None).evidence  # unknown region: 无锡经济 weighs like a named work and is the closest evidence


def test_region_our_country_is_no_object_of_a_national_task():
    """促进我国服务业发展 is not met by 使我国信息产业实现了跨越式发展: 我国 is in every national report."""
    old = "2002年。引进有信誉的境外大型企业和中介组织，促进我国服务业发展。"
    fillers = "粮食产量保持稳定。新增就业岗位120万个。国有企业改革深化。农村税费改革试点扩大。外贸出口增长22%。"
    new = f"一、过去五年工作回顾\n使我国信息产业实现了跨越式发展。{fillers * 3}\n"
    task = "引进有信誉的境外大型企业和中介组织，促进我国服务业发展"
    o = Extraction(ReportMeta(year=2002, region="全国"), [], [], [commitment(task, old)])
    link = link_reports(o, old, Extraction(ReportMeta(year=2003, region="全国"), [], [], []), new)[0]
    assert link.status == "no_evidence" and not link.evidence


def test_region_a_neighbour_governed_together_is_part_of_the_own_name():
    """贵阳贵安 is how a Guiyang report names itself: a line sharing only it names no work."""
    text = "贵阳贵安加快发展。贵阳贵安人民。建设贵阳贵安。贵阳市委。贵阳经济稳步增长。" + "贵阳贵安的绿色本底更加巩固。" * 3
    assert own_names("贵阳市", text) == ["贵阳", "贵阳贵安"]
    # a neighbour named with it now and then (under a quarter of its uses) stays a place of its own
    assert own_names("贵阳市", "贵阳贵安。" + "贵阳经济发展。" * 6) == ["贵阳"]
    # a common word or an administrative suffix after the name is no neighbour
    assert own_names("无锡市", "无锡经济开发区。" * 5 + "无锡市委。" * 5) == ["无锡"]


def test_region_the_compound_own_name_is_no_object_of_a_task():
    old = "2024年。建设更高水平的平安贵阳贵安。"
    task = "建设更高水平的平安贵阳贵安"
    fillers = "新建公园12个。地铁新线开通运营。城中村改造启动。垃圾分类覆盖全市。新增就业岗位12万个。"
    new = f"一、2024年工作回顾\n（六）建设美丽贵阳贵安厚植新优势。贵阳贵安发展。贵阳贵安人民。{fillers * 3}\n"
    o = Extraction(ReportMeta(year=2024, region="贵阳市"), [], [], [commitment(task, old)])
    link = link_reports(o, old, Extraction(ReportMeta(year=2025, region="贵阳市"), [], [], []), new)[0]
    assert link.status == "no_evidence" and not link.evidence
