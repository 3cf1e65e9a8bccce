"""Registers the commands of the later stages (link, store, web) on the CLI group."""

from __future__ import annotations

import click
from rich.console import Console


def register(group: click.Group) -> None:
    """Add each stage's commands; each stage keeps its commands beside its code."""


def serve_demo(console: Console) -> None:
    console.print("网页应用尚未安装：仅完成抽取与导出。")
