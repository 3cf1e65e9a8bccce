"""部门工作台: a department user's own tasks, each with a one-line progress form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from luoshi.web.deps import SessionDep, SettingsDep, WebError, WriterDep
from luoshi.web.i18n import translator
from luoshi.web.ledger_query import LedgerFilter
from luoshi.web.lookups import chosen_date, chosen_report, report_choices
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.routers.ledger import ledger_data

router = APIRouter(tags=["workspace"])


@twin(router, "/workspace")
def workspace(request: Request, session: SessionDep, settings: SettingsDep, user: WriterDep,
              report: int | None = None, date: str | None = None) -> Response:
    """The logged-in department's tasks (effective assignments) in the chosen report."""
    if user.department is None:
        raise WebError(403, detail="仅责任单位用户有部门工作台 / only department users have a workspace")
    t = translator(lang_of(request))
    chosen = chosen_report(session, report)
    if chosen is None:
        return respond(request, "empty.html", {"report": None}, title=t("nav_workspace"), active="nav_workspace")
    f = LedgerFilter(department=user.department.name, sort="status", per_page=500)
    data = ledger_data(session, chosen, f, chosen_date(date, settings), settings)
    data["items"] = [i for i in data["items"] if user.department.name in i["lead"] + i["support"]]
    data["total"] = len(data["items"])
    data["department"] = user.department.name
    if not wants_json(request):
        data["reports"] = report_choices(session)
    return respond(request, "workspace.html", data, title=t("nav_workspace"), active="nav_workspace")
