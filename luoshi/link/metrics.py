"""Metric names → one id per metric, from ``rules/zh/synonyms.yaml``.

国内生产总值 / 地区生产总值 / GDP are one metric; a name used inside a share or ratio
(房地产业占地区生产总值比重, 单位国内生产总值能耗) is not a mention of the metric, and an
indicator whose name only contains a metric's name (万元地区生产总值水耗, 常住人口城镇化率)
is another indicator: it never borrows that metric's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi import rules
from luoshi.textmap import fold


@dataclass(frozen=True)
class Metric:
    id: str
    names: tuple[str, ...]
    direction: str  # up | down | none


@dataclass(frozen=True)
class Mention:
    metric: Metric
    start: int
    end: int


@lru_cache(maxsize=1)
def _tails() -> re.Pattern:
    cfg = rules.load("synonyms")
    suffixes = "|".join(map(re.escape, sorted(cfg["metric_suffixes"], key=len, reverse=True)))
    joiners = "|".join(map(re.escape, cfg["metric_joiners"]))
    return re.compile(f"(?:{suffixes})?(?:(?:{joiners}).*)?$")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Metric], re.Pattern, re.Pattern, re.Pattern, dict[str, float]]:
    cfg = rules.load("synonyms")
    by_name: dict[str, Metric] = {}
    for entry in cfg["metrics"]:
        names = tuple(fold(n) for n in entry["names"])
        metric = Metric(entry["id"], names, entry.get("direction", "none"))
        for n in names:
            by_name[n] = metric
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, names)))
    after = re.compile("(?:" + "|".join(map(re.escape, cfg["ratio_after"])) + ")")
    before = re.compile("(?:" + "|".join(map(re.escape, cfg["ratio_before"])) + ")$")
    scales = {fold(k): float(v) for k, v in cfg["scales"].items()}
    return by_name, pattern, after, before, scales


def scales() -> dict[str, float]:
    return _table()[4]


def mentions(folded: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Metric mentions in folded text, leftmost-longest, skipping shares and ratios."""
    by_name, pattern, after, before, _ = _table()
    end = len(folded) if end is None else end
    out = []
    for m in pattern.finditer(folded, start, end):
        if before.search(folded, max(start, m.start() - 3), m.start()):
            continue
        if after.match(folded, m.end(), min(end, m.end() + 4)):
            continue
        out.append(Mention(by_name[m.group()], m.start(), m.end()))
    return out


def metric_of(name: str | None) -> Metric | None:
    """The metric an indicator's metric name denotes.

    The exact name, else the first mention (not inside a share or ratio) that heads the
    name: what follows it is nothing, a suffix of the same metric (人数, 总水平, 增速) or a
    conjunction. 万元地区生产总值水耗 and 常住人口城镇化率 are no GDP and no population.
    """
    if not name:
        return None
    folded = fold(name)
    by_name = _table()[0]
    if folded in by_name:
        return by_name[folded]
    if folded + "增加值" in by_name:
        # the figure's name cut before 增加值 as if 增加 were its verb (规模以上工业|增加值增长8.5%)
        return by_name[folded + "增加值"]
    for m in mentions(folded):
        if _tails().match(folded, m.end):
            return m.metric
    return None


_PAIR_GAP = 6  # characters from a pair's name to its 分别 (城乡居民收入|年均|分别增长)


@lru_cache(maxsize=1)
def _pairs() -> dict[tuple[str, str], tuple[Metric, Metric]]:
    by_id = {m.id: m for m in _table()[0].values()}
    return {(fold(p["prefix"]), p["metric"]): (by_id[p["series"][0]], by_id[p["series"][1]])
            for p in rules.load("synonyms").get("metric_pairs", [])}


def paired(folded: str, m: Mention) -> tuple[Metric, Metric, int] | None:
    """(first series, second series, where 分别 ends) when mention ``m`` names two series at once and gives them a
    figure each (城乡|居民人均可支配收入分别增长5.4%、7.6% → urban, rural: ``synonyms.yaml`` metric_pairs)."""
    for (prefix, metric_id), series in _pairs().items():
        if m.metric.id != metric_id or not folded.endswith(prefix, 0, m.start):
            continue
        gap = folded.find("分别", m.end, m.end + _PAIR_GAP + 2)
        if gap >= 0:
            return series[0], series[1], gap + 2
    return None

