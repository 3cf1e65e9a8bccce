"""A task about a statistic, judged by the review's figure for it when the review is silent on the work."""

from tests.link.helpers import link_one

FILLERS = "新建公园12个。地铁新线开通运营。城中村改造启动。垃圾分类覆盖全市。粮食产量保持稳定。"


def test_statistics_a_task_on_income_is_judged_by_the_income_figures():
    new = f"一、过去一年工作回顾\n{FILLERS}城镇居民人均可支配收入实际增长8.5%，农民人均纯收入实际增长4.2%。\n"
    link = link_one("不断增加居民收入，特别是增加低收入者的收入", new, 2001, 2002)
    assert link.status == "fulfilled" and link.evidence[0].text.startswith("城镇居民人均可支配收入")
    assert "居民收入" in link.reason


def test_statistics_a_level_or_a_part_of_another_name_is_partial_evidence():
    new = f"一、过去一年工作回顾\n{FILLERS}服务贸易进出口额增长8%。全年进出口总额达到3141亿美元。\n"
    link = link_one("适应新形势，推动出口市场多元化，稳定进出口贸易", new, 2019, 2020)
    assert link.status == "partial" and "进出口总额" in link.evidence[0].text


def test_statistics_a_metric_named_in_passing_is_no_evidence():
    new = f"一、过去一年工作回顾\n{FILLERS}国内生产总值增长7.3%。居民消费价格上涨2%。\n"
    for task in ("以主要交通干线地区为重点，积极培育新的经济增长点", "完善政绩考核评价体系，把居民收入纳入各级政府考核指标体系"):
        link = link_one(task, new)
        assert link.status == "no_evidence" and not link.evidence, task
    link = link_one("确保价格总水平基本稳定", new)
    assert link.status == "partial" and link.evidence[0].text.startswith("居民消费价格")


def test_statistics_a_price_pledge_kept_steady_is_judged_by_the_price_figure():
    # 保持…基本稳定 frames the metric (物价总水平) as the clause's object, like 确保…基本稳定
    new = f"一、过去一年工作回顾\n{FILLERS}居民消费价格涨幅回落到2.6%。\n"
    link = link_one("控物价，就是要继续采取综合措施，保持物价总水平基本稳定，防止价格走势反弹", new, 2012, 2013)
    assert link.status == "partial" and link.evidence[0].text.startswith("居民消费价格")
