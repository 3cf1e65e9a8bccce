"""Demo ledger: the bundled example reports plus one user per role (printed by ``luoshi demo``)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.migrate import upgrade
from luoshi.store.models import Assignment, Department, User
from luoshi.store.reports import ingest_extraction

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO_PASSWORD = "luoshi-demo"  # local demo on 127.0.0.1 only; `luoshi user passwd` changes it
DEMO_DEPARTMENTS = 2  # department users for the departments with most suggested tasks


def prepare_demo(db_url: str, examples: Path = EXAMPLES) -> list[tuple[str, str, str]]:
    """Migrate ``db_url``, ingest ``examples/*.txt`` (idempotent) and create demo users.

    Returns (username, password, role) per demo user; re-running changes nothing.
    """
    from luoshi.ingest import read_document
    from luoshi.pipeline import extract_document
    from luoshi.store.users import create_user

    engine = make_engine(db_url)
    upgrade(engine)
    logins: list[tuple[str, str, str]] = []
    with make_sessionmaker(engine)() as session, session.begin():
        for path in sorted(examples.glob("*.txt")):
            doc = read_document(path)
            ingest_extraction(session, extract_document(doc), doc.text, filename=path.name)
        busiest = session.execute(
            select(Department.name, func.count(Assignment.id))
            .join(Assignment, Assignment.department_id == Department.id)
            .where(Assignment.role == "lead")
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
    engine.dispose()
    return logins

