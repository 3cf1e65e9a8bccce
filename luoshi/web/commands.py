"""``luoshi serve`` and the web half of ``luoshi demo``."""

from __future__ import annotations

import errno
import socket

import click
from rich.console import Console
from rich.table import Table

from luoshi.errors import LuoshiError
from luoshi.store.settings import Settings, get_settings

HOST_HELP = "Address to listen on (0.0.0.0: all interfaces)."


def check_port(host: str, port: int) -> None:
    """Fail with one coded line (E130) when ``host:port`` is taken, before the app starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is not "taken"
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise LuoshiError("E130", f"cannot listen on {host}:{port}: {exc.strerror}",
                                  f"another program uses the port; try --port {port + 1}") from exc
            raise LuoshiError("E130", f"cannot listen on {host}:{port}: {exc.strerror}", "check --host") from exc


def _run(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from sqlalchemy.exc import SQLAlchemyError

    from luoshi.store.db import make_engine
    from luoshi.store.errors import SchemaError
    from luoshi.store.migrate import is_current, upgrade
    from luoshi.store.roles import PRIVILEGE_HINT, lacks_privilege
    from luoshi.web.app import create_app

    check_port(host, port)
    engine = make_engine(settings.database_url)
    if not is_current(engine):
        if settings.migrate_url:  # two roles: the app's role may not change the schema
            raise SchemaError("the database is not at the latest schema", "run `luoshi db upgrade` (it uses LUOSHI_MIGRATE_URL)")
        try:
            upgrade(engine)  # a fresh working folder just works; an existing database is brought to head
        except SQLAlchemyError as exc:
            if lacks_privilege(exc):
                raise LuoshiError("E157", "this database role may not change the schema", PRIVILEGE_HINT) from None
            raise
    engine.dispose()
    # X-Forwarded-For is believed only from LUOSHI_TRUSTED_PROXIES (security.client_address), not by uvicorn
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help=HOST_HELP)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--database-url", envvar="LUOSHI_DATABASE_URL", help="SQLAlchemy URL (default sqlite:///luoshi.db in the working folder).")
@click.option("--public", is_flag=True, help="Public read-only mode: anonymous visitors may read; internal notes stay hidden.")
def serve_command(host: str, port: int, database_url: str | None, public: bool) -> None:
    """Serve the ledger web app and its JSON API (OpenAPI at /openapi.json, docs at /api)."""
    settings = get_settings().model_copy(update={k: v for k, v in
                                                 {"database_url": database_url, "public_mode": public or None}.items() if v})
    _run(settings, host, port)


def demo_urls(base: str, demo) -> list[tuple[str, str]]:
    """(label, URL) of the pages that tell the demo's story: this year's ledger, last year's verdicts, the diff."""
    urls = [("总览 overview", f"{base}/")]
    for old, new in demo.pairs:
        urls.append(("落实评价 verdicts", f"{base}/reports/{old}/verdicts"))
        urls.append(("报告对比 diff", f"{base}/reports/{old}/diff/{new}"))
    if demo.region_id is not None:
        urls.append(("地区 region", f"{base}/regions/{demo.region_id}"))
    return urls


def demo_serve(console: Console, db_url: str = "sqlite:///luoshi-demo.db", host: str = "127.0.0.1", port: int = 8000,
               serve: bool = True):
    """Ingest and link the examples into ``db_url``, seed demo progress, print logins and URLs, then serve.

    The app runs in public read-only mode (anyone may read, as the public would) and opens
    as of DEMO_AS_OF, a day inside the newer report's plan year.
    """
    from luoshi.web.demo import DEMO_AS_OF, DEMO_LABEL, prepare_demo

    if serve:
        check_port(host, port)  # before the slow part: a taken port fails in a second
    demo = prepare_demo(db_url)
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    table = Table(title=f"演示账号 demo logins — {base}/login")
    for col in ("用户名", "密码", "角色"):
        table.add_column(col)
    for row in demo.logins:
        table.add_row(*row)
    console.print(table)
    for label, url in demo_urls(base, demo):
        console.print(f"{label:<20} {url}")
    console.print(f"截至 as of {DEMO_AS_OF.isoformat()}；进展记录为演示数据（标注“{DEMO_LABEL}”）。")
    if serve:
        settings = get_settings().model_copy(update={"database_url": db_url, "as_of": DEMO_AS_OF, "public_mode": True})
        _run(settings, host, port)
    return demo
