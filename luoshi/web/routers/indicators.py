"""指标: the report's indicators, and target vs observed values over time per metric."""

from __future__ import annotations

from collections import defaultdict

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from luoshi.store.models import Indicator, Observation
from luoshi.web.figures import figure_kind, series_key
from luoshi.web.deps import ReaderDep, SessionDep
from luoshi.web.i18n import translator
from luoshi.web.lookups import chosen_report, report_choices, report_summary
from luoshi.web.render import lang_of, respond, twin, wants_json
from luoshi.web.serialize import indicator_row

router = APIRouter(tags=["indicators"])
MAX_SERIES = 12


@twin(router, "/indicators")
def indicators(request: Request, session: SessionDep, user: ReaderDep, report: int | None = None) -> Response:
    """Indicators of the chosen report; per metric, targets and observations across all reports."""
    t = translator(lang_of(request))
    chosen = chosen_report(session, report)
    if chosen is None:
        return respond(request, "empty.html", {"report": None}, title=t("nav_indicators"), active="nav_indicators")
    rows = list(session.scalars(select(Indicator).where(Indicator.report_id == chosen.id).order_by(Indicator.start)))
    metrics = sorted({i.metric for i in rows if i.metric})
    series: dict[tuple, dict[str, list]] = defaultdict(lambda: {"target": [], "observed": []})
    if metrics:
        for i in session.scalars(select(Indicator).where(Indicator.metric.in_(metrics), Indicator.period.is_not(None))):
            # One chart per series: metric, unit, direction and kind of figure (luoshi.web.figures): 276亿元 and a
            # 5% growth rate never share an axis, nor 年均增长5.1% a year's 6%, nor a share (比重) its whole.
            key = series_key(i.metric, i.unit, i.change, figure_kind(i.metric, i.sentence, i.value_text, i.period))
            series[key]["target" if i.kind == "target" else "observed"].append({"period": i.period, "value": i.value})
        for o in session.scalars(select(Observation).where(Observation.metric.in_(metrics)).order_by(Observation.observed_on)):
            # An observation is one year's figure: it joins the annual series of its metric and unit (the growth
            # target's line for 6.5 %), else starts a line of its own; never an average, total or share.
            annual = [k for k in series if k[:2] == (o.metric, o.unit) and k[3] == "annual"]
            key = annual[0] if len(annual) == 1 else series_key(o.metric, o.unit, "level", "annual")
            series[key]["observed"].append({"period": o.period or (o.observed_on.isoformat() if o.observed_on else "?"),
                                            "value": o.value})
    charted = [{"metric": metric, "unit": unit, "change": change, "figure": figure, **v}
               for (metric, unit, change, figure), v in series.items()
               if len(v["target"]) + len(v["observed"]) >= 2][:MAX_SERIES]
    data = {"report": report_summary(session, chosen), "indicators": [indicator_row(i) for i in rows], "series": charted}
    if not wants_json(request):
        data["reports"] = report_choices(session)
    return respond(request, "indicators.html", data, title=t("nav_indicators"), active="nav_indicators")
