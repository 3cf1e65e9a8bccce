"""Charts that do not mislead: a series joins like with like, colours are fixed, labels fit."""

from __future__ import annotations

import hashlib
import re

import pytest

from luoshi import model as m
from luoshi.store.db import make_engine, make_sessionmaker
from luoshi.store.migrate import upgrade
from luoshi.store.reports import ingest_extraction
from luoshi.web import charts
from luoshi.web.figures import figure_kind, series_key
from luoshi.web.routers.regions import region_series


@pytest.mark.parametrize(("metric", "sentence", "value", "period", "kind"), [
    ("地区生产总值", "地区生产总值增长6%左右。", "6%", "2022", "annual"),
    ("地区生产总值", "过去五年，地区生产总值年均增长5.1%，高于全国。", "5.1%", "2016-2020", "average"),
    ("地区生产总值", "过去五年，地区生产总值增长35%。", "35%", "2016-2020", "cumulative"),  # a span, no 年均: the sum
    ("地区生产总值", "累计完成固定资产投资500亿元。", "500亿元", "2021", "cumulative"),
    ("地区生产总值", "房地产业占地区生产总值比重为8.5%。", "8.5%", "2021", "share"),  # the metric read as GDP: still a share
    ("服务业增加值占比", "服务业增加值占比达到80%。", "80%", "2022", "share"),
    ("地区生产总值", "全年平均气温12.5度，地区生产总值增长6%。", "6%", "2022", "annual"),  # a cue in another clause is not this one's
])
def test_figure_kind_reads_the_clause_of_the_value(metric, sentence, value, period, kind):
    assert figure_kind(metric, sentence, value, period) == kind


def _extraction(year: int, figures: list[tuple[str, str, float, str, str, str | None]]) -> tuple[m.Extraction, str]:
    """A report of one sentence per figure: (metric, sentence, value, value_text, change, period)."""
    text, inds = "", []
    for n, (metric, sentence, value, value_text, change, period) in enumerate(figures):
        start = len(text) + sentence.index(value_text)
        inds.append(m.Indicator(f"i{n}", metric, value, None, "%", value_text, "about", change,
                                "target" if year == 2022 else "actual", period, None, sentence, start, start + len(value_text), None))
        text += sentence
    meta = m.ReportMeta(title=f"{year}年政府工作报告", region="测试区", year=year, date=f"{year}-01-10",
                        sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text))
    return m.Extraction(meta, [], inds, []), text


def test_region_series_joins_only_one_kind_of_figure(tmp_path):
    url = f"sqlite:///{tmp_path / 'series.db'}"
    engine = make_engine(url)
    upgrade(engine)
    older = _extraction(2021, [
        ("地区生产总值", "地区生产总值增长6.1%。", 6.1, "6.1%", "increase", "2020"),
        ("地区生产总值", "过去五年，地区生产总值年均增长5.1%。", 5.1, "5.1%", "increase", "2016-2020"),
        ("地区生产总值", "房地产业占地区生产总值比重为8.5%。", 8.5, "8.5%", "level", "2020"),
    ])
    newer = _extraction(2022, [
        ("地区生产总值", "地区生产总值增长6%左右。", 6.0, "6%", "increase", "2022"),
        ("地区生产总值", "房地产业占地区生产总值比重降至8%。", 8.0, "8%", "level", "2022"),
    ])
    with make_sessionmaker(engine)() as s, s.begin():
        ids = [ingest_extraction(s, ex, text, filename=f"{k}.txt", link=False).report.id for k, (ex, text) in enumerate((older, newer))]
        series = region_series(s, ids, {ids[0]: 2021, ids[1]: 2022})
    engine.dispose()
    by_kind = {(x["figure"], x["change"]): x for x in series}
    growth = by_kind[("annual", "increase")]
    assert [(p["period"], p["value"]) for p in growth["actual"]] == [("2020", 6.1)]
    assert [(p["period"], p["value"]) for p in growth["target"]] == [("2022", 6.0)]
    assert all(p["value"] != 5.1 for x in series for k in ("target", "actual") for p in x[k])  # 年均: in no line
    share = by_kind[("share", "level")]
    assert [p["value"] for p in share["actual"]] + [p["value"] for p in share["target"]] == [8.5, 8.0]
    assert len({series_key(x["metric_id"], x["unit"], x["change"], x["figure"]) for x in series}) == len(series)


def test_target_and_actual_have_one_colour_each_everywhere():
    html = str(charts.target_actual_chart({"target": [{"period": "2021", "value": 6}, {"period": "2022", "value": 5}],
                                           "actual": [{"period": "2021", "value": 6.1}]}, lambda k: k))
    assert charts.SERIES_COLORS["target"] in html and charts.SERIES_COLORS["actual"] in html
    from pathlib import Path

    template = (Path(charts.__file__).parent / "templates" / "indicators.html").read_text(encoding="utf-8")
    assert "#a61b1b" not in template and "SERIES_COLORS" in template


def _texts(svg: str) -> list[tuple[float, str, str]]:
    """(x, anchor, text) of each <text> in an SVG fragment."""
    out = []
    for attrs, body in re.findall(r"<text ([^>]*)>([^<]*)</text>", svg):
        x = float(re.search(r'x="([\d.]+)"', attrs)[1])
        anchor = (re.search(r'text-anchor="(\w+)"', attrs) or [None, "start"])[1]
        out.append((x, anchor, body))
    return out


def _extent(x: float, anchor: str, text: str) -> tuple[float, float]:
    w = charts.text_width(text.replace("&amp;", "&"))
    return {"start": (x, x + w), "end": (x - w, x), "middle": (x - w / 2, x + w / 2)}[anchor]


@pytest.mark.parametrize("svg", [
    charts.progress_gauge(43.0, 100.0, lambda k: {"expected_progress": "序时进度", "actual_progress": "实际进度"}[k]),
    charts.progress_gauge(99.6, 100.0, lambda k: {"expected_progress": "Expected progress", "actual_progress": "Actual progress"}[k]),
    charts.bar_chart([("区住房和城乡建设委员会（区园林绿化局）", 12345, "#333"), ("区水务局", 3, "#333")]),
    charts.stacked_bars([("第一章 关于过去五年和2021年工作回顾的很长标题", {"done": 1200, "overdue": 3})], lambda k: k),
    charts.line_chart([("目标值", "#000", [("2016-2020", 5.1), ("2021", 6.0), ("2022-2025", 123456.75)])]),
], ids=["gauge-zh", "gauge-en", "bars", "stacked", "line"])
def test_labels_are_placed_inside_the_drawing(svg):
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', str(svg))[1])
    for x, anchor, text in _texts(str(svg)):
        lo, hi = _extent(x, anchor, text)
        assert lo >= 0 and hi <= width, (text, lo, hi, width)
