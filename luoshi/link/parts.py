"""Which part (review | goals | plan | other) a place in a report belongs to, by headings.

Used only when the structure stage gave no sentences: a short line that starts with a
review / goals / plan heading (``rules/zh/verdict_words.yaml`` → ``parts``) opens that
part until the next such line; an inline phrase (今年…主要预期目标是) opens the plan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from luoshi import rules
from luoshi.model import Part

_NUMBERING = r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|——)?[ \t\u3000]*"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, int]:
    cfg = rules.load("verdict_words")["parts"]
    alts = []
    for part in ("review", "goals", "plan"):
        words = sorted(cfg[part], key=len, reverse=True)
        alts.append(f"(?P<{part}>" + "|".join(map(re.escape, words)) + ")")
    heading = re.compile(_NUMBERING + r"(?:\S{0,12}?)(?:" + "|".join(alts) + ")", re.M)
    inline = re.compile("|".join(map(re.escape, cfg["inline_plan"])))
    return heading, inline, int(cfg["max_heading"])


def fallback_parts(text: str) -> Callable[[int], Part]:
    heading, inline, max_len = _patterns()
    marks: list[tuple[int, Part]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if 0 < len(body) <= max_len:
            m = heading.match(line)
            if m and m.lastgroup:
                marks.append((pos, m.lastgroup))  # type: ignore[arg-type]
        elif body and (not marks or marks[-1][1] == "review"):
            m = inline.search(line)
            if m:
                marks.append((pos + m.start(), "plan"))
        pos += len(line)
    starts = [p for p, _ in marks]

    def part_at(offset: int) -> Part:
        k = bisect_right(starts, offset) - 1
        return marks[k][1] if k >= 0 else "other"

    return part_at
