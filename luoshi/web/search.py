"""The ledger's search: task text, notes and section headings, with the rules' paraphrases.

A word is also looked for in its other written forms (``rules/zh/synonyms.yaml``
``paraphrases``: 棚改 ↔ 棚户区改造), and the report's full text says where else
the phrase occurs (e.g. only in the review of last year's work).
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from functools import lru_cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from luoshi.store.models import Commitment, Report, Section

PARTS = ("review", "goals", "plan", "other")
MAX_VARIANTS = 8
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[str, ...], ...]:
    from luoshi.rules import load

    return tuple(tuple(g["forms"]) for g in load("synonyms").get("paraphrases", []))


def variants(word: str) -> list[str]:
    """``word`` and the same phrase in each other form of a paraphrase group it contains (longest form first)."""
    out = [word]
    for forms in _groups():
        for form in sorted(forms, key=len, reverse=True):
            if form in word:
                out += [word.replace(form, other) for other in forms if other != form]
                break
    return list(dict.fromkeys(out))[:MAX_VARIANTS]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _heading_keys(report_id: int, pattern: str):
    """Keys of the report's sections under a heading that matches: a small uncorrelated subquery, run once.

    A task sits under every heading above it (its own section or any ancestor), so the
    keys are the matching sections and their descendants; there are tens of sections
    per report, against thousands of tasks, so this is cheaper than a per-task EXISTS.
    """
    hit, sub = aliased(Section), aliased(Section)
    return (
        select(sub.key)
        .where(sub.report_id == report_id, hit.report_id == report_id, hit.title.like(pattern, escape="\\"),
               or_(sub.key == hit.key, sub.key.like(hit.key + ".%")))
        .scalar_subquery()
    )


def word_condition(word: str, report_id: int, notes: bool = False):
    """A task matches a word when any form of it is in its text, a heading above it, or (``notes``) its internal note."""
    conds = []
    for form in variants(word):
        pattern = f"%{_escape_like(form)}%"
        conds += [Commitment.text.like(pattern, escape="\\"), Commitment.section_key.in_(_heading_keys(report_id, pattern))]
        if notes:
            conds.append(Commitment.note.like(pattern, escape="\\"))
    return or_(*conds)


# (report id, sha256, forms) -> counts; a report's text never changes under its sha, so entries never go stale.
_OCCURRENCES: OrderedDict[tuple[int, str, tuple[str, ...]], dict] = OrderedDict()
_OCCURRENCES_MAX = 256


def _count(text: str, sections: list[tuple[int, int, str, int]], forms: list[str]) -> dict:
    by_part: Counter = Counter()
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            inside = [s for s in sections if s[0] <= m.start() < s[1]]
            part = max(inside, key=lambda s: s[3])[2] if inside else "other"
            by_part[part if part in PARTS else "other"] += 1
    return {"total": sum(by_part.values()), "by_part": {p: by_part[p] for p in PARTS if by_part[p]}}


def occurrences(session: Session, report: Report, query: str) -> dict:
    """Where the words occur in the whole report: counts by part (review / goals / plan / other).

    Counted once per report and query (bounded LRU keyed by the report's sha256), so
    paging or filtering a search does not re-read and re-scan the report each time.
    """
    forms = list(dict.fromkeys(f for w in query.split() for f in variants(w)))
    key = (report.id, report.sha256, tuple(forms))
    with _LOCK:
        hit = _OCCURRENCES.get(key)
        if hit is not None:
            _OCCURRENCES.move_to_end(key)
    if hit is None:
        text = session.scalar(select(Report.text).where(Report.id == report.id)) or ""
        sections = [tuple(r) for r in session.execute(
            select(Section.start, Section.end, Section.part, Section.level).where(Section.report_id == report.id))]
        hit = _count(text, sections, forms)
        with _LOCK:
            _OCCURRENCES[key] = hit
            while len(_OCCURRENCES) > _OCCURRENCES_MAX:
                _OCCURRENCES.popitem(last=False)
    return {"total": hit["total"], "by_part": dict(hit["by_part"]), "forms": forms}
