"""Log in and out. Failed logins are throttled per (username, client address)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from luoshi.store.models import User
from luoshi.store.users import authenticate
from luoshi.web.deps import CsrfDep, SessionDep, WebError
from luoshi.web.i18n import translator
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.security import client_address, csrf_token, revoke_sessions, session_generation

router = APIRouter(tags=["auth"])


@twin(router, "/login")
def login_page(request: Request, next: str = "/") -> Response:
    """The login form; the JSON twin hands out a CSRF token for API clients."""
    data = {"next": _safe_next(next), "error": None, "username": "", "csrf_token": csrf_token(request)}
    return respond(request, "login.html", data, title=translator(lang_of(request))("login"))


@twin(router, "/login", methods=("POST",))
def login(
    request: Request,
    session: SessionDep,
    _csrf: CsrfDep,
    username: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=200)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    t = translator(lang_of(request))
    client = client_address(request, request.app.state.settings.trusted_proxies)
    throttle = request.app.state.throttle
    if not throttle.attempt(username, client):  # counted atomically before the password check
        raise WebError(429, "login_throttled")
    user = authenticate(session, username, password)
    if user is None:
        if wants_json(request):
            raise WebError(401, "login_failed")
        data = {"next": _safe_next(next), "error": t("login_failed"), "username": username}
        return respond(request, "login.html", data, status_code=401, title=t("login"))
    session.commit()  # a password rehash, if argon2 parameters changed
    throttle.succeed(username, client)
    request.session.clear()  # a fresh session on login: no fixation
    request.session["uid"] = user.id
    request.session["gen"] = session_generation(session, user.id)
    token = csrf_token(request)
    if wants_json(request):
        return JSONResponse({"username": user.username, "role": user.role, "csrf_token": token})
    return RedirectResponse(_safe_next(next), status_code=303)


@twin(router, "/logout", methods=("POST",))
def logout(request: Request, session: SessionDep, _csrf: CsrfDep) -> Response:
    """Log out: ends this user's sessions everywhere (a copied cookie stops working too)."""
    uid = request.session.get("uid")
    user = session.get(User, uid) if isinstance(uid, int) else None
    if user is not None and request.session.get("gen") == session_generation(session, user.id):
        revoke_sessions(session, user)
        session.commit()
    request.session.clear()
    if wants_json(request):
        return JSONResponse({"ok": True})
    return RedirectResponse("/login", status_code=303)


def _safe_next(target: str) -> str:
    """Only local paths: never redirect to another site after login."""
    return target if target.startswith("/") and not target.startswith("//") else "/"
