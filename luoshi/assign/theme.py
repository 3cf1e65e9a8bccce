"""The paragraph's theme as a prior on a row's owner.

A row whose lead rests on one short word (产业, 金融, 文化: at most ``WEAK_CHARS`` characters
of keywords) is a weak call. When the row also names the unit its paragraph is about (the
unit the theme sentence or heading above it suggests), that unit leads: under 打造国际消费中心
城市 (商务), 办好“深圳购物季”等活动…支持接触性消费恢复 is a commerce task even if a health word
scores as much. The row's own lead becomes a co-unit, and the promoted unit's reason says
同段落主题 beside its own words. A paragraph's unit the row names only in the effect hoped for after
the work (开展有奖发票试点，激发消费需求 under a consumption heading) is not promoted: the row names its
field as its aim, not as its work. Rows with no unit of their own take the paragraph's owner in
``luoshi.extract.commitments`` already; this only reorders units the row itself names.

A paragraph about a place run by its own body (全面深化前海合作区改革开放, 加大城市副中心建设
力度: the ``place`` units of the departments file) is that body's to deliver, as a
任务分解表 has it: its 管委会 leads every row of the paragraph (同段落主题), and the row's own
units follow as co-units. A city's zones that the file does not list are learned from the
report's own text (``luoshi.assign.zones``) and lead their rows the same way.

A theme sentence inside a running paragraph (…。持续深化国企改革。完善…。推进…。) is a heading the
layout does not mark: the unit it names is the owner of the rows after it in that paragraph, up to
the next theme sentence (``paragraph_themes``), as a heading's owner is for the rows under it.

In a section that runs over several paragraphs (a national report's chapter: 二、保持国民经济
发展的良好势头 holds agriculture, finance, prices and more), the section's owner is too coarse for a
row naming no unit: such a row takes its own paragraph's field, the unit that at least two of the
paragraph's task sentences agree on (加强农田基本建设 in the agriculture paragraph is 农业's, not the
planning body's that leads most of the chapter). Tried on every section, the field lost more rows
than it won on city reports, whose paragraphs are their own sections.
"""

from __future__ import annotations

from collections import Counter

from luoshi.assign.zones import lead_by_zone
from luoshi.extract.departments import (MAX_SUPPORT, DepartmentRules, minor_words, modifier_spans, opening_unit,
                                        suggest_departments)
from luoshi.model import Commitment, Department, Section, Sentence
from luoshi.textmap import MappedText, fold

WEAK_CHARS = 3  # a lead resting on keywords of at most this many characters in all is weak
THEME = "同段落主题"
MIN_SECTION_PARAGRAPHS = 3  # a section this long is a chapter: its owner is too coarse for a paragraph
MIN_FIELD_VOTES = 2  # sentences of a paragraph that must agree on its field
MIN_FIELD_CHARS = 2  # keyword characters a sentence needs to vote for its paragraph's field


def theme_owners(sections: list[Section], r: DepartmentRules,
                 rows: list[Commitment] | None = None) -> dict[str, str | None]:
    """Per section id: the unit its own title suggests, else the nearest title above it.

    With ``rows``, a section whose title names no unit first takes the unit leading most of the
    rows under it (a row counts for its paragraph and every heading above it) before climbing:
    that is the owner a row with no unit of its own inherits (同段落主题).
    """
    by_id = {s.id: s for s in sections}
    leads: dict[str, Counter[str]] = {}
    for row in rows or ():
        sec: Section | None = by_id.get(row.section or "") if row.departments else None
        while sec is not None:
            leads.setdefault(sec.id, Counter())[row.departments[0].name] += 1
            sec = by_id.get(sec.parent) if sec.parent else None
    out: dict[str, str | None] = {}

    def owner(sid: str) -> str | None:
        if sid not in out:
            sec = by_id[sid]
            found = suggest_departments(fold(sec.title), r)
            if found:
                out[sid] = found[0].name
            elif leads.get(sid):
                out[sid] = leads[sid].most_common(1)[0][0]
            else:
                out[sid] = owner(sec.parent) if sec.parent in by_id else None
        return out[sid]

    for s in sections:
        owner(s.id)
    return out


def prefer_theme_owner(rows: list[Commitment], sections: list[Section], r: DepartmentRules) -> int:
    """Reorder weak rows' units in place (see the module's docstring); returns how many changed."""
    owners = theme_owners(sections, r)
    changed = 0
    for row in rows:
        deps = row.departments
        if not deps or deps[0].matched == [THEME] or sum(len(w) for w in deps[0].matched) > WEAK_CHARS:
            continue
        theme = owners.get(row.section or "")
        names = [d.name for d in deps]
        if theme is None or theme == names[0] or theme not in names:
            continue
        text = fold(row.text)
        opener = opening_unit(text, r)
        if opener is not None and r.names[opener] == names[0]:  # 增加财政投入: decided by the money, not weak
            continue
        promoted = deps[names.index(theme)]
        if _only_in_effect(text, promoted.matched, r):  # 开展有奖发票试点,激发消费需求: 消费 is the effect
            continue
        rest = [d for d in deps if d is not promoted]
        row.departments = [Department(promoted.name, "lead", [*promoted.matched, THEME])] + [
            Department(d.name, "support", d.matched) for d in rest]
        changed += 1
    return changed + lead_by_place(rows, sections, r) + lead_by_zone(rows, sections, r)


