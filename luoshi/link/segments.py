"""Evidence units of a report: its clauses, each with its sentence and part.

Clauses are what evidence spans point at: short enough that the verb found in one is
the verb of the matched object (城子水厂升级改造完成，门城水厂主体完工 are two clauses,
two verdicts). Sentences come from the structure stage when it ran; otherwise a
compiled splitter and a heading scan (``parts``) stand in, so linking works on any text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from luoshi.link.parts import fallback_parts
from luoshi.model import Extraction, Part
from luoshi.textmap import MappedText

# A line break ends a sentence after sentence punctuation or around a heading-like line;
# elsewhere (the national corpus breaks lines inside sentences: 74.4\n\n万亿元) it is soft.
_LINE = re.compile(r"[^\n]*\n?")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ENDS = tuple("。！？；:：!?;")

_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")
_CLAUSE = re.compile(r"[^,，:：。！？；!?;\n]+[,，:：。！？；!?;]?")
_TRIM = " \t\u3000\u200b\r\n,，、:：。！？；!?;"


@dataclass(slots=True)
class Unit:
    """A clause of a report in original offsets: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    sent_start: int
    sent_end: int
    part: Part


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def soften_breaks(text: str) -> str:
    """``text`` with soft line breaks and zero-width spaces turned into spaces (same length)."""
    out = []
    prev_hard = True
    for m in _LINE.finditer(text):
        line = m.group()
        if not line:
            break
        body = line.strip(" \t\u3000\u200b\r\n")
        if body:
            heading = (4 <= len(body) <= 40 and len(_CJK.findall(body)) >= 4 and prev_hard
                       and "。" not in body and not body[-1].isascii())
            hard = body.endswith(_ENDS) or heading
        else:
            hard = prev_hard
        if line.endswith("\n") and not hard:
            line = line[:-1].replace("\u200b", " ") + " "
        out.append(line)
        if body:
            prev_hard = hard
    return "".join(out)


def sentence_spans(mt: MappedText, ex: Extraction | None = None) -> list[tuple[int, int, Part]]:
    """(start, end, part) of every sentence in normalized offsets (``mt.text``)."""
    if ex is not None and ex.sentences:
        return [(mt.to_norm(s.start), mt.to_norm(s.end), s.part) for s in ex.sentences]
    part_at = fallback_parts(mt.text)
    spans = []
    for m in _SENTENCE.finditer(soften_breaks(mt.text)):
        s, e = _trimmed(mt.text, m.start(), m.end())
        if e - s >= 2:
            spans.append((s, e, part_at(s)))
    return spans


def clause_units(mt: MappedText, ex: Extraction | None = None, min_chars: int = 4) -> list[Unit]:
    """Clauses of a report, split on commas and semicolons (not on 、: 双大路二期、108国道二期通车 is one).

    A clause shorter than ``min_chars`` is merged into the next one so that
    "城子水厂" alone never becomes an evidence span.
    """
    folded = soften_breaks(mt.text)
    units: list[Unit] = []
    for s_start, s_end, part in sentence_spans(mt, ex):
        pending = None
        for m in _CLAUSE.finditer(folded, s_start, s_end):
            c0, c1 = _trimmed(folded, m.start(), m.end())
            if c1 <= c0:
                continue
            if pending is not None:
                c0 = pending
                pending = None
            if c1 - c0 < min_chars and m.end() < s_end:
                pending = c0
                continue
            units.append(Unit(c0, c1, "", s_start, s_end, part))
        if pending is not None and units and units[-1].sent_start == s_start:
            units[-1].end = _trimmed(folded, units[-1].start, s_end)[1]
    for u in units:  # normalized -> original offsets
        u.start, u.end = mt.span(u.start, u.end)
        u.sent_start, u.sent_end = mt.span(u.sent_start, u.sent_end)
        u.text = mt.original[u.start : u.end]
    return units


def part_lookup(spans: list[tuple[int, int, Part]]):
    """A function offset -> part of the sentence that holds it."""
    starts = [s for s, _, _ in spans]

    def part_at(offset: int) -> Part:
        k = bisect_right(starts, offset) - 1
        return spans[k][2] if k >= 0 else "other"

    return part_at
