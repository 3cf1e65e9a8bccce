"""Link a target indicator of one report to the figure a later report gives for it.

The later report's review is searched for the same metric (synonyms), a compatible
unit and the same period; a five-year review's average (年均) or cumulative (比2016年
增长28.5%) figure is used when no annual one exists, annualised, and the reason says
so. Without any figure, a qualitative statement (超过预期目标, 未能实现) may decide.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from luoshi import rules
from luoshi.extract.vocab import alternation
from luoshi.link.compare import better_side, judge
from luoshi.link.figures import Figure
from luoshi.link.metrics import Metric, mentions, metric_of, paired, scales
from luoshi.link.segments import Unit
from luoshi.model import Evidence, Indicator, Link
from luoshi.textmap import fold

_UNIT = re.compile(r"^(?P<scale>万亿|千亿|亿|千万|百万|万|千)?(?P<base>.*)$")
_CLAUSE_END = "，。；,;！？!?\n"


@lru_cache(maxsize=1)
def _qualitative() -> tuple[re.Pattern, re.Pattern]:
    q = rules.load("verdict_words")["qualitative"]
    make = lambda ws: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True))))  # noqa: E731
    return make(q["met"]["words"]), make(q["missed"]["words"])


def split_unit(unit: str | None) -> tuple[float, str | None]:
    """"万人" -> (10000, "人"); "%" -> (1, "%")."""
    if not unit:
        return 1.0, None
    m = _UNIT.match(fold(unit))
    base = m.group("base") or None if m else unit
    return scales().get(m.group("scale") or "", 1.0) if m else 1.0, base


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _score(f: Figure, ind: Indicator, base: str | None, period: int | None, review_year: int | None) -> float | None:
    if (f.unit or None) != base and not (base in (None, "") and f.unit is None):
        return None
    if f.basis == "term":
        return None  # a term's total against the last term's (比“十三五”增长21.5%) is no rate or level of one year
    explicit = f.period is not None
    if f.part in ("plan", "goals") and not (explicit and f.period == period):
        return None
    score = 0.0
    if explicit:
        score += 3 if f.period == period else -2
    elif review_year is not None and period is not None and review_year == period:
        score += 1
    score += {"annual": 1.0, "average": 0.5}.get(f.basis, 0.0)
    if base == "%":
        score += 2 if f.growth == (ind.change != "level") else -1
    return score


def _annualised(f: Figure, period: int | None) -> tuple[float, str]:
    """The figure as an annual rate where it is an average or cumulative one."""
    if f.basis == "cumulative" and f.base_year and f.unit == "%":
        end = f.period or period
        years = (end - f.base_year) if end else 0
        if years >= 2:
            rate = ((1 + f.value / 100) ** (1 / years) - 1) * 100
            return rate, f"{f.base_year}—{end}年累计{_fmt(f.value)}%，折合年均{rate:.1f}%"
    if f.basis == "average":
        return f.value, "五年（多年）年均数"
    return f.value, ""


def evidence_span(text: str, f: Figure) -> tuple[int, int]:
    """The clause around a figure, from its metric's mention to the end of the clause."""
    s = f.mention_start
    while s > f.sent_start and text[s - 1] not in _CLAUSE_END:
        s -= 1
    e = f.end
    while e < f.sent_end and text[e] not in _CLAUSE_END:
        e += 1
    return s, e


def link_indicator(ind: Indicator, figures: dict[str, list[Figure]], new_text: str, units: list[Unit],
                   doc: str, review_year: int | None) -> Link:
    """The verdict on ``ind``; a target whose figure several metrics share (生产总值、人均GDP、全员劳动生产率增速均为7%)
    is judged on the first of them the review gives a figure for when its own name finds none."""
    ind = own_clause_name(ind)
    link = _link_one(ind, figures, new_text, units, doc, review_year)
    if link.status != "no_evidence" or link.evidence:
        return link
    names = shared_figure_names(ind)
    for name in names:
        other = _link_one(replace(ind, metric=name), figures, new_text, units, doc, review_year)
        if other.status != "no_evidence":
            other.source_text, other.source_start, other.source_end = ind.value_text, ind.start, ind.end
            listed = "、".join([*names, ind.metric or ""])
            other.reason = f"{listed}共用目标{ind.value_text}，新报告给出{name}的数据；{other.reason}"
            return other
    return link


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _only_place(sentence: str, value_text: str) -> int | None:
    """Where the target's figure stands in its (folded) sentence; None when the sentence writes it more than once
    (地区生产总值增长7%、一般公共预算收入增长7%): which one is the target's is not known there."""
    spots = [m.start() for m in re.finditer(r"(?<![\d.])" + re.escape(fold(value_text)), sentence)]
    return spots[0] if len(spots) == 1 else None

