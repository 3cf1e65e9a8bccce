"""Units and measure words from ``rules/zh/units.yaml``, as one longest-first regex.

A unit is written with an optional magnitude (万, 亿 …) kept in it, and may be a ratio
of two units (吨标煤/万元, 微克/立方米). ``unit_kind`` tells what the base unit counts.
"""

from __future__ import annotations

import re

from luoshi.rules import load


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (so 万吨标准煤 beats 万吨)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_R = load("units")
MAGNITUDES: list[str] = _R["magnitudes"]
_KIND: dict[str, str] = {u: g["kind"] for g in _R["groups"] for u in g["units"]}
BASE_UNITS: list[str] = list(_KIND)

MAG_RE = f"(?:{alternation(MAGNITUDES)})"
_NOT_FOLLOWED: dict[str, list[str]] = _R["not_followed_by"]


def _unit_alt(units: list[str]) -> str:
    """Longest-first alternation where a unit that starts a word (人 in 人口) does not match."""
    parts = []
    for u in sorted(set(units), key=len, reverse=True):
        stop = _NOT_FOLLOWED.get(u)
        parts.append(re.escape(u) + (f"(?!{alternation(stop)})" if stop else ""))
    return "|".join(parts)


BASE_RE = f"(?:{_unit_alt(BASE_UNITS)})"
# The unit part after a number (the magnitude is matched separately, before 多/余).
UNIT_RE = f"(?:{BASE_RE}(?:/{MAG_RE}?{BASE_RE})?)"
MORE_RE = f"(?:{alternation(_R['more'])})"
CHENG_WORD = re.compile(f"(?:{alternation(_R['cheng_words'])})")

_MAG_STRIP = re.compile(f"^{MAG_RE}")


def unit_kind(unit: str | None) -> str | None:
    """percent | money | area | length | people | measure | energy | multiple | duration | age."""
    if not unit:
        return None
    base = unit.split("/", 1)[0]
    if base in _KIND:
        return _KIND[base]
    stripped = _MAG_STRIP.sub("", base)
    return _KIND.get(stripped, _KIND.get(base[1:]) if base[1:] in _KIND else None)


def is_measure_word(unit: str | None) -> bool:
    return unit_kind(unit) == "measure"
