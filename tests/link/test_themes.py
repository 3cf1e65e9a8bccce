import pytest

from luoshi.link import link_reports
from luoshi.link.render import links_json
from luoshi.link.themes import rolled_up, theme_links
from luoshi.model import Commitment, Evidence, Extraction, Link, ReportMeta, Section, Sentence


def _link(status: str, n: int = 0, start: int = 0, conf: float = 0.8, ev: str | None = "证据") -> Link:
    evidence = [Evidence("new", ev, 10 * n, 10 * n + len(ev), None, conf, "review", "2020")] if ev and status != "no_evidence" else []
    return Link(f"c{n}", "commitment", "任务", start, start + 2, status, conf, "理由", evidence, None)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["fulfilled", "fulfilled"], "fulfilled"),
        # a review reports a theme's main works, not every row: half of the rows met is the theme met
        (["fulfilled", "fulfilled", "fulfilled", "no_evidence", "no_evidence", "no_evidence"], "fulfilled"),
        (["fulfilled", "partial", "no_evidence", "no_evidence"], "partial"),
        # one row of nine reported is no delivery of the theme
        (["fulfilled"] + ["no_evidence"] * 8, "no_evidence"),
        # one row of five, or three of twenty, reported: part of the theme was delivered
        (["fulfilled"] + ["no_evidence"] * 4, "partial"),
        (["fulfilled"] * 3 + ["no_evidence"] * 17, "partial"),
        (["no_evidence", "no_evidence"], "no_evidence"),
        (["not_fulfilled", "no_evidence"], "not_fulfilled"),
        # one row of five falling short, the rest unreported: part of the theme, not all of it, is unmet
        (["not_fulfilled"] + ["no_evidence"] * 4, "partial"),
        (["fulfilled", "fulfilled", "not_fulfilled"], "partial"),
    ],
)
def test_themes_status_rolled_up_from_rows(statuses, expected):
    assert rolled_up([_link(s, n) for n, s in enumerate(statuses)]) == expected


OLD = ("二、2020年主要任务\n"
       "坚持扩大内需。一是努力增加城乡居民收入。提高企业退休人员基本养老金。落实最低工资制度。"
       "二是扩大消费。发展社区商业。\n")


def _old() -> Extraction:
    def sent(text: str, role: str) -> Sentence:
        a = OLD.index(text)
        return Sentence(a, a + len(text), "s1", "plan", role=role)

    def task(text: str, n: int) -> Commitment:
        a = OLD.index(text)
        return Commitment(f"c{n}", text, None, None, "process", None, None, [], [], [], a, a + len(text), None)

    sections = [Section("s1", None, 1, "二、2020年主要任务", "plan", 0, len(OLD))]
    sentences = [sent("坚持扩大内需。", "theme"), sent("一是努力增加城乡居民收入。", "theme"),
                 sent("提高企业退休人员基本养老金。", "task"), sent("落实最低工资制度。", "task"),
                 sent("二是扩大消费。", "theme"), sent("发展社区商业。", "task")]
    commitments = [task("提高企业退休人员基本养老金", 0), task("落实最低工资制度", 1), task("发展社区商业", 2)]
    return Extraction(ReportMeta(year=2020), sections, [], commitments, sentences)


NEW = ("一、过去一年工作回顾\n企业退休人员基本养老金提高10%。最低工资标准上调。门城水厂主体完工。双大路二期通车。"
       "新增城镇就业14万人。完成老旧小区改造120个。\n")


def test_themes_a_theme_heads_the_rows_up_to_the_next_theme_and_rolls_them_up():
    old = _old()
    links = link_reports(old, OLD, Extraction(ReportMeta(year=2021), [], [], []), NEW, themes=True)
    themes = {link.source_text: link for link in links if link.source_kind == "theme"}
    income = themes["一是努力增加城乡居民收入。"]
    assert income.status == "fulfilled" and "2项任务" in income.reason
    assert income.evidence and all(NEW[e.start : e.end] == e.text for e in income.evidence)
    assert OLD[income.source_start : income.source_end] == income.source_text
    # 二是扩大消费 heads only 发展社区商业, which the review does not report
    assert themes["二是扩大消费。"].status == "no_evidence" and not themes["二是扩大消费。"].evidence
    # the rows' own links are unchanged, and the public json lists the themes apart
    rows = [link for link in links if link.source_kind == "commitment"]
    assert len(rows) == 3
    out = links_json(links)
    assert len(out["links"]) == 3 and {t["source_kind"] for t in out["themes"]} == {"theme"}
    # without themes=True nothing changes for other consumers
    plain = link_reports(old, OLD, Extraction(ReportMeta(year=2021), [], [], []), NEW)
    assert all(link.source_kind != "theme" for link in plain) and "themes" not in links_json(plain)


