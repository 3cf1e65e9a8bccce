"""落实评价清单: every task and target of an older report with its verdict on a newer one.

Promise → evidence → verdict in one row: the item, the verdict in force for the chosen
evidence report (a person's decision over the engine's), the reason and the best evidence
span quoted in place. Filterable by verdict, chapter and lead department; exported as xlsx/CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import func, literal_column, or_, select, union_all
from sqlalchemy.orm import Session

from luoshi.link.render import STATUS_ZH as VERDICT_ZH
from luoshi.store.models import VERDICTS, Assignment, Commitment, Department, Indicator, Region, Report, Verdict
from luoshi.web.ledger_query import _escape_like
from luoshi.web.lookups import departments_for, sections_of, top_section
from luoshi.web.verdict_sql import chosen, in_charge, in_force, indicator_leads, live_targets, ranked, unjudged
from luoshi.web.names import report_name, short_region  # noqa: F401 - re-exported for the pages
from luoshi.web.serialize import clause_rows

QUOTE_CHARS = 40
KIND_ZH = {"commitment": "任务", "indicator": "指标", "theme": "主题"}


@dataclass
class VerdictFilter:
    status: str | None = None
    section: str | None = None  # a chapter key
    department: str | None = None
    kind: str | None = None  # commitment | indicator | theme (the themes alone)


def evidence_reports(session: Session, report: Report) -> list[Report]:
    """The reports this one's items were judged on (newest plan year first)."""
    ids = select(Verdict.evidence_report_id).join(Commitment, Commitment.id == Verdict.source_id).where(
        Verdict.source_kind == "commitment", Commitment.report_id == report.id).distinct()
    return list(session.scalars(select(Report).where(Report.id.in_(ids)).order_by(Report.year.desc().nulls_last(), Report.id.desc())))


def _items(report_id: int, evidence_id: int, f: VerdictFilter, indicator_ids: list[int] | None, status_by: str | None):
    """UNION ALL of the report's live tasks and targets matching ``f``: (kind, id, start[, status]).

    ``indicator_ids``: the targets whose lead is the filtered department (None: no department filter).
    ``status_by``: None (no status column; ``f.status`` ignored), "probe" (each reached item's verdict by an
    index probe, for a page or a narrowed set) or "set" (one window over the report's verdicts, for the
    whole report's counts). Items without a verdict have status "unjudged".
    """
    branches = []
    if f.kind in (None, "commitment"):
        where = [Commitment.report_id == report_id, Commitment.retired.is_(False)]
        if f.section:
            where.append(_in_section(Commitment.section_key, f.section))
        if f.department:
            where.append(in_charge(Commitment.id, select(Department.id).where(Department.name == f.department).scalar_subquery()))
        branches += _branch("commitment", Commitment, where, report_id, evidence_id, status_by, f.status)
    if f.kind in (None, "indicator") and (indicator_ids is None or indicator_ids):
        where = [live_targets(report_id)]
        if f.section:
            where.append(_in_section(Indicator.section_key, f.section))
        if indicator_ids is not None:
            where.append(Indicator.id.in_(indicator_ids))
        branches += _branch("indicator", Indicator, where, report_id, evidence_id, status_by, f.status)
    return branches


def _compound(branches: list):
    """One SELECT of the branches (None when there are none): a compound whose ORDER BY ... LIMIT the database
    can answer by merging index-ordered branches, stopping after a page (SQLite's MERGE, PostgreSQL's Merge Append)."""
    if not branches:
        return None
    return branches[0] if len(branches) == 1 else union_all(*branches)


def _branch(kind: str, model: type, where: list, report_id: int, evidence_id: int, status_by: str | None, status: str | None):
    columns = [literal_column(f"'{kind}'").label("kind"), model.id.label("id"), model.start.label("start")]
    if status_by is None:
        return [select(*columns).where(*where)]
    if status_by == "probe":
        verdict = func.coalesce(in_force(kind, model.id, evidence_id, Verdict.status), "unjudged")
        return [select(*columns, verdict.label("status")).where(*where, *([verdict == status] if status else []))]
    r = ranked(kind, model, report_id, evidence_id)
    return [select(*columns, r.c.status.label("status")).join(r, r.c.source_id == model.id).where(*where),
            select(*columns, literal_column("'unjudged'").label("status")).where(*where, unjudged(kind, model.id, evidence_id))]


def _in_section(column, chapter: str):
    """The chapter itself or any section below it (section keys nest: s2, s2.1, s2.1.3), as the ledger filters."""
    return or_(column == chapter, column.like(_escape_like(chapter) + ".%", escape="\\"))


