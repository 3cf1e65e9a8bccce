"""The ``luoshi`` command: thin wrappers over the library; ``--help`` is documentation."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console

from luoshi import __version__
from luoshi.errors import LuoshiError

FORMATS = ("json", "table", "csv", "xlsx")


class LuoshiGroup(click.Group):
    """Turns expected failures into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        from luoshi.cli_errors import print_error, silence_stdout, translate

        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk or closed pipe shows here, not at interpreter exit
            return result
        except LuoshiError as exc:
            print_error(exc)
            silence_stdout()
            sys.exit(2)
        except BrokenPipeError:
            silence_stdout()
            sys.exit(0)
        except Exception as exc:  # noqa: BLE001 - expected environment failures get a code, bugs re-raise
            coded = translate(exc)
            if coded is None:
                raise
            print_error(coded)
            silence_stdout()
            sys.exit(2)


@click.group(cls=LuoshiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="luoshi")
def main() -> None:
    """落实 luoshi: government work reports → indicators, commitments, ledger, verdicts."""


@main.command("text")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--encoding", help="Force a text encoding (e.g. gb18030) instead of detecting it.")
def text_command(file: Path, encoding: str | None) -> None:
    """Print the exact text that all offsets of FILE refer to."""
    from luoshi.ingest import read_document

    doc = read_document(file, encoding=encoding)
    sys.stdout.write(doc.text)


@main.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="json: the public record shape; table: a readable summary; csv/xlsx: the 任务分解表.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (required for xlsx; default stdout for json/table/csv).")
@click.option("--encoding", help="Force a text encoding (e.g. gb18030) instead of detecting it.")
@click.option("--departments", "departments", metavar="FILE|district|city|national",
              help="Units list for owners: a YAML file, or a shipped list by level (default: chosen by the report's level).")
def extract_command(file: Path, fmt: str, output: Path | None, encoding: str | None, departments: str | None) -> None:
    """Extract structure, indicators and commitments from FILE (txt, docx, pdf, html)."""
    from luoshi.export import rows_from_extraction, write_csv, write_csv_stream, write_xlsx
    from luoshi.pipeline import extract_file

    ex = extract_file(file, encoding=encoding, departments=departments)
    if fmt == "json":
        payload = json.dumps(ex.to_dict(), ensure_ascii=False, indent=1)
        _emit(payload + "\n", output)
    elif fmt == "table":
        from luoshi.summary import print_extraction

        if output is None:
            print_extraction(ex, Console(), name=file.name, detail=True)
        else:
            with open(output, "w", encoding="utf-8") as fh:
                print_extraction(ex, Console(file=fh, width=140), name=file.name, detail=True)
    elif fmt == "csv":
        if output is None:
            write_csv_stream(rows_from_extraction(ex), sys.stdout, lineterminator="\n")
        else:
            write_csv(rows_from_extraction(ex), output)
    else:
        if output is None:
            raise LuoshiError("E013", "--format xlsx needs an output file", "add -o 任务分解表.xlsx")
        write_xlsx(rows_from_extraction(ex), output, title=f"{ex.report.title or file.stem} 任务分解表")


def _emit(payload: str, output: Path | None) -> None:
    if output:
        output.write_text(payload, encoding="utf-8")
    else:
        sys.stdout.write(payload)


@main.command("demo")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="Folder for the 任务分解表 xlsx files.")
@click.option("--no-serve", is_flag=True, help="Only extract and summarise; do not start the web app.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: all interfaces).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
def demo_command(out_dir: Path, no_serve: bool, host: str, port: int) -> None:
    """Extract the bundled sample reports, summarise them, write their 任务分解表, then serve the linked ledger."""
    from luoshi.demo import run_demo

    run_demo(out_dir, serve=not no_serve, host=host, port=port)


@main.command("batch")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Output folder: one sub-folder of Parquet files per table.")
@click.option("--workers", type=int, default=0, show_default=True,
              help="Worker processes on a local Dask cluster (0 or 1: serial, in this process).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Run on an existing Dask cluster instead.")
@click.option("--text-field", default="text", show_default=True, help="Text column of JSON Lines / Parquet corpora.")
@click.option("--id-field", help="Id column of JSON Lines / Parquet corpora (default: file#record).")
@click.option("--link", type=click.Choice(["consecutive"]),
              help="Also link each report to the next year's report of its region (table links).")
@click.option("--chunk-size", type=int, default=100, show_default=True, help="Reports per Parquet chunk (with workers, at most 1/16 of the reports per worker, so all keep busy).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch_command(paths: tuple[str, ...], out_dir: Path, workers: int, scheduler: str | None, text_field: str,
                  id_field: str | None, link: str | None, chunk_size: int, quiet: bool) -> None:
    """Extract every report in PATHS (folders, globs, files; .jsonl/.parquet corpora) into
    Parquet tables reports, sections, indicators, commitments, links, errors. A rerun skips
    reports already done (same sha256 and engine version)."""
    from luoshi.batch import run_batch

    console = Console(stderr=True)
    summary = run_batch(list(paths), out_dir, workers=workers, scheduler=scheduler, text_field=text_field,
                        id_field=id_field, link=link, chunk_size=chunk_size, console=console, progress=not quiet)
    for line in summary.lines():
        console.print(line, highlight=False)


@main.command("panel")
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option("--metric", default="地区生产总值", show_default=True,
              help="Metric (any synonym in rules/zh/synonyms.yaml: 全市生产总值, GDP, 经济增长 …).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "xlsx"]), default="csv", show_default=True,
              help="csv (UTF-8; with a BOM in a file, for Excel), parquet or xlsx.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (default: CSV to stdout).")
def panel_command(out_dir: Path, metric: str, fmt: str, output: Path | None) -> None:
    """One row per region and year from `luoshi batch` tables in OUT_DIR: the metric's
    growth target and the actual the next year's report gives (met / not_met / no_evidence)."""
    from luoshi.batch.panel import build_panel, write_panel

    write_panel(build_panel(out_dir, metric), fmt, output, sys.stdout)


def _register_optional() -> None:
    """Commands of later pipeline stages live beside their stage."""
    from luoshi.commands import register

    register(main)


_register_optional()

if __name__ == "__main__":  # pragma: no cover
    main()
