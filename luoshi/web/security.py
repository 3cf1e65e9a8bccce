"""CSRF tokens bound to the session, and login throttling.

The session itself is Starlette's signed cookie (itsdangerous): it carries only the
user id and the CSRF token, never a role — the role is read from the database on
every request so a demoted user loses rights at once.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque

from fastapi import Request

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def csrf_valid(request: Request, submitted: str | None) -> bool:
    expected = request.session.get("csrf")
    return bool(expected and submitted and hmac.compare_digest(expected, submitted))


class LoginThrottle:
    """At most ``attempts`` failures per (username, client) within ``window`` seconds.

    In-process memory is enough for one `luoshi serve` worker; several workers each
    throttle on their own, which only makes guessing slower, never faster than one.
    """

    def __init__(self, attempts: int = 5, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, username: str, client: str) -> bool:
        with self._lock:
            q = self._prune((username.lower(), client))
            return len(q) >= self.attempts

    def fail(self, username: str, client: str) -> None:
        with self._lock:
            self._prune((username.lower(), client)).append(time.monotonic())

    def succeed(self, username: str, client: str) -> None:
        with self._lock:
            self._failures.pop((username.lower(), client), None)

    def _prune(self, key: tuple[str, str]) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        cutoff = time.monotonic() - self.window
        while q and q[0] < cutoff:
            q.popleft()
        return q
