"""Cross-year verdicts in the ledger: link a region's reports year to year as they are ingested.

When a report is stored, its region's immediately older report (the nearest earlier
plan year) is judged against it, and it is judged against the immediately newer one
if that was ingested first. The engine's verdicts go through ``store_links``: a
decision a person made (confirmed or overridden) is never replaced.

The older side is rebuilt from the stored rows (so verdict keys are the ledger's);
the newer side needs its sentences, which are not stored: they come from the
Extraction just ingested, or from the structure stage run again on the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi import model as m
from luoshi.store.models import Commitment, Indicator, Report, Section, User, Verdict
from luoshi.store.verdicts import store_links


@dataclass
class StoredExtraction:
    """A stored report as the engine's Extraction, with engine keys mapped back to row ids."""

    extraction: m.Extraction
    text: str
    commitment_ids: dict[str, int]
    indicator_ids: dict[str, int]


def extraction_of(session: Session, report: Report, sentences: list[m.Sentence] | None = None) -> StoredExtraction:
    """The report's current engine items (retired commitments and set-aside indicators left out)."""
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
    ex = m.Extraction(meta, sections, indicators, commitments, list(sentences or []))
    return StoredExtraction(ex, report.text or "", {c.key: c.id for c in coms}, {i.key: i.id for i in inds})


def _sentences(report: Report) -> list[m.Sentence]:
    from luoshi.structure import analyze
    from luoshi.textmap import MappedText

    text = report.text or ""
    return analyze(MappedText(text), m.Document(text=text, format="txt", sha256=report.sha256)).sentences


def older_report(session: Session, report: Report) -> Report | None:
    """The same region's report of the nearest earlier plan year (None without region or year)."""
    if report.region_id is None or report.year is None:
        return None
    return session.scalar(select(Report).where(Report.region_id == report.region_id, Report.year < report.year)
                          .order_by(Report.year.desc(), Report.id.desc()).limit(1))


def newer_report(session: Session, report: Report) -> Report | None:
    if report.region_id is None or report.year is None:
        return None
    return session.scalar(select(Report).where(Report.region_id == report.region_id, Report.year > report.year)
                          .order_by(Report.year, Report.id.desc()).limit(1))


def link_pair(session: Session, old: Report, new: Report, new_extraction: m.Extraction | None = None,
              actor: User | None = None) -> list[Verdict]:
    """Judge ``old``'s commitments and targets on ``new``; store the verdicts (human decisions kept)."""
    from luoshi.link import link_reports

    older = extraction_of(session, old)
    if new_extraction is not None and new_extraction.sentences:
        newer_ex, newer_text = new_extraction, new.text or ""
    else:
        newer = extraction_of(session, new, _sentences(new))
        newer_ex, newer_text = newer.extraction, newer.text
    links = link_reports(older.extraction, older.text, newer_ex, newer_text, new_doc=str(new.id))
    return store_links(session, old.id, links, evidence_report_id=new.id, actor=actor)


def _linked(session: Session, old: Report, new: Report) -> bool:
    ids = select(Commitment.id).where(Commitment.report_id == old.id)
    return session.scalar(select(Verdict.id).where(Verdict.evidence_report_id == new.id, Verdict.source_kind == "commitment",
                                                   Verdict.source_id.in_(ids)).limit(1)) is not None


def link_neighbours(session: Session, report: Report, extraction: m.Extraction | None = None, *, only_missing: bool = False,
                    actor: User | None = None) -> dict[str, int]:
    """After ``report`` was stored: link (older → report) and (report → newer) where those exist.

    ``only_missing``: skip a pair that already has verdicts (an unchanged re-ingest).
    Returns {"older": report id judged on this one, "newer": ...} for the pairs linked.
    """
    done: dict[str, int] = {}
    older = older_report(session, report)
    if older is not None and not (only_missing and _linked(session, older, report)):
        link_pair(session, older, report, extraction, actor=actor)
        done["older"] = older.id
    newer = newer_report(session, report)
    if newer is not None and not (only_missing and _linked(session, report, newer)):
        link_pair(session, report, newer, actor=actor)
        done["newer"] = newer.id
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
    """Reports ingested together (``luoshi ingest old.txt new.txt``): link each to the next by plan year.

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
    for old, new in zip(dated, dated[1:]):
        if old.year == new.year or (old.region_id is not None and new.region_id is not None and old.region_id != new.region_id):
            continue
        if not _linked(session, old, new):
            link_pair(session, old, new, actor=actor)
        done.append((old.id, new.id))
    return done