def _counts(session: Session, branches: list) -> dict[str, int]:
    """Items by verdict, counted by the database."""
    items = _compound(branches)
    got = {}
    if items is not None:
        items = items.subquery()
        got = dict(session.execute(select(items.c.status, func.count()).group_by(items.c.status)).all())
    return {s: got.get(s, 0) for s in (*VERDICTS, "unjudged")}


def report_counts(session: Session, report: Report, evidence: Report) -> tuple[dict[str, int], list[str], dict[str, list[str]]]:
    """The whole list's counts by verdict, its lead units (the tiles and the department filter's choices) and the
    lead units of each target (``indicator_leads``)."""
    counts = _counts(session, _items(report.id, evidence.id, VerdictFilter(), None, "set"))
    departments = list(session.scalars(
        select(Department.name).distinct().join(Assignment, Assignment.department_id == Department.id)
        .join(Commitment, Commitment.id == Assignment.commitment_id)
        .where(Commitment.report_id == report.id, Commitment.retired.is_(False), Assignment.role == "lead", chosen(Assignment))
        .order_by(Department.name)))
    return counts, departments, indicator_leads(session, report.id)


def _chunks(ids: list[int], size: int = 500):
    for k in range(0, len(ids), size):
        yield ids[k:k + size]


def _best_evidence(v: Verdict, text: str) -> dict | None:
    """The first (best) evidence span of the verdict, with the text around it where its offsets hold."""
    if not v.evidence:
        return None
    e = v.evidence[0]
    s, t = e.get("start"), e.get("end")
    inside = isinstance(s, int) and isinstance(t, int) and 0 <= s <= t <= len(text) and text[s:t] == e.get("text")
    return {"text": e.get("text") or "", "start": s, "end": t, "score": e.get("score"),
            "before": text[max(0, s - QUOTE_CHARS):s] if inside else "", "after": text[t:t + QUOTE_CHARS] if inside else ""}


@dataclass
class VerdictPage:
    items: list[dict]
    total: int  # matching the filter, all pages
    counts: dict[str, int]  # matching the filter, by verdict
    counts_all: dict[str, int]  # the whole report, by verdict
    departments: list[str]  # every lead unit of the report (the filter's choices)


def verdict_page(session: Session, report: Report, evidence: Report, f: VerdictFilter,
                 page: int = 1, per_page: int | None = 50, whole: tuple | None = None,
                 memo: Callable[[str, Callable[[], object]], object] | None = None) -> VerdictPage:
    """One page (``per_page`` None: all) of the report's live tasks and targets (report order) with their verdict on
    ``evidence``. Counts and the page's ids come from the database; only the page's rows are built here.

    ``whole``: ``report_counts`` of this pair, when the caller keeps it (it changes only with verdicts and assignments).
    ``memo(key, compute)``: the caller's store for the ordered ids of a status filter, valid while the verdicts and
    assignments are unchanged. Finding the first page of "partial" needs the verdict of every task before it;
    PostgreSQL plans that as a probe per task of the report, so the ids are kept, not asked for on every page.
    """
    counts_all, departments, leads = whole or report_counts(session, report, evidence)
    indicator_ids = None
    if f.department:
        targets = session.execute(select(Indicator.id, Indicator.key).where(live_targets(report.id))).all()
        indicator_ids = [i for i, key in targets if f.department in leads.get(key, [])]
    narrowed = any((f.section, f.department, f.kind))
    # A chapter or a department is a small share of the report: probe its items; a kind is most of it: one window.
    by = "probe" if f.section or f.department else "set"
    counts = _counts(session, _items(report.id, evidence.id, replace(f, status=None), indicator_ids, by)) if narrowed else dict(counts_all)
    if f.status:
        counts = {s: (n if s == f.status else 0) for s, n in counts.items()}
    total = sum(counts.values())
    keys: list[tuple[str, int]] = []
    offset = (max(page, 1) - 1) * (per_page or 0)
    if total:
        q = _compound(_items(report.id, evidence.id, f, indicator_ids, "probe" if f.status else None))
        q = q.order_by(literal_column("start"), literal_column("kind"), literal_column("id"))
        if f.status and memo is not None:
            ordered = memo(repr(sorted(vars(f).items())), lambda: [(r[0], r[1]) for r in session.execute(q)])
            keys = ordered[offset:offset + per_page] if per_page is not None else list(ordered)
        else:
            if per_page is not None:
                q = q.offset(offset).limit(per_page)
            keys = [(r[0], r[1]) for r in session.execute(q)]
    return VerdictPage(_rows(session, report, evidence, keys, leads), total, counts, counts_all, departments)


