"""Suggested responsible units for a commitment, from ``rules/zh/departments.yaml``.

Each unit has keywords; a commitment's score for a unit is the summed length of
the distinct keywords found in its text (specific words weigh more). The best
unit is the lead and the next two are support; ``matched`` says why.
The file is user-replaceable (LUOSHI_RULES_DIR), so it is validated on load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from luoshi.errors import LuoshiError
from luoshi.extract.vocab import alternation
from luoshi.model import Department
from luoshi.rules import load_file, rule_path

MAX_SUPPORT = 2
_HINT = "see the schema in the comment at the top of luoshi/rules/zh/departments.yaml"


@dataclass
class DepartmentRules:
    names: list[str]
    pattern: re.Pattern[str]  # one alternation of every keyword
    owners: dict[str, list[int]]  # keyword -> indexes into names


def _fail(path: str, what: str) -> LuoshiError:
    return LuoshiError("E012", f"invalid departments rules {path}: {what}", _HINT)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def validate(data: Any, path: str) -> list[dict[str, Any]]:
    """The entries of a departments file, or E012 saying what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("departments"), list) or not data["departments"]:
        raise _fail(path, "expected a mapping with a non-empty list under 'departments'")
    seen: set[str] = set()
    for i, entry in enumerate(data["departments"]):
        where = f"departments[{i}]"
        if not isinstance(entry, dict):
            raise _fail(path, f"{where} is not a mapping")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _fail(path, f"{where} has no 'name'")
        if name in seen:
            raise _fail(path, f"{where} repeats the name {name!r}")
        seen.add(name)
        if not _str_list(entry.get("keywords")) or not entry["keywords"]:
            raise _fail(path, f"{where} ({name}) needs a non-empty list of 'keywords' strings")
        for key in ("examples", "not"):
            if key in entry and not _str_list(entry[key]):
                raise _fail(path, f"{where} ({name}) '{key}' must be a list of strings")
    return data["departments"]


@lru_cache(maxsize=8)
def _compile(path: str) -> DepartmentRules:
    entries = validate(load_file(path), path)
    owners: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        for word in entry["keywords"]:
            owners.setdefault(word, []).append(i)
    return DepartmentRules([e["name"] for e in entries], re.compile(alternation(owners)), owners)


def rules() -> DepartmentRules:
    """The departments rules in effect (LUOSHI_RULES_DIR may replace the file)."""
    return _compile(str(rule_path("departments")))


def suggest_departments(text: str, r: DepartmentRules | None = None) -> list[Department]:
    """Lead and support units for ``text`` (normalized), best first; [] when none match."""
    r = r or rules()
    matched: dict[int, list[str]] = {}
    for word in dict.fromkeys(m.group() for m in r.pattern.finditer(text)):
        for i in r.owners[word]:
            matched.setdefault(i, []).append(word)
    ranked = sorted(matched, key=lambda i: (-sum(map(len, matched[i])), i))[: 1 + MAX_SUPPORT]
    return [Department(r.names[i], "lead" if k == 0 else "support", matched[i]) for k, i in enumerate(ranked)]
