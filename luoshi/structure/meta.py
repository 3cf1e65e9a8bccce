"""Report metadata from the title block, the date line and the headings.

``year`` is the plan year: the year whose work the report arranges. A report
delivered in March 2017 with 二、2017年工作总体部署 has year 2017; one delivered in
December 2021 with 三、2022年政府工作计划 has year 2022. It is read, in order,
from the delivery date (a report delivered from October on plans the next year),
from a goals/plan top-level heading (…2022年政府工作计划), from a paragraph stating
the year's targets (2020年政府工作的总体要求是…), and last from the opening
paragraphs (提出关于1958年度国民经济计划的报告 -> 1958; 刚刚过去的1984年 -> 1985).
Years may be written in Chinese numerals (一九八五年). Unknown fields are None.
"""

from __future__ import annotations

import re

from luoshi.model import Part, ReportMeta
from luoshi.structure.rules import MetaRules
from luoshi.textmap import fold

_YEAR = re.compile(r"(?<![\d〇零○一二三四五六七八九])([12一二])\s?([\d〇零○一二三四五六七八九])\s?([\d〇零○一二三四五六七八九])\s?([\d〇零○一二三四五六七八九])\s*年")
_Y = r"((?:[12]\s?\d\s?\d\s?\d|[一二][〇零○一二三四五六七八九]{3})\s*)年"
# Cues in the opening paragraphs (before the first heading's work is reported): the year
# just reviewed (刚刚过去的1984年 -> plan year 1985) or the plan or budget the report
# proposes (提出关于一九五八年度国民经济计划（草案）的报告 -> 1958).
_OPENING_REVIEWED = re.compile(rf"(?:刚刚|已经)?过去(?:了)?的\s*{_Y}")
_OPENING_PLAN = re.compile(
    rf"{_Y}度?(?:的)?(?:国民经济(?:和社会发展)?|国家)?(?:计划|预算)(?!执行)"
)
_REVIEW_OF_YEAR = re.compile(rf"{_Y}(?:国内)?(?:政府)?工作(?:的)?回顾")
_YEAR_IS = re.compile(rf"{_Y}是")
_OPENING_WINDOW = 400
_DATE_WINDOW = 300  # where a date line can sit when no title block was recognised  # the opening paragraphs, after the title block
_PATH_YEAR = re.compile(r"(?<!\d)(?:19[4-9]\d|20\d\d)(?!\d)")
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
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
    year = int("".join(m.groups()).translate(_CN_DIGITS))
    return year if 1949 <= year <= 2100 else None


def years_in(s: str) -> list[int]:
    """Every year written in ``s`` (2022年, 一九九九年), in order."""
    out = []
    for m in _YEAR.finditer(s):
        year = int("".join(m.groups()).translate(_CN_DIGITS))
        if 1949 <= year <= 2100:
            out.append(year)
    return out


def read_meta(
    text: str,
    front: str,
    top_titles: list[tuple[str, Part]],
    goal_texts: list[str],
    mrules: MetaRules,
    forward_starts: list[str] | None = None,
) -> ReportMeta:
    """``front``: the title block; ``top_titles``: (title, part) of top-level headings;
    ``goal_texts``: paragraphs stating the year's targets; ``forward_starts``: the first
    characters of each goals/plan paragraph."""
    meta = ReportMeta(chars=0)
    tail = text[-_TAIL_WINDOW:]
    title = mrules.title.search(front) or mrules.title.search(tail)
    if title:
        meta.title = _WS.sub("", title.group())
    # The date line opens the text; where a title line runs into it (政府工作报告\n（2021年…）)
    # the title block is empty, so the first lines are searched too.
    front_date = mrules.date_line.search(front) or mrules.date_line.search(text, 0, max(len(front), _DATE_WINDOW))
    date = front_date or mrules.date_line.search(tail)
    venue = ""
    if date:
        meta.date = _iso(*date.groups()[:3])
        venue = _WS.sub("", date.group(4))
        session = mrules.session.search(venue)
        meta.session = session.group() if session else None
    if meta.date is None:  # ——在哈密市第二届人民代表大会第一次会议上\n（2022年1月11日）
        alone = mrules.date_alone.search(front)
        if alone:
            meta.date = _iso(*alone.groups())
    speaker = mrules.speaker.search(front)
    if speaker:
        meta.speaker = speaker.group(1)
    elif front_date:
        meta.speaker = _speaker_alone(text, front_date.start(), mrules)
    meta.region = _region(text[:_HEAD_WINDOW], front, venue, mrules)
    meta.level = represented_level(text, mrules)
    meta.year = _plan_year(top_titles, goal_texts, meta.date, text[len(front) : len(front) + _OPENING_WINDOW],
                           forward_starts or [])
    return meta