def _rows(session: Session, report: Report, evidence: Report, keys: list[tuple[str, int]],
          leads: dict[str, list[str]]) -> list[dict]:
    """The page's rows, in the order of ``keys`` (kind, id), with the verdict in force of each."""
    com_ids = [i for k, i in keys if k == "commitment"]
    ind_ids = [i for k, i in keys if k == "indicator"]
    coms, inds = {}, {}
    for chunk in _chunks(com_ids):
        coms |= {r.id: r for r in session.execute(select(Commitment.id, Commitment.text, Commitment.section_key, Commitment.start,
                                                         in_force("commitment", Commitment.id, evidence.id).label("verdict_id"))
                                                  .where(Commitment.id.in_(chunk)))}
    for chunk in _chunks(ind_ids):
        inds |= {r.id: r for r in session.execute(select(Indicator.id, Indicator.key, Indicator.metric, Indicator.value_text,
                                                         Indicator.section_key, Indicator.start,
                                                         in_force("indicator", Indicator.id, evidence.id).label("verdict_id"))
                                                  .where(Indicator.id.in_(chunk)))}
    verdict_ids = [r.verdict_id for r in (*coms.values(), *inds.values()) if r.verdict_id is not None]
    verdicts = {}
    for chunk in _chunks(verdict_ids):
        verdicts |= {v.id: v for v in session.scalars(select(Verdict).where(Verdict.id.in_(chunk)))}
    depts = departments_for(session, com_ids, report_id=report.id if len(com_ids) > 500 else None)
    chapters = top_section(sections_of(session, report.id))
    text = (session.scalar(select(Report.text).where(Report.id == evidence.id)) or "") if any(v.evidence for v in verdicts.values()) else ""
    rows = []
    for kind, item_id in keys:
        if kind == "commitment":
            r = coms[item_id]
            label, lead, support = r.text, depts[item_id]["lead"], depts[item_id]["support"]
        else:
            r = inds[item_id]
            label, lead, support = f"{r.metric or ''} {r.value_text}".strip(), leads.get(r.key, []), []
        v = verdicts.get(r.verdict_id) if r.verdict_id is not None else None
        section_key, pos = r.section_key, r.start
        chapter = chapters.get(section_key or "")
        rows.append({
            "kind": kind, "id": item_id, "text": label, "position": pos,
            "section": chapter.key if chapter else None, "section_title": chapter.title if chapter else None,
            "lead": lead, "support": support,
            "status": v.status if v else None, "confidence": round(v.confidence, 2) if v else None,
            "reason": v.reason if v else None, "confirmed": bool(v and v.confirmed), "verdict_id": v.id if v else None,
            "evidence": _best_evidence(v, text) if v else None,
            "clauses": clause_rows(v) if v and kind == "commitment" else [],
        })
    return rows


def region_name(session: Session, report: Report) -> str | None:
    return session.scalar(select(Region.name).where(Region.id == report.region_id)) if report.region_id else None


EXPORT_COLUMNS = (("序号", 6), ("类型", 6), ("章节", 18), ("原文", 50), ("牵头单位", 16), ("落实评价", 9), ("置信度", 7),
                  ("评价理由", 40), ("最佳证据", 50), ("人工认定", 8), ("分句结论", 60))


def export_values(n: int, r: dict) -> list:
    ev = r["evidence"][0] if isinstance(r["evidence"], list) and r["evidence"] else r["evidence"] or None  # a theme lists its spans
    return [n, KIND_ZH[r["kind"]], r["section_title"] or "", r["text"], "、".join(r.get("lead") or []),
            VERDICT_ZH.get(r["status"] or "", "未评价"), r["confidence"] if r["confidence"] is not None else "",
            r["reason"] or "", ev["text"] if ev else "", "是" if r["confirmed"] else "", clauses_cell(r.get("clauses") or [])]


def clauses_cell(clauses: list[dict]) -> str:
    """A row's clause verdicts in one cell, on one line (CSV rows stay one line each): clause：status（top evidence）."""
    return "；".join(f"{k}. {c['text']}：{VERDICT_ZH.get(c['status'], '')}" + (f"（{c['evidence']}）" if c["evidence"] else "")
                    for k, c in enumerate(clauses, 1))
