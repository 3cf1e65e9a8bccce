from dataclasses import replace

import pytest

from luoshi.link import link_reports
from tests.link.helpers import extraction, link_target, target

OLD = "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右，城镇新增就业1000万人以上，城镇登记失业率控制在4.6%以内。"


@pytest.mark.parametrize(
    ("new_text", "value_text", "metric", "value", "comparator", "change", "unit", "status", "actual"),
    [
        # synonyms: 国内生产总值 / 地区生产总值 / GDP
        ("一、过去一年工作回顾\nGDP比上年增长7.4%。", "7.5%左右", "国内生产总值", 7.5, "about", "increase", "%", "fulfilled", "7.4%"),
        ("一、过去一年工作回顾\n地区生产总值增长6.2%。", "7.5%左右", "国内生产总值", 7.5, "about", "increase", "%", "not_fulfilled", "6.2%"),
        # 居民消费价格涨幅 / 居民消费价格上涨, a ceiling: lower is better
        ("一、过去一年工作回顾\n居民消费价格上涨2%。", "3.5%左右", "居民消费价格涨幅", 3.5, "about", "increase", "%", "fulfilled", "2%"),
        ("一、过去一年工作回顾\n全年城镇新增就业1322万人。", "1000万人以上", "城镇新增就业", 1000, "at_least", "increase", "万人", "fulfilled", "1322万人"),
        ("一、过去一年工作回顾\n城镇登记失业率降至4.9%。", "4.6%以内", "城镇登记失业率", 4.6, "at_most", "level", "%", "partial", "4.9%"),
    ],
)
def test_targets_judged_by_comparator_and_synonyms(new_text, value_text, metric, value, comparator, change, unit, status, actual):
    ind = target(OLD, value_text, metric, value, comparator, change, unit)
    link = link_target(ind, OLD, new_text, 2020)
    assert (link.status, link.evidence[0].value_text) == (status, actual)
    ev = link.evidence[0]
    assert new_text[ev.start : ev.end] == ev.text
    assert OLD[link.source_start : link.source_end] == link.source_text


def test_targets_five_year_average_is_used_and_named():
    old = "2020年主要预期目标是：地区生产总值增长6%左右。"
    new = "过去五年工作回顾\n预计2021年完成地区生产总值276亿元，比2016年增长28.5%，年均增速5.1%。"
    ind = target(old, "6%左右", "地区生产总值", 6, "about", "increase")
    link = link_target(ind, old, new, 2020, 2022)
    assert link.status == "not_fulfilled"
    assert "年均" in link.reason and "5.1%" in link.reason and link.confidence < 0.5


def test_targets_cumulative_figure_is_annualised():
    old = "主要预期目标是：地区生产总值增长5%左右。"
    new = "过去五年工作回顾\n地区生产总值比2016年增长28.5%。"
    ind = target(old, "5%左右", "地区生产总值", 5, "about", "increase", period="2021")
    link = link_target(ind, old, new, 2021)
    assert link.status == "fulfilled" and "折合年均5.1%" in link.reason


def test_targets_decrease_target_compares_the_decline():
    old = "能耗强度下降3.1%以上。"
    new = "一、过去一年工作回顾\n单位国内生产总值能耗下降5.6%。"
    ind = target(old, "3.1%以上", "能耗强度", 3.1, "at_least", "decrease", period="2015")
    link = link_target(ind, old, new, 2015)
    assert link.status == "fulfilled"


@pytest.mark.parametrize(
    ("new_text", "status"),
    [
        ("一、过去一年工作回顾\n去年我国进出口总额出现下降，预期增长目标未能实现。", "not_fulfilled"),
        ("一、过去一年工作回顾\n外贸结构继续优化。", "no_evidence"),
    ],
)
def test_targets_without_a_figure(new_text, status):
    old = "进出口增长6%左右。"
    ind = target(old, "6%左右", "进出口", 6, "about", "increase", period="2015")
    link = link_target(ind, old, new_text, 2015)
    assert link.status == status


@pytest.mark.parametrize(
    ("metric", "value_text", "value", "unit", "status"),
    [
        ("京津风沙源治理封山育林", "15.1万亩", 15.1, "万亩", "fulfilled"),
        ("京津风沙源治理封山育林", "25万亩", 25, "万亩", "not_fulfilled"),
        ("困难地造林", "1500亩", 1500, "亩", "no_evidence"),  # not reported: never guessed
    ],
)
def test_targets_quantity_without_a_known_metric_found_by_wording(metric, value_text, value, unit, status):
    old = f"重点实施{metric}{value_text}。"
    new = "一、过去五年工作回顾\n实施京津风沙源治理20.9万亩，森林健康经营林木抚育43.7万亩。"
    ind = target(old, value_text, metric, value, "eq", "level", unit=unit)
    link = link_target(ind, old, new, 2020, 2022)
    assert link.status == status
    if link.evidence:
        assert link.evidence[0].value_text == "20.9万亩"


