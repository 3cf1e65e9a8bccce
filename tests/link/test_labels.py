"""The hand-labelled link sets resolve against their texts and use the codebook's statuses."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LINKS = ROOT / "eval" / "links"
sys.path.insert(0, str(LINKS))

from anchor import resolve  # noqa: E402

STATUSES = {"fulfilled", "partial", "not_fulfilled", "no_evidence"}


def _pairs():
    for path in sorted(LINKS.glob("*.yaml")):
        cfg = yaml.safe_load(path.read_text(encoding="utf-8"))
        for n, pair in enumerate(cfg.get("pairs") or [cfg]):
            yield pytest.param(pair, id=f"{path.stem}-{n}")


@pytest.mark.parametrize("pair", list(_pairs()))
def test_labels_resolve(pair: dict) -> None:
    old = (ROOT / pair["old"]).read_text(encoding="utf-8")
    new = (ROOT / pair["new"]).read_text(encoding="utf-8")
    assert not old.startswith("---") and not new.startswith("---"), "texts are stored without front matter"
    for item in pair["items"]:
        resolve(old, item["source"], item.get("after"))
        for snippet in item["evidence"]:
            resolve(new, snippet)
        accept = item.get("accept") or [item["status"]]
        assert item["status"] in accept and set(accept) <= STATUSES, item["source"]
        if item["status"] != "no_evidence":
            assert item["evidence"], f"a {item['status']} label needs evidence: {item['source']}"


def test_new_sets_are_large_enough() -> None:
    for name in ("beijing-2019-2020", "beijing-2020-2021", "guangzhou-2019-2020", "national-2011-2012"):
        cfg = yaml.safe_load((LINKS / f"{name}.yaml").read_text(encoding="utf-8"))
        assert len(cfg["items"]) >= 40 and cfg.get("split") == "alternate", name


@pytest.mark.parametrize("pair", list(_pairs()))
def test_labels_task_evidence_comes_from_the_review(pair: dict) -> None:
    """The codebook: a task's evidence is what the newer report says was done, never its plan or goals.

    (A target's figure may be quoted from the plan's opening: 赤字率从去年的2.1%….)
    """
    from luoshi.link.parts import fallback_parts

    new = (ROOT / pair["new"]).read_text(encoding="utf-8")
    part_at = fallback_parts(new)
    for item in pair["items"]:
        if "indicator" in item:
            continue
        for snippet in item["evidence"]:
            start, _ = resolve(new, snippet)
            assert part_at(start) not in ("plan", "goals"), (item["source"], snippet)
