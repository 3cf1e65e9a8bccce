"""Verdicts per clause of a row that joins several works by ；, and the row's verdict rolled up from them.

A report's sentence often joins several pledges by ；(加快A建设；推进B改革；完成C), and one row holds the
whole sentence. Judged whole, the row's verdict rests on its best evidence, which answers one clause, and
a reader cannot tell which. Here each ；clause of a row is judged by the same linker logic as a row
(``link_commitment`` on the clause's wording, its own figures and statistics), and the row's status is
rolled up from its clauses (``roll_up``):

- every clause the same status → that status;
- some clause shown done (fulfilled or partial) and not all fulfilled → partial;
- none shown done, some with a stated shortfall (not_fulfilled beside no_evidence) → not_fulfilled.

The roll-up's confidence is the lowest of its clauses' (the verdict holds only as far as its weakest
clause); its evidence is each clause's top evidence, judged clauses first, most confident first.

The unit is the ；clause, not the row's ``parts``: parts split where the owner changes, which says
nothing about how many works a sentence pledges, while ；is where a report's author separates pledges
(and where the link gold is cut: ``eval/links/sampling.py``). A clause too short to name a work of its
own (fewer than ``MIN_QUERY`` bigrams once how-words are dropped: 确保年内建成) is judged with the clause
before it. A hostile row of hundreds of clauses is bounded: at most ``MAX_CLAUSES`` verdicts, the clauses
past the limit judged together with the last one, so the work stays linear in the row's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from luoshi.link.index import bigrams
from luoshi.link.pledges import MIN_QUERY, query_object
from luoshi.link.render import STATUS_ZH
from luoshi.model import ClauseVerdict, Commitment, Evidence, Link

MAX_CLAUSES = 10  # clause verdicts a row holds at most; clauses past it are judged with the last one
_BREAK = re.compile(r"[；;]")
_TRIM = " \t\u3000\r\n，,。；;：:"
_DONE = ("fulfilled", "partial")


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) within ``text`` of its ；clauses that name a work of their own, trimmed; [] for one clause."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in _BREAK.split(text):
        start, end = pos, pos + len(piece)
        pos = end + 1
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if start == end:
            continue
        if spans and not _names_a_work(text[start:end]):
            spans[-1] = (spans[-1][0], end)  # 确保年内建成: the work of the clause before
        elif spans and not _names_a_work(text[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)  # a short first clause reads with the next
        else:
            spans.append((start, end))
    if len(spans) > MAX_CLAUSES:
        spans = spans[: MAX_CLAUSES - 1] + [(spans[MAX_CLAUSES - 1][0], spans[-1][1])]
    return spans if len(spans) >= 2 else []


def _names_a_work(clause: str) -> bool:
    return len(set(bigrams(query_object(clause)))) >= MIN_QUERY


def sub_commitments(c: Commitment, text: str, indicator_at: Callable[[str], int | None]) -> list[Commitment]:
    """The row ``c`` (its source ``text``) as one Commitment per clause, each with the projects and
    indicators it holds; [] for a row of one clause. ``indicator_at``: an indicator id's start offset."""
    out = []
    for s, e in clause_spans(text):
        clause = text[s:e]
        start, end = c.start + s, c.start + e
        inds = [i for i in c.indicators if (at := indicator_at(i)) is not None and start <= at < end]
        out.append(replace(c, text=clause, start=start, end=end, parts=[],
                           projects=[p for p in c.projects if p in clause], indicators=inds))
    return out


def as_clause(link: Link, row: Link) -> ClauseVerdict:
    """The clause's verdict; a clause the linker abstains on alone, whose nearest evidence is the evidence the
    whole row is judged on, is judged with its row (see the module docstring)."""
    if link.status == "no_evidence" and link.evidence and row.status != "no_evidence" and row.evidence \
            and (link.evidence[0].start, link.evidence[0].end) == (row.evidence[0].start, row.evidence[0].end):
        return ClauseVerdict(link.source_start, link.source_end, link.source_text, row.status, row.confidence,
                             f"本句与整句同一证据，依整句判断：{row.reason}", row.evidence[:3])
    return ClauseVerdict(link.source_start, link.source_end, link.source_text, link.status, link.confidence,
                         link.reason, link.evidence[:3])


def roll_up(row: Link, clauses: list[ClauseVerdict]) -> Link:
    """The row's verdict from its clauses' (module docstring); ``row`` gives its source and carried_over."""
    if not clauses:
        return row
    statuses = {c.status for c in clauses}
    if len(statuses) == 1:
        status = clauses[0].status
    elif statuses & set(_DONE):
        status = "partial"
    else:
        status = "not_fulfilled"
    confidence = min(c.confidence for c in clauses)
    order = sorted(clauses, key=lambda c: (c.status == "no_evidence", -c.confidence))
    evidence: list[Evidence] = []
    for c in order:
        if c.evidence and all((e.start, e.end) != (c.evidence[0].start, c.evidence[0].end) for e in evidence):
            evidence.append(c.evidence[0])
    counts = "、".join(f"{STATUS_ZH[s]}{sum(c.status == s for c in clauses)}项" for s in STATUS_ZH if s in statuses)
    lead = order[0]
    reason = f"按分句汇总（{len(clauses)}句：{counts}）；{STATUS_ZH[lead.status]}一句“{lead.text[:30]}”：{lead.reason}"
    return replace(row, status=status, confidence=confidence, reason=reason, evidence=evidence[:3], clauses=clauses)
