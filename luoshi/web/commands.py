"""``luoshi serve`` and the web half of ``luoshi demo``."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from luoshi.store.settings import Settings, get_settings


def _run(settings: Settings, host: str, port: int) -> None:
    import uvicorn

    from luoshi.store.db import make_engine
    from luoshi.store.migrate import upgrade
    from luoshi.web.app import create_app

    engine = make_engine(settings.database_url)
    upgrade(engine)  # a fresh working folder just works; an existing database is brought to head
    engine.dispose()
    # X-Forwarded-For is believed only from LUOSHI_TRUSTED_PROXIES (security.client_address), not by uvicorn
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: all interfaces).")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--database-url", envvar="LUOSHI_DATABASE_URL", help="SQLAlchemy URL (default sqlite:///luoshi.db in the working folder).")
@click.option("--public", is_flag=True, help="Public read-only mode: anonymous visitors may read; internal notes stay hidden.")
def serve_command(host: str, port: int, database_url: str | None, public: bool) -> None:
    """Serve the ledger web app and its JSON API (OpenAPI at /openapi.json, docs at /api)."""
    settings = get_settings().model_copy(update={k: v for k, v in
                                                 {"database_url": database_url, "public_mode": public or None}.items() if v})
    _run(settings, host, port)


def demo_serve(console: Console, db_url: str = "sqlite:///luoshi-demo.db", host: str = "127.0.0.1", port: int = 8000,
               serve: bool = True) -> list[tuple[str, str, str]]:
    """Ingest the examples into ``db_url``, create demo users, print the logins, then serve."""
    from luoshi.web.demo import prepare_demo

    logins = prepare_demo(db_url)
    table = Table(title=f"演示账号 demo logins — http://{host}:{port}/")
    for col in ("用户名", "密码", "角色"):
        table.add_column(col)
    for row in logins:
        table.add_row(*row)
    console.print(table)
    if serve:
        _run(get_settings().model_copy(update={"database_url": db_url}), host, port)
    return logins
