"""The engine: file -> Document -> Structure -> indicators, commitments.

Each stage takes plain records and returns plain records (``luoshi.model``), so it
can be tested alone and run in a batch worker without the web or the database.
"""

from __future__ import annotations

from pathlib import Path

from luoshi.extract.commitments import departments_for, extract_commitments
from luoshi.extract.indicators import extract_indicators
from luoshi.ingest import read_document
from luoshi.model import Document, Extraction
from luoshi.structure import analyze
from luoshi.textmap import MappedText


def extract_document(doc: Document, departments: str | None = None) -> Extraction:
    """``departments``: a units file or a level (district | city | national) overriding the
    list chosen by the report's level."""
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
