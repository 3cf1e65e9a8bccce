"""Period phrases (2021年, 今年, 年底前, “十四五”末, 近三年…) found and resolved
against the report's plan year, duckling-style: parse first, then resolve.

Public API (a colleague's deadline stage relies on it; keep it stable):
``find_periods(text, report_year) -> list[PeriodMatch]`` and
``resolve_period(phrase, report_year) -> str | None``.
Periods are strings: "2021", "2021-06", "2021-12-15", spans "2021-2025".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from luoshi.rules import load

Role = Literal["point", "deadline", "base", "span"]

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass
class PeriodMatch:
    start: int
    end: int
    text: str
    period: str | None  # None when it is relative and the report year is unknown
    role: Role


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def small_int(s: str) -> int | None:
    """1..99 written in Arabic or simple Chinese numerals (三, 十二, 二十五)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN_DIGIT.get(head, 0) if head else 1
        ones = _CN_DIGIT.get(tail, 0) if tail else 0
        return tens * 10 + ones if head in _CN_DIGIT or not head else None
    return _CN_DIGIT.get(s) if len(s) == 1 else None


def year_int(s: str) -> int:
    """A four-digit year written 2021 or 二〇二一 / 一九五三."""
    return int(s) if s.isdigit() else int("".join(str(_CN_DIGIT[c]) for c in s))


def plan_years(n: int) -> tuple[int, int]:
    """Years of the n-th five-year plan (十四五 -> 2021-2025; 1963-65 had none)."""
    first = {1: 1953, 2: 1958}.get(n, 1966 + 5 * (n - 3))
    return first, first + 4


# A five-year plan named by its number: “十四五” or a bare 十四五 (a numeral between 十 and 五 is never a count),
# the quoted “十五” (bare, 十五 is fifteen), or 第十五个五年.
_PLAN_NAMED = re.compile(r"[“\"]十([一二三四五六七八九]?)五[”\"]|十([一二三四五六七八九])五|第十([一二三四五六七八九]?)个五年")


def named_plan_ends(text: str) -> list[int]:
    """Last years of the five-year plans ``text`` names by number (“十四五” -> 2025, 第十五个五年 -> 2030)."""
    return [plan_years(10 + _CN_DIGIT[m.group(1) or m.group(2) or m.group(3) or "〇"])[1]
            for m in _PLAN_NAMED.finditer(text)]


_R = load("periods")
_RELATIVE = {w: (e["offset"], None, e["role"]) for e in _R["relative_years"] for w in e["words"]}
_RELATIVE.update({w: (e["offset"], e["month"], e["role"]) for e in _R["year_parts"] for w in e["words"]})
_RELATIVE["同比"] = (-1, None, "base")
_MILESTONES = {w: (e["period"], e["role"]) for e in _R["milestones"] for w in e["words"]}

_Y = r"(?:1[89]\d\d|20\d\d|[一二][〇零○一二三四五六七八九]{3})"
_N = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_CN_PLAN = r"(?:十[一二三四五六七八九]|[一二三四五六七八九十])"
_DL_PREFIX = r"(?:到|至|截至|截止到|截止)"

_PATTERN = re.compile(
    rf"(?P<dl>{_DL_PREFIX})?(?:"
    rf"(?P<y1>{_Y})年?\s*[-—–~～至到]\s*(?P<y2>{_Y})年"
    rf"|(?P<y>{_Y})年(?:(?P<mo>{_N})月(?:份|(?P<d>{_N})[日号])?)?(?P<ysuf>底|末|初|年底|年末)?"
    rf"(?P<after>{_alt(_R['deadline_after'])})?"
    rf"|[\"“]?(?P<plan>{_CN_PLAN})五(?:[\"”](?P<qsuf>{_alt(_R['plan_end'] + _R['plan_span'])})?"
    rf"|(?P<usuf>{_alt(_R['plan_end'] + _R['plan_span'])}))"
    rf"|(?P<back>{_alt(_R['recent_spans']['back'])})(?P<bn>{_N})年"
    rf"|(?P<fwd>{_alt(_R['recent_spans']['forward'])})(?P<fn>{_N})年"
    rf"|(?P<sn>{_N})年(?:{_alt(_R['recent_spans']['back_suffix'])})"
    rf"|(?<![0-9零〇一二两三四五六七八九十百千])(?P<rel>{_alt(list(_RELATIVE))})"  # not 5年内
    rf"|(?P<ms>{_alt(list(_MILESTONES))})"
    rf"|(?P<mo2>{_N})月(?P<msuf>底前|底|末|前|份)"
    r")"
)
_BASE_BEFORE = re.compile(rf"(?:{_alt(_R['base_before'])})$")
# 前四年 / 头两年 / 后三年 right after a span: the first or last years of it
# (“十一五”前四年 -> 2006-2009).
_SUB_SPAN = re.compile(
    rf"\s*(?:的)?(?P<side>{_alt(_R['sub_spans']['first'] + _R['sub_spans']['last'])})(?P<n>{_N})(?:个)?年"
)
_FIRST_SIDE = set(_R["sub_spans"]["first"])
_PLAN_END = set(_R["plan_end"])
_AMBIGUOUS_PLAN = {"十", "一", "二", "三", "四", "五", "六", "七", "八", "九"}  # 十五 = fifteen, 五五 …


