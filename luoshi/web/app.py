"""The FastAPI app factory: pages + JSON twins, sessions, CSRF, static assets."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from luoshi import __version__
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.settings import Settings, get_settings
from luoshi.web import errors
from luoshi.web.security import GuardMiddleware, LoginThrottle
from luoshi.web.tracking import ViewCache

STATIC = Path(__file__).resolve().parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready app for ``settings`` (default: the LUOSHI_* environment)."""
    from luoshi.web.routers import ROUTERS

    settings = settings or get_settings()
    app = FastAPI(
        title="luoshi 落实",
        version=__version__,
        description="政府工作报告任务台账。Every page has a JSON twin at the same path with `.json`.",
        docs_url=None,  # Swagger UI loads from a CDN; /api renders the OpenAPI document instead
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    engine = make_engine(settings.database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.throttle = LoginThrottle()
    app.state.view_cache = ViewCache()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key or secrets.token_urlsafe(32),
        session_cookie="luoshi_session",
        same_site="lax",
        https_only=settings.secure_cookies,  # LUOSHI_SECURE_COOKIES=1 when served over TLS
        max_age=12 * 3600,
    )
    app.add_middleware(GuardMiddleware, max_upload_bytes=settings.max_upload_mb * 1024 * 1024)  # outermost
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
