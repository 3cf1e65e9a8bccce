"""A theme's verdict confirmed or overridden by a supervisor, as a task's is (same permission and version checks)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response

from luoshi.store.errors import ConflictError
from luoshi.store.models import Theme, Verdict
from luoshi.store.verdicts import confirm_verdict
from luoshi.web.deps import CsrfDep, OfficeDep, SessionDep, WebError
from luoshi.web.i18n import translator
from luoshi.web.render import lang_of, twin, wants_json
from luoshi.web.serialize import verdict_row

router = APIRouter(tags=["themes"])


@twin(router, "/themes/{theme_id:int}/verdict", methods=("POST",))
def set_theme_verdict(
    request: Request, session: SessionDep, user: OfficeDep, _csrf: CsrfDep, theme_id: int,
    verdict_id: Annotated[int, Form()],
    version: Annotated[int, Form()],
    status: Annotated[Literal["fulfilled", "partial", "not_fulfilled", "no_evidence"] | None, Form()] = None,
    reason: Annotated[str | None, Form(max_length=5000)] = None,
) -> Response:
    """Confirm the engine's verdict on a theme, or override its status and reason; a stale ``version`` gives 409 (E102)."""
    theme = session.get(Theme, theme_id)
    v = session.get(Verdict, verdict_id)
    if theme is None or v is None or v.source_kind != "theme" or v.source_id != theme_id:
        raise WebError(404)
    report_id, evidence_id, label = theme.report_id, v.evidence_report_id, theme.text[:30]
    try:
        v = confirm_verdict(session, verdict_id, version, status or None, reason or None, actor=user)
    except ConflictError as exc:  # someone decided first: one line with its code, nothing changed
        session.rollback()
        raise WebError(409, detail=f"{exc}（主题：{label}）") from None
    session.commit()
    if wants_json(request):
        return JSONResponse(jsonable_encoder(verdict_row(v) | {"source_kind": "theme", "source_id": theme_id}))
    request.session["flash"] = translator(lang_of(request))("saved")
    query = f"?evidence={evidence_id}" if evidence_id else ""
    return RedirectResponse(f"/reports/{report_id}/verdicts{query}#theme-{theme_id}", status_code=303)
