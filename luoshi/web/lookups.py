"""Small shared reads for the views: the chosen report and date, sections, departments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from luoshi.store.models import Assignment, Commitment, Department, Region, Report, Section
from luoshi.web.deps import WebError


def chosen_report(session: Session, report_id: int | None) -> Report | None:
    """The report asked for, else the newest one; None when the ledger is empty."""
    # The full text (hundreds of KB for a long report) loads only if a view reads it.
    q = select(Report).options(defer(Report.text))
    if report_id is not None:
        report = session.scalar(q.where(Report.id == report_id))
        if report is None:
            raise WebError(404)
        return report
    return session.scalar(q.order_by(Report.year.desc().nulls_last(), Report.id.desc()).limit(1))


def chosen_date(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise WebError(422, detail=f"date: {value!r} is not YYYY-MM-DD") from exc


def report_summary(session: Session, report: Report) -> dict:
    region = session.get(Region, report.region_id) if report.region_id else None
    return {"id": report.id, "title": report.title, "region": region.name if region else None, "year": report.year,
            "date": report.date, "speaker": report.speaker, "chars": report.chars}


def report_choices(session: Session) -> list[dict]:
    rows = session.execute(
        select(Report.id, Report.title, Report.year, Region.name)
        .outerjoin(Region, Report.region_id == Region.id)
        .order_by(Report.year.desc().nulls_last(), Report.id.desc())
    )
    return [{"id": rid, "label": " ".join(str(x) for x in (region, year, title) if x)} for rid, title, year, region in rows]


def sections_of(session: Session, report_id: int) -> list[Section]:
    return list(session.scalars(select(Section).where(Section.report_id == report_id).order_by(Section.start)))


def top_section(sections: Iterable[Section]) -> dict[str, Section]:
    """Section key -> its outermost chapter (level >= 1), for grouping by chapter."""
    by_key = {s.key: s for s in sections}
    out: dict[str, Section] = {}
    for s in by_key.values():
        node = s
        while node.parent_key in by_key and by_key[node.parent_key].level >= 1:
            node = by_key[node.parent_key]
        out[s.key] = node
    return out


def departments_for(session: Session, commitment_ids: Iterable[int], report_id: int | None = None) -> dict[int, dict]:
    """id -> {"lead": [...], "support": [...], "source": human|engine|None, "suggested": [...], "learned": bool}.

    Human assignments replace the engine's suggestions once a supervisor has made any.
    """
    ids = list(commitment_ids)
    if not ids:
        return {}
    q = (
        select(Assignment.commitment_id, Assignment.role, Assignment.source, Department.name, Department.id,
               Assignment.origin, Assignment.reason)
        .join(Department, Assignment.department_id == Department.id)
        .order_by(Assignment.id)
    )
    if report_id is not None:  # a whole report: a join, not thousands of bound ids
        q = q.join(Commitment, Assignment.commitment_id == Commitment.id).where(Commitment.report_id == report_id)
    else:
        q = q.where(Assignment.commitment_id.in_(ids))
    rows = session.execute(q)
    grouped: dict[int, dict[str, list]] = defaultdict(lambda: {"human": [], "engine": []})
    reasons: dict[int, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    for cid, role, source, name, dept_id, origin, reason in rows:
        grouped[cid][source].append((role, name, dept_id))
        if source == "engine":
            reasons[cid].append((name, origin, reason))
    out: dict[int, dict] = {}
    for cid in ids:
        g = grouped.get(cid, {"human": [], "engine": []})
        chosen, source = (g["human"], "human") if g["human"] else (g["engine"], "engine" if g["engine"] else None)
        out[cid] = {
            "lead": [n for r, n, _ in chosen if r == "lead"],
            "support": [n for r, n, _ in chosen if r != "lead"],
            "department_ids": [d for _, _, d in chosen],
            "source": source,
            "suggested": [{"name": n, "role": r, "origin": o, "reason": why}
                          for (r, n, _), (_, o, why) in zip(g["engine"], reasons.get(cid, []), strict=True)],
            # The suggestion repeats what the office decided for a similar row before (luoshi.assign).
            "learned": any(o == "history" for _, o, _ in reasons.get(cid, [])),
        }
    return out


def department_names(session: Session) -> list[str]:
    return list(session.scalars(select(Department.name).order_by(Department.name)))
