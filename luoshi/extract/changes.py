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
# A rate noun before 为/达 keeps its direction: 增速为6% is a rise.
_RATE_NOUN = re.compile(r"(?:增速|增幅|增长率|涨幅|增长速度)$|(?P<down>降幅|下降率)$")


def change_of(window: str) -> Change:
    """The change a number states, given the clause text just before it."""
    last = None
    for last in _VERB.finditer(window):
        pass
    if last is None:
        return "level"
    if last.lastgroup == "lev":
        rate = _RATE_NOUN.search(window, 0, last.start())
        if rate and last.group(0) in ("为", "达", "达到", "是"):
            return "decrease" if rate.group("down") else "increase"
        return "level"
    if _TO_AFTER.match(window, last.end()) and last.group(0) not in ("增速", "增幅", "涨幅", "降幅"):
        return "level"
    return "increase" if last.lastgroup == "inc" else "decrease"
