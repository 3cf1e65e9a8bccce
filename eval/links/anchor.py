"""Resolve a labelled snippet to exact offsets: ``python eval/links/anchor.py FILE SNIPPET [AFTER]``.

Labels are written as snippets of the text (readable, reviewable); offsets are derived,
so a label never drifts from the file it describes. A snippet must occur exactly once
after its ``after`` anchor (if given), else it is an error, not a guess.
"""

from __future__ import annotations

import sys


def resolve(text: str, snippet: str, after: str | None = None) -> tuple[int, int]:
    base = 0
    if after:
        base = text.find(after)
        if base < 0:
            raise ValueError(f"anchor not found: {after!r}")
    start = text.find(snippet, base)
    if start < 0:
        raise ValueError(f"snippet not found: {snippet!r}")
    if not after and text.find(snippet, start + 1) >= 0:
        raise ValueError(f"snippet occurs more than once, add `after:`: {snippet!r}")
    return start, start + len(snippet)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        s, e = resolve(fh.read(), sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    print(f"{s}\t{e}\t{sys.argv[2]}")
