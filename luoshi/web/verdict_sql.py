"""The verdict in force and the departments in charge, as SQL the database evaluates.

A report has up to ~10,000 tasks; building a Python object per task on every page
view cost a second. These expressions let the verdict list and the overview ask the
database for counts (GROUP BY) and one page of rows (LIMIT/OFFSET) instead. They are
portable: window functions and EXISTS run the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import String, cast, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from luoshi.store.models import Assignment, Commitment, Indicator, Verdict
from luoshi.web.lookups import departments_for


# Aliases built once (building one per query costs more than the query on a page of 50 rows).
_HUMAN = aliased(Assignment, name="human_assignment")
_IN_CHARGE = aliased(Assignment, name="in_charge")


def _precedence(evidence_id: int | None) -> list:
    """Which of an item's verdicts is in force, first first: a person's (confirmed) before the engine's, then
    (``evidence_id`` None: any report) the one on the newest evidence report, then the newest."""
    order = [Verdict.confirmed.desc()]
    if evidence_id is None:
        order.append(Verdict.evidence_report_id.desc().nulls_last())
    order.append(Verdict.id.desc())
    return order


def in_force(kind: str, item_id, evidence_id: int | None = None, column=Verdict.id):
    """Scalar subquery, correlated to ``item_id``: the ``column`` (id, status) of the item's verdict in force (NULL: not judged).

    A person's (confirmed) verdict before the engine's; among equals the one on the newest evidence
    report (``evidence_id`` None: any report), then the newest; as ``effective_verdicts``. One index
    probe (ix_verdicts_source) per item: a derived table joined back would be scanned once per item
    by SQLite, quadratic at 10,000 tasks.
    """
    q = select(column).where(Verdict.source_kind == kind, Verdict.source_id == item_id)
    if evidence_id is not None:
        q = q.where(Verdict.evidence_report_id == evidence_id)
    return q.order_by(*_precedence(evidence_id)).limit(1).correlate_except(Verdict).scalar_subquery()


def ranked(kind: str, model: type, report_id: int, evidence_id: int | None = None):
    """Subquery (source_id, verdict_id, status, evidence_report_id): the verdict in force of each judged item of the report.

    The same order as ``in_force``, as a window over the report's verdicts: a set the database scans
    once and joins (a hash join on PostgreSQL, a join driven by this table on SQLite). Join it with an
    inner join only: SQLite scans a derived table once per row on the right of a LEFT JOIN.
    """
    rank = func.row_number().over(partition_by=Verdict.source_id, order_by=_precedence(evidence_id)).label("rank")
    q = (select(Verdict.source_id, Verdict.id.label("verdict_id"), Verdict.status, Verdict.evidence_report_id, rank)
         .join(model, model.id == Verdict.source_id)
         .where(Verdict.source_kind == kind, model.report_id == report_id))
    if evidence_id is not None:
        q = q.where(Verdict.evidence_report_id == evidence_id)
    inner = q.subquery()
    return (select(inner.c.source_id, inner.c.verdict_id, inner.c.status, inner.c.evidence_report_id)
            .where(inner.c.rank == 1).subquery())


def unjudged(kind: str, item_id, evidence_id: int | None = None):
    """Condition: the item has no verdict (on ``evidence_id``; None: on any report). An anti-join on PostgreSQL."""
    q = exists().where(Verdict.source_kind == kind, Verdict.source_id == item_id)
    if evidence_id is not None:
        q = q.where(Verdict.evidence_report_id == evidence_id)
    return ~q


def chosen(a) -> object:
    """Condition on an Assignment row: it is in force (a human one, or an engine one while no human one exists).

    Human assignments replace the engine's suggestions, as ``departments_for`` says.
    """
    return or_(a.source == "human", ~exists().where(_HUMAN.commitment_id == a.commitment_id, _HUMAN.source == "human"))


def in_charge(commitment_id, department_id, roles: tuple[str, ...] = ("lead", "support")):
    """Condition: the department ``department_id`` (a value or scalar subquery) leads/supports the commitment, in force.

    An IN over the department's assignments (index ix_assignments_department_commitment), so the
    database starts from the department's few rows, not from every task of the report.
    """
    a = _IN_CHARGE
    return commitment_id.in_(select(a.commitment_id).where(a.department_id == department_id, a.role.in_(roles), chosen(a)))


def indicator_leads(session: Session, report_id: int) -> dict[str, list[str]]:
    """Indicator key -> lead units of the first task row (report order) that quotes it: a target is owned by its task.

    Only the few rows that quote an indicator are read (JSON ``[]`` is the empty list on both backends).
    """
    rows = session.execute(select(Commitment.id, Commitment.indicator_keys)
                           .where(Commitment.report_id == report_id, Commitment.retired.is_(False),
                                  cast(Commitment.indicator_keys, String) != "[]")
                           .order_by(Commitment.start, Commitment.id)).all()
    depts = departments_for(session, [cid for cid, _ in rows])
    out: dict[str, list[str]] = {}
    for cid, keys in rows:
        for key in keys or []:
            out.setdefault(key, depts[cid]["lead"])
    return out


def live_targets(report_id: int):
    """Condition: a target indicator of the report that the latest extraction still has (kept-aside keys start with ~)."""
    return (Indicator.report_id == report_id) & (Indicator.kind == "target") & ~Indicator.key.startswith("~")
