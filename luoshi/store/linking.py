"""Cross-year verdicts in the ledger: link a region's reports across years as they are ingested.

A task can be fulfilled in a later year than the next: each report is judged against
every later report of its region. When a report is stored, every earlier report of the
region is judged against it, and it is judged against every later one already there (a
report added in the middle re-links both sides). Each task keeps one engine verdict: the
earliest later report with credible evidence, else the latest report's no_evidence (with
its carried_over). The engine's verdicts go through ``store_links``: a decision a person
made (confirmed or overridden) is never replaced.

The older side is rebuilt from the stored rows (so verdict keys are the ledger's);
the newer side needs its sentences, which are not stored: they come from the
Extraction just ingested, or from the structure stage run again on the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi import model as m
from luoshi.store import audit
from luoshi.store.models import Commitment, Indicator, ProgressUpdate, Report, Section, Theme, User, Verdict
from luoshi.store.themes import as_sentences, sentences_of_text, stored_themes
from luoshi.store.verdicts import store_links


@dataclass
class StoredExtraction:
    """A stored report as the engine's Extraction, with engine keys mapped back to row ids."""

    extraction: m.Extraction
    text: str
    commitment_ids: dict[str, int]
    indicator_ids: dict[str, int]
    theme_ids: dict[tuple[int, int], int]  # (start, end) of a stored theme sentence -> themes.id


def extraction_of(session: Session, report: Report, sentences: list[m.Sentence] | None = None) -> StoredExtraction:
    """The report's current engine items (retired commitments and set-aside indicators left out).

    Without ``sentences``, its stored theme sentences stand for them (what the linker needs of an
    older report to judge its themes)."""
    sections = [m.Section(s.key, s.parent_key, s.level, s.title, s.part, s.start, s.end)  # type: ignore[arg-type]
                for s in session.scalars(select(Section).where(Section.report_id == report.id).order_by(Section.start, Section.level))]
    inds = [i for i in session.scalars(select(Indicator).where(Indicator.report_id == report.id).order_by(Indicator.start))
            if not i.key.startswith("~")]
    coms = list(session.scalars(select(Commitment).where(Commitment.report_id == report.id, Commitment.retired.is_(False))
                                .order_by(Commitment.start)))
    indicators = [m.Indicator(i.key, i.metric, i.value, i.value_high, i.unit, i.value_text, i.comparator, i.change, i.kind,  # type: ignore[arg-type]
                              i.period, i.base_period, i.sentence, i.start, i.end, i.section_key) for i in inds]
    commitments = [m.Commitment(c.key, c.text, c.action, c.object, c.strength, c.deadline, c.deadline_text,  # type: ignore[arg-type]
                                list(c.projects or []), list(c.indicator_keys or []), [], c.start, c.end, c.section_key) for c in coms]
    meta = m.ReportMeta(title=report.title, region=report.region.name if report.region else None, year=report.year, date=report.date,
                        speaker=report.speaker, session=report.session, sha256=report.sha256, chars=report.chars)
    themes = stored_themes(session, report.id)
    ex = m.Extraction(meta, sections, indicators, commitments, list(sentences) if sentences is not None else as_sentences(themes))
    return StoredExtraction(ex, report.text or "", {c.key: c.id for c in coms}, {i.key: i.id for i in inds},
                            {(t.start, t.end): t.id for t in themes})


def _sentences(report: Report) -> list[m.Sentence]:
    return sentences_of_text(report.text or "", report.sha256, report.filename)


def older_report(session: Session, report: Report) -> Report | None:
    """The same region's report of the nearest earlier plan year (None without region or year)."""
    reports = earlier_reports(session, report)
    return reports[-1] if reports else None


def newer_report(session: Session, report: Report) -> Report | None:
    reports = later_reports(session, report)
    return reports[0] if reports else None


def earlier_reports(session: Session, report: Report) -> list[Report]:
    """The same region's reports of earlier plan years, oldest first (one per year: the latest stored)."""
    if report.region_id is None or report.year is None:
        return []
    return _one_per_year(session.scalars(select(Report).where(Report.region_id == report.region_id, Report.year < report.year)
                                         .order_by(Report.year, Report.id.desc())))


def later_reports(session: Session, report: Report) -> list[Report]:
    """The same region's reports of later plan years, oldest first (one per year: the latest stored)."""
    if report.region_id is None or report.year is None:
        return []
    return _one_per_year(session.scalars(select(Report).where(Report.region_id == report.region_id, Report.year > report.year)
                                         .order_by(Report.year, Report.id.desc())))


