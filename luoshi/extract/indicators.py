"""Quantitative indicators: numbers with units in each sentence, with their metric,
comparator, change, kind, period and base period (contract: docs/indicators.md)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from luoshi.extract.changes import change_of
from luoshi.extract.figure_periods import PeriodContext, base_period, figure_period, is_average
from luoshi.extract.metrics import (
    is_fragment,
    metric_after,
    metric_before,
    split_subjects,
    starts_with_action,
    topic_phrase,
    wants_object,
)
from luoshi.extract.not_indicators import is_not_indicator, is_slogan_count, phrase_spans
from luoshi.extract.numbers import NumberMatch, find_numbers
from luoshi.extract.periods import PeriodMatch
from luoshi.extract.units import unit_kind
from luoshi.model import Indicator, IndicatorKind, Sentence, Structure
from luoshi.textmap import MappedText

_CLAUSE_END = re.compile(r"[,;:!?。，；：！？]")
_FORWARD = re.compile(r"力争|争取|预期|目标|确保|要|将|计划|拟|预计到")
_ESTIMATE = re.compile(r"预计")
# 由30%提升至58.4%, 由每人每年420元提高到450元: the first figure is the starting level.
_BASELINE_BEFORE = re.compile(r"(?:由|从)[^,;。由从]{0,6}$")
_BASELINE_AFTER = re.compile(r"[^,;。]{0,8}?(?:到|至|为)")
_LIST_GAP = re.compile(r"和|、|与|及")
_RESPECTIVELY = re.compile(r"分别")
_MODIFIER = re.compile(r"的|以来")  # 面向2030年的项目: the year qualifies a noun, not the figure


def _kind(part: str, sentence: str, before: str, after: str) -> IndicatorKind:
    if _BASELINE_BEFORE.search(before) and _BASELINE_AFTER.match(after):
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


def _share_list_units(text: str, found: list[NumberMatch]) -> None:
    """A bare number listed before one with a unit shares it (提高4.8和5.5个百分点)."""
    for i in range(len(found) - 2, -1, -1):
        n, nxt = found[i], found[i + 1]
        if n.unit is None and nxt.unit and _LIST_GAP.fullmatch(text, n.end, nxt.start):
            n.unit = nxt.unit


def _without_periods(text: str, lo: int, hi: int, periods: list[PeriodMatch]) -> str:
    pieces, pos = [], lo
    for p in periods:
        if p.role != "base" and lo <= p.start and p.end <= hi:
            pieces.append(text[pos : p.start])
            pos = p.end
    pieces.append(text[pos:hi])
    return "".join(pieces)


def _metric(text: str, n: NumberMatch, nxt: NumberMatch | None, phrase: str, topic: str | None) -> str | None:
    """``topic``: the noun-phrase clause just before the figure's clause, if any."""
    after_pos = nxt.end if nxt is not None and not text[n.end : nxt.start].strip() else n.end
    if unit_kind(n.unit) in ("measure", "people") and not (n.unit or "").endswith(("人", "人次")):
        after = metric_after(text, after_pos)
        if after and not is_fragment(after):
            return after
    if wants_object(phrase):
        after = metric_after(text, after_pos)
        if after and len(after) >= 2 and not is_fragment(after):
            return after
    before = metric_before(phrase)
    if before is None:
        if topic:
            return topic
        after = metric_after(text, after_pos)
        return after if after and len(after) >= 2 and not is_fragment(after) else None
    return before


def _topic(text: str, bounds: list[int], k: int, at: int, numbers: list[NumberMatch],
           periods: list[PeriodMatch]) -> str | None:
    """The clause before clause ``k`` when it holds no figure, is only a noun phrase and opens
    its sentence or semicolon part (clauses that only date it aside): 全年社会商品零售总额，
    比上年增长17.8% -> 社会商品零售总额; not 扣除物价上涨因素，比上年增长12.5%."""
    if k == 0:
        return None
    lo, hi = bounds[k - 1], bounds[k]
    if any(lo <= n.start < at for n in numbers):  # the clause before, and earlier figures of this one
        return None
    for j in range(k - 2, -1, -1):  # what precedes it, back to the sentence or a semicolon
        if text[bounds[j + 1] - 1] in ";；":
            break
        if any(bounds[j] <= n.start < bounds[j + 1] for n in numbers) or _without_periods(
            text, bounds[j], bounds[j + 1], periods
        ).strip(" ，,：:"):
            return None
    return topic_phrase(_without_periods(text, lo, hi, periods).rstrip("，,；;：:"))


