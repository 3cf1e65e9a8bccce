"""The leave-one-government-out test of a learned owner prior, on hand-made rows and a fake model."""

from __future__ import annotations

from collections import Counter

import pytest

from eval.tasks import prior_loo as pl


def _row(doc: str, key: str, candidates: list[str], silent: bool = False, level: str = "city") -> pl.Row:
    return pl.Row(doc, pl.government(doc), level, "推进某项工作", key, {"市" + key}, row_text="推进某项工作",
                  candidates=candidates, candidate_keys=[c.removeprefix("市") for c in candidates],
                  units={k: "市" + k for k in ("商务局", "财政局", "发展改革委")}, silent=silent)


def _always(key: str, conf: float) -> pl.Model:
    def model(train: list[pl.Row], test: list[pl.Row]) -> list[pl.Probs]:
        return [{key: conf} for _ in test]

    return model


def test_prior_loo_government_is_the_city_or_one_national_report():
    assert pl.government("wuhan-2023") == pl.government("wuhan-2024") == "wuhan"
    assert pl.government("mentougou-2021-fiveyear") == "mentougou"
    assert pl.government("gwr-2008") != pl.government("gwr-2013")


def test_prior_loo_never_trains_on_the_left_out_government():
    rows = [_row("wuhan-2023", "商务局", ["市商务局"]), _row("wuhan-2024", "商务局", ["市商务局"]),
            _row("xian-2022", "财政局", ["市财政局"])]
    seen: list[tuple[set[str], set[str]]] = []

    def spy(train: list[pl.Row], test: list[pl.Row]) -> list[pl.Probs]:
        seen.append(({r.government for r in train}, {r.government for r in test}))
        return [{} for _ in test]

    pl.predict(rows, spy)
    assert sorted(seen, key=lambda s: sorted(s[1])) == [({"xian"}, {"wuhan"}), ({"wuhan"}, {"xian"})]


def test_prior_loo_reorders_only_when_confident():
    rows = [_row("a-1", "商务局", ["市发展改革委", "市商务局"]), _row("b-1", "商务局", ["市发展改革委", "市商务局"])]
    plan = pl.Plan("reorder", 0.5)
    sure = pl.evaluate(rows, pl.predict(rows, _always("商务局", 0.9)), plan)
    unsure = pl.evaluate(rows, pl.predict(rows, _always("商务局", 0.2)), plan)
    assert sure["a-1", "rules"] == 0 and sure["a-1", "with prior"] == 1 and sure["b-1", "with prior"] == 1
    assert unsure["a-1", "with prior"] == 0


def test_prior_loo_fills_only_silent_rows_and_maps_keys_to_the_reports_units():
    rows = [_row("a-1", "商务局", ["市发展改革委"], silent=True), _row("b-1", "财政局", ["市财政局"])]
    s = pl.evaluate(rows, pl.predict(rows, _always("商务局", 0.4)), pl.Plan("silent", 0.3))
    assert (s["a-1", "with prior"], s["b-1", "with prior"]) == (1, 1)  # b: not silent: the rules stay
    unknown = pl.evaluate(rows, pl.predict(rows, _always("海关", 0.99)), pl.Plan("override", 0.5))
    assert unknown["b-1", "with prior"] == 1  # a key the level has no unit for is dropped


def test_prior_loo_blend_weighs_the_rank_against_the_probability():
    row = _row("a-1", "商务局", ["市发展改革委", "市商务局"])
    assert pl.choose(row, {"商务局": 0.8, "发展改革委": 0.1}, pl.Plan("blend", 0.5)) == "市商务局"
    assert pl.choose(row, {"商务局": 0.3, "发展改革委": 0.1}, pl.Plan("blend", 0.5)) == "市发展改革委"
    with pytest.raises(ValueError):
        pl.choose(row, {"商务局": 0.3}, pl.Plan("sideways", 0.5))


def test_prior_loo_decision_rule_needs_total_city_gain_and_no_big_loser():
    def score(per: dict[str, tuple[int, int, int]]) -> Counter[tuple[str, str]]:
        return Counter({(d, k): v for d, t in per.items() for k, v in zip(("rows", "rules", "with prior"), t)})

    good = pl.verdict(score({"a-1": (100, 80, 83), "gwr-1": (100, 90, 89)}), {"a-1"})
    assert good.passes and good.worst == (-1, "gwr-1")
    assert not pl.verdict(score({"a-1": (100, 80, 90), "b-1": (100, 90, 87)}), {"a-1", "b-1"}).passes  # b loses 3
    assert not pl.verdict(score({"a-1": (100, 80, 80), "gwr-1": (100, 80, 85)}), {"a-1"}).passes  # cities flat
