"""The office's history in the ledger: precedents from human assignments, and the
engine suggestions of a report redone with them (learned first, the rules otherwise).

Precedents are the rows of the same region's earlier reports whose owners a person
decided: confirmed or changed in the task form, or imported from the office's own
任务分解表. A report's engine suggestions are rewritten whenever they are stored and
whenever such a decision is made for an earlier report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from luoshi.assign.learned import OwnerModel, Precedent
from luoshi.store.models import Assignment, Commitment, Department, Report


def precedents(session: Session, region_id: int | None, before_year: int | None) -> list[Precedent]:
    """Human-decided rows of the region's reports planned before ``before_year``."""
    if region_id is None or before_year is None:
        return []
    q = (
        select(Commitment.id, Commitment.text, Report.year, Assignment.role, Department.name)
        .join(Report, Commitment.report_id == Report.id)
        .join(Assignment, Assignment.commitment_id == Commitment.id)
        .join(Department, Assignment.department_id == Department.id)
        .where(Report.region_id == region_id, Report.year < before_year, Assignment.source == "human")
        .order_by(Report.year, Commitment.start, Assignment.id)
    )
    rows: dict[int, Precedent] = {}
    for cid, text, year, role, name in session.execute(q):
        p = rows.setdefault(cid, Precedent(text, [], [], year, cid))
        (p.lead if role == "lead" else p.support).append(name)
    return [p for p in rows.values() if p.lead]


def model_for(session: Session, report: Report) -> OwnerModel:
    return OwnerModel(precedents(session, report.region_id, report.year))


def write_suggestions(session: Session, report: Report, commitments: Iterable[Commitment] | None = None,
                      model: OwnerModel | None = None) -> dict[str, int]:
    """Replace the engine suggestions of ``commitments`` (default: the report's live rows).

    A row the model is confident about gets the precedent's owners (origin ``history``,
    reason 去年同类任务由…牵头); the others get the rules' owners (``engine_owners``).
    """
    rows = list(commitments) if commitments is not None else list(
        session.scalars(select(Commitment).where(Commitment.report_id == report.id, Commitment.retired.is_(False))))
    if not rows:
        return {"learned": 0, "rules": 0}
    model = model if model is not None else model_for(session, report)
    learned = model.suggest([c.text for c in rows]) if len(model) else [None] * len(rows)
    session.execute(delete(Assignment).where(Assignment.commitment_id.in_([c.id for c in rows]), Assignment.source == "engine"))
    units = _UnitCache(session)
    counts = {"learned": 0, "rules": 0}
    for c, hit in zip(rows, learned, strict=True):
        if hit is not None:
            reason = hit.reason(report.year)
            owners = [(n, "lead") for n in hit.lead] + [(n, "support") for n in hit.support]
            for name, role in _unique(owners):
                session.add(Assignment(commitment_id=c.id, department_id=units.get(name), role=role, source="engine",
                                       origin="history", reason=reason, matched=[], learned_from=hit.precedent.ref))
            counts["learned"] += 1
            continue
        for name, role, d in _unique_owners(c.engine_owners or []):
            session.add(Assignment(commitment_id=c.id, department_id=units.get(name), role=role, source="engine", origin="rules",
                                   matched=list(d.get("matched") or []), reason=d.get("reason") or _rules_reason(d)))
        counts["rules"] += 1
    session.flush()
    return counts


def refresh_later(session: Session, report: Report) -> int:
    """After a decision on ``report``'s rows: redo the suggestions of the region's later reports."""
    if report.region_id is None or report.year is None:
        return 0
    later = list(session.scalars(select(Report).where(Report.region_id == report.region_id, Report.year > report.year)))
    for r in later:
        write_suggestions(session, r)
    if later:
        session.expire_all()
    return len(later)


def _rules_reason(owner: dict) -> str | None:
    words = owner.get("matched") or []
    return "依据：" + "、".join(words) if words else None


def _unique(owners: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for name, role in owners:
        if name not in seen:
            seen.add(name)
            out.append((name, role))
    return out


def _unique_owners(owners: list[dict]) -> list[tuple[str, str, dict]]:
    seen: set[str] = set()
    out = []
    for d in owners:
        if d.get("name") and d["name"] not in seen:
            seen.add(d["name"])
            out.append((d["name"], d.get("role") or "support", d))
    return out


class _UnitCache:
    """Unit ids by name for the engine's and the history's names (both come from the master list)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[str, int] = defaultdict(int)

    def get(self, name: str) -> int:
        if not self.ids.get(name):
            from luoshi.store.units import engine_unit

            self.ids[name] = engine_unit(self.session, name).id
        return self.ids[name]
