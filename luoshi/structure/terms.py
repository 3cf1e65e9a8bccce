"""The five-year term a section's sentences are tracked against.

A section lies in a term when it or a heading above it opens a five-year part (今后五年…,
“十四五”…): the term runs from that heading to the end of its section. A mixed title that
names the five years and the plan year (二、今后五年的目标任务和2023年工作安排) opens a term that
ends at the first paragraph turning to the year (2023年是… / 今年政府工作… / a sub-heading （二）2023年工作安排); after it the
sentences belong to the annual plan. A salutation paragraph inside a term (各位代表！全面完成今年和
“十一五”期间的任务…) turns the speech back to the government's own work of the year, unless it speaks
of the term alone (各位代表！未来五年是…关键时期，…实施“十项行动”). Used by the roles (goals of the
term are targets) and by the rows' default deadline (the term's end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.extract.deadlines import YEAR_TURN, horizon_end, mixed_horizon_end, speaks_of_term, year_heading
from luoshi.model import Section
from luoshi.structure.rules import part_rules
from luoshi.textmap import MappedText, fold

_PARAGRAPH = re.compile(r"\n[ \t\u3000]*")
_TURN_WINDOW = 40  # the year-turn cue sits at a paragraph's very start
_FIRST_SENTENCE = re.compile(r"[^。!?！？\n]*")


@dataclass(frozen=True)
class Term:
    last_year: int
    start: int  # original offsets: the heading that opens the term …
    stop: int  # … and where the term's text ends

    def covers(self, offset: int) -> bool:
        return self.start <= offset < self.stop


def section_terms(mt: MappedText, sections: list[Section], year: int | None) -> dict[str, Term | None]:
    """Section id -> the term it lies in (None: the annual plan)."""
    by_id = {s.id: s for s in sections}
    out: dict[str, Term | None] = {}
    heading = year_heading(year)
    for sec in sections:
        found: Term | None = None
        cur: Section | None = sec
        while cur is not None and found is None:
            title = fold(cur.title)
            if heading is not None and heading.match(title):
                break  # （二）2026年重点工作 under a term chapter: the plan year's work, whatever the chapter
            if (end := horizon_end(title, year)) is not None:
                found = Term(end, cur.start, cur.end)
            elif (end := mixed_horizon_end(title, year)) is not None:
                found = Term(end, cur.start, year_turn(mt, cur, year))
            cur = by_id.get(cur.parent) if cur.parent else None
        out[sec.id] = found
    return out


def year_turn(mt: MappedText, sec: Section, year: int | None = None) -> int:
    """Original offset of the first paragraph in ``sec`` that turns to the plan year (2023年是…, or a numbered
    sub-heading naming it: （二）2016年工作建议); the section's start when none does (the title's year then governs
    all of it)."""
    ns, ne = mt.to_norm(sec.start), mt.to_norm(sec.end)
    heading = year_heading(year)
    for m in _PARAGRAPH.finditer(mt.text, ns, ne):
        at = m.end()
        window = mt.text[at : at + _TURN_WINDOW]
        if YEAR_TURN.match(window) or (heading is not None and heading.match(window)):
            return mt.span(at, at)[0]
    return sec.start


def term_breaks(mt: MappedText) -> list[int]:
    """Original offsets of the salutation paragraphs (各位代表！…) that end a term: all but those
    whose first sentence speaks of the term alone (各位代表！未来五年是…)."""
    cue = part_rules().salutation
    out = []
    for m in re.finditer(r"(?:^|\n)[ \t\u3000]*", mt.text):
        at = m.end()
        if (opening := cue.match(mt.text, at)) is None:
            continue
        first = _FIRST_SENTENCE.match(mt.text, opening.end())
        if first is None or not speaks_of_term(first.group()):
            out.append(mt.span(at, at)[0])
    return out
