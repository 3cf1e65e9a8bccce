"""The ledger: filters, Chinese search, sorting, pagination, export of the current view."""

import io

import pytest
from openpyxl import load_workbook

from tests.web.conftest import login


@pytest.mark.parametrize(
    ("query", "expected_keys"),
    [
        ("", ["c1", "c2", "c3", "c4", "c5"]),
        ("q=小区", ["c3", "c4"]),
        ("q=小区 确保", ["c4"]),
        ("q=100%", []),
        ("section=s1.1", ["c1", "c2"]),
        ("section=s1", ["c1", "c2", "c3", "c4", "c5"]),
        ("strength=binding", ["c1", "c4"]),
        ("department=区民政局", ["c2", "c5"]),
        ("due_before=2022-06-30", ["c2"]),
        ("due_after=2022-07", ["c1", "c4"]),
        ("status=overdue&date=2022-07-10", ["c2"]),
        ("sort=strength", ["c1", "c4", "c2", "c3", "c5"]),
        ("sort=status&date=2022-07-10", ["c2", "c1", "c3", "c4", "c5"]),
    ],
)
def test_ledger_filters_and_sorts(client, query, expected_keys):
    login(client, "viewer")
    data = client.get(f"/ledger.json?{query}").json()
    assert [i["key"] for i in data["items"]] == expected_keys
    assert data["total"] == len(expected_keys)


def test_ledger_paginates(client):
    login(client, "viewer")
    first = client.get("/ledger.json?per_page=2").json()
    third = client.get("/ledger.json?per_page=2&page=3").json()
    assert first["pages"] == 3 and [i["key"] for i in first["items"]] == ["c1", "c2"]
    assert [i["key"] for i in third["items"]] == ["c5"]


def test_ledger_export_xlsx_is_the_current_view(client):
    login(client, "viewer")
    r = client.get("/ledger.xlsx?q=小区")
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content)).active
    tasks = [row[2] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert tasks == ["持续推进老旧小区改造", "确保年底前完成20个小区"]


def test_ledger_export_csv_has_bom_and_header(client):
    login(client, "viewer")
    r = client.get("/ledger.csv")
    assert r.content.startswith(b"\xef\xbb\xbf") and "任务内容" in r.content.decode("utf-8-sig")
