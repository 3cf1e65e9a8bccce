"""Reports: the list, and one report's full text with commitments and indicators in place."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import func, select

from luoshi.store.models import Commitment, Indicator, Region, Report
from luoshi.store.reports import get_report
from luoshi.web.deps import ReaderDep, SessionDep, SettingsDep
from luoshi.web.highlight import highlight
from luoshi.web.i18n import translator
from luoshi.web.lookups import chosen_date, report_summary, sections_of
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.serialize import indicator_row
from luoshi.web.tracking import track_report

router = APIRouter(tags=["reports"])


@twin(router, "/reports")
def reports(request: Request, session: SessionDep, user: ReaderDep) -> Response:
    """All reports, newest plan year first, with their item counts."""
    coms = select(Commitment.report_id, func.count().label("n")).group_by(Commitment.report_id).subquery()
    inds = select(Indicator.report_id, func.count().label("n")).group_by(Indicator.report_id).subquery()
    rows = session.execute(
        select(Report.id, Report.title, Report.year, Report.date, Region.name, coms.c.n, inds.c.n)
        .outerjoin(Region, Report.region_id == Region.id)
        .outerjoin(coms, coms.c.report_id == Report.id)
        .outerjoin(inds, inds.c.report_id == Report.id)
        .order_by(Report.year.desc().nulls_last(), Report.id.desc())
    )
    items = [{"id": i, "title": t, "year": y, "date": d, "region": r, "commitments": c or 0, "indicators": n or 0}
             for i, t, y, d, r, c, n in rows]
    return respond(request, "reports.html", {"reports": items}, title=translator(lang_of(request))("nav_reports"),
                   active="nav_reports")


@twin(router, "/reports/{report_id:int}")
def report_view(request: Request, session: SessionDep, settings: SettingsDep, user: ReaderDep, report_id: int,
                date: str | None = None) -> Response:
    """The full text with every commitment (coloured by status) and indicator marked; the outline beside it."""
    report = get_report(session, report_id)
    today = chosen_date(date, settings)
    tracks = request.app.state.view_cache.get(session, "tracks", report, today,
                                              lambda: track_report(session, report, today, settings))
    spans = session.execute(select(Commitment.id, Commitment.start, Commitment.end)
                            .where(Commitment.report_id == report.id, Commitment.retired.is_(False))).all()
    indicators = list(session.scalars(select(Indicator).where(Indicator.report_id == report.id).order_by(Indicator.start)))
    sections = sections_of(session, report.id)
    data = {
        "report": report_summary(session, report),
        "sections": [{"key": s.key, "parent": s.parent_key, "level": s.level, "title": s.title, "part": s.part,
                      "start": s.start, "end": s.end} for s in sections],
        "commitments": [{"id": cid, "start": s, "end": e, "status": tracks[cid].status if cid in tracks else None}
                        for cid, s, e in spans],
        "indicators": [indicator_row(i) for i in indicators],
    }
    if wants_json(request):
        data["text"] = report.text
        return respond(request, "report.html", data)
    data["body"] = highlight(report.text or "", [(c["id"], c["start"], c["end"], c["status"]) for c in data["commitments"]],
                             [(i.id, i.start, i.end) for i in indicators], [(f"sec-{s.key}", s.start) for s in sections])
    return respond(request, "report.html", data, title=report.title or f"#{report.id}", active="nav_reports")
