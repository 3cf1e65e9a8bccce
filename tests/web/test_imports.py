"""Importing a 任务分解表 on the web, units from the master list only, deadline and history markers."""

from __future__ import annotations

from tests.store.task_tables import office_table
from tests.web.conftest import login

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _post_table(client, token, path, **form):
    with open(path, "rb") as fh:
        return client.post("/reports/1/import-tasks.json", data={"csrf_token": token, **form},
                           files={"file": (path.name, fh.read(), XLSX)})


def test_import_applies_owners_and_deadline_and_shows_scores(client, tmp_path):
    token = login(client, "sup")
    table = office_table(tmp_path / "分解表.xlsx", [("持续推进老旧小区改造工作", "区住房城乡建设委", "区财政局", "2022年9月底前"),
                                                   ("建设月球科学基地", "区发展改革委", "", "")])
    r = _post_table(client, token, table)
    assert r.status_code == 200, r.text
    body = r.json()["result"]
    assert [(p["commitment_id"], p["line"]) for p in body["placed"]] == [(3, 5)] and body["placed"][0]["score"] >= 70
    assert body["unplaced"] == [{"line": 6, "sheet": "分解表", "task": "建设月球科学基地"}]
    c = client.get("/commitments/3.json").json()["commitment"]
    assert (c["lead"], c["support"], c["assignment_source"]) == (["区住房城乡建设委"], ["区财政局"], "human")
    assert c["deadline_label"] == "2022年9月30日（本办确定）"


def test_import_page_lists_unknown_units_and_changes_nothing(client, tmp_path):
    token = login(client, "sup")
    before = client.get("/commitments/3.json").json()["commitment"]
    table = office_table(tmp_path / "t.xlsx", [("持续推进老旧小区改造", "区住建部", "", "年内")])
    with open(table, "rb") as fh:
        r = client.post("/reports/1/import-tasks", data={"csrf_token": token}, files={"file": ("t.xlsx", fh.read(), XLSX)})
    assert r.status_code == 422
    assert "E112" in r.text and "区住建部" in r.text and "住房城乡建设委" in r.text and "未作任何改动" in r.text
    assert client.get("/commitments/3.json").json()["commitment"] == before
    r = client.post("/reports/1/import-tasks.json", data={"csrf_token": token}, files={"file": ("x.xlsx", b"not a workbook", XLSX)})
    assert r.status_code == 422 and r.json()["error"]["code"] == "E109"


def test_import_is_for_the_office_only(client, tmp_path):
    token = login(client, "jiaotong")
    table = office_table(tmp_path / "t.xlsx", [("持续推进老旧小区改造", "区住房城乡建设委", "", "")])
    assert _post_table(client, token, table).status_code == 403


def test_assigning_a_unit_not_in_the_master_list_is_E108_with_near_names(client):
    token = login(client, "sup")
    version = client.get("/commitments/1.json").json()["commitment"]["version"]
    r = client.post("/commitments/1/assign.json", data={"version": version, "lead": "区交通部", "csrf_token": token})
    assert r.status_code == 422
    assert "E108" in r.json()["message"] and "交通局" in r.json()["message"]
    assert client.get("/commitments/1.json").json()["commitment"]["lead"] == ["区交通局"]


def test_ledger_rows_show_the_tracked_date_with_its_source(client):
    login(client, "viewer")
    items = {c["key"]: c for c in client.get("/ledger.json?date=2022-06-30").json()["items"]}
    assert items["c1"]["deadline_label"] == "2022年12月31日（年内）"
    assert items["c2"]["deadline_label"] == "2022年6月30日（2022年6月底前）"
    assert items["c3"]["deadline_label"] == "2022年12月31日（年度计划默认）"
    assert items["c3"]["owners_from_history"] is False and items["c3"]["parts"] == []
