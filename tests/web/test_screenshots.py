"""Screenshots of the main pages on the bundled examples (written to docs/screenshots/
when LUOSHI_SCREENSHOTS=1, else to a temp folder), each checked to be a real PNG."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import Commitment, Report
from luoshi.store.progress import add_progress
from luoshi.store.settings import Settings
from luoshi.web.demo import DEMO_PASSWORD, prepare_demo
from tests.web.browser import browser_page, live_server, log_in, require_chromium

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DAY = "2022-06-30"


def _some_progress(url: str) -> tuple[int, int]:
    """A spread of progress so the overview shows every colour; returns (newest report id, its first task id)."""
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session, session.begin():
        report = session.scalar(select(Report).order_by(Report.year.desc()).limit(1))
        ids = list(session.scalars(select(Commitment.id).where(Commitment.report_id == report.id).order_by(Commitment.start)))
        for n, cid in enumerate(ids[:60]):
            state, pct = [("done", 100.0), ("in_progress", 60.0), ("in_progress", 10.0), ("blocked", 30.0)][n % 4]
            add_progress(session, cid, state, pct, "按计划推进", [{"kind": "url", "value": "https://example.gov.cn/"}],
                         reported_on=date(2022, 6, 1))
        first = (report.id, ids[0])
    engine.dispose()
    return first


def test_browser_screenshots_of_main_pages(tmp_path):
    require_chromium()
    out = DOCS if os.environ.get("LUOSHI_SCREENSHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", upload_dir=tmp_path / "up", secret_key="shots")
    logins = prepare_demo(settings.database_url)
    report_id, task_id = _some_progress(settings.database_url)
    dept_user = next(u for u, _, role in logins if role.startswith("department"))
    shots = {
        "overview": f"/?report={report_id}&date={DAY}",
        "ledger": f"/ledger?report={report_id}&date={DAY}&sort=status",
        "report": f"/reports/{report_id}?date={DAY}",
        "commitment": f"/commitments/{task_id}?date={DAY}",
        "indicators": f"/indicators?report={report_id}",
        "reminders": f"/reminders?date={DAY}&days=30",
        "overview-en": f"/?report={report_id}&date={DAY}&lang=en",
        "not-found": "/commitments/999999?lang=zh",
    }
    with live_server(settings) as url, browser_page(url) as page:
        log_in(page, "supervisor", DEMO_PASSWORD)
        for name, path in shots.items():
            page.goto(path)
            page.screenshot(path=str(out / f"{name}.png"), full_page=name in ("overview", "commitment"))
        page.goto("/?lang=zh")
        page.click("form[action='/logout'] button")
        log_in(page, dept_user, DEMO_PASSWORD)
        page.goto(f"/workspace?date={DAY}")
        page.screenshot(path=str(out / "workspace.png"))
    for name in [*shots, "workspace"]:
        data = (out / f"{name}.png").read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000, name
