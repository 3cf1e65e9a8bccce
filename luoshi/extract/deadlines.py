"""Deadline phrases in a commitment (年内, 6月底前, 到2025年, “十四五”末 …).

The phrases are found with ``rules/zh/deadlines.yaml``; turning a phrase into a
period ("2022", "2022-06", "2025") is ``periods.find_periods``' job. A phrase
that is a comparison base (比2016年) or lies before the plan year is no deadline.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from luoshi.extract.periods import find_periods, named_plan_ends
from luoshi.rules import load

_R = load("deadlines")
_PHRASE = re.compile("|".join(f"(?:{p['pattern']})" for p in _R["patterns"]))
_BASE_BEFORE = re.compile(rf"(?:{_R['base_before']})$")
_BASE_AFTER = re.compile(rf"(?:{_R['base_after']})")
_EVENT_AFTER = re.compile(rf"(?:{_R['event_after']})")
_EVENT_BEFORE = re.compile(rf"(?:{_R['event_before']})")
_RANGE_BEFORE = re.compile(rf"(?:{_R['range_before']})")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}年")
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
        if _BARE_YEAR.fullmatch(m.group()) and (
            _EVENT_AFTER.match(text, m.end()) or _EVENT_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
        ):
            continue  # 2019年男子篮球世界杯筹办, 筹备2024年世界园艺博览会: the event's year
        if _RANGE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue  # 总体规划(2021—2035年): the plan's span
        period = resolve(m.group(), report_year)
        if not _is_past(period, report_year):
            out.append(Deadline(m.group(), period, m.start(), m.end()))
    return out


def first_deadline(text: str, report_year: int | None) -> Deadline | None:
    found = find_deadlines(text, report_year)
    return found[0] if found else None


# --- the date a row is tracked against -------------------------------------------------------------

_SPAN_YEARS = re.compile(r"(?:([一二三四五六七八九十两]|\d{1,2})(?:到|至|-|~))?([一二三四五六七八九十两]|\d{1,2})年")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def iso_end(period: str | None) -> str | None:
    """The last day of a normalized period: "2022" -> 2022-12-31, "2022-06" -> 2022-06-30,
    a span "2021-2025" -> its outer bound 2025-12-31; None when it is not a date."""
    if not period:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", period)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if day:
            return f"{year:04d}-{int(month):02d}-{int(day):02d}"
        return _month_end(year, int(month)) if month else f"{year:04d}-12-31"
    span = re.fullmatch(r"\d{4}(?:-\d{1,2})?-(\d{4})", period)
    return f"{span.group(1)}-12-31" if span else None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _CN_NUM.get(word)


_START_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日|(春|秋)季")
_SEASON_START = {"春": (3, 1), "秋": (9, 1)}  # a school term's first day


def deadline_date(d: Deadline, report_year: int | None) -> str | None:
    """ISO date a written phrase sets: its period's end; for 三年内 / 3到5年内 / 用5年时间 the
    outer bound counted with the plan year as the first year; for 从5月1日起 / 从今年秋季起 the day
    the measure takes effect."""
    date = iso_end(d.period)
    if date or report_year is None:
        return date
    start = _START_DAY.search(d.text) if d.text.endswith("起") else None
    if start:
        month, day = (int(start.group(1)), int(start.group(2))) if start.group(1) else _SEASON_START[start.group(3)]
        return f"{report_year:04d}-{month:02d}-{day:02d}"
    m = _SPAN_YEARS.search(d.text)
    n = _count(m.group(2)) if m else None
    return f"{report_year + n - 1:04d}-12-31" if n else None


_FIVE = _R["five_year_part"]
_FIVE_YEAR = re.compile(_FIVE["pattern"])
_FIVE_NOT = re.compile(_FIVE["not_pattern"])
_MIXED = re.compile(_FIVE["mixed"])
_MIXED_NOT = re.compile(_FIVE["mixed_not"])
YEAR_TURN = re.compile(_FIVE["year_turn"])


def year_heading(year: int | None) -> re.Pattern[str] | None:
    """A numbered sub-heading naming the plan year (（二）2016年工作建议, normalized text): it turns a mixed part to
    the year as a year_turn paragraph does; None without a plan year."""
    return re.compile(_FIVE["year_heading"].replace("{year}", str(year))) if year is not None else None


def names_the_term(text: str) -> bool:
    """True when ``text`` names the five years (今后五年, “十五五”, 本届政府: five_year_part's pattern)."""
    return _FIVE_YEAR.search(text) is not None


def speaks_of_term(text: str) -> bool:
    """True when ``text`` (a sentence) names the five years and not the plan year (未来五年是…)."""
    return names_the_term(text) and _MIXED.search(text) is None


def mixed_horizon_end(title: str, report_year: int | None) -> int | None:
    """Last year of the term a mixed title opens (二、今后五年的目标任务和2023年工作安排 -> plan year + 4),
    or None when ``title`` does not name both the five years and a year."""
    if report_year is None or not _FIVE_YEAR.search(title):
        return None
    if not _MIXED.search(title) or _MIXED_NOT.search(title):
        return None
    # a plan named by number (二、“十五五”时期主要目标任务和2026年工作安排): that plan's end, unless it is over
    # (一、“十四五”主要成就及2025年工作 in a 2026 report reviews it)
    ends = named_plan_ends(title)
    if ends:
        return max(ends) if max(ends) >= report_year else None
    return report_year + 4


def horizon_end(title: str, report_year: int | None) -> int | None:
    """Last year of the five-year part ``title`` opens (今后五年 -> plan year + 4,
    “十三五” -> 2020), or None when the title is not a five-year part's."""
    if not _FIVE_YEAR.search(title) or _FIVE_NOT.search(title):
        return None
    # a term report's chapter names the plan that ended and the one ahead (二、“十四五”时期发展成就和“十五五”时期
    # 主要目标任务 in a 2026 report): its tasks run to the later one's end
    ends = named_plan_ends(title)
    if ends:
        return max(ends)
    return report_year + 4 if report_year is not None else None


def default_date(horizon: int | None, report_year: int | None) -> str | None:
    """The office's convention: a five-year part's horizon end, else the plan year's end."""
    year = horizon or report_year
    return f"{year:04d}-12-31" if year else None
