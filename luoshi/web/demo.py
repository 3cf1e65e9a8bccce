"""Demo ledger: the bundled example reports as one region's two years, linked, with a few departments' progress.

``luoshi demo`` serves it as of a day inside the newer report's plan year (DEMO_AS_OF), so
the ledger is mid-year: some tasks done, some on track, some lagging. Every seeded progress
note starts with DEMO_LABEL, so nobody mistakes it for a real report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.migrate import upgrade
from luoshi.store.models import Assignment, Commitment, Department, Report, User
from luoshi.store.reports import ingest_extraction

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO_PASSWORD = "luoshi-demo"  # local demo on 127.0.0.1 only; `luoshi user passwd` changes it
DEMO_DEPARTMENTS = 2  # department users for the departments with most suggested tasks
DEMO_AS_OF = date(2022, 6, 30)  # inside the plan year of the newer sample (2022)
DEMO_LABEL = "【演示数据】"
# (state, percent, reported on, note) cycled over each demo department's first tasks:
# a mix that makes the overview lively (done, on track, lagging, blocked, one not yet reported).
DEMO_PROGRESS = (
    ("done", 100.0, date(2022, 5, 31), "已完成全年任务，相关材料已归档。"),
    ("in_progress", 60.0, date(2022, 6, 20), "按计划推进，完成前期手续和过半工程量。"),
    ("in_progress", 20.0, date(2022, 6, 15), "受审批周期影响进度滞后，正协调加快。"),
    ("blocked", 10.0, date(2022, 4, 30), "资金尚未到位，已报区财政局协调。"),
    ("in_progress", 45.0, date(2022, 6, 28), "已完成方案编制，进入实施阶段。"),
    (None, None, None, None),
)
DEMO_TASKS_PER_DEPARTMENT = 6


@dataclass
class DemoLedger:
    logins: list[tuple[str, str, str]]
    newest: int | None = None  # the report the overview opens at
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (older, newer) report ids, linked
    region_id: int | None = None


def prepare_demo(db_url: str, examples: Path = EXAMPLES) -> DemoLedger:
    """Migrate ``db_url``, ingest and link ``examples/*.txt``, create demo users, seed demo progress.

    Idempotent: re-running changes nothing.
    """
    from luoshi.ingest import read_document
    from luoshi.pipeline import extract_document
    from luoshi.store.linking import link_series
    from luoshi.store.users import create_user

    engine = make_engine(db_url)
    upgrade(engine)
    logins: list[tuple[str, str, str]] = []
    with make_sessionmaker(engine)() as session, session.begin():
        reports = []
        for path in sorted(examples.glob("*.txt")):
            doc = read_document(path)
            reports.append(ingest_extraction(session, extract_document(doc), doc.text, filename=path.name, link=False).report)
        # One region's consecutive years: an excerpt without a title page takes the others' region.
        pairs = link_series(session, reports)
        newest = max(reports, key=lambda r: (r.year or 0, r.id)) if reports else None
        busiest = session.execute(
            select(Department.name, func.count(Assignment.id))
            .join(Assignment, Assignment.department_id == Department.id)
            .join(Commitment, Assignment.commitment_id == Commitment.id)
            .where(Assignment.role == "lead", Commitment.report_id == (newest.id if newest else -1))
            .group_by(Department.name)
            .order_by(func.count(Assignment.id).desc(), Department.name)
            .limit(DEMO_DEPARTMENTS)
        ).all()
        wanted = [("admin", "admin", None), ("supervisor", "supervisor", None), ("viewer", "viewer", None)]
        wanted += [(f"dept{n}", "department", name) for n, (name, _) in enumerate(busiest, 1)]
        existing = set(session.scalars(select(User.username)))
        for username, role, dept in wanted:
            if username not in existing:
                create_user(session, username, DEMO_PASSWORD, role, department=dept, display_name=dept)
            logins.append((username, DEMO_PASSWORD, role if dept is None else f"{role}（{dept}）"))
        if newest is not None:
            _seed_progress(session, newest, [u for u, _, d in wanted if d])
        result = DemoLedger(logins, newest.id if newest else None, pairs, newest.region_id if newest else None)
    engine.dispose()
    return result


def _seed_progress(session, report: Report, usernames: list[str]) -> None:
    """A few progress updates per demo department, each labelled DEMO_LABEL (idempotent by token)."""
    from luoshi.store.progress import add_progress

    for username in usernames:
        user = session.scalar(select(User).where(User.username == username))
        ids = session.scalars(
            select(Commitment.id).join(Assignment, Assignment.commitment_id == Commitment.id)
            .where(Commitment.report_id == report.id, Commitment.retired.is_(False), Assignment.role == "lead",
                   Assignment.department_id == user.department_id)
            .order_by(Commitment.start).limit(DEMO_TASKS_PER_DEPARTMENT)
        ).all()
        for cid, (state, percent, on, note) in zip(ids, DEMO_PROGRESS):
            if state is not None:
                add_progress(session, cid, state, percent, DEMO_LABEL + note, reported_on=on,
                             token=f"demo-{report.sha256[:12]}-{cid}", actor=user)
