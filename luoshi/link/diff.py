"""Report diff: which commitments of an older report are carried over, dropped or new.

Each old commitment is matched to its most similar new commitment (bigram coverage
over an index of the new report's commitments, built once); a pair is kept when the
coverage reaches ``MIN_COVERAGE`` and each new commitment is used at most once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from luoshi.link.pledges import MIN_COVERAGE, EvidenceIndex
from luoshi.link.segments import Unit
from luoshi.model import Commitment, Extraction


@dataclass
class CarriedOver:
    old: Commitment
    new: Commitment
    score: float


@dataclass
class ReportDiff:
    carried: list[CarriedOver] = field(default_factory=list)
    dropped: list[Commitment] = field(default_factory=list)
    new: list[Commitment] = field(default_factory=list)


def diff_reports(old: Extraction, new: Extraction) -> ReportDiff:
    units = [Unit(c.start, c.end, c.text, c.start, c.end, "plan") for c in new.commitments]
    index = EvidenceIndex(units, "new")
    candidates: list[tuple[float, int, int]] = []
    for i, c in enumerate(old.commitments):
        for j, cov in index.find(" ".join(filter(None, [c.object, c.text])), c.projects, limit=3):
            candidates.append((cov, i, j))
    candidates.sort(key=lambda t: -t[0])
    used_old: set[int] = set()
    used_new: set[int] = set()
    out = ReportDiff()
    for cov, i, j in candidates:
        if cov < MIN_COVERAGE or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.carried.append(CarriedOver(old.commitments[i], new.commitments[j], round(cov, 3)))
    out.carried.sort(key=lambda p: p.old.start)
    out.dropped = [c for i, c in enumerate(old.commitments) if i not in used_old]
    out.new = [c for j, c in enumerate(new.commitments) if j not in used_new]
    return out
