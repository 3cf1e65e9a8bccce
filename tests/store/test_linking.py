"""Ingesting a newer report of a region judges the older one's items; people's decisions survive re-linking."""

from __future__ import annotations

from sqlalchemy import func, select

from luoshi.store.audit import list_audit
from luoshi.store.linking import link_neighbours, link_series
from luoshi.store.models import AuditEntry, Commitment, Indicator, Report, Verdict
from luoshi.store.reports import ingest_file
from luoshi.store.verdicts import confirm_verdict
from tests.store.conftest import EXAMPLES, REGION, ingest_both, write_report


def _state(session):
    return sorted(session.execute(select(Verdict.id, Verdict.source_kind, Verdict.source_id, Verdict.status, Verdict.version,
                                         Verdict.evidence_report_id)).all())


def test_ingest_newer_report_stores_verdicts_for_older_items(session):
    old, new = ingest_both(session)
    verdicts = list(session.scalars(select(Verdict)))
    assert verdicts and all(v.evidence_report_id == new.id for v in verdicts)
    com_ids = set(session.scalars(select(Commitment.id).where(Commitment.report_id == old.id)))
    target_ids = set(session.scalars(select(Indicator.id).where(Indicator.report_id == old.id, Indicator.kind == "target")))
    assert {v.source_id for v in verdicts if v.source_kind == "commitment"} == com_ids
    assert {v.source_id for v in verdicts if v.source_kind == "indicator"} == target_ids
    assert {v.status for v in verdicts} <= {"fulfilled", "partial", "not_fulfilled", "no_evidence"}
    assert all(v.machine_status == v.status and v.origin == "engine" and not v.confirmed for v in verdicts)
    with_evidence = [v for v in verdicts if v.evidence]
    assert with_evidence
    for v in with_evidence:  # evidence spans index the newer report's text
        for e in v.evidence:
            assert new.text[e["start"]:e["end"]] == e["text"]
    assert session.scalar(select(func.count()).select_from(Verdict).where(Verdict.source_kind == "commitment",
                                                                          Verdict.source_id.in_(
                                                                              select(Commitment.id).where(Commitment.report_id == new.id)))) == 0


def test_second_ingest_and_relink_change_nothing(session):
    old, new = ingest_both(session)
    before, audits = _state(session), session.scalar(select(func.count()).select_from(AuditEntry))
    assert ingest_file(session, EXAMPLES / "mentougou-2021.txt", region=REGION).status == "unchanged"
    assert ingest_file(session, EXAMPLES / "mentougou-2020.txt", region=REGION).status == "unchanged"
    link_neighbours(session, new)  # a forced re-link too
    session.commit()
    assert _state(session) == before
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_relink_keeps_human_decision_and_machine_verdict(session):
    old, new = ingest_both(session)
    v = session.scalar(select(Verdict).where(Verdict.source_kind == "commitment").order_by(Verdict.id).limit(1))
    machine = v.status
    other = "not_fulfilled" if machine != "not_fulfilled" else "fulfilled"
    confirm_verdict(session, v.id, v.version, other, "区里核实：未完成")
    session.commit()
    link_neighbours(session, new)
    session.commit()
    session.expire_all()
    v = session.get(Verdict, v.id)
    assert (v.status, v.reason, v.origin, v.confirmed) == (other, "区里核实：未完成", "human", True)
    assert v.machine_status == machine and v.machine_reason
    assert v.confirmed_at is not None
    entry = list_audit(session, "verdicts", v.id)[0]
    assert entry.action == "confirm" and entry.before["status"] == machine and entry.after["status"] == other
    assert session.scalar(select(func.count()).select_from(Verdict).where(Verdict.source_kind == "commitment",
                                                                          Verdict.source_id == v.source_id)) == 1


def test_newer_ingested_first_links_when_older_arrives(session):
    new = ingest_file(session, EXAMPLES / "mentougou-2021.txt", region=REGION).report
    assert session.scalar(select(func.count()).select_from(Verdict)) == 0
    old = ingest_file(session, EXAMPLES / "mentougou-2020.txt", region=REGION).report
    session.commit()
    assert session.scalar(select(func.count()).select_from(Verdict).where(Verdict.evidence_report_id == new.id)) > 0
    assert old.year < new.year


def test_series_without_region_adopts_it_and_links(session):
    """`luoshi ingest old.txt new.txt`: the 2020 excerpt names no region; given together, they are linked."""
    old = ingest_file(session, EXAMPLES / "mentougou-2020.txt").report
    new = ingest_file(session, EXAMPLES / "mentougou-2021.txt").report
    assert old.region_id is None and session.scalar(select(func.count()).select_from(Verdict)) == 0
    assert link_series(session, [old, new]) == [(old.id, new.id)]
    session.commit()
    assert session.get(Report, old.id).region_id == new.region_id
    assert session.scalar(select(func.count()).select_from(Verdict).where(Verdict.evidence_report_id == new.id)) > 0
    assert link_series(session, [old, new]) == [(old.id, new.id)]  # again: nothing new


