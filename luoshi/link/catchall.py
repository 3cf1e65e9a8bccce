"""A review's catch-all line (民族、宗教、侨务工作进一步加强) as evidence for a task on one of its fields.

Reviews end a section with one line naming many fields of routine work and one word of
progress for all of them. A task on such a field (进一步落实党的民族政策) that the review names
nowhere else is reported by that line: as a process pledge, in progress like the rest;
as a result pledge, mentioned but not shown done. The field must be used in the task as
a field (民族政策, 侨务工作), not inside another word (中华民族, 档案馆新馆).
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi import rules
from luoshi.extract.vocab import alternation
from luoshi.textmap import fold

CONFIDENCE = 0.55  # one line for many fields: barely more often right than wrong
MAX_FIELD = 6  # characters of one field of the list (机关事务管理, 住房公积金); a longer item is a work, not a field
MIN_FIELDS = 3  # a shorter list is a sentence about its works, read like any other


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    cfg = rules.load("verdict_words")["catch_all"]
    progress = alternation(fold(w) for w in cfg["progress"])
    tails = alternation(fold(w) for w in cfg["field_tails"])
    # the fields' routine work (…等工作取得新成效) or the causes of the people's bodies (工会…红十字等事业全面进步),
    # said of them all at once (…等工作都有新成绩)
    line = re.compile(rf"^(?:此外[，,]?)?(?P<fields>[^，,。；;：:]+?)等?(?:工作|事业)(?:都|均)?(?:{progress})")
    return line, re.compile(rf"(?:{tails})|[^\u3400-\u9fff]|$")


def fields(clause: str) -> list[str]:
    """The fields of a catch-all clause (民族、宗教和侨务工作进一步加强 → 民族, 宗教, 侨务), or []."""
    line, _ = _patterns()
    m = line.match(fold(clause).strip())
    if m is None:
        return []
    parts = [p for p in re.split(r"[、和及]", m.group("fields")) if p]
    if len(parts) < MIN_FIELDS or any(len(p) > MAX_FIELD or len(p) < 2 for p in parts):
        return []
    return parts


def field_of(task: str, clause_fields: list[str]) -> str | None:
    """The field of the list the task is about (落实党的民族政策 → 民族), or None."""
    _, tail = _patterns()
    folded = fold(task)
    for f in sorted(clause_fields, key=len, reverse=True):
        at = folded.find(f)
        while at >= 0:
            before = folded[at - 2 : at] if at >= 2 else ""
            if before != "中华" and tail.match(folded, at + len(f)):
                return f
            at = folded.find(f, at + 1)
    return None
