"""落实评价清单: an older report's tasks and targets, each with its verdict, reason and best evidence on a newer one."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from luoshi.store.models import Report
from luoshi.store.reports import get_report
from luoshi.web.deps import ReaderDep, SessionDep, WebError
from luoshi.web.downloads import CSV, PARQUET, XLSX, attachment, table_csv, table_parquet, table_xlsx
from luoshi.web.i18n import translator
from luoshi.web.lookups import report_summary, sections_of
from luoshi.web.render import lang_of, respond, twin
from luoshi.web.theme_list import page_window, theme_counts, theme_rows
from luoshi.web.tracking import ViewCache, verdict_fingerprint
from luoshi.web.verdict_list import EXPORT_COLUMNS, VerdictFilter, evidence_reports, export_values, report_counts, verdict_page

router = APIRouter(tags=["verdicts"])
VerdictStatus = Literal["fulfilled", "partial", "not_fulfilled", "no_evidence", "unjudged"]
Kind = Literal["commitment", "indicator", "theme"]


def _filter(status: VerdictStatus | None = None,
            section: Annotated[str | None, Query(max_length=40)] = None,
            department: Annotated[str | None, Query(max_length=100)] = None,
            kind: Kind | None = None) -> VerdictFilter:
    """The list's filters, shared by the page, its JSON twin and the exports."""
    return VerdictFilter(status, section, department, kind)


FilterDep = Annotated[VerdictFilter, Depends(_filter)]
EvidenceQuery = Annotated[int | None, Query(ge=1, le=2**31 - 1)]
PageQuery = Annotated[int, Query(ge=1, le=100000)]
PerPageQuery = Annotated[int, Query(ge=1, le=500)]


def _data(session: Session, old: Report, evidence: int | None, f: VerdictFilter, page: int = 1,
          per_page: int | None = 50, cache: ViewCache | None = None) -> dict:
    """The list's data: one page of rows (``per_page`` None: every row, for the exports), counts from the database."""
    if cache is not None:  # which reports judged this one: a scan of its verdicts, kept until a verdict changes
        ids = cache.get(session, "verdict-evidence", old, date.min, lambda: [r.id for r in evidence_reports(session, old)],
                        extra=verdict_fingerprint(session))
        by_id = {r.id: r for r in session.scalars(select(Report).options(defer(Report.text)).where(Report.id.in_(ids)))}
        judged_on = [by_id[i] for i in ids if i in by_id]
    else:
        judged_on = evidence_reports(session, old)
    if evidence is not None:
        new = get_report(session, evidence)
    elif judged_on:
        new = judged_on[0]
    else:
        raise WebError(404, detail="这份报告尚未与后一年的报告比对 / not judged on a later report yet (ingest the next year's report)")
    whole = memo = None
    if cache is not None:  # kept while the verdicts, tasks and assignments are unchanged (tracking.ViewCache)
        verdicts_now = verdict_fingerprint(session)
        whole = cache.get(session, f"verdict-counts-{new.id}", old, date.min, lambda: report_counts(session, old, new), extra=verdicts_now)
        memo = lambda key, compute: cache.get(session, f"verdict-ids-{new.id}-{key}", old, date.min, compute, extra=verdicts_now)  # noqa: E731
    result = verdict_page(session, old, new, f, page, per_page, whole=whole, memo=memo)
    themes: list[dict] = []
    if f.kind in (None, "theme") and not f.department:  # a theme has no lead unit of its own
        evidence_text = session.scalar(select(Report.text).where(Report.id == new.id)) or ""
        themes = theme_rows(session, old.id, new.id, evidence_text, status=f.status, section=f.section)
    chapters = [{"key": s.key, "title": s.title} for s in sections_of(session, old.id) if s.level == 1]
    size = per_page or max(result.total, 1)
    pages = max(1, -(-result.total // size))
    lo, hi = page_window(themes, result.items, page, pages)
    for t in themes:
        t["on_page"] = lo <= t["position"] < hi
    return {
        "report": report_summary(session, old), "evidence_report": report_summary(session, new),
        "evidence_choices": [report_summary(session, r) for r in judged_on],
        "filters": {k: v for k, v in vars(f).items() if v}, "counts": result.counts, "counts_all": result.counts_all,
        "total": result.total, "page": page, "per_page": size, "pages": pages,
        "sections": chapters, "departments": result.departments, "items": result.items,
        # the themes, apart from the rows (the counts above are the rows' own); on_page: shown as a header on this page
        "themes": themes, "theme_counts": theme_counts(themes),
    }


@twin(router, "/reports/{report_id:int}/verdicts")
def verdict_list(request: Request, session: SessionDep, user: ReaderDep, report_id: int,
                 f: FilterDep, evidence: EvidenceQuery = None, page: PageQuery = 1, per_page: PerPageQuery = 50) -> Response:
    """Promise → evidence → verdict: every task and target of the report, judged on a later one (default: the newest).

    One page at a time (``page``, ``per_page``); the xlsx/CSV exports hold every row of the filtered list.
    """
    old = session.scalar(select(Report).options(defer(Report.text)).where(Report.id == report_id))  # the text is not shown
    if old is None:
        raise WebError(404)
    data = _data(session, old, evidence, f, page, per_page, request.app.state.view_cache)
    t = translator(lang_of(request))
    return respond(request, "verdicts.html", data, title=f"{data['report']['name']} · {t('verdict_list')}", active="nav_reports")


@router.get("/reports/{report_id:int}/verdicts.{fmt}", responses={200: {"content": {XLSX: {}, "text/csv": {}, PARQUET: {}}}})
def verdict_export(request: Request, session: SessionDep, user: ReaderDep, report_id: int, fmt: Literal["xlsx", "csv", "parquet"],
                     f: FilterDep, evidence: EvidenceQuery = None) -> Response:
    """The verdict list as shown (same filters) as an xlsx sheet, CSV or Parquet, named by region and year; the theme
    verdicts follow the rows, as their own kind (类型 主题)."""
    old = get_report(session, report_id)
    data = _data(session, old, evidence, f, per_page=None)
    name = f"{data['report']['name']}落实评价（依据{data['evidence_report']['name']}）"
    rows = (export_values(n, r) for n, r in enumerate([*data["items"], *data["themes"]], 1))  # themes after the rows
    if fmt == "xlsx":
        return attachment(table_xlsx(name, EXPORT_COLUMNS, rows), f"{name}.xlsx", XLSX)
    if fmt == "parquet":
        return attachment(table_parquet(EXPORT_COLUMNS, rows), f"{name}.parquet", PARQUET)
    return attachment(table_csv(EXPORT_COLUMNS, rows), f"{name}.csv", CSV)
