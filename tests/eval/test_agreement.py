"""The second task labelling loads, covers the first labelling's sentences, and the agreement script runs."""

from __future__ import annotations

import pytest

from eval.agreement import build_b, compare

ROLE_FIGURES = ("role_exact", "role_kappa", "task_kappa", "lead_b_in_a", "lead_a_in_b", "lead_overlap",
                "deadline_equal")
SCORE_FIGURES = ("task_recall", "cleanliness", "lead", "deadline", "role")


@pytest.mark.parametrize("name", sorted(compare.PAIRS))
def test_same_sentences_and_figures_in_range(name):
    _, a, b = compare.load(name)
    assert [r["sentence"] for r in a] == [r["sentence"] for r in b] and len(a) > 100
    res = compare.compare(name)
    for key in ROLE_FIGURES:
        assert 0.0 <= res[key] <= 1.0, key
    for side in ("b_on_a", "a_on_b"):
        for key in SCORE_FIGURES:
            assert 0.0 <= res[side][key] <= 1.0, (side, key)
    assert sum(n for row in res["confusion"].values() for n in row.values()) == res["sentences"]
    assert res["a_on_b"]["tasks"] == res["roles_b"]["task"] and res["b_on_a"]["tasks"] == res["roles_a"]["task"]


@pytest.mark.parametrize("name", sorted(compare.PAIRS))
def test_b_is_what_its_label_file_builds_and_valid(name, tmp_path):
    label = compare.ROOT / compare.PAIRS[name][2].replace(".jsonl", ".txt")
    copy = tmp_path / label.name
    copy.write_text(label.read_text(encoding="utf-8"), encoding="utf-8")
    out, errors = build_b.build_one(copy)
    assert errors == []
    assert out.read_text(encoding="utf-8") == (compare.ROOT / compare.PAIRS[name][2]).read_text(encoding="utf-8")


def test_script_runs(capsys):
    assert compare.main([]) == 0
    assert "roles equal" in capsys.readouterr().out


def test_kappa():
    assert compare.kappa([("a", "a"), ("b", "b")]) == 1.0
    assert compare.kappa([("a", "b"), ("b", "a")]) == -1.0
    assert compare.kappa([("a", "a"), ("a", "a")]) == 1.0