_ITEM_END = re.compile(r"[；;。！？!?\n]")


def own_clause_name(ind: Indicator) -> Indicator:
    """``ind`` named by the known statistic its figure's own item names, when its name is not in that item
    (一般公共预算收入可比增长10%左右；城乡居民人均可支配收入分别增长6.5%: a name carried over from the item before
    is not the metric of 6.5%). Items of a list of targets end at ；or 。; ``ind`` itself otherwise."""
    sentence = fold(ind.sentence)
    at = _only_place(sentence, ind.value_text)
    name = fold(ind.metric or "")
    if at is None or not name:
        return ind
    start = max((m.end() for m in _ITEM_END.finditer(sentence, 0, at)), default=0)
    found = mentions(sentence, start, at)
    pair = paired(sentence, found[-1]) if found else None
    if pair is not None and at >= pair[2]:
        # 城乡居民人均可支配收入分别增长6.5%、7.5%: the first figure is the urban series', the second the rural one's
        series = pair[len(_DIGITS.findall(sentence, pair[2], at)) % 2]
        return replace(ind, metric=series.names[0])
    if name in sentence[start:at] or not found or found[-1].metric == metric_of(name):
        return ind
    m = found[-1]
    return replace(ind, metric=sentence[m.start : m.end])


_LIST_SEP = re.compile(r"[、和及与]")
_LIST_START = re.compile(r"[，,；;：:。！？!?\n]")
_MAX_LISTED = 12  # characters of one listed metric name (人均GDP, 全员劳动生产率); longer pieces are clauses


def shared_figure_names(ind: Indicator) -> list[str]:
    """The metrics listed before the target's own name in its clause that share its figure, in order
    (生产总值、人均GDP、全员劳动生产率增速均为7% → 生产总值, 人均GDP); none when the figures are given
    one per metric (分别增长7%、8%) or the clause holds another number."""
    sentence = fold(ind.sentence)
    at = _only_place(sentence, ind.value_text)
    name = fold(ind.metric or "")
    if at is None or not name:
        return []
    start = max((m.end() for m in _LIST_START.finditer(sentence, 0, at)), default=0)
    stretch = sentence[start:at]
    if "分别" in stretch or re.search(r"\d", stretch):
        return []
    *listed, own = _LIST_SEP.split(stretch)
    if not listed or not own.startswith(name):
        return []
    listed = [p.strip() for p in listed]
    return listed if all(0 < len(p) <= _MAX_LISTED for p in listed) else []


def _link_one(ind: Indicator, figures: dict[str, list[Figure]], new_text: str, units: list[Unit],
              doc: str, review_year: int | None) -> Link:
    link = Link(ind.id, "indicator", ind.value_text, ind.start, ind.end,
                "no_evidence", 0.0, "", [])
    rate = as_rate(ind)
    if rate is not None:
        link = _link_one(rate, figures, new_text, units, doc, review_year)
        link.source_text, link.source_start, link.source_end = ind.value_text, ind.start, ind.end
        link.reason = f"{ind.metric}{ind.value_text}即{rate.metric}上涨{rate.value_text}；{link.reason}"
        return link
    metric = known_metric(ind)
    label = ind.metric or "指标"
    label = "" if label in ind.value_text else label
    if metric is None:
        link.reason = f"目标 {label}{ind.value_text}：无法识别指标名称，未找到对应数据"
        return link
    scale, base = split_unit(ind.unit)
    period = int(ind.period) if ind.period and ind.period.isdigit() else None
    scored = [(s, f) for f in figures.get(metric.id, []) if (s := _score(f, ind, base, period, review_year)) is not None]
    if not scored:
        return _qualitative_link(link, ind, metric, new_text, units, doc, label)
    scored.sort(key=lambda sf: (-sf[0], sf[1].start))
    best_score, best = scored[0]
    actual, note = _annualised(best, period)
    sign = -1.0 if ind.change == "decrease" else 1.0
    f_scale = best.scaled / best.value if best.value else 1.0
    actual_terms = sign * actual * f_scale / scale
    better = better_side(metric.direction, ind.change)
    verdict = judge(ind.comparator, ind.value, ind.value_high, actual_terms, ind.unit, better)
    actual_text = new_text[best.start : best.end]
    reason = f"目标 {label}{ind.value_text}，实际 {actual_text}"
    if note:
        reason += f"（{note}）"
    reason += f"，{verdict.phrase}"
    confidence = 0.9 if best.basis == "annual" and best_score >= 4 else 0.75 if best.basis == "annual" else 0.5
    if best.period is not None and period is not None and best.period != period:
        reason += f"；注意：新报告数据为{best.period}年"
        confidence = min(confidence, 0.4)
    link.status, link.confidence, link.reason = verdict.status, confidence, reason
    for rank, (s, f) in enumerate(scored[:3]):
        start, end = evidence_span(new_text, f)
        link.evidence.append(Evidence(doc, new_text[start:end], start, end, new_text[f.start:f.end],
                                      round(max(0.0, 1.0 - 0.2 * rank) * (1 if rank else confidence), 3)))
    return link


