"""Link a commitment of one report to evidence in a later one, and judge it.

Evidence units (clauses) of the later report are indexed once (``EvidenceIndex``);
a commitment becomes a bigram query from its projects, object and wording without
how-words. A clause counts as evidence when it covers enough of the query's weight.
The verdict comes from the evidence's aspect (``aspect.signal``) and the pledge's
kind: a process pledge (推进…) is met by progress, a result pledge (建成…) by the
result. A pledge found only in the later report's plan is unfinished.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache

from luoshi import rules
from luoshi.link.aspect import counts, pledge_kind, signal, strip_query
from luoshi.link.index import BigramIndex, bigrams
from luoshi.link.segments import Unit
from luoshi.model import Commitment, Evidence, Link
from luoshi.textmap import fold

MIN_COVERAGE = 0.3
COUNT_BONUS = 0.2  # added to the coverage of credible evidence that repeats a count of the pledge
MIN_QUERY = 3  # a query of fewer distinct bigrams (编制…规划) names no particular work
IDF_POWER = 1.0
PROJECT_WEIGHT = 2.0


@lru_cache(maxsize=1)
def _paraphrases() -> tuple[re.Pattern | None, dict[str, str]]:
    canon: dict[str, str] = {}
    for group in rules.load("synonyms").get("paraphrases", []):
        forms = [fold(f) for f in group["forms"]]
        for f in forms:
            canon.setdefault(f, forms[0])
    if not canon:
        return None, canon
    return re.compile("|".join(map(re.escape, sorted(canon, key=len, reverse=True)))), canon


def canonical(text: str) -> str:
    """``text`` folded, each policy term written in its group's first form (``synonyms.yaml`` paraphrases)."""
    pattern, canon = _paraphrases()
    text = fold(text)
    return pattern.sub(lambda m: canon[m.group()], text) if pattern else text


class EvidenceIndex:
    """The clauses of one report and a bigram index over them."""

    def __init__(self, units: list[Unit], doc: str) -> None:
        self.units = units
        self.doc = doc
        self.texts = [canonical(u.text) for u in units]
        self.index = BigramIndex(self.texts)
        self._grams: dict[int, set[str]] = {}

    def grams(self, i: int) -> set[str]:
        g = self._grams.get(i)
        if g is None:
            g = self._grams[i] = set(bigrams(self.texts[i]))
        return g

    def find(self, query: str, projects: list[str], limit: int = 5) -> list[tuple[int, float]]:
        """(unit index, coverage) of credible evidence, best first."""
        grams = bigrams(canonical(strip_query(query)))
        project_grams = {g for p in projects for g in bigrams(canonical(p))}
        grams += list(project_grams)
        if not grams:
            return []
        if len(set(grams)) < MIN_QUERY:
            return []
        weights = {g: PROJECT_WEIGHT for g in project_grams}
        hits = self.index.search(grams, limit=12, weights=weights)
        nums = counts(query)
        found = []
        for i, _ in hits:
            cov = self.index.coverage(grams, self.grams(i), IDF_POWER)
            if cov >= MIN_COVERAGE:
                if nums and any(re.search(r"(?<![\d.])" + re.escape(n), self.texts[i]) for n in nums):
                    cov = min(1.0, cov + COUNT_BONUS)
                found.append((i, cov))
        found.sort(key=lambda ic: (-round(ic[1], 3), len(self.texts[ic[0]])))  # a tie goes to the shorter clause
        return found[:limit]


@dataclass(frozen=True)
class Verdict:
    status: str
    confidence: float
    reason: str


def judge_commitment(text: str, review: tuple[Unit, float] | None, plan: tuple[Unit, float] | None) -> Verdict:
    kind, pledge_word = pledge_kind(text)
    if review is not None:
        unit, cov = review
        sig = signal(unit.text)
        base = 0.35 + 0.55 * min(1.0, cov)
        if sig is None:
            status = "fulfilled" if kind == "process" else "partial"
            return Verdict(status, round(base * 0.6, 2), f"证据：{unit.text} — 提及但未说明结果")
        if sig.aspect == "shortfall":
            return Verdict("not_fulfilled", round(base, 2), f"证据：{unit.text} — {sig.word}")
        if sig.aspect == "done":
            conf = base if sig.strong else base * 0.85
            return Verdict("fulfilled", round(conf, 2), f"证据：{unit.text} — {sig.word}")
        if kind == "process":
            return Verdict("fulfilled", round(base * 0.8, 2), f"证据：{unit.text} — {sig.word}，推进类承诺以进展为准")
        wanted = pledge_word or "完成"
        return Verdict("partial", round(base * 0.85, 2), f"证据：{unit.text} — {sig.word}而非{wanted}")
    if plan is not None:
        unit, cov = plan
        conf = round(0.3 + 0.3 * min(1.0, cov), 2)
        if kind == "result":
            return Verdict("not_fulfilled", conf, f"新报告计划再次提出：{unit.text} — 结果尚未达成")
        return Verdict("partial", conf, f"新报告计划继续安排：{unit.text} — 工作仍在进行")
    return Verdict("no_evidence", 0.5, "新报告中未找到相关内容")


_SPLIT = re.compile(r"[,，;；:：]")


def queries(c: Commitment) -> list[tuple[str, str]]:
    """(query, pledge wording) for the whole commitment, each of its clauses when it has
    several, and each named work when it names several.

    The extractor may keep several objects in one commitment (…实施河长制, 配合永定河
    生态补水; 打响“A”“B”两个品牌); each clause or name then finds its own evidence. The
    pledge wording, which decides result vs process, is the commitment's own text, never
    its object (推动…落地建设 is a process pledge although its object starts with 落地).
    """
    text = " ".join(filter(None, [c.object, c.text]))
    parts = [p for p in _SPLIT.split(c.text) if len(p.strip()) >= 4]
    out = [(text, c.text)] + ([(p, p) for p in parts] if len(parts) > 1 else [])
    names = [p for p in c.projects if len(p) >= 4]
    if len(names) > 1:
        out += [(n, c.text) for n in names]
    return out


def link_commitment(c: Commitment, ev: EvidenceIndex, source_text: str | None = None) -> Link:
    best: dict[int, tuple[float, str]] = {}  # unit -> (coverage, the query clause that found it)
    for q, wording in queries(c):
        for i, cov in ev.find(q, [q] if q in c.projects else c.projects):
            if cov > best.get(i, (0.0, ""))[0]:
                best[i] = (cov, wording)
    found = sorted(best.items(), key=lambda kv: -kv[1][0])
    review = next(((ev.units[i], cq) for i, cq in found if ev.units[i].part not in ("plan", "goals")), None)
    plan = next(((ev.units[i], cq) for i, cq in found if ev.units[i].part in ("plan", "goals")), None)
    chosen = review or plan
    pledge = chosen[1][1] if chosen and pledge_kind(chosen[1][1])[1] else c.text
    verdict = judge_commitment(pledge, review and (review[0], review[1][0]), plan and (plan[0], plan[1][0]))
    ordered = sorted(found, key=lambda kv: (ev.units[kv[0]].part in ("plan", "goals"), -kv[1][0]))[:5]
    evidence = [Evidence(ev.doc, ev.units[i].text, ev.units[i].start, ev.units[i].end, None, round(cq[0], 3))
                for i, cq in ordered]
    return Link(c.id, "commitment", source_text if source_text is not None else c.text, c.start, c.end,
                verdict.status, verdict.confidence, verdict.reason, evidence)  # type: ignore[arg-type]
