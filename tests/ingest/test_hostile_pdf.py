"""Defect 3 (issue 11): PDF amplification is bounded; each limit has its own message and
the environment variable that raises it."""

import pytest

from luoshi.errors import LuoshiError
from luoshi.ingest import read_bytes
from tests.ingest.pdfmaker import make_pdf, shared_stream

LINE = b"BT /F1 12 Tf 72 700 Td (Growth 5%) Tj ET\n"


def test_pages_sharing_one_stream_are_read_once():
    data = shared_stream(300, 20_000)
    text = read_bytes(data, "shared.pdf").text
    assert text.count("Growth 5%") == 20_000 // len(LINE)


def _code_and_env(data: bytes, monkeypatch, env: str, value: str) -> LuoshiError:
    monkeypatch.setenv(env, value)
    with pytest.raises(LuoshiError) as err:
        read_bytes(data, "big.pdf")
    assert err.value.code == "E016" and env in err.value.hint
    return err.value


def test_declared_page_count_over_the_limit(monkeypatch):
    err = _code_and_env(shared_stream(30, 100), monkeypatch, "LUOSHI_PDF_MAX_PAGES", "20")
    assert "30 pages" in err.message


def test_lying_page_count_is_still_limited(monkeypatch):
    data = shared_stream(30, 100).replace(b"/Count 30", b"/Count 3 ")
    _code_and_env(data, monkeypatch, "LUOSHI_PDF_MAX_PAGES", "20")


def test_operator_budget(monkeypatch):
    _code_and_env(shared_stream(1, 50_000), monkeypatch, "LUOSHI_PDF_MAX_OPERATORS", "1000")


def test_character_limit(monkeypatch):
    pages = [[f"Line {p} {i} of the report" for i in range(30)] for p in range(5)]
    _code_and_env(make_pdf(pages), monkeypatch, "LUOSHI_PDF_MAX_CHARS", "500")


def test_content_limit(monkeypatch):
    data = shared_stream(1, 1_200_000, deflate=True)  # 1.2 MB decoded from ~10 KB
    _code_and_env(data, monkeypatch, "LUOSHI_PDF_MAX_CONTENT_MB", "1")


def test_bad_limit_value_falls_back_to_the_default(monkeypatch):
    monkeypatch.setenv("LUOSHI_PDF_MAX_PAGES", "many")
    assert "Line" in read_bytes(make_pdf([["Line one of the report"]] * 5), "ok.pdf").text
