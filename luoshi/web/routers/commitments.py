"""Commitment detail and its writes: progress, assignments, deadline, verdict."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store import assignments as assign_repo
from luoshi.store.audit import list_audit
from luoshi.store.commitments import get_commitment, update_commitment
from luoshi.store.linking import newer_report
from luoshi.store.models import Commitment, Department, Indicator, ProgressUpdate, Report, User, Verdict
from luoshi.store.permissions import require_department
from luoshi.store.progress import add_progress
from luoshi.store.verdicts import confirm_verdict
from luoshi.web.auditview import changes
from luoshi.web.deps import CsrfDep, OfficeDep, ReaderDep, SessionDep, SettingsDep, WebError, WriterDep
from luoshi.web.i18n import translator
from luoshi.web.lookups import chosen_date, departments_for, department_names, report_summary, sections_of
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.serialize import commitment_row, indicator_row, progress_row, verdict_row
from luoshi.web.tracking import track_report
from luoshi.web.uploads import Quota, quota_for, remove_uploads, save_uploads
from luoshi.web.verdicts import verdict_view

router = APIRouter(tags=["commitments"])
CONTEXT_CHARS = 160
_SPLIT = re.compile(r"[,，、;；\s]+")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)  # HTTPS://… is the same scheme


def detail_data(session: Session, c: Commitment, user: User | None, today: date, settings, lang: str = "zh") -> dict:
    report = c.report
    track = track_report(session, report, today, settings, only=[c.id]).get(c.id)
    depts = departments_for(session, [c.id])[c.id]
    titles = {s.key: s.title for s in sections_of(session, report.id)}
    text = report.text or ""
    lo, hi = max(0, c.start - CONTEXT_CHARS), min(len(text), c.end + CONTEXT_CHARS)
    indicators = list(session.scalars(select(Indicator).where(Indicator.report_id == report.id, Indicator.key.in_(c.indicator_keys or []))))
    show_internal = user is not None
    names = {i: n for i, n in session.execute(select(Department.id, Department.name))}
    users = {i: n for i, n in session.execute(select(User.id, User.username))}
    progress = list(session.scalars(select(ProgressUpdate).where(ProgressUpdate.commitment_id == c.id).order_by(ProgressUpdate.seq)))
    verdicts = list(session.scalars(select(Verdict).where(Verdict.source_kind == "commitment", Verdict.source_id == c.id).order_by(Verdict.id)))
    row = commitment_row(c, track, depts, titles.get(c.section_key or ""))
    row["note"] = c.note if show_internal else None
    earlier = newer_report(session, report) is not None
    if earlier:  # judged by its verdict on the next year's report, not by an in-year status
        row["status"], row["expected_percent"] = None, None
    verdict_rows = [verdict_view(session, v, users if show_internal else {}, {}, public=not show_internal) for v in verdicts]
    for v in verdict_rows:
        ev = session.get(Report, v["evidence_report_id"]) if v["evidence_report_id"] else None
        v["evidence_report_name"] = report_summary(session, ev)["name"] if ev else None
    return {
        "report": report_summary(session, report),
        "date": today,
        "commitment": row,
        "context": {"before": text[lo:c.start], "text": text[c.start:c.end], "after": text[c.end:hi]},
        "suggested": depts["suggested"],
        "indicators": [indicator_row(i) for i in indicators],
        "progress": [progress_row(p, names.get(p.department_id), users.get(p.user_id), show_internal) for p in progress],
        "earlier": earlier,
        "verdicts": verdict_rows,
        "audit": [{"at": a.at, "who": a.username, "action": a.action, "entity": a.entity, "before": a.before, "after": a.after,
                   "changes": changes(a.before, a.after, lang)}
                  for a in _task_audit(session, c.id)] if user is not None and user.role in ("admin", "supervisor") else [],
    }


def _task_audit(session: Session, commitment_id: int, limit: int = 20) -> list:
    """The task's own edits and its assignment changes (logged under the task's id), newest first."""
    assigned = [a for a in list_audit(session, "assignments", commitment_id, limit=limit)  # same id, other records: checked
                if (a.after or a.before or {}).get("commitment_id") == commitment_id]
    rows = list_audit(session, "commitments", commitment_id, limit=limit) + assigned
    return sorted(rows, key=lambda a: (a.at, a.id), reverse=True)[:limit]


@twin(router, "/commitments/{commitment_id:int}")
def commitment_detail(request: Request, session: SessionDep, settings: SettingsDep, user: ReaderDep,
                      commitment_id: int, date: str | None = None) -> Response:
    """A task in context: indicators, assignments, deadline, progress timeline, verdicts."""
    c = get_commitment(session, commitment_id)
    if settings.department_own_tasks_only and user is not None and user.role == "department" \
            and user.department_id not in departments_for(session, [c.id])[c.id]["department_ids"]:
        raise WebError(403, detail="本单位只能查看本单位承担的任务 / departments read only their own tasks here")
    data = detail_data(session, c, user, chosen_date(date, settings), settings, lang_of(request))
    if not wants_json(request):
        data["departments"] = department_names(session)
        data["can_file"] = _can_file(user, departments_for(session, [c.id])[c.id])
    t = translator(lang_of(request))
    return respond(request, "commitment.html", data, title=f"{t('task')} #{c.id}", active="nav_ledger")


def _can_file(user: User | None, depts: dict) -> bool:
    """Offer the form only to those the store will accept (it checks again on write)."""
    if user is None or user.role == "viewer":
        return False
    return user.role in ("admin", "supervisor") or user.department_id in depts["department_ids"]


def _done(request: Request, commitment_id: int, payload: dict, status_code: int = 200) -> Response:
    if wants_json(request):
        return JSONResponse(jsonable_encoder(payload), status_code=status_code)
    request.session["flash"] = translator(lang_of(request))("saved")
    back = urlsplit(request.headers.get("referer") or "")
    # Back to the workspace (with its date) when the form was filed there; only the path and query are used.
    target = f"/workspace?{back.query}".rstrip("?") if back.path.rstrip("/") == "/workspace" else f"/commitments/{commitment_id}"
    return RedirectResponse(target, status_code=303)


@twin(router, "/commitments/{commitment_id:int}/progress", methods=("POST",), status_code=201)
def file_progress(
    request: Request, session: SessionDep, settings: SettingsDep, user: WriterDep, _csrf: CsrfDep, commitment_id: int,
    state: Annotated[Literal["not_started", "in_progress", "blocked", "done"], Form()],
    percent: Annotated[float | None, Form(ge=0, le=100)] = None,
    note: Annotated[str, Form(max_length=5000)] = "",
    links: Annotated[str, Form(max_length=5000)] = "",
    token: Annotated[str | None, Form(max_length=64)] = None,
    reported_on: Annotated[date | None, Form()] = None,
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 - FastAPI reads the default, never mutates it
) -> Response:
    """File a progress update as of ``reported_on`` (default today; the page offers its "as of" date) with evidence (links one per line; files: pdf, png, jpg, docx, xlsx, txt, csv, within the quotas LUOSHI_UPLOAD_FILE_MB (10 MB a file), _TASK_MB (100 MB a task) and _TOTAL_MB, else E158)."""
    c = get_commitment(session, commitment_id)  # 404 before any file is written
    if reported_on is not None and reported_on > date.today():
        raise WebError(422, detail=f"报告日期不能晚于今天 / reported_on is in the future: {reported_on}")
    # The store checks again on write; checking here first means a refused user's files are never saved.
    require_department(user, {a.department_id for a in assign_repo.effective(c)})
    urls = [u.strip() for u in links.splitlines() if u.strip()]
    bad = [u for u in urls if not _URL.match(u)]
    if bad:
        raise WebError(422, detail=f"链接格式不正确 / not a http(s) link: {bad[0][:80]}")
    evidence = [{"kind": "url", "value": u} for u in urls]
    stored = save_uploads(files, settings.upload_dir, quota_for(session, settings, commitment_id) if files else Quota())
    evidence += [f.evidence() for f in stored]
    try:
        row = add_progress(session, commitment_id, state, percent, note, evidence, reported_on=reported_on, token=token or None, actor=user)
        session.commit()
    except BaseException:
        remove_uploads(stored, settings.upload_dir)  # a failed save leaves no orphaned files
        raise
    kept = {e.get("value") for e in row.evidence if e.get("kind") == "file"}
    remove_uploads([f for f in stored if f.name not in kept], settings.upload_dir)  # a resent form keeps the first files
    return _done(request, commitment_id, {"seq": row.seq, "id": row.id, "state": row.state, "percent": row.percent}, 201)


@twin(router, "/commitments/{commitment_id:int}/assign", methods=("POST",))
def assign(
    request: Request, session: SessionDep, user: OfficeDep, _csrf: CsrfDep, commitment_id: int,
    version: Annotated[int, Form()],
    lead: Annotated[str, Form(max_length=200)] = "",
    support: Annotated[str, Form(max_length=1000)] = "",
    accept: Annotated[bool, Form()] = False,
) -> Response:
    """Accept the engine's suggested departments, or replace them with a lead and supporting units.

    One store call (assignments.set_assignments): replaces the human assignments, bumps the
    task's version (a stale second edit conflicts) and writes one audit entry.
    """
    if accept:
        suggested = assign_repo.suggestions(get_commitment(session, commitment_id))
        leads = [a.department.name for a in suggested if a.role == "lead"]
        supports = [a.department.name for a in suggested if a.role != "lead"]
    else:
        leads, supports = _names(lead), _names(support)
    if not leads and not supports:
        raise WebError(422, detail="请至少填写一个牵头单位 / name at least one department")
    assign_repo.set_assignments(session, commitment_id, leads, supports, version, actor=user)
    c = get_commitment(session, commitment_id)
    session.commit()
    return _done(request, commitment_id, {"id": c.id, "version": c.version, **departments_for(session, [c.id])[c.id]})


def _names(text: str) -> list[str]:
    return [n for n in _SPLIT.split(text.strip()) if n]


@twin(router, "/commitments/{commitment_id:int}/deadline", methods=("POST",))
def set_deadline(
    request: Request, session: SessionDep, user: OfficeDep, _csrf: CsrfDep, commitment_id: int,
    version: Annotated[int, Form()],
    due_date: Annotated[str | None, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
    note: Annotated[str | None, Form(max_length=5000)] = None,
) -> Response:
    """Set the tracking deadline and/or the internal note of a task: a field not sent is left
    as it is; ``due_date`` sent empty clears it."""
    changes: dict = {}
    # FastAPI gives None both for a field not sent and one sent empty; the parsed form (cached
    # on the request by FastAPI) tells them apart: sent empty clears, not sent leaves it alone.
    form = getattr(request, "_form", None)
    if due_date is None and form is not None and "due_date" in form:
        due_date = ""
    if due_date is not None:
        try:
            changes["due_date"] = date.fromisoformat(due_date) if due_date else None
        except ValueError:
            raise WebError(422, detail=f"日期无效 / invalid date: {due_date}") from None
    if note is not None:
        changes["note"] = note
    c = update_commitment(session, commitment_id, version, changes, actor=user)
    session.commit()
    return _done(request, commitment_id, {"id": c.id, "version": c.version, "due_date": c.due_date.isoformat() if c.due_date else None})


@twin(router, "/commitments/{commitment_id:int}/verdict", methods=("POST",))
def set_verdict(
    request: Request, session: SessionDep, user: OfficeDep, _csrf: CsrfDep, commitment_id: int,
    verdict_id: Annotated[int, Form()],
    version: Annotated[int, Form()],
    status: Annotated[Literal["fulfilled", "partial", "not_fulfilled", "no_evidence"] | None, Form()] = None,
    reason: Annotated[str | None, Form(max_length=5000)] = None,
) -> Response:
    """Confirm the engine's verdict, or override its status and reason."""
    v = session.get(Verdict, verdict_id)
    if v is None or v.source_kind != "commitment" or v.source_id != commitment_id:
        raise WebError(404)
    v = confirm_verdict(session, verdict_id, version, status or None, reason or None, actor=user)
    session.commit()
    return _done(request, commitment_id, verdict_row(v) or {})
