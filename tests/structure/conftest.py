from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.model import Document, Structure
from luoshi.structure import analyze
from luoshi.textmap import MappedText

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "structure"


def run(text: str, sha256: str | None = None) -> Structure:
    doc = Document(text=text, format="txt", sha256=sha256) if sha256 else None
    return analyze(MappedText(text), doc)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def mentougou_2020() -> tuple[str, Structure]:
    text = read(EXAMPLES / "mentougou-2020.txt")
    return text, run(text)


@pytest.fixture(scope="session")
def mentougou_2021() -> tuple[str, Structure]:
    text = read(EXAMPLES / "mentougou-2021.txt")
    return text, run(text)
