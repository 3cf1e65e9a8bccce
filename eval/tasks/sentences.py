"""Sentence splitting and text preparation for the task-table gold, independent of luoshi.

The gold must not depend on the tool it judges, so this module re-implements the two
conventions the gold format fixes: a sentence ends at 。！？ (with any closing quotes or
brackets that follow) or at a line break; city Markdown loses its front matter, ``**``
markers and ``<!-- … -->`` comments and nothing else.
"""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_END = re.compile(r"[。！？][”’」』）》)\"]*")
_CLAUSE = re.compile(r"[，；：、]")


def prepare_markdown(text: str) -> str:
    """City report Markdown → plain text as texts/<name>.txt holds it."""
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _COMMENT.sub("", text)
    return text.replace("**", "")


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Sentences of text[start:end] as (offset, sentence), blanks stripped at both ends."""
    end = len(text) if end is None else end
    out: list[tuple[int, str]] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        cut = 0
        pieces = []
        for m in _END.finditer(line):
            pieces.append((cut, m.end()))
            cut = m.end()
        pieces.append((cut, len(line)))
        for a, b in pieces:
            raw = line[a:b]
            s = raw.strip()
            if s:
                out.append((pos + a + (len(raw) - len(raw.lstrip())), s))
        pos += len(line)
    return out


def clauses(sentence: str) -> list[str]:
    """Clauses cut after ，；： — numbered from 1 by the label files' part syntax."""
    out, cut = [], 0
    for m in re.finditer(r"[，；：]", sentence):
        out.append(sentence[cut:m.end()])
        cut = m.end()
    if cut < len(sentence):
        out.append(sentence[cut:])
    return out