OLD_INTENSITY = ("全市经济社会发展的主要预期目标是：地区生产总值增长6%-6.5%；万元地区生产总值能耗、二氧化碳排放"
                 "分别下降2.5%和2.6%左右，万元地区生产总值水耗下降3%左右，常住人口城镇化率达到60%。")


@pytest.mark.parametrize(
    ("metric", "value_text", "value", "status", "actual"),
    [
        ("地区生产总值", "6%-6.5%", 6, "fulfilled", "6.2%"),
        # other indicators that share the words 地区生产总值 or a number with GDP never take its figure
        ("万元地区生产总值能耗", "2.5%", 2.5, "fulfilled", "4%"),
        ("二氧化碳排放", "2.6%左右", 2.6, "no_evidence", None),
        ("万元地区生产总值水耗", "3%左右", 3, "no_evidence", None),
        ("常住人口城镇化率", "60%", 60, "no_evidence", None),
    ],
)
def test_targets_match_only_the_same_metric(metric, value_text, value, status, actual):
    new = "一、过去一年工作回顾\n全市地区生产总值比上年增长6.2%左右，常住人口2153.6万人；单位地区生产总值能耗下降4%。"
    change = "increase" if metric in ("地区生产总值", "常住人口城镇化率") else "decrease"
    comparator = "range" if "-" in value_text else "about"
    ind = target(OLD_INTENSITY, value_text, metric, value, comparator, change, high=6.5 if comparator == "range" else None,
                 period="2019")
    link = link_target(ind, OLD_INTENSITY, new, 2019)
    assert link.status == status, link.reason
    assert [e.value_text for e in link.evidence[:1]] == ([actual] if actual else [])


def test_targets_metric_name_must_head_the_indicator_name():
    from luoshi.link.metrics import metric_of

    assert metric_of("城镇新增就业人数").id == "new_jobs"
    assert metric_of("居民消费价格总水平").id == "cpi"
    assert metric_of("国内生产总值和城乡居民人均收入").id == "gdp"
    assert metric_of("万元地区生产总值水耗").id == "water_intensity"
    for other in ("常住人口城镇化率", "二氧化碳排放", "生产生活用水总量"):
        assert metric_of(other) is None, other
    # a share of GDP is not GDP: the R&D ratio written as a share is the R&D ratio
    assert metric_of("研发经费支出占地区生产总值比重").id == "rd_ratio"
    assert metric_of("全社会研发投入占比").id == "rd_ratio"


@pytest.mark.parametrize(
    ("new_text", "status"),
    [
        ("一、过去一年工作回顾\n居民消费价格指数上涨0.5%。", "fulfilled"),  # 103 is a ceiling of +3%
        ("一、过去一年工作回顾\n居民消费价格上涨4.8%。", "not_fulfilled"),
    ],
)
def test_targets_a_price_index_is_read_as_a_rate(new_text, status):
    old = "居民消费价格指数103左右。"
    ind = target(old, "103左右", "居民消费价格指数", 103, "about", "level", unit=None, period="2021")
    link = link_target(ind, old, new_text, 2021)
    assert link.status == status and "上涨3%" in link.reason
    assert (link.source_start, link.source_end, link.source_text) == (ind.start, ind.end, "103左右")


def test_targets_an_index_without_a_known_metric_is_no_rate():
    from luoshi.link.targets import as_rate

    old = "中小企业发展指数103左右。"
    assert as_rate(target(old, "103左右", "中小企业发展指数", 103, "about", "level", unit=None)) is None
    assert as_rate(target("居民消费价格指数2.5%。", "2.5%", "居民消费价格指数", 2.5, "about", "level")) is None


def test_targets_a_count_with_a_short_name_is_found_by_its_clause():
    """新开工700万套以上: 新开工 alone names nothing; the clause before it says what is counted."""
    old = "加大保障性安居工程建设力度，今年新开工700万套以上，其中各类棚户区470万套以上。"
    new = ("一、过去一年工作回顾\n新开工保障性安居工程740万套，基本建成511万套。新开工农村危房改造266万户。"
           "城镇新增就业1322万人。")
    ind = target(old, "700万套以上", "新开工", 700, "at_least", "level", unit="万套", period="2014")
    link = link_target(ind, old, new, 2014)
    assert link.status == "fulfilled" and link.evidence[0].value_text == "740万套"
    # the same short name in another sentence's work is not this count
    new = "一、过去一年工作回顾\n新开工农村危房改造266万户。城镇新增就业1322万人。"
    link = link_target(ind, old, new, 2014)
    assert link.status == "no_evidence"


