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


def link_one(task: str, new: str, old_year: int | None = 2020, new_year: int | None = 2021, old: str | None = None):
    """The link of one task, a row of ``old`` (by default the task and a full stop), against the report ``new``."""
    from luoshi.link import link_reports

    old = task + "。" if old is None else old
    [link] = link_reports(extraction(old_year, [commitment(task, old)]), old, extraction(new_year), new)
    return link


def link_target(ind: Indicator, old: str, new: str, old_year: int, new_year: int | None = None):
    """The link of one target ``ind`` of the report ``old`` (plan year ``old_year``) against the report ``new``
    (of the next year unless ``new_year`` says otherwise)."""
    from luoshi.link import link_reports

    new_year = old_year + 1 if new_year is None else new_year
    [link] = link_reports(extraction(old_year, indicators=[ind]), old, extraction(new_year), new)
    return link
