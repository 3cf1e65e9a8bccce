"""Defects 2 and 6 (issue 11): hostile .docx containers give one coded error, and parts other
than the document are never inflated."""

import tracemalloc
import zipfile

import pytest

from luoshi.errors import LuoshiError
from luoshi.ingest import docx as docx_reader
from luoshi.ingest import read_bytes
from tests.ingest import docxmaker as dp

TEXT = ["政府工作报告", "一、过去一年工作回顾", "地区生产总值增长6%。"]


def test_lying_styles_bomb_is_never_inflated():
    # styles.xml inflates to 64 MB while both headers claim 100 bytes
    data = dp.lie_sizes(dp.docx(TEXT, {"word/styles.xml": bytes(64 * 1024 * 1024)}), "word/styles.xml", 100)
    tracemalloc.start()
    try:
        doc = read_bytes(data, "styles-bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.text.split("\n") == TEXT
    assert peak < 16 * 1024 * 1024


@pytest.mark.parametrize("claimed, codes", [(1000, {"E006"}), (40 * 1024 * 1024, {"E007"}), (None, {"E007"})])
def test_lying_document_bomb_stops_at_the_cap(monkeypatch, claimed, codes):
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_XML", 2 * 1024 * 1024)
    xml = dp.document_xml(TEXT) + b"<!--" + b" " * (8 * 1024 * 1024) + b"-->"
    data = dp.build({"word/document.xml": xml})
    if claimed:
        data = dp.lie_sizes(data, "word/document.xml", claimed)
    with pytest.raises(LuoshiError) as err:
        read_bytes(data, "document-bomb.docx")
    assert err.value.code in codes


def test_parse_budget_on_elements(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_ELEMENTS", 1000)
    with pytest.raises(LuoshiError) as err:
        read_bytes(dp.docx(["段落"] * 500), "many.docx")
    assert err.value.code == "E007" and "XML elements" in err.value.message


@pytest.mark.parametrize(
    "make, code, words",
    [
        (lambda d: dp.set_flag(d, "word/document.xml", 0x1), "E006", "encrypted"),
        (lambda d: dp.set_method(d, "word/document.xml", 99), "E006", "compression"),
        (lambda d: dp.set_method(d, "word/document.xml", zipfile.ZIP_BZIP2), "E006", "compression"),
        (lambda d: dp.damage(d, "word/document.xml"), "E006", "corrupt"),
    ],
)
def test_damaged_document_part(make, code, words):
    with pytest.raises(LuoshiError) as err:
        read_bytes(make(dp.docx(TEXT * 20)), "damaged.docx")
    assert err.value.code == code and words in str(err.value)
    assert "\n" not in str(err.value) and "object at 0x" not in str(err.value)


@pytest.mark.parametrize(
    "make",
    [
        lambda d: dp.damage(d, "word/styles.xml", at=2, length=4),
        lambda d: dp.set_flag(d, "word/styles.xml", 0x1),
        lambda d: dp.set_method(d, "word/styles.xml", 99),
    ],
)
def test_damaged_other_parts_do_not_matter(make):
    data = make(dp.docx(TEXT, {"word/styles.xml": b"<w:styles>" + b"<w:style/>" * 200 + b"</w:styles>"}))
    assert read_bytes(data, "styles.docx").text.split("\n") == TEXT


def test_no_body_is_coded():
    xml = f'<w:document xmlns:w="{dp.W_NS}"><w:other/></w:document>'.encode()
    with pytest.raises(LuoshiError) as err:
        read_bytes(dp.build({"word/document.xml": xml}), "nobody.docx")
    assert err.value.code == "E006" and "w:body" in err.value.message


def test_entity_expansion_is_not_resolved():
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "报告报告报告报告"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
           f'<w:document xmlns:w="{dp.W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>').encode()
    try:
        text = read_bytes(dp.build({"word/document.xml": xml}), "entities.docx").text
    except LuoshiError as err:
        assert err.code in ("E003", "E006")
    else:
        assert "报告报告报告报告报告" not in text


def test_main_part_from_relationships():
    rels = dp.RELS.replace(b"word/document.xml", b"word/document2.xml")
    data = dp.build({"_rels/.rels": rels, "word/document2.xml": dp.document_xml(TEXT)})
    assert read_bytes(data, "renamed.docx").text.split("\n") == TEXT
