"""Targets whose metric is no known statistic (造林1万亩, 创建示范村15个): link them like a pledge.

The metric as written is the query; a review clause that covers it well and gives a
number in the same unit is the evidence, compared by the comparator (more done counts
as better). Review figures are often multi-year totals, so confidence stays low; with
no such number the target stays no_evidence rather than guessed from wording.
"""

from __future__ import annotations

import re

from luoshi.link.compare import judge
from luoshi.link.pledges import EvidenceIndex
from luoshi.link.targets import split_unit
from luoshi.model import Evidence, Indicator, Link
from luoshi.textmap import fold

MIN_NAME = 4  # shorter metric names (投资, 品牌) match too much
MIN_COVERAGE = 0.4
RATE_NAME = 8  # characters of a name whose rate (%) is looked for by wording
RATE_COVERAGE = 0.7
RATE_GAP = 12  # characters from the name's last word to its rate
_MODAL_END = re.compile(r"[要再将还也都]+$")  # 人数要再 (增长10%): how the pledge is said, not the name
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|亿|千万|万|千)?([^\d\s,，。；;、]{1,4})")


_CLAUSES = re.compile(r"[，。；：,;:]")


def _query(ind: Indicator) -> str | None:
    """The metric as written; a short one (新开工) with the clause before it in its sentence,
    which names what is counted (加大保障性安居工程建设力度，今年新开工700万套以上)."""
    name = ind.metric or ""
    if len(name) >= MIN_NAME:
        return name
    sentence, value = fold(ind.sentence), fold(ind.value_text)
    at = sentence.find(value)
    if len(name) < 2 or at < 0:
        return None
    clauses = _CLAUSES.split(sentence[:at])
    query = "".join(clauses[-2:])
    return query if name in query and len(query) >= 2 * MIN_NAME else None


def link_quantity(ind: Indicator, ev: EvidenceIndex, link: Link) -> Link:
    """Fill ``link`` (a no_evidence indicator link) from lexical evidence, if any."""
    scale, base = split_unit(ind.unit)
    query = _query(ind)
    if not query or not base or base == "年":
        return link
    least = MIN_COVERAGE
    if base == "%":
        # a rate of an unnamed statistic (贫困地区农村学生上重点高校人数增长10%): only when the
        # clause says the long name again nearly as written; a rate of something else is no evidence
        if len(query) < RATE_NAME:
            return link
        least = RATE_COVERAGE
    found = ev.find(query, [])
    review = [(i, ev.units[i], cov) for i, cov in found if ev.units[i].part not in ("plan", "goals") and cov >= least]
    for i, unit, cov in review:
        folded = fold(unit.text)
        tail = _MODAL_END.sub("", fold(ind.metric))[-2:]
        anchor = folded.rfind(tail)
        numbers = [m for m in _NUMBER.finditer(folded) if m.group(3).startswith(base)]
        if base == "%":
            # the rate right after the name's own last word (…人数连续两年增长10%), never a share of another one
            numbers = [m for m in numbers if anchor >= 0 and 0 <= m.start() - anchor <= RATE_GAP][:1]
        elif anchor >= 0:  # the number right after the metric's own words (驿站160家, not 照料中心20家)
            numbers.sort(key=lambda m: abs(m.start() - (anchor + len(tail))))
        for m in numbers:
            value = float(m.group(1)) * split_unit((m.group(2) or "") + base)[0] / scale
            verdict = judge(ind.comparator, ind.value, ind.value_high, value, ind.unit, "higher")
            actual = unit.text[m.start() : m.start() + len(m.group(1)) + len(m.group(2) or "") + len(base)]
            link.status, link.confidence = verdict.status, round(0.3 + 0.3 * cov, 2)
            link.reason = f"目标 {ind.metric}{ind.value_text}，新报告：{unit.text}（{actual}，可能为多年累计），{verdict.phrase}"
            period = ev.periods(i)[0] if ev.periods else None
            link.evidence = [Evidence(ev.doc, unit.text, unit.start, unit.end, actual, round(cov, 3), unit.part, period)]
            return link
    return link
