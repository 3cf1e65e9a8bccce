"""Issue 11, defects 10, 11, 12 and 19 replayed against the app on SQLite and PostgreSQL:
session revocation, login throttling, body caps, security headers."""

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.users import set_password, set_role
from luoshi.web.app import create_app
from luoshi.web.security import LoginThrottle
from tests.web.conftest import PASSWORD, login


def _copy_cookies(src: TestClient, app) -> TestClient:
    other = TestClient(app)
    for name, value in src.cookies.items():
        other.cookies.set(name, value)
    return other


def test_copied_session_dies_at_logout(settings, seeded):
    app = create_app(settings)
    with TestClient(app) as c:
        token = login(c, "sup")
        stolen = _copy_cookies(c, app)
        assert stolen.get("/ledger.json").status_code == 200
        assert c.post("/logout.json", data={"csrf_token": token}).status_code == 200
        assert stolen.get("/ledger.json").status_code == 401


def _change(settings, fn):
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as s:
        fn(s)
        s.commit()
    engine.dispose()


def test_password_change_role_change_and_disable_end_sessions(settings, seeded):
    app = create_app(settings)
    cases = [("sup", lambda s: set_password(s, "sup", "a new password 1")),
             ("sup2", lambda s: set_role(s, "sup2", "viewer")),
             ("viewer", lambda s: set_role(s, "viewer", "viewer", active=False))]
    for user, change in cases:
        with TestClient(app) as c:
            login(c, user)
            assert c.get("/ledger.json").status_code == 200
            _change(settings, change)
            assert c.get("/ledger.json").status_code == 401, user


def _attempt(client, username, password, headers=None):
    token = client.get("/login.json").json()["csrf_token"]
    return client.post("/login.json", data={"username": username, "password": password, "csrf_token": token},
                       headers=headers or {})


def test_forwarded_for_is_ignored_without_a_trusted_proxy(client):
    for i in range(5):
        _attempt(client, "sup", "wrong-password", {"X-Forwarded-For": f"10.0.0.{i}"})
    assert _attempt(client, "sup", PASSWORD, {"X-Forwarded-For": "10.9.9.9"}).status_code == 429


def test_forwarded_for_is_used_behind_a_configured_proxy(settings, seeded):
    app = create_app(settings.model_copy(update={"trusted_proxies": "testclient"}))
    with TestClient(app) as c:
        for _ in range(5):
            _attempt(c, "sup", "wrong-password", {"X-Forwarded-For": "10.0.0.1"})
        assert _attempt(c, "sup", PASSWORD, {"X-Forwarded-For": "10.0.0.1"}).status_code == 429
        # another client address is throttled only by the account limit, not yet reached
        assert _attempt(c, "sup", PASSWORD, {"X-Forwarded-For": "10.0.0.2"}).status_code == 200


def test_parallel_attempts_are_counted_atomically():
    throttle = LoginThrottle(attempts=5, window=60)
    with ThreadPoolExecutor(8) as pool:
        allowed = list(pool.map(lambda _: throttle.attempt("sup", "1.2.3.4"), range(40)))
    assert sum(allowed) == 5


def test_account_and_address_limits():
    throttle = LoginThrottle(attempts=100, window=60, per_account=3, per_address=4)
    assert all(throttle.attempt("sup", f"10.0.0.{i}") for i in range(3))
    assert not throttle.attempt("sup", "10.0.0.9")  # the account, from any address
    assert all(throttle.attempt(f"user{i}", "9.9.9.9") for i in range(4))
    assert not throttle.attempt("someone", "9.9.9.9")  # the address, for any account


def test_oversized_bodies_are_refused_before_parsing(client, settings):
    token = client.get("/login.json").json()["csrf_token"]
    big = b"x" * (64 * 1024)
    r = client.post("/login.json", data={"csrf_token": token, "username": "sup"}, files={"password": ("p", big)})
    assert r.status_code == 413
    r = client.post("/login.json", content=b"a" * 2 * 1024 * 1024, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413

    def chunks():
        for _ in range(40):
            yield b"a" * 65536

    r = client.post("/login.json", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert not any(settings.upload_dir.glob("*")) if settings.upload_dir.exists() else True


def test_security_headers_on_pages_and_errors(client):
    for path in ("/login", "/login.json", "/no-such-page"):
        r = client.get(path)
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"


def test_secure_cookie_is_configurable(settings, seeded):
    with TestClient(create_app(settings.model_copy(update={"secure_cookies": True})), base_url="https://testserver") as c:
        r = _attempt(c, "sup", PASSWORD)
        assert "secure" in r.headers["set-cookie"].lower()
    with TestClient(create_app(settings)) as c:
        assert "secure" not in _attempt(c, "sup", PASSWORD).headers["set-cookie"].lower()