def test_targets_a_rate_of_an_unnamed_statistic_needs_its_name_again():
    """贫困地区农村学生上重点高校人数要再增长10%以上: the review says the long name again with its rate."""
    old = "贫困地区农村学生上重点高校人数要再增长10%以上。"
    ind = target(old, "10%以上", "贫困地区农村学生上重点高校人数要再", 10, "at_least", "increase", period="2014")
    new = ("一、过去一年工作回顾\n贫困地区农村学生上重点高校人数连续两年增长10%以上。城镇新增就业1322万人。"
           "居民消费价格上涨2%。")
    link = link_target(ind, old, new, 2014)
    assert link.status == "fulfilled" and link.evidence[0].value_text == "10%"
    # a share of another statistic that shares words with the name is no evidence
    old = "一般公共预算收入增长7%。"
    ind = target(old, "7%", "一般公共预算收入", 7, "about", "increase", period="2021")
    new = "一、过去一年工作回顾\n民生支出1501.6亿元、占一般公共预算支出比重达67.1%。城镇新增就业23万人。"
    link = link_target(ind, old, new, 2021)
    assert link.status == "no_evidence"


NEW_2010 = ("一、2009年工作回顾\n中央财政用于“三农”的支出7253亿元，增长21.8%。中央财政投入资金450亿元。"
            "农村饮水安全工程使6069万农民受益，新增510万沼气用户。企业退休人员基本养老金连续5年增加，去年又人均提高10%。"
            "全社会研发经费支出相当于全市生产总值的比例达到4%，技术合同成交额增长50.2%。\n"
            "二、2010年主要任务\n中央财政拟安排“三农”投入8183亿元。企业退休人员基本养老金今年再提高10%。\n")


@pytest.mark.parametrize(
    ("sentence", "value_text", "metric", "value", "unit", "change", "actual"),
    [
        # planning words (拟安排) are no part of the name; the quoted programme leads
        ("今年中央财政拟安排“三农”投入7161亿元。", "7161亿元", "中央财政拟安排“三农”投入", 7161, "亿元", "level", "7253亿元"),
        # a verb for a name (解决): the object after the figure is what is counted; 农民 are people
        ("再解决6000万人安全饮水问题，增加500万沼气用户。", "6000万人", "解决", 6000, "万人", "increase", "6069万农民"),
        # a vague name (人均每年): the clause before says what rises; the rate is in the next clause
        ("今明两年继续提高企业退休人员基本养老金，人均每年增长10%左右。", "10%左右", "人均每年", 10, "%", "increase", "10%"),
        # a ratio named 比例: the clause says which one
        ("全社会研发经费支出相当于全市生产总值的比例保持在4%左右。", "4%左右", "比例", 4, "%", "level", "4%"),
    ],
)
def test_targets_named_in_other_words_or_by_their_sentence(sentence, value_text, metric, value, unit, change, actual):
    ind = target(sentence, value_text, metric, value, "about", change, unit=unit, period="2009")
    link = link_target(ind, sentence, NEW_2010, 2009)
    assert link.status == "fulfilled", link.reason
    ev = link.evidence[0]
    assert ev.value_text == actual and NEW_2010[ev.start : ev.end] == ev.text and ev.part == "review"


def test_targets_a_known_statistic_without_a_figure_is_not_matched_by_wording():
    sentence = "拟安排中央财政赤字7500亿元。"
    ind = target(sentence, "7500亿元", "拟安排中央财政赤字", 7500, "about", "level", unit="亿元", period="2009")
    link = link_target(ind, sentence, NEW_2010, 2009)
    assert link.status == "no_evidence" and not link.evidence  # not 中央财政投入资金450亿元


def test_targets_industrial_value_added_cut_before_its_tail_is_still_known():
    """规模以上工业|增加值增长8.5%: the figure's name lost 增加值 to the verb 增加; it is still that series."""
    from luoshi.link.metrics import metric_of

    assert metric_of("规模以上工业").id == metric_of("规模以上工业增加值").id == "industrial_value_added"
    assert metric_of("规模以上工业企业") is None
    old = "主要预期目标：规模以上工业增加值增长8.5%。"
    new = "一、过去一年工作回顾\n规模以上工业增加值增长7.5%。"
    ind = target(old, "8.5%", "规模以上工业", 8.5, "about", "increase")
    link = link_target(ind, old, new, 2021)
    assert link.status == "not_fulfilled" and link.evidence[0].value_text == "7.5%"


def test_targets_urban_and_rural_income_are_apart():
    old = "主要预期目标：城镇居民人均可支配收入增长8%。"
    new = "一、过去一年工作回顾\n农村居民人均可支配收入增长9%，城镇居民人均可支配收入增长6%。"
    ind = target(old, "8%", "城镇居民人均可支配收入", 8, "about", "increase")
    link = link_target(ind, old, new, 2021)
    assert link.status == "not_fulfilled" and link.evidence[0].value_text == "6%"


