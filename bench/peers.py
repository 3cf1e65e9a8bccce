"""Adapters for the libraries a user would otherwise reach for, as (span, value) finders.

Each peer returns ``eval.score.Item``s with an absolute value (74.4万亿元 ->
7.44e13; 6.7% -> 6.7), because that is what the peers resolve to; the gold is
converted the same way (``absolute``) before scoring them. Both are optional:
``pip install -e '.[bench]'`` (Recognizers-Text imports only with ``emoji<2``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from eval.score import Gold, Item

# Magnitude words a unit may start with, longest first (万亿元 before 万元).
_SCALES = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("千", 1e3))
INSTALL_HINT = "not installed (pip install -e '.[bench]')"


@dataclass
class Peer:
    name: str
    find: Callable[[str], list[Item]]  # all value spans in a text
    scan: Callable[[str], object]  # what the speed benchmark times


def absolute(gold: Gold) -> Gold:
    """The gold with values in base units, as peers resolve them (亿元 x 1e8)."""
    items = []
    for it in gold.items:
        scale = next((s for word, s in _SCALES if it.unit and it.unit.startswith(word)), 1.0)
        items.append(Item(start=it.start, end=it.end, value=it.value * scale, unit=it.unit, value_text=it.value_text))
    return Gold(doc=gold.doc, report_year=gold.report_year, regions=gold.regions, items=items)


def _number(s: str | list) -> float | None:
    if isinstance(s, list):
        s = s[0]
    try:
        return float(str(s).rstrip("%").replace(",", ""))
    except ValueError:
        return None


def _longest_first(items: list[Item]) -> list[Item]:
    """Drop a found span that overlaps a longer one (two recognizers on one span)."""
    kept: list[Item] = []
    for it in sorted(items, key=lambda i: (i.start - i.end, i.start)):
        if all(it.end <= k.start or it.start >= k.end for k in kept):
            kept.append(it)
    return sorted(kept, key=lambda i: i.start)


def recognizers() -> Peer | None:
    try:
        from recognizers_number import recognize_percentage
        from recognizers_number_with_unit import recognize_currency, recognize_dimension
        from recognizers_text import Culture
    except ImportError:
        return None
    finders = (recognize_currency, recognize_dimension, recognize_percentage)

    def scan(text: str) -> list:
        return [r for f in finders for r in f(text, Culture.Chinese)]

    def find(text: str) -> list[Item]:
        items = []
        for r in scan(text):
            value = _number((r.resolution or {}).get("value", ""))
            if value is not None:  # Recognizers' end is inclusive
                items.append(Item(start=r.start, end=r.end + 1, value=value, value_text=r.text))
        return _longest_first(items)

    return Peer("Recognizers-Text (zh currency+dimension+percentage)", find, scan)


def jionlp_money() -> Peer | None:
    try:
        import jionlp
    except ImportError:
        return None

    def scan(text: str) -> list:
        return jionlp.ner.extract_money(text, with_parsing=True)

    def find(text: str) -> list[Item]:
        items = []
        for m in scan(text):
            value = _number(m["detail"]["num"])
            if value is not None:
                s, e = m["offset"]
                items.append(Item(start=s, end=e, value=value, value_text=m["text"]))
        return items

    return Peer("JioNLP extract_money", find, scan)


def jionlp_time() -> Peer | None:
    """Speed only: its finds are dates and durations, which are not indicators."""
    try:
        import jionlp
    except ImportError:
        return None
    scan = lambda text: jionlp.ner.extract_time(text, with_parsing=False)  # noqa: E731
    return Peer("JioNLP extract_time", lambda text: [], scan)
