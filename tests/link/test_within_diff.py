from luoshi.link import diff_reports, link_within
from tests.link.helpers import commitment, extraction

REPORT = (
    "二、未来五年主要目标任务\n"
    "永定河流域综合治理全面完成。体育文化中心全面竣工。殡仪馆完成迁建。\n"
    "三、2022年政府工作计划\n"
    "统筹推进永定河流域综合治理。确保体育文化中心完工。\n"
)


def test_within_goals_linked_to_the_annual_plan():
    goals = ["永定河流域综合治理全面完成", "体育文化中心全面竣工", "殡仪馆完成迁建"]
    ex = extraction(2022, [commitment(g, REPORT, n) for n, g in enumerate(goals)])
    links = link_within(ex, REPORT)
    assert [(l.status, l.evidence[0].text if l.evidence else None) for l in links] == [
        ("partial", "统筹推进永定河流域综合治理"),
        ("partial", "确保体育文化中心完工"),
        ("no_evidence", None),
    ]


def test_diff_carried_over_dropped_and_new():
    old_text = "完成门城水厂建设。推进龙泉医院迁建。"
    new_text = "加快门城水厂建设。启动永定河文化博物馆建设。"
    old = extraction(2020, [commitment("完成门城水厂建设", old_text, 0), commitment("推进龙泉医院迁建", old_text, 1)])
    new = extraction(2021, [commitment("加快门城水厂建设", new_text, 0), commitment("启动永定河文化博物馆建设", new_text, 1)])
    diff = diff_reports(old, new)
    assert [(p.old.text, p.new.text) for p in diff.carried] == [("完成门城水厂建设", "加快门城水厂建设")]
    assert [c.text for c in diff.dropped] == ["推进龙泉医院迁建"]
    assert [c.text for c in diff.new] == ["启动永定河文化博物馆建设"]


def test_within_a_whole_sentence_row_is_linked_through_any_of_its_clauses():
    report = (
        "二、未来五年主要目标任务\n"
        "体育文化中心全面竣工，永定河文化博物馆投入使用，殡仪馆完成迁建。\n"
        "三、2022年政府工作计划\n"
        "启动永定河文化博物馆建设。\n"
    )
    row = "体育文化中心全面竣工，永定河文化博物馆投入使用，殡仪馆完成迁建"
    links = link_within(extraction(2022, [commitment(row, report, 0)]), report)
    assert [(l.status, l.evidence[0].text if l.evidence else None) for l in links] == [
        ("partial", "启动永定河文化博物馆建设")
    ]