def test_targets_a_plan_figure_compared_with_last_year_is_no_outcome():
    """今年中央财政赤字拟安排2450亿元，比去年预算赤字减少500亿元: 500亿元 is next year's change, not last year's deficit."""
    old = "今年拟安排中央财政赤字2950亿元。"
    new = ("一、2006年工作回顾\n财政收入稳定增长。\n二、2007年工作总体部署\n"
           "今年中央财政赤字拟安排2450亿元，比去年预算赤字减少500亿元。\n")
    ind = target(old, "2950亿元", "中央财政赤字", 2950, "eq", "level", unit="亿元", period="2006")
    link = link_target(ind, old, new, 2006)
    assert link.status == "no_evidence" and not link.evidence


def test_targets_a_running_total_of_several_years_is_no_amount_for_one_year():
    old = "今年中央财政安排科技投入716亿元。"
    ind = target(old, "716亿元", "中央财政科技投入", 716, "eq", "level", unit="亿元", period="2006")
    new = "一、2006年工作回顾\n中央财政连续三年累计投入科技资金900亿元。\n"
    link = link_target(ind, old, new, 2006)
    assert link.status == "no_evidence" and not link.evidence
    link = link_target(ind, old, new.replace("连续三年累计", ""), 2006)
    assert link.status == "fulfilled" and link.evidence[0].value_text == "900亿元"


def test_targets_a_name_of_rank_words_counts_the_metric_before_it():
    """地区生产总值增长7.5%、在全省地级市中率先突破4000亿元: the second figure is the level of the GDP named
    before it in the same clause; after a clause break (，) a rank-word name borrows nothing."""
    old = "主要预期目标是：地区生产总值增长7.5%、在全省地级市中率先突破4000亿元，城镇新增就业4.7万人。"
    new = "一、过去一年工作回顾\n全市实现地区生产总值4038.7亿元、增长6.2%。\n"
    ind = target(old, "突破4000亿元", "地级市中率先", 4000, "at_least", "level", "亿元")
    link = link_target(ind, old, new, 2023)
    assert link.status == "fulfilled" and link.evidence[0].value_text == "4038.7亿元"
    old = "主要预期目标是：地区生产总值增长7.5%，在全省地级市中率先突破4000亿元。"
    ind = target(old, "突破4000亿元", "地级市中率先", 4000, "at_least", "level", "亿元")
    link = link_target(ind, old, new, 2023)
    assert link.status == "no_evidence"


def test_targets_the_share_of_livelihood_spending_is_a_metric():
    old = "主要预期目标是：财政民生支出占比65%以上。"
    new = "一、过去一年工作回顾\n民生支出占一般公共预算支出比重达68.3%。\n"
    ind = target(old, "65%以上", "财政民生支出占比", 65, "at_least", "level", "%")
    link = link_target(ind, old, new, 2023)
    assert link.status == "fulfilled" and link.evidence[0].value_text == "68.3%"


def test_targets_a_name_that_skips_a_plan_word_still_names_its_metric():
    """中央提出今年经济增长预期目标为7%左右, named 中央提出经济 (今年 left out): 经济 ends inside 经济增长."""
    old = "中央提出今年经济增长预期目标为7%左右，既考虑了保持宏观调控目标的连续性。"
    new = "一、过去一年工作回顾\n国内生产总值达到13.65万亿元，比上年增长9.5%。\n"
    ind = target(old, "7%左右", "中央提出经济", 7, "about", "increase", "%", period="2004")
    link = link_target(ind, old, new, 2004)
    assert link.status == "fulfilled" and link.evidence[0].value_text == "9.5%"


@pytest.mark.parametrize(
    ("old", "value_text", "metric", "value", "comparator", "change", "new", "status", "actual"),
    [
        # the deficit ratio written out in a national review
        ("财政赤字率下降到1.5％左右。", "1.5％左右", "赤字率", 1.5, "about", "level",
         "一、过去五年工作回顾\n财政赤字占国内生产总值的比重从2009年的2.8%降到去年的1.5%左右。", "fulfilled", "1.5%"),
        # services value added: a name cut before 增加值 still names it; a branch of the services does not stand for it
        ("服务业增加值增长7%以上。", "7%以上", "服务业", 7, "at_least", "increase",
         "一、过去一年工作回顾\n服务业增加值增长5%以上。", "not_fulfilled", "5%"),
        ("服务业增加值增长7%以上。", "7%以上", "服务业", 7, "at_least", "increase",
         "一、过去一年工作回顾\n生产性服务业增加值增长9%。", "no_evidence", None),
    ],
)
def test_targets_metrics_written_out_or_cut(old, value_text, metric, value, comparator, change, new, status, actual):
    ind = target(old, value_text, metric, value, comparator, change, period="2012")
    link = link_target(ind, old, new, 2012)
    assert link.status == status
    assert (link.evidence[0].value_text if link.evidence and status != "no_evidence" else None) == actual


