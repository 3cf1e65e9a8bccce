"""Every form of every page, submitted in real Chromium by clicking its button, as a person does.

The small hand-built ledger (conftest.seed) for the office's forms; the demo ledger
(both samples, linked, as of 2022-06-30) for search, the verdict list, small screens and print.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from openpyxl import load_workbook

from luoshi.web.demo import DEMO_LABEL, DEMO_PASSWORD
from tests.web.browser import browser_page, demo, log_in, server  # noqa: F401 - demo, server: the shared fixtures
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"






def _rows(page, table: str) -> int:
    return page.locator(f"#{table} tbody tr[data-id]").count()


def test_browser_ledger_filter_button_with_empty_fields_answers_the_page(server):
    with browser_page(server) as page:
        log_in(page, "sup", PASSWORD)
        page.goto("/ledger")
        page.click("#ledger-filters button[type=submit]")  # every field empty, as first seen
        page.wait_for_selector("#ledger-table")
        assert "status=" in page.url and _rows(page, "ledger-table") == 5
        page.select_option("#ledger-filters select[name=strength]", "binding")
        page.click("#ledger-filters button[type=submit]")
        page.wait_for_selector("#ledger-table")
        assert _rows(page, "ledger-table") == 2
        assert parse_qs(urlparse(page.url).query)["strength"] == ["binding"]
        page.select_option("#ledger-filters select[name=strength]", "")
        page.select_option("#ledger-filters select[name=department]", "区民政局")
        page.fill("#ledger-filters input[name=due_before]", "2022-06-30")
        page.click("#ledger-filters button[type=submit]")
        page.wait_for_selector("#ledger-table")
        assert page.locator("#ledger-table tbody tr[data-id]").all_inner_texts()[0].count("社区服务中心") == 1
        assert _rows(page, "ledger-table") == 1
        sort_labels = page.locator("#ledger-filters select[name=sort] option").all_inner_texts()
        assert "报告顺序" in sort_labels and "position" not in sort_labels


def test_browser_search_box_finds_text_and_headings_and_says_where(server):
    with browser_page(server) as page:
        log_in(page, "viewer", PASSWORD)
        page.goto("/ledger")
        page.fill("#ledger-filters input[name=q]", "民生")  # only in a heading: （二）保障和改善民生。
        page.click("#ledger-filters button[type=submit]")
        page.wait_for_selector("#search-where")
        assert _rows(page, "ledger-table") == 3
        assert "民生" in page.inner_text("#search-where")
        page.fill("#ledger-filters input[name=q]", "道路")
        page.click("#ledger-filters button[type=submit]")
        page.wait_for_selector("#search-where")
        assert _rows(page, "ledger-table") == 1


def test_browser_progress_form_with_upload_keeps_the_original_file_name(server, tmp_path):
    pdf = tmp_path / "道路验收报告.pdf"
    pdf.write_bytes(PDF)
    png = tmp_path / "现场照片.png"
    png.write_bytes(PNG)
    with browser_page(server) as page:
        log_in(page, "jiaotong", PASSWORD)
        assert page.url.endswith("/workspace")  # a department lands on its own tasks
        assert "牵头" in page.inner_text("#workspace-table")
        page.goto("/commitments/1?date=2022-03-01")
        assert page.input_value("#progress-form input[name=reported_on]") == "2022-03-01"
        page.select_option("#progress-form select[name=state]", "in_progress")
        page.fill("#progress-form input[name=percent]", "40")
        page.fill("#progress-form textarea[name=note]", "完成路基施工")
        page.set_input_files("#progress-form input[name=files]", [str(pdf), str(png)])
        page.click("#progress-form button[type=submit]")
        page.wait_for_selector("#timeline li a.attachment")
        timeline = page.inner_text("#timeline")
        assert "完成路基施工" in timeline and "推进中" in timeline and "in_progress" not in timeline
        assert page.inner_text("#percent") == "40%"
        links = page.locator("#timeline a.attachment")
        assert links.all_inner_texts() == ["道路验收报告.pdf", "现场照片.png"]
        with page.expect_download() as download:
            links.first.click()
        assert download.value.suggested_filename == "道路验收报告.pdf"
        preview = page.request.get(page.get_attribute("#timeline a.preview-link", "href"))
        assert preview.status == 200 and preview.headers["content-disposition"].startswith("inline")
        assert preview.headers["content-type"] == "application/pdf"
        assert page.locator("#timeline img.preview").evaluate("img => img.complete")


def test_browser_workspace_quick_progress_form(server):
    with browser_page(server) as page:
        log_in(page, "minzheng", PASSWORD)
        page.goto("/workspace?date=2022-03-01")
        row = page.locator("#workspace-table tr[data-id='2']")
        row.locator("select[name=state]").select_option("done")
        row.locator("input[name=percent]").fill("100")
        row.locator("input[name=note]").fill("三个中心已建成")
        row.locator("button[type=submit]").click()
        page.wait_for_selector(".flash")
        assert page.url.endswith("/workspace?date=2022-03-01")
        assert "已完成" in page.locator("#workspace-table tr[data-id='2']").inner_text()


def test_browser_office_assigns_sets_deadline_overrides_verdict_and_reads_the_log_in_words(server):
    with browser_page(server) as page:
        log_in(page, "sup", PASSWORD)
        page.goto("/commitments/3")
        page.fill("#assign-form input[name=lead]", "区住房城乡建设委")
        page.fill("#assign-form input[name=support]", "区财政局、区城市管理委")
        page.click("#assign-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert page.inner_text("#support") == "区财政局、区城市管理委"
        page.fill("#deadline-form input[name=due_date]", "2022-09-30")
        page.fill("#deadline-form textarea[name=note]", "按季度调度")
        page.click("#deadline-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert "2022年9月30日" in page.inner_text("dl.facts")
        audit = page.inner_text("#audit")
        assert "跟踪时限：（空） → 2022-09-30" in audit and "区财政局（配合）" in audit
        assert "{" not in audit and "update" not in audit
        page.goto("/commitments/1")
        page.select_option(".verdict-form select[name=status]", "fulfilled")
        page.fill(".verdict-form input[name=reason]", "年报显示已建成")
        page.click(".verdict-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert "已落实" in page.inner_text("#verdicts") and "年报显示已建成" in page.inner_text("#verdicts")
        page.goto("/audit")
        log = page.inner_text("#audit-table")
        assert "落实评价：部分落实 → 已落实" in log and "null" not in log


def test_browser_bulk_assignment_from_the_ledger(server):
    with browser_page(server) as page:
        log_in(page, "sup", PASSWORD)
        page.goto("/ledger?strength=binding")
        for box in page.locator("#ledger-table input[name=pick]").all():
            box.check()
        page.fill("#bulk-assign input[name=lead]", "区发展改革委")
        page.fill("#bulk-assign input[name=support]", "区财政局")
        page.click("#bulk-assign button[type=submit]")
        page.wait_for_selector(".flash")
        assert "已分派 2 项任务" in page.inner_text(".flash") and "strength=binding" in page.url
        leads = page.locator("#ledger-table tbody tr[data-id]").all_inner_texts()
        assert len(leads) == 2 and all("区发展改革委" in r and "区财政局" in r for r in leads)
        page.goto("/ledger?department=区发展改革委")
        assert _rows(page, "ledger-table") == 2


def test_browser_login_form_and_language_switch(server):
    with browser_page(server) as page:
        page.goto("/ledger")
        assert "/login" in page.url
        page.fill("input[name=username]", "viewer")
        page.fill("input[name=password]", "wrong-password")
        page.click("button[type=submit]")
        page.wait_for_selector("#login-error")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_selector("#whoami")
        assert "/ledger" in page.url and "任务台账" in page.inner_text("h1")
        page.click("#lang-switch")
        page.wait_for_selector("#whoami")
        assert "Ledger" in page.inner_text("h1")
        page.goto("/")
        assert "Overview" in page.inner_text("header nav")  # the choice is kept
        page.click("#lang-switch")
        assert "总览" in page.inner_text("header nav")


def test_browser_export_of_the_current_view_is_the_named_task_table(server, tmp_path):
    with browser_page(server) as page:
        log_in(page, "sup", PASSWORD)
        page.goto("/ledger?date=2022-06-30")
        page.select_option("#ledger-filters select[name=department]", "区住房城乡建设委")
        page.click("#ledger-filters button[type=submit]")
        page.wait_for_selector("#ledger-table")
        with page.expect_download() as download:
            page.click("#export-xlsx")
        assert download.value.suggested_filename == "测试区2022年任务分解表-截至2022-06-30.xlsx"
        path = tmp_path / "view.xlsx"
        download.value.save_as(path)
        rows = list(load_workbook(path).active.iter_rows(values_only=True))
        assert "测试区" in rows[0][0] and "2022年6月30日" in rows[0][0]
        assert [r[2] for r in rows[2:]] == ["持续推进老旧小区改造", "确保年底前完成20个小区"]


def test_browser_demo_opens_mid_year_with_verdicts_on_the_first_screen(demo):
    url, ledger = demo
    with browser_page(url) as page:
        page.goto("/")  # anonymous, as the public
        assert "2022年6月30日" in page.inner_text("h1")
        assert page.locator("#previous-verdicts").is_visible()
        assert page.locator("#previous-verdicts").bounding_box()["y"] < 900  # in the first screen
        for status in ("done", "on_track", "at_risk"):
            assert int(page.inner_text(f"#status-tiles [data-status={status}] .n")) > 0, status
        page.click("#verdict-list-link")
        page.wait_for_selector("#verdict-table")
        assert "门头沟区2020年政府工作报告" in page.inner_text("h1")
        assert "门头沟区2022年政府工作报告" in page.inner_text("#verdict-table thead")
        total = int(page.get_attribute("#verdict-total", "data-total"))
        page.select_option("#verdict-filters select[name=status]", "fulfilled")
        page.click("#verdict-filters button[type=submit]")
        page.wait_for_selector("#verdict-table")
        assert 0 < int(page.get_attribute("#verdict-total", "data-total")) < total
        assert set(page.locator("#verdict-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"fulfilled"}
        assert page.locator("#verdict-table tbody tr mark").count() > 0  # the best evidence, quoted in place
        page.select_option("#verdict-filters select[name=department]", index=1)
        page.click("#verdict-filters button[type=submit]")
        page.wait_for_selector("#verdict-table")
        with page.expect_download() as download:
            page.click("#verdicts-xlsx")
        assert download.value.suggested_filename.startswith("门头沟区2020年政府工作报告落实评价")
        old, new = ledger.pairs[0]
        page.goto(f"/ledger?report={old}")
        assert "已逾期" not in page.inner_text("#ledger-table") and page.locator("#earlier-note").is_visible()
        page.goto(f"/ledger?report={new}&q=棚户区改造")
        assert "棚改" in page.inner_text("#search-where")


def _verdict_rows(page) -> list[tuple[str, str, str]]:
    """(number, kind, status) of each task and target row shown in the verdict list (not the themes' header rows)."""
    return page.locator("#verdict-table tbody tr[data-kind]:not([data-kind=theme])").evaluate_all(
        "rows => rows.map(r => [r.cells[0].innerText.trim(), r.dataset.kind, r.dataset.status])")


def test_browser_verdict_list_pages_and_filters_by_clicking(demo):
    url, ledger = demo
    old, _ = ledger.pairs[0]
    with browser_page(url) as page:
        page.goto(f"/reports/{old}/verdicts")
        total = int(page.get_attribute("#verdict-total", "data-total"))
        first = _verdict_rows(page)
        assert total > 50 and len(first) == 50 and first[0][0] == "1"  # one page of 50, not every row
        page.click("#verdict-pager a[rel=next]")  # 下一页
        page.wait_for_url("**page=2**")
        second = _verdict_rows(page)
        assert second[0][0] == "51" and {r[0] for r in second}.isdisjoint({r[0] for r in first})
        page.click("#verdict-pager a[rel=prev]")
        page.wait_for_url("**page=1**")
        assert _verdict_rows(page) == first
        # a tile is a filter too: clicking 部分落实 keeps only partial verdicts, from page 1
        page.click("#verdict-tiles [data-verdict=partial]")
        page.wait_for_selector("#verdict-table")
        partial = int(page.get_attribute("#verdict-total", "data-total"))
        assert 0 < partial < total and "page=" not in page.url
        assert {r[2] for r in _verdict_rows(page)} == {"partial"}
        # the form, sent from page 2: kind 任务 and 已落实 narrow it, and the answer starts at row 1
        page.goto(f"/reports/{old}/verdicts?page=2")
        page.select_option("#verdict-filters select[name=kind]", "commitment")
        page.select_option("#verdict-filters select[name=status]", "fulfilled")
        page.click("#verdict-filters button[type=submit]")
        page.wait_for_selector("#verdict-table")
        rows = _verdict_rows(page)
        assert "page=2" not in page.url and rows and rows[0][0] == "1", (page.url, rows)
        assert {(k, s) for _, k, s in rows} == {("commitment", "fulfilled")}
        n = int(page.get_attribute("#verdict-total", "data-total"))
        assert n == len(rows) or page.locator("#verdict-pager a[rel=next]").count() == 1


def test_browser_demo_progress_is_labelled_and_as_of_applies(demo):
    url, ledger = demo
    with browser_page(url) as page:
        log_in(page, "dept1", DEMO_PASSWORD)
        page.wait_for_selector("#workspace-table")
        page.goto("/ledger?status=done")
        assert _rows(page, "ledger-table") >= 1
        page.goto("/ledger?status=done&date=2022-01-31")
        assert _rows(page, "ledger-table") == 0
    with browser_page(url) as page:
        log_in(page, "supervisor", DEMO_PASSWORD)
        page.goto("/ledger?status=done")
        page.click("#ledger-table tbody tr[data-id] a")
        assert DEMO_LABEL in page.inner_text("#timeline")


def test_browser_phone_width_has_no_sideways_scrolling(demo, tmp_path):
    url, ledger = demo
    with browser_page(url) as page:
        page.set_viewport_size({"width": 390, "height": 844})
        log_in(page, "dept1", DEMO_PASSWORD)
        old, new = ledger.pairs[0]
        for path in ("/workspace", "/ledger", f"/reports/{old}/verdicts", "/"):
            page.goto(path)
            page.wait_for_load_state("load")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (path, overflow)
        page.goto("/workspace")
        task = page.locator("#workspace-table tbody tr[data-id]").first
        task_id = task.get_attribute("data-id")
        page.goto(f"/commitments/{task_id}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        page.fill("#progress-form input[name=percent]", "55")
        page.click("#progress-form button[type=submit]")
        page.wait_for_selector(".flash")
        assert page.inner_text("#percent") == "55%"


def test_browser_print_media_hides_controls(demo, tmp_path):
    url, ledger = demo
    old, _ = ledger.pairs[0]
    with browser_page(url) as page:
        page.emulate_media(media="print")
        for path in (f"/reports/{old}/verdicts", "/ledger", "/commitments/1"):
            page.goto(path)
            assert not page.locator("header.top").is_visible()
            assert page.locator("form.filters").count() == 0 or not page.locator("form.filters").first.is_visible()
        page.goto(f"/reports/{old}/verdicts")
        shot = tmp_path / "print.png"
        page.screenshot(path=str(shot), full_page=False)
        assert Path(shot).read_bytes().startswith(b"\x89PNG")
        pdf = page.pdf(format="A4", landscape=True)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


# Each text of each chart, measured by Chromium: its box must lie inside the drawing's viewBox.
CLIPPED_LABELS = """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
  const vb = svg.viewBox.baseVal;
  return [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();
    return [t.textContent, Math.round(b.x), Math.round(b.x + b.width), Math.round(b.y), Math.round(b.y + b.height), vb.width, vb.height]; })
    .filter(([, x0, x1, y0, y1, w, h]) => x0 < 0 || x1 > w || y0 < 0 || y1 > h);
})"""


def test_browser_chart_labels_fit_inside_their_charts(demo, tmp_path):
    url, ledger = demo
    old, new = ledger.pairs[0]
    with browser_page(url) as page:
        for path in ("/", "/?lang=en", f"/?report={old}", f"/regions/{ledger.region_id}", f"/indicators?report={new}"):
            page.goto(path)
            assert page.locator("svg.chart text").count() > 0, path
            assert page.evaluate(CLIPPED_LABELS) == [], path
        page.goto("/")
        gauge = page.locator("svg.chart").first
        gauge.screenshot(path=str(tmp_path / "gauge.png"))  # the 序时进度 gauge whose "43%" was cut off
        assert (tmp_path / "gauge.png").read_bytes().startswith(b"\x89PNG")
