"""Which period a line of a later report covers, and what that does to the ranking of evidence."""

from luoshi.link.periods import multi_year, review_period, span_period, spans_years
from tests.link.helpers import link_one

TERM_REVIEW = (
    "各位代表：\n"
    "一、“十四五”主要成就及2025年工作\n"
    "——这五年，我们始终坚持做好强产业文章，新增国家级和自治区级创新创业平台427家。\n"
    "五年来，我们始终把构建现代化产业体系作为破局之要。\n"
    "各位代表！2025年承前启后、继往开来。\n"
    "（一）全力大抓产业，新增国家级创新平台4家。\n"
    "各位代表！五年的历程令人难忘。\n"
    "二、“十五五”时期奋斗目标和主要任务\n"
)


def _period_of(text: str, line: str, plan_year: int = 2026):
    return review_period(text, plan_year)(text.index(line))


def test_periods_term_review_heading_naming_its_achievements_covers_five_years():
    assert _period_of(TERM_REVIEW, "——这五年") == ("2021—2025", 2021, 2025)


def test_periods_term_review_turns_to_its_last_year_and_back():
    """A paragraph opening on the last year (各位代表！2025年…) covers that year, up to one opening on the term."""
    assert _period_of(TERM_REVIEW, "（一）全力大抓产业") == ("2025", 2025, 2025)
    assert _period_of(TERM_REVIEW, "各位代表！五年的历程") == ("2021—2025", 2021, 2025)


def test_periods_an_annual_review_does_not_turn_on_a_paragraph_naming_its_year():
    """Only inside a five-year review does a paragraph opening decide the period."""
    text = ("一、2024年工作回顾\n2024年，全市经济回升向好。\n"
            "——这五年，我们始终坚持做好强产业文章，经济总量不断迈上新台阶，城市面貌焕然一新，群众获得感持续增强。\n")
    assert _period_of(text, "——这五年", 2025) == ("2024", 2024, 2024)


def test_periods_multi_year_lines_reach_before_the_task_year():
    assert multi_year(("2021—2025", 2021, 2025), 2025)
    assert not multi_year(("2025", 2025, 2025), 2025)
    assert not multi_year(("2021—2025", 2021, 2025), None)


def test_periods_the_task_years_line_ranks_above_the_terms_line():
    """Of a five-year total (——这五年…427家) and the year's own count (新增国家级创新平台4家), the year's goes first."""
    fillers = "粮食产量保持稳定。地铁新线开通运营。垃圾分类覆盖全市。城中村改造启动。"
    new = TERM_REVIEW.replace("各位代表！五年的历程令人难忘。", f"{fillers * 4}各位代表！五年的历程令人难忘。")
    link = link_one("力争新增国家级创新平台5家", new, old_year=2025, new_year=2026)
    assert link.status != "no_evidence"
    assert "4家" in link.evidence[0].text and link.evidence[0].period == "2025"


RESULTS_REVIEW = (
    "“十四五”发展及2025年主要工作成效\n"
    "过去五年，是极不寻常、极不平凡的五年。\n"
    "民生福祉保障持续增强。新增公办学位38.5万个。\n"
    "（二）民生改善取得新成效\n"
    "开展153个老旧小区改造。\n"
    "刚刚过去的2025年，是“十四五”规划收官之年。启动改造老旧小区26个。\n"
    "各位代表，五年来，我们感恩奋进。\n"
    "“十五五”发展目标及2026年工作安排\n"
)


def test_periods_a_heading_naming_the_terms_results_opens_a_term_review():
    """…发展及2025年主要工作成效 heads a term review as 主要成就 does; a section's 取得新成效 (no year, no term)
    changes nothing, 刚刚过去的2025年 turns to the year and 各位代表，五年来 back to the term."""
    assert _period_of(RESULTS_REVIEW, "民生福祉保障")[0] == "2021—2025"
    assert _period_of(RESULTS_REVIEW, "开展153个")[0] == "2021—2025"
    assert _period_of(RESULTS_REVIEW, "刚刚过去的2025年")[0] == "2025"
    assert _period_of(RESULTS_REVIEW, "各位代表，五年来")[0] == "2021—2025"


def test_periods_an_annual_review_heading_naming_results_stays_one_year():
    text = "一、2024年工作成效\n开展153个老旧小区改造。\n（一）民生改善取得新成效\n"
    assert _period_of(text, "开展153个", 2025) == ("2024", 2024, 2024)


def test_periods_the_years_start_of_works_meets_a_start_pledge_over_the_terms_total():
    """开工20个老旧小区改造项目: the year's 启动改造老旧小区26个 (a start said another way) ranks first and fulfils it."""
    link = link_one("开工20个老旧小区改造项目", RESULTS_REVIEW, old_year=2025, new_year=2026)
    assert link.status == "fulfilled" and link.evidence[0].text.startswith("启动改造老旧小区26个")


