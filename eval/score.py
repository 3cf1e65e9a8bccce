"""Score predicted indicators against hand-labelled gold (docs/indicators.md, "Scoring").

A prediction matches a gold indicator when the spans overlap and the values are
equal; pairs are taken greedily, largest overlap first, one-to-one. Precision only
counts predictions inside the labelled regions of a document. Attribute accuracy
is measured over matched pairs, so it says how well fields are coded, not found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

ATTRIBUTES = ("metric", "unit", "kind", "comparator", "change", "period", "base_period")


@dataclass
class Item:
    """One indicator, gold or predicted; only start, end and value are required."""

    start: int
    end: int
    value: float
    value_text: str = ""
    value_high: float | None = None
    metric: str | None = None
    unit: str | None = None
    comparator: str | None = None
    change: str | None = None
    kind: str | None = None
    period: str | None = None
    base_period: str | None = None

    @classmethod
    def from_obj(cls, obj: Any) -> "Item":
        """From a dict (gold JSONL line, JSON output) or a ``luoshi.model.Indicator``."""
        get = obj.get if isinstance(obj, dict) else lambda k, d=None: getattr(obj, k, d)
        names = ("value_text", "value_high", "metric", "unit", "comparator", "change", "kind", "period", "base_period")
        kw = {k: get(k) for k in names}
        kw["value_text"] = kw["value_text"] or ""
        return cls(start=int(get("start")), end=int(get("end")), value=float(get("value")), **kw)


@dataclass
class Gold:
    doc: str
    report_year: int | None
    regions: list[tuple[int, int]]
    items: list[Item]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attr_ok: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ATTRIBUTES})
    errors: list[tuple[str, Item | None, Item | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attr: str) -> float:
        return self.attr_ok[attr] / self.tp if self.tp else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for a in ATTRIBUTES:
            self.attr_ok[a] += other.attr_ok[a]
        self.errors.extend(other.errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "attributes": {a: round(self.accuracy(a), 4) for a in ATTRIBUTES},
        }


def values_equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def fold(s: str | None) -> str | None:
    """Full-width to ASCII, so ``％`` and ``%``, ``（`` and ``(`` compare equal."""
    return s.translate(_FOLD).strip() if s is not None else None


def metric_ok(gold: str | None, pred: str | None) -> bool:
    """Equal after trimming, or one contains the other and the shorter has ≥ 2 characters."""
    g, p = fold(gold) or "", fold(pred) or ""
    if g == p:
        return True
    if not g or not p:
        return False
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return len(short) >= 2 and short in long_


def attribute_ok(attr: str, gold: Item, pred: Item) -> bool:
    if attr == "metric":
        return metric_ok(gold.metric, pred.metric)
    if attr == "unit":
        return fold(gold.unit) == fold(pred.unit)
    return getattr(gold, attr) == getattr(pred, attr)


def in_regions(item: Item, regions: Iterable[tuple[int, int]]) -> bool:
    return any(s <= item.start < e for s, e in regions)


def match(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, pred index): largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and values_equal(g.value, p.value):
                candidates.append((-overlap, abs(g.start - p.start), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(gold: Gold, predicted: Iterable[Any]) -> Score:
    """Score predictions (Items, dicts or Indicators) against one gold document."""
    pred = [p if isinstance(p, Item) else Item.from_obj(p) for p in predicted]
    pred = [p for p in pred if in_regions(p, gold.regions)]
    pairs = match(gold.items, pred)
    result = Score(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold.items) - len(pairs))
    for gi, pi in pairs:
        g, p = gold.items[gi], pred[pi]
        wrong = [a for a in ATTRIBUTES if not attribute_ok(a, g, p)]
        for a in ATTRIBUTES:
            result.attr_ok[a] += a not in wrong
        if wrong:
            result.errors.append(("attr:" + ",".join(wrong), g, p))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    result.errors.extend(("FN", g, None) for i, g in enumerate(gold.items) if i not in matched_g)
    result.errors.extend(("FP", None, p) for i, p in enumerate(pred) if i not in matched_p)
    return result


def load_gold(path: str | Path) -> Gold:
    """Read one gold JSONL: a header line, then one indicator per line."""
    lines = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
    head, rows = lines[0], lines[1:]
    return Gold(
        doc=head["doc"],
        report_year=head.get("report_year"),
        regions=[(int(s), int(e)) for s, e in head["regions"]],
        items=[Item.from_obj(r) for r in rows],
    )
