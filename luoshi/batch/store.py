"""The output folder: one sub-folder of Parquet chunk files per table.

A chunk is written table by table, each file under a temporary dot-name first and
renamed into place (a rename is atomic), ``reports`` last: the reports file is the
chunk's commit mark. On opening, chunk files of other tables whose reports file
never appeared (a run killed mid-chunk) and stray temporary files are removed, so a
killed run leaves only whole chunks and a rerun redoes exactly the missing reports.

Readers see plain Parquet: ``duckdb.sql("select * from 'OUT/indicators/*.parquet'")``
or ``pyarrow.dataset.dataset("OUT/indicators")`` (dot-files are skipped by both).
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from luoshi.batch.rows import SCHEMAS, SORT_KEYS, to_table
from luoshi.errors import LuoshiError

_PART = re.compile(r"^part-(?P<chunk>[0-9a-z]+-\d+)\.parquet$")


class OutDir:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        try:
            for name in SCHEMAS:
                (self.root / name).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LuoshiError("E044", f"cannot create output folder {root}: {exc.strerror or exc}",
                              "choose a folder you can write to") from None
        self.run = f"{time.strftime('%Y%m%d%H%M%S')}{secrets.token_hex(2)}"
        self.seq = 0
        self._recover()

    def _recover(self) -> None:
        committed = {m.group("chunk") for f in (self.root / "reports").iterdir() if (m := _PART.match(f.name))}
        for name in SCHEMAS:
            for f in (self.root / name).iterdir():
                m = _PART.match(f.name)
                if f.name.startswith(".") or (m and name != "reports" and m.group("chunk") not in committed):
                    f.unlink(missing_ok=True)

    def done_keys(self) -> set[tuple[str, str, str]]:
        """(id, sha256, engine version) of every report already extracted or refused."""
        keys: set[tuple[str, str, str]] = set()
        for name in ("reports", "errors"):
            t = self.read(name, columns=["id", "sha256", "engine_version"], sort=False)
            keys.update(zip(*(t.column(c).to_pylist() for c in ("id", "sha256", "engine_version"))))
        return keys

    def done_links(self) -> set[tuple[str, str, str]]:
        t = self.read("links", columns=["sha256", "next_sha256", "engine_version"], sort=False)
        return set(zip(*(t.column(c).to_pylist() for c in ("sha256", "next_sha256", "engine_version"))))

    def reserve(self) -> str:
        """A new chunk id of this run (the writer of the chunk may be a worker process)."""
        chunk = f"{self.run}-{self.seq:05d}"
        self.seq += 1
        return chunk

    def write_chunk(self, parts: dict[str, list[pa.Table]], tables: tuple[str, ...]) -> str:
        """Write one chunk of every table in ``tables`` (commit mark last); returns its id."""
        chunk = self.reserve()
        write_chunk(self.root, chunk, {name: concat(name, parts.get(name)) for name in tables})
        return chunk

    def discard(self, chunk: str) -> None:
        """Remove whatever a failed task wrote of ``chunk``: its commit mark first."""
        for name in sorted(SCHEMAS, key=lambda n: n != "reports"):
            (self.root / name / f"part-{chunk}.parquet").unlink(missing_ok=True)

    def write_chunk_bytes(self, chunk: str, files: dict[str, bytes]) -> None:
        """Write a chunk a worker encoded (``parquet_bytes``) but could not write itself."""
        for name in sorted(files, key=lambda n: n == "reports"):  # the commit mark last
            _commit(self.root / name / f"part-{chunk}.parquet", lambda tmp, data=files[name]: tmp.write_bytes(data))

    def read(self, name: str, columns: list[str] | None = None, sort: bool = True) -> pa.Table:
        return read_parts(self.root, name, columns, sort)


def concat(name: str, tables: list[pa.Table] | None) -> pa.Table:
    return pa.concat_tables(tables) if tables else to_table(name, [])


def write_chunk(root: Path, chunk: str, tables: dict[str, pa.Table]) -> None:
    """Write chunk ``chunk`` of each table under ``root``, each file under a temporary
    dot-name renamed into place, ``reports`` (the commit mark) last. Plain function of its
    arguments: a worker process that sees ``root`` writes its own chunks with it."""
    for name in sorted(tables, key=lambda n: n == "reports"):
        _commit(root / name / f"part-{chunk}.parquet",
                lambda tmp, t=tables[name]: pq.write_table(t, tmp, compression="zstd"))


def parquet_bytes(table: pa.Table) -> bytes:
    """The Parquet file of ``table`` (as ``write_chunk`` writes it) in memory: what a worker
    that cannot see OUT sends back instead of the table itself."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def _commit(target: Path, write) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    write(tmp)
    os.replace(tmp, target)


def read_parts(root: Path, name: str, columns: list[str] | None = None, sort: bool = True) -> pa.Table:
    """All chunks of one table, in a stable order (see ``SORT_KEYS``)."""
    files = sorted((root / name).glob("part-*.parquet"))
    schema = SCHEMAS[name] if not columns else pa.schema([SCHEMAS[name].field(c) for c in columns])
    parts = [pq.read_table(f, columns=columns).cast(schema) for f in files]
    table = pa.concat_tables(parts) if parts else schema.empty_table()
    if sort:
        keys = [k for k in SORT_KEYS[name] if k in schema.names]
        table = table.sort_by([(k, "ascending") for k in keys])
    return table


def read_table(out: str | Path, name: str) -> pa.Table:
    """One batch table from an output folder, sorted stably (for comparisons and panels)."""
    root = Path(out)
    if not (root / "reports").is_dir():
        raise LuoshiError("E046", f"{out} holds no batch tables", "run `luoshi batch PATH… -o OUT/` first")
    return read_parts(root, name)