def test_cli_ingest_old_and_new_in_one_call_links_them(tmp_path, monkeypatch):
    import click
    from click.testing import CliRunner

    from luoshi.store.commands import register
    from luoshi.store.db import make_engine, make_sessionmaker
    from luoshi.store.settings import get_settings

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    monkeypatch.setenv("LUOSHI_DATABASE_URL", url)
    get_settings.cache_clear()
    group = click.Group("luoshi")
    register(group)
    run = CliRunner()
    try:
        run.invoke(group, ["db", "upgrade"], catch_exceptions=False)
        out = run.invoke(group, ["ingest", str(EXAMPLES / "mentougou-2020.txt"), str(EXAMPLES / "mentougou-2021.txt")],
                         catch_exceptions=False).output
        assert "linked report 1 -> 2" in out
        engine = make_engine(url)
        with make_sessionmaker(engine)() as s:
            assert s.scalar(select(func.count()).select_from(Verdict).where(Verdict.evidence_report_id == 2)) > 0
        engine.dispose()
    finally:
        get_settings.cache_clear()


def _verdicts_of(session, report, text):
    cid = session.scalar(select(Commitment.id).where(Commitment.report_id == report.id, Commitment.text.contains(text)))
    assert cid is not None, text
    return session.execute(select(Verdict.status, Verdict.evidence_report_id).where(
        Verdict.source_kind == "commitment", Verdict.source_id == cid)).all()


def test_multi_year_linking_keeps_the_earliest_credible_evidence_and_relinks_a_middle_year(session, tmp_path):
    y2019 = write_report(tmp_path, 2019, "完成老旧小区综合整治。",
                    "完成西山隧道工程建设。推进龙泉务村污水管网工程建设。启动冀热察挺进军司令部旧址陈列馆提升。")
    y2020 = write_report(tmp_path, 2020, "西山隧道工程开工建设。龙泉务村污水管网工程开工建设。",
                    "完成西山隧道工程建设。")
    y2021 = write_report(tmp_path, 2021, "西山隧道工程建成通车。龙泉务村污水管网工程建成投用。",
                    "推进永定河生态修复。")
    first = ingest_file(session, y2019, region=REGION, year=2019).report
    last = ingest_file(session, y2021, region=REGION, year=2021).report
    session.commit()
    assert _verdicts_of(session, first, "西山隧道") == [("fulfilled", last.id)]
    assert _verdicts_of(session, first, "龙泉务村") == [("fulfilled", last.id)]
    assert _verdicts_of(session, first, "冀热察") == [("no_evidence", last.id)]

    middle = ingest_file(session, y2020, region=REGION, year=2020).report  # a year added in the middle
    session.commit()
    # a result pledge only begun in 2020 and done in 2021: the 2021 evidence stands
    assert _verdicts_of(session, first, "西山隧道") == [("fulfilled", last.id)]
    # a process pledge with progress in 2020: the earliest credible evidence wins
    assert _verdicts_of(session, first, "龙泉务村") == [("fulfilled", middle.id)]
    # nothing anywhere: one no_evidence, from the latest report
    assert _verdicts_of(session, first, "冀热察") == [("no_evidence", last.id)]
    # the middle year's own tasks are judged on the later report
    assert _verdicts_of(session, middle, "西山隧道") == [("fulfilled", last.id)]
    # linking again changes nothing
    before = _state(session)
    link_neighbours(session, middle)
    session.commit()
    assert _state(session) == before


def test_progress_filed_in_the_ledger_is_evidence_when_the_review_is_silent(session, tmp_path):
    from datetime import date

    from luoshi.store.linking import link_pair
    from luoshi.store.progress import add_progress

    y2020 = write_report(tmp_path, 2020, "完成老旧小区综合整治。", "推进龙泉务村污水管网工程建设。完成西山隧道工程建设。")
    y2021 = write_report(tmp_path, 2021, "区域发展取得新成效。", "推进永定河生态修复。")
    old = ingest_file(session, y2020, region=REGION, year=2020).report
    new = ingest_file(session, y2021, region=REGION, year=2021).report
    session.commit()
    assert _verdicts_of(session, old, "龙泉务村") == [("no_evidence", new.id)]
    sewer = session.scalar(select(Commitment.id).where(Commitment.report_id == old.id, Commitment.text.contains("龙泉务村")))
    tunnel = session.scalar(select(Commitment.id).where(Commitment.report_id == old.id, Commitment.text.contains("西山隧道")))
    add_progress(session, sewer, "in_progress", 60, "管网铺设过半", reported_on=date(2020, 10, 8))
    add_progress(session, tunnel, "in_progress", 80, "主体完工", reported_on=date(2020, 11, 2))
    add_progress(session, tunnel, "done", 100, "已通车", reported_on=date(2021, 6, 1))  # after the reviewed year: not counted
    link_pair(session, old, new)
    session.commit()
    assert _verdicts_of(session, old, "龙泉务村") == [("fulfilled", new.id)]  # a process pledge in progress
    assert _verdicts_of(session, old, "西山隧道") == [("partial", new.id)]  # a result pledge not yet done by 2020
    v = session.scalar(select(Verdict).where(Verdict.source_kind == "commitment", Verdict.source_id == sewer))
    assert "进度报送（2020年10月8日）" in v.reason and v.evidence[0]["text"] == "管网铺设过半"