def known_metric(ind: Indicator) -> Metric | None:
    """The known statistic a target names (its name, or the mention before its value), if any."""
    return metric_of(ind.metric) or _metric_near(ind)


INDEX_BASE = 100.0  # a price index of the previous year = 100
_INDEX_RANGE = (80.0, 125.0)


def as_rate(ind: Indicator) -> Indicator | None:
    """A price index written as a level (居民消费价格指数103左右) is a rate: 103 is a rise of 3%.

    Reviews give the rate (居民消费价格上涨0.5%); the target is compared as one when the
    name without 指数 is a known metric and the value, without a unit, lies near 100.
    """
    name = fold(ind.metric or "")
    if not name.endswith("指数") or ind.unit not in (None, "") or not _INDEX_RANGE[0] <= ind.value <= _INDEX_RANGE[1]:
        return None
    if metric_of(name[:-2]) is None:
        return None
    high = ind.value_high - INDEX_BASE if ind.value_high is not None else None
    return replace(ind, metric=name[:-2], value=round(ind.value - INDEX_BASE, 6), value_high=high, unit="%",
                   change="increase", value_text=f"{_fmt(ind.value - INDEX_BASE)}%")


_CLAUSE_BREAK = re.compile(r"[，,；;。：:！？!?\n]")
_CJK = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _rank_words() -> re.Pattern:
    words = rules.load("synonyms")["target_names"]["rank"]
    return re.compile(alternation(fold(w) for w in words))


def rank_only(name: str) -> bool:
    """A target name made of rank words only (地级市中率先, 总量首次): it names no metric of its own."""
    return len(_CJK.findall(_rank_words().sub("", fold(name)).replace("在", "").replace("中", ""))) == 0


def _metric_near(ind: Indicator) -> Metric | None:
    """The metric of a target whose own name is missing or is a word inside a metric's name.

    An indicator with a name of its own that is no known metric (二氧化碳排放, 污染物排放总量)
    is another indicator: it never takes a metric from elsewhere in its sentence. Without a
    name, the mention closest before the value in its sentence is the metric.
    """
    sentence = fold(ind.sentence)
    at = sentence.find(fold(ind.value_text))
    found = mentions(sentence, 0, at if at >= 0 else None)
    if not found:
        return None
    if ind.metric:
        name = fold(ind.metric)
        spots = [i for i in range(len(sentence)) if sentence.startswith(name, i)]
        if not spots and len(name) > 2:
            # the name skips a plan word of the sentence (中央提出|今年|经济增长…: 中央提出经济): its last word stands for it
            spots = [i + 2 - len(name) for i in range(len(sentence)) if sentence.startswith(name[-2:], i)
                     and name[:2] in sentence[max(0, i - len(name) - 4) : i]]
        # 经济 in 经济增长7.5%, 中央提出经济|增长7%: the name ends inside the mention
        inside = [m for m in found for i in spots if m.start < i + len(name) <= m.end]
        if inside:
            return inside[-1].metric
        # 地区生产总值增长7.5%、在全省地级市中率先突破4000亿元: a name of rank words only names no metric;
        # the figure is the metric named just before it, with no clause break between them
        if rank_only(name) and not _CLAUSE_BREAK.search(sentence, found[-1].end, at if at >= 0 else len(sentence)):
            return found[-1].metric
        return None
    return found[-1].metric


def _qualitative_link(link: Link, ind: Indicator, metric: Metric, new_text: str, units: list[Unit],
                      doc: str, label: str) -> Link:
    met, missed = _qualitative()
    seen: set[int] = set()
    for u in units:
        if u.part in ("plan", "goals") or u.sent_start in seen:
            continue
        seen.add(u.sent_start)
        sentence = fold(new_text[u.sent_start : u.sent_end])
        found = [m for m in mentions(sentence) if m.metric.id == metric.id]
        if not found:
            continue
        for pattern, status, word in ((missed, "not_fulfilled", "未达成"), (met, "fulfilled", "已达成")):
            if pattern.search(sentence, found[0].end):
                link.status, link.confidence = status, 0.5
                text = new_text[u.sent_start : u.sent_end]
                link.reason = f"目标 {label}{ind.value_text}，新报告未给出数值，表述为“{text}”（{word}）"
                link.evidence.append(Evidence(doc, text, u.sent_start, u.sent_end, None, 0.5))
                return link
    link.reason = f"目标 {label}{ind.value_text}：新报告未给出{label}的对应数据"
    return link
