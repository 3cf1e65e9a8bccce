"""Clause verdicts in real Chromium: a task row joining several works by ；shows each clause's own verdict and evidence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import Verdict
from luoshi.store.settings import Settings
from tests.web.browser import browser_page, live_server, log_in, require_chromium
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

STATUS_ZH = {"fulfilled": "已落实", "partial": "部分落实", "not_fulfilled": "未落实", "no_evidence": "无证据"}


@pytest.fixture
def linked_server(tmp_path) -> Iterator[tuple[str, list[dict], int, int]]:
    from tests.web.linked import seed_linked

    require_chromium()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'ledger.db'}", upload_dir=tmp_path / "uploads", secret_key="browser")
    old = seed_linked(settings.database_url)["old"]
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as session:
        # the mentougou-2020 row on its towns joins nine works by ；: the ledger keeps each one's verdict
        rows = [v for v in session.scalars(select(Verdict).where(Verdict.source_kind == "commitment")) if v.clauses]
        mixed = next(v for v in rows if len({c["status"] for c in v.clauses}) > 1)
        clauses, commitment_id = list(mixed.clauses), mixed.source_id
        assert mixed.status == "partial"
    engine.dispose()
    with live_server(settings) as url:
        yield url, clauses, commitment_id, old


def test_browser_task_page_shows_each_clause_verdict(linked_server):
    url, clauses, commitment_id, _ = linked_server
    with browser_page(url) as page:
        log_in(page, "sup", PASSWORD)
        page.goto(f"/commitments/{commitment_id}")
        items = page.locator("#verdicts ol.clauses li.clause")
        assert items.count() == len(clauses) >= 2 and items.first.is_visible()
        for k, clause in enumerate(clauses):
            item = items.nth(k)
            assert item.get_attribute("data-status") == clause["status"]
            assert clause["text"] in item.inner_text() and STATUS_ZH[clause["status"]] in item.inner_text()
            top = clause["evidence"][0]["text"] if clause["evidence"] else None
            assert (item.locator("mark").inner_text() if top else item.locator("mark").count()) == (top or 0)
        # the clause list sits in the verdict above the row's own evidence
        assert page.locator("#verdicts .verdict").first.locator("ol.clauses").count() == 1


def test_browser_verdict_list_shows_the_clause_verdicts_under_the_row(linked_server):
    url, clauses, commitment_id, old = linked_server
    with browser_page(url) as page:
        log_in(page, "sup", PASSWORD)
        page.goto(f"/reports/{old}/verdicts?per_page=500")
        row = page.locator(f'#verdict-table tr[data-kind=commitment]:has(a[href="/commitments/{commitment_id}"])')
        assert row.count() == 1 and row.get_attribute("data-status") == "partial"
        items = row.locator("ol.clauses li.clause")
        assert items.count() == len(clauses)
        assert [items.nth(k).get_attribute("data-status") for k in range(len(clauses))] == [c["status"] for c in clauses]
        # rows of one clause carry no list
        assert page.locator("#verdict-table tr[data-kind=commitment] ol.clauses").count() < \
            page.locator("#verdict-table tr[data-kind=commitment]").count()
