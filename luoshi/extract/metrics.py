"""The metric of a number: the subject phrase before it (地区生产总值增长6% -> 地区生产总值)
or, for a count, the noun after its measure word (新建3所学校 -> 学校). Vocabulary in
``rules/zh/metrics.yaml``.
"""

from __future__ import annotations

import re

from luoshi.extract.units import alternation
from luoshi.rules import load

_R = load("metrics")
_LEADING = re.compile(f"^(?:{alternation(_R['leading'])})+")
_TRAILING = re.compile(f"(?:{alternation(_R['trailing'])})+$")
_CUT = re.compile("|".join(f"(?:{p})" for p in _R["cut"]))
_AFTER_STOP = re.compile(alternation(_R["after_stop"]))
_NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.]+")
_EDGE_JUNK = re.compile(r"^[\s\"“”'‘’()、的]+|[\s\"“”'‘’(、的]+$")
MAX_LEN: int = _R["max_len"]


def _clean(phrase: str) -> str | None:
    phrase = _EDGE_JUNK.sub("", phrase)
    for _ in range(3):  # strip words that uncover more words (预计全区完成 …)
        stripped = _TRAILING.sub("", _LEADING.sub("", phrase))
        stripped = _EDGE_JUNK.sub("", stripped)
        if stripped == phrase:
            break
        phrase = stripped
    if len(phrase) > MAX_LEN:  # keep the head noun's end: the part after the last 的
        tail = phrase.rsplit("的", 1)[-1]
        phrase = tail if 2 <= len(tail) <= MAX_LEN else phrase[-MAX_LEN:]
    return phrase if len(phrase) >= 2 else None


def metric_before(phrase: str) -> str | None:
    """Subject phrase of the text between the clause start and the number (periods removed)."""
    phrase = _EDGE_JUNK.sub("", _LEADING.sub("", _EDGE_JUNK.sub("", phrase)))
    cut = _CUT.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    head, sep, last = phrase.rpartition("、")  # A、B均100%: the nearest item
    if sep and len(_LEADING.sub("", last)) >= 2:
        phrase = last
    return _clean(phrase)


def metric_after(text: str, pos: int, limit: int = 12) -> str | None:
    """The counted noun right after a measure word at ``pos`` (11个工区全部开工 -> 工区)."""
    m = _NOUN.match(text, pos, pos + limit)
    if not m:
        return None
    noun = m.group(0)
    stop = _AFTER_STOP.search(noun)
    if stop:
        noun = noun[: stop.start()]
    return noun if noun and not noun[0].isdigit() else None
