"""The cause of a wrong link verdict, as ``eval.links.causes`` names it."""

from eval.links.causes import cause, side_by_side
from eval.links.run import Gold
from luoshi.model import Evidence, Link

REVIEW = [(0, 100)]


def _gold(status: str, evidence: list[tuple[int, int]], accept: tuple[str, ...] | None = None) -> Gold:
    return Gold("commitment", 0, 10, "推进全民健身", status, evidence, None, accept or (status,))


def _link(status: str, spans: list[tuple[int, int]] = (), kind: str = "commitment") -> Link:
    ev = [Evidence("new", "x" * (e - s), s, e, None, 0.8, "review", "2020") for s, e in spans]
    return Link("c0", kind, "推进全民健身", 0, 10, status, 0.8, "test", ev)


def test_causes_a_right_verdict_has_none():
    assert cause(_gold("fulfilled", [(10, 20)]), _link("fulfilled", [(12, 18)]), REVIEW) is None
    assert cause(_gold("no_evidence", []), _link("no_evidence"), REVIEW) is None


def test_causes_name_what_went_wrong():
    assert cause(_gold("fulfilled", [(10, 20)]), None, REVIEW) == "no row"
    assert cause(_gold("fulfilled", [(10, 20)]), _link("no_evidence", [], "theme"), REVIEW) == "theme"
    assert cause(_gold("fulfilled", [(10, 20)]), _link("no_evidence"), REVIEW) == "not found"
    assert cause(_gold("fulfilled", [(10, 20)]), _link("no_evidence", [(12, 18)]), REVIEW) == "abstained"
    assert cause(_gold("fulfilled", [(150, 160)]), _link("no_evidence"), REVIEW) == "outside review"
    assert cause(_gold("no_evidence", []), _link("fulfilled", [(30, 40)]), REVIEW) == "false match"
    assert cause(_gold("fulfilled", [(10, 20)]), _link("fulfilled", [(30, 40), (12, 18)]), REVIEW) == "ranked below"
    assert cause(_gold("fulfilled", [(10, 20)]), _link("fulfilled", [(30, 40)]), REVIEW) == "wrong evidence"
    assert cause(_gold("partial", [(10, 20)]), _link("fulfilled", [(12, 18)]), REVIEW) == "status"


def test_causes_show_the_gold_lines_of_evidence_that_lost():
    text = "甲" * 10 + "全民健身中心建成开放" + "乙" * 10
    gold = _gold("fulfilled", [(10, 20)])
    assert side_by_side("not found", gold, _link("no_evidence"), text) == ["      gold: 全民健身中心建成开放"]
    shown = side_by_side("wrong evidence", gold, _link("fulfilled", [(20, 22)]), text)
    assert shown == ["      gold: 全民健身中心建成开放", "      got:  xx"]
    assert side_by_side("status", gold, _link("partial", [(10, 20)]), text) == []
