"""Which period a line of a later report covers, and what that does to the ranking of evidence."""

from luoshi.link.periods import multi_year, review_period
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
