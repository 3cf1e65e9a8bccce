from __future__ import annotations

from pathlib import Path

from luoshi.batch import read_table
from luoshi.batch.rows import SCHEMAS

# Timing columns differ between runs; everything else must not.
_VOLATILE = {"reports": ["seconds"]}


def tables(out: Path) -> dict[str, list[dict]]:
    result = {}
    for name in SCHEMAS:
        t = read_table(out, name)
        result[name] = t.drop_columns(_VOLATILE.get(name, [])).to_pylist()
    return result
