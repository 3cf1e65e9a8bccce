"""Commitments: clause-level tasks of the goals and plan parts.

A commitment is a clause whose head is an action verb (``actions``), together with
the verb-less clauses around it in the same sentence: a leading one (到2025年, 围绕
“三大产业”) is context for the next verb clause, a trailing one (投资规模64.2亿元)
continues the previous. Section titles (全面落实减量发展。) are not commitments.

A clause that lists several tasks separated by 、 is split into one commitment per
task when every listed item is a task of its own: each with a quantity of its own
(实施新一轮百万亩造林绿化1万亩、京津风沙源治理封山育林15.1万亩、…) or each opening with
an action verb (加强A、推进B). The first keeps the head verb and the context before
it; the others inherit its action. Lists of names under one verb (潭柘寺、斋堂110千伏
输变电工程) stay one commitment.

Deadline: the first deadline phrase written in the commitment, else a sentence-level
one written before the sentence's first action verb (今年要…, …, …). Nothing is
defaulted: with no phrase written, ``deadline`` and ``deadline_text`` stay null
(年内/今年 are written phrases and resolve to the plan year).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from luoshi.extract.actions import Head, find_head, is_forward, object_of, opens_with_verb
from luoshi.extract.deadlines import Deadline, first_deadline
from luoshi.extract.departments import DepartmentRules, rules, suggest_departments
from luoshi.extract.projects import find_project_spans
from luoshi.extract.strength import strength_of
from luoshi.model import Commitment, Indicator, Sentence, Structure
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


@dataclass
class _Context:
    mt: MappedText
    year: int | None
    indicators: list[Indicator]  # sorted by start
    starts: list[int]
    departments: DepartmentRules


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
        for k, it in enumerate(items):
            end = pos + len(it)
            if k == 0:
                in_head_clause = seg_start <= g.head_at
                head_clause = mt.text[g.head_at - g.head.start : end] if in_head_clause else g.head_clause
                out.append(_Group(g.start, end, g.head, head_clause, g.head_at))
            else:  # an item opening with its own verb keeps it; a quantified one inherits the head
                head = find_head(it) if opens_with_verb(it) else None
                out.append(_Group(pos, end, head or Head(g.head.action, 0, 0), it, pos + (head.start if head else 0),
                                  listed=True))
            pos = end + 1
        out[-1].end = g.end  # trailing verb-less clauses stay with the last task
        return out
    return [g]


def extract_commitments(mt: MappedText, structure: Structure, indicators: list[Indicator]) -> list[Commitment]:
    """Commitments of the report, ids c1, c2… in text order."""
    year = structure.meta.year
    titles = {_title_key(s.title) for s in structure.sections}
    ordered = sorted(indicators, key=lambda i: i.start)
    context = _Context(mt, year, ordered, [i.start for i in ordered], rules())
    out: list[Commitment] = []
    for sentence in sorted(structure.sentences, key=lambda s: s.start):
        sn, se = mt.to_norm(sentence.start), mt.to_norm(sentence.end)
        text = mt.text[sn:se]
        if sentence.part not in _TASK_PARTS and not is_forward(text):
            continue
        if _title_key(text) in titles:
            continue
        clauses = _clauses(mt, sentence)
        groups = [part for g in _group(mt, clauses) for part in _split_list(mt, g)]
        if not groups:
            continue
        first_clause = mt.text[clauses[0][0] : clauses[0][1]]
        # A time phrase before the sentence's first verb (今年要…) covers all its clauses.
        lead = first_deadline(mt.text[clauses[0][0] : groups[0].head_at], year)
        inherited = (clauses[0][0], lead) if lead else None
        listed_from = inherited
        for g in groups:
            if not g.listed:  # a deadline written before a list covers its later items
                own = first_deadline(mt.text[g.start : g.end], year)
                listed_from = (g.start, own) if own else inherited
            out.append(_commitment(context, g, first_clause, sentence, listed_from if g.listed else inherited))
    for k, c in enumerate(out, 1):
        c.id = f"c{k}"
    return out


def _original(mt: MappedText, base: int, start: int, end: int) -> str:
    return mt.original_slice(base + start, base + end)


def _commitment(
    ctx: _Context, g: _Group, first_clause: str, sentence: Sentence, inherited: tuple[int, Deadline] | None
) -> Commitment:
    mt = ctx.mt
    norm = mt.text[g.start : g.end]
    start, end = mt.span(g.start, g.end)
    own = first_deadline(norm, ctx.year)
    base, deadline = (g.start, own) if own else inherited or (0, None)
    lo, hi = bisect_left(ctx.starts, start), bisect_left(ctx.starts, end)
    return Commitment(
        id="",
        text=mt.original[start:end],
        action=g.head.action,
        object=object_of(g.head_clause, g.head),
        strength=strength_of(norm, first_clause, g.head.action),
        deadline=deadline.period if deadline else None,
        deadline_text=_original(mt, base, deadline.start, deadline.end) if deadline else None,
        projects=[_original(mt, g.start, s, e) for s, e in find_project_spans(norm)],
        indicators=[i.id for i in ctx.indicators[lo:hi] if i.end <= end],
        departments=suggest_departments(norm, ctx.departments),
        start=start,
        end=end,
        section=sentence.section,
    )
