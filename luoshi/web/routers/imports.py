"""Import the office's own 任务分解表 onto a report (the web twin of `luoshi import-tasks`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from luoshi.store.errors import TaskTableError
from luoshi.store.import_tasks import MIN_SCORE, import_tasks
from luoshi.store.reports import get_report
from luoshi.store.task_table import MAX_BYTES
from luoshi.web.deps import CsrfDep, OfficeDep, SessionDep, WebError
from luoshi.web.i18n import translator
from luoshi.web.lookups import report_summary
from luoshi.web.render import lang_of, respond, twin

router = APIRouter(tags=["reports"])


@twin(router, "/reports/{report_id:int}/import-tasks", methods=("POST",))
async def import_task_table(
    request: Request, session: SessionDep, user: OfficeDep, _csrf: CsrfDep, report_id: int,
    file: Annotated[UploadFile, File()],
    dry_run: Annotated[bool, Form()] = False,
) -> Response:
    """Apply an uploaded 任务分解表 (xlsx): owners and deadlines onto the report's rows, all or nothing.

    Shows each table row placed (with its fuzzy score) or not placed; a unit not in the
    master list or an unreadable file changes nothing and lists what to correct (E109–E112).
    """
    report = get_report(session, report_id)
    body = await file.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise WebError(413)
    t = translator(lang_of(request))
    data: dict = {"report": report_summary(session, report), "filename": file.filename, "dry_run": dry_run, "min_score": MIN_SCORE}
    try:
        result = import_tasks(session, report.id, body, actor=user)
    except TaskTableError as exc:
        session.rollback()
        data |= {"error": {"code": exc.code, "message": exc.message, "hint": exc.hint, "rows": exc.rows}}
        return respond(request, "import_tasks.html", data, status_code=422, title=t("import_tasks"), active="nav_reports")
    if dry_run:
        session.rollback()
    else:
        session.commit()  # the view cache sees the changed versions: no flush of it needed
    data |= {"result": result.to_dict()}
    return respond(request, "import_tasks.html", data, title=t("import_tasks"), active="nav_reports")
