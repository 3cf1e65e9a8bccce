"""What a batch reads: report files (by folder, glob or name) and corpus files holding
one report per record (JSON Lines or Parquet with a text column).

Sources are listed lazily and cheaply (paths and record counts); a report's bytes are
read one at a time when its turn comes, so memory does not grow with the corpus.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from luoshi.errors import LuoshiError
from luoshi.ingest import DEFAULT_MAX_BYTES

REPORT_EXT = frozenset({".txt", ".text", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm", ".xhtml", ".shtml"})
CORPUS_EXT = frozenset({".jsonl", ".ndjson", ".parquet"})


@dataclass
class Item:
    """One report to extract: ``data`` are the bytes (a file's, or a record's text in
    UTF-8); ``path`` names it in the tables; ``name`` gives the format by extension."""

    id: str
    path: str
    name: str
    data: bytes | None
    sha256: str
    error: LuoshiError | None = None  # the source could not even be read


@dataclass
class Plan:
    files: list[Path]
    corpora: list[Path]

    def count(self, text_field: str) -> int:
        return len(self.files) + sum(_corpus_len(p, text_field) for p in self.corpora)


def plan(paths: list[str]) -> Plan:
    """Expand folders (recursively, report extensions only), globs and file names;
    order is stable (sorted within each argument) so runs list the same items."""
    files: list[Path] = []
    corpora: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        if p in seen:
            return
        seen.add(p)
        (corpora if p.suffix.lower() in CORPUS_EXT else files).append(p)

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            for f in sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in REPORT_EXT | CORPUS_EXT):
                add(f)
        elif p.exists():
            add(p)
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg, recursive=True))
            for m in matches:
                if m.is_file():
                    add(m)
            if not matches:
                raise LuoshiError("E040", f"no files match {arg}", "check the pattern; quote it so the shell does not expand it")
        else:
            add(p)  # a missing file becomes an error row (E001), not the end of the run
    return Plan(files, corpora)


def iter_items(pl: Plan, text_field: str = "text", id_field: str | None = None) -> Iterator[Item]:
    for f in pl.files:
        yield _file_item(f)
    for c in pl.corpora:
        yield from _corpus_items(c, text_field, id_field)


def _file_item(f: Path) -> Item:
    path = f.as_posix()
    try:
        size = f.stat().st_size
        if size > DEFAULT_MAX_BYTES:  # never loaded: the worker's reader says why (E009)
            return Item(path, path, f.name, None, "", LuoshiError(
                "E009", f"{f.name} is {size / 1048576:.1f} MB, over the {DEFAULT_MAX_BYTES / 1048576:.0f} MB limit",
                "a work report is well under 5 MB; split the file if it holds several reports"))
        data = f.read_bytes()
    except FileNotFoundError:
        return Item(path, path, f.name, None, "", LuoshiError("E001", f"file not found: {path}", "check the path"))
    except OSError as exc:
        err = LuoshiError("E014", f"cannot read {path}: {exc.strerror or exc}", "check the file's permissions")
        return Item(path, path, f.name, None, "", err)
    return Item(path, path, f.name, data, hashlib.sha256(data).hexdigest())


def _record_item(corpus: Path, n: int, rec: dict, text_field: str, id_field: str | None) -> Item:
    where = f"{corpus.as_posix()}#{n}"
    rid = str(rec.get(id_field)) if id_field and rec.get(id_field) is not None else where
    text = rec.get(text_field)
    if not isinstance(text, str):
        err = LuoshiError("E041", f"{where}: no text in field {text_field!r}", "name the text column with --text-field")
        return Item(rid, where, rid, None, "", err)
    data = text.encode("utf-8")
    # A record id that looks like a file name (北京市/2015.md) keeps its extension's reader.
    name = rid if Path(rid).suffix.lower() in REPORT_EXT else f"{rid}.txt"
    return Item(rid, where, name, data, hashlib.sha256(data).hexdigest())


def _corpus_items(corpus: Path, text_field: str, id_field: str | None) -> Iterator[Item]:
    if corpus.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(corpus)
        except Exception as exc:  # pyarrow raises several types for a bad file
            yield _corpus_error(corpus, exc)
            return
        columns = [c for c in (text_field, id_field) if c]
        missing = [c for c in columns if c not in pf.schema_arrow.names]
        if missing:
            yield _corpus_error(corpus, f"no column {missing[0]!r}", "E041")
            return
        n = 0
        for batch in pf.iter_batches(batch_size=64, columns=columns):
            for rec in batch.to_pylist():
                yield _record_item(corpus, n, rec, text_field, id_field)
                n += 1
        return
    try:
        fh = open(corpus, encoding="utf-8")
    except OSError as exc:
        yield _corpus_error(corpus, exc)
        return
    with fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                err = LuoshiError("E042", f"{corpus.as_posix()}#{n}: not JSON ({exc.msg})", "one JSON object per line")
                yield Item(f"{corpus.as_posix()}#{n}", f"{corpus.as_posix()}#{n}", corpus.name, None, "", err)
                continue
            if not isinstance(rec, dict):
                rec = {}
            yield _record_item(corpus, n, rec, text_field, id_field)


def _corpus_error(corpus: Path, exc: object, code: str = "E042") -> Item:
    path = corpus.as_posix()
    err = LuoshiError(code, f"{path}: cannot read corpus file ({exc})", "check that it is JSON Lines or Parquet")
    return Item(path, path, corpus.name, None, "", err)


def _corpus_len(corpus: Path, text_field: str) -> int:
    if corpus.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(corpus).metadata.num_rows
        except Exception:
            return 1
    try:
        with open(corpus, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1