@pytest.mark.parametrize(
    ("metric", "value_text", "value", "unit", "status", "actual"),
    [
        # a count said roughly (1900余个) is a count in the target's counter
        ("智能制造标杆", "1000个", 1000, "个", "fulfilled", "1900余个"),
        # firms are counted in 家 or 户 (synonyms.yaml target_names counters)
        ("新增上市企业", "16家", 16, "家", "not_fulfilled", "13户"),
        # a count in another counter is not this one (企业13户 is no count of 项)
        ("新增上市企业", "16项", 16, "项", "no_evidence", None),
    ],
)
def test_targets_a_count_said_roughly_or_in_a_like_counter(metric, value_text, value, unit, status, actual):
    old = f"打造{metric}{value_text}。"
    new = "一、过去一年工作回顾\n创建各类智能制造标杆1900余个。新增上市发行和过会企业13户、总数82户。城镇新增就业23万人。"
    ind = target(old, value_text, metric, value, "at_least", "level", unit=unit, period="2023")
    link = link_target(ind, old, new, 2023)
    assert link.status == status
    assert (link.evidence[0].value_text if link.evidence else None) == actual


def _row_with_its_target(review: str):
    """A task row holding its own target (装备制造业产值超过530亿元), judged on ``review``."""
    from luoshi.link import link_reports
    from tests.link.helpers import commitment, extraction, target

    old = "推动中车长客在长全产业链布局，加快发展智能农机、数控机床，装备制造业产值超过530亿元。"
    c = commitment(old[:-1], old)
    ind = target(old, "530亿元", "装备制造业产值", 530, "at_least", "level", unit="亿元", period="2024")
    c.indicators = [ind.id]
    fillers = "粮食产量保持稳定。地铁新线开通运营。垃圾分类覆盖全市。城中村改造启动。"
    new = f"一、2024年工作回顾\n{review}{fillers * 3}\n"
    links = link_reports(extraction(2024, [c], [ind]), old, extraction(2025), new)
    return next(link for link in links if link.source_kind == "commitment")


@pytest.mark.parametrize(("review", "status"), [
    ("中车长客首列氢能源市域列车试运行。", "partial"),  # the work named, neither a result nor the figure
    ("中车长客智能制造基地建成投产。", "fulfilled"),  # a result
    ("中车长客产值增长12%。", "fulfilled"),  # a figure of its own
])
def test_targets_a_row_whose_own_figure_is_not_reported_is_partial_on_a_mention(review, status):
    link = _row_with_its_target(review)
    assert link.status == status and "中车长客" in link.evidence[0].text


def test_targets_a_term_review_gives_the_years_rate_and_the_terms_end_level():
    """社消零 is 社会消费品零售总额; its rate against the last term (比“十三五”) is no year's rate. A level from a
    year to another (从2020年的24…降至20) is judged on the level reached."""
    old = "社会消费品零售总额增长5%。确保PM2.5浓度不高于24.1微克/立方米。"
    new = ("“十四五”发展及2025年主要工作成效\n社消零比“十三五”增长21.5%，总额位居全省第3。"
           "PM2.5浓度从2020年的24微克/立方米降至20微克/立方米。\n刚刚过去的2025年，带动社消零增长2.8%。\n")
    retail = target(old, "5%", "社会消费品零售总额", 5, "about", "increase", period="2025")
    pm = target(old, "不高于24.1微克/立方米", "PM2.5浓度", 24.1, "at_most", "level", unit="微克/立方米", period="2025")
    pm = replace(pm, id="i1")
    links = link_reports(extraction(2025, indicators=[retail, pm]), old, extraction(2026), new)
    by_metric = {l.source_text: l for l in links}
    assert (by_metric["5%"].status, by_metric["5%"].evidence[0].value_text) == ("not_fulfilled", "2.8%")
    assert (by_metric["不高于24.1微克/立方米"].status, by_metric["不高于24.1微克/立方米"].evidence[0].value_text) \
        == ("fulfilled", "20微克/立方米")


