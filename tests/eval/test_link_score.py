"""The link scorer's conventions: a gold task with no row is scored on its theme's rolled-up verdict,
a sentence read as the other kind on that verdict; ``strict`` scores as rounds 1–7 did (missing)."""

from eval.links.run import Gold, score
from luoshi.model import Link


def _link(kind: str, start: int, end: int, status: str) -> Link:
    return Link(source_id=f"{kind}-{start}", source_kind=kind, source_text="x" * (end - start), source_start=start,
                source_end=end, status=status, confidence=0.9, reason="test")


def test_a_theme_verdict_stands_for_a_gold_task_with_no_row_unless_strict():
    golds = [Gold("commitment", 0, 10, "二是持续推动消费升级", "no_evidence", [], None, ("no_evidence",))]
    themes = [_link("theme", 0, 10, "no_evidence")]
    assert score(golds, themes, False, "t", themes=themes)[:2] == (1, 1)
    assert score(golds, themes, False, "t", themes=themes, strict=True)[:2] == (0, 0)


def test_a_sentence_read_as_the_other_kind_is_scored_on_that_verdict_unless_strict():
    golds = [Gold("commitment", 0, 12, "新增城镇就业900万人", "no_evidence", [], None, ("no_evidence",))]
    links = [_link("indicator", 0, 12, "no_evidence")]
    assert score(golds, links, False, "t")[:2] == (1, 1)
    assert score(golds, links, False, "t", strict=True)[:2] == (0, 0)


def test_a_gold_clause_is_scored_on_the_engine_clause_that_overlaps_it_most():
    from dataclasses import replace

    from luoshi.model import ClauseVerdict, Evidence

    done = Evidence("new", "档案馆新馆建成投用", 100, 109, None, 1.0)
    clauses = [ClauseVerdict(0, 7, "建成档案馆新馆", "fulfilled", 0.9, "", [done]),
               ClauseVerdict(8, 20, "推进西山森林公园步道改造", "no_evidence", 0.8, "", [])]
    row = replace(_link("commitment", 0, 20, "partial"), evidence=[done], clauses=clauses, confidence=0.8)
    second = Gold("commitment", 8, 20, "推进西山森林公园步道改造", "no_evidence", [], None, ("no_evidence",))
    first = Gold("commitment", 0, 7, "建成档案馆新馆", "fulfilled", [(100, 109)], None, ("fulfilled",))
    records: list = []
    assert score([second, first], [row], False, "t", records)[:2] == (2, 2)
    assert records == [(0.8, True), (0.9, True)]  # each clause's own confidence
    # a row without clause verdicts is scored whole, as before
    assert score([second], [replace(row, clauses=[])], False, "t")[:2] == (0, 0)
