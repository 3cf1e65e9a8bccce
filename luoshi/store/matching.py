"""Pair re-extracted items with stored ones so human data stays attached.

Exact first (same offsets and text hash), then the same text elsewhere, then the
most similar text above a threshold (a newer engine may cut a clause a little
differently). Each stored item is used at most once.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process

Old = TypeVar("Old")
New = TypeVar("New")
_BLANKS = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """16 hex digits of SHA-1 over the text without whitespace (line-break repairs do not count)."""
    return hashlib.sha1(_BLANKS.sub("", text).encode("utf-8")).hexdigest()[:16]


def match_items(
    old: Sequence[Old],
    new: Sequence[New],
    old_key: Callable[[Old], tuple[int, int, str]],
    new_key: Callable[[New], tuple[int, int, str]],
    old_text: Callable[[Old], str],
    new_text: Callable[[New], str],
    min_similarity: float = 85.0,
    window: int = 400,
) -> tuple[list[tuple[Old, New]], list[New], list[Old]]:
    """(pairs, new items without a partner, old items without a partner)."""
    by_exact: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    by_hash: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(old):
        k = old_key(o)
        by_exact[k].append(i)
        by_hash[k[2]].append(i)
    used: set[int] = set()
    pairs: list[tuple[Old, New]] = []
    pending: list[New] = []
    for n in new:
        k = new_key(n)
        i = _first_free(by_exact.get(k, ()), used) if k in by_exact else None
        if i is None:
            i = _first_free(by_hash.get(k[2], ()), used)
        if i is None:
            pending.append(n)
        else:
            used.add(i)
            pairs.append((old[i], n))
    # Similar text is only looked for nearby (the same text has the same offsets),
    # which keeps a wholesale re-cut linear rather than quadratic.
    starts = sorted((old_key(o)[0], i) for i, o in enumerate(old))
    unmatched_new: list[New] = []
    for n in pending:
        s = new_key(n)[0]
        lo = bisect_left(starts, (s - window, -1))
        hi = bisect_right(starts, (s + window, len(old)))
        free = {i: old_text(old[i]) for _, i in starts[lo:hi] if i not in used}
        best = process.extractOne(new_text(n), free, scorer=fuzz.ratio, score_cutoff=min_similarity) if free else None
        if best is None:
            unmatched_new.append(n)
        else:
            used.add(best[2])
            pairs.append((old[best[2]], n))
    return pairs, unmatched_new, [o for i, o in enumerate(old) if i not in used]


def _first_free(candidates, used: set[int]) -> int | None:
    for i in candidates:
        if i not in used:
            return i
    return None
