"""Confidence is a probability: the reliability table, and abstention below the break-even point."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from luoshi.link import calibration, link_reports
from tests.link.helpers import extraction, link_one

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "links"))

import run as scorer  # noqa: E402


def test_calibration_reliability_table_bins_confidence_against_outcomes():
    records = [(0.55, True), (0.55, False), (0.72, True), (0.78, True), (0.78, False), (0.95, True)]
    rows = scorer.reliability(records)
    assert [(lo, n) for lo, _, n, _, _ in rows] == [(0.5, 2), (0.7, 3), (0.9, 1)]
    lo, hi, n, mean, right = rows[1]
    assert hi == pytest.approx(0.8) and mean == pytest.approx(0.76) and right == pytest.approx(2 / 3)
    assert scorer.expected_calibration_error(records) == pytest.approx((2 * 0.05 + 3 * abs(0.76 - 2 / 3) + 1 * 0.05) / 6)
    a, b = scorer.fit_platt([(0.9, True)] * 6 + [(0.9, False)] * 4)  # says 0.9, right 60%: scaled down
    import math
    assert 1 / (1 + math.exp(-(a * math.log(9) + b))) == pytest.approx(0.6, abs=0.02)


def test_calibration_confidence_rises_with_evidence_and_abstains_below_half():
    low = calibration.confidence("fulfilled", "mention", 0.36, 0.2, "process")
    high = calibration.confidence("fulfilled", "done_strong", 0.9, 2.0, "result")
    assert 0 < low < calibration.ABSTAIN < high <= 1
    new = "一、过去一年工作回顾\n门城水厂建成通水。区域发展取得新成效。\n"
    for pledge in ("完成门城水厂建设", "推进区域协调发展"):
        old = pledge + "。"
        link = link_one(pledge, new, 2020, 2021, old=old)
        assert link.status == "no_evidence" or link.confidence >= calibration.ABSTAIN


def test_calibration_on_a_labelled_pair_is_close_to_the_outcomes():
    """On the Mentougou pair the stated confidence and the share of right verdicts stay close."""
    records: list[tuple[float, bool]] = []
    import yaml

    cfg = yaml.safe_load((ROOT / "eval" / "links" / "mentougou-2020-2021.yaml").read_text(encoding="utf-8"))
    old_text = (ROOT / cfg["old"]).read_text(encoding="utf-8")
    new_text = (ROOT / cfg["new"]).read_text(encoding="utf-8")
    golds = scorer.load_pair(old_text, new_text, cfg["items"])
    old = scorer.oracle(golds, 2020)
    links = link_reports(old, old_text, extraction(2022), new_text)
    scorer.score(golds, links, False, "mentougou", records)
    assert len(records) == len(golds)
    assert scorer.expected_calibration_error(records) < 0.2