def early_year(text: str, front: str, front_matter: dict[str, str], path: str | None, mrules: MetaRules) -> int | None:
    """The plan year as far as it is known before the outline: from the date line, the opening, the
    front matter's title or the file's name (the headings are not read yet)."""
    return complete_meta(read_meta(text, front, [], [], mrules), front_matter, path, mrules).year


def _iso(y: str, mo: str, d: str) -> str | None:
    yy, mm, dd = cn_number(y), cn_number(mo), cn_number(d)
    if yy and mm and dd and 1 <= mm <= 12 and 1 <= dd <= 31:
        return f"{yy:04d}-{mm:02d}-{dd:02d}"
    return None


def _speaker_alone(text: str, after: int, mrules: MetaRules) -> str | None:
    """A name alone on the first non-blank line under the date line (starting at ``after``)."""
    for line in text[after : after + 200].splitlines()[1:]:
        if line.strip():
            m = mrules.speaker_alone.match(line)
            if m and not any(w in m.group(1) for w in mrules.speaker_alone_not):
                return m.group(1)
            return None
    return None


def region_level(region: str | None, mrules: MetaRules) -> str | None:
    """国家 | 省 | 市 | 区县 by the region's name (see ``levels`` in meta.yaml)."""
    if not region:
        return None
    lv = mrules.levels
    if region in lv["national"]:
        return "国家"
    if region in lv["provincial"] or region.endswith(lv["provincial_suffix"]):
        return "省"
    if region.endswith(lv["county_suffix"]):
        return "区县"
    if region.endswith(lv["city_suffix"]):
        return "市"
    return None


def represented_level(text: str, mrules: MetaRules) -> str | None:
    """The level of the body the speaker represents in the opening (我代表市人民政府 -> 市, 我代表区人民政府
    -> 区县), or None: what tells a city's report from a district's when no region is named."""
    represented = mrules.represented.search(text[:_HEAD_WINDOW])
    return region_level(represented.group(1), mrules) if represented else None


def complete_meta(meta: ReportMeta, front_matter: dict[str, str], path: str | None, mrules: MetaRules) -> ReportMeta:
    """Fill what the text left unknown: first from the file's own front matter title
    (鞍山市政府工作报告 （2016年1月6日 赵爱军）), then region and year from the path
    (…/鞍山市/2016.md), those two flagged in ``meta.inferred``; then the level (the region's, else the
    represented body's read from the opening)."""
    title = fold(front_matter.get("title", "")).strip()
    if title:
        half = len(title) // 2
        if len(title) % 2 == 0 and title[:half] == title[half:]:  # a title pasted twice
            title = title[:half]
        m = mrules.front_title.match(title)
        if m:
            if not meta.title or meta.title in mrules.title_words:  # the front title names the region
                meta.title = _WS.sub("", title.split("(")[0])
            if meta.region is None and region_level(m.group("region"), mrules):
                meta.region = m.group("region")
            if meta.date is None and m.group("y"):
                y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    meta.date = f"{y:04d}-{mo:02d}-{d:02d}"
            meta.speaker = meta.speaker or m.group("speaker")
            if meta.year is None:
                stated = m.group("y1") or m.group("y2")
                if stated:
                    meta.year = int(stated)
                elif meta.date:
                    meta.year = _plan_year([], [], meta.date)
        elif meta.title is None:
            meta.title = _WS.sub("", title.split("(")[0])
    if path:
        parts = re.split(r"[/\\]", path)
        stem = parts[-1].rsplit(".", 1)[0]
        if meta.year is None:
            year = _PATH_YEAR.search(stem)
            if year:
                meta.year = int(year.group())
                meta.inferred.append("year")
        if meta.region is None:
            for folder in reversed(parts[:-1]):
                if region_level(folder, mrules):
                    meta.region = folder
                    meta.inferred.append("region")
                    break
        elif meta.region[-1] in "州县旗":
            # An autonomous prefecture or county is usually written short in its own report
            # (黔东南州); the folder gives the full name (黔东南苗族侗族自治州), so every year of the
            # region carries one name and consecutive reports pair up.
            for folder in reversed(parts[:-1]):
                if (folder.startswith(meta.region[:-1]) and folder.endswith("自治" + meta.region[-1])
                        and len(meta.region) > 2):
                    meta.region = folder
                    break
    # The region's name decides the level; without one, the body the speaker represents
    # (我代表市人民政府, read by read_meta) still tells a city's report from a district's.
    meta.level = region_level(meta.region, mrules) or meta.level
    return meta


