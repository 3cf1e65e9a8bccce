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
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from luoshi import rules
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


# Before the metric's name: a whole region (全市, 北京市, 全州) is the metric; a part of
# it (县域, 园区, 海洋) or a per-unit form (人均, 单位, 万元) is another metric.
_PART_OF = re.compile(r"县域|园区|海洋|民营|非公|数字|旅游|文化|开发区|新区|高新区|经开区|乡镇|农村|城区|主城|中心城|"
                      r"人均|单位|万元|亿元|占|对|每|规上|规模以上|工业|服务业|产业|三产|二产|一产")
_AVERAGE = re.compile(r"(?:年均|平均|累计)\s*(?:增长|增速|增幅|提高)?\s*$")


def _is_metric(name: str | None, metric: Metric) -> bool:
    """The indicator's metric name is ``metric`` itself (地区生产总值, 全市生产总值, GDP),
    not a share, ratio, part or per-unit form of it (占GDP比重, 县域地区生产总值)."""
    if not name:
        return False
    folded = fold(name).strip()
    found = mentions(folded)
    if not found or found[-1].metric.id != metric.id or found[-1].end != len(folded):
        return False
    prefix = folded[: found[-1].start]
    return len(prefix) <= 6 and not _PART_OF.search(prefix)


@lru_cache(maxsize=1)
def _targets_cue() -> re.Pattern[str]:
    return re.compile(rules.load("panel")["targets_paragraph"]["pattern"])


_WHOLE = re.compile(r"(?:全|本|我)?[市省区州县盟旗]?|.*[市省州盟]")


def _whole_region(name: str) -> bool:
    """地区生产总值, 全市生产总值, 北京市地区生产总值: the whole region's."""
    folded = fold(name).strip()
    found = mentions(folded)
    prefix = folded[: found[-1].start] if found else folded
    return _WHOLE.fullmatch(prefix.removesuffix("地区")) is not None


def _is_average(row: dict) -> bool:
    """年均增长7%, 两年平均增长6.2%: a rate over several years, not the year's."""
    at = row["sentence"].find(row["value_text"])
    return at >= 0 and bool(_AVERAGE.search(row["sentence"][max(0, at - 8) : at]))


def _candidates(indicators: pa.Table) -> list[dict[str, Any]]:
    keep = pc.and_(pc.is_in(indicators["kind"], pa.array(["target", "actual"])),
                   pc.is_in(indicators["unit"], pa.array(list(_RATE_UNITS))))
    cols = ["report_id", "metric", "value", "value_high", "value_text", "comparator", "change", "kind", "period",
            "base_period", "start", "sentence", "section"]
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
    sections = read_table(out, "sections").select(["report_id", "id", "part"]).to_pylist()
    part_of = {(s["report_id"], s["id"]): s["part"] for s in sections}
    by_report: dict[str, list[dict]] = {}
    for row in _candidates(read_table(out, "indicators")):
        if _is_metric(row["metric"], metric) and row["change"] != "decrease" and not _is_average(row):
            row["part"] = part_of.get((row["report_id"], row["section"]))
            by_report.setdefault(row["report_id"], []).append(row)
    first: dict[tuple[str, int], dict] = {}
    for r in reports:  # sorted by id; of two reports for one region-year (a mid-year report of
        # a new congress beside the January one), the one stating the year's target wins
        if r["region"] and r["year"]:
            key = (r["region"], r["year"])
            if key not in first or (_pick(by_report.get(first[key]["id"], []), "target", key[1]) is None
                                    and _pick(by_report.get(r["id"], []), "target", key[1]) is not None):
                first[key] = r
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


def _for_year(row: dict, kind: str, year: int) -> int | None:
    """How surely ``row`` is about ``year`` (0 best), or None when it is not."""
    period = row["period"]
    if kind == "target":
        # from the targets paragraph first (主要预期目标是…, 主要计划指标为…)
        cued = 0 if _targets_cue().search(fold(row["sentence"])) else 4
        if period == str(year):
            return cued
        if period and len(period) == 9 and period[:4] <= str(year) <= period[5:] and f"{year}年" in row["sentence"]:
            return cued + 1  # 2021年是“十四五”开局之年，…主要预期目标是：…增长7.5%左右
        return cued + 3 if period is None else None
    # kind == "actual": read in the next report. Its review is not always recognised as
    # such (a part titled 一、经济社会发展势头良好), so any part but the targets serves.
    if row["kind"] == "target":  # a "target" for a year already past is what was achieved
        return 4 if period == str(year) and not _targets_cue().search(fold(row["sentence"])) else None
    if row["base_period"] not in (None, str(year - 1)):
        return None  # 比2016年增长35.2%: growth over several years
    sub = 0 if _whole_region(row["metric"]) else 5  # 滇中直管区地区生产总值: a part, if nothing better
    if period == str(year):
        return sub
    if period and len(period) == 9 and period.endswith(f"-{year}"):
        return sub + 1  # the last year of a review of several (一、“十三五”时期和2020年工作回顾)
    if row["part"] != "goals" and period in (None, str(year + 1)):
        return sub + 2  # 预计全年… counted in the next report's own year
    return None


def _pick(rows: list[dict], kind: str, year: int) -> dict | None:
    """The row of ``kind`` most surely about ``year``, first in text order among equals."""
    ranked = [(rank, r["start"], i) for i, r in enumerate(rows)
              if (r["kind"] == kind or kind == "actual") and (rank := _for_year(r, kind, year)) is not None]
    return rows[min(ranked)[2]] if ranked else None


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
