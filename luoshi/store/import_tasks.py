"""Import an office's 任务分解表 into a report's rows: owners and deadlines, all or nothing.

Each table row is aligned to the report's task rows by fuzzy matching (rapidfuzz,
score 0–100 shown); a long office row that no single report row matches is tried
sentence by sentence. Every unit must be on the master list (aliases resolve) — one
unknown unit stops the import with E112 listing each such row and the near names,
before anything is written. Rows that match no report row are listed, not applied.
The imported owners are human assignments (origin ``import``): they are what the
office decided, so later reports of the region learn from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store import audit
from luoshi.store.errors import TaskTableError
from luoshi.store.models import Commitment, User
from luoshi.store.permissions import require_role
from luoshi.store.reports import get_report
from luoshi.store.task_table import TableRow, read_table
from luoshi.store.units import canonical, clean, level_of, near

MIN_SCORE = 70.0  # below it a table row is listed as not placed
_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")


@dataclass
class Placement:
    row: TableRow
    commitment_id: int
    commitment_key: str
    commitment_text: str
    score: float


@dataclass
class ImportResult:
    report_id: int
    rows: int = 0
    placed: list[Placement] = field(default_factory=list)
    unplaced: list[TableRow] = field(default_factory=list)
    owners_applied: int = 0  # report rows whose owners were set
    deadlines_applied: int = 0
    relearned_reports: int = 0

    def to_dict(self) -> dict:
        return {
            "report_id": self.report_id, "rows": self.rows, "owners_applied": self.owners_applied,
            "deadlines_applied": self.deadlines_applied, "relearned_reports": self.relearned_reports,
            "placed": [{"line": p.row.line, "sheet": p.row.sheet, "task": p.row.task, "commitment_id": p.commitment_id,
                        "commitment_key": p.commitment_key, "commitment_text": p.commitment_text, "score": round(p.score, 1),
                        "lead": p.row.lead, "support": p.row.support,
                        "deadline": p.row.deadline.isoformat() if p.row.deadline else None} for p in self.placed],
            "unplaced": [{"line": r.line, "sheet": r.sheet, "task": r.task} for r in self.unplaced],
        }


def import_tasks(session: Session, report_id: int, source: str | Path | bytes, actor: User | None = None,
                 min_score: float = MIN_SCORE) -> ImportResult:
    """Apply the table's owners and deadlines to the report's rows. Never commits; raises
    before writing anything when the file cannot be read or names an unknown unit."""
    from luoshi.assign.history import refresh_later
    from luoshi.store.assignments import set_assignments
    from luoshi.store.commitments import update_commitment

    require_role(actor, "admin", "supervisor")
    report = get_report(session, report_id)
    level = level_of(report)
    table = read_table(source, report.year)
    for row in table:  # 科委、园区管委会 is one unit, though written with a 、
        row.lead, row.support = _join_listed(row.lead, level), _join_listed(row.support, level)
    _check_units(session, table, level)
    commitments = list(session.scalars(
        select(Commitment).where(Commitment.report_id == report.id, Commitment.retired.is_(False)).order_by(Commitment.start)))
    result = ImportResult(report.id, rows=len(table))
    result.placed, result.unplaced = align(table, commitments, min_score)
    # One report row may take several office rows (the office split it): their owners add up.
    owners: dict[int, tuple[list[str], list[str]]] = {}
    due: dict[int, object] = {}
    for p in result.placed:
        lead, support = owners.setdefault(p.commitment_id, ([], []))
        lead += [n for n in p.row.lead if n not in lead]
        support += [n for n in p.row.support if n not in support]
        if p.row.deadline is not None:
            due[p.commitment_id] = max(due.get(p.commitment_id) or p.row.deadline, p.row.deadline)
    by_id = {c.id: c for c in commitments}
    for cid, (lead, support) in owners.items():
        if lead or support:
            support = [n for n in support if n not in lead]
            set_assignments(session, cid, lead, support, by_id[cid].version, actor, origin="import", learn=False)
            result.owners_applied += 1
    for cid, day in due.items():
        c = by_id[cid]
        if c.due_date != day:
            update_commitment(session, cid, c.version, {"due_date": day}, actor)
            result.deadlines_applied += 1
    audit.record(session, actor, "import", "reports", report.id, None,
                 {"rows": result.rows, "placed": len(result.placed), "unplaced": len(result.unplaced),
                  "owners": result.owners_applied, "deadlines": result.deadlines_applied})
    result.relearned_reports = refresh_later(session, report)
    return result


def align(table: list[TableRow], commitments: list[Commitment], min_score: float = MIN_SCORE) -> tuple[list[Placement], list[TableRow]]:
    """Each table row's best report row (score ≥ min_score), else its sentences' best rows."""
    texts = [c.text for c in commitments]
    placed: list[Placement] = []
    unplaced: list[TableRow] = []
    if not texts:
        return placed, list(table)
    for row in table:
        hits = _best(row.task, texts, min_score)
        if not hits:
            sentences = [s for s in (m.group().strip() for m in _SENTENCE.finditer(row.task)) if len(s) >= 6]
            hits = [h for s in sentences if len(sentences) > 1 for h in _best(s, texts, min_score)]
        if not hits:
            unplaced.append(row)
        for i, score in dict(hits).items():
            c = commitments[i]
            placed.append(Placement(row, c.id, c.key, c.text, score))
    return placed, unplaced


def _best(text: str, texts: list[str], min_score: float) -> list[tuple[int, float]]:
    """The report row most like ``text``: WRatio (partial for unequal lengths), ties by plain ratio."""
    found = process.extract(text, texts, scorer=fuzz.WRatio, limit=3, score_cutoff=min_score)
    if not found:
        return []
    top = max(found, key=lambda f: (round(f[1], 1), fuzz.ratio(text, f[0])))
    return [(top[2], float(top[1]))]


def _join_listed(names: list[str], level) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(names):
        if i + 1 < len(names) and canonical(names[i], level) is None and canonical(f"{names[i]}、{names[i + 1]}", level):
            out.append(f"{names[i]}、{names[i + 1]}")
            i += 2
        else:
            out.append(names[i])
            i += 1
    return out


def _check_units(session: Session, table: list[TableRow], level) -> None:
    """E112 listing every row with a unit that is not on the master list (nothing written yet)."""
    from luoshi.store.errors import UnknownUnitError

    bad: list[dict] = []
    for row in table:
        for name in [*row.lead, *row.support]:
            try:
                with session.no_autoflush:
                    _known(session, name, level)
            except UnknownUnitError:
                bad.append({"line": row.line, "sheet": row.sheet, "unit": clean(name), "near": near(name, level), "task": row.task[:40]})
    if bad:
        first = bad[0]
        listing = "; ".join(f"row {b['line']}: {b['unit']}" + (f" (near: {'、'.join(b['near'][:3])})" if b["near"] else "") for b in bad[:5])
        more = f" and {len(bad) - 5} more" if len(bad) > 5 else ""
        raise TaskTableError("E112", f"{len(bad)} unit name(s) not in the master list: {listing}{more}",
                             f"correct the table (e.g. row {first['line']}) or add the unit to the departments list; nothing was imported",
                             rows=bad)


def _known(session: Session, name: str, level) -> None:
    """Raise UnknownUnitError unless ``name`` is a unit; creates nothing."""
    from luoshi.store.errors import UnknownUnitError
    from luoshi.store.models import Department

    written = clean(name)
    if session.scalar(select(Department.id).where(Department.name == written)) is None and canonical(written, level) is None:
        raise UnknownUnitError(f"unit {written!r} is not in the master list")
