"""Region page (reports by year, indicator series across years) and the report diff page."""

from __future__ import annotations

from tests.web.conftest import login


def test_region_page_lists_reports_and_series(linked):
    client, ids = linked
    login(client, "viewer")
    data = client.get(f"/regions/{ids['region']}.json").json()
    assert data["region"]["name"] == "北京市门头沟区"
    assert [r["id"] for r in data["reports"]] == [ids["old"], ids["new"]]
    assert data["series"]
    for s in data["series"]:
        assert len(s["reports"]) >= 2
    gdp = [s for s in data["series"] if "地区生产总值" in s["names"] or s["metric_id"] in ("gdp", "地区生产总值")]
    assert gdp, [s["metric"] for s in data["series"]]
    html = client.get(f"/regions/{ids['region']}").text
    assert "<svg" in html and 'id="region-series"' in html and "地区生产总值" in html
    assert f"/reports/{ids['old']}/diff/{ids['new']}" in html
    assert client.get(f"/regions/{ids['region']}?lang=en").status_code == 200
    assert client.get("/regions/99999.json").status_code == 404


def test_diff_page_lists_carried_over_pairs(linked):
    client, ids = linked
    login(client, "viewer")
    data = client.get(f"/reports/{ids['old']}/diff/{ids['new']}.json").json()
    assert data["counts"]["carried"] == len(data["carried"]) > 0
    pair = data["carried"][0]
    assert pair["old"]["id"] != pair["new"]["id"] and 0 < pair["score"] <= 1
    assert data["counts"]["dropped"] + data["counts"]["carried"] > 0 and data["counts"]["new"] == len(data["new_items"])
    html = client.get(f"/reports/{ids['old']}/diff/{ids['new']}").text
    assert f'/commitments/{pair["old"]["id"]}' in html and f'/commitments/{pair["new"]["id"]}' in html
    assert client.get(f"/reports/{ids['old']}/diff/99999.json").status_code == 404
