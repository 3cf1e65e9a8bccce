"""``luoshi link`` and ``luoshi diff``: thin wrappers over ``luoshi.link`` (registered by luoshi.cli)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console

from luoshi.errors import LuoshiError


def _extract(path: Path):
    from luoshi.ingest import read_document
    from luoshi.pipeline import extract_document

    doc = read_document(path)
    return extract_document(doc), doc.text


@click.command("link")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("json", "table", "xlsx")), default="table", show_default=True,
              help="json: the public link shape; table: a readable summary; xlsx: a 落实情况 sheet.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (required for xlsx).")
def link_command(old: Path, new: Path, fmt: str, output: Path | None) -> None:
    """Judge every commitment and target of OLD against the later report NEW.

    Each entry has a status (fulfilled, partial, not_fulfilled, no_evidence), a
    confidence, a readable reason and the evidence spans of NEW, best first. Theme
    sentences (一是…, headings), which are no rows, get a verdict rolled up from the
    rows they head (type 主题; under "themes" in json).
    """
    from luoshi.link import link_reports
    from luoshi.link.render import links_json, print_links, write_links_xlsx

    if fmt == "xlsx" and output is None:
        raise LuoshiError("E013", "--format xlsx needs an output file", "add -o 落实情况.xlsx")
    old_ex, old_text = _extract(old)
    new_ex, new_text = _extract(new)
    links = link_reports(old_ex, old_text, new_ex, new_text, new_doc=str(new), themes=True)
    if fmt == "json":
        payload = json.dumps(links_json(links), ensure_ascii=False, indent=1) + "\n"
        output.write_text(payload, encoding="utf-8") if output else sys.stdout.write(payload)
    elif fmt == "xlsx":
        write_links_xlsx(links, output)  # type: ignore[arg-type]
    else:
        with open(output, "w", encoding="utf-8") if output else _stdout() as fh:
            print_links(links, Console(file=fh, width=160 if output else None))


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="table: carried over / dropped / new; json: the same as data.")
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """List the commitments of OLD carried over into NEW (with the matching pairs), dropped, and new in NEW."""
    from luoshi.link import diff_reports
    from luoshi.link.render import diff_json, print_diff

    result = diff_reports(_extract(old)[0], _extract(new)[0])
    if fmt == "json":
        sys.stdout.write(json.dumps(diff_json(result), ensure_ascii=False, indent=1) + "\n")
    else:
        print_diff(result, Console())


class _stdout:
    """``sys.stdout`` as a context manager that is not closed on exit."""

    def __enter__(self):
        return sys.stdout

    def __exit__(self, *exc) -> None:
        return None
