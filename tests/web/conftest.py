"""A ledger with one small hand-built report, on SQLite and (when configured) PostgreSQL.

Same convention as tests/store: the postgresql param needs LUOSHI_TEST_PG_URL; without
it the param is skipped locally and fails under CI.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text as sql

from luoshi import model as m
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.migrate import upgrade
from luoshi.store.reports import ingest_extraction
from luoshi.store.settings import Settings
from luoshi.store.users import create_user
from luoshi.store.verdicts import store_links
from luoshi.web.app import create_app

PASSWORD = "correct-horse-9"
TODAY = date(2022, 6, 30)
REPORT_TEXT = (
    "政府工作报告\n"
    "一、2022年主要任务\n"
    "（一）推动经济高质量发展。年内完成新建道路12公里，地区生产总值增长6%左右。"
    "力争2022年6月底前建成社区服务中心3个。\n"
    "（二）保障和改善民生。持续推进老旧小区改造，确保年底前完成20个小区。"
    "探索建立<script>alert('x')</script>网格化治理机制<img src=x onerror=alert(1)>。\n"
)


def _span(needle: str) -> tuple[int, int]:
    start = REPORT_TEXT.index(needle)
    return start, start + len(needle)


def sample_extraction() -> m.Extraction:
    def sec(id_, parent, level, title):
        s, _ = _span(title)
        return m.Section(id_, parent, level, title, "plan", s, len(REPORT_TEXT))

    def com(id_, text, strength, deadline, deadline_text, dept, section):
        s, e = _span(text)
        return m.Commitment(id_, text, None, None, strength, deadline, deadline_text, [], [], [m.Department(dept, "lead", [dept])], s, e, section)

    s, e = _span("6%左右")
    return m.Extraction(
        report=m.ReportMeta(title="2022年政府工作报告", region="测试区", year=2022, date="2022-01-10",
                            sha256=hashlib.sha256(REPORT_TEXT.encode()).hexdigest(), chars=len(REPORT_TEXT)),
        sections=[sec("s1", None, 1, "一、2022年主要任务"), sec("s1.1", "s1", 2, "（一）推动经济高质量发展。"),
                  sec("s1.2", "s1", 2, "（二）保障和改善民生。")],
        indicators=[m.Indicator("i1", "地区生产总值", 6.0, None, "%", "6%左右", "about", "increase", "target", "2022", None,
                                "地区生产总值增长6%左右。", s, e, "s1.1")],
        commitments=[
            com("c1", "年内完成新建道路12公里", "binding", "2022", "年内", "区交通局", "s1.1"),
            com("c2", "力争2022年6月底前建成社区服务中心3个", "firm", "2022-06", "2022年6月底前", "区民政局", "s1.1"),
            com("c3", "持续推进老旧小区改造", "process", None, None, "区住房城乡建设委", "s1.2"),
            com("c4", "确保年底前完成20个小区", "binding", "2022-12", "年底前", "区住房城乡建设委", "s1.2"),
            com("c5", "探索建立<script>alert('x')</script>网格化治理机制<img src=x onerror=alert(1)>", "exploratory",
                None, None, "区民政局", "s1.2"),
        ],
    )


def _engine_urls() -> list:
    pg = os.environ.get("LUOSHI_TEST_PG_URL")
    if pg:
        pg_param = pytest.param(pg, id="postgresql")
    elif os.environ.get("CI"):
        pg_param = pytest.param("postgresql-missing", id="postgresql")
    else:
        pg_param = pytest.param(None, id="postgresql", marks=pytest.mark.skip(reason="LUOSHI_TEST_PG_URL not set"))
    return [pytest.param("sqlite", id="sqlite"), pg_param]


@pytest.fixture(params=_engine_urls())
def db_url(request, tmp_path: Path) -> str:
    if request.param == "postgresql-missing":
        pytest.fail("CI is set but LUOSHI_TEST_PG_URL is not: the PostgreSQL run is required")
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(request.param)
    with engine.begin() as conn:  # a clean schema per test (tables, triggers, functions)
        conn.execute(sql("DROP SCHEMA public CASCADE"))
        conn.execute(sql("CREATE SCHEMA public"))
    engine.dispose()
    return request.param


def seed(url: str) -> dict[str, int]:
    """Migrate, ingest the sample report, add one user per role and one engine verdict."""
    engine = make_engine(url)
    upgrade(engine)
    with make_sessionmaker(engine)() as session, session.begin():
        result = ingest_extraction(session, sample_extraction(), REPORT_TEXT, filename="sample.txt")
        for name, role, dept in (("admin", "admin", None), ("sup", "supervisor", None), ("sup2", "supervisor", None),
                                 ("jiaotong", "department", "区交通局"), ("minzheng", "department", "区民政局"),
                                 ("viewer", "viewer", None)):
            create_user(session, name, PASSWORD, role, department=dept)
        s, e = _span("年内完成新建道路12公里")
        store_links(session, result.report.id, [m.Link("c1", "commitment", "年内完成新建道路12公里", s, e, "partial", 0.6,
                                                       "完成8公里", [m.Evidence("2023", "新建道路8公里", 0, 7, "8公里", 0.8)])])
        report_id = result.report.id
    engine.dispose()
    return {"report": report_id}


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=db_url, upload_dir=tmp_path / "uploads", secret_key="test-secret", public_mode=False)


@pytest.fixture
def seeded(settings: Settings) -> dict[str, int]:
    return seed(settings.database_url)


@pytest.fixture
def linked(settings: Settings):
    """Two reports of one region, linked (tests/web/linked.py), behind a client of the app."""
    from tests.web.linked import seed_linked

    ids = seed_linked(settings.database_url)
    with TestClient(create_app(settings)) as c:
        yield c, ids


@pytest.fixture
def client(settings: Settings, seeded) -> TestClient:
    with TestClient(create_app(settings)) as c:
        yield c


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through the JSON API; returns the session's CSRF token."""
    token = client.get("/login.json").json()["csrf_token"]
    r = client.post("/login.json", data={"username": username, "password": password, "csrf_token": token})
    assert r.status_code == 200, r.text
    return r.json()["csrf_token"]
