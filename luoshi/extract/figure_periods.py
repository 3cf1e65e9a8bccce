"""Which period a figure refers to: a period phrase of its own sentence, else the period
its section's title states (“未来五年…目标任务”, “2022年政府工作计划”), else the plan
year for targets and the year before it for results."""

from __future__ import annotations

import re

from luoshi.extract.periods import PeriodMatch, find_periods, relative_offset
from luoshi.model import IndicatorKind, Section, Structure

# Averages and totals over several years: their period is the span (年均增长, 累计治理面积).
_AVERAGE = re.compile(r"年均|平均每年|每年平均|^\s*累计|累计(?:完成|下降|增长|减少|提高|新增|实现|建成|投资|达到|降低|压减)")
_RELATIVE_BASE = ("上年", "去年", "同比", "上一年")
# Words counted from the calendar year of speaking (全年 in a plan means the plan year).
_CALENDAR_WORDS = frozenset({"今年", "明年", "去年", "本年"})


class PeriodContext:
    """Period facts of one report: its plan year and what each section's title states."""

    def __init__(self, structure: Structure) -> None:
        self.year = structure.meta.year
        # A report delivered late in the year before its plan year (——2013年12月18日…) says
        # 今年 for the year it reviews and 明年 for the year it plans: relative words count
        # from the delivery year.
        date = structure.meta.date
        self.late = bool(self.year and date and int(date[:4]) == self.year - 1)
        self._sections: dict[str, Section] = {s.id: s for s in structure.sections}
        self._cache: dict[object, PeriodMatch | None] = {}  # section id, or ("titled_year", id)

    def sentence_periods(self, text: str, offset: int, part: str) -> list[PeriodMatch]:
        """Period phrases of a sentence at ``offset``; in a review, 今年/全年 is the year reviewed."""
        found = self._find(text, part)
        for p in found:
            p.start += offset
            p.end += offset
        return found

    def _find(self, text: str, part: str) -> list[PeriodMatch]:
        """In a review, the year-words (今年, 全年, 去年) mean the year reviewed."""
        year = self.year
        found = find_periods(text, year)
        if self.late and year is not None:  # 今年/明年 count from the delivery year
            for p in found:
                if p.text in _CALENDAR_WORDS and p.period and p.period[:4].isdigit():
                    p.period = str(int(p.period[:4]) - 1) + p.period[4:]
            return found
        if part != "review" or year is None:
            return found
        for p in found:
            offset = relative_offset(p.text)
            if offset is not None and p.role != "base" and p.period and p.role != "span":
                p.period = str(year - 1) + p.period[4:]
        return found

    def section_period(self, section_id: str | None) -> PeriodMatch | None:
        """The first period stated in the title of the section or of its nearest ancestor."""
        if section_id in self._cache:
            return self._cache[section_id]
        sec = self._sections.get(section_id) if section_id else None
        found: PeriodMatch | None = None
        if sec is not None:
            titled = [p for p in self._find(sec.title, sec.part) if p.period and p.role != "base"]
            found = titled[0] if titled else self.section_period(sec.parent)
        self._cache[section_id] = found
        return found

    def _titled_year(self, section_id: str | None) -> PeriodMatch | None:
        """A single year the section's own title states beside a span."""
        key = ("titled_year", section_id)  # cached: it is asked for every figure of the section
        if key in self._cache:
            return self._cache[key]
        sec = self._sections.get(section_id) if section_id else None
        found: PeriodMatch | None = None
        if sec is not None:
            years = [p for p in self._find(sec.title, sec.part) if p.period and len(p.period) == 4 and p.role != "base"]
            found = years[0] if years else self._titled_year(sec.parent)
        self._cache[key] = found
        return found

    def default(self, kind: IndicatorKind, section_id: str | None, over_span: bool) -> str | None:
        """The period of a figure whose sentence states none. ``over_span``: an average, or
        a flow or change in a review of several years (新增…, 提高4.8个百分点)."""
        if kind == "baseline":
            return None if self.year is None else str(self.year - 1)
        ctx = self.section_period(section_id)
        if ctx is not None and not over_span and ctx.period and len(ctx.period) == 9:
            # 二、“十四五”和2021年工作安排: a figure for one year belongs to the year named.
            ctx = self._titled_year(section_id) or ctx
        if ctx is not None and ctx.period:
            is_span = len(ctx.period) == 9 and ctx.period[4] == "-"
            return ctx.period[5:] if is_span and not over_span else ctx.period
        if self.year is None:
            return None
        return str(self.year) if kind == "target" else str(self.year - 1)


def is_average(before: str) -> bool:
    return bool(_AVERAGE.search(before))


def figure_period(own: list[PeriodMatch], after: list[PeriodMatch], average: bool,
                  base: PeriodMatch | None, default: str | None) -> str | None:
    """``own``: the sentence's non-base periods before the figure; ``after``: in its clause after it."""
    if average:
        span = next((p for p in reversed(own) if p.role == "span" and p.period), None)
        if span:
            return span.period
        point = own[-1].period if own else default
        if base and base.period and point and point.isdigit() and base.period.isdigit():
            return f"{int(base.period) + 1}-{point}"
        return point
    if own:
        return own[-1].period
    if after and after[0].role == "deadline":
        return after[0].period
    return default


def base_period(base: PeriodMatch | None, period: str | None) -> str | None:
    """比2016年 -> "2016"; 比上年 / 同比 -> the year before ``period``."""
    if base is None:
        return None
    if base.text in _RELATIVE_BASE and period and period[:4].isdigit():
        is_span = len(period) == 9 and period[4] == "-"
        return str(int(period[5:] if is_span else period[:4]) - 1)
    return base.period
