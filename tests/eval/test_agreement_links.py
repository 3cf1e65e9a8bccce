"""The second link labelling loads, holds the first labelling's items, and the agreement script runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eval.agreement import compare_links

FIGURES = ("status_exact", "kappa", "b_in_a", "a_in_b", "evidence_b_on_a", "evidence_a_on_b", "evidence_any",
           "evidence_jaccard")


@pytest.mark.parametrize("name", sorted(compare_links.PAIRS))
def test_same_items_and_figures_in_range(name):
    a, b = (compare_links.load(p) for p in compare_links.PAIRS[name])
    tasks = [[it["source"] for it in d["items"] if "indicator" not in it] for d in (a, b)]
    assert tasks[0] == tasks[1] and len(tasks[0]) >= 45
    res = compare_links.compare(name)  # raises if an evidence snippet is not in the review
    assert res["tasks"] == len(tasks[0])
    for key in FIGURES:
        assert 0.0 <= res[key] <= 1.0, key
    assert sum(res["confusion"].values()) == res["tasks"]


@pytest.mark.parametrize("name", sorted(compare_links.PAIRS))
def test_b_evidence_is_verbatim_in_the_review(name):
    _, b = (compare_links.load(p) for p in compare_links.PAIRS[name])
    text = (compare_links.ROOT / b["new"]).read_text(encoding="utf-8")
    review = text[text.index(b["review"]["start"]) : text.index(b["review"]["end"])]
    for it in b["items"]:
        assert it["status"] in compare_links.accept(it)
        for snippet in it.get("evidence") or []:
            assert snippet in review, snippet


def test_kappa():
    assert compare_links.kappa([("a", "a"), ("b", "b")]) == 1.0
    assert compare_links.kappa([("a", "b"), ("b", "a")]) == -1.0


def test_script_runs():
    out = subprocess.run([sys.executable, "-m", "eval.agreement.compare_links", "--json"], cwd=compare_links.ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out.count("\n") == len(compare_links.PAIRS)