@pytest.mark.parametrize(("review", "status", "actual"), [
    # the sentence naming the work gives the count beside a word of the target's name (惠及): short of 300万
    ("开展“莞一夏”公益活动，惠及外来务工人员子女等重点人群261万人次。", "partial", "261万人次"),
    ("开展“莞一夏”公益活动，惠及重点人群320万人次。", "fulfilled", "320万人次"),
    # a count of something else in the sentence (参与志愿者5万人次) is no figure of the target
    ("开展“莞一夏”公益活动，参与志愿者5万人次。", "fulfilled", None),
])
def test_targets_a_rows_own_figure_is_read_in_the_sentence_naming_its_work(review, status, actual):
    from tests.link.helpers import commitment

    old = "扩大“莞一夏”活动规模，惠及群众不少于300万人次。"
    c = commitment(old[:-1], old)
    c.projects = ["莞一夏"]
    ind = target(old, "不少于300万人次", "惠及群众", 300, "at_least", "level", unit="万人次", period="2025")
    c.indicators = [ind.id]
    fillers = "粮食产量保持稳定。地铁新线开通运营。垃圾分类覆盖全市。城中村改造启动。"
    new = f"一、2025年工作回顾\n{review}{fillers * 3}\n"
    links = link_reports(extraction(2025, [c], [ind]), old, extraction(2026), new)
    row = next(link for link in links if link.source_kind == "commitment")
    figure = next(link for link in links if link.source_kind == "indicator")
    assert row.status == status and "莞一夏" in " ".join(e.text for e in row.evidence)
    assert (figure.evidence[0].value_text if figure.evidence else None) == actual


@pytest.mark.parametrize(
    ("old", "value_text", "metric", "value", "comparator", "change", "unit", "new", "status", "actual"),
    [
        # the basis a revenue is measured on (可比: comparable scope) leaves it the same revenue
        ("一般公共预算收入可比增长10%左右。", "10%左右", "一般公共预算收入可比", 10, "about", "increase", "%",
         "一、2025年工作回顾\n一般公共预算收入增长10.2%。", "fulfilled", "10.2%"),
        # a sector's output is its own statistic: the city's GDP line is no figure for it
        ("力争海洋生产总值突破3000亿元。", "突破3000亿元", "海洋生产总值", 3000, "at_least", "level", "亿元",
         "一、2025年工作回顾\n地区生产总值预计突破1.1万亿元。海洋生产总值突破3000亿元。", "fulfilled", "3000亿元"),
        # nor is the sector's line a figure for the city's GDP
        ("地区生产总值增长6%左右。", "6%左右", "地区生产总值", 6, "about", "increase", "%",
         "一、2025年工作回顾\n海洋生产总值增长9%。", "no_evidence", None),
    ],
)
def test_targets_a_basis_word_or_a_sector_before_the_name(old, value_text, metric, value, comparator, change, unit,
                                                          new, status, actual):
    ind = target(old, value_text, metric, value, comparator, change, unit=unit, period="2025")
    link = link_target(ind, old, new, 2025)
    assert link.status == status
    assert (link.evidence[0].value_text if status != "no_evidence" else None) == actual


@pytest.mark.parametrize(
    ("review", "status", "actual"),
    [
        ("一、2024年工作回顾\n落地品牌首店、旗舰店32家。", "fulfilled", "32家"),
        # the clause before the name's own (引进…品牌连锁超市) is another count of the row
        ("一、2024年工作回顾\n引进品牌连锁超市40家。", "no_evidence", None),
    ],
)
def test_targets_a_short_name_is_read_with_its_own_clause_when_that_says_what_is_counted(review, status, actual):
    old = "引进北京华联精品超市、盒马鲜生、麦德龙等品牌连锁超市，落地品牌首店、旗舰店30家。"
    ind = target(old, "30家", "旗舰店", 30, "about", "increase", unit="家", period="2024")
    link = link_target(ind, old, review, 2024)
    assert link.status == status
    assert (link.evidence[0].value_text if status != "no_evidence" else None) == actual


@pytest.mark.parametrize(
    ("review", "status", "actual"),
    [
        # 20 of 21: just short (compare.judge)
        ("一、2025年工作回顾\n实施48个高品质住宅项目、20个城中村改造。", "partial", "20个"),
        # the name alone in another work (城中村污水管网) is not this count
        ("一、2025年工作回顾\n完成城中村污水管网建设30个。", "no_evidence", None),
    ],
)
def test_targets_a_short_name_after_its_count_is_read_with_the_words_after_it(review, status, actual):
    old = "启动15个高品质住宅建设、21个城中村改造，创建70个幸福示范小区。"
    ind = target(old, "21个", "城中村", 21, "eq", "level", unit="个", period="2025")
    link = link_target(ind, old, review, 2025)
    assert link.status == status
    assert (link.evidence[0].value_text if status != "no_evidence" else None) == actual


