"""Task rows of the 任务分解表: one row per task sentence, parts where owners differ.

Only sentences whose role is ``task`` (``luoshi.structure.roles``) become rows, one
row each, as an office's table has them. Inside the sentence, clauses are grouped
around their action verbs (``actions``): a verb-less clause before a verb clause is
its context (到2025年, 围绕“三大产业”), one after it continues it (投资规模64.2亿元). The
row's action and object are its first group's. The groups give the row ``parts``:
where the owner changes from one clause group to the next (the way the State
Council's division-of-labour opinions cut a sentence at a comma), and for a list of
quotas under one verb (造林绿化1万亩、封山育林15.1万亩…) — each part with its own units.

Deadline: the written phrase wins (年内, 6月底前, 到“十四五”末; several: the latest,
as a range takes its outer bound); otherwise the office's convention, marked
``deadline_source: default``: the plan year's end, or the horizon's end in a
five-year part. A five-year part ends at the next heading that leaves it, or at a
salutation paragraph (各位代表！…) inside it, after which the speech turns back to the
government's own work of the year. ``deadline`` is an ISO date (2022-12-31).

Owners: keyword rules (``departments``) on the row's text; a row with no match of
its own takes its theme paragraph's owner (reason 同段落主题), and a row whose lead rests
on one short word yields to that owner when it names it too (``luoshi.assign.theme``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from luoshi.assign.theme import THEME, paragraph_themes, prefer_theme_owner, theme_owners
from luoshi.extract.actions import Head, any_verb, find_head, is_forward, object_of, opens_with_verb
from luoshi.extract.deadlines import default_date, deadline_date, find_deadlines
from luoshi.extract.departments import DepartmentRules, report_level, rules, suggest_departments
from luoshi.extract.projects import find_project_spans
from luoshi.extract.strength import strength_of
from luoshi.model import Commitment, CommitmentPart, Department, Indicator, Section, Sentence, Structure
from luoshi.structure.roles import sentence_role
from luoshi.structure.terms import Term, section_terms, term_breaks
from luoshi.textmap import MappedText, fold

_TASK_PARTS = frozenset({"goals", "plan"})
_LEAD = re.compile(r"^[\s,;:、.。!?]+")
_TAIL = re.compile(r"[\s,;:、.。!?]+$")
# A listed task with its own quantity: some words, then a number and a short unit (1万亩, 12.9公顷, 4个).
_QUANTIFIED = re.compile(r"[^\d]*[\u3400-\u9fff”」)）][^\d]*?\d+(?:\.\d+)?(?:万|亿|千|百)?[\u3400-\u9fff%]{0,2}")
_ITEM_MIN_CJK = 3
_NUMBERING = re.compile(r"^\s*(?:◎|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、])\s*")


@dataclass
class _Group:
    start: int  # normalized offsets
    end: int
    head: Head
    head_clause: str  # normalized text of the clause holding the head
    head_at: int  # normalized offset of the head verb
    listed: bool = False  # a later item of a split list: inherits the head, its text is the object
    quota: bool = False  # an item of a list of quotas under one verb (造林1万亩、封山育林15.1万亩)


@dataclass
class _Context:
    mt: MappedText
    year: int | None
    indicators: list[Indicator]  # sorted by start
    starts: list[int]
    departments: DepartmentRules
    terms: dict[str, Term | None]  # section id -> the five-year term it lies in
    salutations: list[int]  # original offsets of the salutation paragraphs (各位代表！…)


def _title_key(text: str) -> str:
    return _TAIL.sub("", _NUMBERING.sub("", fold(text))).strip()


def _clauses(mt: MappedText, sentence: Sentence) -> list[tuple[int, int]]:
    """Normalized clause spans, trimmed of surrounding blanks and punctuation."""
    spans = [(c.start, c.end) for c in sentence.clauses] or [(sentence.start, sentence.end)]
    out = []
    for s, e in spans:
        ns, ne = mt.to_norm(s), mt.to_norm(e)
        piece = mt.text[ns:ne]
        lead = _LEAD.match(piece)
        tail = _TAIL.search(piece)
        ns, ne = ns + (lead.end() if lead else 0), ne - (len(tail.group()) if tail else 0)
        if ne > ns:
            out.append((ns, ne))
    return out


def _group(mt: MappedText, clauses: list[tuple[int, int]]) -> list[_Group]:
    """One group per action clause, absorbing verb-less clauses around it."""
    groups: list[_Group] = []
    pending: int | None = None  # start of leading verb-less clauses
    for s, e in clauses:
        text = mt.text[s:e]
        head = find_head(text)
        if head is not None:
            groups.append(_Group(s if pending is None else pending, e, head, text, s + head.start))
            pending = None
        elif groups:
            groups[-1].end = e
        elif pending is None:
            pending = s
    return groups


def _cjk(text: str) -> int:
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")


def _is_quota_list(items: list[str]) -> bool:
    """True when every item of a 、-list has a quantity of its own (造林1万亩、修复12.9公顷)."""
    return len(items) >= 2 and all(
        _QUANTIFIED.fullmatch(it) and _cjk(re.sub(r"\d.*$", "", it)) >= _ITEM_MIN_CJK for it in items
    )


def _is_task_list(items: list[str]) -> bool:
    """True when every item of a 、-list is a task of its own (see module doc)."""
    if len(items) < 2:
        return False
    first_object = items[0]
    quantified = all(_QUANTIFIED.fullmatch(it) and _cjk(re.sub(r"\d.*$", "", it)) >= _ITEM_MIN_CJK
                     for it in [first_object, *items[1:]])
    verbs = all(opens_with_verb(it) for it in items[1:])
    return bool(quantified or verbs)


def _split_list(mt: MappedText, g: _Group) -> list[_Group]:
    """``g`` split at the 、 of a list of separate tasks in one of its clauses (the first such list)."""
    for m in re.finditer(r"[^,;:，；：]+", mt.text[g.start : g.end]):
        seg_start, seg_end = g.start + m.start(), g.start + m.end()
        body_start = max(seg_start, g.head_at + (g.head.end - g.head.start)) if seg_start <= g.head_at < seg_end else seg_start
        body = mt.text[body_start:seg_end]
        if "、" not in body or re.search(r"[“\"(（][^”\")）]*、", body):
            continue
        items = body.split("、")
        if any(not it.strip() for it in items) or not _is_task_list(items):
            continue
        out = []
        pos = body_start
        quota = _is_quota_list(items)
        for k, it in enumerate(items):
            end = pos + len(it)
            if k == 0:
                in_head_clause = seg_start <= g.head_at
                head_clause = mt.text[g.head_at - g.head.start : end] if in_head_clause else g.head_clause
                out.append(_Group(g.start, end, g.head, head_clause, g.head_at, quota=quota))
            else:  # an item opening with its own verb keeps it; a quantified one inherits the head
                head = find_head(it) if opens_with_verb(it) else None
                out.append(_Group(pos, end, head or Head(g.head.action, 0, 0), it, pos + (head.start if head else 0),
                                  listed=True, quota=quota))
            pos = end + 1
        out[-1].end = g.end  # trailing verb-less clauses stay with the last task
        return out
    return [g]


def _horizon(ctx: _Context, sentence: Sentence) -> int | None:
    """Last year of the five-year part ``sentence`` lies in, unless a salutation paragraph
    between the part's opening and the sentence turned the speech back to the year."""
    term = ctx.terms.get(sentence.section or "")
    if term is None or not term.covers(sentence.start):
        return None  # the annual plan, or a mixed part after its turn to the year
    at = bisect_left(ctx.salutations, term.start + 1)
    return None if at < len(ctx.salutations) and ctx.salutations[at] <= sentence.start else term.last_year


