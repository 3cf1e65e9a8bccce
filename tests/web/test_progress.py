"""Filing progress: own department only, evidence files with limits, status follows."""

import pytest

from tests.web.conftest import login

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _file(client, csrf, cid=1, files=None, **form):
    data = {"state": "in_progress", "percent": "50", "note": "进展顺利", "csrf_token": csrf} | form
    return client.post(f"/commitments/{cid}/progress.json", data=data, files=files)


def test_progress_department_files_own_item_and_status_changes(client):
    token = login(client, "jiaotong")
    before = client.get("/commitments/1.json?date=2022-03-01").json()["commitment"]
    r = _file(client, token, state="done", percent="100", links="https://example.gov.cn/news/1", reported_on="2022-03-01")
    assert r.status_code == 201 and r.json()["seq"] == 1
    detail = client.get("/commitments/1.json?date=2022-03-01").json()
    assert before["status"] != "done" and detail["commitment"]["status"] == "done"
    assert detail["progress"][0]["evidence"] == [{"kind": "url", "value": "https://example.gov.cn/news/1"}]
    assert client.get("/index.json?date=2022-03-01").json()["by_status"]["done"] == 1


@pytest.mark.parametrize("user", ["minzheng", "viewer"])
def test_progress_other_department_or_viewer_is_refused_through_the_api(client, user):
    token = login(client, user)
    assert _file(client, token, cid=1).status_code == 403
    assert client.get("/commitments/1.json").json()["progress"] == []


def test_progress_other_department_is_refused_through_the_page(client):
    token = login(client, "minzheng")
    page = client.get("/commitments/1")
    assert 'id="progress-form"' not in page.text  # no form offered ...
    r = client.post("/commitments/1/progress", data={"state": "done", "csrf_token": token})
    assert r.status_code == 403 and "无权操作" in r.text  # ... and a forged post is refused


def test_progress_without_csrf_token_is_refused(client):
    login(client, "jiaotong")
    assert client.post("/commitments/1/progress.json", data={"state": "done"}).status_code == 403
    assert client.post("/commitments/1/progress.json", data={"state": "done", "csrf_token": "forged"}).status_code == 403


def test_progress_csrf_header_works_for_api_clients(client):
    token = login(client, "jiaotong")
    r = client.post("/commitments/1/progress.json", data={"state": "in_progress"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 201


def test_progress_file_upload_is_stored_and_downloadable(client, settings):
    token = login(client, "jiaotong")
    r = _file(client, token, files=[("files", ("照片.png", PNG, "image/png"))])
    assert r.status_code == 201
    evidence = client.get("/commitments/1.json").json()["progress"][0]["evidence"]
    assert evidence[0]["name"] == "照片.png" and evidence[0]["size"] == len(PNG) and evidence[0]["type"] == "image/png"
    download = client.get(f"/files/{evidence[0]['value']}")
    assert download.status_code == 200 and download.content == PNG


@pytest.mark.parametrize(
    ("upload", "status"),
    [
        (("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf"), 413),
        (("run.exe", b"MZ\x90\x00", "application/octet-stream"), 415),
        (("fake.pdf", b"<html><script>x</script>", "application/pdf"), 415),
        (("photo.png", PNG, "text/html"), 415),
        (("空.txt", b"", "text/plain"), 422),
    ],
)
def test_progress_bad_uploads_are_refused_and_nothing_is_kept(client, settings, upload, status):
    token = login(client, "jiaotong")
    assert _file(client, token, files=[("files", upload)]).status_code == status
    assert client.get("/commitments/1.json").json()["progress"] == []
    assert not any(settings.upload_dir.glob("*")) if settings.upload_dir.exists() else True


@pytest.mark.parametrize(
    "form",
    [{"state": "finished"}, {"percent": "150"}, {"percent": "abc"}, {"links": "javascript:alert(1)"}],
)
def test_progress_malformed_forms_are_422(client, form):
    token = login(client, "jiaotong")
    assert _file(client, token, **form).status_code == 422


def test_progress_unknown_item_is_404(client):
    token = login(client, "sup")
    assert _file(client, token, cid=999).status_code == 404


def test_progress_resent_form_with_same_token_adds_nothing(client):
    token = login(client, "jiaotong")
    assert _file(client, token, token="form-123").status_code == 201
    assert _file(client, token, token="form-123").status_code == 201
    assert len(client.get("/commitments/1.json").json()["progress"]) == 1


def test_progress_workspace_lists_only_own_items(client):
    login(client, "minzheng")
    data = client.get("/workspace.json").json()
    assert data["department"] == "区民政局"
    assert sorted(i["key"] for i in data["items"]) == ["c2", "c5"]


def test_progress_link_scheme_is_case_insensitive(client):
    token = login(client, "jiaotong")
    assert _file(client, token, links="HTTPS://example.gov.cn/news/2").status_code == 201
    assert client.get("/commitments/1.json").json()["progress"][0]["evidence"][0]["value"] == "HTTPS://example.gov.cn/news/2"


def test_progress_failed_or_resent_save_leaves_no_orphaned_files(client, settings, monkeypatch):
    token = login(client, "jiaotong")
    png = [("files", ("照片.png", PNG, "image/png"))]
    assert _file(client, token, token="form-9", files=png).status_code == 201
    assert _file(client, token, token="form-9", files=png).status_code == 201  # resent: the first file only
    assert len(list(settings.upload_dir.glob("*"))) == 1

    from luoshi.web.routers import commitments

    def broken(*_a, **_k):
        raise RuntimeError("database went away")

    monkeypatch.setattr(commitments, "add_progress", broken)
    with pytest.raises(RuntimeError):
        _file(client, token, files=png)
    assert len(list(settings.upload_dir.glob("*"))) == 1
