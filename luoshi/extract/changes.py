"""Whether a number is the size of a rise, a fall or a level, from the verb just before
it in its clause (rules in ``rules/zh/changes.yaml``)."""

from __future__ import annotations

import re

from luoshi.extract.units import alternation
from luoshi.model import Change
from luoshi.rules import load

_R = load("changes")
_TO = alternation(_R["to_words"])
_VERB = re.compile(
    f"(?P<inc>{alternation(_R['increase'])})|(?P<dec>{alternation(_R['decrease'])})"
    f"|(?P<lev>{alternation(_R['level'])})"
)
_TO_AFTER = re.compile(f"(?:了)?(?:{_TO})")
_RATE_LEVEL = re.compile(_R["rate_level"])
_COMPARED = re.compile(_R["compared"])
_GAP_BREAK = re.compile(alternation(_R["gap_breakers"]))
_RATE_WORDS = ("增速", "增幅", "涨幅", "降幅")


def change_of(window: str) -> Change:
    """The change a number states, given the clause text just before it."""
    window = window.rstrip()
    for special in (_RATE_LEVEL, _COMPARED):
        m = special.search(window)
        if m:
            return "increase" if m.group("inc") else "decrease"
    last = None
    for m in _VERB.finditer(window):
        if not window.startswith("的", m.end()):  # 经济增长的贡献率: a noun, not the verb
            last = m
    if last is None or last.lastgroup == "lev":
        return "level"
    if _TO_AFTER.match(window, last.end()) and last.group(0) not in _RATE_WORDS:
        return "level"
    if _GAP_BREAK.search(window, last.end()):
        return "level"
    return "increase" if last.lastgroup == "inc" else "decrease"