def _only_in_effect(text: str, words: list[str], r: DepartmentRules) -> bool:
    """Whether every one of ``words`` occurs in ``text`` only inside the effect hoped for after the
    work (…,激发消费需求): the row names that unit's field as its aim, not as its work. A beneficiary
    (加强对灵活就业的扶持) or a focus still names the field the paragraph's unit runs."""
    minor = minor_words(text, r, modifier_spans(text, only=("effect",)))
    return bool(words) and all(w in minor for w in words)


def place_owners(sections: list[Section], r: DepartmentRules) -> dict[str, tuple[str, list[str]]]:
    """Per section id whose own title names a place-running unit: that unit and the words."""
    out: dict[str, tuple[str, list[str]]] = {}
    if not r.places:
        return out
    for s in sections:
        for m in r.pattern.finditer(fold(s.title)):
            unit = next((i for i in r.owners[m.group()] if i in r.places), None)
            if unit is not None:
                out[s.id] = (r.names[unit], [m.group()])
                break
    return out


def lead_by_place(rows: list[Commitment], sections: list[Section], r: DepartmentRules) -> int:
    """Under a paragraph about a place with its own body, that body leads (module docstring);
    a row naming another place body keeps its own. Returns how many rows changed."""
    owners = place_owners(sections, r)
    place_names = {r.names[i] for i in r.places}
    changed = 0
    for row in rows:
        found = owners.get(row.section or "")
        if found is None:
            continue
        name, words = found
        deps = row.departments
        if deps and deps[0].name == name:
            continue
        if any(d.name in place_names and d.name != name for d in deps[:1]):
            continue
        own = next((d for d in deps if d.name == name), None)
        rest = [Department(d.name, "support", d.matched) for d in deps if d.name != name]
        lead = Department(name, "lead", [*(own.matched if own else words), THEME])
        row.departments = [lead, *rest][: 1 + MAX_SUPPORT]
        changed += 1
    return changed


def paragraph_themes(mt: MappedText, sentences: list[Sentence], r: DepartmentRules) -> dict[int, str]:
    """Per task sentence (by start offset, original text): the unit the theme sentence before it
    in the same paragraph names (module docstring). A paragraph break, a change of section or a
    theme sentence naming no unit ends the hand-off. A theme opening its paragraph is left to
    ``theme_owners`` (it titles the paragraph's section, whose owner falls back to the unit leading
    most rows under it when the title names none): handing its own unit on as well was no better
    on the tuning sets."""
    out: dict[int, str] = {}
    owner: str | None = None
    prev: Sentence | None = None
    paragraph: list[Sentence] = []
    paragraphs: list[list[Sentence]] = []
    for s in sorted(sentences, key=lambda x: x.start):
        opens = prev is None or s.section != prev.section or "\n" in mt.original[prev.end:s.start]
        if opens:
            owner = None
            paragraphs.append(paragraph)
            paragraph = []
        if s.role == "theme":  # one opening its paragraph is the section's title (theme_owners)
            found = [] if opens else suggest_departments(fold(mt.original[s.start:s.end]), r)
            # one character of keyword (河 in 做大黑河试车节) is too thin to own the rows after it
            owner = found[0].name if found and sum(len(w) for w in found[0].matched) >= 2 else None
        elif s.role == "task":
            paragraph.append(s)
            if owner is not None:
                out[s.start] = owner
        prev = s
    paragraphs.append(paragraph)
    per_section = Counter(p[0].section for p in paragraphs if p)
    for p in paragraphs:
        if p and per_section[p[0].section] >= MIN_SECTION_PARAGRAPHS:
            _paragraph_field(mt, p, r, out)
    return out


def _paragraph_field(mt: MappedText, tasks: list[Sentence], r: DepartmentRules, out: dict[int, str]) -> None:
    """The paragraph's field (module docstring) for its task sentences that no theme sentence before
    them hands a unit: the unit leading at least ``MIN_FIELD_VOTES`` of the paragraph's task sentences
    (on keywords of ``MIN_FIELD_CHARS`` characters or more), and more of them than any other unit.
    It is used only for a row that names no unit of its own (``_inherit_owners``)."""
    leads: list[tuple[int, str]] = []
    for k, s in enumerate(tasks):
        found = suggest_departments(fold(mt.original[s.start:s.end]), r)
        if found and sum(len(w) for w in found[0].matched) >= MIN_FIELD_CHARS:
            leads.append((k, found[0].name))
    if not leads:
        return
    votes = Counter(name for _, name in leads).most_common(2)
    name, top = votes[0]
    if top < MIN_FIELD_VOTES or (len(votes) > 1 and votes[1][1] == top):
        return
    for s in tasks:
        out.setdefault(s.start, name)
