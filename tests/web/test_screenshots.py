"""Screenshots of the demo exactly as `luoshi demo` serves it (public read-only, as of DEMO_AS_OF).

Written to docs/screenshots/ when LUOSHI_SCREENSHOTS=1 (the README shows them), else to a
temp folder; each is checked to be a real PNG.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from luoshi.web.demo import DEMO_PASSWORD
from tests.web.browser import browser_page, demo, log_in  # noqa: F401 - demo: the shared fixture

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_browser_screenshots_of_the_demo(demo, tmp_path):
    url, ledger = demo
    out = DOCS if os.environ.get("LUOSHI_SCREENSHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    old, new = ledger.pairs[0]
    with browser_page(url) as page:  # a task with progress: the first done one
        page.goto("/ledger.json?status=done")
        task_id = page.evaluate("() => JSON.parse(document.body.innerText).items[0].id")
    public = {
        "overview": "/",
        "verdicts": f"/reports/{old}/verdicts",
        "ledger": "/ledger?sort=status",
        "report": f"/reports/{new}",
        "commitment": f"/commitments/{task_id}",
        "diff": f"/reports/{old}/diff/{new}",
        "region": f"/regions/{ledger.region_id}",
        "indicators": f"/indicators?report={new}",
        "overview-en": "/?lang=en",
        "not-found": "/commitments/999999?lang=zh",
    }
    written = []
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
