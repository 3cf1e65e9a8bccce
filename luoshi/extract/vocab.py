"""Small helpers to turn YAML word lists into compiled alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first so 全面完成 beats 完成."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
