"""Upload quotas (issue 11, defect 20): per file, per task and in total, each refused with E158
before anything is written; links still work when files do not fit."""

from fastapi.testclient import TestClient

from luoshi.web.app import create_app
from tests.web.conftest import login

MB = 1024 * 1024


def _client(settings, **quota) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=quota)))


def _post(client, token, *bodies: bytes, cid: int = 1, **form):
    files = [("files", (f"进展{i}.txt", body, "text/plain")) for i, body in enumerate(bodies)]
    data = {"state": "in_progress", "note": "进展", "csrf_token": token} | form
    return client.post(f"/commitments/{cid}/progress.json", data=data, files=files)


def _stored(settings) -> list:
    return sorted(settings.upload_dir.iterdir()) if settings.upload_dir.exists() else []


def test_file_over_the_per_file_quota_is_e158(settings, seeded):
    with _client(settings, upload_file_mb=1) as c:
        token = login(c, "jiaotong")
        r = _post(c, token, b"a" * (MB + 1))
        assert r.status_code == 413 and r.json()["message"].startswith("E158: ") and "LUOSHI_UPLOAD_FILE_MB" in r.json()["message"]
        assert _stored(settings) == [] and c.get("/commitments/1.json").json()["progress"] == []
        assert _post(c, token, b"a" * MB).status_code == 201  # exactly the limit is fine


def test_task_quota_counts_what_the_task_already_holds(settings, seeded):
    with _client(settings, upload_task_mb=1) as c:
        token = login(c, "jiaotong")
        assert _post(c, token, b"a" * (MB // 2)).status_code == 201
        before = _stored(settings)
        r = _post(c, token, b"b" * (MB // 4), b"c" * (MB // 4 + 1))  # together one byte over what is left
        assert r.status_code == 413 and "E158" in r.json()["message"] and "LUOSHI_UPLOAD_TASK_MB" in r.json()["message"]
        assert _stored(settings) == before and len(c.get("/commitments/1.json").json()["progress"]) == 1
        assert _post(c, token, links="https://example.gov.cn/进展").status_code == 201  # a link needs no room
        assert _post(c, token, b"d" * (MB // 2)).status_code == 201  # exactly what is left
        minzheng = login(c, "minzheng")  # another task has its own quota
        assert _post(c, minzheng, b"e" * (MB // 2), cid=2).status_code == 201


def test_total_quota_counts_the_upload_folder(settings, seeded):
    settings.upload_dir.mkdir(parents=True)
    (settings.upload_dir / "earlier.pdf").write_bytes(b"x" * (2 * MB - 10))
    with _client(settings, upload_total_mb=2) as c:
        token = login(c, "jiaotong")
        r = _post(c, token, b"a" * 11)
        assert r.status_code == 507 and "E158" in r.json()["message"] and "LUOSHI_UPLOAD_TOTAL_MB" in r.json()["message"]
        assert [p.name for p in _stored(settings)] == ["earlier.pdf"]
        assert _post(c, token, b"a" * 10).status_code == 201


def test_quota_error_page_is_one_coded_line(settings, seeded):
    with _client(settings, upload_file_mb=1) as c:
        token = login(c, "jiaotong")
        page = c.post("/commitments/1/progress", data={"state": "in_progress", "csrf_token": token},
                      files=[("files", ("大.txt", b"a" * (MB + 1), "text/plain"))])
        assert page.status_code == 413 and "E158: 文件过大：大.txt" in page.text
