"""落实评价清单: an older report's tasks and targets, each with its verdict, reason and best evidence on a newer one."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from luoshi.store.models import Report
from luoshi.store.reports import get_report
from luoshi.web.deps import ReaderDep, SessionDep, WebError
from luoshi.web.downloads import CSV, XLSX, attachment, table_csv, table_xlsx
from luoshi.web.i18n import translator
from luoshi.web.lookups import report_summary, sections_of
from luoshi.web.render import lang_of, respond, twin
from luoshi.web.verdict_list import (EXPORT_COLUMNS, VerdictFilter, apply_filter, counts_of, evidence_reports, export_values,
                                     verdict_items)

router = APIRouter(tags=["verdicts"])
VerdictStatus = Literal["fulfilled", "partial", "not_fulfilled", "no_evidence", "unjudged"]
Kind = Literal["commitment", "indicator"]


def _filter(status: VerdictStatus | None = None,
            section: Annotated[str | None, Query(max_length=40)] = None,
            department: Annotated[str | None, Query(max_length=100)] = None,
            kind: Kind | None = None) -> VerdictFilter:
    """The list's filters, shared by the page, its JSON twin and the exports."""
    return VerdictFilter(status, section, department, kind)


FilterDep = Annotated[VerdictFilter, Depends(_filter)]
EvidenceQuery = Annotated[int | None, Query(ge=1, le=2**31 - 1)]


def _data(session: Session, old: Report, evidence: int | None, f: VerdictFilter) -> dict:
    judged_on = evidence_reports(session, old)
    if evidence is not None:
        new = get_report(session, evidence)
    elif judged_on:
        new = judged_on[0]
    else:
        raise WebError(404, detail="这份报告尚未与后一年的报告比对 / not judged on a later report yet (ingest the next year's report)")
    everything = verdict_items(session, old, new)
    rows = apply_filter(everything, f)
    chapters = [{"key": s.key, "title": s.title} for s in sections_of(session, old.id) if s.level == 1]
    depts = sorted({d for r in everything for d in r["lead"]})
    return {
        "report": report_summary(session, old), "evidence_report": report_summary(session, new),
        "evidence_choices": [report_summary(session, r) for r in judged_on],
        "filters": {k: v for k, v in vars(f).items() if v}, "counts": counts_of(rows), "counts_all": counts_of(everything),
        "total": len(rows), "sections": chapters, "departments": depts, "items": rows,
    }


@twin(router, "/reports/{report_id:int}/verdicts")
def verdict_list(request: Request, session: SessionDep, user: ReaderDep, report_id: int,
                 f: FilterDep, evidence: EvidenceQuery = None) -> Response:
    """Promise → evidence → verdict: every task and target of the report, judged on a later one (default: the newest)."""
    old = get_report(session, report_id)
    data = _data(session, old, evidence, f)
    t = translator(lang_of(request))
    return respond(request, "verdicts.html", data, title=f"{data['report']['name']} · {t('verdict_list')}", active="nav_reports")


@router.get("/reports/{report_id:int}/verdicts.{fmt}", responses={200: {"content": {XLSX: {}, "text/csv": {}}}})
def verdict_export(request: Request, session: SessionDep, user: ReaderDep, report_id: int, fmt: Literal["xlsx", "csv"],
                     f: FilterDep, evidence: EvidenceQuery = None) -> Response:
    """The verdict list as shown (same filters) as an xlsx sheet or CSV, named by region and year."""
    old = get_report(session, report_id)
    data = _data(session, old, evidence, f)
    name = f"{data['report']['name']}落实评价（依据{data['evidence_report']['name']}）"
    rows = (export_values(n, r) for n, r in enumerate(data["items"], 1))
    if fmt == "xlsx":
        return attachment(table_xlsx(name, EXPORT_COLUMNS, rows), f"{name}.xlsx", XLSX)
    return attachment(table_csv(EXPORT_COLUMNS, rows), f"{name}.csv", CSV)
