"""Every page renders, has a JSON twin, and untrusted report text stays text."""

import pytest

from tests.web.conftest import login

PAGES = ["/", "/ledger", "/reports", "/reports/{report}", "/commitments/1", "/indicators", "/reminders", "/audit"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_html_and_json_twin(client, seeded, path):
    login(client, "sup")
    path = path.format(**seeded)
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin = client.get("/index.json" if path == "/" else path + ".json")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"


def test_pages_json_twins_are_documented_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/index.json", "/ledger.json", "/commitments/{commitment_id}.json", "/commitments/{commitment_id}/progress.json"):
        assert path in paths


def test_pages_no_external_assets(client):
    login(client, "sup")
    html = client.get("/").text
    assert "cdn" not in html.lower() and "https://" not in html


def test_pages_report_with_script_and_img_renders_as_text(client, seeded):
    login(client, "sup")
    for path in (f"/reports/{seeded['report']}", "/commitments/5", "/ledger"):
        html = client.get(path).text
        assert "<script>" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;" in html


@pytest.mark.parametrize("path", ["/commitments/999", "/reports/999", "/no/such/page", "/ledger?report=999"])
def test_pages_unknown_ids_are_chinese_404(client, path):
    login(client, "sup")
    r = client.get(path)
    assert r.status_code == 404 and "未找到" in r.text


def test_pages_unknown_id_json_404(client):
    login(client, "sup")
    r = client.get("/commitments/999.json")
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_pages_need_login_outside_public_mode(client):
    r = client.get("/ledger", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert client.get("/ledger.json").status_code == 401


def test_pages_english_switch_and_iso_dates(client):
    login(client, "sup")
    en = client.get("/?lang=en&date=2022-06-30")
    assert "Overview" in en.text and "2022-06-30" in en.text
    assert "Overview" in client.get("/").text  # the choice sticks in a cookie
    zh = client.get("/?lang=zh&date=2022-06-30")
    assert "总览" in zh.text and "2022年6月30日" in zh.text


def test_pages_overview_counts_by_status_department_and_section(client):
    login(client, "sup")
    data = client.get("/index.json?date=2022-07-10").json()
    assert data["total"] == 5
    assert sum(data["by_status"].values()) == 5
    assert data["by_status"]["overdue"] == 1  # the 2022-06 deadline has passed
    assert {d["department"] for d in data["by_department"]} >= {"区交通局", "区民政局"}
    assert sum(s["total"] for s in data["by_section"]) == 5
    assert 0 <= data["expected_percent"] <= 100


def test_pages_malformed_query_is_422(client):
    login(client, "sup")
    assert client.get("/ledger.json?date=yesterday").status_code == 422
    assert client.get("/ledger.json?per_page=0").status_code == 422
    r = client.get("/ledger?status=bogus")
    assert r.status_code == 422 and "请求有误" in r.text


def test_pages_indicator_series_keep_units_apart(client, settings):
    from luoshi.store.db import make_engine, make_sessionmaker
    from luoshi.store.observations import add_observation

    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as session, session.begin():
        add_observation(session, "地区生产总值", 6.5, period="2022", unit="%")
        add_observation(session, "地区生产总值", 276.0, period="2021", unit="亿元")
    engine.dispose()
    login(client, "viewer")
    series = client.get("/indicators.json").json()["series"]
    assert [(s["metric"], s["unit"], s["target"], s["observed"]) for s in series] == [
        ("地区生产总值", "%", [{"period": "2022", "value": 6.0}], [{"period": "2022", "value": 6.5}])
    ]


def test_pages_indicators_table_speaks_words_not_codes(client):
    """The kind, comparator and change of each figure read as words (目标 · 左右 · 增幅), never model codes."""
    import re

    login(client, "sup")
    html = client.get("/indicators").text
    table = html[html.index('id="indicators-table"'):]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", table)
    assert "目标" in cells
    for code in ("target", "actual", "baseline", "about", "at_least", "at_most", "increase", "decrease", "level"):
        assert code not in cells and not any(c.startswith(code + " ·") for c in cells), code
