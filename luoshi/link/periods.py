"""Which period a span of a later report covers.

A review looks back on the year before the report's plan year (2021 report → 2020), or
on five years when its heading says so (“十三五”时期…回顾, 过去五年, “十四五”主要成就及2025年工作).
Inside a five-year review the first report of a new term turns to the last year in a paragraph of
its own (各位代表！2025年承前启后…, 过去一年…) and back to the term (——这五年…, 五年来…): each
paragraph covers what its opening says. A sentence that names its own years (2018年建成…) covers
those years. A five-year review can then evidence a task only with what falls in or after the
task's plan year, and a line on the task's own year ranks above a line on the whole term.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

_HEADING = re.compile(r"[^\n]{0,40}(?:回顾|五年来|一年来|过去一年|过去五年|主要成就|成就及)[^\n]{0,20}")
# a review heading that names what was achieved (“十四五”发展及2025年主要工作成效, 过去五年主要工作成效):
# only with the year or the term it covers, since a section of a review (（二）民生改善取得新成效) says 成效 too
_RESULTS_HEADING = re.compile(r"[^\n]{0,30}(?:(?:19|20)\d\d年|十.五|五年)[^\n]{0,20}(?:工作成效|主要成效|发展成效|主要成绩)[^\n]{0,12}")
_FIVE = re.compile(r"五年|十[一二三四五六七八九]五|“十.五”")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!代)")
# how a paragraph of a term review opens when it turns to the last year or back to the term
_SALUTE = re.compile(r"^(?:各位代表[！!，,：:]?)")
_TERM_OPENER = re.compile(r"^(?:——)?(?:回首)?(?:这五年|五年来|过去五年|过去的五年|五年的)")
_YEAR_OPENER = re.compile(r"^(?:过去一年|过去的一年|一年来|刚刚过去的(?:一年|(?:19|20)\d\d年))")


def _is_heading(body: str) -> bool:
    return bool(_HEADING.fullmatch(body) or _RESULTS_HEADING.fullmatch(body))


def _opening(line: str, last: int) -> bool | None:
    """Whether a paragraph of a five-year review opens on the term (True) or on its last year
    (False: 2025年承前启后…), or None when its opening says neither."""
    body = _SALUTE.sub("", line.strip("*# \u3000\t\r\n"))
    if _TERM_OPENER.match(body):
        return True
    if _YEAR_OPENER.match(body) or body.startswith(f"{last}年"):
        return False
    return None


def review_period(text: str, plan_year: int | None) -> Callable[[int], tuple[str | None, int | None, int | None]]:
    """offset → (period label, first year, last year) of the review that holds the offset."""
    if not plan_year:
        return lambda offset: (None, None, None)
    last = plan_year - 1
    marks: list[tuple[int, bool]] = []
    pos = 0
    term = False  # inside a review whose heading names five years
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if 0 < len(body) <= 60 and _is_heading(body.strip("*# \u3000")):
            term = bool(_FIVE.search(body))
            marks.append((pos, term))
        elif term and body:
            turn = _opening(body, last)
            if turn is not None and turn != marks[-1][1]:
                marks.append((pos, turn))
        pos += len(line)
    starts = [p for p, _ in marks]

    def at(offset: int) -> tuple[str | None, int | None, int | None]:
        k = bisect_right(starts, offset) - 1
        five = marks[k][1] if k >= 0 else False
        if five:
            return _label(last - 4, last), last - 4, last
        return str(last), last, last

    return at


_SPAN = "—"  # between a period label's first and last year (2021—2025)


def _label(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}{_SPAN}{last}"


def spans_years(label: str | None) -> bool:
    """Whether a period label (an Evidence's ``period``) covers several years: 2021—2025, not 2025."""
    return bool(label and _SPAN in label)


def multi_year(period: tuple[str | None, int | None, int | None], since: int | None) -> bool:
    """The span covers years before ``since`` as well (a five-year line judged for a task of its last year)."""
    _, first, last = period
    return since is not None and first is not None and last is not None and first < last and first < since


def sentence_years(sentence: str) -> list[int]:
    """Years a sentence names as such (2018年), not as counts or decades."""
    return sorted({int(y) for y in _YEAR.findall(sentence)})


def span_period(sentence: str, review: tuple[str | None, int | None, int | None]) -> tuple[str | None, int | None, int | None]:
    """The period of a review sentence: the years it names inside the review's period, else the review's."""
    label, first, last = review
    years = [y for y in sentence_years(sentence) if first is None or first <= y <= (last or y)]
    if years and first is not None and first != last:
        return _label(years[0], years[-1]), years[0], years[-1]
    return label, first, last
