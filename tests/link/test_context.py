from luoshi.link import link_reports
from luoshi.link.render import links_json
from luoshi.model import Commitment, Extraction, ReportMeta, Section, Sentence

OLD = ("二、2020年主要任务\n"
       "加快门城水厂建设，是保障城区供水的一件大事。发展社区商业。"
       "我们愿意同各国加强文化交流。\n")
NEW = ("一、过去一年工作回顾\n门城水厂主体完工。双大路二期通车。新增城镇就业14万人。完成老旧小区改造120个。\n"
       "二、2021年主要任务\n加强文化交流。\n")


def _old() -> Extraction:
    def sent(text: str, role: str) -> Sentence:
        a = OLD.index(text)
        return Sentence(a, a + len(text), "s1", "plan", role=role)

    a = OLD.index("发展社区商业")
    row = Commitment("c0", "发展社区商业", None, None, "process", None, None, [], [], [], a, a + 6, None)
    sentences = [sent("加快门城水厂建设，是保障城区供水的一件大事。", "context"),
                 sent("发展社区商业。", "task"), sent("我们愿意同各国加强文化交流。", "context")]
    sections = [Section("s1", None, 1, "二、2020年主要任务", "plan", 0, len(OLD))]
    return Extraction(ReportMeta(year=2020), sections, [], [row], sentences)


def _new() -> Extraction:
    a = NEW.index("二、")
    return Extraction(ReportMeta(year=2021), [Section("r", None, 1, "一、过去一年工作回顾", "review", 0, a),
                                               Section("p", None, 1, "二、2021年主要任务", "plan", a, len(NEW))], [], [])


def test_context_a_plan_sentence_without_a_row_is_judged_on_its_own_wording():
    links = link_reports(_old(), OLD, _new(), NEW, themes=True)
    context = {link.source_text: link for link in links if link.source_kind == "context"}
    water = context["加快门城水厂建设，是保障城区供水的一件大事。"]
    assert water.status == "fulfilled" and water.evidence[0].text == "门城水厂主体完工"
    assert OLD[water.source_start : water.source_end] == water.source_text
    assert water.reason.startswith("语境句")
    # said again only in the new plan: no evidence of what was done
    exchange = context["我们愿意同各国加强文化交流。"]
    assert exchange.status == "no_evidence" and not exchange.evidence
    # the task row keeps its own link; the public json lists context verdicts apart
    out = links_json(links)
    assert [link["source_text"] for link in out["links"]] == ["发展社区商业"]
    assert {link["source_kind"] for link in out["context"]} == {"context"}


def test_context_only_with_themes_and_never_over_a_row():
    plain = link_reports(_old(), OLD, _new(), NEW)
    assert all(link.source_kind != "context" for link in plain) and "context" not in links_json(plain)
    links = link_reports(_old(), OLD, _new(), NEW, themes=True)
    rows = [(l.source_start, l.source_end) for l in links if l.source_kind == "commitment"]
    for link in links:
        if link.source_kind == "context":
            assert not any(min(e, link.source_end) > max(s, link.source_start) for s, e in rows)


def test_context_abstains_below_its_own_point(monkeypatch):
    from luoshi.link import context

    monkeypatch.setattr(context, "ABSTAIN", 1.0)  # nothing is sure enough: every context verdict abstains
    links = [l for l in link_reports(_old(), OLD, _new(), NEW, themes=True) if l.source_kind == "context"]
    assert links and all(l.status == "no_evidence" and not l.evidence for l in links)
    assert any("证据不足" in l.reason and "门城水厂主体完工" in l.reason for l in links)
