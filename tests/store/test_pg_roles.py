"""PostgreSQL two-role setup: the app's role works normally but cannot rewrite history.

Needs LUOSHI_TEST_PG_URL (the table owner) and LUOSHI_TEST_PG_APP_URL (a login role that owns
nothing); `eval "$(bash .ci/pg-start.sh --env)"` exports both. Runs in its own schema.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from luoshi.errors import LuoshiError
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import AuditEntry, ProgressUpdate
from luoshi.store.roles import app_role_of
from luoshi.store.settings import Settings, get_settings
from luoshi.web.app import create_app
from tests.web.conftest import login, seed

OWNER_URL = os.environ.get("LUOSHI_TEST_PG_URL")
APP_URL = os.environ.get("LUOSHI_TEST_PG_APP_URL")
SCHEMA = "luoshi_role_tests"


def _in_schema(url: str) -> str:
    return url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{SCHEMA}"


@pytest.fixture(scope="module")
def urls() -> tuple[str, str]:
    """(owner URL, app URL), both on a fresh schema; nothing granted yet."""
    if not (OWNER_URL and APP_URL):
        if os.environ.get("CI"):
            pytest.fail("CI must run the two-role test: eval \"$(bash .ci/pg-start.sh --env)\"")
        pytest.skip("LUOSHI_TEST_PG_URL and LUOSHI_TEST_PG_APP_URL are not both set (bash .ci/pg-start.sh --env)")
    owner = make_engine(OWNER_URL)
    with owner.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    owner.dispose()
    yield _in_schema(OWNER_URL), _in_schema(APP_URL)
    owner = make_engine(OWNER_URL)
    with owner.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    owner.dispose()


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """``cli(args, migrate=True)``: the luoshi command group as the app role, with or without the owner's URL."""
    from luoshi.cli import main as group

    monkeypatch.chdir(tmp_path)

    def run(urls, *args, migrate: bool = True):
        monkeypatch.setenv("LUOSHI_DATABASE_URL", urls[1])
        if migrate:
            monkeypatch.setenv("LUOSHI_MIGRATE_URL", urls[0])
        else:
            monkeypatch.delenv("LUOSHI_MIGRATE_URL", raising=False)
        get_settings.cache_clear()
        return CliRunner().invoke(group, list(args), catch_exceptions=False)

    yield run
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def ledger(urls) -> dict[str, int]:
    """`luoshi db upgrade` as the owner grants the app's role; the app then loads a report itself."""
    from luoshi.store.commands import db_upgrade

    os.environ["LUOSHI_DATABASE_URL"], os.environ["LUOSHI_MIGRATE_URL"] = urls[1], urls[0]
    get_settings.cache_clear()
    try:
        out = CliRunner().invoke(db_upgrade, [], catch_exceptions=False).output
    finally:
        del os.environ["LUOSHI_DATABASE_URL"], os.environ["LUOSHI_MIGRATE_URL"]
        get_settings.cache_clear()
    assert f"role {app_role_of(urls[1], urls[0])}: rows only" in out
    return seed(urls[1])  # ingest, users and verdicts written by the app's role


def _refused(url: str, sql: str) -> str:
    engine = make_engine(url)
    try:
        with pytest.raises(ProgrammingError) as info, engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()
    assert info.value.orig.sqlstate == "42501", info.value  # insufficient privilege, not a trigger's message
    return str(info.value.orig)


def test_app_role_is_derived_from_the_two_urls():
    owner, app = "postgresql+psycopg://luoshi:x@h/db", "postgresql+psycopg://luoshi_app:y@h/db"
    assert app_role_of(app, owner) == "luoshi_app"
    assert app_role_of(app, "") is None and app_role_of(owner, owner) is None
    assert app_role_of("sqlite:///luoshi.db", owner) is None


