"""Typed dependencies: the request's database session, the current user, role checks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form, Request
from sqlalchemy.orm import Session

from luoshi.store.models import User
from luoshi.store.settings import Settings
from luoshi.web.security import CSRF_HEADER, csrf_valid, session_generation


class LoginRequired(Exception):
    """Raised for an anonymous visitor on a page that needs a login."""


class Forbidden(Exception):
    """Raised when the logged-in user's role may not see or do this."""


class WebError(Exception):
    """An expected failure with an HTTP status and an optional message key (i18n)."""

    def __init__(self, status_code: int, detail_key: str | None = None, detail: str | None = None) -> None:
        self.status_code = status_code
        self.detail_key = detail_key
        self.detail = detail
        super().__init__(detail or detail_key or str(status_code))


@dataclass(frozen=True)
class Viewer:
    id: int
    username: str
    role: str
    department_id: int | None
    department: str | None

    @classmethod
    def of(cls, user: User) -> "Viewer":
        return cls(user.id, user.username, user.role, user.department_id, user.department.name if user.department else None)


def get_db(request: Request) -> Iterator[Session]:
    """One session per request; writes commit explicitly before they answer."""
    with request.app.state.sessionmaker() as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SessionDep = Annotated[Session, Depends(get_db, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def optional_user(request: Request, session: SessionDep) -> User | None:
    uid = request.session.get("uid")
    user = session.get(User, uid) if isinstance(uid, int) else None
    if user is not None and (not user.active or request.session.get("gen") != session_generation(session, user.id)):
        user = None  # disabled, or the session was revoked (logout, password or role change)
        request.session.clear()
    # Templates (and error pages rendered after a rollback) get a detached snapshot.
    request.state.user = Viewer.of(user) if user is not None else None
    return user


def reader(request: Request, user: Annotated[User | None, Depends(optional_user)]) -> User | None:
    """Anyone logged in may read; anonymous visitors only in public read-only mode."""
    if user is None and not request.app.state.settings.public_mode:
        raise LoginRequired()
    return user


def logged_in(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """Any logged-in user, whatever the public mode (uploaded evidence, for one)."""
    if user is None:
        raise LoginRequired()
    return user


def writer(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """Any logged-in user except viewers may write (the store checks which items)."""
    if user is None:
        raise LoginRequired()
    if user.role == "viewer":
        raise Forbidden()
    return user


def office(user: Annotated[User | None, Depends(optional_user)]) -> User:
    """Admins and supervisors: assignments, deadlines, verdicts."""
    if user is None:
        raise LoginRequired()
    if user.role not in ("admin", "supervisor"):
        raise Forbidden()
    return user


ReaderDep = Annotated[User | None, Depends(reader)]
LoginDep = Annotated[User, Depends(logged_in)]
WriterDep = Annotated[User, Depends(writer)]
OfficeDep = Annotated[User, Depends(office)]


def csrf_checked(request: Request, csrf_token: Annotated[str | None, Form()] = None) -> None:
    """Every write carries the session's token: a form field, or the X-CSRF-Token header."""
    if not csrf_valid(request, csrf_token or request.headers.get(CSRF_HEADER)):
        raise WebError(403, "csrf_failed")


CsrfDep = Annotated[None, Depends(csrf_checked)]
