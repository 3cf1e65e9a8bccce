"""Registers the commands of the later stages (link, store, web) on the CLI group.

Each stage keeps its commands beside its code; imports stay inside the functions so
``luoshi extract`` does not pay for the web stack at start-up.
"""

from __future__ import annotations

import click
from rich.console import Console


def register(group: click.Group) -> None:
    from luoshi.link.commands import diff_command, link_command
    from luoshi.store.commands import register as register_store
    from luoshi.web.commands import serve_command

    group.add_command(link_command)
    group.add_command(diff_command)
    group.add_command(serve_command)
    register_store(group)


def serve_demo(console: Console, host: str = "127.0.0.1", port: int = 8000) -> None:
    """The web half of ``luoshi demo``: ingest, link, create demo users, serve on ``host:port``."""
    from luoshi.web.commands import demo_serve

    demo_serve(console, host=host, port=port)
