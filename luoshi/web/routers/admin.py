"""Office pages: the audit log; the API document; evidence file downloads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response

from luoshi.store.audit import list_audit
from luoshi.web.deps import LoginDep, OfficeDep, ReaderDep, SessionDep, SettingsDep, WebError
from luoshi.web.i18n import translator
from luoshi.web.render import lang_of, respond, twin
from luoshi.web.uploads import MEDIA_TYPES

router = APIRouter(tags=["admin"])
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z]{3,4}$")


@twin(router, "/audit")
def audit(request: Request, session: SessionDep, user: OfficeDep, entity: Annotated[str | None, Query(max_length=40)] = None,
          entity_id: int | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
    """Every write, newest first: who, when, what, before and after."""
    rows = [{"id": a.id, "at": a.at, "who": a.username, "action": a.action, "entity": a.entity, "entity_id": a.entity_id,
             "before": a.before, "after": a.after} for a in list_audit(session, entity, entity_id, limit)]
    return respond(request, "audit.html", {"entries": rows}, title=translator(lang_of(request))("audit_log"), active="nav_audit")


@router.get("/api", include_in_schema=False)
def api_docs(request: Request, user: ReaderDep) -> Response:
    """The OpenAPI document as a plain page (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    ops = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""), "description": op.get("description", ""),
            "params": [p["name"] for p in op.get("parameters", [])]}
           for path, item in spec["paths"].items() for method, op in item.items()]
    return respond(request, "api.html", {"operations": ops, "version": spec["info"]["version"]}, title="API", active="")


@router.get("/files/{name}", tags=["admin"])
def evidence_file(name: str, settings: SettingsDep, user: LoginDep) -> Response:
    """An uploaded evidence file, as an attachment (never rendered inline); only for logged-in users,
    even in public mode, where progress evidence is internal."""
    path = Path(settings.upload_dir) / name
    if not _STORED_NAME.match(name) or not path.is_file():
        raise WebError(404)
    return FileResponse(path, media_type=MEDIA_TYPES.get(path.suffix, "application/octet-stream"), filename=name,
                        headers={"X-Content-Type-Options": "nosniff"})
