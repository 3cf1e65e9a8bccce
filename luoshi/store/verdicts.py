"""Fulfilment verdicts: engine links stored as suggestions, confirmed or overruled by a person."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from luoshi import model as m
from luoshi.store import audit
from luoshi.store.errors import ConflictError, InvalidValueError, NotFoundError
from luoshi.store.commitments import check_version, flush_or_conflict
from luoshi.store.models import VERDICTS, Commitment, Indicator, Theme, User, Verdict
from luoshi.store.permissions import require_role


def store_links(session: Session, report_id: int, links: list[m.Link], evidence_report_id: int | None = None,
                actor: User | None = None) -> list[Verdict]:
    """Store the engine's verdicts on ``report_id``'s items, judged on ``evidence_report_id``.

    Link.source_id is the engine key ("c7", "i3", "t2") of an item of report ``report_id``.
    Unconfirmed engine rows are updated in place (unchanged ones are not touched, so
    linking the same pair twice writes nothing) and dropped when the engine no longer
    links the item; a confirmed row keeps the person's status and reason and only has
    its machine_status / machine_reason / confidence / evidence refreshed. Returns the
    rows the links map to.
    """
    require_role(actor, "admin", "supervisor")
    ids = {
        "commitment": dict(session.execute(select(Commitment.key, Commitment.id).where(Commitment.report_id == report_id)).all()),
        "indicator": dict(session.execute(select(Indicator.key, Indicator.id).where(Indicator.report_id == report_id)).all()),
        "theme": dict(session.execute(select(Theme.key, Theme.id).where(Theme.report_id == report_id)).all()),
    }
    existing: dict[tuple[str, int], Verdict] = {}
    for kind, by_key in ids.items():
        for v in session.scalars(select(Verdict).where(Verdict.source_kind == kind, Verdict.source_id.in_(list(by_key.values())),
                                                       Verdict.evidence_report_id == evidence_report_id)
                                 .order_by(Verdict.confirmed.desc(), Verdict.id.desc())):
            existing.setdefault((kind, v.source_id), v)
    rows, seen, counts = [], set(), {"created": 0, "updated": 0, "deleted": 0}
    for link in links:
        source_id = ids[link.source_kind].get(link.source_id)
        if source_id is None or (link.source_kind, source_id) in seen:
            continue
        seen.add((link.source_kind, source_id))
        evidence = [asdict(e) for e in link.evidence]
        clauses = [asdict(c) for c in link.clauses]
        row = existing.get((link.source_kind, source_id))
        if row is None:
            row = Verdict(source_kind=link.source_kind, source_id=source_id, evidence_report_id=evidence_report_id, status=link.status,
                          confidence=link.confidence, reason=link.reason, evidence=evidence, clauses=clauses, origin="engine",
                          machine_status=link.status, machine_reason=link.reason)
            session.add(row)
            counts["created"] += 1
        else:
            machine = {"machine_status": link.status, "machine_reason": link.reason, "confidence": link.confidence, "evidence": evidence,
                       "clauses": clauses}
            if not row.confirmed and row.origin == "engine":
                machine |= {"status": link.status, "reason": link.reason}
            changed = {k: v for k, v in machine.items() if getattr(row, k) != v}
            for k, v in changed.items():
                setattr(row, k, v)
            counts["updated"] += bool(changed)
        rows.append(row)
    for (kind, source_id), row in existing.items():
        if (kind, source_id) not in seen and not row.confirmed and row.origin == "engine":
            session.delete(row)
            counts["deleted"] += 1
    session.flush()
    if any(counts.values()):
        audit.record(session, actor, "link", "verdicts", None, None,
                     {"report_id": report_id, "evidence_report_id": evidence_report_id, "stored": len(rows), **counts})
    return rows


def confirm_verdict(session: Session, verdict_id: int, expected_version: int, status: str | None = None,
                    reason: str | None = None, actor: User | None = None) -> Verdict:
    """A supervisor confirms (optionally correcting status and reason); confirmed verdicts survive re-linking."""
    require_role(actor, "admin", "supervisor")
    if status is not None and status not in VERDICTS:
        raise InvalidValueError(f"unknown verdict {status!r}", f"one of: {', '.join(VERDICTS)}")
    row = session.get(Verdict, verdict_id)
    if row is None:
        raise NotFoundError(f"no verdict {verdict_id}")
    check_version(row, expected_version)
    before = audit.snapshot(row)
    _keep_machine(row)
    if status is not None and status != row.status:
        row.status, row.origin = status, "human"
    if reason is not None:
        row.reason = reason
    row.confirmed, row.confirmed_by, row.confirmed_at = True, actor.id if actor else None, audit.utcnow()
    flush_or_conflict(session, row)
    audit.record(session, actor, "confirm", "verdicts", row.id, before, audit.snapshot(row))
    return row


def list_verdicts(session: Session, source_kind: str | None = None, source_ids: list[int] | None = None) -> list[Verdict]:
    q = select(Verdict).order_by(Verdict.source_kind, Verdict.source_id, Verdict.id)
    if source_kind is not None:
        q = q.where(Verdict.source_kind == source_kind)
    if source_ids is not None:
        q = q.where(Verdict.source_id.in_(source_ids))
    return list(session.scalars(q))


def set_verdict(session: Session, commitment_id: int, status: str, reason: str, evidence: list[dict] | None = None,
                expected_version: int | None = None, actor: User | None = None) -> Verdict:
    """A supervisor's verdict on a commitment: confirms/overrides the latest one, or creates it.

    ``expected_version``: the version of the verdict the form showed (None when there was none).
    """
    require_role(actor, "admin", "supervisor")
    if status not in VERDICTS:
        raise InvalidValueError(f"unknown verdict {status!r}", f"one of: {', '.join(VERDICTS)}")
    if session.get(Commitment, commitment_id) is None:
        raise NotFoundError(f"no commitment {commitment_id}")
    row = session.scalar(select(Verdict).where(Verdict.source_kind == "commitment", Verdict.source_id == commitment_id)
                         .order_by(Verdict.confirmed.desc(), Verdict.id.desc()).limit(1))
    if row is None:
        if expected_version is not None:
            raise ConflictError(f"the verdict on commitment {commitment_id} is gone", "reload the page")
        row = Verdict(source_kind="commitment", source_id=commitment_id, status=status, reason=reason, evidence=list(evidence or []),
                      origin="human", confirmed=True, confirmed_by=actor.id if actor else None, confirmed_at=audit.utcnow())
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "verdicts", row.id, None, audit.snapshot(row))
        return row
    if expected_version is None:
        raise ConflictError(f"commitment {commitment_id} got a verdict meanwhile", "reload the page")
    check_version(row, expected_version)
    before = audit.snapshot(row)
    _keep_machine(row)
    row.status, row.reason, row.origin, row.confirmed = status, reason, "human", True
    if evidence is not None:
        row.evidence = list(evidence)
    row.confirmed_by, row.confirmed_at = actor.id if actor else None, audit.utcnow()
    flush_or_conflict(session, row)
    audit.record(session, actor, "update", "verdicts", row.id, before, audit.snapshot(row))
    return row


def _keep_machine(row: Verdict) -> None:
    """Before a person changes an engine row, make sure what the engine said is kept."""
    if row.machine_status is None and row.origin == "engine":
        row.machine_status, row.machine_reason = row.status, row.reason
