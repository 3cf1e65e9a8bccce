"""Ingest: idempotent by sha256, re-extraction keeps human edits, all-or-nothing."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from luoshi.store import merge
from luoshi.store.assignments import assign, effective
from luoshi.store.commitments import update_commitment
from luoshi.store.models import AuditEntry, Commitment, Observation, ProgressUpdate, Report, Section
from luoshi.store.progress import add_progress
from luoshi.store.reports import ingest_extraction, list_reports, list_sections
from luoshi.store.verdicts import set_verdict
from tests.store.conftest import CLAUSES, build_extraction

TABLES = (Report, Section, Commitment, AuditEntry, ProgressUpdate)


def counts(session):
    return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) for t in TABLES}


def test_ingest_creates_report_with_exact_offsets(session, extraction):
    ex, text = extraction
    res = ingest_extraction(session, ex, text)
    session.commit()
    assert res.status == "created"
    rows = res.report.commitments
    assert [c.text for c in rows] == [c[0] for c in CLAUSES]
    assert all(res.report.text[c.start:c.end] == c.text for c in rows)
    assert res.report.region.name == "北京市门头沟区" and res.report.year == 2022
    assert [a.source for c in rows for a in c.assignments] == ["engine"] * len(CLAUSES)
    assert [s.key for s in list_sections(session, res.report.id)] == ["s1"]


def test_ingest_same_sha256_twice_changes_nothing(session, extraction):
    ex, text = extraction
    ingest_extraction(session, ex, text)
    session.commit()
    before = counts(session)
    res = ingest_extraction(session, ex, text)
    session.commit()
    assert res.status == "unchanged"
    assert counts(session) == before


@pytest.mark.parametrize(("region", "year"), [("北京市", 2023), (None, None)])
def test_ingest_region_and_year_override_engine(session, extraction, region, year):
    ex, text = extraction
    report = ingest_extraction(session, ex, text, region=region, year=year).report
    assert (report.region.name, report.year) == (region or "北京市门头沟区", year or 2022)
    assert [r.id for r in list_reports(session, region=region or "北京市门头沟区")] == [report.id]


def test_reextract_keeps_human_edits(session, extraction):
    ex, text = extraction
    report = ingest_extraction(session, ex, text, engine_version="1").report
    first, second, third = report.commitments[:3]
    assign(session, first.id, "区城市管理委", "lead")
    add_progress(session, second.id, "in_progress", 40, "已完成方案")
    update_commitment(session, third.id, third.version, {"deadline": "2022-09", "due_date": date(2022, 9, 30)})
    set_verdict(session, first.id, "partial", "完成6个")
    session.commit()
    ids = [c.id for c in report.commitments]
    # A newer engine: other department guesses, a re-cut clause, another deadline, one item dropped.
    ex2, _ = build_extraction()
    ex2.commitments[0].departments[0].name = "区发展改革委"
    ex2.commitments[1] = replace(ex2.commitments[1], end=ex2.commitments[1].end - 1, text=ex2.commitments[1].text[:-1])
    ex2.commitments[2].deadline = "2022-12"
    dropped = ex2.commitments.pop(3)
    res = ingest_extraction(session, ex2, text, engine_version="2")
    session.commit()
    assert res.status == "reextracted" and res.report.id == report.id
    rows = {c.id: c for c in session.scalars(select(Commitment).where(Commitment.report_id == report.id))}
    assert set(rows) == set(ids[:3])  # the dropped one had no human data
    assert [a.department.name for a in effective(rows[ids[0]])] == ["区城市管理委"]
    assert {a.department.name for a in rows[ids[0]].assignments if a.source == "engine"} == {"区发展改革委"}
    assert rows[ids[1]].text == ex2.commitments[1].text and len(rows[ids[1]].progress) == 1
    assert (rows[ids[2]].deadline, rows[ids[2]].due_date) == ("2022-09", date(2022, 9, 30))
    assert dropped.text not in {c.text for c in rows.values()}


def test_reextract_retires_dropped_item_with_progress(session, extraction):
    ex, text = extraction
    report = ingest_extraction(session, ex, text, engine_version="1").report
    last = report.commitments[-1]
    add_progress(session, last.id, "in_progress", 10)
    session.commit()
    ex2, _ = build_extraction()
    ex2.commitments.pop()
    ingest_extraction(session, ex2, text, engine_version="2")
    session.commit()
    session.refresh(last)
    assert last.retired and len(last.progress) == 1


def test_failure_mid_ingest_leaves_nothing(session, extraction, monkeypatch):
    ex, text = extraction

    def boom(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge, "write_suggestions", boom)
    with pytest.raises(RuntimeError):
        ingest_extraction(session, ex, text)
        session.commit()
    session.rollback()
    assert set(counts(session).values()) == {0}


def test_actual_indicators_become_observations(session):
    ex, text = build_extraction()
    ex.indicators[0].kind = "actual"
    ingest_extraction(session, ex, text)
    obs = session.scalars(select(Observation)).all()
    assert [(o.metric, o.value, o.source, o.observed_on) for o in obs] == [("老旧小区综合整治", 10, "report", date(2022, 12, 31))]
