"""What kind of figure an indicator is, so a chart joins only like with like.

A series is one metric, one unit, one direction of change and one kind of figure: an annual
figure, a several-year average (年均), a cumulative total (累计) or a share of a whole (比重).
The cues are data (luoshi/rules/zh/figures.yaml); a multi-year period ("2016-2020") without
an average cue is cumulative.
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi.rules import load

FIGURE_KINDS = ("annual", "average", "cumulative", "share")
_CLAUSE_END = re.compile(r"[，,；;。！？]")


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern]]:
    return [(k["kind"], re.compile(k["pattern"])) for k in load("figures")["kinds"]]


def clause_before(sentence: str, value_text: str) -> str:
    """The sentence's clause that ends at the value: 2021年地区生产总值年均增长5.1%，… -> 2021年地区生产总值年均增长."""
    at = sentence.find(value_text) if value_text else -1
    head = sentence[:at] if at >= 0 else sentence
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    return head[cut:]


def figure_kind(metric: str | None, sentence: str | None, value_text: str | None, period: str | None = None) -> str:
    """One of FIGURE_KINDS for an indicator, from its metric, its clause and its period."""
    context = f"{metric or ''} {clause_before(sentence or '', value_text or '')}"
    for kind, pattern in _rules():
        if pattern.search(context):
            return kind
    if period and re.fullmatch(r"\d{4}-\d{4}", period):
        return "cumulative"  # a span without an average cue sums the years
    return "annual"


def series_key(metric_id: str, unit: str | None, change: str | None, kind: str) -> tuple[str, str | None, str, str]:
    """The identity of a chart series: a point joins a line only if all four agree."""
    return (metric_id, unit, change or "level", kind)
