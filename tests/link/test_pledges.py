import pytest

from luoshi.link import link_reports
from tests.link.helpers import commitment, extraction

NEW = (
    "一、过去一年工作回顾\n"
    "城子水厂升级改造完成，门城水厂主体完工。双大路二期、108国道二期通车。"
    "鲁家山垃圾焚烧厂余热供热工程稳步推进。档案馆新馆开工建设。重点项目进展缓慢，西山隧道工程尚未开工。\n"
    "三、2022年政府工作计划\n"
    "确保金隅琉璃文化创意产业园改造工程年内完工。实现梁桥220千伏变电站年内开工。\n"
)


@pytest.mark.parametrize(
    ("pledge", "status", "evidence"),
    [
        ("完成门城水厂建设", "partial", "门城水厂主体完工"),  # result pledge, progress only
        ("力争实现双大路二期主体完工", "fulfilled", "双大路二期、108国道二期通车"),
        ("推进鲁家山垃圾焚烧厂余热供热工程", "fulfilled", "鲁家山垃圾焚烧厂余热供热工程稳步推进"),  # process pledge
        ("加快推进档案馆新馆建设", "fulfilled", "档案馆新馆开工建设"),
        ("建成档案馆新馆", "partial", "档案馆新馆开工建设"),
        ("开工建设西山隧道工程", "not_fulfilled", "西山隧道工程尚未开工"),
        ("推动琉璃文化创意产业园落地建设", "partial", "确保金隅琉璃文化创意产业园改造工程年内完工"),  # only in the new plan
        ("实现梁桥220千伏变电站开工", "not_fulfilled", "实现梁桥220千伏变电站年内开工"),
        ("启动冀热察挺进军司令部旧址陈列馆提升", "no_evidence", None),
    ],
)
def test_pledges_process_and_result_verdicts(pledge, status, evidence):
    old = f"2020年。{pledge}。"
    [link] = link_reports(extraction(2020, [commitment(pledge, old)]), old, extraction(2022), NEW)
    assert link.status == status
    top = link.evidence[0] if link.evidence else None
    assert (top.text if top else None) == evidence
    if top:
        assert NEW[top.start : top.end] == top.text
        assert link.reason


def test_pledges_each_clause_of_a_long_commitment_finds_its_evidence():
    pledge = "配合做好永定河生态补水,严格落实河长制"
    new = "一、过去一年工作回顾\n率先实施河长制，断面水质稳定达标。"
    old = pledge + "。"
    [link] = link_reports(extraction(2020, [commitment(pledge, old)]), old, extraction(2021), new)
    assert link.status == "fulfilled" and link.evidence[0].text == "率先实施河长制"


def test_pledges_reason_says_what_was_promised_and_found():
    old = "完成门城水厂建设。"
    [link] = link_reports(extraction(2020, [commitment("完成门城水厂建设", old)]), old, extraction(2022), NEW)
    assert link.reason == "证据：门城水厂主体完工 — 主体完工而非完成"


def test_pledges_policy_paraphrases_read_the_same():
    new = "一、过去一年工作回顾\n严厉打击黑恶势力违法犯罪。基本实现农村地区公厕户厕达标改造。"
    for pledge, evidence in [("持续开展扫黑除恶", "严厉打击黑恶势力违法犯罪"),
                             ("持续开展农村“厕所革命”", "基本实现农村地区公厕户厕达标改造")]:
        old = pledge + "。"
        [link] = link_reports(extraction(2020, [commitment(pledge, old)]), old, extraction(2021), new)
        assert link.status == "fulfilled" and link.evidence[0].text == evidence


def test_pledges_each_named_work_finds_its_evidence():
    pledge = "打响“门头沟小院”“灵山绿产”“京西古道”三个品牌"
    new = "一、过去一年工作回顾\n成功打响“门头沟小院”精品民宿品牌。"
    old = pledge + "。"
    c = commitment(pledge, old)
    c.projects = ["门头沟小院", "灵山绿产", "京西古道"]
    [link] = link_reports(extraction(2020, [c]), old, extraction(2021), new)
    assert link.status == "fulfilled" and link.evidence[0].text == "成功打响“门头沟小院”精品民宿品牌"