def _sentence_indicators(mt: MappedText, sent: Sentence, s: int, e: int, found: list[NumberMatch],
                         ctx: PeriodContext, counter: list[int]) -> list[Indicator]:
    """Indicators of one sentence (normalized span ``s:e``) from the quantities ``found`` in it."""
    text = mt.text
    _share_list_units(text, found)
    periods = ctx.sentence_periods(text[s:e], s, sent.part)
    blocked = [(p.start, p.end) for p in periods] + phrase_spans(text, s, e)
    numbers = [n for n in found if _keep(text, n, blocked)]
    if not numbers:
        return []
    bounds = [s] + [m.end() for m in _CLAUSE_END.finditer(text, s, e)] + [e]
    sentence = mt.original[sent.start : sent.end]
    out: list[Indicator] = []
    phrases: list[str] = []
    prev_end = s
    for i, n in enumerate(numbers):
        k = bisect_right(bounds, n.start) - 1
        clause_start, clause_end = bounds[k], bounds[min(k + 1, len(bounds) - 1)]
        before = text[clause_start : n.start]
        kind = _kind(sent.part, sentence, before, text[n.end : clause_end])
        base = next((p for p in reversed(periods) if p.role == "base" and clause_start <= p.start and p.end <= n.start), None)
        own = [p for p in periods if p.role != "base" and p.end <= n.start
               and (p.start >= clause_start or not _MODIFIER.match(text, p.end))]
        after = [p for p in periods if p.role != "base" and n.end <= p.start < clause_end]
        average = is_average(before)
        change = change_of(before)
        flow = sent.part == "review" and base is None and (change != "level" or starts_with_action(before))
        span_base = base or next((p for p in reversed(periods) if p.role == "base" and p.end <= n.start), None)
        period = figure_period(own, after, average, span_base if average else base,
                               ctx.default(kind, sent.section, average or flow))
        phrase = _without_periods(text, max(clause_start, prev_end), n.start, periods)
        phrases.append(_without_periods(text, clause_start, n.start, periods))
        nxt = found[found.index(n) + 1] if found.index(n) + 1 < len(found) else None
        start, end = mt.span(n.start, n.end)
        counter[0] += 1
        out.append(Indicator(
            id=f"i{counter[0]}", metric=_metric(text, n, nxt, phrase, _topic(text, bounds, k, n.start, found, periods)),
            value=n.value, value_high=n.value_high,
            unit=n.unit, value_text=mt.original[start:end], comparator=n.comparator, change=change,
            kind=kind, period=period, base_period=base_period(base, period), sentence=sentence,
            start=start, end=end, section=sent.section,
        ))
        prev_end = n.end
    _fill_elided(text, numbers, phrases, out)
    return out


def _fill_elided(text: str, numbers: list[NumberMatch], phrases: list[str], out: list[Indicator]) -> None:
    """Give subject-less figures the metric they refer to: for a list (分别 …) the joint
    subject split in order or the earlier metrics in order, else the metric before them."""
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and _LIST_GAP.fullmatch(text, numbers[j - 1].end, numbers[j].start):
            j += 1
        count = j - i
        if count > 1 and (_RESPECTIVELY.search(phrases[i]) or out[i].metric is None):
            metrics = split_subjects(phrases[i], count)
            if metrics is None:
                earlier = [o.metric for o in out[:i] if o.metric]
                metrics = earlier[-count:] if len(earlier) >= count else None
            if metrics:
                for k, metric in enumerate(metrics):
                    out[i + k].metric = metric
            i = j
            continue
        if out[i].metric is None and i > 0:
            out[i].metric = out[i - 1].metric
        i += 1


def extract_indicators(mt: MappedText, structure: Structure) -> list[Indicator]:
    """Every indicator of the report, ids i1, i2 … in text order."""
    ctx = PeriodContext(structure)
    counter = [0]
    out: list[Indicator] = []
    numbers = find_numbers(mt.text)  # one scan of the whole text, then sentence by sentence
    starts = [n.start for n in numbers]
    for sent in structure.sentences:
        s, e = mt.to_norm(sent.start), mt.to_norm(sent.end)
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        found = [n for n in numbers[i:j] if n.end <= e]
        if found:
            out.extend(_sentence_indicators(mt, sent, s, e, found, ctx, counter))
    return out
