"""A task about a statistic (增加居民收入, 确保价格总水平基本稳定, 稳定进出口贸易), judged by its figure.

Reviews report such work as a number (城镇居民人均可支配收入实际增长8.5%, 居民消费价格涨幅为3%),
often in no words of the task. When the review says nothing of the task's work, the
figure the review gives for a known metric the task names is its evidence: fulfilled when
the figure moved the way the metric should (收入增长, 能耗下降), partial otherwise (a level,
or a move the wrong way, says the statistic was reported on, not that the aim was met).
Related metrics stand in for each other as ``synonyms.yaml`` ``metric_family`` says
(居民收入 → 城镇居民人均可支配收入, 农民人均纯收入).
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi import rules
from luoshi.link.aspect import strip_query
from luoshi.link.figures import Figure
from luoshi.link.metrics import mentions
from luoshi.link.targets import evidence_span
from luoshi.model import Commitment, Evidence, Link
from luoshi.textmap import fold

CONFIDENCE = 0.6  # a figure without the task's words: right more often than not on the tuning sets
REVIEW_PARTS = ("review", "other")


@lru_cache(maxsize=1)
def _family() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in (rules.load("synonyms").get("metric_family") or {}).items()}


_CLAUSE = re.compile(r"[^，。；;,：:]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
REST = 6  # CJK characters a clause may hold beside the metric's name and its how-words (保持|物价总水平|基本稳定)
_NOT_THE_METRIC = "点极带"  # 经济增长点, 增长极, 经济带: a place of growth, not the statistic


def _is_the_object(folded: str, start: int, end: int) -> bool:
    """The metric is what the task's clause is about (不断增加居民收入), not a word in passing
    (积极培育新的经济增长点, 完善政绩考核评价体系…居民收入)."""
    if end < len(folded) and folded[end] in _NOT_THE_METRIC:
        return False
    clause = next((m for m in _CLAUSE.finditer(folded) if m.start() <= start and end <= m.end()), None)
    if clause is None:
        return False
    rest = strip_query(folded[clause.start() : start] + "|" + folded[end : clause.end()], keep_nouns=True)
    return len(_CJK.findall(rest)) <= REST


def _name_length(f: Figure, text: str) -> int:
    """Length of the metric's name where the figure's mention starts (进出口总额 5, 服务贸易|进出口额 3)."""
    return max((len(n) for n in f.metric.names if fold(text[f.mention_start : f.mention_start + len(n)]) == n), default=0)


def _best(figures: list[Figure], year: int | None, text: str) -> Figure | None:
    """The review's figure for the year looked back on: annual before average, the metric's full name before
    a part of another name (服务贸易进出口额), a change before a level."""
    ok = [f for f in figures if f.part in REVIEW_PARTS and (f.period is None or f.period == year)]
    ok.sort(key=lambda f: (f.basis != "annual", -_name_length(f, text), not f.growth, f.start))
    return ok[0] if ok else None


def by_statistic(c: Commitment, link: Link, figures: dict[str, list[Figure]], new_text: str, doc: str,
                 year: int | None) -> Link:
    """``link`` (a task the review is silent on) judged by the figure of a metric the task names, if any."""
    if link.status != "no_evidence" or link.evidence:
        return link
    folded = fold(c.text)
    for m in mentions(folded):
        if not _is_the_object(folded, m.start, m.end):
            continue
        for metric_id in (m.metric.id, *_family().get(m.metric.id, ())):
            f = _best(figures.get(metric_id, []), year, new_text)
            if f is None:
                continue
            good = f.growth and ((f.value > 0 and f.metric.direction == "up") or (f.value < 0 and f.metric.direction == "down"))
            start, end = evidence_span(new_text, f)
            text = new_text[start:end]
            link.status = "fulfilled" if good else "partial"
            link.confidence = CONFIDENCE
            link.evidence = [Evidence(doc, text, start, end, new_text[f.start : f.end], CONFIDENCE)]
            link.reason = (f"回顾未提该项工作，依任务所涉指标“{folded[m.start:m.end]}”的数据判断："
                           f"{text}（{'向好' if good else '仅见数据，未见目标是否达成'}）")
            return link
    return link
