"""`luoshi demo` and `luoshi ingest` from a newcomer's folder."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from luoshi.cli import main
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import ProgressUpdate, Report, Verdict
from luoshi.web.demo import DEMO_LABEL, prepare_demo


def test_demo_ledger_is_one_region_linked_with_labelled_progress(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    demo = prepare_demo(url)
    again = prepare_demo(url)  # idempotent
    engine = make_engine(url)
    with make_sessionmaker(engine)() as s:
        reports = s.query(Report).order_by(Report.year).all()
        assert len(reports) == 2 and reports[0].region_id == reports[1].region_id is not None
        assert demo.pairs == again.pairs == [(reports[0].id, reports[1].id)]
        assert s.query(Verdict).filter(Verdict.evidence_report_id == reports[1].id).count() > 100
        notes = [p.note for p in s.query(ProgressUpdate)]
        assert notes and all(n.startswith(DEMO_LABEL) for n in notes)
        assert len(notes) == s.query(ProgressUpdate).count()
    engine.dispose()
    assert [u for u, _, _ in demo.logins][:3] == ["admin", "supervisor", "viewer"]


def test_demo_at_mid_year_flags_only_tasks_with_a_sign_of_trouble(tmp_path):
    """At 2022-06-30 a task due at year end with nothing reported is 未启动, not 存在风险 (status.py's rules)."""
    from collections import Counter
    from datetime import timedelta

    from luoshi.store.settings import Settings
    from luoshi.web.demo import DEMO_AS_OF
    from luoshi.web.tracking import track_report

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    demo = prepare_demo(url)
    settings = Settings(database_url=url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as s:
        tracks = track_report(s, s.get(Report, demo.newest), DEMO_AS_OF, settings)
    engine.dispose()
    by_status = Counter(t.status for t in tracks.values())
    assert by_status["at_risk"] > 0 and by_status["not_started"] > by_status["at_risk"]
    assert by_status["at_risk"] <= len(tracks) // 5, by_status  # a minority, not 115 of 146
    soon = DEMO_AS_OF + timedelta(days=settings.due_soon_days)
    for t in tracks.values():
        if t.status == "at_risk":  # a reported lag or block, or nothing reported with the deadline near
            assert t.percent is not None or t.state == "blocked" or (t.due is not None and t.due <= soon), t


def test_demo_with_a_taken_port_fails_at_once_with_a_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "out"), "--port", str(port)])
    assert r.exit_code == 2 and "E130" in r.output and len(r.output.strip().splitlines()) == 1


def test_ingest_creates_an_embedded_database_by_itself(tmp_path, monkeypatch):
    from pathlib import Path

    examples = Path(__file__).resolve().parents[2] / "examples"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LUOSHI_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    from luoshi.store.settings import get_settings

    get_settings.cache_clear()
    try:
        r = CliRunner().invoke(main, ["ingest", str(examples / "mentougou-2020.txt"), str(examples / "mentougou-2021.txt")])
    finally:
        get_settings.cache_clear()
    assert r.exit_code == 0, r.output
    assert "linked report 1 -> 2" in r.output