@pytest.mark.parametrize(
    ("review", "status", "actual"),
    [
        # a round milestone written as a word is a number: 百亿元 is 100亿元
        ("一、过去五年工作回顾\n技术合同成交额增长34.5%、首次突破百亿元大关。", "fulfilled", "百亿元"),
        # a class (百亿级) or a vague amount (上百亿元) is no figure
        ("一、过去五年工作回顾\n技术合同成交额上百亿元，培育百亿级技术市场。", "no_evidence", None),
    ],
)
def test_targets_a_milestone_written_as_a_word_is_a_figure(review, status, actual):
    old = "确保技术合同成交额突破85亿元。"
    ind = target(old, "突破85亿元", "技术合同成交额", 85, "at_least", "level", unit="亿元", period="2022")
    link = link_target(ind, old, review, 2022)
    assert link.status == status
    assert (link.evidence[0].value_text if status != "no_evidence" else None) == actual


def test_targets_a_known_metric_passing_a_milestone_word():
    old = "地区生产总值突破900亿元。"
    ind = target(old, "突破900亿元", "地区生产总值", 900, "at_least", "level", unit="亿元", period="2022")
    new = "一、2022年工作回顾\n地区生产总值首次突破千亿元。"
    link = link_target(ind, old, new, 2022)
    assert (link.status, link.evidence[0].value_text) == ("fulfilled", "千亿元")


@pytest.mark.parametrize(
    ("review", "status", "actual"),
    [
        # the quoted short name said again in quotes, its own count right after it (not 达标村's or 精品村's)
        ("一、过去五年工作回顾\n创建“达标村”1351个、“示范村”308个、“精品村”73个。", "fulfilled", "308个"),
        ("一、过去五年工作回顾\n创建“示范村”达到280个。", "not_fulfilled", "280个"),
        # the words unquoted in another programme's name are not the programme
        ("一、过去五年工作回顾\n3个村入选全国乡村治理示范村。", "no_evidence", None),
        ("一、过去五年工作回顾\n创建“精品村”73个。", "no_evidence", None),
    ],
)
def test_targets_a_quoted_short_name_is_a_metric_name(review, status, actual):
    old = "“示范村”达到300个。"
    ind = target(old, "300个", "示范村", 300, "at_least", "level", unit="个", period="2022")
    link = link_target(ind, old, review, 2022)
    assert link.status == status
    assert (link.evidence[0].value_text if status != "no_evidence" else None) == actual


def _metric_form_cases(key: str) -> list[tuple[str, str]]:
    from luoshi import rules

    return [tuple(pair) for g in rules.load("synonyms")["target_names"]["metric_forms"] for pair in g[key]]


@pytest.mark.parametrize(("name", "clause"), _metric_form_cases("examples"))
def test_targets_a_count_named_in_other_words_is_found_under_its_other_forms(name, clause):
    old = f"全年{name}600家。"
    ind = target(old, "600家", name, 600, "about", "increase", unit="家", period="2022")
    new = f"一、2022年工作回顾\n{clause}。"
    link = link_target(ind, old, new, 2022)
    assert link.status != "no_evidence" and link.evidence[0].text in new
    assert link.evidence[0].value_text in clause


@pytest.mark.parametrize(("name", "clause"), _metric_form_cases("not"))
def test_targets_a_count_is_not_found_under_another_counts_name(name, clause):
    old = f"全年{name}600家。"
    ind = target(old, "600家", name, 600, "about", "increase", unit="家", period="2022")
    link = link_target(ind, old, f"一、2022年工作回顾\n{clause}。", 2022)
    assert link.status == "no_evidence"


def test_targets_metrics_sharing_one_figure_are_judged_on_the_one_reported():
    old = "今年主要预期目标是：生产总值、人均GDP、全员劳动生产率增速均为7%，研发经费投入强度达到3.15%。"
    ind = target(old, "7%", "全员劳动生产率", 7, "eq", "increase", period="2022")
    new = "一、2022年工作回顾\n预计全年经济增长3.5%左右。"
    link = link_target(ind, old, new, 2022)
    assert (link.status, link.evidence[0].value_text) == ("not_fulfilled", "3.5%")
    assert "生产总值" in link.reason and (link.source_start, link.source_end) == (ind.start, ind.end)


@pytest.mark.parametrize(
    ("sentence", "value_text", "metric", "names"),
    [
        ("生产总值、人均GDP、全员劳动生产率增速均为7%", "7%", "全员劳动生产率", ["生产总值", "人均GDP"]),
        # figures given one per metric, or another number in the clause: no shared figure
        ("进出口总额、实际利用外资分别增长7%、8%", "8%", "实际利用外资", []),
        ("生产总值增长6%、全员劳动生产率增长7%", "7%", "全员劳动生产率", []),
        ("全员劳动生产率增长7%", "7%", "全员劳动生产率", []),
    ],
)
def test_targets_names_sharing_a_figure(sentence, value_text, metric, names):
    from luoshi.link.targets import shared_figure_names

    ind = target(sentence, value_text, metric, 7, "eq", "increase")
    assert shared_figure_names(ind) == names


