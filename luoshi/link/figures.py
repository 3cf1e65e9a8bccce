"""Figures a report gives for a metric: 增长7.4%, 降至2.98%, 年均增速5.1%, 比2016年增长28.5%.

Each mention of a metric owns the text up to the next mention or the end of its
sentence; every number with a unit in that stretch is a candidate figure, tagged with
its basis (annual, average = 年均, cumulative = 累计/比YYYY年, term = 比“十三五”) and, where written, its
period (the nearest year before the mention, or 去年 → the report's previous year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from luoshi.extract.numbers import parse_number
from luoshi.link.metrics import Metric, mentions, paired, scales
from luoshi.link.segments import sentence_spans, soften_breaks
from luoshi.model import Extraction, Part
from luoshi.textmap import MappedText

# A round milestone written as a word (首次突破百亿元大关, 迈上千亿元台阶): 百亿元 is 100亿元. Only after a verb of
# passing a mark and before 亿元: never a class (千亿级产业集群) or a vague amount (上百亿元, 几百亿元), and never part
# of a number in Chinese numerals (二百亿元: the character before is no such verb).
_PASSED = ("突破", "超过", "跨越", "迈上", "迈入", "跨上", "站上", "达到", "超")
WORD_FIGURE = "(?:" + "|".join(f"(?<={v})" for v in _PASSED) + r")[百千万](?=亿元)"
_WORD_VALUES = {"百": 100.0, "千": 1000.0, "万": 10000.0}


def number_value(written: str) -> float:
    """The value of a number as matched: digits (85, 3.5) or a milestone word (百 in 突破百亿元)."""
    return _WORD_VALUES.get(written) or float(written)


_NUM = re.compile(
    r"(?P<verb>增长|增速|上涨|涨幅|上升|提高到|提高至|提高|增加到|增加至|增加|下降|降低|减少|回落|降至|降到|达到|达|为|控制在|保持在|稳定在|突破|超过|)"
    # a share written in Chinese numerals (百分之十二点八, older national reports) or a figure in digits
    r"(?:百分之(?P<cnum>[零〇一二两三四五六七八九十百点]+)|(?P<num>\d+(?:\.\d+)?|" + WORD_FIGURE + r")\s*"
    r"(?P<scale>万亿|千亿|亿|千万|百万|万|千)?"
    r"(?P<unit>%|个百分点|美元|元|人次|人|吨标准煤|吨标煤|吨|公顷|万亩|亩|公里|微克/立方米|平方米|套|户|家|个|斤)?)"
)


def _num_start(n: re.Match) -> int:
    return n.start("num") if n.group("num") else n.start("cnum") - 3


def _value(n: re.Match) -> float | None:
    return number_value(n.group("num")) if n.group("num") else parse_number(n.group("cnum"))


def _unit_of(n: re.Match) -> str | None:
    return n.group("unit") or ("%" if n.group("cnum") else None)
_DOWN = ("下降", "降低", "减少", "回落")
_GROWTH_NAMES = ("涨幅", "上涨", "增速", "增长")
_TARGET_AFTER = re.compile(r"左右的|(?:的)?(?:预期)?目标|以内的")
_AVERAGE = re.compile(r"年均|平均每年|每年平均")  # 五年平均每年增长百分之七点九: a five-year mean
_CUMULATIVE = re.compile(r"累计|比(?P<base>\d{4})年")
# 社消零比“十三五”增长21.5%: a term's total against the previous term's, no year's rate
_TERM_BASE = re.compile(r"比“?十.五”?(?:时期|期间)?")
LEAD_IN = 6  # characters before a metric's name read for its basis word
_LEAD_IN = re.compile(r"[^，。；;,、：:]*$")
_YEAR = re.compile(r"(\d{4})年(?!代)")
_LAST_YEAR = re.compile(r"去年|上年")
# a year written right before the number dates it (PM2.5浓度从2020年的24微克/立方米降至20…: 24 is 2020's level)
_YEAR_OF = re.compile(r"(\d{4})年(?:底|末)?的?$")


@dataclass(frozen=True)
class Figure:
    metric: Metric
    value: float  # signed: a decline is negative
    scaled: float  # value times its scale (万, 亿 ...)
    unit: str | None  # base unit: %, 个百分点, 元, 人 ... (scale removed)
    growth: bool  # a change (增长/下降 …) rather than a level
    basis: str  # annual | average | cumulative | term (against the previous plan term)
    base_year: int | None
    period: int | None
    mention_start: int
    start: int  # original offsets of the number and unit
    end: int
    sent_start: int
    sent_end: int
    part: Part


_ITEM_SEP = re.compile(r"[、和与及]")
_CLAUSE_END = re.compile(r"[，。；;,]")


def _respectively(folded: str, m, sent_end: int):
    """(number, verb) of a metric listed before 分别 (实际利用外资、进出口总额年均分别增长27.1%、29%):
    the k-th item of the list takes the k-th number; None when the metric is not so listed."""
    start = max((folded.rfind(c, 0, m.start) for c in "，。；;,：: \n"), default=-1) + 1
    items = len(_ITEM_SEP.findall(folded, start, m.start))
    gap = folded.find("分别", m.end, min(sent_end, m.end + 24))
    if gap < 0 or _CLAUSE_END.search(folded, m.end, gap) or re.search(r"\d", folded[m.end:gap]):
        return None
    if items == 0 and not _ITEM_SEP.search(folded, m.end, gap):
        return None  # one metric only: 分别 lists something else (其中…分别)
    end = _CLAUSE_END.search(folded, gap, sent_end)
    found = [n for n in _NUM.finditer(folded, gap + 2, end.start() if end else sent_end)
             if _unit_of(n) or n.group("scale")]
    if items >= len(found):
        return None
    return found[items], found[0].group("verb") or ""


def _figures_in(folded: str, m, stop: int, last_year: int | None,
                sent: tuple[int, int, Part]) -> list[Figure]:
    out = []
    head = folded[sent[0] : m.start]
    years = _YEAR.findall(head)
    period = int(years[-1]) if years else None
    prev_end = max(m.start - 6, sent[0])
    listed = _respectively(folded, m, sent[1])
    # a basis word just before the metric's name in its clause (累计接待游客4367.22万人次) qualifies its figures too
    lead_in = _LEAD_IN.search(folded, max(sent[0], m.start - LEAD_IN), m.start)
    lead_in = lead_in.group() if lead_in else ""
    numbers = [listed[0]] if listed else _NUM.finditer(folded, m.end, stop)
    for n in numbers:
        lead_from, prev_end = prev_end, n.end()
        if not _unit_of(n) and not n.group("scale"):
            continue  # a bare number (a count without a unit, a year) is no figure
        if _YEAR.match(folded, _num_start(n)):
            continue
        if _TARGET_AFTER.match(folded, n.end()):
            continue
        lead = folded[max(m.end, n.start() - 10) : n.start()]
        verb = n.group("verb") or (listed[1] if listed else "")
        value = _value(n)
        if value is None:
            continue
        if verb in _DOWN or (not verb and lead.endswith(_DOWN)):
            value = -value
        growth = folded[m.start : m.end].endswith(_GROWTH_NAMES) or bool(verb and verb not in ("达到", "达", "为", "控制在", "保持在", "稳定在", "突破", "超过",
                                              "降至", "降到", "提高到", "提高至", "增加到", "增加至"))
        basis, base = "annual", None
        own_clause = not _CLAUSE_END.search(folded, m.end, n.start())
        window = (lead_in if own_clause else "") + folded[max(m.start, n.start() - 14) : n.start()]
        if _AVERAGE.search(window):
            basis = "average"
        elif _TERM_BASE.search(window):
            basis = "term"
        else:
            c = _CUMULATIVE.search(window)
            if c:
                basis = "cumulative"
                base = int(c.group("base")) if c.group("base") else None
        fig_period = period
        dated = _YEAR_OF.search(folded, max(m.end, _num_start(n) - 8), _num_start(n))
        if dated:
            fig_period = int(dated.group(1))
        said = _LAST_YEAR.search(folded, lead_from, n.start()) if last_year else None
        # a plan's 比去年 (比去年预算赤字减少500亿元) is the base of next year's figure, not its period
        if said and not (sent[2] in ("plan", "goals") and folded[said.start() - 1 : said.start()] == "比"):
            fig_period = last_year
        scale = scales().get(n.group("scale") or "", 1.0)
        unit = _unit_of(n)
        out.append(Figure(m.metric, value, value * scale, unit, growth, basis, base, fig_period,
                          m.start, _num_start(n), n.end(), sent[0], sent[1], sent[2]))
    return out


def _split_pair(folded: str, m, figures: list[Figure]) -> list[Figure]:
    """Figures of a name of two series given a figure each (城乡居民人均可支配收入分别增长5.4%、7.6%): after 分别 they
    take the first series and the second in turn (``metrics.paired``); ``figures`` as they are otherwise."""
    pair = paired(folded, m)
    if pair is None:
        return figures
    after = [f for f in figures if f.start >= pair[2]]
    return [f for f in figures if f.start < pair[2]] + [replace(f, metric=pair[k % 2]) for k, f in enumerate(after)]


def scan_figures(mt: MappedText, ex: Extraction | None = None, year: int | None = None) -> dict[str, list[Figure]]:
    """All figures of a report by metric id, in original offsets.

    ``year`` is the period a figure without a written year is taken to describe
    (the year a review looks back on); 去年/上年 also resolve to it.
    """
    folded = soften_breaks(mt.text)
    by_metric: dict[str, list[Figure]] = {}
    for sent in sentence_spans(mt, ex):
        found = mentions(folded, sent[0], sent[1])
        for i, m in enumerate(found):
            stop = found[i + 1].start if i + 1 < len(found) else sent[1]
            for f in _split_pair(folded, m, _figures_in(folded, m, stop, year, sent)):
                by_metric.setdefault(f.metric.id, []).append(_to_original(mt, f))
    return by_metric


def _to_original(mt: MappedText, f: Figure) -> Figure:
    start, end = mt.span(f.start, f.end)
    sent_start, sent_end = mt.span(f.sent_start, f.sent_end)
    return replace(f, mention_start=mt.to_original(f.mention_start), start=start, end=end,
                   sent_start=sent_start, sent_end=sent_end)
