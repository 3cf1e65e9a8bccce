"""Sentence roles of the goals and plan parts: task | theme | target | context.

Only task sentences become rows of the 任务分解表. A heading or a theme sentence
(the structure stage found them as sections) is a theme; the cues of
``rules/zh/roles.yaml`` mark context (ideology, background, predicted effects,
exhortations, relationship statements) and targets; a sentence with an action verb
in one of its clauses is a task; what is left states a figure (target) or is
context. Inside a five-year part, a sentence that only describes the state to be
reached (…更加牢固, 覆盖率达到50.3%) is a target of the term, not a task.
Sentences of the closing (after the plan, outside any part) are context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract.actions import find_head
from luoshi.model import Section, Sentence, SentenceRole
from luoshi.rules import load
from luoshi.structure.rules import _compile
from luoshi.textmap import MappedText, fold

_FORWARD = frozenset({"goals", "plan"})
_HEADING_MAX = 60  # a longer "heading" sentence (一是…，…) is a task written under a marker
_TRIM = re.compile(r"^[\s,;:、.。!?“”]+|[\s,;:、.。!?]+$")
_CLAUSE = re.compile(r"[^,;:]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class RoleRules:
    context: tuple[tuple[str, re.Pattern[str]], ...]
    target: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=None)
def role_rules() -> RoleRules:
    data = load("roles")
    return RoleRules(
        context=tuple((e["name"], _compile(e["pattern"], "roles")) for e in data["context"]),
        target=tuple((e["name"], _compile(e["pattern"], "roles")) for e in data["target"]),
    )


def cue_role(sentence: str) -> SentenceRole | None:
    """The role a cue of roles.yaml gives ``sentence`` (folded or not), or None."""
    text = fold(sentence)
    r = role_rules()
    if any(p.search(text) for _, p in r.context):
        return "context"
    if any(p.search(text) for _, p in r.target):
        return "target"
    return None


def has_task_verb(sentence: str) -> bool:
    """True when a clause of ``sentence`` (normalized) has an action head."""
    return any(find_head(_TRIM.sub("", c)) is not None for c in _CLAUSE.findall(sentence) if _TRIM.sub("", c))


def sentence_role(sentence: str, *, heading: bool = False) -> SentenceRole:
    """Role of one goals/plan sentence (normalized text)."""
    body = _TRIM.sub("", sentence)
    if heading and len(body) <= _HEADING_MAX:
        return "theme"
    cue = cue_role(body)
    if cue is not None:
        return cue
    if has_task_verb(body):
        return "task"
    return "target" if _DIGIT.search(body) else "context"


def assign_roles(mt: MappedText, sections: list[Section], sentences: list[Sentence]) -> None:
    """Set ``role`` on every goals/plan sentence and on the closing's sentences."""
    heading_starts = {s.start for s in sections}
    forward_seen = False
    for s in sorted(sentences, key=lambda x: x.start):
        if s.part in _FORWARD:
            forward_seen = True
            text = mt.text[mt.to_norm(s.start) : mt.to_norm(s.end)]
            s.role = sentence_role(text, heading=s.start in heading_starts)
        elif forward_seen and s.part == "other":
            s.role = "context"
