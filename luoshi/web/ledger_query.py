"""The ledger's query: filters and sorting in SQL, pagination with LIMIT/OFFSET.

Only the status filter/sort needs the derived status of every matching item; then
the matching ids are ranked in Python (see tracking.py) and the page is fetched by id.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import String, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from luoshi.store.models import Assignment, Commitment, Department, Report
from luoshi.store.settings import Settings
from luoshi.web.tracking import Track, ViewCache, track_report

SORTS = ("position", "deadline", "-deadline", "strength", "status", "section")
STRENGTH_RANK = {"binding": 0, "firm": 1, "process": 2, "exploratory": 3}
STATUS_RANK = {"overdue": 0, "at_risk": 1, "not_started": 2, "on_track": 3, "done": 4}


@dataclass
class LedgerFilter:
    section: str | None = None
    department: str | None = None
    status: str | None = None
    strength: str | None = None
    due_before: str | None = None
    due_after: str | None = None
    q: str | None = None
    sort: str = "position"
    page: int = 1
    per_page: int = 50
    internal: bool = False  # search internal notes too: only for logged-in users, never in public mode

    def as_query(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "") and k not in ("page", "internal")}


def due_expr():
    """The last day of the tracked deadline as ISO text: "2022" -> "2022-12-31", "2022-06" -> "2022-06-30".

    Portable SQL (SQLite and PostgreSQL); February ends on the 28th (leap days are a day early).
    """
    month = func.substr(Commitment.deadline, 6, 2)
    month_end = case((month.in_(("04", "06", "09", "11")), "-30"), (month == "02", "-28"), else_="-31")
    deadline = case(
        (func.length(Commitment.deadline) == 4, Commitment.deadline + "-12-31"),
        (func.length(Commitment.deadline) == 7, Commitment.deadline + month_end),
        else_=Commitment.deadline,
    )
    return func.coalesce(cast(Commitment.due_date, String), deadline)


def _period_end(value: str) -> str:
    """A filter bound "2022" or "2022-06" includes the whole period."""
    return value + ("-12-31" if len(value) == 4 else "-31" if len(value) == 7 else "")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(report_id: int, f: LedgerFilter):
    """SELECT of matching commitments (no ordering); Chinese search is a substring match."""
    q = select(Commitment).where(Commitment.report_id == report_id, Commitment.retired.is_(False))
    if f.section:
        q = q.where(or_(Commitment.section_key == f.section, Commitment.section_key.like(_escape_like(f.section) + ".%", escape="\\")))
    if f.strength:
        q = q.where(Commitment.strength == f.strength)
    if f.due_before:
        q = q.where(due_expr() <= _period_end(f.due_before))
    if f.due_after:
        q = q.where(due_expr() >= f.due_after)
    if f.q:
        from luoshi.web.search import word_condition

        for word in f.q.split():  # every word, in any of its written forms, in the text, a heading, and (logged in) the note
            q = q.where(word_condition(word, report_id, notes=f.internal))  # an anonymous search must not reveal a note through its counts
    if f.department:
        q = q.where(
            exists().where(
                Assignment.commitment_id == Commitment.id,
                Assignment.department_id == Department.id,
                Department.name == f.department,
            )
        )
    return q


def run(session: Session, report: Report, f: LedgerFilter, today: date, settings: Settings,
        cache: ViewCache | None = None) -> tuple[list[Commitment], int, dict[int, Track]]:
    """(page of commitments, total matching, tracks of the page items)."""
    base = filtered(report.id, f)
    offset = (max(f.page, 1) - 1) * f.per_page
    if f.status or f.sort == "status":
        compute = lambda: track_report(session, report, today, settings)  # noqa: E731
        tracks = cache.get(session, "tracks", report, today, compute) if cache else compute()
        narrowed = any((f.section, f.strength, f.due_before, f.due_after, f.q, f.department))
        # The cached tracks are exactly the report's live tasks: no query when only status narrows.
        ids = list(session.scalars(base.with_only_columns(Commitment.id))) if narrowed else list(tracks)
        if f.status:
            ids = [i for i in ids if tracks[i].status == f.status]
        ids.sort(key=lambda i: (STATUS_RANK[tracks[i].status], tracks[i].start))
        total = len(ids)
        page_ids = ids[offset : offset + f.per_page]
        by_id = {c.id: c for c in session.scalars(select(Commitment).where(Commitment.id.in_(page_ids)))}
        return [by_id[i] for i in page_ids], total, {i: tracks[i] for i in page_ids}
    total = session.scalar(base.with_only_columns(func.count(Commitment.id)).order_by(None)) or 0
    rows = list(session.scalars(base.order_by(*_order(f.sort)).offset(offset).limit(f.per_page)))
    return rows, total, track_report(session, report, today, settings, only=[c.id for c in rows])


def _order(sort: str):
    due = due_expr()
    if sort == "deadline":
        return (due.is_(None), due, Commitment.start)
    if sort == "-deadline":
        return (due.is_(None), due.desc(), Commitment.start)
    if sort == "strength":
        return (case(STRENGTH_RANK, value=Commitment.strength, else_=9), Commitment.start)
    if sort == "section":
        return (Commitment.section_key, Commitment.start)
    return (Commitment.start,)
