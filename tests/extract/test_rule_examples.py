"""Runs the ``examples:`` and ``not:`` written next to every rule in luoshi/rules/zh/*.yaml."""

from __future__ import annotations

import pytest

from luoshi.extract.indicators import extract_indicators
from luoshi.extract.periods import find_periods
from luoshi.extract.units import unit_kind
from luoshi.rules import load
from tests.extract.hand_structure import hand_structure


def _indicators(text: str):
    mt, structure = hand_structure(text, "plan", 2022)
    return extract_indicators(mt, structure)


def _cases(name: str, entries_key: str | None = None):
    rules = load(name)
    entries = rules[entries_key] if entries_key else [rules]
    entries = entries if isinstance(entries, list) else [entries]
    for entry in entries:
        for ex in entry.get("examples", []):
            yield True, entry, ex
        for ex in entry.get("not", []):
            yield False, entry, ex


UNIT_CASES = list(_cases("units", "groups"))
NOT_CASES = [c for key in ("before", "after", "phrases") for c in _cases("not_indicators", key)]
FIELD_CASES = [(name, *c) for name in ("comparators", "changes", "metrics") for c in _cases(name)]
PERIOD_CASES = [c for key in ("relative_years", "year_parts", "milestones") for c in _cases("periods", key)]
SPAN_CASES = list(_cases("periods", "recent_spans"))


@pytest.mark.parametrize(("positive", "entry", "text"), UNIT_CASES)
def test_rule_examples_units(positive, entry, text):
    kinds = {unit_kind(i.unit) for i in _indicators(text)}
    assert (entry["kind"] in kinds) is positive, (text, kinds)


@pytest.mark.parametrize(("positive", "entry", "text"), NOT_CASES)
def test_rule_examples_not_indicators(positive, entry, text):
    found = [i.value_text for i in _indicators(text)]
    assert (not found) is positive, (text, found)


@pytest.mark.parametrize(("name", "positive", "entry", "case"), FIELD_CASES)
def test_rule_examples_indicator_fields(name, positive, entry, case):
    field = next(k for k in case if k != "text")
    found = _indicators(case["text"])
    got = getattr(found[-1], field) if found else None
    assert (got == case[field]) is positive, (case, got)


@pytest.mark.parametrize(("positive", "entry", "text"), PERIOD_CASES)
def test_rule_examples_periods(positive, entry, text):
    hits = [m.text for m in find_periods(text, 2022) if any(w in m.text for w in entry["words"])]
    assert bool(hits) is positive, (text, hits)


@pytest.mark.parametrize(("positive", "entry", "text"), SPAN_CASES)
def test_rule_examples_period_spans(positive, entry, text):
    spans = [m.text for m in find_periods(text, 2022) if m.role == "span"]
    assert bool(spans) is positive, (text, spans)


SUB_SPAN_CASES = list(_cases("periods", "sub_spans"))


@pytest.mark.parametrize(("positive", "entry", "text"), SUB_SPAN_CASES)
def test_rule_examples_period_sub_spans(positive, entry, text):
    words = entry["first"] + entry["last"]
    narrowed = [m.text for m in find_periods(text, 2022) if m.role == "span" and any(w in m.text[2:] for w in words)]
    assert bool(narrowed) is positive, (text, narrowed)


FIGURE_CASES = list(_cases("figures", "kinds"))


@pytest.mark.parametrize(("positive", "entry", "text"), FIGURE_CASES)
def test_rule_examples_figure_kinds(positive, entry, text):
    from luoshi.web.figures import figure_kind

    found = _indicators(text)
    assert found, text
    i = found[-1]
    got = figure_kind(i.metric, i.sentence, i.value_text, i.period)
    assert (got == entry["kind"]) is positive, (text, got, i.metric, i.period)
