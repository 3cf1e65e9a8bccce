"""The ledger as 任务分解表 rows (luoshi.export.TaskRow) with status and latest progress."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.export.rows import STRENGTH_ZH, TaskRow, deadline_label, parts_text, section_path
from luoshi.store.assignments import effective
from luoshi.store.commitments import list_commitments, tracking_for
from luoshi.store.models import Indicator, Report, Section
from luoshi.store.status import STATUS_ZH


def task_rows(session: Session, report_id: int | None = None, department: str | None = None, today: date | None = None) -> list[TaskRow]:
    """One row per live commitment, in report order; effective (human over engine) departments."""
    commitments = list_commitments(session, report_id=report_id, department=department)
    track = tracking_for(session, commitments, today)
    report_ids = {c.report_id for c in commitments}
    sections = list(session.scalars(select(Section).where(Section.report_id.in_(report_ids))))
    titles: dict[int, dict[str, str]] = {rid: {} for rid in report_ids}
    parents: dict[int, dict[str, str | None]] = {rid: {} for rid in report_ids}
    for s in sections:
        titles[s.report_id][s.key] = s.title
        parents[s.report_id][s.key] = s.parent_key
    years = dict(session.execute(select(Report.id, Report.year).where(Report.id.in_(report_ids))).all())
    indicators = {(i.report_id, i.key): i for i in session.scalars(select(Indicator).where(Indicator.report_id.in_(report_ids)))}
    rows = []
    for n, c in enumerate(commitments, 1):
        owners = effective(c)
        t = track[c.id]
        rid = c.report_id
        inds = [indicators[(rid, k)] for k in c.indicator_keys or () if (rid, k) in indicators]
        rows.append(TaskRow(
            seq=n,
            section=section_path(c.section_key, titles[rid], parents[rid]),
            task=c.text,
            indicators="；".join(f"{i.metric} {i.value_text}" if i.metric else i.value_text for i in inds),
            deadline=deadline_label(c.deadline, c.deadline_source, c.deadline_text, years.get(rid), c.due_date),
            strength=STRENGTH_ZH.get(c.strength, c.strength),
            lead="、".join(a.department.name for a in owners if a.role == "lead"),
            support="、".join(a.department.name for a in owners if a.role != "lead"),
            status=STATUS_ZH[t.status],
            progress=_progress_text(t.last),
            parts=parts_text(c.parts or []) or None,
        ))
    return rows


def _progress_text(last) -> str:
    if last is None:
        return ""
    pct = f"{last.percent:g}% " if last.percent is not None else ""
    return f"{last.reported_on.isoformat()} {pct}{last.note}".strip()
