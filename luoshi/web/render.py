"""One view, two faces: a page renders its data dict as HTML, or as JSON at ``<path>.json``.

The dashboard and the API then never disagree (the datasette rule).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from luoshi.web import charts
from luoshi.web.i18n import DEFAULT_LANG, LANGS, format_date, translator
from luoshi.web.security import csrf_token

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
TEMPLATES.env.autoescape = True  # report text is untrusted: <script> must show as text
TEMPLATES.env.globals["charts"] = charts

NAV = [
    ("/", "nav_overview"),
    ("/reports", "nav_reports"),
    ("/ledger", "nav_ledger"),
    ("/indicators", "nav_indicators"),
    ("/reminders", "nav_reminders"),
]


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or DEFAULT_LANG
    return lang if lang in LANGS else DEFAULT_LANG


def respond(request: Request, template: str, data: dict[str, Any], status_code: int = 200,
            title: str = "", active: str = "") -> Response:
    """HTML from ``template`` with ``data``, or ``data`` as JSON for a ``.json`` path."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data), status_code=status_code)
    response = TEMPLATES.TemplateResponse(
        request, template, {**page_context(request, title, active), **data}, status_code=status_code
    )
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", request.query_params["lang"], max_age=365 * 86400, samesite="lax")
    return response


def page_context(request: Request, title: str = "", active: str = "") -> dict[str, Any]:
    lang = lang_of(request)
    user = getattr(request.state, "user", None)
    nav = list(NAV)
    if user is not None and user.role == "department":
        nav.append(("/workspace", "nav_workspace"))
    if user is not None and user.role in ("admin", "supervisor"):
        nav.append(("/audit", "nav_audit"))
    other = "en" if lang == "zh" else "zh"
    query = {k: v for k, v in request.query_params.items() if k != "lang"}
    return {
        "request": request,
        "lang": lang,
        "t": translator(lang),
        "fmt_date": lambda value: format_date(value, lang),
        "user": user,
        "csrf": csrf_token(request),
        "public_mode": request.app.state.settings.public_mode,
        "nav": nav,
        "active": active,
        "title": title,
        "lang_query": urlencode({**query, "lang": other}),
        "flash": request.session.pop("flash", None),
        "flash_error": False,
        "query_without": lambda *keys: urlencode({k: v for k, v in request.query_params.items() if k not in keys}),
    }


def twin(router: APIRouter, path: str, methods: tuple[str, ...] = ("GET",), **kwargs: Any) -> Callable:
    """Register a view at ``path`` (HTML, hidden from OpenAPI) and ``path.json`` (documented)."""
    json_path = "/index.json" if path == "/" else f"{path}.json"

    def decorate(func: Callable) -> Callable:
        router.add_api_route(json_path, func, methods=list(methods), **kwargs)
        router.add_api_route(path, func, methods=list(methods), include_in_schema=False, **kwargs)
        return func

    return decorate
