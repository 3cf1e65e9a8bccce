"""Observations: dated values of a metric (report, CSV import, manual entry)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store import audit
from luoshi.store.errors import InvalidValueError
from luoshi.store.models import Observation, Region, User
from luoshi.store.permissions import require_role
from luoshi.store.reports import get_or_create_region
from luoshi.store.status import deadline_date

CSV_COLUMNS = ("metric", "period", "value", "unit", "region", "note")  # metric, period, value required


def add_observation(
    session: Session,
    metric: str,
    value: float,
    period: str | None = None,
    observed_on: date | None = None,
    unit: str | None = None,
    region: str | None = None,
    note: str = "",
    source: str = "manual",
    actor: User | None = None,
) -> Observation:
    """``period`` as written ("2022-03" for a monthly 接诉即办 响应率); ``observed_on`` defaults to its last day."""
    require_role(actor, "admin", "supervisor", "department")
    if not metric.strip():
        raise InvalidValueError("an observation needs a metric name")
    observed_on = observed_on or deadline_date(period)
    if observed_on is None:
        raise InvalidValueError(f"cannot date the observation (period {period!r})", "give period as YYYY, YYYY-MM or YYYY-MM-DD")
    row = Observation(metric=metric.strip(), value=float(value), period=period, observed_on=observed_on, unit=unit,
                      region_id=get_or_create_region(session, region).id if region else None, note=note, source=source,
                      created_by=actor.id if actor else None)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "indicator_observations", row.id, None, audit.snapshot(row))
    return row


def import_observations_csv(session: Session, path: str | Path, region: str | None = None, actor: User | None = None) -> list[Observation]:
    """Header row with at least metric, period, value (UTF-8, BOM allowed). All rows or none."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"metric", "period", "value"} - set(reader.fieldnames or ())
        if missing:
            raise InvalidValueError(f"CSV lacks column(s) {', '.join(sorted(missing))}", f"columns: {', '.join(CSV_COLUMNS)}")
        rows = []
        for n, rec in enumerate(reader, 2):
            try:
                value = float(rec["value"].replace(",", "").rstrip("%"))
            except ValueError as exc:
                raise InvalidValueError(f"line {n}: value {rec['value']!r} is not a number") from exc
            rows.append(add_observation(session, rec["metric"], value, period=rec["period"].strip(), unit=rec.get("unit") or None,
                                        region=rec.get("region") or region, note=rec.get("note") or "", source="csv", actor=actor))
    return rows


def list_observations(session: Session, metric: str | None = None, region: str | None = None) -> list[Observation]:
    """Oldest first: ready for a time-series chart."""
    q = select(Observation).order_by(Observation.metric, Observation.observed_on, Observation.id)
    if metric is not None:
        q = q.where(Observation.metric == metric)
    if region is not None:
        q = q.join(Region, Observation.region_id == Region.id).where(Region.name == region)
    return list(session.scalars(q))
