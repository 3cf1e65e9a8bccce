"""Quantities in normalized text: a number (Arabic or Chinese), magnitude, unit, range
and comparator words, found by one compiled regex and read with light per-match work.

Works on ``MappedText.text`` (full-width already folded), so offsets here are
normalized offsets; the caller maps them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from luoshi.extract.units import CHENG_WORD, MAG_RE, MORE_RE, UNIT_RE, alternation, unit_kind
from luoshi.model import Comparator
from luoshi.rules import load

_C = load("comparators")
_PREFIX = {w: c for c, ws in _C["prefix"].items() for w in ws}
_SUFFIX = {w: c for c, ws in _C["suffix"].items() for w in ws}

_CN = "零〇两一二三四五六七八九十百千"
# Chinese numerals are bounded (一千九百九十九 is 7 characters; 万 and 亿 are magnitudes, apart):
# unbounded, a run like 十四五十四五… matched whole at every start, none a number, so 60,000
# characters took 77 s (quadratic); bounded, each start reads at most a dozen characters.
_CN_MAX = 12
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|[零〇两一二三四五六七八九十][{_CN}]{{0,{_CN_MAX - 1}}}(?:点[零〇一二三四五六七八九]{{1,{_CN_MAX}}})?|半)"
)
# A number and its unit may be split by a line break or zero-width space (74.4\u200b\n万亿元).
_WS = r"[ \t\u200b]*(?:\r?\n[ \t\u200b]*)?"
_SIDE = (
    "(?P<{p}>{num})(?:{ws}(?P<{p}more0>{more}))?(?:{ws}(?P<{p}mag>{mag}))?(?P<{p}more>{more})?"
    "(?:{ws}(?P<{p}unit>{unit}))?"
)
_FRACTION = rf"(?:[一二三四五六七八九十百千]{{1,{_CN_MAX}}}|\d{{1,{_CN_MAX}}})分之"
# A lookahead on the possible first characters lets the regex engine skip most positions fast.
_FIRST = "".join(sorted(set("0123456789半" + _CN + "".join(w[0] for w in _PREFIX))))
PATTERN = re.compile(
    f"(?=[{_FIRST}])(?P<pre>{alternation(list(_PREFIX))})?(?P<pct>{_FRACTION})?"
    + _SIDE.format(p="a", num=_NUM, mag=MAG_RE, more=MORE_RE, unit=UNIT_RE, ws=_WS)
    + f"(?:(?P<conn>{alternation(_C['range_connectors'])})(?P<bpct>{_FRACTION})?"
    + _SIDE.format(p="b", num=_NUM, mag=MAG_RE, more=MORE_RE, unit=UNIT_RE, ws=_WS)
    + f")?(?P<suf>{alternation(list(_SUFFIX))})?"
)
_DIGIT_START = re.compile(r"\d")


@dataclass
class NumberMatch:
    start: int  # normalized offsets of the whole quantity, comparator words included
    end: int
    num_start: int  # where the (first) number begins
    value: float
    value_high: float | None
    unit: str | None
    comparator: Comparator
    chinese: bool  # the number is written in Chinese numerals
    fraction: bool = False  # 三分之一: a share without a unit


@lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """The value of a numeral as written (1,234 / 6.5 / 两 / 三十 / 一千二百 / 半)."""
    if _DIGIT_START.match(s):
        return float(s.replace(",", ""))
    if s == "半":
        return 0.5
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


_FRACTION_UNIT = {"百分之": "%", "千分之": "‰"}


def _unit(m: re.Match[str], side: str) -> str | None:
    mag, unit = m.group(side + "mag") or "", m.group(side + "unit") or ""
    frac = m.group("pct" if side == "a" else "bpct")
    if frac:
        return _FRACTION_UNIT.get(frac)
    return (mag + unit) or None


def _comparator(m: re.Match[str]) -> Comparator:
    if m.group("suf"):
        return _SUFFIX[m.group("suf")]  # type: ignore[return-value]
    if m.group("amore") or m.group("amore0") or m.group("bmore") or m.group("bmore0"):
        return "at_least"
    if m.group("pre"):
        return _PREFIX[m.group("pre")]  # type: ignore[return-value]
    return "eq"


def _read(text: str, m: re.Match[str]) -> NumberMatch | None:
    """The quantity of a match, or None when it is not one (a word like 一般, 建成)."""
    a, unit = m.group("a"), _unit(m, "a")
    chinese = not a[0].isdigit()
    frac = m.group("pct")
    fraction = bool(frac) and frac not in _FRACTION_UNIT
    if chinese and unit is None and not fraction and not (m.group("conn") and _unit(m, "b")):
        return None
    if a == "半" and unit_kind(unit) not in ("percent", "multiple"):
        return None
    if unit == "成" and CHENG_WORD.match(text, m.end("aunit")):
        return None
    value = parse_number(a)
    if value is None:
        return None
    if fraction:
        den = parse_number(frac[:-2])
        if not den:
            return None
        value = round(value / den, 6)
    end = max(m.end(g) for g in ("a", "amore0", "amag", "amore", "aunit") if m.group(g))
    if frac:
        end = m.end("a")
    value_high = None
    comparator = _comparator(m)
    if m.group("conn"):
        b_unit, high = _unit(m, "b"), parse_number(m.group("b"))
        if high is None or high <= value or (unit and b_unit and unit != b_unit) or not (unit or b_unit):
            comparator = _PREFIX.get(m.group("pre") or "", "eq")  # type: ignore[assignment]
            return NumberMatch(m.start(), end, m.start("a"), value, None, unit, comparator, chinese, fraction)
        value_high, unit, comparator, end = high, b_unit or unit, "range", m.end()
    if m.group("suf"):
        end = m.end()
    return NumberMatch(m.start(), end, m.start("a"), value, value_high, unit, comparator, chinese, fraction)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Quantities in ``text[start:end]`` in order (not yet filtered for dates or codes)."""
    out: list[NumberMatch] = []
    end = len(text) if end is None else end
    pos = start
    while True:
        m = PATTERN.search(text, pos, end)
        if m is None:
            return out
        found = _read(text, m)
        if found is None:
            pos = m.start("a") + 1
            continue
        out.append(found)
        pos = found.end
