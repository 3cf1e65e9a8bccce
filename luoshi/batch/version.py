"""The engine version a batch row was made with: the package version plus a digest of
the code and rules that decide what is extracted. Change either, and a rerun redoes
every report; change neither, and a rerun skips them all."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from luoshi import __version__

_PKG = Path(__file__).resolve().parents[1]
# What decides the rows: ingest → textmap → structure → extract (+ link for the links table).
_PARTS = ("ingest", "structure", "extract", "link", "rules", "textmap.py", "model.py", "pipeline.py", "batch/rows.py")


@lru_cache(maxsize=1)
def engine_version() -> str:
    digest = hashlib.sha256()
    for part in _PARTS:
        root = _PKG / part
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for f in files:
            if f.suffix in (".py", ".yaml") and f.is_file():
                digest.update(f.relative_to(_PKG).as_posix().encode())
                digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
