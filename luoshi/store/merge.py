"""Write an extraction's rows for a report, keeping everything a person added.

Sections are engine data only and are replaced wholesale. Indicators and
commitments are matched to the stored ones (``matching``) so their ids, and the
progress, human assignments and confirmed verdicts hanging on them, survive.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from luoshi import model as m
from luoshi.assign.history import write_suggestions
from luoshi.store.matching import match_items, text_hash
from luoshi.store.models import Assignment, Commitment, Indicator, Observation, ProgressUpdate, Report, Section, Verdict
from luoshi.store.status import deadline_date
from luoshi.store.themes import replace_themes, sentences_of_text

_INDICATOR_FIELDS = ("metric", "value", "value_high", "unit", "value_text", "comparator", "change", "kind",
                     "period", "base_period", "sentence", "start", "end")
_COMMITMENT_FIELDS = ("text", "action", "object", "strength", "deadline", "deadline_text", "deadline_source", "projects", "start", "end")


def replace_engine_rows(session: Session, report: Report, ex: m.Extraction) -> dict[str, int]:
    counts = {"sections": len(ex.sections), "indicators": len(ex.indicators), "commitments": len(ex.commitments)}
    session.execute(delete(Section).where(Section.report_id == report.id))
    session.add_all(
        Section(report_id=report.id, key=s.id, parent_key=s.parent, level=s.level, title=s.title, part=s.part, start=s.start, end=s.end)
        for s in ex.sections
    )
    indicators = _merge_indicators(session, report, ex.indicators, counts)
    _refresh_observations(session, report, indicators)
    _merge_commitments(session, report, ex.commitments, counts)
    counts["themes"] = replace_themes(session, report, ex.sentences or sentences_of_text(report.text or "", report.sha256, report.filename))
    session.flush()
    session.expire_all()  # bulk deletes above bypassed the loaded collections
    return counts


def _merge_indicators(session: Session, report: Report, new: list[m.Indicator], counts: dict[str, int]) -> list[Indicator]:
    old = list(session.scalars(select(Indicator).where(Indicator.report_id == report.id)))
    pairs, added, gone = match_items(
        old, new,
        lambda o: (o.start, o.end, text_hash(o.sentence + o.value_text)),
        lambda n: (n.start, n.end, text_hash(n.sentence + n.value_text)),
        lambda o: o.sentence, lambda n: n.sentence,
    )
    kept_ids = _confirmed_sources(session, "indicator", [o.id for o in gone])
    rows: list[Indicator] = []
    for o, n in pairs:
        _copy(o, n, _INDICATOR_FIELDS)
        o.key, o.section_key = n.id, n.section
        rows.append(o)
    # Keys are unique per report: park the keys of rows about to be dropped or kept aside.
    for o in gone:
        if o.id in kept_ids:
            o.key = f"~{o.id}"
        else:
            session.execute(delete(Verdict).where(Verdict.source_kind == "indicator", Verdict.source_id == o.id))
            session.delete(o)
    session.flush()
    for n in added:
        row = Indicator(report_id=report.id, key=n.id, section_key=n.section, **{f: getattr(n, f) for f in _INDICATOR_FIELDS})
        session.add(row)
        rows.append(row)
    session.flush()
    counts["indicators_kept"] = len(pairs)
    return rows


def _refresh_observations(session: Session, report: Report, indicators: list[Indicator]) -> None:
    """Actual values stated in the report are observations of their metric (source='report')."""
    session.execute(delete(Observation).where(Observation.report_id == report.id, Observation.source == "report"))
    session.add_all(
        Observation(region_id=report.region_id, metric=i.metric, period=i.period, observed_on=deadline_date(i.period),
                    value=i.value, unit=i.unit, source="report", indicator_id=i.id, report_id=report.id)
        for i in indicators
        if i.kind == "actual" and i.metric and i.period
    )


def _merge_commitments(session: Session, report: Report, new: list[m.Commitment], counts: dict[str, int]) -> None:
    old = list(session.scalars(select(Commitment).where(Commitment.report_id == report.id)))
    pairs, added, gone = match_items(
        old, new,
        lambda o: (o.start, o.end, o.text_hash), lambda n: (n.start, n.end, text_hash(n.text)),
        lambda o: o.text, lambda n: n.text,
    )
    for o, n in pairs:
        locked = set(o.locked_fields or ())
        _copy(o, n, [f for f in _COMMITMENT_FIELDS if f not in locked])
        o.key, o.section_key, o.indicator_keys, o.retired = n.id, n.section, list(n.indicators), False
        o.parts, o.engine_owners = _parts(n), _owners(n.departments)
        o.text_hash = text_hash(o.text)
    with_human = _with_human_data(session, [o.id for o in gone])
    for o in gone:
        if o.id in with_human:
            o.retired, o.key = True, f"~{o.id}"
        else:
            session.execute(delete(Verdict).where(Verdict.source_kind == "commitment", Verdict.source_id == o.id))
            session.delete(o)
    session.flush()
    rows = [(o, n) for o, n in pairs]
    for n in added:
        row = Commitment(report_id=report.id, key=n.id, section_key=n.section, indicator_keys=list(n.indicators),
                         text_hash=text_hash(n.text), parts=_parts(n), engine_owners=_owners(n.departments),
                         **{f: getattr(n, f) for f in _COMMITMENT_FIELDS})
        session.add(row)
        rows.append((row, n))
    session.flush()
    # Engine suggestions: what the office decided for similar rows before, else the rules.
    learned = write_suggestions(session, report, [row for row, _ in rows])
    counts.update(commitments_kept=len(pairs), commitments_retired=len(with_human), owners_learned=learned["learned"])


def _owners(departments: list[m.Department]) -> list[dict]:
    return [{"name": d.name, "role": d.role, "matched": list(d.matched), "reason": getattr(d, "reason", None)} for d in departments]


def _parts(n: m.Commitment) -> list[dict]:
    """Clauses with owners of their own, as stored (offsets index the report text)."""
    return [{"start": p.start, "end": p.end, "text": p.text, "departments": _owners(p.departments)} for p in n.parts]


def _with_human_data(session: Session, ids: list[int]) -> set[int]:
    """Commitments among ``ids`` that a person has touched: never dropped."""
    if not ids:
        return set()
    found = set(session.scalars(select(ProgressUpdate.commitment_id).where(ProgressUpdate.commitment_id.in_(ids))))
    found |= set(session.scalars(select(Assignment.commitment_id).where(Assignment.commitment_id.in_(ids), Assignment.source == "human")))
    found |= _confirmed_sources(session, "commitment", ids)
    found |= set(session.scalars(select(Commitment.id).where(Commitment.id.in_(ids), Commitment.note.is_not(None))))
    found |= {c.id for c in session.scalars(select(Commitment).where(Commitment.id.in_(ids))) if c.locked_fields or c.due_date}
    return found


def _confirmed_sources(session: Session, kind: str, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    q = select(Verdict.source_id).where(Verdict.source_kind == kind, Verdict.source_id.in_(ids), Verdict.confirmed.is_(True))
    return set(session.scalars(q))


def _copy(row, rec, fields) -> None:
    for f in fields:
        value = getattr(rec, f)
        if getattr(row, f) != value:
            setattr(row, f, list(value) if isinstance(value, list) else value)
