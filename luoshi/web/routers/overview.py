"""总览: commitments by status, department and chapter; 序时进度 against actual; red lists."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from datetime import date as _date

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store.models import Commitment, Report
from luoshi.store.settings import Settings
from luoshi.web.deps import ReaderDep, SessionDep, SettingsDep
from luoshi.web.i18n import translator
from luoshi.web.lookups import chosen_date, chosen_report, departments_for, report_choices, report_summary, sections_of, top_section
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.tracking import track_report, verdict_fingerprint
from luoshi.store.linking import newer_report
from luoshi.web.verdicts import previous_verdicts, verdict_summary

router = APIRouter(tags=["overview"])
STATUSES = ("not_started", "on_track", "at_risk", "overdue", "done")
LIST_LIMIT = 20


def overview_data(session: Session, report: Report, today: date, settings: Settings) -> dict:
    tracks = track_report(session, report, today, settings)
    depts = departments_for(session, tracks, report_id=report.id)
    chapters = top_section(sections_of(session, report.id))
    by_status = Counter(t.status for t in tracks.values())
    by_dept: dict[str, Counter] = defaultdict(Counter)
    by_section: dict[str, Counter] = defaultdict(Counter)
    for cid, tr in tracks.items():
        for name in depts[cid]["lead"] or ["—"]:
            by_dept[name][tr.status] += 1
        chapter = chapters.get(tr.section_key or "")
        by_section[chapter.title if chapter else "—"][tr.status] += 1
    timed = [tr for tr in tracks.values() if tr.expected is not None]
    expected = sum(tr.expected for tr in timed) / len(timed) if timed else 0.0
    actual = sum(min(tr.percent or 0.0, 100.0) if tr.status != "done" else 100.0 for tr in timed) / len(timed) if timed else 0.0
    red = {s: sorted((tr for tr in tracks.values() if tr.status == s), key=lambda tr: (tr.due or date.max, tr.start))[:LIST_LIMIT]
           for s in ("overdue", "at_risk")}
    texts = dict(session.execute(select(Commitment.id, Commitment.text).where(Commitment.id.in_([tr.id for v in red.values() for tr in v]))).all())

    def item(tr) -> dict:
        return {"id": tr.id, "text": texts[tr.id], "due": tr.due, "status": tr.status, "percent": tr.percent,
                "expected_percent": round(tr.expected, 1) if tr.expected is not None else None,
                "lead": depts[tr.id]["lead"]}

    return {
        "report": report_summary(session, report),
        "date": today,
        "total": len(tracks),
        "by_status": {s: by_status.get(s, 0) for s in STATUSES},
        "by_department": [{"department": k, "counts": dict(v), "total": sum(v.values())}
                          for k, v in sorted(by_dept.items(), key=lambda kv: -sum(kv[1].values()))],
        "by_section": [{"section": k, "counts": dict(v), "total": sum(v.values())} for k, v in by_section.items()],
        "expected_percent": round(expected, 1),
        "actual_percent": round(actual, 1),
        "overdue": [item(tr) for tr in red["overdue"]],
        "at_risk": [item(tr) for tr in red["at_risk"]],
    }


@twin(router, "/")
def overview(request: Request, session: SessionDep, settings: SettingsDep, user: ReaderDep,
             report: int | None = None, date: str | None = None) -> Response:
    """Status overview of the chosen report (default newest) on the chosen date (default today)."""
    t = translator(lang_of(request))
    chosen = chosen_report(session, report)
    if chosen is None:
        return respond(request, "empty.html", {"report": None}, title=t("nav_overview"), active="nav_overview")
    today = chosen_date(date, settings)
    cached = request.app.state.view_cache.get(session, "overview", chosen, today,
                                              lambda: overview_data(session, chosen, today, settings))
    data = dict(cached)  # the cached dict is shared: add page-only keys to a copy
    # None until the report is judged on a later one; counted by the database, kept until a verdict or assignment changes
    data["verdicts"] = request.app.state.view_cache.get(session, "verdict-summary", chosen, _date.min,
                                                        lambda: verdict_summary(session, chosen), extra=verdict_fingerprint(session))
    data["previous"] = previous_verdicts(session, chosen)  # last year's promises judged on this report
    data["earlier"] = newer_report(session, chosen) is not None
    if not wants_json(request):
        data["reports"] = report_choices(session)
    return respond(request, "overview.html", data, title=t("nav_overview"), active="nav_overview")
