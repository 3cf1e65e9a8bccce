"""A ledger with examples/mentougou-2020.txt judged on mentougou-2021.txt (shared by the verdict and region tests)."""

from __future__ import annotations

from pathlib import Path

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.reports import ingest_file
from tests.web.conftest import seed

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REGION = "北京市门头沟区"


def seed_linked(url: str) -> dict[str, int]:
    ids = seed(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session, session.begin():
        old = ingest_file(session, EXAMPLES / "mentougou-2020.txt", region=REGION).report
        new = ingest_file(session, EXAMPLES / "mentougou-2021.txt", region=REGION).report
        ids |= {"old": old.id, "new": new.id, "region": old.region_id}
    engine.dispose()
    return ids
