"""One table printer for the evaluation scripts: one row per report, then a TOTAL row."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any


def score_table(title: str, first: str, columns: Sequence[str], per_doc: Mapping[str, Any], total: Any,
                cells: Callable[[Any], Sequence[str]]) -> Any:
    """A rich Table titled ``title``: a ``first`` column naming the report, then ``columns``
    (right-aligned) filled by ``cells(score)``, each report's row and a TOTAL row after a rule."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column(first)
    for col in columns:
        table.add_column(col, justify="right")
    names = list(per_doc)
    for name, s in [*per_doc.items(), ("TOTAL", total)]:
        table.add_row(name, *cells(s), end_section=bool(names) and name == names[-1])
    return table