def test_targets_the_years_figure_goes_before_a_term_total_said_with_a_basis_word_before_the_name():
    old = "实现城镇新增就业5000人以上。"
    ind = target(old, "5000人以上", "城镇新增就业", 5000, "at_least", "increase", unit="人", period="2025")
    new = "一、“十四五”时期和2025年工作回顾\n五年来，累计实现城镇新增就业2.5万人。全年实现城镇新增就业6052人。"
    link = link_target(ind, old, new, 2025)
    assert (link.status, link.evidence[0].value_text) == ("fulfilled", "6052人")


OLD_PAIR = "主要预期目标是：一般公共预算收入可比增长10%左右；城镇调查失业率控制在5.5%以内；城乡居民人均可支配收入分别增长6.5%、7.5%。"


@pytest.mark.parametrize(
    ("value_text", "metric", "value", "status", "actual"),
    [
        # a name carried over from the item before (；) is not the figure's metric: its own item names it, and of
        # two series named at once (城乡…分别) the first figure is the urban one's, the second the rural one's
        ("6.5%", "一般公共预算收入可比", 6.5, "not_fulfilled", "5.4%"),
        ("7.5%", "城镇调查失业率", 7.5, "fulfilled", "7.6%"),
        # a name in its own item keeps its figure
        ("10%左右", "一般公共预算收入可比", 10, "fulfilled", "10.2%"),
    ],
)
def test_targets_the_figures_own_item_names_its_metric(value_text, metric, value, status, actual):
    ind = target(OLD_PAIR, value_text, metric, value, "about", "increase", period="2025")
    new = "一、2025年工作回顾\n一般公共预算收入增长10.2%，城乡居民人均可支配收入分别增长5.4%、7.6%。"
    link = link_target(ind, OLD_PAIR, new, 2025)
    assert (link.status, link.evidence[0].value_text) == (status, actual)


def _pair_cases(key: str) -> list[str]:
    from luoshi import rules

    return [t for p in rules.load("synonyms")["metric_pairs"] for t in p[key]]


@pytest.mark.parametrize("text", _pair_cases("examples"))
def test_metric_pairs_two_series_named_at_once(text):
    from luoshi.link.metrics import mentions, paired
    from luoshi.textmap import fold

    folded = fold(text)
    first, second, _ = paired(folded, mentions(folded)[0])
    assert (first.id, second.id) == ("urban_income", "rural_income")


@pytest.mark.parametrize("text", _pair_cases("not"))
def test_metric_pairs_one_series(text):
    from luoshi.link.metrics import mentions, paired
    from luoshi.textmap import fold

    folded = fold(text)
    assert paired(folded, mentions(folded)[0]) is None


def test_targets_a_figure_written_twice_in_its_sentence_keeps_its_name():
    # which 7% is the target's is not known from the sentence: the name the target came with stands
    old = "主要预期目标是：地区生产总值增长7%；一般公共预算收入增长7%。"
    ind = target(old, "7%", "一般公共预算收入", 7, "eq", "increase", period="2021")
    ind = replace(ind, start=old.rindex("7%"), end=old.rindex("7%") + 2)
    new = "一、2021年工作回顾\n地区生产总值增长8.6%，一般公共预算收入增长5%。"
    link = link_target(ind, old, new, 2021)
    assert (link.status, link.evidence[0].value_text) == ("not_fulfilled", "5%")


@pytest.mark.parametrize(
    ("review", "status", "actual"),
    [
        # the value a change started from is no result: the figure reached is (由…提升到…)
        ("一、2025年工作回顾\n中心市区污水收集率由之前37.3%提升到77%。", "fulfilled", "77%"),
        ("一、2025年工作回顾\n中心市区污水收集率从37.3%提高至65%。", "not_fulfilled", "65%"),
        ("一、2025年工作回顾\n中心市区污水收集率达到72%，比上年提高5%。", "fulfilled", "72%"),
    ],
)
def test_targets_a_rate_reached_from_a_starting_value(review, status, actual):
    old = "抓好污水处理提质增效攻坚，力争中心市区污水收集率70%。"
    ind = target(old, "70%", "中心市区污水收集率", 70, "eq", "level", period="2025")
    review += "城镇新增就业23万人。居民消费价格上涨2%。"
    link = link_target(ind, old, review, 2025)
    assert (link.status, link.evidence[0].value_text) == (status, actual)


def test_targets_a_count_reached_from_a_starting_value():
    old = "新增国家级孵化器10家。"
    ind = target(old, "10家", "国家级孵化器", 10, "eq", "level", unit="家", period="2025")
    new = "一、2025年工作回顾\n国家级孵化器从3家增加到12家。城镇新增就业23万人。居民消费价格上涨2%。"
    link = link_target(ind, old, new, 2025)
    assert (link.status, link.evidence[0].value_text) == ("fulfilled", "12家")
