"""地区: a region's reports year by year with indicator series; a report set beside the next (diff)."""

from __future__ import annotations

from collections import defaultdict

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from luoshi.link.metrics import metric_of
from luoshi.store.errors import NotFoundError
from luoshi.store.linking import diff_stored
from luoshi.store.models import Commitment, Indicator, Region, Report
from luoshi.store.reports import get_report
from luoshi.web.deps import ReaderDep, SessionDep
from luoshi.web.diffpairs import SHARED_CHARS, STRONG_SCORE, reader_accepts
from luoshi.web.figures import figure_kind, series_key
from luoshi.web.i18n import translator
from luoshi.web.lookups import report_summary
from luoshi.web.render import lang_of, respond, twin

router = APIRouter(tags=["regions"])
MAX_SERIES = 30


def region_series(session, report_ids: list[int], years: dict[int, int | None]) -> list[dict]:
    """Per series (metric with synonyms folded through luoshi.link's normalizer, unit, direction of change and
    kind of figure, see luoshi.web.figures): targets and reported actuals by period.

    Only series found in more than one of the region's reports; a 6% growth target and a 276亿元
    total never share an axis, nor a five-year average (年均) a year's rate, nor a share (比重) its whole.
    """
    groups: dict[tuple, dict] = {}
    for i in session.scalars(select(Indicator).where(Indicator.report_id.in_(report_ids), Indicator.kind.in_(("target", "actual")))
                             .order_by(Indicator.report_id, Indicator.start)):
        if not i.metric or i.key.startswith("~"):
            continue
        metric = metric_of(i.metric)
        figure = figure_kind(i.metric, i.sentence, i.value_text, i.period)
        key = series_key(metric.id if metric else i.metric, i.unit, i.change, figure)
        g = groups.setdefault(key, {"metric_id": key[0], "names": [], "unit": i.unit, "change": key[2], "figure": figure,
                                    "reports": set(), "points": []})
        if i.metric not in g["names"]:
            g["names"].append(i.metric)
        g["reports"].add(i.report_id)
        period = i.period or _default_period(i.kind, years.get(i.report_id))
        if period is None:
            continue
        g["points"].append({"kind": i.kind, "period": period, "value": i.value, "value_text": i.value_text,
                            "metric": i.metric, "change": i.change, "report_id": i.report_id, "indicator_id": i.id})
    out = []
    for (metric_id, unit, _, _), g in groups.items():
        if len(g["reports"]) < 2 or not g["points"]:
            continue
        by_period: dict[str, dict] = defaultdict(lambda: {"target": None, "actual": None})
        for p in g["points"]:  # the first mention per period and kind (text order)
            by_period[p["period"]][p["kind"]] = by_period[p["period"]][p["kind"]] or p
        rows = [{"period": k, **v} for k, v in sorted(by_period.items())]
        out.append({"metric": g["names"][0], "metric_id": metric_id, "names": g["names"], "unit": unit,
                    "change": g["change"], "figure": g["figure"],
                    "reports": sorted(g["reports"]), "rows": rows,
                    "target": [{"period": r["period"], "value": r["target"]["value"]} for r in rows if r["target"]],
                    "actual": [{"period": r["period"], "value": r["actual"]["value"]} for r in rows if r["actual"]]})
    out.sort(key=lambda s: (-len(s["reports"]), -len(s["rows"]), s["metric"]))
    return out[:MAX_SERIES]


def _default_period(kind: str, year: int | None) -> str | None:
    """A target without a period is for the plan year; an actual, for the year the report looks back on."""
    if year is None:
        return None
    return str(year if kind == "target" else year - 1)


@twin(router, "/regions/{region_id:int}")
def region_view(request: Request, session: SessionDep, user: ReaderDep, region_id: int) -> Response:
    """The region's reports by plan year, and each metric's targets against reported actuals across years."""
    region = session.get(Region, region_id)
    if region is None:
        raise NotFoundError(f"no region {region_id}", "see the report list")
    reports = list(session.scalars(select(Report).where(Report.region_id == region_id)
                                   .order_by(Report.year.nulls_last(), Report.id)))
    years = {r.id: r.year for r in reports}
    items = [report_summary(session, r) for r in reports]
    for prev, cur in zip(items, items[1:]):
        cur["previous"] = prev["id"]
    series = region_series(session, [r.id for r in reports], years)
    data = {"region": {"id": region.id, "name": region.name}, "reports": items, "series": series}
    t = translator(lang_of(request))
    return respond(request, "region.html", data, title=f"{region.name} · {t('region')}", active="nav_reports")


@twin(router, "/reports/{old_id:int}/diff/{new_id:int}")
def report_diff(request: Request, session: SessionDep, user: ReaderDep, old_id: int, new_id: int) -> Response:
    """Commitments of the older report carried over into the newer one (matched pairs), dropped, and new."""
    old, new = get_report(session, old_id), get_report(session, new_id)
    d = diff_stored(session, old, new)
    ids = {cid for pair in d.carried for cid in pair[:2]} | set(d.dropped) | set(d.new)
    rows = {c.id: c for c in session.scalars(select(Commitment).where(Commitment.id.in_(ids)))} if ids else {}

    def item(cid: int) -> dict:
        c = rows[cid]
        return {"id": c.id, "text": c.text, "strength": c.strength, "deadline": c.deadline, "section": c.section_key}

    # Only pairs a reader would accept as one task carried over (luoshi.web.diffpairs); the rest count as
    # dropped and new, and the page says how many were set aside.
    carried, weak = [], []
    for a, b, score in d.carried:
        ok, phrase = reader_accepts(rows[a].text, rows[b].text, score)
        (carried if ok else weak).append({"old": item(a), "new": item(b), "score": score, "shared": phrase})
    dropped = sorted([*d.dropped, *(p["old"]["id"] for p in weak)], key=lambda cid: rows[cid].start)
    new_items = sorted([*d.new, *(p["new"]["id"] for p in weak)], key=lambda cid: rows[cid].start)
    data = {
        "old": report_summary(session, old), "new": report_summary(session, new),
        "counts": {"carried": len(carried), "dropped": len(dropped), "new": len(new_items), "set_aside": len(weak)},
        "threshold": {"shared_chars": SHARED_CHARS, "strong_score": STRONG_SCORE},
        "carried": carried,
        "dropped": [item(c) for c in dropped],
        "new_items": [item(c) for c in new_items],
    }
    t = translator(lang_of(request))
    return respond(request, "diff.html", data, title=t("report_diff"), active="nav_reports")
