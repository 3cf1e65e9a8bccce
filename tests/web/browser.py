"""Shared setup for the browser tests: a live uvicorn server and headless Chromium.

Two fixtures, imported by each browser test module (``from tests.web.browser import server``):
``server``, the small hand-built ledger (conftest.seed) served on a free port, its settings
changed by indirect parametrization (``@pytest.mark.parametrize("server", [{"public_mode": True}],
indirect=True)``); and ``demo``, the demo ledger as `luoshi demo` serves it (public read-only, as
of DEMO_AS_OF), built once per module.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

from luoshi.store.settings import Settings
from luoshi.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def require_chromium() -> None:
    """Missing Chromium fails under CI, and is skipped with a reason elsewhere."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail("CI is set but /usr/bin/chromium is missing: apt-get install -y chromium")
    pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)")


@pytest.fixture
def server(request, tmp_path) -> Iterator[str]:
    """URL of a live server on the seeded sample ledger (users of tests.web.conftest, PASSWORD)."""
    from tests.web.conftest import seed

    require_chromium()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'ledger.db'}", upload_dir=tmp_path / "uploads",
                        secret_key="browser", **getattr(request, "param", {}))
    seed(settings.database_url)
    with live_server(settings) as url:
        yield url


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[tuple]:
    """(URL, DemoLedger) of the demo as `luoshi demo` serves it: public read-only, as of DEMO_AS_OF."""
    from luoshi.web.demo import DEMO_AS_OF, prepare_demo

    require_chromium()
    tmp = tmp_path_factory.mktemp("demo")
    settings = Settings(database_url=f"sqlite:///{tmp / 'demo.db'}", upload_dir=tmp / "up", secret_key="demo",
                        as_of=DEMO_AS_OF, public_mode=True)
    ledger = prepare_demo(settings.database_url)
    with live_server(settings) as url:
        yield url, ledger


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def browser_page(base_url: str) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                      locale="zh-CN")
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


def log_in(page, username: str, password: str) -> None:
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector("#whoami")
