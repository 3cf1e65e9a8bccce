"""Which period a span of a later report covers.

A review looks back on the year before the report's plan year (2021 report → 2020), or
on five years when its heading says so (“十三五”时期…回顾, 过去五年). A sentence that
names its own years (2018年建成…) covers those years. A five-year review can then
evidence a task only with what falls in or after the task's plan year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

_HEADING = re.compile(r"[^\n]{0,40}(?:回顾|五年来|一年来|过去一年|过去五年)[^\n]{0,20}")
_FIVE = re.compile(r"五年|十[一二三四五六七八九]五|“十.五”")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!代)")


def review_period(text: str, plan_year: int | None) -> Callable[[int], tuple[str | None, int | None, int | None]]:
    """offset → (period label, first year, last year) of the review that holds the offset."""
    if not plan_year:
        return lambda offset: (None, None, None)
    marks: list[tuple[int, bool]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if 0 < len(body) <= 60 and _HEADING.fullmatch(body.strip("*# \u3000")):
            marks.append((pos, bool(_FIVE.search(body))))
        pos += len(line)
    starts = [p for p, _ in marks]
    last = plan_year - 1

    def at(offset: int) -> tuple[str | None, int | None, int | None]:
        k = bisect_right(starts, offset) - 1
        five = marks[k][1] if k >= 0 else False
        if five:
            return f"{last - 4}—{last}", last - 4, last
        return str(last), last, last

    return at


def sentence_years(sentence: str) -> list[int]:
    """Years a sentence names as such (2018年), not as counts or decades."""
    return sorted({int(y) for y in _YEAR.findall(sentence)})


def span_period(sentence: str, review: tuple[str | None, int | None, int | None]) -> tuple[str | None, int | None, int | None]:
    """The period of a review sentence: the years it names inside the review's period, else the review's."""
    label, first, last = review
    years = [y for y in sentence_years(sentence) if first is None or first <= y <= (last or y)]
    if years and first is not None and first != last:
        return (str(years[0]) if years[0] == years[-1] else f"{years[0]}—{years[-1]}"), years[0], years[-1]
    return label, first, last
