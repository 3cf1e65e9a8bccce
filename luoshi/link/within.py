"""Within one report: link each five-year goal to the steps of the annual plan.

A goal (a commitment or target in the goals part) gets the plan clauses that work
towards it as evidence, best first. Its status is ``partial`` when this year's plan
takes a step towards it (a five-year goal is never met by a plan) and ``no_evidence``
when the plan does not mention it — the gap a reader wants to see.
"""

from __future__ import annotations

import re

from luoshi.link.metrics import mentions, metric_of
from luoshi.link.pledges import EvidenceIndex
from luoshi.link.segments import clause_units, part_lookup, sentence_spans
from luoshi.model import Evidence, Extraction, Link
from luoshi.textmap import MappedText, fold

_CLAUSES = re.compile(r"[，；：,;:。]")


def link_within(extraction: Extraction, text: str, *, doc: str = "self") -> list[Link]:
    mt = MappedText(text)
    spans = sentence_spans(mt, extraction)
    part_at = part_lookup([(mt.to_original(s), mt.to_original(e), p) for s, e, p in spans])
    units = clause_units(mt, extraction)
    plan = [u for u in units if u.part == "plan"]
    index = EvidenceIndex(plan, doc)
    links: list[Link] = []
    for c in extraction.commitments:
        if part_at(c.start) != "goals":
            continue
        found = _find_row(index, c.object, c.text, c.projects)
        evidence = [Evidence(doc, plan[i].text, plan[i].start, plan[i].end, None, round(cov, 3)) for i, cov in found]
        links.append(_link(c.id, "commitment", text[c.start : c.end], c.start, c.end, evidence))
    for ind in extraction.indicators:
        if ind.kind != "target" or part_at(ind.start) != "goals":
            continue
        metric = metric_of(ind.metric)
        evidence = []
        if metric is not None:
            for u in plan:
                if any(m.metric.id == metric.id for m in mentions(fold(u.text))):
                    evidence.append(Evidence(doc, u.text, u.start, u.end, None, 1.0))
        links.append(_link(ind.id, "indicator", ind.value_text, ind.start, ind.end, evidence[:3]))
    return links


def _find_row(index: EvidenceIndex, obj: str | None, text: str, projects: list[str]) -> list[tuple[int, float]]:
    """Plan clauses for a task row: a row is a whole sentence, so each of its clauses is also a
    query of its own (a five-year row names several works; the plan carries them one by one)."""
    best: dict[int, float] = {}
    queries = [" ".join(filter(None, [obj, text])), *(q for q in _CLAUSES.split(text) if q.strip())]
    for q in queries:
        for i, cov in index.find(q, projects):
            best[i] = max(best.get(i, 0.0), cov)
    return sorted(best.items(), key=lambda ic: -ic[1])[:5]


def _link(source_id: str, kind: str, source_text: str, start: int, end: int, evidence: list[Evidence]) -> Link:
    if evidence:
        reason = f"年度计划已安排：{evidence[0].text}"
        return Link(source_id, kind, source_text, start, end, "partial", round(0.4 + 0.5 * evidence[0].score, 2),  # type: ignore[arg-type]
                    reason, evidence)
    return Link(source_id, kind, source_text, start, end, "no_evidence", 0.5, "年度计划中未见对应安排", [])  # type: ignore[arg-type]