def test_periods_a_terms_total_of_what_the_task_counts_is_no_figure_for_its_year():
    """完成土地收储5.5万亩 (five years) for 收储土地5000亩 (one year): done over the term, the year's count not given;
    the same line in the year's paragraph fulfils it."""
    term = RESULTS_REVIEW.replace("开展153个老旧小区改造。", "完成土地收储5.5万亩。")
    link = link_one("完成收储土地5000亩", term, old_year=2025, new_year=2026)
    assert link.status == "partial" and "5.5万亩" in link.evidence[0].text
    year = RESULTS_REVIEW.replace("启动改造老旧小区26个。", "完成土地收储5.5万亩。")
    assert link_one("完成收储土地5000亩", year, old_year=2025, new_year=2026).status == "fulfilled"


def test_periods_the_years_line_on_one_clause_ranks_above_the_terms_line_on_the_object():
    """新增公办学位38.5万个 (five years) holds the task's object; 跨镇街、跨学段统筹学位超1万个 (the year) one of its
    clauses: the year's line goes first."""
    review = RESULTS_REVIEW.replace("开展153个老旧小区改造。", "新增公办学位38.5万个。").replace(
        "启动改造老旧小区26个。", "强力推进9所公办普高建设，跨镇街、跨学段统筹学位超1万个。")
    link = link_one("强化随迁子女教育保障，扩大高质量公办学位供给，动工建设4所普通高中，推行中小学跨学段、跨镇街统筹调配学位，"
                    "新增基础教育公办学位3万个", review,
                    old_year=2025, new_year=2026)
    assert link.status != "no_evidence" and link.evidence[0].period == "2025"


_YEAR_WORK = "".join(f"{w}。" for w in ("粮食产量保持稳定", "地铁新线开通运营", "垃圾分类覆盖全市", "城中村改造启动",
                                         "新建口袋公园30个", "新开通公交线路12条")) * 4
BONDED = (
    "一、“十四五”主要成就及2025年工作\n"
    "——这五年，我们坚持扩大开放，综保区连续六年获评全国A类。\n"
    f"各位代表！2025年承前启后、继往开来。{_YEAR_WORK}\n"
    "二、“十五五”时期奋斗目标和主要任务\n"
)


def test_periods_a_terms_line_on_one_of_several_works_is_partial_when_the_year_is_reported_apart():
    """A review with a paragraph on the task's year, silent there, naming one of the task's two works only on the
    whole term (综保区连续六年获评全国A类): the work went on, the year's pieces are not shown — partial. A task of
    that one work is met by the line, and so is the two-work task when the review reports no year apart."""
    task = "推动综合保税区创新发展，争取非保税货物进出区便利监管试点"
    link = link_one(task, BONDED, old_year=2025, new_year=2026)
    assert link.status == "partial" and "综保区" in link.evidence[0].text
    assert link_one("推动综合保税区创新发展", BONDED, old_year=2025, new_year=2026).status == "fulfilled"
    no_year = BONDED.replace(f"各位代表！2025年承前启后、继往开来。{_YEAR_WORK}\n", "")
    assert link_one(task, no_year, old_year=2025, new_year=2026).status == "fulfilled"
    # two of three works named on the term, the third nowhere: still part of the task
    two = BONDED.replace("获评全国A类。", "获评全国A类，跨境电商产业园建成投用。")
    three = "推动综合保税区创新发展，建设跨境电商产业园，争取非保税货物进出区便利监管试点"
    assert link_one(three, two, old_year=2025, new_year=2026).status == "partial"


def test_periods_a_terms_total_of_work_added_is_no_figure_for_the_targets_year():
    """新增高标准农田41万亩 in a line on the term, for 新增高标准农田4万亩 this year: partial; a level reached
    (清洁能源装机容量突破2000万千瓦) is read at the term's end as the year's."""
    from luoshi.link import link_reports
    from tests.link.helpers import extraction, target

    review = BONDED.replace("综保区连续六年获评全国A类", "新增高标准农田41万亩，清洁能源装机容量突破2000万千瓦")
    old = "新增高标准农田4万亩。全市清洁能源装机容量突破1800万千瓦。"
    farmland = target(old, "新增高标准农田4万亩", "新增高标准农田", 4.0, "eq", "level", unit="万亩", period="2025")
    power = target(old, "全市清洁能源装机容量突破1800万千瓦", "清洁能源装机容量", 1800.0, "at_least", "level",
                   unit="万千瓦", period="2025")
    power.id = "i1"
    links = {l.source_id: l for l in link_reports(extraction(2025, indicators=[farmland, power]), old,
                                                  extraction(2026), review)}
    assert links["i0"].status == "partial" and "41万亩" in links["i0"].evidence[0].text
    assert links["i1"].status == "fulfilled"


def test_a_label_spans_years_exactly_when_the_review_or_the_sentence_covers_several():
    at = review_period("二、过去五年工作回顾\n五年来，地区生产总值年均增长6%。\n", 2026)
    term = at(12)
    assert term[0] == "2021—2025" and spans_years(term[0])
    assert span_period("2025年新增就业5万人。", term)[0] == "2025" and not spans_years("2025")
    assert span_period("2023年至2025年累计新增就业15万人。", term)[0] == "2023—2025"
    assert not spans_years(None) and not spans_years("")
