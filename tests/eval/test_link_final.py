"""The final link set (eval/links/final/): it loads, every snippet resolves, and no tuning run sees it.

These tests only read the labels; they never run the linker on the final pairs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LINKS = ROOT / "eval" / "links"
FINAL = LINKS / "final"
sys.path.insert(0, str(LINKS))
sys.path.insert(0, str(FINAL))

from anchor import resolve  # noqa: E402
from sample import PAIRS, task_sentences  # noqa: E402

STATUSES = {"fulfilled", "partial", "not_fulfilled", "no_evidence"}
EXPECTED = {"national-2014-2015", "chengdu-2021-2022"}


def _load(name: str) -> dict:
    return yaml.safe_load((FINAL / f"{name}.yaml").read_text(encoding="utf-8"))


def test_final_folder_holds_the_expected_pairs() -> None:
    assert {p.stem for p in FINAL.glob("*.yaml")} == EXPECTED
    assert set(PAIRS) >= EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_final_labels_resolve(name: str) -> None:
    pair = _load(name)
    old = (ROOT / pair["old"]).read_text(encoding="utf-8")
    new = (ROOT / pair["new"]).read_text(encoding="utf-8")
    assert not old.startswith("---") and not new.startswith("---"), "texts are stored without front matter"
    review = (new.index(pair["review"]["start"]), new.index(pair["review"]["end"]))
    for item in pair["items"]:
        resolve(old, item["source"], item.get("after"))
        for snippet in item["evidence"]:
            s, e = resolve(new, snippet)
            assert review[0] <= s and e <= review[1], f"evidence outside the review: {snippet}"
        accept = item.get("accept") or [item["status"]]
        assert item["status"] == accept[0] and set(accept) <= STATUSES, item["source"]
        if item["status"] != "no_evidence":
            assert item["evidence"], f"a {item['status']} label needs evidence: {item['source']}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_final_tasks_are_the_mechanical_sample(name: str) -> None:
    """Each task is the sampled sentence at its position n (every k-th from the offset); ≥ 45 tasks, 3–6 targets."""
    pair = _load(name)
    _, _, _, k, offset = PAIRS[name]
    sentences = task_sentences(name)
    tasks = [it for it in pair["items"] if "indicator" not in it]
    targets = [it for it in pair["items"] if "indicator" in it]
    assert len(tasks) >= 45 and 3 <= len(targets) <= 6
    positions = [it["n"] for it in tasks]
    assert positions == sorted(set(positions))
    for it in tasks:
        assert (it["n"] - offset) % k == 0 and sentences[it["n"]] == it["source"], it["n"]
    for it in targets:
        ind = it["indicator"]
        assert {"metric", "value", "unit", "comparator", "change"} <= set(ind), it["source"]
        float(ind["value"])


def test_tuning_runs_never_read_the_final_set() -> None:
    from eval.links.run import FINAL_DIR, set_files

    dev = set_files("dev")
    assert dev and all(p.parent == LINKS for p in dev)
    assert {p.parent for p in set_files("final")} == {FINAL_DIR}
    assert {p.stem for p in set_files("final")} == EXPECTED
