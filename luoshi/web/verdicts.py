"""Verdicts for the pages: the engine's call, a person's decision, evidence quoted in place; shares for the overview."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from luoshi.store.models import VERDICTS, Assignment, Commitment, Department, Indicator, Report, User, Verdict
from luoshi.web.lookups import sections_of, top_section
from luoshi.web.verdict_sql import chosen, in_force, indicator_leads, live_targets, ranked, unjudged
from luoshi.web.serialize import clause_rows, verdict_row

QUOTE_CHARS = 60


def verdict_view(session: Session, v: Verdict, users: dict[int, str] | None = None, texts: dict[int, str] | None = None,
                 public: bool = False) -> dict:
    """verdict_row plus machine status/reason, who decided, and each evidence span with its surroundings."""
    row = verdict_row(v) or {}
    if users is None:
        users = {i: n for i, n in session.execute(select(User.id, User.username))} if v.confirmed_by else {}
    text = ""
    if v.evidence_report_id is not None:
        if texts is not None and v.evidence_report_id in texts:
            text = texts[v.evidence_report_id]
        else:
            report = session.get(Report, v.evidence_report_id)
            text = (report.text or "") if report else ""
            if texts is not None:
                texts[v.evidence_report_id] = text
    evidence = []
    for e in v.evidence or []:
        s, t = e.get("start"), e.get("end")
        inside = isinstance(s, int) and isinstance(t, int) and 0 <= s <= t <= len(text) and text[s:t] == e.get("text")
        evidence.append({**e, "before": text[max(0, s - QUOTE_CHARS):s] if inside else "",
                         "after": text[t:t + QUOTE_CHARS] if inside else ""})
    machine = v.machine_status if v.machine_status is not None else (v.status if v.origin == "engine" else None)
    row.update({
        "source_kind": v.source_kind, "source_id": v.source_id, "evidence_report_id": v.evidence_report_id,
        "evidence": evidence,
        "clauses": clause_rows(v),
        "machine": {"status": machine, "reason": v.machine_reason if v.machine_status is not None else (v.reason if machine else None),
                    "confidence": v.confidence if machine else None},
        "human": {"status": v.status, "reason": v.reason, "by": users.get(v.confirmed_by) if v.confirmed_by else None,
                  "at": v.confirmed_at} if v.confirmed else None,
    })
    if public:  # anonymous readers see the decision, not who made it
        row["confirmed_by"] = None
        if row["human"]:
            row["human"]["by"] = None
    return row


def effective_verdicts(session: Session, kind: str, ids: list[int]) -> dict[int, Verdict]:
    """Item id -> the verdict in force: a confirmed one first, else the newest."""
    out: dict[int, Verdict] = {}
    if not ids:
        return out
    q = (select(Verdict).where(Verdict.source_kind == kind, Verdict.source_id.in_(ids))
         .order_by(Verdict.confirmed.desc(), Verdict.evidence_report_id.desc().nulls_last(), Verdict.id.desc()))
    for v in session.scalars(q):
        out.setdefault(v.source_id, v)
    return out


def _shares(counts: Counter) -> dict:
    total = sum(counts.values())
    return {"counts": {s: counts.get(s, 0) for s in VERDICTS}, "total": total,
            "shares": {s: round(counts.get(s, 0) / total, 4) if total else 0.0 for s in VERDICTS}}


def verdict_summary(session: Session, report: Report) -> dict | None:
    """Fulfilment of the report's commitments and targets, overall, by chapter and by lead department.

    None while no item of the report has a verdict. Items not judged yet are counted apart (``unjudged``).
    The database counts (GROUP BY section, department and verdict); only the few targets are read one by one.
    """
    any_verdict = [exists().where(Verdict.source_kind == kind, Verdict.source_id == model.id, model.report_id == report.id)
                   for kind, model in (("commitment", Commitment), ("indicator", Indicator))]
    if not session.scalar(select(or_(*any_verdict))):
        return None  # the common case before a newer report exists: one cheap indexed query
    cv = ranked("commitment", Commitment, report.id)
    live = (Commitment.report_id == report.id) & Commitment.retired.is_(False)
    judged = select(Commitment.section_key).select_from(Commitment).join(cv, cv.c.source_id == Commitment.id).where(live)
    # (section, verdict, evidence report) -> n: overall, by chapter and the evidence reports at once.
    by_key = session.execute(judged.add_columns(cv.c.status, cv.c.evidence_report_id, func.count())
                             .group_by(Commitment.section_key, cv.c.status, cv.c.evidence_report_id)).all()
    n_unjudged = session.scalar(select(func.count(Commitment.id)).where(live, unjudged("commitment", Commitment.id))) or 0
    lead = aliased(Assignment)
    lead_cond = (lead.commitment_id == Commitment.id) & (lead.role == "lead") & chosen(lead)
    by_lead = session.execute(select(Department.name, cv.c.status, func.count()).select_from(Commitment)
                              .join(cv, cv.c.source_id == Commitment.id).join(lead, lead_cond)
                              .join(Department, Department.id == lead.department_id)
                              .where(live).group_by(Department.name, cv.c.status)).all()
    no_lead = session.execute(select(cv.c.status, func.count()).select_from(Commitment).join(cv, cv.c.source_id == Commitment.id)
                              .where(live, ~exists().where(lead_cond)).group_by(cv.c.status)).all()
    # The targets are few (tens): their verdicts are read one by one.
    items = session.execute(select(Indicator.key, Indicator.section_key, in_force("indicator", Indicator.id).label("verdict_id"))
                            .where(live_targets(report.id))).all()
    found = {i: (st, rid) for i, st, rid in session.execute(select(Verdict.id, Verdict.status, Verdict.evidence_report_id)
                                                             .where(Verdict.id.in_([r.verdict_id for r in items if r.verdict_id])))}
    targets = [(r.key, r.section_key, *found.get(r.verdict_id, (None, None))) for r in items]
    leads = indicator_leads(session, report.id) if targets else {}
    chapters = top_section(sections_of(session, report.id))
    overall: Counter = Counter()
    by_section: dict[str, Counter] = defaultdict(Counter)
    by_dept: dict[str, Counter] = defaultdict(Counter)
    n_unjudged += sum(status is None for _, _, status, _ in targets)
    evidence_reports = set()
    rows = [(section_key, status, rid, n) for section_key, status, rid, n in by_key]
    rows += [(section_key, status, rid, 1) for _, section_key, status, rid in targets]
    for section_key, status, rid, n in rows:
        if status is None:
            continue
        evidence_reports.add(rid)
        overall[status] += n
        chapter = chapters.get(section_key or "")
        by_section[chapter.title if chapter else "—"][status] += n
    for name, status, n in [*by_lead, *(("—", status, n) for status, n in no_lead)]:
        by_dept[name][status] += n
    for key, _, status, _ in targets:
        if status is not None:
            for name in leads.get(key) or ["—"]:
                by_dept[name][status] += 1
    return {
        **_shares(overall),
        "unjudged": n_unjudged,
        "evidence_reports": sorted(r for r in evidence_reports if r is not None),
        "by_section": [{"section": k, **_shares(c)} for k, c in by_section.items()],
        "by_department": [{"department": k, **_shares(c)} for k, c in sorted(by_dept.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))],
    }


def previous_verdicts(session: Session, report: Report) -> list[dict]:
    """The older reports judged on ``report``: each with its verdict counts and its themes' verdicts (the overview's first screen)."""
    from luoshi.web.lookups import report_summary
    from luoshi.web.theme_list import theme_counts, theme_rows

    judged = select(Commitment.report_id).join(Verdict, (Verdict.source_id == Commitment.id) & (Verdict.source_kind == "commitment")).where(
        Verdict.evidence_report_id == report.id).distinct()
    out = []
    for old in session.scalars(select(Report).where(Report.id.in_(judged), Report.id != report.id).order_by(Report.year.desc())):
        summary = verdict_summary(session, old)
        if summary:
            themes = theme_rows(session, old.id, report.id, "")  # judged on this report; quotes are on the list's page
            out.append({"report": report_summary(session, old), "counts": summary["counts"], "shares": summary["shares"],
                        "total": summary["total"], "theme_counts": theme_counts(themes),
                        "themes": [{k: t[k] for k in ("id", "text", "status", "confidence", "confirmed")} for t in themes]})
    return out
