"""Every `examples:` / `not:` entry of the link rule files, run as one parametrised test."""

import pytest

from luoshi import rules
from luoshi.link.aspect import pledge_kind, signal
from luoshi.link.metrics import mentions
from luoshi.textmap import fold


def _metric_cases():
    for entry in rules.load("synonyms")["metrics"]:
        for text in entry.get("examples", []):
            yield entry["id"], text, True
        for text in entry.get("not", []):
            yield entry["id"], text, False


def _aspect_cases():
    for aspect, entry in rules.load("verdict_words")["aspects"].items():
        for text in entry.get("examples", []):
            yield aspect, text, True
        for text in entry.get("not", []):
            yield aspect, text, False


def _pledge_cases():
    for kind in ("result", "process"):
        entry = rules.load("verdict_words")["pledges"][kind]
        for text in entry.get("examples", []):
            yield kind, text, True
        for text in entry.get("not", []):
            yield kind, text, False


@pytest.mark.parametrize(("metric", "text", "expected"), list(_metric_cases()))
def test_rules_synonyms_examples(metric, text, expected):
    found = mentions(fold(text))
    assert (bool(found) and found[0].metric.id == metric) == expected


@pytest.mark.parametrize(("aspect", "text", "expected"), list(_aspect_cases()))
def test_rules_aspect_examples(aspect, text, expected):
    sig = signal(text)
    assert (sig is not None and sig.aspect == aspect) == expected


@pytest.mark.parametrize(("kind", "text", "expected"), list(_pledge_cases()))
def test_rules_pledge_examples(kind, text, expected):
    assert (pledge_kind(text)[0] == kind) == expected


@pytest.mark.parametrize("pair", [p for g in rules.load("synonyms")["paraphrases"] for p in g["examples"]])
def test_rules_paraphrase_examples_read_the_same_terms(pair):
    from luoshi.link.pledges import canonical

    a, b = (canonical(t) for t in pair)
    forms = [canonical(f) for g in rules.load("synonyms")["paraphrases"] for f in g["forms"]]
    assert any(f in a and f in b for f in forms)
