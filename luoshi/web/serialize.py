"""Store rows -> plain dicts: the data both the template and the JSON twin receive."""

from __future__ import annotations

from luoshi.export.rows import deadline_label
from luoshi.store.models import VERDICTS, Commitment, Indicator, ProgressUpdate, Verdict
from luoshi.web.tracking import Track


def commitment_row(c: Commitment, track: Track | None, depts: dict | None, section_title: str | None = None) -> dict:
    depts = depts or {}
    return {
        "id": c.id,
        "key": c.key,
        "text": c.text,
        "action": c.action,
        "object": c.object,
        "strength": c.strength,
        "deadline": c.deadline,
        "deadline_text": c.deadline_text,
        "due_date": c.due_date,
        "deadline_source": c.deadline_source,
        # The date the row is tracked against, and where it comes from: 2022年12月31日（年度计划默认）
        "deadline_label": deadline_label(c.deadline, c.deadline_source, c.deadline_text, c.report.year, c.due_date),
        "parts": c.parts or [],
        "section": c.section_key,
        "section_title": section_title,
        "start": c.start,
        "end": c.end,
        "version": c.version,
        "lead": depts.get("lead", []),
        "support": depts.get("support", []),
        "assignment_source": depts.get("source"),
        "owners_from_history": depts.get("source") == "engine" and depts.get("learned", False),
        "owner_reasons": [s["reason"] for s in depts.get("suggested", []) if s.get("reason")][:1],
        "status": track.status if track else None,
        "expected_percent": round(track.expected, 1) if track and track.expected is not None else None,
        "percent": track.percent if track else None,
    }


def progress_row(p: ProgressUpdate, department: str | None, username: str | None, show_note: bool) -> dict:
    evidence = p.evidence if show_note else []  # links and uploaded files are internal too
    return {
        "seq": p.seq,
        "reported_on": p.reported_on,
        "state": p.state,
        "percent": p.percent,
        "note": p.note if show_note else None,
        "evidence": evidence,
        "department": department,
        "user": username if show_note else None,
        "created_at": p.created_at,
    }


def indicator_row(i: Indicator) -> dict:
    return {
        "id": i.id, "key": i.key, "metric": i.metric, "value": i.value, "value_high": i.value_high, "unit": i.unit,
        "value_text": i.value_text, "comparator": i.comparator, "change": i.change, "kind": i.kind,
        "period": i.period, "base_period": i.base_period, "section": i.section_key, "start": i.start, "end": i.end,
    }


def clause_rows(v: Verdict) -> list[dict]:
    """The engine's verdict on each ；clause of the row, small: the clause, its status and confidence, its top evidence."""
    return [{"text": c.get("text", ""), "status": c.get("status"), "confidence": c.get("confidence"),
             "evidence": (c.get("evidence") or [{}])[0].get("text")}
            for c in v.clauses or [] if isinstance(c, dict) and c.get("status") in VERDICTS]


def verdict_row(v: Verdict | None) -> dict | None:
    if v is None:
        return None
    return {"id": v.id, "status": v.status, "confidence": v.confidence, "reason": v.reason, "evidence": v.evidence,
            "origin": v.origin, "confirmed": v.confirmed, "confirmed_at": v.confirmed_at, "confirmed_by": v.confirmed_by,
            "machine_status": v.machine_status, "machine_reason": v.machine_reason, "version": v.version}
