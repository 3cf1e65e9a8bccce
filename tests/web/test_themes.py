"""Theme verdicts on the 落实评价清单: header rows above their tasks, counted apart, confirmed like a task's; in the exports."""

from __future__ import annotations

import csv
import io

from tests.web.conftest import login


def _themes(client, report: int, **params) -> dict:
    return client.get(f"/reports/{report}/verdicts.json", params={"per_page": 500, **params}).json()


def test_the_list_shows_each_theme_as_a_header_above_its_tasks(linked):
    client, ids = linked
    login(client, "viewer")
    data = _themes(client, ids["old"])
    themes = data["themes"]
    assert len(themes) > 10 and all(t["kind"] == "theme" and t["on_page"] for t in themes)
    blue = next(t for t in themes if t["text"] == "坚决打好蓝天保卫战。")
    assert blue["status"] in ("fulfilled", "partial") and blue["confidence"] is not None
    assert 1 <= len(blue["evidence"]) <= 3 and all(e["part"] == "review" and e["period"] for e in blue["evidence"])
    # the tiles count tasks and targets only
    assert sum(data["counts_all"].values()) == data["total"] == len(data["items"])
    assert sum(data["theme_counts"].values()) == len(themes)
    html = client.get(f"/reports/{ids['old']}/verdicts").text
    header = html.index(f'id="theme-{blue["id"]}"')
    first_task = next(r for r in data["items"] if r["position"] > blue["position"])
    assert header < html.index(f'href="/commitments/{first_task["id"]}"') if first_task["kind"] == "commitment" else True
    assert "主题" in html and "另有主题" in html and "（工作回顾，" in html
    assert "Theme" in client.get(f"/reports/{ids['old']}/verdicts", params={"lang": "en"}).text
    # the theme filter shows the themes alone; a department filter none (a theme leads no unit)
    only = _themes(client, ids["old"], kind="theme")
    assert only["items"] == [] and len(only["themes"]) == len(themes)
    assert _themes(client, ids["old"], kind="commitment")["themes"] == []


def test_paged_lists_show_every_theme_once_across_the_pages(linked):
    client, ids = linked
    login(client, "viewer")
    seen, page = [], 1
    while True:
        data = _themes(client, ids["old"], per_page=20, page=page)
        seen += [t["id"] for t in data["themes"] if t["on_page"]]
        if page >= data["pages"]:
            break
        page += 1
    assert set(seen) == {t["id"] for t in data["themes"]}


def test_a_supervisor_overrides_a_theme_verdict_and_a_stale_one_is_refused(linked):
    client, ids = linked
    token = login(client, "sup")
    blue = next(t for t in _themes(client, ids["old"])["themes"] if t["text"] == "坚决打好蓝天保卫战。")
    form = {"verdict_id": blue["verdict_id"], "version": blue["version"], "csrf_token": token}
    r = client.post(f"/themes/{blue['id']}/verdict.json", data=form | {"status": "not_fulfilled", "reason": "PM2.5 未达标"})
    assert r.status_code == 200 and r.json()["status"] == "not_fulfilled" and r.json()["confirmed"]
    after = next(t for t in _themes(client, ids["old"])["themes"] if t["id"] == blue["id"])
    assert (after["status"], after["reason"], after["confirmed"]) == ("not_fulfilled", "PM2.5 未达标", True)
    # hostile: the same form again with the version it was read at
    stale = client.post(f"/themes/{blue['id']}/verdict.json", data=form | {"status": "fulfilled"})
    assert stale.status_code == 409
    message = stale.json()["message"]
    assert message.startswith("E102: ") and "\n" not in message and "蓝天" in message
    page = client.post(f"/themes/{blue['id']}/verdict", data=form | {"status": "fulfilled"})
    assert page.status_code == 409 and "E102" in page.text
    assert next(t for t in _themes(client, ids["old"])["themes"] if t["id"] == blue["id"])["status"] == "not_fulfilled"
    # a verdict of another item, or a task's verdict posted as a theme's: not found
    task = _themes(client, ids["old"])["items"][0]
    bad = {"verdict_id": task["verdict_id"], "version": 1, "csrf_token": token}
    assert client.post(f"/themes/{blue['id']}/verdict.json", data=bad).status_code == 404


def test_theme_verdicts_need_the_office_role(linked):
    client, ids = linked
    token = login(client, "viewer")
    blue = _themes(client, ids["old"])["themes"][0]
    form = {"verdict_id": blue["verdict_id"], "version": blue["version"], "csrf_token": token, "status": "partial"}
    assert client.post(f"/themes/{blue['id']}/verdict.json", data=form).status_code == 403
    assert "theme-verdict-form" not in client.get(f"/reports/{ids['old']}/verdicts").text


def test_exports_hold_theme_verdicts_as_their_own_kind_after_the_rows(linked):
    client, ids = linked
    login(client, "viewer")
    data = _themes(client, ids["old"])
    body = client.get(f"/reports/{ids['old']}/verdicts.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))[1:]
    kinds = [r[1] for r in rows]
    assert kinds[:len(data["items"])] == [{"commitment": "任务", "indicator": "指标"}[r["kind"]] for r in data["items"]]
    assert kinds[len(data["items"]):] == ["主题"] * len(data["themes"])
    blue = next(r for r in rows if r[3] == "坚决打好蓝天保卫战。")
    assert blue[5] in ("已落实", "部分落实") and blue[8]


def test_overview_first_screen_shows_last_year_s_theme_verdicts(linked):
    client, ids = linked
    login(client, "viewer")
    html = client.get("/", params={"report": ids["new"]}).text
    assert 'id="previous-themes"' in html and "主题落实情况" in html
    data = client.get("/index.json", params={"report": ids["new"]}).json()
    assert data["previous"][0]["themes"] and sum(data["previous"][0]["theme_counts"].values()) == len(data["previous"][0]["themes"])


def test_parquet_export_holds_the_same_rows_with_theme_verdicts(linked):
    import pyarrow.parquet as pq

    client, ids = linked
    login(client, "viewer")
    data = _themes(client, ids["old"])
    r = client.get(f"/reports/{ids['old']}/verdicts.parquet")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.apache.parquet")
    table = pq.read_table(io.BytesIO(r.content)).to_pydict()
    assert len(table["序号"]) == len(data["items"]) + len(data["themes"])
    assert table["类型"].count("主题") == len(data["themes"])
    assert all(c is None or 0 <= c <= 1 for c in table["置信度"])