def _one_per_year(rows) -> list[Report]:
    out: dict[int, Report] = {}
    for r in rows:  # ordered by year, newest id first within a year
        out.setdefault(r.year, r)
    return [out[y] for y in sorted(out)]


def link_pair(session: Session, old: Report, new: Report, new_extraction: m.Extraction | None = None,
              actor: User | None = None) -> list[Verdict]:
    """Judge ``old``'s commitments, targets and themes on ``new`` and merge with its verdicts on other later reports.

    Per item one engine verdict stays (``_wins``): the best status, from the earliest report
    that shows it; with no evidence anywhere, the latest report's no_evidence. Human
    decisions are kept as they are. A theme's verdict is rolled up from its rows judged on
    the same report (luoshi.link.themes), and kept by the same rule.
    """
    from luoshi.link import link_reports

    older = extraction_of(session, old)
    if new_extraction is not None and new_extraction.sentences:
        newer_ex, newer_text = new_extraction, new.text or ""
    else:
        newer = extraction_of(session, new, _sentences(new))
        newer_ex, newer_text = newer.extraction, newer.text
    links = [link for link in link_reports(older.extraction, older.text, newer_ex, newer_text, new_doc=str(new.id), themes=True)
             if link.source_kind in ("commitment", "indicator", "theme")]
    with_progress(session, links, older.commitment_ids, new.year)
    theme_keys = {t.id: t.key for t in session.scalars(select(Theme).where(Theme.report_id == old.id))}
    for link in links:  # the engine numbers themes by its own count: the stored theme is the one at the same offsets
        if link.source_kind == "theme":
            link.source_id = theme_keys.get(older.theme_ids.get((link.source_start, link.source_end), -1), "")
    theme_ids = {theme_keys[i]: i for i in older.theme_ids.values()}
    ids = {"commitment": older.commitment_ids, "indicator": older.indicator_ids, "theme": theme_ids}
    kept = [link for link in links if _wins(session, ids[link.source_kind].get(link.source_id), link, new)]
    return store_links(session, old.id, kept, evidence_report_id=new.id, actor=actor)


_PROGRESS_ZH = {"done": "已完成", "in_progress": "推进中", "blocked": "受阻"}


def with_progress(session: Session, links: list[m.Link], commitment_ids: dict[str, int], new_year: int | None) -> None:
    """A task the review says nothing about, judged on the latest progress update filed for it in the ledger.

    Only updates reported up to the end of the year the newer report reviews count. done
    fulfils; in_progress fulfils a process pledge and is partial for a result pledge; blocked
    is partial (a shortfall is for the review to state). not_started changes nothing.
    """
    from luoshi.link.aspect import pledge_kind

    for link in links:
        if link.source_kind != "commitment" or link.status != "no_evidence":
            continue
        cid = commitment_ids.get(link.source_id)
        q = select(ProgressUpdate).where(ProgressUpdate.commitment_id == cid)
        if new_year:
            q = q.where(ProgressUpdate.reported_on <= date(new_year - 1, 12, 31))
        update = session.scalar(q.order_by(ProgressUpdate.seq.desc()).limit(1)) if cid is not None else None
        if update is None or update.state not in _PROGRESS_ZH:
            continue
        kind = pledge_kind(link.source_text)[0]
        status = "fulfilled" if update.state == "done" or (update.state == "in_progress" and kind == "process") else "partial"
        note = update.note or _PROGRESS_ZH[update.state]
        link.status = status  # type: ignore[assignment]
        link.confidence = {"done": 0.7, "in_progress": 0.6, "blocked": 0.55}[update.state]
        link.reason = (f"新报告回顾未提及；进度报送（{update.reported_on.year}年{update.reported_on.month}月{update.reported_on.day}日）："
                       f"{_PROGRESS_ZH[update.state]}" + (f"，{update.percent:g}%" if update.percent is not None else "") + f"。{note}")
        link.evidence = [m.Evidence("progress", note, 0, 0, None, 1.0, None, str(update.reported_on.year))]


_RANK = {"fulfilled": 3, "partial": 2, "not_fulfilled": 1, "no_evidence": 0}


