"""``luoshi panel``: a region × year panel of one metric's target and the actual the next
report gives, from the tables ``luoshi batch`` wrote.

For each report (region, plan year) the target is the first growth-rate target of the
metric for that year, in text order (the targets paragraph states it first); the actual
is the first growth-rate actual for that year in the next year's report of the same
region. Metric names resolve through ``rules/zh/synonyms.yaml`` (地区生产总值, 全市生产总值,
国内生产总值, GDP, 经济增长 are one metric); a share or ratio of the metric
(占地区生产总值比重, 单位GDP能耗) is not the metric.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from luoshi.batch.store import read_table
from luoshi.errors import LuoshiError
from luoshi.link.metrics import Metric, mentions, metric_of
from luoshi.textmap import fold

COLUMNS = ["region", "level", "year", "metric", "target_text", "target_value", "target_high", "comparator",
           "actual_value", "actual_text", "actual_report", "status", "report"]
_RATE_UNITS = ("%",)


def resolve_metric(name: str) -> Metric:
    metric = metric_of(name)
    if metric is None:
        raise LuoshiError("E047", f"unknown metric {name!r}",
                          "use a name from rules/zh/synonyms.yaml, e.g. 地区生产总值, 城镇新增就业, 居民消费价格")
    return metric


def _is_metric(name: str | None, metric: Metric) -> bool:
    """The indicator's metric name denotes ``metric`` itself, not a share or ratio of it."""
    if not name:
        return False
    found = mentions(fold(name))
    return bool(found) and found[0].metric.id == metric.id and metric_of(name) == metric


def _candidates(indicators: pa.Table) -> list[dict[str, Any]]:
    keep = pc.and_(pc.is_in(indicators["kind"], pa.array(["target", "actual"])),
                   pc.is_in(indicators["unit"], pa.array(list(_RATE_UNITS))))
    cols = ["report_id", "metric", "value", "value_high", "value_text", "comparator", "change", "kind", "period",
            "start"]
    return indicators.filter(keep).select(cols).to_pylist()


def _met(target: dict, actual: float, direction: str) -> bool:
    low = target["value"]
    if target["comparator"] == "at_most" or direction == "down":
        high = target["value_high"] if target["value_high"] is not None else low
        return actual <= high
    return actual >= low


def build_panel(out: str | Path, metric_name: str) -> list[dict[str, Any]]:
    metric = resolve_metric(metric_name)
    reports = read_table(out, "reports").select(["id", "region", "level", "year"]).to_pylist()
    by_report: dict[str, list[dict]] = {}
    for row in _candidates(read_table(out, "indicators")):
        if _is_metric(row["metric"], metric) and row["change"] != "decrease":
            by_report.setdefault(row["report_id"], []).append(row)
    first: dict[tuple[str, int], dict] = {}
    for r in reports:  # sorted by id: the first report of a region-year wins, as in links
        if r["region"] and r["year"]:
            first.setdefault((r["region"], r["year"]), r)
    rows = []
    for (region, year), rep in sorted(first.items()):
        target = _pick(by_report.get(rep["id"], []), "target", year)
        nxt = first.get((region, year + 1))
        actual = _pick(by_report.get(nxt["id"], []), "actual", year) if nxt else None
        status = "no_evidence"
        if target and actual:
            status = "met" if _met(target, actual["value"], metric.direction) else "not_met"
        rows.append({
            "region": region, "level": rep["level"], "year": year, "metric": metric.names[0] if metric.id != "gdp" else "地区生产总值",
            "target_text": target["value_text"] if target else None,
            "target_value": target["value"] if target else None,
            "target_high": target["value_high"] if target else None,
            "comparator": target["comparator"] if target else None,
            "actual_value": actual["value"] if actual else None,
            "actual_text": actual["value_text"] if actual else None,
            "actual_report": nxt["id"] if nxt and actual else None,
            "status": status, "report": rep["id"],
        })
    return rows


def _pick(rows: list[dict], kind: str, year: int) -> dict | None:
    """The first row of ``kind`` for ``year`` in text order (an unstated period counts as
    the plan year for targets and the year reviewed for actuals)."""
    hits = [r for r in rows if r["kind"] == kind and r["period"] in (str(year), None)]
    hits.sort(key=lambda r: (r["period"] is None, r["start"]))
    return hits[0] if hits else None


def write_panel(rows: list[dict[str, Any]], fmt: str, output: Path | None, stream: io.TextIOBase | None = None) -> None:
    if fmt == "csv":
        if output is None:
            assert stream is not None
            writer = csv.DictWriter(stream, COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            return
        with open(output, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: opens in Excel
            writer = csv.DictWriter(fh, COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        return
    if output is None:
        raise LuoshiError("E013", f"--format {fmt} needs an output file", f"add -o panel.{fmt}")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        schema = pa.schema([("region", pa.string()), ("level", pa.string()), ("year", pa.int32()),
                            ("metric", pa.string()), ("target_text", pa.string()), ("target_value", pa.float64()),
                            ("target_high", pa.float64()), ("comparator", pa.string()),
                            ("actual_value", pa.float64()), ("actual_text", pa.string()),
                            ("actual_report", pa.string()), ("status", pa.string()), ("report", pa.string())])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), output)
        return
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "panel"
    ws.append(COLUMNS)
    for row in rows:
        ws.append([row[c] for c in COLUMNS])
    ws.freeze_panes = "A2"
    wb.save(output)
