"""Cross-year verdicts on the pages: machine and human verdict side by side, overview shares."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.models import Verdict
from tests.web.conftest import login


def _verdict_with_evidence(settings, report_id: int) -> Verdict:
    """The most confident engine verdict on a commitment of ``report_id`` that quotes evidence."""
    from luoshi.store.models import Commitment

    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as s:
        rows = s.scalars(select(Verdict).join(Commitment, (Verdict.source_kind == "commitment") & (Verdict.source_id == Commitment.id))
                         .where(Commitment.report_id == report_id).order_by(Verdict.confidence.desc(), Verdict.id)).all()
        v = next(v for v in rows if v.evidence)
        s.expunge_all()
    engine.dispose()
    return v


def test_detail_shows_machine_verdict_with_quoted_evidence(linked, settings):
    client, ids = linked
    v = _verdict_with_evidence(settings, ids["old"])
    login(client, "viewer")
    data = client.get(f"/commitments/{v.source_id}.json").json()
    (row,) = [r for r in data["verdicts"] if r["id"] == v.id]
    assert row["machine"]["status"] == v.status and row["machine"]["confidence"] == v.confidence
    assert row["human"] is None and row["evidence_report_id"] == ids["new"]
    e = row["evidence"][0]
    assert e["text"] and e["before"] + e["text"] + e["after"]
    html = client.get(f"/commitments/{v.source_id}").text
    assert 'class="machine"' in html and "系统评价" in html
    assert "<mark>" in html


@pytest.mark.parametrize("override", [False, True])
def test_confirm_or_override_keeps_machine_and_human_verdict(linked, settings, override):
    client, ids = linked
    v = _verdict_with_evidence(settings, ids["old"])
    token = login(client, "sup")
    new_status = ("not_fulfilled" if v.status != "not_fulfilled" else "partial") if override else ""
    r = client.post(f"/commitments/{v.source_id}/verdict.json",
                    data={"verdict_id": v.id, "version": v.version, "status": new_status, "reason": "人工核实" if override else "",
                          "csrf_token": token})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["confirmed"] is True and body["machine_status"] == v.status
    assert body["status"] == (new_status or v.status)
    data = client.get(f"/commitments/{v.source_id}.json").json()
    (row,) = [x for x in data["verdicts"] if x["id"] == v.id]
    assert row["machine"]["status"] == v.status and row["machine"]["reason"] == v.reason
    assert row["human"]["status"] == (new_status or v.status) and row["human"]["by"] == "sup" and row["human"]["at"]
    engine = make_engine(settings.database_url)
    from luoshi.store.audit import list_audit
    with make_sessionmaker(engine)() as s:
        (entry,) = list_audit(s, "verdicts", v.id)
        assert entry.username == "sup" and entry.before["status"] == v.status
        assert entry.after["status"] == (new_status or v.status) and entry.after["machine_status"] == v.status
        # re-linking (a re-ingest of the newer report) keeps the decision
        from luoshi.store.linking import link_neighbours
        from luoshi.store.models import Report
        link_neighbours(s, s.get(Report, ids["new"]))
        s.commit()
        again = s.get(Verdict, v.id)
        assert again.confirmed and again.status == (new_status or v.status) and again.machine_status == v.status
    engine.dispose()
    html = client.get(f"/commitments/{v.source_id}").text
    assert 'class="human"' in html and "sup" in html


def test_overview_shares_add_up(linked):
    client, ids = linked
    login(client, "viewer")
    data = client.get("/index.json", params={"report": ids["old"]}).json()
    vs = data["verdicts"]
    assert vs["total"] > 0 and vs["unjudged"] == 0
    assert sum(vs["counts"].values()) == vs["total"]
    assert abs(sum(vs["shares"].values()) - 1) < 0.001
    for group in ("by_section", "by_department"):
        assert vs[group]
        for row in vs[group]:
            assert sum(row["counts"].values()) == row["total"]
            assert abs(sum(row["shares"].values()) - 1) < 0.001
    assert sum(r["total"] for r in vs["by_section"]) == vs["total"]
    html = client.get("/", params={"report": ids["old"]}).text
    assert 'id="verdict-shares"' in html and "<svg" in html
    en = client.get("/", params={"report": ids["old"], "lang": "en"}).text
    assert "Fulfilment" in en
    # a report nobody judged yet: no verdict block
    assert client.get("/index.json", params={"report": ids["new"]}).json()["verdicts"] is None
