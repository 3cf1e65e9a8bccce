"""Screenshots of the demo exactly as `luoshi demo` serves it (public read-only, as of DEMO_AS_OF).

Written to docs/screenshots/ when LUOSHI_SCREENSHOTS=1 (the README shows them), else to a
temp folder; each is checked to be a real PNG.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import ProgressUpdate
from luoshi.store.settings import Settings
from luoshi.web.demo import DEMO_AS_OF, DEMO_PASSWORD, prepare_demo
from tests.web.browser import browser_page, live_server, log_in, require_chromium

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _task_with_progress(url: str) -> int:
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        cid = session.scalar(select(ProgressUpdate.commitment_id).order_by(ProgressUpdate.id).limit(1))
    engine.dispose()
    return cid


def test_browser_screenshots_of_the_demo(tmp_path):
    require_chromium()
    out = DOCS if os.environ.get("LUOSHI_SCREENSHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", upload_dir=tmp_path / "up", secret_key="shots",
                        as_of=DEMO_AS_OF, public_mode=True)
    demo = prepare_demo(settings.database_url)
    old, new = demo.pairs[0]
    task_id = _task_with_progress(settings.database_url)
    public = {
        "overview": "/",
        "verdicts": f"/reports/{old}/verdicts",
        "ledger": "/ledger?sort=status",
        "report": f"/reports/{new}",
        "commitment": f"/commitments/{task_id}",
        "diff": f"/reports/{old}/diff/{new}",
        "region": f"/regions/{demo.region_id}",
        "indicators": f"/indicators?report={new}",
        "overview-en": "/?lang=en",
        "not-found": "/commitments/999999?lang=zh",
    }
    written = []
    with live_server(settings) as url:
        with browser_page(url) as page:
            for name, path in public.items():
                page.goto(path)
                page.screenshot(path=str(out / f"{name}.png"), full_page=name in ("commitment",))
                written.append(name)
            page.goto("/?lang=zh")
            page.emulate_media(media="print")
            page.goto(f"/reports/{old}/verdicts?status=fulfilled")
            page.screenshot(path=str(out / "verdicts-print.png"))
            written.append("verdicts-print")
        with browser_page(url) as page:
            log_in(page, "supervisor", DEMO_PASSWORD)
            page.goto("/reminders?days=30")
            page.screenshot(path=str(out / "reminders.png"))
            page.click("form[action='/logout'] button")
            log_in(page, "dept1", DEMO_PASSWORD)  # lands on the workspace
            page.screenshot(path=str(out / "workspace.png"))
            page.set_viewport_size({"width": 390, "height": 844})
            page.goto("/ledger")
            page.screenshot(path=str(out / "ledger-phone.png"))
            written += ["reminders", "workspace", "ledger-phone"]
    for name in written:
        data = (out / f"{name}.png").read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000, name
