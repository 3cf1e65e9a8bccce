"""A hand-built Structure for extractor tests: one Sentence per 。-sentence, with the
part given, so the extractors are tested without the structure stage."""

from __future__ import annotations

import re

from luoshi.model import Part, ReportMeta, Sentence, Structure
from luoshi.textmap import MappedText

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def hand_structure(text: str, part: Part = "plan", year: int | None = 2022,
                   parts: list[tuple[int, Part]] | None = None) -> tuple[MappedText, Structure]:
    """``parts``: (original offset where a part begins, part), in order; else ``part`` throughout."""
    mt = MappedText(text)
    sentences = []
    for m in _SENTENCE.finditer(text):
        if not m.group(0).strip():
            continue
        p = part
        for begin, name in parts or []:
            if m.start() >= begin:
                p = name
        sentences.append(Sentence(m.start(), m.end(), "s1", p))
    return mt, Structure(ReportMeta(year=year), [], sentences)
