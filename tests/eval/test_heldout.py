"""The held-out gold (eval/gold/heldout/): exact spans, in sync with its labels, kept apart from dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.anchor import LABELS, gold_path, resolve
from eval.run import GOLD_DIR, HELDOUT_DIR, ROOT, set_docs

HELDOUT_LABELS = sorted(LABELS.glob("heldout-*.txt"))


def test_heldout_gold_holds_exact_spans():
    docs = set_docs("heldout")
    assert {name for name, _ in docs} == {"heldout/gwr-1995", "heldout/gwr-2004", "heldout/gwr-2013"}
    assert sum(len(g.items) for _, g in docs) >= 140
    for name, g in docs:
        text = (ROOT / g.doc).read_text(encoding="utf-8")
        for item in g.items:
            assert text[item.start : item.end] == item.value_text, (name, item.start)
            assert any(s <= item.start < e for s, e in g.regions), (name, item.start)


@pytest.mark.parametrize("label", HELDOUT_LABELS, ids=lambda p: p.stem)
def test_heldout_gold_matches_its_labels(label: Path):
    """The JSONL is generated: rerunning the anchor tool on the labels gives it back unchanged."""
    out = gold_path(label)
    assert out.parent == HELDOUT_DIR
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert rows == resolve(label.read_text(encoding="utf-8"))


def test_sets_keep_dev_and_heldout_apart():
    dev, heldout, both = set_docs("dev"), set_docs("heldout"), set_docs("all")
    dev_docs = {g.doc for _, g in dev}
    assert dev and heldout
    assert not dev_docs & {g.doc for _, g in heldout}  # no document is in both sets
    assert [n for n, _ in both] == [n for n, _ in dev] + [n for n, _ in heldout]
    assert not list(GOLD_DIR.glob("heldout-*.jsonl"))  # no held-out gold leaked into the dev folder
    with pytest.raises(ValueError):
        set_docs("test")


def test_anchor_routes_heldout_labels():
    assert gold_path(LABELS / "gwr-2017.txt") == GOLD_DIR / "gwr-2017.jsonl"
    assert gold_path(LABELS / "heldout-gwr-2013.txt") == HELDOUT_DIR / "gwr-2013.jsonl"


def test_anchor_reads_baifenzhi_as_percent(tmp_path):
    (tmp_path / "d.txt").write_text("工业增加值增长百分之十八。", encoding="utf-8")
    src = "doc: d.txt\nregion: 工业 ~ 十八。\n工业增加值增长|百分之十八|工业增加值|18|%|eq|inc\n"
    _, row = resolve(src, root=tmp_path)
    assert (row["value_text"], row["unit"]) == ("百分之十八", "%")
