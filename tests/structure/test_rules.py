"""Every structure rule's `examples` match and its `not` counter-examples do not."""

from __future__ import annotations

import re

import pytest

from luoshi.rules import load
from luoshi.structure.headings import is_theme
from luoshi.structure.rules import heading_rules, meta_rules, part_rules
from luoshi.textmap import fold


def _cases(entries: list[dict], key: str = "pattern") -> list[tuple[str, str, bool]]:
    out = []
    for entry in entries:
        out += [(entry[key], ex, True) for ex in entry.get("examples", [])]
        out += [(entry[key], ex, False) for ex in entry.get("not", [])]
    return out


_HEADINGS = load("headings")
_PARTS = load("parts")
_META = load("meta")


@pytest.mark.parametrize(("pattern", "text", "expected"), _cases(_HEADINGS["markers"]))
def test_headings_marker_examples(pattern: str, text: str, expected: bool) -> None:
    assert (re.match(pattern, fold(text)) is not None) is expected


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    _cases(_PARTS["headings"])
    + _cases(_PARTS["lead_paragraphs"])
    + _cases([_PARTS["goal_paragraphs"], _PARTS["turn_paragraphs"], _PARTS["review_paragraphs"], _PARTS["closing_heading"]])
    + _cases([_PARTS["tense"]["forward"], _PARTS["tense"]["backward"]])
    + _cases([_PARTS["goals_with_tasks"]])
    + _cases([{"term": _PARTS["goals_with_tasks"]["term"], "examples": _PARTS["goals_with_tasks"]["term_examples"],
               "not": _PARTS["goals_with_tasks"]["term_not"]}], key="term")
    + _cases([_META["date_line"], _META["session"], _META["region"], _META["region"]["represented"]]),
)
def test_parts_and_meta_pattern_examples(pattern: str, text: str, expected: bool) -> None:
    assert (re.search(pattern, fold(text)) is not None) is expected


@pytest.mark.parametrize("text", _PARTS["salutation"]["examples"])
def test_parts_salutation_examples(text: str) -> None:
    assert part_rules().salutation.match(fold(text))


@pytest.mark.parametrize("text", _PARTS["salutation"]["not"])
def test_parts_salutation_counter_examples(text: str) -> None:
    assert part_rules().salutation.match(fold(text)) is None


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t in _HEADINGS["theme"]["examples"]] + [(t, False) for t in _HEADINGS["theme"]["not"]])
def test_headings_theme_examples(text: str, expected: bool) -> None:
    assert is_theme(fold(text), heading_rules(), part_rules()) is expected


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t in _META["titles"]["examples"]] + [(t, False) for t in _META["titles"]["not"]])
def test_meta_title_examples(text: str, expected: bool) -> None:
    assert (meta_rules().title.search(fold(text)) is not None) is expected


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t in _META["speaker"]["examples"]] + [(t, False) for t in _META["speaker"]["not"]])
def test_meta_speaker_examples(text: str, expected: bool) -> None:
    assert (meta_rules().speaker.search(fold(text)) is not None) is expected
