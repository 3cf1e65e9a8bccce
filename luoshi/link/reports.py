"""Link every commitment and target of an older report to a later report."""

from __future__ import annotations

from dataclasses import replace

from luoshi.link.figures import scan_figures
from luoshi.link.periods import review_period, span_period
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
    at = review_period(new_text, new.report.year or ((old.report.year + 1) if old.report.year else None))
    periods = [span_period(new_text[u.sent_start : u.sent_end], at(u.start)) if u.part in ("review", "other")
               else (str(new.report.year) if new.report.year else None, new.report.year, new.report.year) for u in units]
    evidence = EvidenceIndex(units, new_doc, periods.__getitem__)
    year = review_year(old, new)
    figures = scan_figures(mt, new, year=year)
    links: list[Link] = []
    for ind in old.indicators:
        if ind.kind == "target":
            link = link_indicator(target_period(ind, old), figures, new_text, units, new_doc, year)
            if link.status == "no_evidence" and not link.evidence:
                link = link_quantity(ind, evidence, link)
            links.append(link)
    judged = [l.status for l in links if l.status != "no_evidence"]
    targets = (sum(s == "fulfilled" for s in judged), sum(s in ("not_fulfilled", "partial") for s in judged))
    links += [link_commitment(c, evidence, old_text[c.start : c.end], since=old.report.year, targets=targets)
              for c in old.commitments]
    links.sort(key=lambda l: (l.source_start, l.source_kind))
    return links
