"""Theme sentences in the ledger: stored at ingest, back-filled by the migration, judged like tasks, kept when a person decides."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from luoshi.ingest import read_document
from luoshi.link import link_reports
from luoshi.pipeline import extract_document
from luoshi.store import migrate
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.linking import link_neighbours, link_pair
from luoshi.store.models import Report, Theme, Verdict
from luoshi.store.reports import ingest_file
from luoshi.store.verdicts import confirm_verdict
from tests.store.conftest import EXAMPLES, REGION, ingest_both, write_report


def _theme_verdicts(session, report_id: int) -> dict[str, tuple[str, int | None]]:
    rows = session.execute(select(Theme.text, Verdict.status, Verdict.evidence_report_id)
                           .join(Verdict, (Verdict.source_kind == "theme") & (Verdict.source_id == Theme.id))
                           .where(Theme.report_id == report_id)).all()
    return {text: (status, ev) for text, status, ev in rows}


def test_themes_are_stored_at_ingest_with_offsets_into_the_stored_text(session):
    old = ingest_file(session, EXAMPLES / "mentougou-2020.txt", region=REGION).report
    themes = list(session.scalars(select(Theme).where(Theme.report_id == old.id).order_by(Theme.start)))
    assert len(themes) > 10
    assert all(old.text[t.start:t.end] == t.text for t in themes)
    assert {t.part for t in themes} <= {"goals", "plan"}
    assert [t.key for t in themes] == [f"t{n}" for n in range(len(themes))]
    assert any(t.text == "坚决打好蓝天保卫战。" for t in themes)


def test_theme_verdicts_are_stored_as_the_linker_gives_them(session):
    old, new = ingest_both(session)
    stored = _theme_verdicts(session, old.id)
    a, b = read_document(EXAMPLES / "mentougou-2020.txt"), read_document(EXAMPLES / "mentougou-2021.txt")
    engine = {l.source_text: l.status for l in link_reports(extract_document(a), a.text, extract_document(b), b.text, themes=True)
              if l.source_kind == "theme"}
    assert engine and {k: v[0] for k, v in stored.items()} == engine
    assert {ev for _, ev in stored.values()} == {new.id}
    v = session.scalar(select(Verdict).join(Theme, Theme.id == Verdict.source_id)
                       .where(Verdict.source_kind == "theme", Theme.text == "深入推进污染防治。"))
    assert 1 <= len(v.evidence) <= 3 and all(e["part"] == "review" and e["period"] for e in v.evidence)
    text = new.text
    assert all(text[e["start"]:e["end"]] == e["text"] for e in v.evidence)
    # task verdicts stay the rows' own: no theme is counted among them
    assert session.scalar(select(func.count()).select_from(Verdict).where(Verdict.source_kind == "commitment")) > 0


def test_a_person_s_theme_verdict_survives_relinking(session):
    old, new = ingest_both(session)
    theme = session.scalar(select(Theme).where(Theme.report_id == old.id, Theme.text == "坚决打好蓝天保卫战。"))
    v = session.scalar(select(Verdict).where(Verdict.source_kind == "theme", Verdict.source_id == theme.id))
    machine = v.status
    confirm_verdict(session, v.id, v.version, "not_fulfilled", "PM2.5 未达标")
    session.commit()
    link_pair(session, old, new)
    link_neighbours(session, new)
    session.commit()
    rows = list(session.scalars(select(Verdict).where(Verdict.source_kind == "theme", Verdict.source_id == theme.id)))
    assert [(r.status, r.reason, r.confirmed, r.machine_status) for r in rows] == [("not_fulfilled", "PM2.5 未达标", True, machine)]


def test_reingest_keeps_theme_ids_and_decisions(session):
    old, new = ingest_both(session)
    before = dict(session.execute(select(Theme.text, Theme.id).where(Theme.report_id == old.id)).all())
    old.engine_version = "0.old"  # the next ingest re-extracts
    session.commit()
    ingest_file(session, EXAMPLES / "mentougou-2020.txt", region=REGION)
    session.commit()
    assert dict(session.execute(select(Theme.text, Theme.id).where(Theme.report_id == old.id)).all()) == before


def test_a_year_added_in_the_middle_relinks_themes_to_the_earliest_credible_report(session, tmp_path):
    done = "西山隧道工程建成通车。龙泉务村污水管网工程建成投用。冀热察挺进军司令部旧址陈列馆完成提升。"
    y2019 = write_report(tmp_path, 2019, "完成老旧小区综合整治。",
                    "完成西山隧道工程建设。推进龙泉务村污水管网工程建设。启动冀热察挺进军司令部旧址陈列馆提升。")
    y2020 = write_report(tmp_path, 2020, done, "推进永定河生态修复。")
    y2021 = write_report(tmp_path, 2021, done, "推进永定河生态修复。")
    first = ingest_file(session, y2019, region=REGION, year=2019).report
    last = ingest_file(session, y2021, region=REGION, year=2021).report
    session.commit()
    heading = "二、2019年工作安排"
    assert _theme_verdicts(session, first.id)[heading] == ("fulfilled", last.id)
    middle = ingest_file(session, y2020, region=REGION, year=2020).report
    session.commit()
    assert _theme_verdicts(session, first.id)[heading] == ("fulfilled", middle.id)  # the earliest credible evidence
    theme_id = session.scalar(select(Theme.id).where(Theme.report_id == first.id, Theme.text == heading))
    assert session.scalar(select(func.count()).select_from(Verdict).where(Verdict.source_kind == "theme",
                                                                         Verdict.source_id == theme_id)) == 1


def test_the_migration_backfills_themes_of_a_ledger_made_before_them(tmp_path):
    """A ledger at the revision before themes (main's schema then) gets its reports' themes on upgrade,
    and their verdicts when a report of the pair is ingested again."""
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    with make_sessionmaker(engine)() as s:
        old, _ = ingest_both(s)
        expected = sorted(s.execute(select(Theme.report_id, Theme.key, Theme.text, Theme.part, Theme.section_key, Theme.start,
                                           Theme.end)).all())
        s.execute(delete(Verdict).where(Verdict.source_kind == "theme"))
        s.commit()
    migrate.downgrade(engine, "0005_task_rows_units")
    with engine.connect() as conn:
        assert "themes" not in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars().all()
    migrate.upgrade(engine)
    with make_sessionmaker(engine)() as s:
        got = sorted(s.execute(select(Theme.report_id, Theme.key, Theme.text, Theme.part, Theme.section_key, Theme.start,
                                      Theme.end)).all())
        assert got == expected and len(got) > 20
        assert not _theme_verdicts(s, old.id)
        ingest_file(s, EXAMPLES / "mentougou-2021.txt", region=REGION)  # unchanged: only the missing verdicts are made
        s.commit()
        assert len(_theme_verdicts(s, old.id)) == len([r for r in got if r[0] == old.id])
        assert s.scalar(select(func.count()).select_from(Report)) == 2
    engine.dispose()
