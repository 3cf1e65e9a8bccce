"""落实评价清单: every task and target of an older report with its verdict on a newer one.

Promise → evidence → verdict in one row: the item, the verdict in force for the chosen
evidence report (a person's decision over the engine's), the reason and the best evidence
span quoted in place. Filterable by verdict, chapter and lead department; exported as xlsx/CSV.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store.models import VERDICTS, Commitment, Indicator, Region, Report, Verdict
from luoshi.web.lookups import departments_for, sections_of, top_section
from luoshi.web.verdicts import indicator_leads
from luoshi.web.names import report_name, short_region  # noqa: F401 - re-exported for the pages

QUOTE_CHARS = 40
KIND_ZH = {"commitment": "任务", "indicator": "指标"}
VERDICT_ZH = {"fulfilled": "已落实", "partial": "部分落实", "not_fulfilled": "未落实", "no_evidence": "无证据"}
@dataclass
class VerdictFilter:
    status: str | None = None
    section: str | None = None  # a chapter key
    department: str | None = None
    kind: str | None = None  # commitment | indicator


def evidence_reports(session: Session, report: Report) -> list[Report]:
    """The reports this one's items were judged on (newest plan year first)."""
    ids = select(Verdict.evidence_report_id).join(Commitment, Commitment.id == Verdict.source_id).where(
        Verdict.source_kind == "commitment", Commitment.report_id == report.id).distinct()
    return list(session.scalars(select(Report).where(Report.id.in_(ids)).order_by(Report.year.desc().nulls_last(), Report.id.desc())))


def _verdicts(session: Session, kind: str, model: type, report_id: int, evidence_id: int) -> dict[int, Verdict]:
    q = (select(Verdict).join(model, model.id == Verdict.source_id)
         .where(Verdict.source_kind == kind, model.report_id == report_id, Verdict.evidence_report_id == evidence_id)
         .order_by(Verdict.confirmed.desc(), Verdict.id.desc()))
    out: dict[int, Verdict] = {}
    for v in session.scalars(q):
        out.setdefault(v.source_id, v)
    return out


def _best_evidence(v: Verdict, text: str) -> dict | None:
    for e in v.evidence or []:
        s, t = e.get("start"), e.get("end")
        inside = isinstance(s, int) and isinstance(t, int) and 0 <= s <= t <= len(text) and text[s:t] == e.get("text")
        return {"text": e.get("text") or "", "start": s, "end": t, "score": e.get("score"),
                "before": text[max(0, s - QUOTE_CHARS):s] if inside else "", "after": text[t:t + QUOTE_CHARS] if inside else ""}
    return None


def verdict_items(session: Session, report: Report, evidence: Report) -> list[dict]:
    """Every live task and target of ``report`` (report order) with its verdict on ``evidence`` (None: not judged)."""
    cv = _verdicts(session, "commitment", Commitment, report.id, evidence.id)
    iv = _verdicts(session, "indicator", Indicator, report.id, evidence.id)
    coms = list(session.execute(select(Commitment.id, Commitment.text, Commitment.section_key, Commitment.indicator_keys, Commitment.start)
                                .where(Commitment.report_id == report.id, Commitment.retired.is_(False))))
    inds = [i for i in session.execute(select(Indicator.id, Indicator.key, Indicator.metric, Indicator.value_text, Indicator.sentence,
                                              Indicator.section_key, Indicator.start)
                                       .where(Indicator.report_id == report.id, Indicator.kind == "target"))
            if not i.key.startswith("~")]
    chapters = top_section(sections_of(session, report.id))
    depts = departments_for(session, [c.id for c in coms], report_id=report.id)
    lead_of_indicator = indicator_leads(coms, depts)
    text = session.scalar(select(Report.text).where(Report.id == evidence.id)) or ""
    rows = []
    for kind, item_id, label, section_key, pos, lead, support, v in (
        [("commitment", c.id, c.text, c.section_key, c.start, depts[c.id]["lead"], depts[c.id]["support"], cv.get(c.id)) for c in coms]
        + [("indicator", i.id, f"{i.metric or ''} {i.value_text}".strip(), i.section_key, i.start,
            lead_of_indicator.get(i.key, []), [], iv.get(i.id)) for i in inds]
    ):
        chapter = chapters.get(section_key or "")
        rows.append({
            "kind": kind, "id": item_id, "text": label, "position": pos,
            "section": chapter.key if chapter else None, "section_title": chapter.title if chapter else None,
            "lead": lead, "support": support,
            "status": v.status if v else None, "confidence": round(v.confidence, 2) if v else None,
            "reason": v.reason if v else None, "confirmed": bool(v and v.confirmed), "verdict_id": v.id if v else None,
            "evidence": _best_evidence(v, text) if v else None,
        })
    rows.sort(key=lambda r: r["position"])
    return rows


def apply_filter(rows: list[dict], f: VerdictFilter) -> list[dict]:
    return [r for r in rows
            if (not f.status or r["status"] == f.status or (f.status == "unjudged" and r["status"] is None))
            and (not f.section or r["section"] == f.section)
            and (not f.department or f.department in r["lead"] or f.department in r["support"])
            and (not f.kind or r["kind"] == f.kind)]


def counts_of(rows: list[dict]) -> dict[str, int]:
    c = Counter(r["status"] or "unjudged" for r in rows)
    return {s: c.get(s, 0) for s in (*VERDICTS, "unjudged")}


def region_name(session: Session, report: Report) -> str | None:
    return session.scalar(select(Region.name).where(Region.id == report.region_id)) if report.region_id else None


EXPORT_COLUMNS = (("序号", 6), ("类型", 6), ("章节", 18), ("原文", 50), ("牵头单位", 16), ("落实评价", 9), ("置信度", 7),
                  ("评价理由", 40), ("最佳证据", 50), ("人工认定", 8))


def export_values(n: int, r: dict) -> list:
    ev = r["evidence"]
    return [n, KIND_ZH[r["kind"]], r["section_title"] or "", r["text"], "、".join(r["lead"]),
            VERDICT_ZH.get(r["status"] or "", "未评价"), r["confidence"] if r["confidence"] is not None else "",
            r["reason"] or "", ev["text"] if ev else "", "是" if r["confirmed"] else ""]