def departments_for(structure: Structure, choice: str | None = None) -> DepartmentRules:
    """The master list for this report: chosen by its level unless ``choice`` says otherwise."""
    meta = structure.meta
    return rules(report_level(meta.region, meta.level), choice, meta.region, meta.year)


def extract_commitments(
    mt: MappedText, structure: Structure, indicators: list[Indicator], departments: DepartmentRules | None = None
) -> list[Commitment]:
    """Task rows of the report, ids c1, c2… in text order."""
    year = structure.meta.year
    titles = {_title_key(s.title) for s in structure.sections}
    ordered = sorted(indicators, key=lambda i: i.start)
    context = _Context(mt, year, ordered, [i.start for i in ordered], departments or departments_for(structure),
                       section_terms(mt, structure.sections, year), term_breaks(mt))
    out: list[Commitment] = []
    sentence_of: dict[int, int] = {}  # id(row) -> its sentence's start
    for sentence in sorted(structure.sentences, key=lambda s: s.start):
        sn, se = mt.to_norm(sentence.start), mt.to_norm(sentence.end)
        text = mt.text[sn:se]
        role = sentence.role
        if role is None and (sentence.part in _TASK_PARTS or is_forward(text)):
            role = sentence_role(text, heading=_title_key(text) in titles)
        if role != "task":
            continue
        row = _row(context, sentence)
        if row is not None:
            out.append(row)
            sentence_of[id(row)] = sentence.start
    themes = paragraph_themes(mt, structure.sentences, context.departments)
    _inherit_owners(out, structure.sections, context, {id(r): themes[sentence_of[id(r)]]
                                                        for r in out if sentence_of[id(r)] in themes})
    prefer_theme_owner(out, structure.sections, context.departments)  # a weak row yields to its paragraph's unit
    for k, c in enumerate(out, 1):
        c.id = f"c{k}"
    return out


