"""每日提醒: per department, items due within N days or overdue (the daily digest)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from luoshi.store.remind import due_items
from luoshi.web.deps import ReaderDep, SessionDep
from luoshi.web.i18n import translator
from luoshi.web.lookups import chosen_date
from luoshi.web.render import lang_of, respond, twin

router = APIRouter(tags=["reminders"])


@twin(router, "/reminders")
def reminders(request: Request, session: SessionDep, user: ReaderDep, days: Annotated[int, Query(ge=0, le=366)] = 14,
              report: int | None = None, date: str | None = None) -> Response:
    """Unfinished tasks due within ``days`` days of ``date`` (or overdue), grouped by department."""
    today = chosen_date(date, request.app.state.settings)
    due = due_items(session, within_days=days, today=today, report_id=report)
    if user is not None and user.role == "department":  # a department sees its own digest
        due = {d: items for d, items in due.items() if d.id == user.department_id}
    groups = [{"department": d.name, "tasks": [{"id": i.commitment_id, "text": i.text, "due": i.due, "days_left": i.days_left,
                                                "status": i.status} for i in items]}
              for d, items in sorted(due.items(), key=lambda kv: kv[0].name)]
    t = translator(lang_of(request))
    return respond(request, "reminders.html", {"date": today, "days": days, "departments": groups},
                   title=t("digest"), active="nav_reminders")
