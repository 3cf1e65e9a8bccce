"""Link every commitment and target of an older report to a later report."""

from __future__ import annotations

from dataclasses import replace

from luoshi.link.figures import scan_figures
from luoshi.link.pledges import EvidenceIndex, link_commitment
from luoshi.link.quantities import link_quantity
from luoshi.link.segments import clause_units
from luoshi.link.targets import link_indicator
from luoshi.model import Extraction, Indicator, Link
from luoshi.textmap import MappedText


def review_year(old: Extraction, new: Extraction) -> int | None:
    """The year the later report looks back on: the year before the one it plans for."""
    if new.report.year:
        return new.report.year - 1
    return old.report.year


def target_period(ind: Indicator, old: Extraction) -> Indicator:
    """The indicator with its period defaulted to the year the old report plans for."""
    if ind.period or not old.report.year:
        return ind
    return replace(ind, period=str(old.report.year))


def link_reports(old: Extraction, old_text: str, new: Extraction, new_text: str, *, new_doc: str = "new") -> list[Link]:
    """One link per commitment and per target indicator of ``old``, in text order.

    Offsets of sources index ``old_text``; offsets of evidence index ``new_text``.
    """
    mt = MappedText(new_text)
    units = clause_units(mt, new)
    evidence = EvidenceIndex(units, new_doc)
    year = review_year(old, new)
    figures = scan_figures(mt, new, year=year)
    links = [link_commitment(c, evidence, old_text[c.start : c.end]) for c in old.commitments]
    for ind in old.indicators:
        if ind.kind == "target":
            link = link_indicator(target_period(ind, old), figures, new_text, units, new_doc, year)
            if link.status == "no_evidence" and not link.evidence:
                link = link_quantity(ind, evidence, link)
            links.append(link)
    links.sort(key=lambda l: (l.source_start, l.source_kind))
    return links