def _original(mt: MappedText, base: int, start: int, end: int) -> str:
    return mt.original_slice(base + start, base + end)


def _head(mt: MappedText, clauses: list[tuple[int, int]], groups: list[_Group]) -> tuple[Head | None, str]:
    """The row's head verb and the clause text it governs."""
    if groups:
        return groups[0].head, groups[0].head_clause
    for s, e in clauses:
        head = any_verb(mt.text[s:e])
        if head is not None:
            return head, mt.text[s:e]
    return None, ""


def _row(ctx: _Context, sentence: Sentence) -> Commitment | None:
    mt = ctx.mt
    clauses = _clauses(mt, sentence)
    if not clauses:
        return None
    groups = [part for g in _group(mt, clauses) for part in _split_list(mt, g)]
    head, head_clause = _head(mt, clauses, groups)
    ns, ne = clauses[0][0], clauses[-1][1]
    norm = mt.text[ns:ne]
    start, end = mt.span(ns, ne)
    first_clause = mt.text[clauses[0][0] : clauses[0][1]]
    # The written phrase wins; several: the latest (a range's outer bound).
    written = [(d, deadline_date(d, ctx.year)) for d in find_deadlines(norm, ctx.year)]
    written = [(d, date) for d, date in written if date]
    lo, hi = bisect_left(ctx.starts, start), bisect_left(ctx.starts, end)
    row = Commitment(
        id="",
        text=mt.original[start:end],
        action=head.action if head else None,
        object=object_of(head_clause, head) if head else None,
        strength=strength_of(norm, first_clause, head.action if head else None),
        deadline=None,
        deadline_text=None,
        projects=[_original(mt, ns, s, e) for s, e in find_project_spans(norm)],
        indicators=[i.id for i in ctx.indicators[lo:hi] if i.end <= end],
        departments=suggest_departments(norm, ctx.departments),
        start=start,
        end=end,
        section=sentence.section,
    )
    if written:
        phrase, date = max(written, key=lambda w: (w[1], -w[0].start))
        row.deadline, row.deadline_source = date, "written"
        row.deadline_text = _original(mt, ns, phrase.start, phrase.end)
    else:
        row.deadline = default_date(_horizon(ctx, sentence), ctx.year)
        row.deadline_source = "default" if row.deadline else None
    row.parts = _parts(ctx, groups, ns, ne)
    return row


def _parts(ctx: _Context, groups: list[_Group], ns: int, ne: int) -> list[CommitmentPart]:
    """Clause spans with an owner of their own: where the lead unit changes between clause
    groups, or the items of a list of quotas under one verb."""
    mt = ctx.mt
    if len(groups) < 2:
        return []
    # Each group runs to the next one's start, so parts cover the row without gaps.
    bounds = [(g.start, groups[k + 1].start if k + 1 < len(groups) else ne) for k, g in enumerate(groups)]
    bounds[0] = (ns, bounds[0][1])
    suggested = [suggest_departments(mt.text[s:e], ctx.departments) for s, e in bounds]
    if any(g.quota for g in groups):
        spans = [(s, e, d) for (s, e), d in zip(bounds, suggested)]
    else:
        leads = [d[0].name if d else None for d in suggested]
        known = [x for x in leads if x]
        if len(set(known)) < 2:
            return []
        spans = []
        current = next(x for x in leads if x)
        for (s, e), lead in zip(bounds, leads):
            lead = lead or current
            if spans and lead == current:
                spans[-1] = (spans[-1][0], e, None)
            else:
                spans.append((s, e, None))
            current = lead
        spans = [(s, e, suggest_departments(mt.text[s:e], ctx.departments)) for s, e, _ in spans]
    out = []
    for s, e, deps in spans:
        piece = mt.text[s:e]
        lead = _LEAD.match(piece)
        tail = _TAIL.search(piece)
        s2, e2 = s + (lead.end() if lead else 0), e - (len(tail.group()) if tail else 0)
        if e2 <= s2:
            continue
        os_, oe = mt.span(s2, e2)
        out.append(CommitmentPart(os_, oe, mt.original[os_:oe], deps or []))
    return out if len(out) >= 2 else []


def _inherit_owners(rows: list[Commitment], sections: list[Section], ctx: _Context,
                    themes: dict[int, str]) -> None:
    """A row with no unit of its own takes its theme paragraph's owner (同段落主题): the unit
    a theme sentence before it in its paragraph names (``themes``: by ``id(row)``),
    else the unit its heading names, else the one leading most rows under it."""
    owners = theme_owners(sections, ctx.departments, rows)
    for r in rows:
        name = themes.get(id(r)) or owners.get(r.section or "")
        if not r.departments and name:
            r.departments = [Department(name, "lead", [THEME])]
