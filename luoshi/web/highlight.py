"""The report text as HTML with commitments and indicators marked in place.

Every piece of report text is escaped (it is untrusted); only our own tags are
added. Commitments become links (non-overlapping: a later one overlapping an
earlier one is left unlinked); indicators become <mark> per piece, so tags always
nest correctly even when an indicator crosses a commitment boundary.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from markupsafe import Markup, escape


def highlight(text: str, commitments: Sequence[tuple[int, int, int, str]], indicators: Sequence[tuple[int, int, int]],
              anchors: Sequence[tuple[str, int]] = ()) -> Markup:
    """``commitments``: (id, start, end, status); ``indicators``: (id, start, end); ``anchors``: (html id, offset)."""
    coms: list[tuple[int, int, int, str]] = []
    for cid, s, e, status in sorted(commitments, key=lambda c: (c[1], c[2])):
        if 0 <= s < e <= len(text) and (not coms or s >= coms[-1][2]):
            coms.append((cid, s, e, status))
    inds = sorted((s, e) for _, s, e in indicators if 0 <= s < e <= len(text))
    cuts = {0, len(text)}
    for _, s, e, _ in coms:
        cuts.update((s, e))
    for s, e in inds:
        cuts.update((s, e))
    anchor_at: dict[int, list[str]] = {}
    for name, pos in anchors:
        if 0 <= pos <= len(text):
            cuts.add(pos)
            anchor_at.setdefault(pos, []).append(name)
    points = sorted(cuts)
    com_starts = {c[1]: c for c in coms}
    com_ends = {c[2] for c in coms}
    ind_starts = [s for s, _ in inds]
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        if a in com_ends:
            out.append("</a>")
        for name in anchor_at.get(a, ()):
            out.append(f'<span class="anchor" id="{escape(name)}"></span>')
        if a in com_starts:
            cid, _, _, status = com_starts[a]
            out.append(f'<a class="com {escape(status or "")}" id="c{cid}" href="/commitments/{cid}">')
        piece = escape(text[a:b])
        if _inside(inds, ind_starts, a):
            out.append(f'<mark class="ind">{piece}</mark>')
        else:
            out.append(str(piece))
    if len(text) in com_ends:
        out.append("</a>")
    return Markup("".join(out))


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Is ``pos`` inside any span (spans sorted by start; a short scan back suffices)."""
    i = bisect_right(starts, pos)
    for s, e in reversed(spans[max(0, i - 8):i]):
        if s <= pos < e:
            return True
    return False
