"""Report metadata from the title block, the date line and the headings.

``year`` is the plan year: the year whose work the report arranges. A report
delivered in March 2017 with 二、2017年工作总体部署 has year 2017; one delivered in
December 2021 with 三、2022年政府工作计划 has year 2022. It is read, in order,
from a goals/plan top-level heading (…2022年政府工作计划), from a paragraph stating
the year's targets (2020年政府工作的总体要求是…), and from the delivery date
(a report delivered from October on plans the next year). Unknown fields are None.
"""

from __future__ import annotations

import re

from luoshi.model import Part, ReportMeta
from luoshi.structure.rules import MetaRules

_YEAR = re.compile(r"(?<!\d)([12])\s?(\d)\s?(\d)\s?(\d)\s*年")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_WS = re.compile(r"\s+")
_HEAD_WINDOW = 3000  # the opening sentences sit near the top
_TAIL_WINDOW = 2000  # an excerpt's source line (——摘自…) sits at the end


def cn_number(s: str) -> int | None:
    """'2021', '二〇二一', '十二', '二十三' -> int (years digit by digit, months/days with 十)."""
    if s.isdigit():
        return int(s)
    if "十" not in s:
        t = s.translate(_CN_DIGITS)
        return int(t) if t.isdigit() else None
    tens, _, ones = s.partition("十")
    t = int(tens.translate(_CN_DIGITS)) if tens else 1
    o = int(ones.translate(_CN_DIGITS)) if ones else 0
    return t * 10 + o


def _year_in(s: str) -> int | None:
    m = _YEAR.search(s)
    if m is None:
        return None
    year = int("".join(m.groups()))
    return year if 1949 <= year <= 2100 else None


def read_meta(
    text: str,
    front: str,
    top_titles: list[tuple[str, Part]],
    goal_texts: list[str],
    mrules: MetaRules,
) -> ReportMeta:
    """``front``: the title block; ``top_titles``: (title, part) of top-level headings;
    ``goal_texts``: paragraphs stating the year's targets."""
    meta = ReportMeta(chars=0)
    tail = text[-_TAIL_WINDOW:]
    title = mrules.title.search(front) or mrules.title.search(tail)
    if title:
        meta.title = _WS.sub("", title.group())
    date = mrules.date_line.search(front) or mrules.date_line.search(tail)
    venue = ""
    if date:
        y, mo, d = (cn_number(g) for g in date.groups()[:3])
        if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
            meta.date = f"{y:04d}-{mo:02d}-{d:02d}"
        venue = _WS.sub("", date.group(4))
        session = mrules.session.search(venue)
        meta.session = session.group() if session else None
    speaker = mrules.speaker.search(front)
    if speaker:
        meta.speaker = speaker.group(1)
    meta.region = _region(text[:_HEAD_WINDOW], front, venue, mrules)
    meta.year = _plan_year(top_titles, goal_texts, meta.date)
    return meta


def _region(head: str, front: str, venue: str, mrules: MetaRules) -> str | None:
    region = mrules.region.search(venue)
    if region:
        return region.group(1)
    if any(word in venue or word in front or word in head for word in mrules.national):
        return mrules.national_name
    represent = mrules.represent.search(head)
    return represent.group(1) if represent else None


def _plan_year(top_titles: list[tuple[str, Part]], goal_texts: list[str], date: str | None) -> int | None:
    for title, part in top_titles:
        if part in ("goals", "plan"):
            year = _year_in(title)
            if year:
                return year
    for paragraph in goal_texts:
        year = _year_in(paragraph[:40])
        if year:
            return year
    if date:
        year, month = int(date[:4]), int(date[5:7])
        return year + 1 if month >= 10 else year
    return None
