"""The engine: file -> Document -> Structure -> indicators, commitments.

Each stage takes plain records and returns plain records (``luoshi.model``), so it
can be tested alone and run in a batch worker without the web or the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from luoshi.errors import LuoshiError
from luoshi.extract.commitments import departments_for, extract_commitments
from luoshi.extract.indicators import check_figures, extract_indicators
from luoshi.ingest import read_document
from luoshi.model import Document, Extraction
from luoshi.structure import analyze
from luoshi.textmap import MappedText


# Work limits of one extraction. A work report is ~100,000 characters, ~1,000 lines and
# 1,000–4,000 sentence ends; each stage is linear, but a file of 400,000 heading lines, or 3 MB
# of two-character sentences (600,000 "增长5%。" took 35 s, 1.4 million "![" 50 s and 1.1 GB),
# would still take a minute.
LIMITS = {"chars": ("LUOSHI_MAX_CHARS", 3_000_000), "lines": ("LUOSHI_MAX_LINES", 50_000),
          "sentences": ("LUOSHI_MAX_SENTENCES", 100_000)}
_NOUNS = {"chars": "characters", "lines": "lines", "sentences": "sentence ends (。！？!?)"}


def _limit(which: str) -> int:
    env, default = LIMITS[which]
    try:
        return max(1, int(os.environ.get(env, default)))
    except ValueError:
        return default


def check_budget(text: str) -> None:
    """E018 when ``text`` is over the character, line or sentence limit (each raisable by its variable)."""
    if len(text) > _limit("chars"):
        sizes = [("chars", len(text))]
    else:  # counted only on a text of bounded size (str.count: C speed)
        sizes = [("lines", text.count("\n") + 1), ("sentences", sum(map(text.count, "。！？!?")))]
    for which, size in sizes:
        if size > _limit(which):
            raise LuoshiError("E018", f"the text has {size} {_NOUNS[which]}, over the limit of {_limit(which)}",
                              f"give one report per file; to go on anyway set {LIMITS[which][0]} higher")


def extract_document(doc: Document, departments: str | None = None) -> Extraction:
    """``departments``: a units file or a level (district | city | national) overriding the
    list chosen by the report's level. E018 past the work limits (``check_budget``)."""
    check_budget(doc.text)
    mt = MappedText(doc.text)
    check_figures(mt.text)
    structure = analyze(mt, doc)
    indicators = extract_indicators(mt, structure)
    commitments = extract_commitments(mt, structure, indicators, departments_for(structure, departments))
    return Extraction(
        report=structure.meta,
        sections=structure.sections,
        indicators=indicators,
        commitments=commitments,
        sentences=structure.sentences,
    )


def extract_file(path: str | Path, encoding: str | None = None, departments: str | None = None) -> Extraction:
    return extract_document(read_document(path, encoding=encoding), departments)
