"""Normalized working text with a map back to the original offsets.

Extraction runs on a normalized copy: full-width ASCII folded to half-width
(``，`` → ``,``, ``％`` → ``%``, ``６`` → ``6``), the ideographic space to a space,
line breaks that split a token (``PM\\n2.5\\n）`` in the national corpus)
removed, and the spaces of a number typeset digit by digit (``1 9 9 8 年``,
``1 5 ．3 ％`` in gwr-1998) removed so it reads as one number. Folding is one
character for one, so only the removed breaks and spaces shift offsets; they are
kept as a short sorted list of cuts, not a per-character array, so memory stays
small on large files.
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
# A number typeset digit by digit: single digits (and a decimal point) separated by one space
# (gwr-1998), or thousands grouped by a space (``2 311.43亿元``, ``37 511元`` in some city reports).
# Only a number by itself: not next to another digit or space-digit (``2 70 元``, ``21 43 36``,
# ``“5 6 700”``), not list numbering (``第1 2``), not a quoted cluster name (``“6 3”产业``).
_SPACED_NUMBER = re.compile(
    r"(?<![\d.第“\"])(?<!\d )"
    r"(?:\d(?:(?: \d)+(?: ?\.\d(?: \d)*)?| \.\d(?: \d)*)|\d{1,3}(?: \d{3})+(?:\.\d+)?)"
    r"(?![\d.”\"])(?! \d)"
)
_SPACED_SEP = re.compile(r" (?=[\d.])")
_DIGIT_SPACES = (" ", "\u3000")  # as written in the original: ASCII or ideographic space


def _cuts(original: str, folded: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of ``folded`` that the normalized text drops."""
    spans = [m.span(m.lastgroup) for m in _TOKEN_BREAK.finditer(folded)]
    for run in _SPACED_NUMBER.finditer(folded):
        seps = [m.start() for m in _SPACED_SEP.finditer(folded, run.start(), run.end())]
        if all(original[i] in _DIGIT_SPACES for i in seps):
            spans.extend((i, i + 1) for i in seps)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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
        for start, end in _cuts(original, folded):
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
