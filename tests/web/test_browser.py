"""Real headless Chromium against a live server: the office's and a department's day."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.web.browser import browser_page, log_in, server  # noqa: F401 - server: the shared fixture
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser
DAY = "2022-03-01"




def _tile(page, status: str) -> int:
    return int(page.inner_text(f"#status-tiles [data-status={status}] .n"))


def test_browser_department_files_progress_and_sees_status_and_overview_change(server):
    with browser_page(server) as page:
        log_in(page, "jiaotong", PASSWORD)
        page.goto(f"/?date={DAY}")
        done_before = _tile(page, "done")
        page.goto("/workspace")
        page.wait_for_selector("#workspace-table")
        page.goto(f"/commitments/1?date={DAY}")
        page.select_option("#progress-form select[name=state]", "done")
        page.fill("#progress-form input[name=percent]", "100")
        page.fill("#progress-form textarea[name=note]", "已完成新建道路12公里")
        page.click("#progress-form button[type=submit]")
        page.wait_for_selector("#timeline li")
        assert "已完成新建道路12公里" in page.inner_text("#timeline")
        page.goto(f"/commitments/1?date={DAY}")
        assert "已完成" in page.inner_text("h1")
        page.goto(f"/?date={DAY}")
        assert _tile(page, "done") == done_before + 1


def test_browser_department_cannot_file_for_another_department(server):
    with browser_page(server) as page:
        log_in(page, "minzheng", PASSWORD)
        page.goto("/commitments/1")
        assert page.locator("#progress-form").count() == 0
        token = page.get_attribute("form[action='/logout'] input[name=csrf_token]", "value")
        r = page.request.post("/commitments/1/progress", form={"state": "done", "csrf_token": token})
        assert r.status == 403


def test_browser_supervisor_reassigns_overrides_verdict_and_exports_xlsx(server, tmp_path):
    with browser_page(server) as page:
        log_in(page, "sup", PASSWORD)
        page.goto("/commitments/1")
        page.fill("#assign-form input[name=lead]", "区发展改革委")
        page.fill("#assign-form input[name=support]", "区财政局")
        page.click("#assign-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert page.inner_text("#lead") == "区发展改革委"
        page.select_option(".verdict-form select[name=status]", "fulfilled")
        page.fill(".verdict-form input[name=reason]", "年报显示已建成")
        page.click(".verdict-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert "已落实" in page.inner_text("#verdicts")
        page.goto("/ledger?department=区发展改革委")
        with page.expect_download() as download:
            page.click("#export-xlsx")
        path = tmp_path / "export.xlsx"
        download.value.save_as(path)
        rows = list(load_workbook(path).active.iter_rows(min_row=3, values_only=True))
        assert [r[2] for r in rows] == ["年内完成新建道路12公里"] and rows[0][6] == "区发展改革委"


def test_browser_script_in_report_text_is_shown_not_run(server):
    with browser_page(server) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        log_in(page, "viewer", PASSWORD)
        for path in ("/reports/1", "/commitments/5", "/ledger"):
            page.goto(path)
            page.wait_for_load_state("load")
        page.goto("/reports/1")
        assert "<script>alert('x')</script>" in page.inner_text("#report-text")
        assert page.locator("#report-text img").count() == 0
        assert dialogs == []
