"""Headings -> nested sections with ids, spans and parts; a part for every paragraph.

A section runs from its heading to the end of the last paragraph before the next
heading of the same or a higher level (bullets and theme sentences cover their own
paragraph only). The closing (the last 各位代表… after the last top-level heading)
and title-block lines belong to no section. Offsets are normalized here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from luoshi.model import Part
from luoshi.structure.headings import Heading
from luoshi.structure.paragraphs import Paragraph
from luoshi.structure.parts import PartTracker, tense
from luoshi.structure.rules import PartRules
from luoshi.structure.sentences import split_sentences


@dataclass
class RawSection:
    id: str
    parent: int | None  # index into the list
    level: int
    start: int
    title_end: int
    end: int
    part: Part
    paragraph_scope: bool


@dataclass
class Outline:
    sections: list[RawSection]
    para_section: list[int | None]
    para_part: list[Part]


def closing_paragraph(text: str, paras: list[Paragraph], heads: list[Heading], rules: PartRules) -> int | None:
    """Index of the paragraph that starts the closing, if any."""
    tops = [h for h in heads if not h.paragraph_scope]
    if not tops:
        return None
    top_level = min(h.level for h in tops)
    last_top = max(h.para for h in tops if h.level == top_level)
    found = None
    for i in range(len(paras) - 1, last_top, -1):
        p = paras[i]
        if p.kind == "front":
            continue
        if rules.closing_heading.search(text[p.start : p.end]):
            found = i  # 结束语 precedes its 各位代表！
        elif found is None and rules.salutation.match(text, p.start):
            found = i
    return found


def build_outline(
    text: str, paras: list[Paragraph], heads: list[Heading], rules: PartRules, year: int | None = None
) -> Outline:
    """``year``: the plan year when known before the outline (it tells a review's year from the plan's)."""
    tracker = PartTracker(rules, year)
    closing = closing_paragraph(text, paras, heads, rules)
    secs: list[RawSection] = []
    children: dict[int | None, int] = {}
    stack: list[int] = []
    para_section: list[int | None] = []
    para_part: list[Part] = []
    by_para = {h.para: h for h in heads}
    last_end = 0

    def close_all(level: int) -> None:
        while stack and secs[stack[-1]].level >= level:
            sec = secs[stack.pop()]
            if not sec.paragraph_scope:
                sec.end = last_end

    for i, p in enumerate(paras):
        while stack and secs[stack[-1]].paragraph_scope and secs[stack[-1]].end <= p.start:
            stack.pop()
        if closing is not None and i >= closing or p.kind == "front":
            if closing is not None and i == closing:
                close_all(0)
            para_section.append(None)
            para_part.append("other")
            continue
        h = by_para.get(i)
        if h is not None:
            close_all(h.level)
            parent = stack[-1] if stack else None
            title = text[h.start : h.title_end]
            if parent is None and not h.paragraph_scope:
                lean = partial(_section_tense, text, paras, i, h, by_para, closing, rules)  # read only if uncued
                part = tracker.top_heading(title, lean)
            else:
                part = tracker.sub_heading(
                    title,
                    secs[parent].part if parent is not None else tracker.current,
                    parent is not None and secs[parent].parent is None and not secs[parent].paragraph_scope,
                )
            children[parent] = children.get(parent, 0) + 1
            sid = f"{secs[parent].id}.{children[parent]}" if parent is not None else f"s{children[parent]}"
            end = p.end if h.paragraph_scope else -1
            secs.append(RawSection(sid, parent, h.level, h.start, h.title_end, end, part, h.paragraph_scope))
            stack.append(len(secs) - 1)
        current = stack[-1] if stack else None
        para_section.append(current)
        para_part.append(tracker.paragraph(text[p.start : p.end], secs[current].part if current is not None else None))
        last_end = p.end
    close_all(0)
    _open_with_review(secs, para_section, para_part)
    return Outline(secs, para_section, para_part)


def _section_tense(
    text: str, paras: list[Paragraph], i: int, h: Heading, by_para: dict[int, Heading], closing: int | None,
    rules: PartRules,
) -> Part | None:
    """The tense of the section heading ``h`` (paragraph ``i``) opens, up to the next heading of its level."""
    stop = closing if closing is not None and closing > i else len(paras)
    sentences = []
    for k in range(i, stop):
        other = by_para.get(k)
        if k > i and other is not None and not other.paragraph_scope and other.level <= h.level:
            break
        if paras[k].kind != "front":
            sentences += [text[s:e] for s, e in split_sentences(text, paras[k].start, paras[k].end)]
    return tense(sentences, rules)


def _open_with_review(secs: list[RawSection], para_section: list[int | None], para_part: list[Part]) -> None:
    """Uncued top-level sections before the first goals/plan one review the past
    (一、国民经济在调整…中取得了新的进展): reports open with what was done."""
    first = next(
        (k for k, s in enumerate(secs) if s.parent is None and not s.paragraph_scope and s.part in ("goals", "plan")),
        None,
    )
    if not first:
        return
    for sec in secs[:first]:
        if sec.part == "other":
            sec.part = "review"
    for i, sec_index in enumerate(para_section):
        if sec_index is not None and sec_index < first and para_part[i] == "other":
            para_part[i] = "review"