def _shift(year: int | None, offset: int) -> str | None:
    return None if year is None else str(year + offset)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _resolve(m: re.Match[str], year: int | None) -> tuple[str | None, Role] | None:
    g = m.groupdict()
    deadline = bool(g["dl"])
    if g["y1"]:
        return f"{year_int(g['y1'])}-{year_int(g['y2'])}", "span"
    if g["y"]:
        y = year_int(g["y"])
        mo = small_int(g["mo"]) if g["mo"] else None
        if mo and not 1 <= mo <= 12:
            return None
        period = str(y) if not mo else f"{y}-{mo:02d}"
        if mo and g["d"]:
            period += f"-{small_int(g['d']):02d}"
        return period, "deadline" if deadline or g["after"] else "point"
    if g["plan"]:
        n = small_int(g["plan"])
        suffix = g["qsuf"] or g["usuf"]
        quoted = m.group(0).lstrip("到至截止")[:1] in "\"“"
        if n is None or (g["plan"] in _AMBIGUOUS_PLAN and not quoted and not suffix):
            return None
        first, last = plan_years(n)
        if suffix in _PLAN_END:
            return str(last), "deadline" if deadline else "point"
        return f"{first}-{last}", "deadline" if deadline else "span"
    if g["back"] or g["sn"]:
        n = small_int(g["bn"] or g["sn"])
        return (None if year is None or not n else _span(year - n, year - 1)), "span"
    if g["fwd"]:
        n = small_int(g["fn"])
        return (None if year is None or not n else _span(year, year + n - 1)), "span"
    if g["rel"]:
        offset, month, role = _RELATIVE[g["rel"]]
        p = _shift(year, offset)
        if p is not None and month:
            p = f"{p}-{month:02d}"
        return p, "deadline" if deadline else role
    if g["ms"]:
        period, role = _MILESTONES[g["ms"]]
        return period, role
    mo = small_int(g["mo2"])
    if not mo or not 1 <= mo <= 12:
        return None
    return (None if year is None else f"{year}-{mo:02d}"), "deadline" if "前" in g["msuf"] else "point"


def relative_offset(word: str) -> int | None:
    """Years after the plan year that a relative word means (今年 0, 上年 -1), else None."""
    entry = _RELATIVE.get(word)
    return entry[0] if entry else None


def find_periods(text: str, report_year: int | None) -> list[PeriodMatch]:
    """Every period phrase in ``text``, in order, resolved against ``report_year``."""
    out: list[PeriodMatch] = []
    for m in _PATTERN.finditer(text):
        resolved = _resolve(m, report_year)
        if resolved is None:
            continue
        period, role = resolved
        if role == "point" and _BASE_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            role = "base"
        end = m.end()
        if role == "span" and period and len(period) == 9:
            sub = _SUB_SPAN.match(text, end)
            n = small_int(sub.group("n")) if sub else None
            first, last = int(period[:4]), int(period[5:])
            if sub and n and n <= last - first:
                period = _span(first, first + n - 1) if sub.group("side") in _FIRST_SIDE else _span(last - n + 1, last)
                end = sub.end()
        out.append(PeriodMatch(m.start(), end, text[m.start() : end], period, role))
    return out


def resolve_period(phrase: str, report_year: int | None) -> str | None:
    """The period of the first period phrase in ``phrase`` (None if none or unknown)."""
    found = find_periods(phrase, report_year)
    return found[0].period if found else None
