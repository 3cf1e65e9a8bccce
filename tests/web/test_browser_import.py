"""Real Chromium: the office imports its own 任务分解表 from the report page and sees the owners applied."""

from __future__ import annotations

import pytest

from tests.store.task_tables import office_table
from tests.web.browser import browser_page, log_in, server  # noqa: F401 - server: the shared fixture
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser




def test_browser_office_imports_a_task_table_and_sees_owners_applied(server, tmp_path):
    table = office_table(tmp_path / "门头沟区任务分解表.xlsx",
                         [("持续推进老旧小区改造", "区住房城乡建设委", "区财政局", "2022年9月底前"),
                          ("力争6月底前建成社区服务中心3个", "区民政局", "区司法局", "2022年6月底前")], merge_units_down=False)
    with browser_page(server) as page:
        log_in(page, "sup", PASSWORD)
        page.goto("/reports/1")
        page.set_input_files("#import-form input[type=file]", str(table))
        page.click("#import-form button[type=submit]")
        page.wait_for_selector("#import-summary")
        assert "2行已对应" in page.inner_text("#import-summary")
        assert "持续推进老旧小区改造" in page.inner_text("#import-placed")
        page.goto("/commitments/3")
        assert page.inner_text("#lead") == "区住房城乡建设委"
        assert page.inner_text("#support") == "区财政局"
        assert page.inner_text("#deadline") == "2022年9月30日（本办确定）"
