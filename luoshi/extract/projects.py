"""Named works a commitment mentions: quoted names (“门头沟小院”) and named
projects recognised by their suffix (门城水厂, 国道109新线高速公路).

Vocabulary in ``rules/zh/projects.yaml``. A suffix name is cut on its left at a
stop word (verbs, 和/及/的, punctuation), then dropped when generic (重点工程,
一批项目, 3所学校).
"""

from __future__ import annotations

import re

from luoshi.extract.vocab import alternation
from luoshi.rules import load

_R = load("projects")
_Q = _R["quoted"]
_QUOTED = re.compile(rf"[“\"]([^“”\"\n]{{{_Q['min_len']},{_Q['max_len']}}})[”\"]")
_QUOTED_NOT = re.compile(_Q["not_pattern"])
_SUFFIX = re.compile(rf"(?:{alternation(w for e in _R['suffixes'] for w in e['words'])})")
_STOP = re.compile(_R["stop"])
_GENERIC_END = re.compile(rf"(?:{alternation(_R['generic_end'])})$")
_COUNT_START = re.compile(_R["count_start"])
_NOT_ENDINGS = re.compile(rf"(?:{alternation(_R['not_endings'])})$")
_MIN_PREFIX: int = _R["min_prefix"]
_MAX_LEN: int = _R["max_len"]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _QUOTED.finditer(text) if not _QUOTED_NOT.search(m.group(1))]


def _suffix_name(segment: str) -> str | None:
    """The segment up to its last project suffix, if that is a specific name."""
    last = None
    for m in _SUFFIX.finditer(segment):
        last = m
    if last is None:
        return None
    name, prefix = segment[: last.end()], segment[: last.start()]
    if len(prefix) < _MIN_PREFIX or len(name) > _MAX_LEN or _NOT_ENDINGS.search(name):
        return None
    count = _COUNT_START.match(prefix)
    if _GENERIC_END.search(prefix) or (count and len(prefix) - count.end() < _MIN_PREFIX):
        return None
    return name


def suffix_spans(text: str) -> list[tuple[int, int]]:
    out = []
    last = 0
    for m in [*_STOP.finditer(text), None]:
        end = m.start() if m else len(text)
        if end - last > _MIN_PREFIX:
            name = _suffix_name(text[last:end])
            if name:
                out.append((last, last + len(name)))
        last = m.end() if m else last
    return out


def find_project_spans(text: str) -> list[tuple[int, int]]:
    """Spans of named works in ``text`` (normalized), in order, each name once."""
    seen: set[str] = set()
    out = []
    for s, e in sorted(quoted_spans(text) + suffix_spans(text)):
        if text[s:e] not in seen:
            seen.add(text[s:e])
            out.append((s, e))
    return out


def find_projects(text: str) -> list[str]:
    """Named works in ``text`` (normalized), in order of appearance, each once."""
    return [text[s:e] for s, e in find_project_spans(text)]
