"""The ledger's search: task text, notes and section headings, with the rules' paraphrases.

A word is also looked for in its other written forms (``rules/zh/synonyms.yaml``
``paraphrases``: 棚改 ↔ 棚户区改造), and the report's full text says where else
the phrase occurs (e.g. only in the review of last year's work).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from sqlalchemy import exists, or_
from sqlalchemy.orm import Session

from luoshi.store.models import Commitment, Report, Section

PARTS = ("review", "goals", "plan", "other")
MAX_VARIANTS = 8


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


def word_condition(word: str, notes: bool = False):
    """A task matches a word when any form of it is in its text, a heading above it, or (``notes``) its internal note."""
    conds = []
    for form in variants(word):
        pattern = f"%{_escape_like(form)}%"
        heading = exists().where(
            Section.report_id == Commitment.report_id,
            Section.title.like(pattern, escape="\\"),
            or_(Commitment.section_key == Section.key, Commitment.section_key.like(Section.key + ".%")),
        )
        conds += [Commitment.text.like(pattern, escape="\\"), heading]
        if notes:
            conds.append(Commitment.note.like(pattern, escape="\\"))
    return or_(*conds)


def occurrences(session: Session, report: Report, query: str) -> dict:
    """Where the words occur in the whole report: counts by part (review / goals / plan / other)."""
    text = session.scalar(Report.__table__.select().with_only_columns(Report.text).where(Report.id == report.id)) or ""
    sections = [(s.start, s.end, s.part, s.level) for s in session.query(Section).filter(Section.report_id == report.id)]
    by_part: Counter = Counter()
    forms = [f for w in query.split() for f in variants(w)]
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            inside = [s for s in sections if s[0] <= m.start() < s[1]]
            part = max(inside, key=lambda s: s[3])[2] if inside else "other"
            by_part[part if part in PARTS else "other"] += 1
    return {"total": sum(by_part.values()), "by_part": {p: by_part[p] for p in PARTS if by_part[p]},
            "forms": list(dict.fromkeys(forms))}
