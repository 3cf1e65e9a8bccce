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
from luoshi.errors import LuoshiError
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


# A figure's context is its clause, but never more than this many characters either side:
# a real clause is far shorter, and the bound keeps a report with no punctuation linear.
WINDOW = 200
# A national work report has under 2,000 figures; far more means the file is not one report,
# and the output would be huge (every figure carries its sentence).
MAX_FIGURES = 50_000
# How many clauses back a topic phrase is looked for (only dating clauses may sit between).
_TOPIC_REACH = 8


def _sentence_tense(sentence: str) -> IndicatorKind:
    """The kind a figure of this sentence has when neither its part nor a baseline decides."""
    if _ESTIMATE.search(sentence) and not _FORWARD.search(sentence.replace("预计", "")):
        return "actual"
    return "target" if _FORWARD.search(sentence) else "actual"


def _kind(part: str, tense: IndicatorKind, before: str, after: str) -> IndicatorKind:
    if _BASELINE_BEFORE.search(before) and _BASELINE_AFTER.match(after):
        return "baseline"
    if part == "review":
        return "actual"
    if part in ("goals", "plan"):
        return "target"
    return tense


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged spans as (starts, ends), for a bisect overlap test."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _keep(text: str, n: NumberMatch, blocked: tuple[list[int], list[int]]) -> bool:
    starts, ends = blocked
    i = bisect_left(starts, n.end) - 1  # the last blocked span starting before the figure ends
    if i >= 0 and ends[i] > n.num_start:
        return False
    return not is_not_indicator(text, n) and not is_slogan_count(text, n)


def _share_list_units(text: str, found: list[NumberMatch]) -> None:
    """A bare number listed before one with a unit shares it (提高4.8和5.5个百分点)."""
    for i in range(len(found) - 2, -1, -1):
        n, nxt = found[i], found[i + 1]
        if n.unit is None and nxt.unit and _LIST_GAP.fullmatch(text, n.end, nxt.start):
            n.unit = nxt.unit


class _Periods:
    """The sentence's period phrases, indexed so each figure's lookups are logarithmic."""

    def __init__(self, text: str, periods: list[PeriodMatch]) -> None:
        self.all = periods  # in text order, not overlapping
        self.starts = [p.start for p in periods]
        self.plain = [p for p in periods if p.role != "base"]
        self.plain_starts = [p.start for p in self.plain]
        self.plain_ends = [p.end for p in self.plain]
        self.base = [p for p in periods if p.role == "base"]
        self.base_ends = [p.end for p in self.base]
        # Prefix indexes: the last span, the last unmodified period, the last unmodified span.
        self.last_span: list[int] = []
        self.last_free: list[int] = []
        self.last_free_span: list[int] = []
        span = free = free_span = -1
        for i, p in enumerate(self.plain):
            is_free = not _MODIFIER.match(text, p.end)
            is_span = p.role == "span" and bool(p.period)  # figure_period reads spans with a period
            span = i if is_span else span
            free = i if is_free else free
            free_span = i if is_free and is_span else free_span
            self.last_span.append(span)
            self.last_free.append(free)
            self.last_free_span.append(free_span)

    def own(self, clause_start: int, at: int) -> list[PeriodMatch]:
        """What ``figure_period`` reads of the non-base periods before ``at`` (the last one and
        the last span with a period): any in the figure's clause, and before it those not
        modifying a noun (面向2030年的)."""
        k = bisect_right(self.plain_ends, at)  # plain[:k] end before the figure
        if k == 0:
            return []
        a = bisect_left(self.plain_starts, clause_start, 0, k)  # plain[a:k] are in the clause
        last = k - 1 if a < k else self.last_free[k - 1]
        span = self.last_span[k - 1] if self.last_span[k - 1] >= a else -1
        if span < 0:
            span = self.last_free_span[k - 1]
        picked = sorted({i for i in (span, last) if i >= 0})
        return [self.plain[i] for i in picked]

    def after(self, at: int, clause_end: int) -> list[PeriodMatch]:
        """The first non-base period in the clause after the figure (all ``figure_period`` reads)."""
        j = bisect_left(self.plain_starts, at)
        return [self.plain[j]] if j < len(self.plain) and self.plain[j].start < clause_end else []

    def base_before(self, at: int, clause_start: int | None = None) -> PeriodMatch | None:
        """The last base period (比上年) ending before ``at``, within the clause if given."""
        k = bisect_right(self.base_ends, at) - 1
        if k < 0 or (clause_start is not None and self.base[k].start < clause_start):
            return None
        return self.base[k]

    def without(self, text: str, lo: int, hi: int) -> str:
        """``text[lo:hi]`` with the non-base periods wholly inside it cut out."""
        pieces, pos = [], lo
        for i in range(bisect_left(self.plain_starts, lo), len(self.plain)):
            p = self.plain[i]
            if p.start >= hi:
                break
            if p.end <= hi:
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


