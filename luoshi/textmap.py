"""Normalized working text with a map back to the original offsets.

Extraction runs on a normalized copy: full-width ASCII folded to half-width
(``，`` → ``,``, ``％`` → ``%``, ``６`` → ``6``), the ideographic space to a space,
and line breaks that split a token (``PM\\n2.5\\n）`` in the national corpus)
removed. Folding is one character for one, so only the removed breaks shift
offsets; they are kept as a short sorted list of cuts, not a per-character array,
so memory stays small on large files.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0x2002] = 0x20
_FOLD[0x2003] = 0x20
_FOLD[0x00A0] = 0x20

# Line breaks that split a token; the named group is the part removed. Three shapes
# occur in published texts: a break between two token characters (``PM\n2.5``), a
# zero-width-space line inside a number (``74.4\n\u200b\n万亿元``), and a line that is
# only a short token (``M\n2\n增长``).
_TOKEN_BREAK = re.compile(
    r"(?<=[A-Za-z0-9.%(])(?P<a>[ \t\u200b]*\r?\n[ \t\u200b]*)(?=[A-Za-z0-9.%)])"
    r"|(?<=[0-9.%])(?P<b>[ \t]*\r?\n[ \t]*\u200b[ \t\u200b]*\r?\n[ \t]*)(?=\S)"
    r"|(?m:^)[A-Za-z0-9.%]{1,6}(?P<c>\r?\n)(?=[^\s])"
)


def fold(text: str) -> str:
    """Full-width to half-width, one character for one (offsets unchanged)."""
    return text.translate(_FOLD)


class MappedText:
    """``text`` is the normalized copy of ``original``; map offsets both ways."""

    __slots__ = ("original", "text", "_norm_at", "_orig_at", "_shift")

    def __init__(self, original: str) -> None:
        self.original = original
        folded = fold(original)
        pieces: list[str] = []
        self._norm_at: list[int] = []  # normalized index where a cut takes effect
        self._orig_at: list[int] = []  # original index just after the cut
        self._shift: list[int] = []  # total characters removed up to and including it
        last = 0
        removed = 0
        for m in _TOKEN_BREAK.finditer(folded):
            start, end = m.span(m.lastgroup)
            pieces.append(folded[last:start])
            removed += end - start
            self._norm_at.append(end - removed)
            self._orig_at.append(end)
            self._shift.append(removed)
            last = end
        pieces.append(folded[last:])
        self.text = "".join(pieces)

    def to_original(self, i: int) -> int:
        """Original index of the character at normalized index ``i`` (a start)."""
        k = bisect_right(self._norm_at, i)
        return i + (self._shift[k - 1] if k else 0)

    def to_original_end(self, i: int) -> int:
        """Original exclusive end for a normalized exclusive end ``i``."""
        return self.to_original(i - 1) + 1 if i > 0 else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a normalized span."""
        return self.to_original(start), self.to_original_end(end)

    def to_norm(self, j: int) -> int:
        """Normalized index for original index ``j`` (inside a cut: the cut's end)."""
        k = bisect_right(self._orig_at, j)
        before = self._shift[k - 1] if k else 0
        if k < len(self._orig_at) and j >= self._orig_at[k] - (self._shift[k] - before):
            return self._norm_at[k]
        return j - before

    def original_slice(self, start: int, end: int) -> str:
        """Original text for a normalized span."""
        s, e = self.span(start, end)
        return self.original[s:e]
