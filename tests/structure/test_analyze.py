"""Whole-document invariants: offsets index the original text; speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.model import Structure
from tests.structure.conftest import EXAMPLES, FIXTURES, ROOT, read, run

_CORPUS = ROOT.parent / "shared" / "corpus" / "national"  # optional: not shipped with the repo
_FILES = sorted(EXAMPLES.glob("*.txt")) + sorted(FIXTURES.glob("*.txt")) + sorted(_CORPUS.glob("gwr-*.txt"))


def _check(text: str, st: Structure) -> None:
    by_id = {s.id: s for s in st.sections}
    for sec in st.sections:
        assert sec.title and text[sec.start : sec.end].startswith(sec.title)
        assert text[sec.start : sec.end] == text[sec.start : sec.end].strip()
        if sec.parent is not None:
            parent = by_id[sec.parent]
            assert parent.start <= sec.start and sec.end <= parent.end
            assert sec.id.startswith(parent.id + ".")
    last = 0
    for sentence in st.sentences:
        span = text[sentence.start : sentence.end]
        assert span and span == span.strip() and sentence.start >= last
        last = sentence.end
        if sentence.section is not None:
            sec = by_id[sentence.section]
            assert sec.start <= sentence.start < sec.end
        for clause in sentence.clauses:
            assert sentence.start <= clause.start < clause.end <= sentence.end


@pytest.mark.parametrize("path", _FILES, ids=lambda p: Path(p).name)
def test_analyze_offsets_index_the_original(path: Path) -> None:
    text = read(path)
    _check(text, run(text))


def test_analyze_offsets_survive_token_breaks_and_full_width() -> None:
    text = "一、２０２１年工作回顾\n治理ＰＭ\n2.5\n浓度下降１０％，成效明显。\n二、２０２２年政府工作计划\n力争增长５％。\n"
    st = run(text)
    _check(text, st)
    assert [text[s.start : s.end] for s in st.sentences][1] == "治理ＰＭ\n2.5\n浓度下降１０％，成效明显。"
    assert st.meta.year == 2022
