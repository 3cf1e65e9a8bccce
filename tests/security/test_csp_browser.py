"""The Content-Security-Policy (``script-src 'self'``, no inline scripts or handlers) holds on
the real pages: headless Chromium logs no violation on any main page, for the office, a
department and an anonymous visitor. A planted violation is caught, so the check can fail."""

from __future__ import annotations

import pytest

from tests.web.browser import browser_page, log_in, server  # noqa: F401 - server: the shared fixture
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

# Violations are recorded by the page itself (the init script runs before any page script,
# outside the policy), and Chromium's console errors about the policy are kept too.
RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""
OFFICE_PAGES = ["/", "/ledger", "/ledger?q=道路&status=overdue", "/reports", "/reports/1", "/reports/1/verdicts",
                "/commitments/1", "/commitments/5", "/indicators", "/reminders", "/audit", "/regions/1", "/api",
                "/commitments/999999", "/?lang=en"]


PUBLIC = pytest.mark.parametrize("server", [{"public_mode": True}], indirect=True)


def _violations(page, console: list[str], path: str) -> list[str]:
    page.goto(path)
    page.wait_for_load_state("load")
    found = page.evaluate("window.__csp") + [m for m in console if "Content Security Policy" in m]
    console.clear()
    return [f"{path}: {v}" for v in found]


def _recording(page) -> list[str]:
    page.add_init_script(RECORDER)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    return console


def test_no_csp_violation_on_the_main_pages(server):
    with browser_page(server) as page:
        console = _recording(page)
        found = _violations(page, console, "/login")
        log_in(page, "admin", PASSWORD)
        for path in OFFICE_PAGES:
            found += _violations(page, console, path)
        assert found == []


def test_no_csp_violation_on_the_department_workspace(server):
    with browser_page(server) as page:
        console = _recording(page)
        log_in(page, "jiaotong", PASSWORD)
        found = _violations(page, console, "/workspace") + _violations(page, console, "/commitments/1")
        assert found == []


@PUBLIC
def test_no_csp_violation_in_public_mode(server):
    with browser_page(server) as page:
        console = _recording(page)
        found = []
        for path in ["/", "/ledger", "/reports/1", "/reports/1/verdicts", "/commitments/1", "/indicators"]:
            found += _violations(page, console, path)
        assert found == []


def test_a_planted_violation_is_caught(server):
    with browser_page(server) as page:
        console = _recording(page)
        page.goto("/login")
        # Another origin on the loopback: img-src 'self' blocks it before any request is made.
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"http://127.0.0.2:9/x.png\">')")
        page.wait_for_function("window.__csp.length > 0", timeout=5000)
        assert any("img-src" in v for v in page.evaluate("window.__csp"))
