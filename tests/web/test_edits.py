"""Supervisor edits: assignments, deadlines, verdicts; audited; stale edits conflict."""

import pytest

from tests.web.conftest import login


def test_edits_reassign_replaces_the_suggestion_and_is_audited(client):
    token = login(client, "sup")
    version = client.get("/commitments/1.json").json()["commitment"]["version"]
    r = client.post("/commitments/1/assign.json", data={"version": version, "lead": "区发展改革委", "support": "区财政局、区交通局",
                                                        "csrf_token": token})
    assert r.status_code == 200, r.text
    c = client.get("/commitments/1.json").json()["commitment"]
    assert c["lead"] == ["区发展改革委"] and c["support"] == ["区财政局", "区交通局"] and c["assignment_source"] == "human"
    audit = client.get("/audit.json?entity=assignments").json()["entries"]
    assert audit and audit[0]["who"] == "sup" and audit[0]["after"]


def test_edits_accept_suggestions(client):
    token = login(client, "sup")
    version = client.get("/commitments/2.json").json()["commitment"]["version"]
    assert client.post("/commitments/2/assign.json", data={"version": version, "accept": "true", "csrf_token": token}).status_code == 200
    c = client.get("/commitments/2.json").json()["commitment"]
    assert c["lead"] == ["区民政局"] and c["assignment_source"] == "human"


def test_edits_deadline_changes_status_and_records_before_after(client):
    token = login(client, "sup")
    version = client.get("/commitments/3.json").json()["commitment"]["version"]
    r = client.post("/commitments/3/deadline.json", data={"version": version, "due_date": "2022-03-31", "csrf_token": token})
    assert r.status_code == 200
    assert client.get("/commitments/3.json?date=2022-04-01").json()["commitment"]["status"] == "overdue"
    entry = client.get("/audit.json?entity=commitments&entity_id=3").json()["entries"][0]
    assert entry["before"]["due_date"] is None and entry["after"]["due_date"] == "2022-03-31"


def test_edits_verdict_override_keeps_evidence(client):
    token = login(client, "sup")
    v = client.get("/commitments/1.json").json()["verdicts"][0]
    r = client.post("/commitments/1/verdict.json", data={"verdict_id": v["id"], "version": v["version"], "status": "fulfilled",
                                                         "reason": "已全部建成", "csrf_token": token})
    assert r.status_code == 200
    after = client.get("/commitments/1.json").json()["verdicts"][0]
    assert after["status"] == "fulfilled" and after["origin"] == "human" and after["confirmed"] and after["evidence"]


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/commitments/3/deadline.json", {"due_date": "2022-09-30"}),
        ("/commitments/1/assign.json", {"lead": "区财政局"}),
    ],
)
def test_edits_stale_second_supervisor_gets_409(client, settings, path, form):
    from fastapi.testclient import TestClient

    from luoshi.web.app import create_app

    token = login(client, "sup")
    version = client.get(path.split("/deadline")[0].split("/assign")[0] + ".json").json()["commitment"]["version"]
    with TestClient(create_app(settings)) as other:
        token2 = login(other, "sup2")
        assert other.post(path, data=form | {"version": version, "csrf_token": token2}).status_code == 200
    r = client.post(path, data=form | {"version": version, "csrf_token": token})
    assert r.status_code == 409 and r.json()["error"] == "conflict"
    page = client.post(path.replace(".json", ""), data=form | {"version": version, "csrf_token": token})
    assert page.status_code == 409 and "编辑冲突" in page.text


def test_edits_stale_verdict_gets_409(client):
    token = login(client, "sup")
    v = client.get("/commitments/1.json").json()["verdicts"][0]
    form = {"verdict_id": v["id"], "version": v["version"], "csrf_token": token}
    assert client.post("/commitments/1/verdict.json", data=form).status_code == 200
    assert client.post("/commitments/1/verdict.json", data=form | {"status": "partial"}).status_code == 409


@pytest.mark.parametrize("user", ["jiaotong", "viewer"])
def test_edits_need_office_role(client, user):
    token = login(client, user)
    r = client.post("/commitments/1/deadline.json", data={"version": 1, "due_date": "2022-09-30", "csrf_token": token})
    assert r.status_code == 403


def test_edits_wrong_verdict_for_item_is_404(client):
    token = login(client, "sup")
    v = client.get("/commitments/1.json").json()["verdicts"][0]
    r = client.post("/commitments/2/verdict.json", data={"verdict_id": v["id"], "version": v["version"], "csrf_token": token})
    assert r.status_code == 404
