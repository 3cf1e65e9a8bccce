"""Quantitative indicators: numbers with units in each sentence, with their metric,
comparator, change, kind, period and base period (contract: docs/indicators.md)."""

from __future__ import annotations

import re
from bisect import bisect_right

from luoshi.extract.changes import change_of
from luoshi.extract.metrics import metric_after, metric_before
from luoshi.extract.not_indicators import is_not_indicator, is_slogan_count, phrase_spans
from luoshi.extract.numbers import NumberMatch, find_numbers
from luoshi.extract.periods import PeriodMatch, find_periods
from luoshi.extract.units import unit_kind
from luoshi.model import Indicator, IndicatorKind, Sentence, Structure
from luoshi.textmap import MappedText

_CLAUSE_END = re.compile(r"[,;:!?。，；：！？\n]")
_FORWARD = re.compile(r"力争|争取|预期|目标|确保|要|将|计划|拟|预计到")
_ESTIMATE = re.compile(r"预计")
_BASELINE_BEFORE = re.compile(r"(?:由|从)$")
_LIST_GAP = re.compile(r"和|、|与|及")
_AVERAGE = re.compile(r"年均|平均每年|每年平均")
_CUMULATIVE = re.compile(r"累计(?:完成|下降|增长|减少|提高|新增|实现|建成|投资|达到|降低|压减)")
_RELATIVE_BASE = ("上年", "去年", "同比", "上一年")


def _kind(part: str, sentence: str, before: str) -> IndicatorKind:
    if _BASELINE_BEFORE.search(before):
        return "baseline"
    if part == "review":
        return "actual"
    if part in ("goals", "plan"):
        return "target"
    if _ESTIMATE.search(sentence) and not _FORWARD.search(sentence.replace("预计", "")):
        return "actual"
    return "target" if _FORWARD.search(sentence) else "actual"


def _keep(text: str, n: NumberMatch, blocked: list[tuple[int, int]]) -> bool:
    if any(s < n.end and n.num_start < e for s, e in blocked):
        return False
    return not is_not_indicator(text, n) and not is_slogan_count(text, n)


def _period(n: NumberMatch, periods: list[PeriodMatch], clause_start: int, before: str,
            kind: IndicatorKind, base: PeriodMatch | None, default: str | None) -> str | None:
    own = [p for p in periods if p.role != "base" and p.end <= n.start]
    after = [p for p in periods if p.role != "base" and p.start >= n.end and p.start >= clause_start]
    span = next((p for p in own if p.role == "span" and p.period), None)
    if _AVERAGE.search(before) or _CUMULATIVE.search(before):
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


def _base(n: NumberMatch, periods: list[PeriodMatch], clause_start: int, period: str | None) -> PeriodMatch | None:
    for p in reversed(periods):
        if p.role == "base" and clause_start <= p.start and p.end <= n.start:
            return p
    return None


def _base_text(base: PeriodMatch | None, period: str | None) -> str | None:
    if base is None:
        return None
    if base.text in _RELATIVE_BASE and period and period[:4].isdigit():
        return str(int(period[:4]) - 1)
    return base.period


def _sentence_indicators(mt: MappedText, sent: Sentence, year: int | None, counter: list[int]) -> list[Indicator]:
    text = mt.text
    s, e = mt.to_norm(sent.start), mt.to_norm(sent.end)
    found = find_numbers(text, s, e)
    if not found:
        return []
    stext = text[s:e]
    periods = [PeriodMatch(p.start + s, p.end + s, p.text, p.period, p.role) for p in find_periods(stext, year)]
    _share_list_units(text, found)
    blocked = [(p.start, p.end) for p in periods] + phrase_spans(text, s, e)
    numbers = [n for n in found if _keep(text, n, blocked)]
    if not numbers:
        return []
    bounds = [s] + [m.end() for m in _CLAUSE_END.finditer(text, s, e)]
    sentence = mt.original[sent.start : sent.end]
    if year is None:
        default_target = default_actual = None
    else:
        default_target, default_actual = str(year), str(year - 1)
    out: list[Indicator] = []
    prev_end = s
    for i, n in enumerate(numbers):
        clause_start = bounds[bisect_right(bounds, n.start) - 1]
        lo = max(clause_start, prev_end)
        before = text[clause_start : n.start]
        kind = _kind(sent.part, sentence, text[max(s, n.start - 2) : n.start])
        base = _base(n, periods, clause_start, None)
        default = default_target if kind == "target" else default_actual
        period = _period(n, periods, clause_start, before, kind, base, default)
        unit = n.unit
        metric = _metric(text, n, lo, periods)
        start, end = mt.span(n.start, n.end)
        counter[0] += 1
        out.append(Indicator(
            id=f"i{counter[0]}", metric=metric, value=n.value, value_high=n.value_high, unit=unit,
            value_text=mt.original[start:end], comparator=n.comparator, change=change_of(before),
            kind=kind, period=period, base_period=_base_text(base, period), sentence=sentence,
            start=start, end=end, section=sent.section,
        ))
        prev_end = n.end
    _fill_elided(text, numbers, out)
    return out


def _share_list_units(text: str, found: list[NumberMatch]) -> None:
    """A bare number listed before one with a unit shares it (提高4.8和5.5个百分点)."""
    for i in range(len(found) - 2, -1, -1):
        n, nxt = found[i], found[i + 1]
        if n.unit is None and nxt.unit and _LIST_GAP.fullmatch(text, n.end, nxt.start):
            n.unit = nxt.unit


def _metric(text: str, n: NumberMatch, lo: int, periods: list[PeriodMatch]) -> str | None:
    if unit_kind(n.unit) in ("measure", "people") and not (n.unit or "").endswith(("人", "人次")):
        after = metric_after(text, n.end)
        if after:
            return after
    pieces, pos = [], lo
    for p in periods:
        if p.role != "base" and lo <= p.start and p.end <= n.start:
            pieces.append(text[pos : p.start])
            pos = p.end
    pieces.append(text[pos : n.start])
    return metric_before("".join(pieces))


def _fill_elided(text: str, numbers: list[NumberMatch], out: list[Indicator]) -> None:
    """Give subject-less figures the metric they refer to: the one before them in the
    sentence, or for a 分别 list the earlier metrics in order."""
    i = 0
    while i < len(out):
        if "分别" in text[max(0, numbers[i].start - 8) : numbers[i].start]:
            j = i + 1
            while j < len(out) and _LIST_GAP.fullmatch(text, numbers[j - 1].end, numbers[j].start):
                j += 1
            earlier = [o.metric for o in out[:i] if o.metric]
            count = j - i
            if len(earlier) >= count:
                for k, metric in enumerate(earlier[-count:]):
                    out[i + k].metric = metric
            i = j
            continue
        if out[i].metric is None and i > 0:
            out[i].metric = out[i - 1].metric
        i += 1


def extract_indicators(mt: MappedText, structure: Structure) -> list[Indicator]:
    """Every indicator of the report, ids i1, i2 … in text order."""
    counter = [0]
    out: list[Indicator] = []
    for sent in structure.sentences:
        out.extend(_sentence_indicators(mt, sent, structure.meta.year, counter))
    return out
