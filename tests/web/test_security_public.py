"""Issue 11, defects 4 and 9: public read-only mode reveals nothing internal, on SQLite and
PostgreSQL. Each test replays the attack as found."""

import pytest
from fastapi.testclient import TestClient

from luoshi.web.app import create_app
from tests.web.conftest import login

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
NOTE = "内部备注：资金缺口三千万"


@pytest.fixture
def office_and_public(settings, seeded):
    """An office session that wrote internal data, and an anonymous client of the public app."""
    with TestClient(create_app(settings)) as office:
        token = login(office, "sup")
        version = office.get("/commitments/1.json").json()["commitment"]["version"]
        assert office.post("/commitments/1/deadline.json",
                           data={"version": version, "note": NOTE, "csrf_token": token}).status_code == 200
        token = login(office, "jiaotong")
        r = office.post("/commitments/1/progress.json", files=[("files", ("照片.png", PNG, "image/png"))],
                        data={"state": "in_progress", "note": "内部", "links": "https://example.org/x", "csrf_token": token})
        assert r.status_code == 201, r.text
        evidence = office.get("/commitments/1.json").json()["progress"][0]["evidence"]
        stored = [e["value"] for e in evidence if e["kind"] == "file"]
        public = settings.model_copy(update={"public_mode": True})
        with TestClient(create_app(public)) as anon:
            yield office, anon, stored


@pytest.mark.parametrize("path", ["/ledger.json", "/ledger.csv"])
def test_public_search_does_not_read_internal_notes(office_and_public, seeded, path):
    office, anon, _ = office_and_public
    report = seeded["report"]
    for prefix in ("内部备注", "资金缺口", NOTE[:3]):
        r = anon.get(path, params={"report": report, "q": prefix})
        assert r.status_code == 200
        if path.endswith(".json"):
            assert r.json()["total"] == 0
        else:
            assert "年内完成新建道路" not in r.content.decode("utf-8-sig")
    # the office still finds its note
    assert office.get("/ledger.json", params={"report": report, "q": "资金缺口"}).json()["total"] == 1
    # and public text search still works
    assert anon.get("/ledger.json", params={"report": report, "q": "新建道路"}).json()["total"] == 1


def test_public_detail_hides_evidence_and_names(office_and_public):
    _, anon, _ = office_and_public
    detail = anon.get("/commitments/1.json").json()
    assert detail["commitment"]["note"] is None
    for p in detail["progress"]:
        assert p["evidence"] == [] and p["user"] is None and p["note"] is None
    for v in detail["verdicts"]:
        assert v["confirmed_by"] is None and (v["human"] is None or v["human"]["by"] is None)
    page = anon.get("/commitments/1").text
    assert "example.org" not in page and "/files/" not in page and NOTE not in page


def test_public_files_need_a_login(office_and_public):
    office, anon, stored = office_and_public
    assert stored
    r = anon.get(f"/files/{stored[0]}", follow_redirects=False)
    assert r.status_code in (303, 401) and r.content != PNG
    assert office.get(f"/files/{stored[0]}").status_code == 200


def test_public_confirmer_name_is_hidden(settings, seeded):
    with TestClient(create_app(settings)) as office:
        token = login(office, "sup")
        verdict = office.get("/commitments/1.json").json()["verdicts"][0]
        r = office.post("/commitments/1/verdict.json",
                        data={"verdict_id": verdict["id"], "version": verdict["version"], "csrf_token": token})
        assert r.status_code == 200, r.text
        assert office.get("/commitments/1.json").json()["verdicts"][0]["human"]["by"] == "sup"
    with TestClient(create_app(settings.model_copy(update={"public_mode": True}))) as anon:
        v = anon.get("/commitments/1.json").json()["verdicts"][0]
        assert v["human"]["by"] is None and v["confirmed_by"] is None and v["human"]["status"]
