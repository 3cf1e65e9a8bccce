"""How firmly a commitment is worded: binding > firm > process > exploratory.

Cues and their levels live in ``rules/zh/strength.yaml``.
"""

from __future__ import annotations

import re

from luoshi.model import Strength
from luoshi.rules import load

LEVELS: tuple[Strength, ...] = ("binding", "firm", "process", "exploratory")
_R = load("strength")
DEFAULT: Strength = _R["default"]
_CUES: list[tuple[Strength, re.Pattern[str]]] = sorted(
    ((c["level"], re.compile(c["pattern"])) for c in _R["cues"]), key=lambda c: LEVELS.index(c[0])
)
_VERB_LEVEL: dict[str, Strength] = {w: level for level, words in _R["verb_levels"].items() for w in words}


def cue_level(text: str) -> Strength | None:
    """The strongest strength cue in ``text``, or None when it has none."""
    for level, pattern in _CUES:
        if pattern.search(text):
            return level
    return None


def strength_of(text: str, first_clause: str, action: str | None) -> Strength:
    """Strength of a commitment: its own cue, else its sentence's opening cue, else its verb's."""
    return cue_level(text) or cue_level(first_clause) or _VERB_LEVEL.get(action or "", DEFAULT)
