"""Theme verdicts for the 落实评价清单: each theme sentence of the report as a header row above the tasks it heads.

A theme (一是持续推动消费升级, a numbered heading) is how a supervision office and the public read a
report. Its verdict is rolled up from its rows by the linker and stored like a task's (``Verdict`` with
source_kind "theme"); the list shows it apart from the rows' verdicts, so the tiles count tasks and
targets only. Evidence: best first, at most three spans, each with the part and period it came from.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store.models import Theme, Verdict
from luoshi.web.lookups import sections_of, top_section
from luoshi.web.verdict_sql import in_force

MAX_EVIDENCE = 3
QUOTE_CHARS = 40


def _span(e: dict, text: str) -> dict:
    s, t = e.get("start"), e.get("end")
    inside = isinstance(s, int) and isinstance(t, int) and 0 <= s <= t <= len(text) and text[s:t] == e.get("text")
    return {"text": e.get("text") or "", "start": s, "end": t, "part": e.get("part"), "period": e.get("period"),
            "score": e.get("score"), "before": text[max(0, s - QUOTE_CHARS):s] if inside else "",
            "after": text[t:t + QUOTE_CHARS] if inside else ""}


def theme_rows(session: Session, report_id: int, evidence_id: int, evidence_text: str, *, status: str | None = None,
               section: str | None = None) -> list[dict]:
    """The report's live themes in report order, each with its verdict in force on ``evidence_id``.

    ``status`` (a verdict or "unjudged") and ``section`` (a chapter key) filter as the task rows do."""
    rows = session.execute(select(Theme, in_force("theme", Theme.id, evidence_id).label("verdict_id"))
                           .where(Theme.report_id == report_id, Theme.retired.is_(False)).order_by(Theme.start)).all()
    ids = [vid for _, vid in rows if vid is not None]
    verdicts = {v.id: v for v in session.scalars(select(Verdict).where(Verdict.id.in_(ids)))} if ids else {}
    chapters = top_section(sections_of(session, report_id))
    out = []
    for t, vid in rows:
        v = verdicts.get(vid) if vid is not None else None
        chapter = chapters.get(t.section_key or "")
        if status and (v.status if v else "unjudged") != status:
            continue
        if section and not (chapter and chapter.key == section):
            continue
        out.append({
            "kind": "theme", "id": t.id, "text": t.text, "position": t.start, "start": t.start, "end": t.end,
            "section": chapter.key if chapter else None, "section_title": chapter.title if chapter else None,
            "status": v.status if v else None, "confidence": round(v.confidence, 2) if v else None,
            "reason": v.reason if v else None, "confirmed": bool(v and v.confirmed), "verdict_id": v.id if v else None,
            "version": v.version if v else None, "machine_status": v.machine_status if v else None,
            "evidence": [_span(e, evidence_text) for e in (v.evidence or [])[:MAX_EVIDENCE]] if v else [],
        })
    return out


def theme_counts(themes: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for t in themes:
        key = t["status"] or "unjudged"
        counts[key] = counts.get(key, 0) + 1
    return counts


def page_window(themes: list[dict], items: list[dict], page: int, pages: int) -> tuple[int, int]:
    """[lo, hi) of theme positions shown as header rows on this page of items: the themes among the page's rows,
    the one heading its first row (shown again on a later page), and on the last page the themes after its rows."""
    if not items:
        return -1, 1 << 62
    first, last = items[0]["position"], items[-1]["position"]
    lo = -1 if page <= 1 else max((t["position"] for t in themes if t["position"] <= first), default=first)
    hi = (1 << 62) if page >= pages else last + 1
    return lo, hi
