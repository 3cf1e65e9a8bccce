"""任务台账: filter, search, sort, paginate, and export exactly the current view."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from luoshi.export import TaskRow, write_csv, write_xlsx
from luoshi.export.rows import STRENGTH_ZH, parts_text
from luoshi.store.models import Report
from luoshi.store.settings import Settings
from luoshi.store.status import STATUS_ZH
from luoshi.web.deps import ReaderDep, SessionDep, SettingsDep, WebError
from luoshi.web.i18n import translator
from luoshi.web.ledger_query import SORTS, LedgerFilter, run
from luoshi.web.lookups import chosen_date, chosen_report, department_names, departments_for, report_choices, report_summary, sections_of
from luoshi.web.render import lang_of, respond, twin
from luoshi.web.serialize import commitment_row
from luoshi.web.tracking import ViewCache

router = APIRouter(tags=["ledger"])
Status = Literal["not_started", "on_track", "at_risk", "overdue", "done"]
Strength = Literal["binding", "firm", "process", "exploratory"]
EXPORT_LIMIT = 20000


def ledger_filter(
    section: Annotated[str | None, Query(max_length=40)] = None,
    department: Annotated[str | None, Query(max_length=100)] = None,
    status: Status | None = None,
    strength: Strength | None = None,
    due_before: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    due_after: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    sort: Annotated[str, Query(pattern="^(" + "|".join(s.replace("-", "\\-") for s in SORTS) + ")$")] = "position",
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 50,
) -> LedgerFilter:
    return LedgerFilter(section or None, department or None, status, strength, due_before or None, due_after or None,
                        (q or "").strip() or None, sort, page, per_page)


FilterDep = Annotated[LedgerFilter, Depends(ledger_filter)]


def ledger_data(session: Session, report: Report, f: LedgerFilter, today: date, settings: Settings,
                cache: ViewCache | None = None) -> dict:
    rows, total, tracks = run(session, report, f, today, settings, cache)
    depts = departments_for(session, [c.id for c in rows])
    sections = sections_of(session, report.id)
    titles = {s.key: s.title for s in sections}
    return {
        "report": report_summary(session, report),
        "date": today,
        "filters": f.as_query(),
        "total": total,
        "page": f.page,
        "per_page": f.per_page,
        "pages": max(1, -(-total // f.per_page)),
        "items": [commitment_row(c, tracks.get(c.id), depts.get(c.id), titles.get(c.section_key or "")) for c in rows],
        "sections": [{"key": s.key, "title": s.title, "level": s.level} for s in sections if s.level >= 1],
    }


@twin(router, "/ledger")
def ledger(request: Request, session: SessionDep, settings: SettingsDep, user: ReaderDep,
           f: FilterDep, report: int | None = None, date: str | None = None) -> Response:
    """One page of the ledger for the chosen report and date (default: newest report, today)."""
    chosen = chosen_report(session, report)
    f.internal = user is not None
    t = translator(lang_of(request))
    if chosen is None:
        return respond(request, "empty.html", {"report": None}, title=t("nav_ledger"), active="nav_ledger")
    data = ledger_data(session, chosen, f, chosen_date(date), settings, request.app.state.view_cache)
    if request.url.path.endswith(".json"):
        return respond(request, "ledger.html", data)
    data |= {"reports": report_choices(session), "departments": department_names(session), "sorts": SORTS}
    return respond(request, "ledger.html", data, title=t("nav_ledger"), active="nav_ledger")


@router.get("/ledger.{fmt}", tags=["ledger"], responses={200: {"content": {"application/octet-stream": {}}}})
def export(request: Request, session: SessionDep, settings: SettingsDep, user: ReaderDep, fmt: Literal["xlsx", "csv"],
           f: FilterDep, report: int | None = None, date: str | None = None) -> Response:
    """Export the current view (same filters and sort, all pages) as xlsx or CSV 任务分解表."""
    chosen = chosen_report(session, report)
    if chosen is None:
        raise WebError(404)
    f.page, f.per_page, f.internal = 1, EXPORT_LIMIT, user is not None
    data = ledger_data(session, chosen, f, chosen_date(date), settings)
    rows = [
        TaskRow(seq=n, section=item["section_title"] or "", task=item["text"], indicators="",
                deadline=item["deadline_label"], strength=STRENGTH_ZH.get(item["strength"], item["strength"]),
                lead="、".join(item["lead"]), support="、".join(item["support"]),
                status=STATUS_ZH.get(item["status"] or "", ""), progress=f"{item['percent']:g}%" if item["percent"] is not None else "",
                parts=parts_text(item["parts"]) or None)
        for n, item in enumerate(data["items"], 1)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"ledger.{fmt}"
        title = f"{data['report']['title'] or ''} 任务分解表".strip()
        write_xlsx(rows, path, title=title) if fmt == "xlsx" else write_csv(rows, path)
        body = path.read_bytes()
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if fmt == "xlsx" else "text/csv; charset=utf-8"
    name = f"ledger-{chosen.id}.{fmt}"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})
