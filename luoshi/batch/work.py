"""The unit of work a batch worker runs: one report's bytes in, its table rows out.

Plain functions of plain data, so a Dask worker on another machine runs them
without a shared filesystem (the bytes travel with the task) and without the driver's
state. Nothing here raises: a bad report comes back as an ``errors`` row.
"""

from __future__ import annotations

import os
import resource
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from luoshi.batch.rows import extraction_rows, link_rows, to_table
from luoshi.batch.sources import Item
from luoshi.batch.version import engine_version
from luoshi.errors import LuoshiError


@dataclass
class Result:
    id: str
    # Table name -> rows, as Arrow tables from a worker (built there, so the process that
    # writes OUT only concatenates) or as row dicts.
    rows: dict[str, Any] = field(default_factory=dict)
    nbytes: int = 0
    error_code: str | None = None
    worker: str = ""  # host:pid, to report memory per worker
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0  # of this report in its worker's thread (wall time suffers from a busy machine)


def _worker_stamp(result: Any, cpu0: float | None = None) -> Any:
    if cpu0 is not None:
        result.cpu_seconds = time.thread_time() - cpu0
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return result


def _error_row(item: Item, err: LuoshiError, version: str) -> dict[str, Any]:
    return {"id": item.id, "path": item.path, "sha256": item.sha256, "engine_version": version,
            "code": err.code, "message": err.message}


def extract_item(item: Item) -> Result:
    """Extract one report; its reports row, section/indicator/commitment rows, or one
    errors row."""
    from luoshi.ingest import read_bytes
    from luoshi.pipeline import extract_document

    version = engine_version()
    result = Result(item.id, nbytes=len(item.data or b""))
    t0, cpu0 = time.perf_counter(), time.thread_time()
    try:
        if item.error is not None:
            raise item.error
        assert item.data is not None
        doc = read_bytes(item.data, item.name)
        doc.path = item.id if "#" in item.path else item.path  # the path metadata may be inferred from
        ex = extract_document(doc)
    except LuoshiError as err:
        result.error_code = err.code
        result.rows = {"errors": [_error_row(item, err, version)]}
        return _worker_stamp(result, cpu0)
    except Exception as exc:  # an engine bug on one report must not end a corpus run
        err = LuoshiError("E043", f"{item.path}: extraction failed ({type(exc).__name__}: {exc})",
                          "please report this file; the rest of the batch went on")
        result.error_code = err.code
        result.rows = {"errors": [_error_row(item, err, version)]}
        return _worker_stamp(result)
    m = ex.report
    rows = extraction_rows(item.id, ex)
    rows["reports"] = [{
        "id": item.id, "path": item.path, "sha256": item.sha256, "engine_version": version, "format": doc.format,
        "title": m.title, "region": m.region, "level": getattr(m, "level", None), "year": m.year, "date": m.date,
        "speaker": m.speaker, "session": m.session,
        "region_inferred": "region" in getattr(m, "inferred", ()), "year_inferred": "year" in getattr(m, "inferred", ()),
        "chars": m.chars, "sections": len(ex.sections), "indicators": len(ex.indicators),
        "commitments": len(ex.commitments), "seconds": round(time.perf_counter() - t0, 4),
    }]
    result.rows = {name: to_table(name, r) for name, r in rows.items()}
    return _worker_stamp(result, cpu0)


def link_chain(chain: list[Item]) -> list[Result]:
    """Link each report of ``chain`` (one region's reports of consecutive years, oldest
    first) to the next one: one result per pair. Every report is read and extracted once,
    however many pairs it belongs to (the middle ones belong to two)."""
    from luoshi.ingest import read_bytes
    from luoshi.link import link_reports
    from luoshi.pipeline import extract_document

    version = engine_version()
    extracted: list[tuple[Any, str] | Exception] = []
    for item in chain:
        try:
            if item.error is not None:
                raise item.error
            doc = read_bytes(item.data or b"", item.name)
            doc.path = item.id if "#" in item.path else item.path
            extracted.append((extract_document(doc), doc.text))
        except Exception as exc:  # noqa: BLE001 - a failure is an error row of each pair it is in
            extracted.append(exc)
    results = []
    for (old, new), got_old, got_new in zip(zip(chain, chain[1:]), extracted, extracted[1:]):
        result = Result(f"{old.id} -> {new.id}", nbytes=len(old.data or b"") + len(new.data or b""))
        try:
            for got in (got_old, got_new):
                if isinstance(got, Exception):
                    raise got
            links = link_reports(got_old[0], got_old[1], got_new[0], got_new[1], new_doc=new.id, themes=True)
        except Exception as exc:  # noqa: BLE001 - a linker failure is one error row
            code = exc.code if isinstance(exc, LuoshiError) else "E043"
            err = LuoshiError(code, f"{old.path} -> {new.path}: linking failed ({exc})", "the extraction rows stand")
            result.error_code = code
            result.rows = {"errors": [_error_row(Item(result.id, result.id, "", None, f"{old.sha256}:{new.sha256}"),
                                                 err, version)]}
            results.append(_worker_stamp(result))
            continue
        result.rows = {"links": link_rows(old.id, new.id, links, old.sha256, new.sha256, version)}
        results.append(_worker_stamp(result))
    return results


@dataclass
class ChunkResult:
    """What a worker sends back for a chunk of reports: counts, not rows. The rows went
    to OUT from the worker itself; ``files`` (Parquet bytes per table) only when the worker
    could not see OUT (a cluster without a shared filesystem), for the driver to write."""

    chunk: str
    reports: int = 0
    nbytes: int = 0
    error_codes: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0
    worker: str = ""
    peak_rss_mb: float = 0.0
    files: dict[str, bytes] | None = None


def extract_chunk(items: list[Item], chunk: str, out: str | None, probe: str | None) -> ChunkResult:
    """Extract ``items`` and write them as chunk ``chunk`` of OUT: into ``out`` directly when
    this worker sees the driver's probe file there (same machine or shared filesystem),
    else as Parquet bytes in the result."""
    from luoshi.batch.rows import EXTRACTION_TABLES
    from luoshi.batch.store import concat, parquet_bytes, write_chunk

    parts: dict[str, list[Any]] = {}
    summary = ChunkResult(chunk)
    for item in items:
        result = extract_item(item)
        for name, rows in result.rows.items():
            table = rows if isinstance(rows, pa.Table) else to_table(name, rows)
            if table.num_rows:
                parts.setdefault(name, []).append(table)
        summary.reports += 1
        summary.nbytes += result.nbytes
        summary.cpu_seconds += result.cpu_seconds
        if result.error_code:
            summary.error_codes.append(result.error_code)
    tables = {name: concat(name, parts.get(name)) for name in EXTRACTION_TABLES}
    root = Path(out) if out else None
    if root is not None and probe and (root / "reports" / probe).exists():
        write_chunk(root, chunk, tables)
    else:
        summary.files = {name: parquet_bytes(t) for name, t in tables.items()}
    _worker_stamp(summary)
    return summary