def _has_number(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _topic(text: str, bounds: list[int], k: int, at: int, number_starts: list[int], periods: _Periods) -> str | None:
    """The clause before clause ``k`` when it holds no figure, is only a noun phrase and opens
    its sentence or semicolon part (clauses that only date it aside): 全年社会商品零售总额，
    比上年增长17.8% -> 社会商品零售总额; not 扣除物价上涨因素，比上年增长12.5%."""
    if k == 0:
        return None
    lo, hi = bounds[k - 1], bounds[k]
    if hi - lo > WINDOW or _has_number(number_starts, lo, at):  # the clause before, and earlier figures of this one
        return None
    for j in range(k - 2, -1, -1):  # what precedes it, back to the sentence or a semicolon
        if text[bounds[j + 1] - 1] in ";；":
            break
        if k - 2 - j >= _TOPIC_REACH or bounds[j + 1] - bounds[j] > WINDOW:
            return None
        if _has_number(number_starts, bounds[j], bounds[j + 1]) or periods.without(
            text, bounds[j], bounds[j + 1]
        ).strip(" ，,：:"):
            return None
    return topic_phrase(periods.without(text, lo, hi).rstrip("，,；;：:"))


def _sentence_indicators(mt: MappedText, sent: Sentence, s: int, e: int, found: list[NumberMatch],
                         ctx: PeriodContext, counter: list[int]) -> list[Indicator]:
    """Indicators of one sentence (normalized span ``s:e``) from the quantities ``found`` in it.
    Each figure's work is bounded by ``WINDOW``, so a sentence costs linear time in its length."""
    text = mt.text
    _share_list_units(text, found)
    found_periods = ctx.sentence_periods(text[s:e], s, sent.part)
    blocked = _merged([(p.start, p.end) for p in found_periods] + phrase_spans(text, s, e))
    numbers = [n for n in found if _keep(text, n, blocked)]
    if not numbers:
        return []
    periods = _Periods(text, found_periods)
    position = {id(n): i for i, n in enumerate(found)}
    found_starts = [n.start for n in found]
    bounds = [s] + [m.end() for m in _CLAUSE_END.finditer(text, s, e)] + [e]
    sentence = mt.original[sent.start : sent.end]
    tense = _sentence_tense(sentence)
    out: list[Indicator] = []
    phrases: list[str] = []
    prev_end = s
    for n in numbers:
        k = bisect_right(bounds, n.start) - 1
        clause_start, clause_end = bounds[k], bounds[min(k + 1, len(bounds) - 1)]
        near_start = max(clause_start, n.start - WINDOW)
        before = text[near_start : n.start]
        kind = _kind(sent.part, tense, before, text[n.end : min(clause_end, n.end + WINDOW)])
        base = periods.base_before(n.start, clause_start)
        own = periods.own(clause_start, n.start)
        after = periods.after(n.end, clause_end)
        average = is_average(before)
        change = change_of(before)
        flow = sent.part == "review" and base is None and (change != "level" or starts_with_action(before))
        span_base = base or periods.base_before(n.start)
        period = figure_period(own, after, average, span_base if average else base,
                               ctx.default(kind, sent.section, average or flow))
        phrase = periods.without(text, max(near_start, prev_end), n.start)
        phrases.append(periods.without(text, near_start, n.start))
        i = position[id(n)]
        nxt = found[i + 1] if i + 1 < len(found) else None
        start, end = mt.span(n.start, n.end)
        counter[0] += 1
        out.append(Indicator(
            id=f"i{counter[0]}", metric=_metric(text, n, nxt, phrase, _topic(text, bounds, k, n.start, found_starts, periods)),
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
    earlier: list[str] = []  # the metrics of out[:i], kept as i advances
    i = 0
    while i < len(out):
        j = i + 1
        while j < len(out) and _LIST_GAP.fullmatch(text, numbers[j - 1].end, numbers[j].start):
            j += 1
        count = j - i
        if count > 1 and (_RESPECTIVELY.search(phrases[i]) or out[i].metric is None):
            metrics = split_subjects(phrases[i], count)
            if metrics is None:
                metrics = earlier[-count:] if len(earlier) >= count else None
            if metrics:
                for k, metric in enumerate(metrics):
                    out[i + k].metric = metric
            earlier.extend(o.metric for o in out[i:j] if o.metric)
            i = j
            continue
        if out[i].metric is None and i > 0:
            out[i].metric = out[i - 1].metric
        if out[i].metric:
            earlier.append(out[i].metric)
        i += 1


_ARABIC_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _too_many_figures(count: int) -> LuoshiError:
    return LuoshiError("E015", f"the text has {count} figures, over the limit of {MAX_FIGURES} for one report",
                       "a work report has a few thousand figures at most; split the file into one report each")


def check_figures(normalized: str) -> None:
    """E015 before any stage runs when the Arabic numbers alone pass MAX_FIGURES: counting them
    is a C-speed scan, while finding every figure (and the sentences around them) on 3 MB of
    "增长5%，" took 20 s before the same error."""
    count = 0
    for count, _ in enumerate(_ARABIC_NUMBER.finditer(normalized), 1):
        if count > MAX_FIGURES:
            raise _too_many_figures(sum(1 for _ in _ARABIC_NUMBER.finditer(normalized)))


def extract_indicators(mt: MappedText, structure: Structure) -> list[Indicator]:
    """Every indicator of the report, ids i1, i2 … in text order."""
    ctx = PeriodContext(structure)
    counter = [0]
    out: list[Indicator] = []
    numbers = find_numbers(mt.text)  # one scan of the whole text, then sentence by sentence
    if len(numbers) > MAX_FIGURES:
        raise _too_many_figures(len(numbers))
    starts = [n.start for n in numbers]
    for sent in structure.sentences:
        s, e = mt.to_norm(sent.start), mt.to_norm(sent.end)
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        found = [n for n in numbers[i:j] if n.end <= e]
        if found:
            out.extend(_sentence_indicators(mt, sent, s, e, found, ctx, counter))
    return out
