"""The engine: file -> Document -> Structure -> indicators, commitments.

Each stage takes plain records and returns plain records (``luoshi.model``), so it
can be tested alone and run in a batch worker without the web or the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from luoshi.errors import LuoshiError
from luoshi.extract.commitments import departments_for, extract_commitments
from luoshi.extract.indicators import extract_indicators
from luoshi.ingest import read_document
from luoshi.model import Document, Extraction
from luoshi.structure import analyze
from luoshi.textmap import MappedText


# Work limits of one extraction. A work report is ~100,000 characters and ~1,000 lines; each
# stage is linear, but a file of 400,000 heading lines would still take a minute.
LIMITS = {"chars": ("LUOSHI_MAX_CHARS", 3_000_000), "lines": ("LUOSHI_MAX_LINES", 50_000)}


def _limit(which: str) -> int:
    env, default = LIMITS[which]
    try:
        return max(1, int(os.environ.get(env, default)))
    except ValueError:
        return default


def check_budget(text: str) -> None:
    """E018 when ``text`` is over the character or line limit (each raisable by its variable)."""
    for which, size in (("chars", len(text)), ("lines", text.count("\n") + 1)):
        if size > _limit(which):
            raise LuoshiError("E018", f"the text has {size} {'characters' if which == 'chars' else 'lines'}, "
                              f"over the limit of {_limit(which)}",
                              f"give one report per file; to go on anyway set {LIMITS[which][0]} higher")


def extract_document(doc: Document, departments: str | None = None) -> Extraction:
    """``departments``: a units file or a level (district | city | national) overriding the
    list chosen by the report's level. E018 past the work limits (``check_budget``)."""
    check_budget(doc.text)
    mt = MappedText(doc.text)
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
