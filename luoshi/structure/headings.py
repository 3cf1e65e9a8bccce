"""Heading detection over classified paragraphs: numbered, bare and theme headings.

A numbered paragraph (一、 (一) 1. ◎ ——…) is a heading whose title is its line when
the line stands alone, else its first sentence (national ``（一）…。`` openers). A
bare heading is a short unpunctuated line between paragraph breaks; it is level 1
when its title names a part of the report (过去五年工作回顾), else level 2. A theme
sentence (持续完善生态建设制度体系。) opening a longer paragraph is a level-4
heading over that paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.structure.paragraphs import Paragraph
from luoshi.structure.rules import HeadingRules, PartRules
from luoshi.structure.sentences import title_end

_NOT_THEME = re.compile(r"[,:;\d]")
_FIRST_POINT = re.compile(r"\(一\)")


@dataclass
class Heading:
    para: int  # index of the paragraph it opens
    start: int  # normalized offsets
    title_end: int
    level: int
    paragraph_scope: bool  # the section covers this paragraph only


def find_headings(
    text: str,
    paras: list[Paragraph],
    sents: list[list[tuple[int, int]]],
    hrules: HeadingRules,
    prules: PartRules,
) -> list[Heading]:
    markers = {m.name: m for m in hrules.markers}
    has_level2 = any(
        p.kind == "heading" and markers[p.marker].level == 2 and not markers[p.marker].shift_below_paren
        for p in paras
        if p.marker
    )
    out: list[Heading] = []
    for i, p in enumerate(paras):
        if p.kind == "heading":
            m = markers[p.marker]
            end = p.first_line_end if p.standalone else title_end(text, p.start, p.end)
            marker_end = hrules.marker_re.match(text, p.start).end()
            if end <= marker_end:  # a bare "一、": an inline list broken over lines
                p.kind = "text"
                continue
            level = m.level + (1 if m.shift_below_paren and has_level2 else 0)
            out.append(Heading(i, p.start, end, level, m.paragraph_scope))
        elif p.kind == "bare":
            title = text[p.start : p.end]
            top = any(pat.search(title) for _, pat, _ in prules.headings)
            out.append(Heading(i, p.start, p.end, 1 if top else 2, False))
        elif p.kind == "text" and len(sents[i]) > 1:
            s, e = sents[i][0]
            if is_theme(text[s:e], hrules, prules):
                out.append(Heading(i, s, e - 1, hrules.theme_level, True))
    _promote_bare(text, out, paras)
    return out


def _promote_bare(text: str, heads: list[Heading], paras: list[Paragraph]) -> None:
    """In a report whose chapters are bare headings (no 一、, and one bare heading names a part), a bare
    heading over (一) headings is a chapter too
    (四届政府工作及“十四五”开局 over （一）坚定不移抓脱贫防返贫…, beside 2022年追赶发展的重点工作), though
    its title names no part."""
    if any(not h.paragraph_scope and h.level == 1 and paras[h.para].kind == "heading" for h in heads):
        return
    if not any(h.level == 1 and paras[h.para].kind == "bare" for h in heads):
        return  # no bare heading names a part: bare lines are not the chapters here
    chapters = [h for h in heads if not h.paragraph_scope]
    for h, nxt in zip(chapters, chapters[1:]):
        if (paras[h.para].kind == "bare" and h.level == 2 and nxt.level == 2 and paras[nxt.para].kind == "heading"
                and _FIRST_POINT.match(text, nxt.start)):  # it opens a new (一)… series
            h.level = 1


def is_theme(sentence: str, hrules: HeadingRules, prules: PartRules) -> bool:
    """A short slogan-like sentence: ends in 。, no comma or figures, not a salutation."""
    return (
        sentence.endswith("。")
        and 2 <= len(sentence) - 1 <= hrules.theme_max
        and _NOT_THEME.search(sentence) is None
        and prules.salutation.match(sentence) is None
    )
