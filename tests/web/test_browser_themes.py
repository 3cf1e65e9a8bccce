"""Theme verdicts in real Chromium: a supervisor reads a theme's header row on the verdict list and overrides it by clicking."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from luoshi.store.settings import Settings
from tests.web.browser import browser_page, demo, live_server, log_in, require_chromium  # noqa: F401 - demo: the shared fixture
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def linked_server(tmp_path) -> Iterator[tuple[str, dict]]:
    from tests.web.linked import seed_linked

    require_chromium()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'ledger.db'}", upload_dir=tmp_path / "uploads", secret_key="browser")
    ids = seed_linked(settings.database_url)
    with live_server(settings) as url:
        yield url, ids


def test_browser_supervisor_overrides_a_theme_verdict_on_the_list(linked_server):
    url, ids = linked_server
    with browser_page(url) as page:
        log_in(page, "sup", PASSWORD)
        page.goto(f"/reports/{ids['old']}/verdicts")
        row = page.locator("#verdict-table tr.theme-row", has_text="坚决打好蓝天保卫战")
        assert row.count() == 1 and row.is_visible()
        assert "主题" in row.inner_text() and row.get_attribute("data-status") in ("fulfilled", "partial")
        assert row.locator("mark").count() >= 1 and "工作回顾" in row.inner_text()  # evidence with its part and period
        # the header stands above the first task it heads
        kinds = page.locator("#verdict-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.kind)")
        first = kinds.index("theme")
        assert "commitment" in kinds[first:]
        row.locator("select[name=status]").select_option("not_fulfilled")
        row.locator("input[name=reason]").fill("细颗粒物浓度未达年度目标")
        row.locator("button[type=submit]").click()
        page.wait_for_selector("#verdict-table")
        row = page.locator("#verdict-table tr.theme-row", has_text="坚决打好蓝天保卫战")
        assert row.get_attribute("data-status") == "not_fulfilled"
        assert "未落实" in row.inner_text() and "人工认定" in row.inner_text() and "细颗粒物浓度未达年度目标" in row.inner_text()


def test_browser_demo_shows_theme_verdicts_on_its_first_screen(demo):
    url, _ = demo
    with browser_page(url) as page:
        page.goto("/")  # anonymous, as the public
        themes = page.locator("#previous-themes")
        assert themes.is_visible() and themes.bounding_box()["y"] < 900  # in the first screen
        assert "主题落实情况" in themes.inner_text() and themes.locator(".theme-chip").count() > 0
        themes.locator(".theme-chip").first.click()
        page.wait_for_selector("#verdict-table tr.theme-row")
        assert page.locator("#verdict-table tr.theme-row").count() > 5
        assert page.locator("#verdict-table tr[data-kind=commitment]").count() == 0  # the themes alone
