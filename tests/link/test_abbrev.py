"""Abbreviations across reports: the short form is read as the long one, in both directions."""

from luoshi.link import abbrev
from luoshi.link.pledges import EvidenceIndex, link_commitment
from luoshi.link.segments import Unit
from luoshi.model import Commitment

FILLER = ["地区生产总值增长6%", "门城水厂主体完工", "空气质量持续改善", "全面完成各项任务"]


def index(*clauses: str) -> EvidenceIndex:
    units, pos = [], 0
    for c in [*clauses, *FILLER]:
        units.append(Unit(pos, pos + len(c), c, pos, pos + len(c), "review"))
        pos += len(c) + 1
    return EvidenceIndex(units, "new")


def task(text: str) -> Commitment:
    return Commitment("c1", text, None, None, "process", None, None, [], [], [], 0, len(text), None)


def test_definition_gives_the_long_form_from_the_short_ones_first_character():
    text = "成功举办首届中国国际进口博览会（以下简称“进博会”），设立科创板（简称科创板）"
    assert abbrev.definitions(text) == {"进博会": "进口博览会"}


def test_task_long_term_found_by_the_reviews_short_form():
    ev = index("文交会举办展演活动100多场（次）")
    assert ev.abbreviations("文化产业交易会") == [("文交会", "文化产业交易会")]
    link = link_commitment(task("办好文化产业交易会"), ev)
    assert link.status == "fulfilled"
    assert link.evidence[0].text.startswith("文交会")


def test_task_short_form_found_by_the_reviews_long_term():
    ev = index("中国国际进口博览会成功举办")
    assert ev.abbreviations("进博会") == [("进博会", "进口博览会")]
    link = link_commitment(task("办好进博会"), ev)
    assert link.status == "fulfilled"
    assert "进口博览会" in link.evidence[0].text


def test_definition_in_the_older_report_links_its_short_form():
    ev = index("综合保税区封关运作")
    ev.add_definitions("加快建设综合保税区（以下简称综保区）")
    assert ("综保区", "综合保税区") in ev.abbreviations("推动综保区")


def test_generic_short_words_abbreviate_nothing():
    # every bigram of 示范区 is common, 居住区 / 通州区 share a bigram with the longer word
    ev = index("示范园区建设加快", "居住小区环境整治", "通州院区开诊")
    for term in ("示范区", "居住区", "通州区", "新区"):
        assert ev.abbreviations(term) == []
    assert link_commitment(task("建设示范区"), ev).status == "no_evidence"
    # the long term of a task does not borrow a short string that happens to share its ends
    assert index("黄埔区经济增长较快").abbreviations("黄埔港现代服务创新区") == []


def test_list_items_need_to_be_said_again_in_full():
    ev = index("双大路二期、108国道二期通车")
    link = link_commitment(task("推进108国道三期、双大路三期、锅炉厂南路、河滩路前期手续办理"), ev)
    assert link.status == "no_evidence"


def test_a_route_is_written_by_the_first_characters_of_its_ends():
    """元德输气管线 is the 元坝—德阳输气管线; 中国—东盟 gives no 中东 (a word many reports use)."""
    ev = index("元坝—德阳输气管线项目绵阳段主体工程全线贯通", "中国—东盟自由贸易区建设加快")
    link = link_commitment(task("推动土城二级电站、元德输气管线等项目建成投用"), ev)
    assert link.evidence and link.evidence[0].text.startswith("元坝—德阳输气管线")
    assert "中东" not in ev.defined and ev.defined.get("元德") == "元坝—德阳"
