"""A ledger with one small hand-built report, on SQLite and (when configured) PostgreSQL.

Same convention as tests/store: the postgresql param needs LUOSHI_TEST_PG_URL; without
it the param is skipped locally and fails under CI.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url
from sqlalchemy import text as sql

from luoshi import model as m
from luoshi.store.db import drop_database, make_engine, make_sessionmaker
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
    """A database of the backend in the state the test asks for: seeded, linked or empty.

    Seeding (migrations, the sample report, six users, two Mentougou reports for ``linked``) is done once per
    session into a template (a SQLite file, a PostgreSQL template database) and copied for each test: the
    copy is the same database, at a fraction of the cost.
    """
    if request.param == "postgresql-missing":
        pytest.fail("CI is set but LUOSHI_TEST_PG_URL is not: the PostgreSQL run is required")
    names = request.fixturenames
    kind = "linked" if "linked" in names else "seeded" if "seeded" in names else None
    if request.param == "sqlite":
        path = tmp_path / "ledger.db"
        if kind:
            shutil.copy(request.getfixturevalue("_sqlite_templates").path(kind), path)
        return f"sqlite:///{path}"
    if kind:
        return request.getfixturevalue("_pg_templates").copy(kind)
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


class _Templates:
    """Seeded databases built once per session, by kind ("seeded", "linked"), with the ids seeding returned."""

    def __init__(self, build) -> None:
        self._build = build
        self._made: dict[str, str] = {}  # kind -> where the template is (a file, a database name)
        self.ids: dict[str, dict[str, int]] = {}

    def _make(self, kind: str) -> str:
        if kind not in self._made:
            from tests.web.linked import seed_linked  # linked.py imports seed from here

            where, url = self._build(kind)
            self.ids[kind] = (seed_linked if kind == "linked" else seed)(url)
            self._made[kind] = where
        return self._made[kind]


class _SqliteTemplates(_Templates):
    def path(self, kind: str) -> Path:
        return Path(self._make(kind))


class _PgTemplates(_Templates):
    """Template databases on the test server; each test gets ``CREATE DATABASE … TEMPLATE`` of one."""

    def __init__(self, url: str) -> None:
        self.base = make_url(url)
        self.admin = make_engine(url, isolation_level="AUTOCOMMIT")  # CREATE/DROP DATABASE run outside transactions
        super().__init__(self._create)

    def _create(self, kind: str) -> tuple[str, str]:
        name = f"luoshi_tpl_{kind}"
        with self.admin.connect() as conn:
            drop_database(conn, name)
            conn.execute(sql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"))
        return name, self.base.set(database=name).render_as_string(hide_password=False)

    def copy(self, kind: str) -> str:
        template = self._make(kind)
        with self.admin.connect() as conn:
            drop_database(conn, TEST_DB)
            conn.execute(sql(f"CREATE DATABASE {TEST_DB} TEMPLATE {template}"))
        return self.base.set(database=TEST_DB).render_as_string(hide_password=False)

    def close(self) -> None:
        with self.admin.connect() as conn:
            for name in (TEST_DB, *self._made.values()):
                drop_database(conn, name)
        self.admin.dispose()


TEST_DB = "luoshi_web_test"


@pytest.fixture(scope="session")
def _sqlite_templates(tmp_path_factory) -> _SqliteTemplates:
    folder = tmp_path_factory.mktemp("web-templates")

    def build(kind: str) -> tuple[str, str]:
        path = folder / f"{kind}.db"
        return str(path), f"sqlite:///{path}"  # the seeding engine is disposed: the WAL is checkpointed into the file

    return _SqliteTemplates(build)


@pytest.fixture(scope="session")
def _pg_templates() -> _PgTemplates:
    templates = _PgTemplates(os.environ["LUOSHI_TEST_PG_URL"])
    yield templates
    templates.close()


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=db_url, upload_dir=tmp_path / "uploads", secret_key="test-secret", public_mode=False)


@pytest.fixture
def seeded(settings: Settings, request) -> dict[str, int]:
    """The sample report, users and verdict (db_url copied them from the session's template)."""
    return dict(_templates_of(request, settings.database_url).ids["seeded"])


@pytest.fixture
def linked(settings: Settings, request):
    """Two reports of one region, linked (tests/web/linked.py), behind a client of the app."""
    ids = dict(_templates_of(request, settings.database_url).ids["linked"])
    with TestClient(create_app(settings)) as c:
        yield c, ids


def _templates_of(request, url: str) -> _Templates:
    return request.getfixturevalue("_sqlite_templates" if url.startswith("sqlite") else "_pg_templates")


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
