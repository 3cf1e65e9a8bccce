"""CSRF tokens bound to the session, login throttling, server-side session revocation,
request-body caps and security headers.

The session itself is Starlette's signed cookie (itsdangerous): it carries only the
user id, the user's session generation and the CSRF token, never a role — the role is
read from the database on every request so a demoted user loses rights at once. The
generation is the id of the user's latest revoking audit entry (logout, password or
role change, disable): when it moves, every older cookie of that user stops working.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import threading
import time
from collections import deque

from fastapi import Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Audit actions on a user that end all of the user's sessions.
REVOKING = ("logout", "passwd", "update", "disable", "role")


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def csrf_valid(request: Request, submitted: str | None) -> bool:
    expected = request.session.get("csrf")
    return bool(expected and submitted and hmac.compare_digest(expected, submitted))


def session_generation(session: Session, user_id: int) -> int:
    """The user's session generation: the id of the latest revoking audit entry (0: none)."""
    from luoshi.store.models import AuditEntry

    latest = session.scalar(select(func.max(AuditEntry.id)).where(
        AuditEntry.entity == "users", AuditEntry.entity_id == user_id, AuditEntry.action.in_(REVOKING)))
    return int(latest or 0)


def revoke_sessions(session: Session, user) -> None:
    """End every session of ``user`` (logout): the caller commits."""
    from luoshi.store import audit

    audit.record(session, user, "logout", "users", user.id, None, None)


def client_address(request: Request, trusted_proxies: str) -> str:
    """The peer address; behind a configured proxy, the last X-Forwarded-For hop it added."""
    peer = request.client.host if request.client else "?"
    trusted = {p.strip() for p in trusted_proxies.split(",") if p.strip()}
    if peer not in trusted:
        return peer
    hops = [h.strip() for h in request.headers.get("x-forwarded-for", "").split(",") if h.strip()]
    for hop in reversed(hops):  # the first hop not added by one of our own proxies
        if hop not in trusted:
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer
    return peer


class LoginThrottle:
    """Failed-login limits per (account, address), per account and per address, within ``window`` s.

    Each attempt is counted when it starts, under one lock (``attempt``), so parallel
    attempts cannot all pass a check made before any of them failed; a success clears the
    account's counts. In-process memory is enough for one `luoshi serve` worker.
    """

    def __init__(self, attempts: int = 5, window: float = 300.0, per_account: int = 10, per_address: int = 30) -> None:
        self.attempts = attempts
        self.window = window
        self.limits = {"pair": attempts, "account": per_account, "address": per_address}
        self._failures: dict[tuple[str, ...], deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, username: str, client: str) -> dict[str, tuple[str, ...]]:
        name = username.strip().lower()
        return {"pair": ("pair", name, client), "account": ("account", name), "address": ("address", client)}

    def attempt(self, username: str, client: str) -> bool:
        """Count one attempt now; False (and nothing counted) when a limit is already reached."""
        with self._lock:
            keys = self._keys(username, client)
            queues = {kind: self._prune(key) for kind, key in keys.items()}
            if any(len(q) >= self.limits[kind] for kind, q in queues.items()):
                return False
            now = time.monotonic()
            for q in queues.values():
                q.append(now)
            return True

    def blocked(self, username: str, client: str) -> bool:
        with self._lock:
            keys = self._keys(username, client)
            return any(len(self._prune(key)) >= self.limits[kind] for kind, key in keys.items())

    def fail(self, username: str, client: str) -> None:
        """Record a failure without ``attempt`` (kept for callers that count afterwards)."""
        with self._lock:
            now = time.monotonic()
            for key in self._keys(username, client).values():
                self._prune(key).append(now)

    def succeed(self, username: str, client: str) -> None:
        with self._lock:
            keys = self._keys(username, client)
            self._failures.pop(keys["pair"], None)
            self._failures.pop(keys["account"], None)
            q = self._failures.get(keys["address"])
            if q:
                q.pop()  # this attempt succeeded: it is not a failure of the address

    def _prune(self, key: tuple[str, ...]) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        cutoff = time.monotonic() - self.window
        while q and q[0] < cutoff:
            q.popleft()
        return q


# Content-Security-Policy: no scripts at all, inline styles (templates use a few), no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
]
SMALL_BODY = 1024 * 1024  # any request without files
LOGIN_BODY = 16 * 1024  # /login and /logout


class GuardMiddleware:
    """Security headers on every response; request bodies capped before anything parses them
    (a declared Content-Length over the cap is refused at once, a chunked body when it passes it)."""

    def __init__(self, app: ASGIApp, max_upload_bytes: int) -> None:
        self.app = app
        self.max_upload = max_upload_bytes

    def _cap(self, scope: Scope) -> int:
        path = scope.get("path", "")
        if path.rstrip("/").removesuffix(".json") in ("/login", "/logout"):
            return LOGIN_BODY
        ctype = dict(scope.get("headers") or []).get(b"content-type", b"")
        return self.max_upload if ctype.startswith(b"multipart/") else SMALL_BODY

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        cap = self._cap(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > cap
            except ValueError:
                too_big = True
            if too_big:
                await _too_large(send_with_headers, cap)
                return
        seen = 0

        async def capped_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge(cap)
            return message

        try:
            await self.app(scope, capped_receive, send_with_headers)
        except BodyTooLarge:
            await _too_large(send_with_headers, cap)


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing lets it through as a 413 (not a 400)."""

    def __init__(self, cap: int) -> None:
        super().__init__(413, f"request body over {cap // 1024} KB")
        self.cap = cap


async def _too_large(send: Send, cap: int) -> None:
    body = (f'{{"detail": "请求内容过大（上限 {cap // 1024} KB） / request body too large (limit {cap // 1024} KB)"}}').encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