def _wins(session: Session, source_id: int | None, link: m.Link, new: Report) -> bool:
    """Does ``link`` (judged on ``new``) replace the item's engine verdict on another report?

    The better status wins (fulfilled > partial > not_fulfilled > no_evidence: a task done
    in a later year is done); between equal credible statuses the earlier report (the
    earliest evidence), between two no_evidence the later one (the newest word). When the
    link wins, the other engine row is removed; a person's confirmed row never is.
    """
    if source_id is None:
        return False
    others = session.execute(
        select(Verdict, Report.year).join(Report, Report.id == Verdict.evidence_report_id)
        .where(Verdict.source_kind == link.source_kind, Verdict.source_id == source_id, Verdict.evidence_report_id != new.id,
               Verdict.origin == "engine", Verdict.confirmed.is_(False))).all()
    rank, year = _RANK[link.status], new.year or 0
    for v, other_year in others:
        other, other_year = _RANK.get(v.machine_status or v.status, 0), other_year or 0
        if other > rank:
            return False
        if other == rank and (other_year < year if rank else other_year > year):
            return False
    for v, _ in others:
        audit.record(session, None, "relink", "verdicts", v.id, audit.snapshot(v), {"moved_to_report": new.id, "status": link.status})
        session.delete(v)
    return True


def _linked(session: Session, old: Report, new: Report) -> bool:
    """Has the pair been judged? (Its tasks, and its themes when it has some: a ledger upgraded to
    stored themes gets their verdicts the next time a report of the pair is ingested.)"""
    for kind, table in (("commitment", Commitment), ("theme", Theme)):
        ids = select(table.id).where(table.report_id == old.id)
        if kind == "theme" and session.scalar(ids.limit(1)) is None:
            continue
        if session.scalar(select(Verdict.id).where(Verdict.evidence_report_id == new.id, Verdict.source_kind == kind,
                                                   Verdict.source_id.in_(ids)).limit(1)) is None:
            return False
    return True


def link_neighbours(session: Session, report: Report, extraction: m.Extraction | None = None, *, only_missing: bool = False,
                    actor: User | None = None) -> dict[str, int]:
    """After ``report`` was stored: judge every earlier report of its region on it, and it on every later one.

    ``only_missing``: skip a pair that already has verdicts (an unchanged re-ingest).
    Returns {"older": nearest earlier report id, "newer": nearest later one, "pairs": pairs linked}
    for what was linked.
    """
    done: dict[str, int] = {}
    pairs = 0
    for older in reversed(earlier_reports(session, report)):
        if not (only_missing and _linked(session, older, report)):
            link_pair(session, older, report, extraction, actor=actor)
            done.setdefault("older", older.id)
            pairs += 1
    for newer in later_reports(session, report):
        if not (only_missing and _linked(session, report, newer)):
            link_pair(session, report, newer, actor=actor)
            done.setdefault("newer", newer.id)
            pairs += 1
    if pairs:
        done["pairs"] = pairs
    return done


@dataclass
class StoredDiff:
    carried: list[tuple[int, int, float]]  # (old commitment id, new commitment id, score)
    dropped: list[int]
    new: list[int]


def diff_stored(session: Session, old: Report, new: Report) -> StoredDiff:
    """luoshi.link.diff_reports over two stored reports, as commitment ids."""
    from luoshi.link import diff_reports

    a, b = extraction_of(session, old), extraction_of(session, new)
    d = diff_reports(a.extraction, b.extraction)
    return StoredDiff([(a.commitment_ids[p.old.id], b.commitment_ids[p.new.id], p.score) for p in d.carried],
                      [a.commitment_ids[c.id] for c in d.dropped], [b.commitment_ids[c.id] for c in d.new])


def link_series(session: Session, reports: list[Report], actor: User | None = None) -> list[tuple[int, int]]:
    """Reports ingested together (``luoshi ingest old.txt new.txt``): link each to every later one by plan year.

    A report whose region the engine could not infer (an excerpt without its title
    page) takes the region of the others when they agree on one, so the pair also
    shows on the region page. Pairs already linked are left alone. Returns (old id, new id).
    """
    dated = sorted({r.id: r for r in reports if r.year is not None}.values(), key=lambda r: (r.year, r.id))
    regions = {r.region_id for r in dated if r.region_id is not None}
    if len(regions) == 1:
        (region_id,) = regions
        for r in dated:
            if r.region_id is None:
                r.region_id = region_id
        session.flush()
    done = []
    for k, old in enumerate(dated):
        for new in dated[k + 1 :]:
            if old.year == new.year or (old.region_id is not None and new.region_id is not None and old.region_id != new.region_id):
                continue
            if not _linked(session, old, new):
                link_pair(session, old, new, actor=actor)
            done.append((old.id, new.id))
    return done