def _region(head: str, front: str, venue: str, mrules: MetaRules) -> str | None:
    region = mrules.region.search(venue)
    if region and (name := _clean_region(region.group(1), mrules)):
        return name
    if any(word in venue or word in front or word in head for word in mrules.national):
        return mrules.national_name
    represent = mrules.represent.search(head)
    if represent:
        return _clean_region(represent.group(1), mrules)
    office = mrules.office.search(head)
    if office:
        return _clean_region(office.group(1), mrules)
    if any(word in head for word in mrules.national_opening):
        return mrules.national_name
    return None


def _clean_region(name: str, mrules: MetaRules) -> str | None:
    """A level word typed twice (连云港市市第十三届…) is one; a name that only says the level
    (自治州) names no region."""
    if len(name) > 2 and name[-1] == name[-2]:
        name = name[:-1]
    return None if name in mrules.generic_regions else name


def _opening_year(opening: str) -> int | None:
    """The plan year stated by the opening paragraphs: the budget or plan proposed, else
    the year after the one just reviewed."""
    plan = _OPENING_PLAN.search(opening)
    if plan:
        return _year_in(plan.group())
    reviewed = _OPENING_REVIEWED.search(opening)
    if reviewed:
        year = _year_in(reviewed.group(1) + "年")
        return year + 1 if year else None
    return None


def _plan_year(
    top_titles: list[tuple[str, Part]],
    goal_texts: list[str],
    date: str | None,
    opening: str = "",
    forward_starts: list[str] = (),  # type: ignore[assignment]
) -> int | None:
    # The delivery date decides first: headings mislead where a report also sets
    # five-year and 2035 goals (二、“十四五”时期主要目标任务和二〇三五年远景目标) or
    # reviews under a plan-like title (回顾2022年工作).
    if date:
        year, month = int(date[:4]), int(date[5:7])
        return year + 1 if month >= 10 else year
    # The earliest year a goals/plan title names: a five-year chapter may name its vision year first
    # (二、关于…第十四个五年规划和二〇三五年远景目标纲要（草案）的说明, then 三、2021年…).
    ahead = [year for title, part in top_titles if part in ("goals", "plan") for year in years_in(title)]
    if ahead:
        return min(ahead)
    for paragraph in goal_texts:
        year = _year_in(paragraph[:40])
        if year:
            return year
    if date:
        year, month = int(date[:4]), int(date[5:7])
        return year + 1 if month >= 10 else year
    year = _opening_year(opening)
    if year:
        return year
    # A single year's review (一、1994年国内工作的回顾) comes before that year's successor's plan.
    for title, part in top_titles:
        if part == "review" and _REVIEW_OF_YEAR.search(title):
            year = _year_in(title)
            if year:
                return year + 1
    for start in forward_starts:
        if _YEAR_IS.match(start.lstrip()):
            return _year_in(start)
    return None
