"""Targets that count works above a size (实施5000万元以上项目超过1300个, 新备案超10亿元产业项目80个以上).

What is counted is a class: the works of at least an amount. The amount is no target of its own and
the count's name (项目) says nothing without it, so neither is found by its name. A review counts the
same class with the same amount (实施投资5000万元以上项目1381个, 新签约5000万元及以上项目356个); its
count is the actual figure. A review line on the same amount sharing the target's verb (实施, 备案) is
taken first; one with another verb (引进 → 签约) only when it is the review's only line on that class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.link.compare import judge
from luoshi.link.index import bigrams
from luoshi.link.pledges import EvidenceIndex, unit_evidence
from luoshi.model import Indicator, Link
from luoshi.textmap import fold

_CLASS = re.compile(r"(?P<over>超过|超)?(?P<amount>\d+(?:\.\d+)?)(?P<scale>亿|万)元(?:及)?(?P<above>以上)?"
                    r"(?P<noun>[\u3400-\u9fff]{0,4}?项目)(?P<cmp>超过|超|达到|达)?(?P<count>\d+)个(?P<above2>以上)?")
_MANY_YEARS = re.compile(r"累计|五年|[两二三四五]年来")
VERB_SPAN = 6  # characters before the amount read for the verb of the count (实施, 新签约, 引进投资)
CONFIDENCE = 0.6


@dataclass(frozen=True)
class SizeClass:
    amount: str  # 5000万, 10亿: the lower bound of the class
    noun: str  # 项目, 产业项目
    verb: str  # the words before the amount (全年实施, 新备案)
    count: float
    comparator: str


def _class_of(m: re.Match, text: str) -> SizeClass | None:
    if not (m.group("over") or m.group("above")):
        return None  # 投资5000万元项目: one work's amount, no class
    comparator = "at_least" if m.group("cmp") in ("超过", "超") or m.group("above2") else "eq"
    verb = text[max(0, m.start() - VERB_SPAN) : m.start()]
    verb = re.split(r"[，。；：,;:]", verb)[-1]
    return SizeClass(m.group("amount") + m.group("scale"), m.group("noun"), verb, float(m.group("count")), comparator)


def size_class(ind: Indicator) -> SizeClass | None:
    """The class a target counts, when its figure (the amount or the count) is part of one."""
    sentence = fold(ind.sentence)
    at = sentence.find(fold(ind.value_text))
    if at < 0:
        return None
    for m in _CLASS.finditer(sentence):
        if m.start() <= at < m.end():
            return _class_of(m, sentence)
    return None


def _verb_shared(a: str, b: str) -> bool:
    # 投资 belongs to the amount (引进投资5000万元), not to the verb
    return bool(set(bigrams(a.replace("投资", "|"))) & set(bigrams(b.replace("投资", "|"))) - {"全年"})


def link_size_class(ind: Indicator, ev: EvidenceIndex, link: Link) -> Link | None:
    """The target judged on the review's count of the same class, or None when it counts no class or
    the review gives no count for it."""
    target = size_class(ind)
    if target is None:
        return None
    same_verb, other = [], []
    for i, unit in enumerate(ev.units):
        if unit.part not in ev.review_parts:
            continue
        folded = fold(unit.text)
        for m in _CLASS.finditer(folded):
            found = _class_of(m, folded)
            if found is None or found.amount != target.amount or not found.noun.endswith(target.noun[-2:]):
                continue
            if _MANY_YEARS.search(folded, 0, m.start()):
                continue  # a running total (累计签约…) is no count for one year
            (same_verb if _verb_shared(target.verb, found.verb) else other).append((i, m, found))
    hits = same_verb or (other if len(other) == 1 else [])
    if not hits:
        return None
    i, m, found = hits[0]
    unit = ev.units[i]
    verdict = judge(target.comparator, target.count, None, found.count, "个", "higher")
    actual = fold(unit.text)[m.start() : m.end()]
    link.status, link.confidence = verdict.status, CONFIDENCE
    link.reason = (f"目标 {target.verb}{target.amount}元以上{target.noun}{target.count:g}个，"
                   f"新报告：{unit.text}（{actual}），{verdict.phrase}")
    link.evidence = [unit_evidence(ev, i, CONFIDENCE, actual)]
    return link