def test_themes_a_theme_without_rows_gets_no_verdict():
    old = _old()
    rows = [_link("fulfilled", 0, start=OLD.index("发展社区商业"))]
    themes = theme_links(old, OLD, rows)
    assert [t.source_text for t in themes] == ["二是扩大消费。"]


def test_themes_a_theme_heading_no_rows_is_judged_on_its_own_wording():
    old_text = "二、2020年主要任务\n扎实抓好十大民生实事。\n"
    a = old_text.index("扎实")
    old = Extraction(ReportMeta(year=2020), [Section("s1", None, 1, "二、2020年主要任务", "plan", 0, len(old_text))], [], [],
                     [Sentence(a, a + len("扎实抓好十大民生实事。"), "s1", "plan", role="theme")])
    new = ("一、过去一年工作回顾\n十大民生实事全面完成。门城水厂主体完工。双大路二期通车。新增城镇就业14万人。"
           "完成老旧小区改造120个。\n")
    [theme] = [link for link in link_reports(old, old_text, Extraction(ReportMeta(year=2021), [], [], []), new, themes=True)
               if link.source_kind == "theme"]
    assert theme.status == "fulfilled" and theme.evidence[0].text == "十大民生实事全面完成"
    assert "其下无任务行" in theme.reason


CLUSTER = ("二、2024年工作安排\n"
           "新材料产业集群完成产值800亿元。建成投产光伏产业园一期。开工建设玻纤二期。\n")


@pytest.mark.parametrize(
    ("figure_status", "expected"),
    [
        # the rows done, the theme's own output figure unreported: part of the theme is shown
        ("no_evidence", "partial"),
        # the figure short of the target: partial too
        ("not_fulfilled", "partial"),
        # the figure reached: the theme is met
        ("fulfilled", "fulfilled"),
    ],
)
def test_themes_a_theme_stating_its_own_target_needs_that_figure(figure_status, expected):
    a = CLUSTER.index("新材料产业集群完成产值800亿元。")
    theme = Sentence(a, a + len("新材料产业集群完成产值800亿元。"), "s1", "plan", role="theme")
    rows = [CLUSTER.index("建成投产光伏产业园一期"), CLUSTER.index("开工建设玻纤二期")]
    old = Extraction(ReportMeta(year=2024), [Section("s1", None, 1, "二、2024年工作安排", "plan", 0, len(CLUSTER))], [], [],
                     [theme])
    links = [_link("fulfilled", 0, start=rows[0]), _link("fulfilled", 1, start=rows[1])]
    at = CLUSTER.index("800亿元")
    figure = Link("i0", "indicator", "800亿元", at, at + 5, figure_status, 0.75 if figure_status != "no_evidence" else 0.0,
                  "目标 新材料产业集群完成产值800亿元", [], None)
    [link] = theme_links(old, CLUSTER, links + [figure])
    assert link.status == expected
    assert ("800亿元" in link.reason) == (expected == "partial")


FISCAL = ("二、2020年主要任务\n"
          "一是继续实施积极的财政政策。提高企业退休人员基本养老金。发展社区商业。推进夜间经济街区建设。\n")


@pytest.mark.parametrize(
    ("own_line", "expected"),
    [
        # rows reported in part, the review saying the theme's own work was done: the theme is delivered
        ("我们实施积极的财政政策和稳健的货币政策。", "fulfilled"),
        # no line on the theme as a whole: its rows decide
        ("", "partial"),
    ],
)
def test_themes_a_theme_the_review_reports_done_is_fulfilled_over_rows_in_part(own_line, expected):
    def sent(text: str, role: str) -> Sentence:
        a = FISCAL.index(text)
        return Sentence(a, a + len(text), "s1", "plan", role=role)

    rows = ["提高企业退休人员基本养老金", "发展社区商业", "推进夜间经济街区建设"]
    commitments = [Commitment(f"c{n}", t, None, None, "process", None, None, [], [], [], FISCAL.index(t),
                              FISCAL.index(t) + len(t), None) for n, t in enumerate(rows)]
    sentences = [sent("一是继续实施积极的财政政策。", "theme")] + [sent(t + "。", "task") for t in rows]
    old = Extraction(ReportMeta(year=2020), [Section("s1", None, 1, "二、2020年主要任务", "plan", 0, len(FISCAL))], [],
                     commitments, sentences)
    new = "一、过去一年工作回顾\n" + own_line + NEW.split("\n", 1)[1]
    links = link_reports(old, FISCAL, Extraction(ReportMeta(year=2021), [], [], []), new, themes=True)
    [theme] = [link for link in links if link.source_kind == "theme"]
    assert theme.status == expected
    assert (theme.evidence[0].text == own_line.rstrip("。")) == (expected == "fulfilled")
