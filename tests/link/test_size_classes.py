"""Targets counting works above a size (5000万元以上项目1300个) are judged on the review's count of that class."""

import pytest

from luoshi.link import link_reports
from luoshi.link.size_classes import size_class
from tests.link.helpers import extraction, target

FILLERS = "粮食产量保持稳定。地铁新线开通运营。垃圾分类覆盖全市。城中村改造启动。"
OLD = "全年实施5000万元以上项目超过1300个。"


def _link(old: str, ind, review: str):
    new = f"一、2024年工作回顾\n{review}{FILLERS * 3}\n二、2025年工作安排\n全年实施投资5000万元以上项目1400个。\n"
    [link] = link_reports(extraction(2024, indicators=[ind]), old, extraction(2025), new)
    return link


@pytest.mark.parametrize(("value_text", "metric", "value", "unit"),
                         [("5000万元以上", "项目超过1300个", 5000, "万元"), ("超过1300个", "项目", 1300, "个")])
def test_size_classes_both_figures_of_the_target_name_the_class(value_text, metric, value, unit):
    ind = target(OLD, value_text, metric, value, "at_least", "level", unit=unit, period="2024")
    found = size_class(ind)
    assert found is not None and (found.amount, found.noun, found.count, found.comparator) == ("5000万", "项目", 1300, "at_least")


def test_size_classes_one_works_amount_is_no_class():
    old = "投资5000万元项目3个。"
    assert size_class(target(old, "3个", "项目", 3, "eq", "level", unit="个", period="2024")) is None


def test_size_classes_the_reviews_count_of_the_class_judges_the_target():
    ind = target(OLD, "超过1300个", "项目", 1300, "at_least", "level", unit="个", period="2024")
    link = _link(OLD, ind, "实施投资5000万元以上项目1381个，325个产业项目竣工投产。")
    assert link.status == "fulfilled" and "1381个" in link.evidence[0].text
    assert _link(OLD, ind, "实施投资5000万元以上项目1086个。").status == "not_fulfilled"


def test_size_classes_another_amount_or_a_running_total_is_no_count():
    ind = target(OLD, "超过1300个", "项目", 1300, "at_least", "level", unit="个", period="2024")
    assert _link(OLD, ind, "实施亿元以上项目800个。").status == "no_evidence"
    assert _link(OLD, ind, "五年累计实施5000万元以上项目6000个。").status == "no_evidence"


def test_size_classes_another_verb_counts_only_when_it_is_the_only_line_on_the_class():
    old = "力争引进投资5000万元以上项目超200个。"
    ind = target(old, "超200个", "项目", 200, "at_least", "level", unit="个", period="2024")
    assert _link(old, ind, "新签约5000万元及以上项目356个。").status == "fulfilled"
    assert _link(old, ind, "新签约5000万元及以上项目356个。竣工5000万元以上项目150个。").status == "no_evidence"
