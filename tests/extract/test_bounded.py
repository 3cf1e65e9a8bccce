"""Defect 1 (issue 11): indicator extraction stays linear on one long unpunctuated clause.

No timing asserts here (speed is measured by ``bench.fuzz``); these pin what the bounded
code must still get right on the hostile input, and the cap's coded error."""

import pytest

from luoshi.errors import LuoshiError
from luoshi.extract import indicators
from luoshi.model import Document
from luoshi.pipeline import extract_document
from luoshi.structure.sentences import MAX_SENTENCE, split_sentences

PATTERN = "增长5%提高3.2个百分点"


def test_repeated_clause_every_figure_with_exact_offsets():
    text = PATTERN * 400  # 6,000 characters, no punctuation: one run cut into bounded sentences
    ex = extract_document(Document(text=text, format="txt", sha256="x", path=None))
    assert len(ex.indicators) == 800
    for ind in ex.indicators:
        assert text[ind.start : ind.end] == ind.value_text
        assert len(ind.sentence) <= MAX_SENTENCE
    assert {i.value for i in ex.indicators} == {5.0, 3.2}
    # only a figure right after a cut between sentences loses its verb
    assert sum(i.change == "increase" for i in ex.indicators) >= 790


def test_long_run_is_cut_into_bounded_sentences_not_inside_a_number():
    text = "各项指标123456789" * 200
    spans = split_sentences(text, 0, len(text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(b[0] == a[1] for a, b in zip(spans, spans[1:]))  # nothing lost between pieces
    assert all(not (text[s - 1].isdigit() and text[s].isdigit()) for s, _ in spans[1:])


def test_real_sentences_are_not_cut():
    sentence = "，".join(["全面推进乡村振兴战略"] * 50) + "。"  # 550 characters with commas
    assert split_sentences(sentence, 0, len(sentence)) == [(0, len(sentence))]


def test_too_many_figures_is_a_coded_error(monkeypatch):
    monkeypatch.setattr(indicators, "MAX_FIGURES", 100)
    with pytest.raises(LuoshiError) as err:
        extract_document(Document(text=PATTERN * 60, format="txt", sha256="x", path=None))
    assert err.value.code == "E015"


def test_chinese_numeral_runs_are_read_in_bounded_pieces():
    """A run of Chinese numerals is no number (十四五十四五…: quadratic when each start read the
    whole run); real numerals up to a dozen characters still read whole."""
    from luoshi.extract.numbers import find_numbers

    assert find_numbers("十四五" * 2000) == []
    text = "投资一千九百九十九万元，完成三分之一，增长百分之六点五，二〇二二年"
    found = {text[n.start : n.end]: (n.value, n.unit) for n in find_numbers(text)}
    assert found["一千九百九十九万元"] == (1999.0, "万元")
    assert found["三分之一"][0] == pytest.approx(1 / 3, abs=1e-6)
    assert found["百分之六点五"] == (6.5, "%")
