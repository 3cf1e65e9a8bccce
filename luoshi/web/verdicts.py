"""Verdicts for the pages: the engine's call, a person's decision, evidence quoted in place; shares for the overview."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store.models import VERDICTS, Commitment, Indicator, Report, User, Verdict
from luoshi.web.lookups import departments_for, sections_of, top_section
from luoshi.web.serialize import verdict_row

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


def _report_verdicts(session: Session, kind: str, model: type, report_id: int) -> dict[int, Verdict]:
    """Like ``effective_verdicts`` for every item of one report: a join, not an IN-list of ids."""
    q = (select(Verdict).join(model, model.id == Verdict.source_id)
         .where(Verdict.source_kind == kind, model.report_id == report_id)
         .order_by(Verdict.confirmed.desc(), Verdict.evidence_report_id.desc().nulls_last(), Verdict.id.desc()))
    out: dict[int, Verdict] = {}
    for v in session.scalars(q):
        out.setdefault(v.source_id, v)
    return out


def indicator_leads(coms, depts: dict[int, dict]) -> dict[str, list[str]]:
    """Indicator key -> the lead units of the first task row that quotes it (a target is owned by its task)."""
    out: dict[str, list[str]] = {}
    for c in coms:
        for key in c.indicator_keys or []:
            out.setdefault(key, depts[c.id]["lead"])
    return out


def _shares(counts: Counter) -> dict:
    total = sum(counts.values())
    return {"counts": {s: counts.get(s, 0) for s in VERDICTS}, "total": total,
            "shares": {s: round(counts.get(s, 0) / total, 4) if total else 0.0 for s in VERDICTS}}


def verdict_summary(session: Session, report: Report) -> dict | None:
    """Fulfilment of the report's commitments and targets, overall, by chapter and by lead department.

    None while no item of the report has a verdict. Items not judged yet are counted apart (``unjudged``).
    """
    cv = _report_verdicts(session, "commitment", Commitment, report.id)
    iv = _report_verdicts(session, "indicator", Indicator, report.id)
    if not cv and not iv:
        return None  # the common case before a newer report exists: two cheap indexed queries
    coms = list(session.execute(select(Commitment.id, Commitment.section_key, Commitment.indicator_keys)
                                .where(Commitment.report_id == report.id, Commitment.retired.is_(False))).all())
    inds = list(session.execute(select(Indicator.id, Indicator.key, Indicator.section_key)
                                .where(Indicator.report_id == report.id, Indicator.kind == "target")).all())
    inds = [i for i in inds if not i.key.startswith("~")]
    chapters = top_section(sections_of(session, report.id))
    depts = departments_for(session, [c.id for c in coms], report_id=report.id)
    lead_of_indicator = indicator_leads(coms, depts)
    overall: Counter = Counter()
    by_section: dict[str, Counter] = defaultdict(Counter)
    by_dept: dict[str, Counter] = defaultdict(Counter)
    unjudged = 0
    items = [(cv.get(c.id), c.section_key, depts[c.id]["lead"]) for c in coms]
    items += [(iv.get(i.id), i.section_key, lead_of_indicator.get(i.key, [])) for i in inds]
    evidence_reports = set()
    for v, section_key, leads in items:
        if v is None:
            unjudged += 1
            continue
        evidence_reports.add(v.evidence_report_id)
        overall[v.status] += 1
        chapter = chapters.get(section_key or "")
        by_section[chapter.title if chapter else "—"][v.status] += 1
        for name in leads or ["—"]:
            by_dept[name][v.status] += 1
    return {
        **_shares(overall),
        "unjudged": unjudged,
        "evidence_reports": sorted(r for r in evidence_reports if r is not None),
        "by_section": [{"section": k, **_shares(c)} for k, c in by_section.items()],
        "by_department": [{"department": k, **_shares(c)} for k, c in sorted(by_dept.items(), key=lambda kv: -sum(kv[1].values()))],
    }


def previous_verdicts(session: Session, report: Report) -> list[dict]:
    """The older reports judged on ``report``: each with its verdict counts (the overview's first screen)."""
    from luoshi.web.lookups import report_summary

    judged = select(Commitment.report_id).join(Verdict, (Verdict.source_id == Commitment.id) & (Verdict.source_kind == "commitment")).where(
        Verdict.evidence_report_id == report.id).distinct()
    out = []
    for old in session.scalars(select(Report).where(Report.id.in_(judged), Report.id != report.id).order_by(Report.year.desc())):
        summary = verdict_summary(session, old)
        if summary:
            out.append({"report": report_summary(session, old), "counts": summary["counts"], "shares": summary["shares"],
                        "total": summary["total"]})
    return out
