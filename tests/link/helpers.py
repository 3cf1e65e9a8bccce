"""Hand-built records for link tests: the linker must work on any Extraction."""

from __future__ import annotations

from luoshi.model import Commitment, Extraction, Indicator, ReportMeta


def commitment(text: str, source: str, n: int = 0) -> Commitment:
    start = source.index(text)
    return Commitment(f"c{n}", text, None, None, "process", None, None, [], [], [], start, start + len(text), None)


def target(source: str, value_text: str, metric: str, value: float, comparator: str, change: str,
           unit: str = "%", high: float | None = None, period: str = "2020") -> Indicator:
    start = source.index(value_text)
    return Indicator("i0", metric, value, high, unit, value_text, comparator, change, "target", period, None,
                     source, start, start + len(value_text), None)


def extraction(year: int | None, commitments=(), indicators=()) -> Extraction:
    return Extraction(ReportMeta(year=year), [], list(indicators), list(commitments))
