"""Filters for numbers that are not indicators (rules in ``rules/zh/not_indicators.yaml``):
ordinals, codes and names with digits, numbered slogans, dates, bare numbers.
"""

from __future__ import annotations

import re

from luoshi.extract.numbers import NumberMatch
from luoshi.extract.units import is_measure_word, unit_kind
from luoshi.rules import load

_R = load("not_indicators")
_BEFORE = re.compile("|".join(f"(?:{r['pattern']})" for r in _R["before"]))
_AFTER = re.compile("|".join(f"(?:{r['pattern'].lstrip('^')})" for r in _R["after"]))
_PHRASES = re.compile("|".join(r["pattern"] for r in _R["phrases"]))
_MEASURED_BEFORE = re.compile(_R["measured_before"])
_WINDOW = 6
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


def phrase_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of fixed numbered phrases (三个严禁, 一批, 两山 …) in ``text[start:end]``."""
    return [m.span() for m in _PHRASES.finditer(text, start, end)]


def is_not_indicator(text: str, n: NumberMatch) -> bool:
    """True when the quantity ``n`` in ``text`` is an ordinal, code, slogan or date-like."""
    before = text[max(0, n.start - _WINDOW) : n.start]
    if _BEFORE.search(before[-4:]):
        return True
    if _AFTER.match(text, n.end, n.end + 4):
        return True
    if n.fraction:
        return False
    kind = unit_kind(n.unit)
    if n.chinese and n.value == 1 and (kind in ("measure", "duration", "people") or n.unit is None):
        return True
    if n.unit is None or kind == "duration":
        measured = n.comparator != "eq" or _MEASURED_BEFORE.search(before)
        if not measured:
            return True
        if n.unit is None and (n.chinese or _ASCII_ALNUM.match(text, n.end)):
            return True
    if kind == "duration" and n.unit in ("年",) and n.value >= 1900:
        return True
    return False


def is_slogan_count(text: str, n: NumberMatch) -> bool:
    """A Chinese-numeral count followed by another numeral (两个一百年) is a set phrase."""
    follower = text[n.end : n.end + 1]
    return n.chinese and is_measure_word(n.unit) and bool(follower) and follower in "一二两三四五六七八九十"
