"""Deadline phrases in a commitment (年内, 6月底前, 到2025年, “十四五”末 …).

The phrases are found with ``rules/zh/deadlines.yaml``; turning a phrase into a
period ("2022", "2022-06", "2025") is ``periods.find_periods``' job. A phrase
that is a comparison base (比2016年) or lies before the plan year is no deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.extract.periods import find_periods
from luoshi.rules import load

_R = load("deadlines")
_PHRASE = re.compile("|".join(f"(?:{p['pattern']})" for p in _R["patterns"]))
_BASE_BEFORE = re.compile(rf"(?:{_R['base_before']})$")
_BASE_AFTER = re.compile(rf"(?:{_R['base_after']})")
_YEAR = re.compile(r"\d{4}")


@dataclass
class Deadline:
    text: str  # as written
    period: str | None  # normalized, None when it cannot be resolved
    start: int  # offsets into the searched text
    end: int


def resolve(phrase: str, report_year: int | None) -> str | None:
    """Period of a whole phrase: the last (most specific) of its parts, 今年下半年 ->
    its 下半年; None unless the parts cover the phrase (三年内 is not 年内)."""
    parts = find_periods(phrase, report_year)
    covered = sum(p.end - p.start for p in parts)
    if not parts or covered < len(phrase.lstrip("到至在于")):
        return None
    return parts[-1].period


def _is_past(period: str | None, report_year: int | None) -> bool:
    years = _YEAR.findall(period or "")
    return bool(years and report_year and max(int(y) for y in years) < report_year)


def find_deadlines(text: str, report_year: int | None) -> list[Deadline]:
    """Deadline phrases in ``text`` (normalized), in order."""
    out: list[Deadline] = []
    for m in _PHRASE.finditer(text):
        if _BASE_BEFORE.search(text, max(0, m.start() - 2), m.start()) or _BASE_AFTER.match(text, m.end()):
            continue
        period = resolve(m.group(), report_year)
        if not _is_past(period, report_year):
            out.append(Deadline(m.group(), period, m.start(), m.end()))
    return out


def first_deadline(text: str, report_year: int | None) -> Deadline | None:
    found = find_deadlines(text, report_year)
    return found[0] if found else None
