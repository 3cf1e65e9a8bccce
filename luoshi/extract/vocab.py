"""Small helpers to turn YAML word lists into compiled alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of ``words`` that prefers the longest word, so 全面完成 beats 完成.

    Written as a trie (``全面(?:完成|推进)|完成``) rather than a flat ``全面完成|全面推进|完成``:
    Python's regex engine tries a flat alternation's branches one by one at every position,
    which made the thousand-keyword units list the largest cost of an extraction. The trie
    matches the same words in the same order of preference: the words that match at one
    position are prefixes of one another, and the trie tries them longest first, like the
    flat alternation sorted by length, backtracking to the shorter ones when what follows
    the alternation fails."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _emit(node[ch]) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # A word ends here and longer ones go on: the longer first (a greedy optional group).
    return f"(?:{body})?" if len(branches) == 1 else body + "?"
