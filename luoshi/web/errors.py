"""Error pages (Chinese first) and JSON errors, one handler per failure kind."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import DataError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from luoshi.store.errors import ConflictError, InvalidValueError, NotFoundError, PermissionDeniedError, UnknownUnitError
from luoshi.web.deps import Forbidden, LoginRequired, WebError
from luoshi.web.i18n import translator
from luoshi.web.render import lang_of, respond, wants_json

# status -> (heading key, detail key)
_MESSAGES = {
    400: ("bad_request", "bad_request"),
    401: ("login_required", "login_required"),
    403: ("forbidden", "forbidden_detail"),
    404: ("not_found", "not_found_detail"),
    409: ("conflict", "conflict_detail"),
    413: ("too_large", "too_large"),
    507: ("too_large", "disk_full"),
    415: ("unsupported_type", "unsupported_type"),
    422: ("bad_request", "bad_request"),
    429: ("login_throttled", "login_throttled"),
}


def error_response(request: Request, status_code: int, detail: str | None = None, errors: list | None = None) -> Response:
    t = translator(lang_of(request))
    heading_key, detail_key = _MESSAGES.get(status_code, ("bad_request", "bad_request"))
    text = detail or t(detail_key)
    if wants_json(request):
        body: dict = {"status": status_code, "error": heading_key, "message": text}
        if errors:
            body["errors"] = errors
        return JSONResponse(body, status_code=status_code)
    data = {"status_code": status_code, "heading": t(heading_key), "detail": text}
    return respond(request, "error.html", data, status_code=status_code, title=t(heading_key))


_STATUS_OF: dict[type[Exception], int] = {
    Forbidden: 403,
    PermissionDeniedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    StaleDataError: 409,  # a concurrent edit caught by the ORM's version check
    # (PendingRollbackError is not mapped: the stale-edit path rolls back and raises ConflictError
    # itself, store.commitments.flush_or_conflict; any other one is a genuine server error.)
    OverflowError: 404,  # an id past 64 bits (SQLite): no such record
    DataError: 422,  # PostgreSQL: an id past 32 bits, a NUL byte in a text value
}


def _status_handler(status: int):
    async def handler(request: Request, exc: Exception) -> Response:
        return error_response(request, status)

    return handler


def install(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        if wants_json(request) or request.method != "GET":
            return error_response(request, 401)
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)

    # Errors that need nothing but a status page (or JSON) of their own.
    for exc_type, status in _STATUS_OF.items():
        app.add_exception_handler(exc_type, _status_handler(status))

    @app.exception_handler(OSError)
    async def _os(request: Request, exc: OSError) -> Response:
        import errno

        if exc.errno in (errno.ENOSPC, errno.EDQUOT):  # disk full: say so, not a bare 500
            return error_response(request, 507)
        raise exc

    @app.exception_handler(InvalidValueError)
    async def _invalid(request: Request, exc: InvalidValueError) -> Response:
        return error_response(request, 400, exc.message)

    @app.exception_handler(UnknownUnitError)
    async def _unknown_unit(request: Request, exc: UnknownUnitError) -> Response:
        return error_response(request, 422, str(exc))  # E108 with the near names: what to type instead

    @app.exception_handler(WebError)
    async def _web(request: Request, exc: WebError) -> Response:
        detail = exc.detail or (translator(lang_of(request))(exc.detail_key) if exc.detail_key else None)
        return error_response(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"field": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()]
        detail = "；".join(f"{e['field']}: {e['message']}" for e in errors)
        return error_response(request, 422, detail, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if exc.status_code not in _MESSAGES and isinstance(exc.detail, str) else None
        return error_response(request, exc.status_code, detail)
