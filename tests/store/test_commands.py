"""The ledger commands, run from another folder against LUOSHI_DATABASE_URL."""

import json

import click
import pytest
from click.testing import CliRunner

from luoshi.store.commands import register
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.migrate import head_revision
from luoshi.store.reports import ingest_extraction
from luoshi.store.settings import get_settings


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LUOSHI_DATABASE_URL", f"sqlite:///{tmp_path / 'ledger.db'}")
    get_settings.cache_clear()
    group = click.Group("luoshi")
    register(group)
    runner = CliRunner()
    yield lambda *args, **kw: runner.invoke(group, list(args), catch_exceptions=False, **kw)
    get_settings.cache_clear()


def test_commands_refuse_an_unmigrated_database(cli):
    with pytest.raises(Exception, match="luoshi db upgrade"):
        cli("user", "list")


def test_db_upgrade_then_users(cli):
    assert f"schema at {head_revision()}" in cli("db", "upgrade").output
    assert cli("user", "add", "office", "--role", "admin", "--password", "long enough").exit_code == 0
    cli("user", "add", "water", "--role", "department", "--department", "区水务局", "--password", "long enough")
    assert cli("user", "passwd", "water", "--password", "another one").exit_code == 0
    assert cli("user", "list").output.splitlines() == ["office\tadmin\t\tactive", "water\tdepartment\t区水务局\tactive"]


def test_export_remind_backup_restore(cli, tmp_path, extraction):
    cli("db", "upgrade")
    engine = make_engine(get_settings().database_url)
    with make_sessionmaker(engine)() as s:
        ingest_extraction(s, *extraction)
        s.commit()
    engine.dispose()
    out = cli("export", "--format", "json", "--department", "区水务局", "-o", "rows.json")
    assert out.output.startswith("1 rows")
    assert [r["lead"] for r in json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))] == ["区水务局"]
    assert cli("export", "--format", "xlsx", "-o", "rows.xlsx").exit_code == 0
    text = cli("remind", "--days", "30", "--today", "2022-12-10").output
    assert "区水务局：1 项任务临近时限或已逾期" in text and "剩余 21 天" in text
    assert cli("db", "backup", "copy.db").exit_code == 0
    assert cli("db", "restore", "copy.db", "--yes").exit_code == 0


def test_user_add_refuses_a_unit_not_in_the_master_list(cli):
    from luoshi.store.errors import UnknownUnitError

    cli("db", "upgrade")
    with pytest.raises(UnknownUnitError, match=r"E108: unit '区水务部' is not in the master list.*水务局"):
        cli("user", "add", "water", "--role", "department", "--department", "区水务部", "--password", "long enough")
    assert cli("user", "list").output == ""


def test_import_tasks_command_applies_a_table_and_dry_run_changes_nothing(cli, tmp_path, extraction):
    from tests.store.task_tables import office_table

    cli("db", "upgrade")
    engine = make_engine(get_settings().database_url)
    with make_sessionmaker(engine)() as s:
        report_id = ingest_extraction(s, *extraction).report.id
        s.commit()
    engine.dispose()
    table = office_table(tmp_path / "分解表.xlsx", [("推进永定河生态修复", "区水务局", "区园林绿化局", "2022年9月底前"),
                                                   ("建设月球科学基地", "区发展改革委", "", "")])
    dry = cli("import-tasks", str(table), "--report", str(report_id), "--dry-run").output
    assert "would apply owners to 1 and deadlines to 1 report rows" in dry
    assert "row 6\tnot placed\t建设月球科学基地" in dry
    out = json.loads(cli("import-tasks", str(table), "--report", str(report_id), "--format", "json").output)
    assert out["placed"][0]["commitment_key"] == "c2" and out["placed"][0]["score"] == 100.0
    assert out["unplaced"] == [{"line": 6, "sheet": "分解表", "task": "建设月球科学基地"}]
    cli("export", "--format", "json", "-o", "rows.json")
    rows = json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))
    assert (rows[1]["lead"], rows[1]["support"], rows[1]["deadline"]) == ("区水务局", "区园林绿化局", "2022年9月30日（本办确定）")