def test_app_role_runs_the_web_app(urls, ledger, tmp_path):
    settings = Settings(database_url=urls[1], upload_dir=tmp_path / "uploads", secret_key="k", public_mode=False)
    with TestClient(create_app(settings)) as client:
        token = login(client, "jiaotong")
        r = client.post("/commitments/1/progress.json",
                        data={"state": "in_progress", "percent": "40", "note": "开工", "csrf_token": token},
                        files=[("files", ("照片.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "image/png"))])
        assert r.status_code == 201, r.text
        assert client.get("/commitments/1.json").json()["progress"][0]["percent"] == 40
        admin = login(client, "admin")
        version = client.get("/commitments/1.json").json()["commitment"]["version"]
        r = client.post("/commitments/1/deadline.json",
                        data={"version": version, "due_date": "2022-09-30", "note": "本办确定", "csrf_token": admin})
        assert r.status_code == 200, r.text
        assert client.get("/ledger.json").status_code == 200
    engine = make_engine(urls[1])
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(ProgressUpdate.note)) == "开工"
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.entity == "progress_updates")) is not None
    engine.dispose()


@pytest.mark.parametrize("sql", [
    "TRUNCATE progress_updates",
    "TRUNCATE audit_log",
    "TRUNCATE commitments CASCADE",
    "ALTER TABLE progress_updates DISABLE TRIGGER progress_updates_append_only",
    "ALTER TABLE progress_updates DISABLE TRIGGER ALL",
    "DROP TRIGGER progress_updates_append_only ON progress_updates",
    "UPDATE progress_updates SET note = 'rewritten'",
    "DELETE FROM progress_updates",
    "UPDATE audit_log SET username = 'nobody'",
    "DELETE FROM audit_log",
    "DROP TABLE progress_updates",
    "CREATE TABLE shadow (a int)",
    "CREATE TRIGGER t BEFORE INSERT ON commitments FOR EACH ROW EXECUTE FUNCTION luoshi_progress_append_only()",
    "ALTER TABLE progress_updates OWNER TO luoshi_app",
])
def test_app_role_cannot_rewrite_history_or_the_schema(urls, ledger, sql):
    _refused(urls[1], sql)


def test_history_is_intact_after_the_attempts(urls, ledger):
    engine = make_engine(urls[0])
    with engine.connect() as conn:  # read as the owner: the rows the app wrote are still there
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one() > 0
        triggers = conn.execute(text("SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'progress_updates'::regclass"
                                        " AND tgname = 'progress_updates_append_only'")).scalars().all()
    engine.dispose()
    assert triggers == ["O"]  # present and enabled


def test_restore_needs_the_owner(urls, ledger, cli, tmp_path):
    backup = tmp_path / "ledger.json"
    assert cli(urls, "db", "backup", str(backup)).exit_code == 0  # reading everything is the app's right
    r = cli(urls, "db", "restore", str(backup), "--yes", migrate=False)
    assert r.exit_code == 2 and "E157" in r.output and "LUOSHI_MIGRATE_URL" in r.output
    assert len(r.output.strip().splitlines()) == 1
    r = cli(urls, "db", "restore", str(backup), "--yes")
    assert r.exit_code == 0, r.output
    assert cli(urls, "user", "list").output.count("\n") >= 6  # the app's role reads the restored rows


def test_serve_as_the_app_role_does_not_migrate(urls, ledger, monkeypatch):
    from luoshi.web.commands import _run

    engine = make_engine(urls[0])
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0004_read_indexes'"))
    engine.dispose()
    try:
        settings = Settings(database_url=urls[1], migrate_url=urls[0])
        with pytest.raises(LuoshiError) as info:
            _run(settings, "127.0.0.1", 0)
        assert info.value.code == "E106" and "luoshi db upgrade" in str(info.value)
        with pytest.raises(LuoshiError) as info:
            _run(Settings(database_url=urls[1]), "127.0.0.1", 0)
        assert info.value.code == "E157"
    finally:
        engine = make_engine(urls[0])
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": _head()})
        engine.dispose()


def _head() -> str:
    from luoshi.store.migrate import head_revision

    return head_revision() or ""
