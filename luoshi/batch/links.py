"""``--link consecutive``: each report against the next year's report of its region."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from luoshi.batch import sources
from luoshi.batch.sources import Item


def consecutive_pairs(reports: pa.Table) -> list[tuple[dict, dict]]:
    """(report, next year's report) for every region with both years; when a region has
    two reports for one year (a duplicate or a mislabelled file), the first id wins."""
    by_key: dict[tuple[str, int], dict] = {}
    for row in reports.to_pylist():  # sorted by id
        if row["region"] and row["year"]:
            by_key.setdefault((row["region"], row["year"]), row)
    return [(row, by_key[(region, year + 1)]) for (region, year), row in sorted(by_key.items())
            if (region, year + 1) in by_key]


def chains(pairs: list[tuple[dict, dict]], longest: int = 10) -> list[list[dict]]:
    """The pairs to link joined into runs of consecutive years (2015→2016→2017 is one chain
    of three reports, not two pairs of two), so a linking task extracts each report once;
    a run longer than ``longest`` reports is cut into chains sharing their end report, so
    tasks stay small enough to spread over the workers."""
    out: list[list[dict]] = []
    for old, new in pairs:  # sorted by region and year
        if out and out[-1][-1] is old and len(out[-1]) < longest:
            out[-1].append(new)
        else:
            out.append([old, new])
    return out


def load_item(row: dict, text_field: str = "text", id_field: str | None = None) -> Item:
    """Read a report again by its ``path``: a file, or ``corpus.jsonl#N`` (record N)."""
    path = row["path"]
    corpus, sep, n = path.rpartition("#")
    if sep and Path(corpus).suffix.lower() in sources.CORPUS_EXT and n.isdigit():
        plan = sources.Plan(files=[], corpora=[Path(corpus)])
        for item in sources.iter_items(plan, text_field, id_field):
            if item.path == path:
                item.id = row["id"]
                return item
    item = sources._file_item(Path(path))
    item.id = row["id"]
    return item
