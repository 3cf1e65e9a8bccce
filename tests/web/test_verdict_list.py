"""落实评价清单 in pages: counts and filters computed by the database agree with the rows they describe."""

from __future__ import annotations

import pytest

from tests.web.conftest import login

VERDICT_KEYS = ("fulfilled", "partial", "not_fulfilled", "no_evidence", "unjudged")


@pytest.fixture
def linked(linked):
    """The linked pair of tests/web/conftest.py, read as the public viewer."""
    login(linked[0], "viewer")
    return linked


def _all_rows(client, report: int, **params) -> list[dict]:
    """Every row of the filtered list, read page by page (7 a page: several pages on the sample)."""
    rows, page = [], 1
    while True:
        data = client.get(f"/reports/{report}/verdicts.json", params={**params, "page": page, "per_page": 7}).json()
        assert data["page"] == page and len(data["items"]) <= 7
        rows += data["items"]
        if page >= data["pages"]:
            assert len(rows) == data["total"]
            return rows
        page += 1


def _expected(rows: list[dict], status=None, section=None, department=None, kind=None) -> list[dict]:
    """The filter's meaning, said in Python over the whole list."""
    return [r for r in rows
            if (not status or (r["status"] or "unjudged") == status)
            and (not section or r["section"] == section)
            and (not department or department in r["lead"] or department in r["support"])
            and (not kind or r["kind"] == kind)]


def test_pages_concatenate_to_the_whole_list_in_report_order(linked):
    client, ids = linked
    whole = client.get(f"/reports/{ids['old']}/verdicts.json", params={"per_page": 500}).json()
    assert whole["pages"] == 1 and len(whole["items"]) == whole["total"] > 20
    paged = _all_rows(client, ids["old"])
    assert [(r["kind"], r["id"]) for r in paged] == [(r["kind"], r["id"]) for r in whole["items"]]
    assert [r["position"] for r in paged] == sorted(r["position"] for r in paged)
    assert {r["kind"] for r in paged} == {"commitment", "indicator"}
    counts = whole["counts_all"]
    assert sum(counts.values()) == whole["total"]
    for key in VERDICT_KEYS:
        assert counts[key] == sum((r["status"] or "unjudged") == key for r in paged)
    # page 2 is numbered on from page 1, and past the end is an empty page, not an error
    html = client.get(f"/reports/{ids['old']}/verdicts", params={"page": 2, "per_page": 7}).text
    assert '<td data-label="#">8</td>' in html and 'id="verdict-pager"' in html
    assert client.get(f"/reports/{ids['old']}/verdicts.json", params={"page": 999}).json()["items"] == []


def test_every_filter_matches_the_rows_it_keeps(linked):
    client, ids = linked
    whole = client.get(f"/reports/{ids['old']}/verdicts.json", params={"per_page": 500}).json()
    rows = whole["items"]
    chapter = next(r["section"] for r in rows if r["section"])
    dept = next(d for d in whole["departments"] if any(d in r["lead"] for r in rows if r["kind"] == "indicator")) \
        if any(r["lead"] for r in rows if r["kind"] == "indicator") else whole["departments"][0]
    status = max(VERDICT_KEYS, key=lambda s: whole["counts_all"][s])
    for f in ({"status": status}, {"section": chapter}, {"department": dept}, {"kind": "indicator"}, {"kind": "commitment"},
              {"status": status, "department": dept}, {"section": chapter, "kind": "commitment", "status": status}):
        want = _expected(rows, **f)
        got = _all_rows(client, ids["old"], **f)
        assert [(r["kind"], r["id"]) for r in got] == [(r["kind"], r["id"]) for r in want], f
        data = client.get(f"/reports/{ids['old']}/verdicts.json", params=f).json()
        assert data["total"] == len(want) and sum(data["counts"].values()) == len(want), f
        assert data["counts_all"] == whole["counts_all"]  # the tiles keep the whole report's numbers


def test_list_agrees_with_the_overview_summary_and_follows_a_human_decision(linked):
    client, ids = linked
    summary = client.get("/index.json", params={"report": ids["old"]}).json()["verdicts"]
    whole = client.get(f"/reports/{ids['old']}/verdicts.json", params={"per_page": 500}).json()
    assert {s: whole["counts_all"][s] for s in summary["counts"]} == summary["counts"]
    assert whole["counts_all"]["unjudged"] == summary["unjudged"]
    row = next(r for r in whole["items"] if r["kind"] == "commitment" and r["status"] != "not_fulfilled")
    token = login(client, "sup")
    detail = client.get(f"/commitments/{row['id']}.json").json()
    v = next(x for x in detail["verdicts"] if x["id"] == row["verdict_id"])
    r = client.post(f"/commitments/{row['id']}/verdict.json",
                    data={"verdict_id": v["id"], "version": v["version"], "status": "not_fulfilled", "reason": "人工核实",
                          "csrf_token": token})
    assert r.status_code == 200, r.text
    after = client.get(f"/reports/{ids['old']}/verdicts.json", params={"status": "not_fulfilled", "per_page": 500}).json()
    assert any(x["id"] == row["id"] and x["confirmed"] for x in after["items"] if x["kind"] == "commitment")
    assert after["counts_all"]["not_fulfilled"] == whole["counts_all"]["not_fulfilled"] + 1
    summary2 = client.get("/index.json", params={"report": ids["old"]}).json()["verdicts"]
    assert summary2["counts"]["not_fulfilled"] == summary["counts"]["not_fulfilled"] + 1


def test_exports_hold_every_row_of_the_filtered_list(linked):
    client, ids = linked
    whole = client.get(f"/reports/{ids['old']}/verdicts.json", params={"per_page": 500}).json()
    csv = client.get(f"/reports/{ids['old']}/verdicts.csv", params={"page": 2, "per_page": 5}).content.decode("utf-8-sig")
    # header + all rows, not one page, then the themes (类型 主题)
    assert len([line for line in csv.splitlines() if line]) == whole["total"] + len(whole["themes"]) + 1


def test_clause_verdicts_in_the_json_rows_the_task_detail_and_the_export(linked):
    """A row joining several works by ；carries each clause's verdict: the list's JSON, the task's JSON, the CSV."""
    import csv
    import io

    client, ids = linked
    rows = _all_rows(client, ids["old"])
    with_clauses = [r for r in rows if r["clauses"]]
    assert with_clauses and all(r["kind"] == "commitment" for r in with_clauses)
    assert all(len(r["clauses"]) >= 2 and set(r["clauses"][0]) == {"text", "status", "confidence", "evidence"}
               for r in with_clauses)
    row = with_clauses[0]
    detail = client.get(f"/commitments/{row['id']}.json").json()
    assert [c["status"] for c in detail["verdicts"][0]["clauses"]] == [c["status"] for c in row["clauses"]]
    text = client.get(f"/reports/{ids['old']}/verdicts.csv").content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    cell = next(r["分句结论"] for r in table if r["原文"] == row["text"])
    assert cell.startswith(f"1. {row['clauses'][0]['text']}：") and cell.count("；2. ") == 1
