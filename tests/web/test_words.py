"""Small pieces behind the forms and words: blank query fields, names, search forms, audit lines, the port check."""

from __future__ import annotations

import socket

import pytest

from luoshi.errors import LuoshiError
from luoshi.web.auditview import changes
from luoshi.web.blanks import drop_blank
from luoshi.web.commands import check_port
from luoshi.web.names import report_name, short_region
from luoshi.web.search import variants


def test_blank_query_fields_are_dropped_and_others_kept_byte_for_byte():
    assert drop_blank(b"q=%E6%A3%9A%E6%94%B9&status=&strength=+&due_before=") == b"q=%E6%A3%9A%E6%94%B9"
    assert drop_blank(b"status=done&page=2") == b"status=done&page=2"
    assert drop_blank(b"") == b""


def test_blank_filter_fields_answer_the_ledger_not_422(client):
    from tests.web.conftest import login

    login(client, "viewer")
    r = client.get("/ledger.json?q=&section=&department=&status=&strength=&due_after=&due_before=&sort=position")
    assert r.status_code == 200 and r.json()["total"] == 5
    assert client.get("/ledger.json?status=bogus").status_code == 422  # a wrong value is still refused


def test_region_and_report_names_as_people_write_them():
    assert short_region("北京市门头沟区") == "门头沟区"
    assert short_region("上海市浦东新区") == "浦东新区"
    assert short_region("广州市") == "广州市"
    assert short_region(None) == ""
    assert report_name("北京市门头沟区", 2022) == "门头沟区2022年政府工作报告"
    assert report_name(None, None, None, "a.txt") == "a.txt"


def test_search_looks_for_every_written_form_of_a_paraphrase():
    assert "棚户区改造" in variants("棚改")
    assert "棚改" in variants("棚户区改造")
    assert variants("棚改项目")[:2] == ["棚改项目", "棚户区改造项目"]
    assert variants("道路") == ["道路"]


def test_audit_changes_read_as_field_old_to_new():
    assert changes({"due_date": None, "version": 1}, {"due_date": "2022-09-30", "version": 2}) == ["跟踪时限：（空） → 2022-09-30"]
    lines = changes({"commitment_id": 3, "human": []}, {"commitment_id": 3, "human": [["区财政局", "support"]]})
    assert lines == ["责任单位：（空） → 区财政局（配合）"]
    assert changes({"status": "partial"}, {"status": "fulfilled"}) == ["落实评价：部分落实 → 已落实"]
    assert changes({"status": "partial"}, {"status": "fulfilled"}, "en") == ["status: partial → fulfilled"]


def test_a_taken_port_is_one_coded_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        with pytest.raises(LuoshiError) as err:
            check_port("127.0.0.1", port)
    assert str(err.value).startswith("E130: cannot listen on 127.0.0.1:") and f"--port {port + 1}" in str(err.value)
