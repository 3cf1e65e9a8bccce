"""Every `examples:` / `not:` entry of the link rule files, run as one parametrised test."""

import pytest

from luoshi import rules
from luoshi.link.aspect import (action_head, circumstance, context_duty, context_frame, counts_added, figure_only, frame_only,
                               not_work, opens_lessons, pledge_kind, signal)
from luoshi.link.catchall import fields
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


@pytest.mark.parametrize("pair", [p for g in rules.load("synonyms")["paraphrases"] for p in g.get("not", [])])
def test_rules_paraphrase_counter_examples_do_not_read_the_same(pair):
    from luoshi.link.pledges import canonical

    a, b = (canonical(t) for t in pair)
    forms = [canonical(f) for g in rules.load("synonyms")["paraphrases"] for f in g["forms"]]
    assert not any(f in a and f in b for f in forms)


# verdict_words entries read by a yes/no predicate of the linker: its `examples:` answer yes, its `not:` no
_PREDICATES = {
    "circumstance": circumstance,
    "not_work": not_work,
    "figure_clauses": figure_only,
    "catch_all": lambda text: bool(fields(text)),
    "action_heads": lambda text: action_head(text) is not None,
    "lessons": opens_lessons,
    "context_frames": context_frame,
    "context_duty": context_duty,
    "added_counts": counts_added,
    "task_frames": frame_only,
}


@pytest.mark.parametrize(("entry", "text", "expected"),
                         [(e, t, True) for e in _PREDICATES for t in rules.load("verdict_words")[e]["examples"]]
                         + [(e, t, False) for e in _PREDICATES for t in rules.load("verdict_words")[e]["not"]])
def test_rules_predicate_examples(entry, text, expected):
    assert _PREDICATES[entry](text) == expected


def _boilerplate_cases():
    entry = rules.load("verdict_words")["boilerplate"]
    for text in entry.get("examples", []):
        yield text, True
    for text in entry.get("not", []):
        yield text, False


@pytest.mark.parametrize(("text", "expected"), list(_boilerplate_cases()))
def test_rules_boilerplate_examples(text, expected):
    from luoshi.link.pledges import EvidenceIndex, is_boilerplate
    from luoshi.link.segments import Unit

    clauses = ["地区生产总值增长6%", "门城水厂主体完工", "空气质量持续改善", "全面完成市政府下达的各项任务"]
    units, pos = [], 0
    for c in clauses:
        units.append(Unit(pos, pos + len(c), c, pos, pos + len(c), "review"))
        pos += len(c) + 1
    assert is_boilerplate(text, EvidenceIndex(units, "new").weights) == expected


@pytest.mark.parametrize(("name", "expected"), [(t, True) for t in rules.load("synonyms")["target_names"]["examples"]]
                         + [(t, False) for t in rules.load("synonyms")["target_names"]["not"]])
def test_rules_vague_target_name_examples(name, expected):
    from luoshi.link.quantities import vague

    assert vague(name) == expected


@pytest.mark.parametrize(("name", "expected"), [(t, True) for t in rules.load("synonyms")["target_names"]["rank_examples"]]
                         + [(t, False) for t in rules.load("synonyms")["target_names"]["rank_not"]])
def test_rules_rank_target_name_examples(name, expected):
    from luoshi.link.targets import rank_only

    assert rank_only(name) == expected


@pytest.mark.parametrize(("text", "expected"), [(t, True) for t in rules.load("verdict_words")["means_verbs"]["examples"]]
                         + [(t, False) for t in rules.load("verdict_words")["means_verbs"]["not"]])
def test_rules_means_verb_examples(text, expected):
    """A task "A和B带动C": the part before 和 is no query of its own."""
    from luoshi.link.pledges import queries
    from tests.link.helpers import commitment

    c = commitment(text, text)
    before = text[: text.index("和")]
    assert (before not in queries(c)) == expected


_UMBRELLAS = rules.load("synonyms")["umbrellas"]


@pytest.mark.parametrize(("group", "pair", "expected"),
                         [(g["umbrella"], p, True) for g in _UMBRELLAS for p in g["examples"]]
                         + [(g["umbrella"], p, False) for g in _UMBRELLAS for p in g.get("not", [])])
def test_rules_umbrella_examples(group, pair, expected):
    """A task on a work of a programme is also looked for as the programme (实物廉租房 → 保障性安居工程)."""
    from luoshi.link.pledges import umbrella_queries

    task, clause = pair
    joined = any(group in u and group in clause for u in umbrella_queries(task))
    assert joined == expected


def _level_cases():
    entry = rules.load("verdict_words")["name_levels"]
    yield from ((text, True) for text in entry["examples"])
    yield from ((text, False) for text in entry["not"])


@pytest.mark.parametrize(("name", "drops"), list(_level_cases()))
def test_rules_name_level_examples(name, drops):
    from luoshi.link.aspect import name_core

    assert (name_core(name) == name[1:]) == drops


def _end_state_cases():
    for group in rules.load("verdict_words")["pledges"]["same_end_state"]:
        yield from ((pair, True) for pair in group["examples"])
        yield from ((pair, False) for pair in group.get("not", []))
    not_yet = rules.load("verdict_words")["pledges"]["not_yet"]
    yield from ((pair, False) for pair in not_yet["examples"])  # the end state still ahead is not reached
    yield from ((pair, True) for pair in not_yet["not"])


@pytest.mark.parametrize(("pair", "expected"), list(_end_state_cases()))
def test_rules_same_end_state_examples(pair, expected):
    """A result pledge (开工…) is met by a clause saying its end state in another word of the group (启动改造…)."""
    from luoshi.link.aspect import says_end_state

    pledge, clause = pair
    kind, word = pledge_kind(pledge)
    assert kind == "result" and (says_end_state(word, clause) == expected)


@pytest.mark.parametrize(("clause", "expected"), [(t, True) for t in rules.load("verdict_words")["needs"]["examples"]]
                         + [(t, False) for t in rules.load("verdict_words")["needs"]["not"]])
def test_rules_needs_examples(clause, expected):
    from luoshi.link.aspect import states_a_need

    assert states_a_need(clause) == expected
