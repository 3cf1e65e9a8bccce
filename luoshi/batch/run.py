"""``luoshi batch``: a corpus in, tidy Parquet tables out (see ``luoshi.batch``)."""

from __future__ import annotations

import secrets
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

import pyarrow as pa
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from luoshi.batch import sources
from luoshi.batch.executors import DaskExecutor, Retry, SerialExecutor, executor
from luoshi.batch.links import chains, consecutive_pairs, load_item
from luoshi.batch.rows import EXTRACTION_TABLES, to_table
from luoshi.batch.sources import Item
from luoshi.batch.store import OutDir
from luoshi.batch.version import engine_version
from luoshi.batch.work import ChunkResult, Result, extract_chunk, extract_item, link_chain
from luoshi.errors import LuoshiError

LINK_MODES = ("consecutive",)


@dataclass
class Summary:
    files: int = 0  # listed
    extracted: int = 0
    skipped: int = 0  # already in OUT with the same sha256 and engine version
    errors: Counter[str] = field(default_factory=Counter)
    bytes: int = 0  # of the reports extracted in this run
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # summed over workers, extraction only
    links: int = 0
    executor: str = ""
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker (host:pid)

    @property
    def mb(self) -> float:
        return self.bytes / 1e6

    def lines(self) -> list[str]:
        rate = f"{self.mb / self.seconds:.2f} MB/s" if self.seconds > 0 else "-"
        out = [
            f"{self.files} files · {self.extracted} extracted · {self.skipped} unchanged (skipped) · "
            f"{sum(self.errors.values())} errors",
            f"{self.mb:.1f} MB in {self.seconds:.1f} s ({rate}) on {self.executor}",
        ]
        if self.errors:
            out.append("errors by code: " + ", ".join(f"{c} ×{n}" for c, n in sorted(self.errors.items())))
        if self.links:
            out.append(f"{self.links} report pairs linked")
        if self.peak_rss_mb:
            out.append("peak RSS per worker: " + ", ".join(f"{v:.0f} MB" for v in sorted(self.peak_rss_mb.values())))
        return out


def _crash_result(item: Item, exc: BaseException) -> Result:
    err = LuoshiError("E043", f"{item.path}: the worker failed ({type(exc).__name__}: {exc})",
                      "please report this file; the rest of the batch went on")
    row = {"id": item.id, "path": item.path, "sha256": item.sha256, "engine_version": engine_version(),
           "code": err.code, "message": err.message}
    return Result(item.id, rows={"errors": [row]}, error_code=err.code)


def _progress(console: Console, show: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=console, disable=not show, transient=False,
    )


class _Chunker:
    """Buffers results as Arrow tables (compact, unlike row dicts) and writes a chunk every
    ``size`` reports."""

    def __init__(self, store: OutDir, size: int, tables: tuple[str, ...]) -> None:
        self.store, self.size, self.tables = store, size, tables
        self.parts: dict[str, list[pa.Table]] = {}
        self.count = 0

    def add(self, result: Result) -> None:
        for name, rows in result.rows.items():
            table = rows if isinstance(rows, pa.Table) else to_table(name, rows)
            if table.num_rows:
                self.parts.setdefault(name, []).append(table)
        self.count += 1
        if self.count >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.count:
            self.store.write_chunk(self.parts, self.tables)
        self.parts, self.count = {}, 0


