"""Login, throttling, logout, session hygiene, public read-only mode."""

from fastapi.testclient import TestClient

from luoshi.web.app import create_app
from tests.web.conftest import PASSWORD, login


def _attempt(client, username, password):
    token = client.get("/login.json").json()["csrf_token"]
    return client.post("/login.json", data={"username": username, "password": password, "csrf_token": token})


def test_auth_wrong_password_is_401_and_page_says_so(client):
    assert _attempt(client, "sup", "wrong-password").status_code == 401
    token = client.get("/login.json").json()["csrf_token"]
    page = client.post("/login", data={"username": "sup", "password": "nope-nope", "csrf_token": token})
    assert page.status_code == 401 and "用户名或密码错误" in page.text


def test_auth_login_is_throttled_after_repeated_failures(client):
    for _ in range(5):
        assert _attempt(client, "sup", "wrong-password").status_code == 401
    assert _attempt(client, "sup", PASSWORD).status_code == 429


def test_auth_login_redirects_only_to_local_paths(client):
    token = client.get("/login.json").json()["csrf_token"]
    r = client.post("/login", data={"username": "sup", "password": PASSWORD, "csrf_token": token, "next": "//evil.example"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_auth_logout_ends_the_session(client):
    token = login(client, "sup")
    assert client.post("/logout.json", data={"csrf_token": token}).status_code == 200
    assert client.get("/ledger.json").status_code == 401


def test_auth_session_cookie_is_httponly(client):
    token = client.get("/login.json").json()["csrf_token"]
    r = client.post("/login.json", data={"username": "sup", "password": PASSWORD, "csrf_token": token})
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_auth_public_mode_reads_without_login_and_hides_notes(settings, seeded):
    with TestClient(create_app(settings)) as office:
        token = login(office, "jiaotong")
        office.post("/commitments/1/progress.json", data={"state": "in_progress", "note": "内部：资金未到位", "csrf_token": token})
    public = settings.model_copy(update={"public_mode": True})
    with TestClient(create_app(public)) as anon:
        detail = anon.get("/commitments/1.json").json()
        assert detail["progress"][0]["note"] is None and detail["commitment"]["note"] is None
        assert "内部" not in anon.get("/commitments/1").text
        assert anon.get("/audit.json").status_code == 401
        assert anon.post("/commitments/1/progress.json", data={"state": "done"}).status_code in (401, 403)
