"""The leave-one-report-out test of a learned owner prior, on hand-made rows and a fake model."""

from __future__ import annotations

from eval.tasks.prior_loo import Row, evaluate


def _row(doc: str, key: str, candidates: list[str], silent: bool = False) -> Row:
    return Row(doc, "city", "推进某项工作", {"市" + key}, key, candidates, silent)


def _always(key: str, conf: float):
    def model(train, test):
        assert all(r.doc != test[0].doc for r in train)  # never trained on the report it scores
        return [(key, conf, {key: conf}) for _ in test]

    return model


def test_prior_loo_reorders_only_when_confident():
    rows = [_row("a", "商务局", ["市发展改革委", "市商务局"]), _row("b", "商务局", ["市发展改革委", "市商务局"])]
    sure = evaluate(rows, _always("商务局", 0.9), silent_at=9, reorder_at=0.5, override_at=9)
    unsure = evaluate(rows, _always("商务局", 0.2), silent_at=9, reorder_at=0.5, override_at=9)
    assert sure["a", "rules"] == 0 and sure["a", "with prior"] == 1 and sure["b", "with prior"] == 1
    assert unsure["a", "with prior"] == 0


def test_prior_loo_fills_silent_rows_and_scores_the_prior_alone():
    rows = [_row("a", "商务局", ["市发展改革委"], silent=True), _row("b", "财政局", ["市财政局"])]
    s = evaluate(rows, _always("商务局", 0.4), silent_at=0.3, reorder_at=9, override_at=9)
    assert (s["a", "with prior"], s["b", "with prior"]) == (1, 1)  # b: not silent, one candidate: the rules stay
    assert (s["a", "prior alone"], s["b", "prior alone"]) == (1, 0)
