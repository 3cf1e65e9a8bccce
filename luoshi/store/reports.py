"""Reports in the ledger: ingest an Extraction idempotently, re-extract keeping human edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from luoshi import __version__
from luoshi import model as m
from luoshi.store import audit, linking
from luoshi.store.errors import InvalidValueError, NotFoundError
from luoshi.store.merge import replace_engine_rows
from luoshi.store.models import Region, Report, Section, User
from luoshi.store.permissions import require_role

IngestStatus = Literal["created", "unchanged", "reextracted"]


@dataclass
class IngestResult:
    report: Report
    status: IngestStatus
    counts: dict[str, int] = field(default_factory=dict)  # sections, indicators, commitments, kept, retired ...


def get_or_create_region(session: Session, name: str) -> Region:
    region = session.scalar(select(Region).where(Region.name == name))
    if region is None:
        region = Region(name=name)
        session.add(region)
        session.flush()
    return region


def ingest_extraction(
    session: Session,
    ex: m.Extraction,
    text: str | None = None,
    *,
    region: str | None = None,
    year: int | None = None,
    filename: str | None = None,
    engine_version: str | None = None,
    actor: User | None = None,
    link: bool = True,
) -> IngestResult:
    """Store one extraction (``text``: the decoded original all offsets index).

    Same sha256 and engine version: nothing changes. Same sha256, other engine
    version: engine rows are refreshed and every human edit is kept. ``region``
    and ``year`` override what the engine inferred. Never commits.
    """
    require_role(actor, "admin", "supervisor")
    sha = ex.report.sha256
    if not sha:
        raise InvalidValueError("extraction has no sha256", "extract from a file with luoshi.pipeline.extract_file")
    version = engine_version or __version__
    report = session.scalar(select(Report).where(Report.sha256 == sha))
    if report is not None and report.engine_version == version:
        if link:  # a pair stored before linking existed gets its verdicts; a linked one is left alone
            linking.link_neighbours(session, report, ex, only_missing=True, actor=actor)
        return IngestResult(report, "unchanged")
    status: IngestStatus = "created" if report is None else "reextracted"
    before = audit.snapshot(report)
    if report is None:
        report = Report(sha256=sha, engine_version=version)
        session.add(report)
    region_name = region or ex.report.region
    report.region_id = get_or_create_region(session, region_name).id if region_name else report.region_id
    report.year = year or ex.report.year or report.year
    report.title = ex.report.title
    report.level = ex.report.level
    report.date = ex.report.date
    report.speaker = ex.report.speaker
    report.session = ex.report.session
    report.chars = ex.report.chars or (len(text) if text is not None else 0)
    report.filename = filename or report.filename
    report.text = text if text is not None else report.text
    report.engine_version = version
    report.extracted_at = audit.utcnow()
    session.flush()
    counts = replace_engine_rows(session, report, ex)
    after = audit.snapshot(report)
    audit.record(session, actor, "ingest" if status == "created" else "reextract", "reports", report.id, before, after | {"counts": counts})
    if link:
        counts |= {f"linked_{k}": v for k, v in linking.link_neighbours(session, report, ex, actor=actor).items()}
    return IngestResult(report, status, counts)


def ingest_file(
    session: Session, path: str | Path, *, region: str | None = None, year: int | None = None,
    encoding: str | None = None, actor: User | None = None,
) -> IngestResult:
    """Read, extract and store one report file (see ingest_extraction)."""
    from luoshi.ingest import read_document
    from luoshi.pipeline import extract_document

    doc = read_document(path, encoding=encoding)
    return ingest_extraction(session, extract_document(doc), doc.text, region=region, year=year, filename=Path(path).name, actor=actor)


def list_sections(session: Session, report_id: int) -> list[Section]:
    """In text order."""
    return list(session.scalars(select(Section).where(Section.report_id == report_id).order_by(Section.start, Section.level)))


def get_report(session: Session, report_id: int) -> Report:
    report = session.get(Report, report_id)
    if report is None:
        raise NotFoundError(f"no report {report_id}", "see the report list")
    return report


def find_report(session: Session, sha256: str) -> Report | None:
    return session.scalar(select(Report).where(Report.sha256 == sha256))


def list_reports(session: Session, region: str | None = None, year: int | None = None) -> list[Report]:
    """Newest plan year first."""
    q = select(Report).order_by(Report.year.desc().nulls_last(), Report.id.desc())
    if region is not None:
        q = q.join(Region).where(Region.name == region)
    if year is not None:
        q = q.where(Report.year == year)
    return list(session.scalars(q))


def list_regions(session: Session) -> list[Region]:
    return list(session.scalars(select(Region).order_by(Region.name)))


def delete_report(session: Session, report_id: int, actor: User | None = None) -> None:
    """Admin only, and only while no human work hangs on it (progress is append-only)."""
    from luoshi.store.models import Commitment, ProgressUpdate

    require_role(actor, "admin")
    report = get_report(session, report_id)
    has_progress = session.scalar(
        select(ProgressUpdate.id).join(Commitment, ProgressUpdate.commitment_id == Commitment.id).where(Commitment.report_id == report_id).limit(1)
    )
    if has_progress is not None:
        raise InvalidValueError(f"report {report_id} has progress updates", "progress history cannot be deleted")
    before = audit.snapshot(report)
    session.execute(delete(Report).where(Report.id == report_id))
    audit.record(session, actor, "delete", "reports", report_id, before, None)
