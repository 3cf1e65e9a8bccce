"""Structure stage: MappedText -> parts, sections, sentences (with roles), clauses and metadata.

Everything is found on the normalized text (``mt.text``) and every offset in the
returned records is mapped back to ``mt.original``.
"""

from __future__ import annotations

import re

from luoshi.model import Clause, Document, ReportMeta, Section, Sentence, Structure
from luoshi.structure.headings import Heading, find_headings
from luoshi.structure.meta import complete_meta, early_year, read_meta
from luoshi.structure.paragraphs import Paragraph, paragraphs
from luoshi.structure.role_model import refine_roles
from luoshi.structure.roles import Placement, assign_roles, is_theme_opener, judged_context
from luoshi.structure.rules import MetaRules, heading_rules, meta_rules, part_rules
from luoshi.structure.sections import Outline, build_outline
from luoshi.structure.sentences import split_clauses, split_sentences
from luoshi.structure.terms import section_terms
from luoshi.textmap import MappedText

__all__ = ["analyze"]


def analyze(mt: MappedText, doc: Document | None = None) -> Structure:
    """Parts, sections, sentences (with clauses) and report metadata of one report."""
    text = mt.text
    hrules, prules, mrules = heading_rules(), part_rules(), meta_rules()
    paras = paragraphs(text, hrules, prules)
    for p in paras:  # a date or source line (——2021年12月15日在…) is title matter, not a bullet
        if p.kind != "front" and mrules.date_line.match(text, p.start):
            p.kind = "front"
    sents = [split_sentences(text, p.start, p.end) for p in paras]
    heads = find_headings(text, paras, sents, hrules, prules)
    body = next((p.start for p in paras if p.kind != "front"), len(text))
    fm, path = (doc.front_matter, doc.path) if doc is not None else ({}, None)
    outline = build_outline(text, paras, heads, prules, early_year(text, text[:body], fm, path, mrules))
    sections = _sections(mt, outline)
    sentences = _sentences(mt, paras, sents, outline, sections)
    meta = _meta(text, paras, outline, prules.goal_paragraph, mrules)
    meta.chars = len(mt.original)
    meta.sha256 = doc.sha256 if doc is not None else None
    complete_meta(meta, doc.front_matter if doc is not None else {}, doc.path if doc is not None else None, mrules)
    placements = _placements(text, paras, sents, heads, outline)
    terms = section_terms(mt, sections, meta.year)  # read by the rules and the model alike
    assign_roles(mt, sections, sentences, placements, meta.year, national=meta.level == "国家", terms=terms)
    refine_roles(mt, sections, sentences, placements, meta.year, terms)  # the learned model, where it is on
    return Structure(meta=meta, sections=sections, sentences=sentences)


def _sections(mt: MappedText, outline: Outline) -> list[Section]:
    out = []
    for raw in outline.sections:
        start, end = mt.span(raw.start, raw.end)
        _, title_end = mt.span(raw.start, raw.title_end)
        parent = outline.sections[raw.parent].id if raw.parent is not None else None
        title = mt.original[start:title_end]
        out.append(Section(raw.id, parent, raw.level, title, raw.part, start, end))
    return out


def _sentences(
    mt: MappedText,
    paras: list[Paragraph],
    sents: list[list[tuple[int, int]]],
    outline: Outline,
    sections: list[Section],
) -> list[Sentence]:
    text = mt.text
    out = []
    for i, spans in enumerate(sents):
        sec = outline.para_section[i]
        sid = sections[sec].id if sec is not None else None
        part = outline.para_part[i]
        for s, e in spans:
            clauses = [Clause(*mt.span(cs, ce)) for cs, ce in split_clauses(text, s, e)]
            start, end = mt.span(s, e)
            out.append(Sentence(start, end, sid, part, clauses))
    return out


_INTRO_MAX_SENTENCES = 3  # a part's introduction states its aims in a sentence or two


def _placements(
    text: str, paras: list[Paragraph], sents: list[list[tuple[int, int]]], heads: list[Heading], outline: Outline
) -> list[Placement]:
    """Where each sentence sits in its paragraph, and which paragraphs are a part's
    introduction (the paragraph right under a 一、/（一） heading, before paragraphs that
    open with their own theme sentences). A short opener that a cue makes context (从当前经济运行
    情况看，宏观调控工作不能放松。 解决好“三农”问题，仍然是全部工作的重中之重。) weighs the situation;
    it does not give its paragraph a theme of its own."""
    level = {h.para: h.level for h in heads if not h.paragraph_scope}
    n = len(paras)

    def themed(i: int, weighing: bool = True) -> bool:
        if paras[i].kind != "text" or len(sents[i]) < 2:
            return False
        s, e = sents[i][0]
        return is_theme_opener(e - s) and (weighing or not judged_context(text[s:e]))

    def pointed(i: int) -> bool:  # opens with a numbered point of its own (一是…。 then its work)
        return paras[i].kind == "heading" and i in level and len(sents[i]) >= 2

    intro = set()
    for i in range(1, n - 1):
        if paras[i].kind != "text" or level.get(i - 1, 9) > 2 or len(sents[i - 1]) != 1 or themed(i, False):
            continue
        if level.get(i + 1, 9) > 2 and (themed(i + 1) or pointed(i + 1)):
            intro.add(i)
    for i in range(n - 1):  # （一）奋力抓好扩内需稳增长。把恢复和扩大消费摆在优先位置，…。 then themed paragraphs:
        # the aims written after a numbered heading in its own paragraph introduce the part as well
        if (paras[i].kind == "heading" and level.get(i, 9) <= 2 and 2 <= len(sents[i]) <= _INTRO_MAX_SENTENCES
                and level.get(i + 1, 9) > 2 and (themed(i + 1) or pointed(i + 1))):
            intro.add(i)
    out = []
    for i, spans in enumerate(sents):
        whole = len(spans) <= _INTRO_MAX_SENTENCES  # a long one opens with its theme, then does the work
        for k in range(len(spans)):
            out.append(Placement(i, k, len(spans), i in intro and (whole or k == 0)))
    return out


def _meta(
    text: str, paras: list[Paragraph], outline: Outline, goal_cue: re.Pattern[str], mrules: MetaRules
) -> ReportMeta:
    body = next((p.start for p in paras if p.kind != "front"), len(text))
    tops = [
        (text[s.start : s.title_end], s.part)
        for s in outline.sections
        if s.parent is None and not s.paragraph_scope
    ]
    goals = [
        text[p.start : p.end]
        for p, part in zip(paras, outline.para_part)
        if part == "goals" and goal_cue.search(text, p.start, p.end)
    ]
    # "2013年是…开局之年" opening a goals/plan paragraph names the plan year.
    forward = [text[p.start : p.start + 12] for p, part in zip(paras, outline.para_part) if part in ("goals", "plan")]
    return read_meta(text, text[:body], tops, goals, mrules, forward)
