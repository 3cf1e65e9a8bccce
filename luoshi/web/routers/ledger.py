"""任务台账: filter, search, sort, paginate, and export exactly the current view."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from luoshi.export import write_csv, write_xlsx
from luoshi.store.linking import newer_report
from luoshi.store.models import Report
from luoshi.store.settings import Settings
from luoshi.store.tasks import task_rows
from luoshi.web.deps import CsrfDep, OfficeDep, ReaderDep, SessionDep, SettingsDep, WebError
from luoshi.web.downloads import CSV, XLSX, attachment
from luoshi.web.i18n import format_date, translator
from luoshi.web.ledger_query import SORTS, LedgerFilter, run
from luoshi.web.lookups import chosen_date, chosen_report, department_names, departments_for, report_choices, report_summary, sections_of
from luoshi.web.names import short_region
from luoshi.web.search import occurrences
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.serialize import commitment_row
from luoshi.web.tracking import ViewCache
from luoshi.web.verdicts import effective_verdicts

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


def own_tasks_only(user, settings: Settings, f: LedgerFilter) -> None:
    """Under the office's "departments read only their own tasks" setting, a department's ledger is its own."""
    if settings.department_own_tasks_only and user is not None and user.role == "department":
        f.department = user.department.name if user.department else "（无单位）"  # no department: nothing to read


def ledger_data(session: Session, report: Report, f: LedgerFilter, today: date, settings: Settings,
                cache: ViewCache | None = None) -> dict:
    rows, total, tracks = run(session, report, f, today, settings, cache)
    depts = departments_for(session, [c.id for c in rows])
    sections = sections_of(session, report.id)
    titles = {s.key: s.title for s in sections}
    items = [commitment_row(c, tracks.get(c.id), depts.get(c.id), titles.get(c.section_key or "")) for c in rows]
    earlier = newer_report(session, report) is not None
    if earlier:  # an earlier year's tasks are judged by verdicts; an in-year status (已逾期) would mislead
        verdicts = effective_verdicts(session, "commitment", [c.id for c in rows])
        for item in items:
            v = verdicts.get(item["id"])
            item["status"], item["expected_percent"] = None, None
            item["verdict"] = v.status if v else None
    return {
        "report": report_summary(session, report),
        "date": today,
        "filters": f.as_query(),
        "total": total,
        "page": f.page,
        "per_page": f.per_page,
        "pages": max(1, -(-total // f.per_page)),
        "earlier": earlier,
        "search": occurrences(session, report, f.q) if f.q else None,
        "items": items,
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
    own_tasks_only(user, settings, f)
    data = ledger_data(session, chosen, f, chosen_date(date, settings), settings, request.app.state.view_cache)
    if request.url.path.endswith(".json"):
        return respond(request, "ledger.html", data)
    data |= {"reports": report_choices(session), "departments": department_names(session), "sorts": SORTS}
    return respond(request, "ledger.html", data, title=t("nav_ledger"), active="nav_ledger")


@router.get("/ledger.{fmt}", tags=["ledger"], responses={200: {"content": {XLSX: {}, "text/csv": {}}}})
def export(request: Request, session: SessionDep, settings: SettingsDep, user: ReaderDep, fmt: Literal["xlsx", "csv"],
           f: FilterDep, report: int | None = None, date: str | None = None) -> Response:
    """Export the current view (same filters and sort, all pages) as the 任务分解表 that ``luoshi export`` writes."""
    chosen = chosen_report(session, report)
    if chosen is None:
        raise WebError(404)
    today = chosen_date(date, settings)
    own_tasks_only(user, settings, f)
    f.page, f.per_page, f.internal = 1, EXPORT_LIMIT, user is not None
    rows, _, _ = run(session, chosen, f, today, settings)
    table = task_rows(session, report_id=chosen.id, today=today, ids=[c.id for c in rows],
                      notes=user is not None)  # the public export leaves internal progress notes out
    summary = report_summary(session, chosen)
    stem = f"{short_region(summary['region'])}{chosen.year or ''}年任务分解表-截至{today.isoformat()}"
    title = f"{summary['name']} 任务分解表（截至{format_date(today, 'zh')}）"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"ledger.{fmt}"
        write_xlsx(table, path, title=title) if fmt == "xlsx" else write_csv(table, path)
        body = path.read_bytes()
    return attachment(body, f"{stem}.{fmt}", XLSX if fmt == "xlsx" else CSV)


@twin(router, "/ledger/assign", methods=("POST",))
def bulk_assign(
    request: Request, session: SessionDep, user: OfficeDep, _csrf: CsrfDep,
    pick: Annotated[list[str], Form(max_length=EXPORT_LIMIT)] = [],  # noqa: B006 - read by FastAPI, never mutated
    lead: Annotated[str, Form(max_length=200)] = "",
    support: Annotated[str, Form(max_length=1000)] = "",
    back: Annotated[str, Form(max_length=2000)] = "/ledger",
) -> Response:
    """Give every ticked task (``pick``: "id:version") the same lead and supporting units, all or nothing.

    Each task's version guards against an edit made since the ledger was read (409).
    """
    from luoshi.store.assignments import set_assignments
    from luoshi.web.routers.commitments import _names

    t = translator(lang_of(request))
    picked = [_pick(p) for p in pick]
    leads, supports = _names(lead), _names(support)
    if not picked:
        raise WebError(422, detail=t("bulk_none_selected"))
    if not leads:
        raise WebError(422, detail="请至少填写一个牵头单位 / name at least one department")
    for cid, version in picked:
        set_assignments(session, cid, leads, supports, version, actor=user)
    session.commit()
    if wants_json(request):
        return JSONResponse({"assigned": [cid for cid, _ in picked], "lead": leads, "support": supports})
    request.session["flash"] = t("bulk_done", n=len(picked))
    return RedirectResponse(back if back.startswith("/") and not back.startswith("//") else "/ledger", status_code=303)


def _pick(value: str) -> tuple[int, int]:
    cid, _, version = value.partition(":")
    if not (cid.isdigit() and version.isdigit()) or len(cid) > 9 or len(version) > 9:
        raise WebError(422, detail=f"pick: {value[:20]!r} is not id:version")
    return int(cid), int(version)