def run_batch(
    paths: list[str],
    out: str | Path,
    *,
    workers: int = 0,
    scheduler: str | None = None,
    text_field: str = "text",
    id_field: str | None = None,
    link: str | None = None,
    chunk_size: int = 100,
    console: Console | None = None,
    progress: bool = True,
) -> Summary:
    if link is not None and link not in LINK_MODES:
        raise LuoshiError("E013", f"unknown --link mode {link!r}", f"use one of: {', '.join(LINK_MODES)}")
    if chunk_size < 1:
        raise LuoshiError("E013", "--chunk-size must be at least 1", "the default is 100 reports per chunk")
    console = console or Console(stderr=True)
    t0 = time.perf_counter()
    plan = sources.plan(paths)
    total = plan.count(text_field)
    store = OutDir(Path(out))
    done = store.done_keys()
    version = engine_version()
    summary = Summary(files=total)

    def todo(bar: Progress, task: int) -> Iterator[Item]:
        for item in sources.iter_items(plan, text_field, id_field):
            if (item.id, item.sha256, version) in done:
                summary.skipped += 1
                bar.advance(task)
                continue
            yield item

    with ExitStack() as stack:
        bar = stack.enter_context(_progress(console, progress))
        task = bar.add_task("luoshi batch", total=total, rate="")

        def start():  # a cluster starts only when there is work (a no-change rerun needs none)
            ex = stack.enter_context(executor(workers, scheduler))
            summary.executor = ex.description
            return ex

        pending = todo(bar, task)
        first = next(pending, None)
        ex = None
        if first is not None:
            ex = start()
            started = time.perf_counter()

            def advance(n: int) -> None:
                elapsed = time.perf_counter() - started
                bar.update(task, advance=n, rate=f"{summary.bytes / 1e6 / elapsed:.2f} MB/s" if elapsed else "")

            if isinstance(ex, SerialExecutor):
                _extract_serial(store, ex, chain([first], pending), chunk_size, summary, advance)
            else:
                size = min(chunk_size, max(1, -(-total // (16 * ex.workers))))  # ≥ 16 chunks per worker
                _extract_parallel(store, ex, chain([first], pending), size, summary, advance)
        if link == "consecutive":
            _link_phase(store, lambda: ex or start(), bar, summary, version, text_field, id_field)
    summary.executor = summary.executor or "nothing to do"
    summary.seconds = time.perf_counter() - t0
    return summary


def _extract_serial(store: OutDir, ex: SerialExecutor, items: Iterator[Item], chunk_size: int, summary: Summary,
                    advance: Callable[[int], None]) -> None:
    """In this process: results buffered here and written a chunk at a time."""
    chunker = _Chunker(store, chunk_size, EXTRACTION_TABLES)
    try:
        for result in ex.map(extract_item, items, _crash_result):
            chunker.add(result)
            _tally(summary, result)
            summary.extracted += result.error_code is None
            advance(1)
    finally:
        chunker.flush()  # an interrupted run keeps every finished report


def _extract_parallel(store: OutDir, ex: DaskExecutor, items: Iterator[Item], size: int, summary: Summary,
                      advance: Callable[[int], None]) -> None:
    """One task per chunk of ``size`` reports: the worker extracts them and writes the chunk
    into OUT itself (temporary names, renamed, the reports file last), then sends back
    counts only, so this process never receives, decodes or re-encodes rows. A worker that
    cannot see OUT (another machine, no shared filesystem) sends the chunk's Parquet files
    as bytes and this process writes them."""
    probe = f".probe-{secrets.token_hex(8)}"  # a dot-file: removed by the next run if left over
    (store.root / "reports" / probe).touch()
    tasks = ((chunk, store.reserve(), str(store.root.resolve()), probe) for chunk in batched(items, size))

    def crashed(args: tuple, exc: BaseException) -> Retry | ChunkResult:
        chunk = args[0]
        store.discard(args[1])  # the worker may have died halfway through writing it
        if len(chunk) > 1:  # run its reports one by one, so one bad report costs only itself
            return Retry(([item], store.reserve(), *args[2:]) for item in chunk)
        result = _crash_result(chunk[0], exc)
        store.write_chunk({n: [to_table(n, rows)] for n, rows in result.rows.items()}, EXTRACTION_TABLES)
        return ChunkResult(args[1], reports=1, nbytes=len(chunk[0].data or b""), error_codes=[result.error_code or ""])

    try:
        for res in ex.map(extract_chunk, tasks, crashed, window=2 * ex.workers + 1, star=True):
            if res.files is not None:
                store.write_chunk_bytes(res.chunk, res.files)
            summary.bytes += res.nbytes
            summary.cpu_seconds += res.cpu_seconds
            summary.errors.update(res.error_codes)
            summary.extracted += res.reports - len(res.error_codes)
            if res.worker:
                summary.peak_rss_mb[res.worker] = max(summary.peak_rss_mb.get(res.worker, 0.0), res.peak_rss_mb)
            advance(res.reports)
    finally:
        (store.root / "reports" / probe).unlink(missing_ok=True)


def batched(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _tally(summary: Summary, result: Result) -> None:
    summary.bytes += result.nbytes
    summary.cpu_seconds += result.cpu_seconds
    if result.error_code:
        summary.errors[result.error_code] += 1
    if result.worker:
        summary.peak_rss_mb[result.worker] = max(summary.peak_rss_mb.get(result.worker, 0.0), result.peak_rss_mb)


def _link_phase(store: OutDir, get_executor, bar: Progress, summary: Summary, version: str, text_field: str,
                id_field: str | None) -> None:
    done = store.done_links()
    pairs = [p for p in consecutive_pairs(store.read("reports")) if (p[0]["sha256"], p[1]["sha256"], version) not in done]
    if not pairs:
        return
    ex = get_executor()
    task = bar.add_task("links", total=len(pairs), rate="")
    chunker = _Chunker(store, 50, ("errors", "links", "reports"))

    def items() -> Iterator[list[Item]]:
        for chain in chains(pairs):
            yield [load_item(row, text_field, id_field) for row in chain]

    try:
        for results in ex.map(link_chain, items(), _crash_chain):
            for result in results:
                chunker.add(result)
                if result.error_code:
                    summary.errors[result.error_code] += 1
                else:
                    summary.links += 1
                bar.advance(task)
    finally:
        chunker.flush()


def _crash_chain(chain: list[Item], exc: BaseException) -> list[Result]:
    return [_crash_result(Item(f"{old.id} -> {new.id}", f"{old.path} -> {new.path}", "", None,
                               f"{old.sha256}:{new.sha256}"), exc) for old, new in zip(chain, chain[1:])]
