"""Issue 11, defect 7: large legal inputs finish or stop at a documented limit with a code."""

import pytest

from luoshi.errors import LuoshiError
from luoshi.ingest import read_bytes
from luoshi.model import Document
from luoshi.pipeline import extract_document


def _doc(text: str) -> Document:
    return Document(text=text, format="txt", sha256="x", path=None)


@pytest.mark.parametrize("env, text", [("LUOSHI_MAX_LINES", "（一）推进\n" * 200), ("LUOSHI_MAX_CHARS", "推进" * 200),
                                       ("LUOSHI_MAX_SENTENCES", "增长5%。" * 200), ("LUOSHI_MAX_SENTENCES", "![" * 200)])
def test_text_limits_are_coded_and_raisable(monkeypatch, env, text):
    monkeypatch.setenv(env, "100")
    with pytest.raises(LuoshiError) as err:
        extract_document(_doc(text))
    assert err.value.code == "E018" and env in err.value.hint
    monkeypatch.setenv(env, "100000")
    extract_document(_doc(text))


def test_heading_flood_under_the_limit_keeps_offsets():
    text = "（一）推进\n" * 2000
    ex = extract_document(_doc(text))
    assert all(text[s.start : s.end].startswith(s.title[:2]) for s in ex.sections if s.title)


@pytest.mark.parametrize("unit", ["<br>", "<div>推进</div>"])
def test_html_tag_limit(monkeypatch, unit):
    data = f"<html><body>{unit * 2000}</body></html>".encode()
    monkeypatch.setenv("LUOSHI_HTML_MAX_TAGS", "1000")
    with pytest.raises(LuoshiError) as err:
        read_bytes(data, "flood.html")
    assert err.value.code == "E017" and "LUOSHI_HTML_MAX_TAGS" in err.value.hint
