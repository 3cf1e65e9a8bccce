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
