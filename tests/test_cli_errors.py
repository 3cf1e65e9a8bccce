"""Issue 11, defects 6 and 21 on the command line: one coded line and exit 2, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPORT = "政府工作报告\n一、2022年主要任务\n地区生产总值增长6%左右。推进老旧小区改造。\n"


def luoshi(*args, env=None, cwd=None, stdout=subprocess.PIPE):
    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], stdout=stdout, stderr=subprocess.PIPE,
                          env=full, cwd=cwd, text=True, encoding="utf-8", errors="replace")


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _one_coded_line(r, code):
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"luoshi: {code}:") and "hint:" in lines[0], r.stderr


@pytest.mark.parametrize("target", ["missing/out.json", "."])
def test_output_to_missing_folder_or_folder(report, tmp_path, target):
    _one_coded_line(luoshi("extract", str(report), "--format", "json", "-o", str(tmp_path / target)), "E150")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_disk(report):
    _one_coded_line(luoshi("extract", str(report), "--format", "json", "-o", "/dev/full"), "E150")
    with open("/dev/full", "w") as full:
        _one_coded_line(luoshi("extract", str(report), "--format", "json", stdout=full), "E150")


def test_ascii_output_encoding(report):
    _one_coded_line(luoshi("text", str(report), env={"PYTHONIOENCODING": "ascii"}), "E151")


@pytest.mark.parametrize("encoding", ["rot13", "base64", "zlib", "unicode_escape"])
def test_encoding_option_not_a_text_encoding(report, encoding):
    _one_coded_line(luoshi("text", str(report), "--encoding", encoding), "E013")


@pytest.mark.parametrize("url", ["not a url", "sqlite:///{tmp}/missing/x.db", "mysql://u@localhost/db", "sqlite:///{report}",
                                 "postgresql+psycopg://u:p@127.0.0.1:1/db"])
def test_bad_database_urls(report, tmp_path, url):
    r = luoshi("user", "list", env={"LUOSHI_DATABASE_URL": url.format(tmp=tmp_path, report=report)}, cwd=tmp_path)
    _one_coded_line(r, "E152")


@pytest.fixture
def db(tmp_path):
    env = {"LUOSHI_DATABASE_URL": f"sqlite:///{tmp_path / 'l.db'}"}
    assert luoshi("db", "upgrade", env=env, cwd=tmp_path).returncode == 0
    return env


@pytest.mark.parametrize("args, code", [
    (("export", "--report", "99999999999999999999", "-o", "x.xlsx"), "E154"),
    (("export", "--report", "999", "-o", "x.xlsx"), "E156"),
    (("ingest", "r.txt", "--year", "99999999999999999999"), "E154"),
    (("user", "add", "", "--role", "admin", "--password", "long enough 1"), "E155"),
    (("user", "add", " ", "--role", "admin", "--password", "long enough 1"), "E155"),
    (("user", "add", "a" * 500, "--role", "admin", "--password", "long enough 1"), "E155"),
])
def test_ledger_command_inputs(db, tmp_path, report, args, code):
    _one_coded_line(luoshi(*args, env=db, cwd=tmp_path), code)
    assert not (tmp_path / "x.xlsx").exists()


def test_remind_email_with_refusing_server(db, tmp_path):
    env = {**db, "LUOSHI_SMTP_HOST": "127.0.0.1", "LUOSHI_SMTP_PORT": "1"}
    _one_coded_line(luoshi("remind", "--email", env=env, cwd=tmp_path), "E153")


def test_user_disable_and_role(db, tmp_path):
    assert luoshi("user", "add", "bob", "--role", "viewer", "--password", "long enough 1", env=db, cwd=tmp_path).returncode == 0
    assert luoshi("user", "role", "bob", "supervisor", env=db, cwd=tmp_path).returncode == 0
    assert luoshi("user", "disable", "bob", env=db, cwd=tmp_path).returncode == 0
    assert luoshi("user", "list", env=db, cwd=tmp_path).stdout.split() == ["bob", "supervisor", "disabled"]
