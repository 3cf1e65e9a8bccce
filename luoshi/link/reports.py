"""Link every commitment and target of an older report to a later report."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from luoshi.link.aspect import mention_only
from luoshi.link.clauses import as_clause, roll_up, sub_commitments
from luoshi.link.context import context_links
from luoshi.link.figures import scan_figures
from luoshi.link.periods import review_period, span_period, spans_years
from luoshi.link.pledges import EvidenceIndex, link_commitment
from luoshi.link.match import names_in
from luoshi.link.quantities import in_named_sentence, link_quantity
from luoshi.link.region import own_names
from luoshi.link.segments import clause_units
from luoshi.link.size_classes import link_size_class
from luoshi.link.statistics import by_statistic
from luoshi.link.targets import as_rate, known_metric, link_indicator
from luoshi.link.themes import theme_links
from luoshi.model import Commitment, Evidence, Extraction, Indicator, Link
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


def _with_figures(link: Link, figures: list[Link]) -> Link:
    """A task row whose review is silent, judged by the target figures in its own sentence (新增就业28万人)."""
    judged = [f for f in figures if f.status != "no_evidence" and f.evidence]
    if not judged:
        if figures and link.status == "fulfilled" and link.evidence and mention_only(link.evidence[0].text):
            # the review names the work (中车长客首列…试运行) but neither a result nor the sentence's own figure
            # (装备制造业产值超过530亿元): part of the pledge is shown
            return replace(link, status="partial", reason=f"{link.reason}；本句指标（{figures[0].source_text}）未见结果")
        return link
    missed = [f for f in judged if f.status in ("not_fulfilled", "partial")]
    if link.status == "no_evidence":
        f = missed[0] if missed else judged[0]
        return replace(link, status=f.status, confidence=f.confidence, evidence=f.evidence[:3],
                       reason=f"依本句指标判断：{f.reason}")
    if missed and link.status in ("fulfilled", "partial"):
        # work done (or part of it), but the sentence's own figure fell short: the figure's line is evidence too
        f = missed[0]
        # a term's total (新增公办学位38.5万个 over five years) goes after the row's own line on the year
        evidence = link.evidence + f.evidence[:1] if _on_a_term(f) else f.evidence[:1] + link.evidence
        return replace(link, status="partial", confidence=min(link.confidence, f.confidence),
                       evidence=evidence[:3], reason=f"{link.reason}；但本句指标未达成：{f.reason}")
    return link


def _on_a_term(figure: Link) -> bool:
    """The figure's evidence is a line on several years (a term review's 2021—2025)."""
    return bool(figure.evidence) and spans_years(figure.evidence[0].period)


def link_reports(old: Extraction, old_text: str, new: Extraction, new_text: str, *, new_doc: str = "new",
                 themes: bool = False) -> list[Link]:
    """One link per commitment and per target indicator of ``old``, in text order.

    Offsets of sources index ``old_text``; offsets of evidence index ``new_text``. A row of several ；clauses
    carries each clause's own verdict and a status rolled up from them (``clauses.py``). With ``themes``, the
    theme sentences' verdicts rolled up from their rows follow (``source_kind`` "theme": ``themes.py``), then
    the plan's context sentences holding no row, each judged on its own wording (``context.py``).
    """
    mt = MappedText(new_text)
    units = clause_units(mt, new)
    at = review_period(new_text, new.report.year or ((old.report.year + 1) if old.report.year else None))
    periods = [span_period(new_text[u.sent_start : u.sent_end], at(u.start)) if u.part in ("review", "other")
               else (str(new.report.year) if new.report.year else None, new.report.year, new.report.year) for u in units]
    evidence = EvidenceIndex(units, new_doc, periods.__getitem__)
    evidence.add_definitions(old_text)  # an abbreviation the older report defined (以下简称) and its task uses
    # the region's own name (无锡 in a Wuxi report) tells one work from another not at all
    evidence.weights.set_own(list(dict.fromkeys(own_names(new.report.region, new_text) + own_names(old.report.region, old_text))))
    year = review_year(old, new)
    figures = scan_figures(mt, new, year=year)
    links: list[Link] = []
    for ind in old.indicators:
        if ind.kind == "target":
            link = link_indicator(target_period(ind, old), figures, new_text, units, new_doc, year)
            if link.status == "no_evidence" and not link.evidence and as_rate(ind) is None and known_metric(ind) is None:
                # a known statistic the review gives no figure for is not looked for by wording; a count of works
                # above a size (5000万元以上项目1300个) is found by its class
                link = link_size_class(ind, evidence, link) or link_quantity(ind, evidence, link)
            links.append(link)
    judged = [l.status for l in links if l.status != "no_evidence"]
    targets = (sum(s == "fulfilled" for s in judged), sum(s in ("not_fulfilled", "partial") for s in judged))
    by_indicator = {l.source_id: l for l in links}
    indicators = {i.id: i for i in old.indicators}
    def judge(c: Commitment, own: dict[str, Link]) -> Link:
        link = link_commitment(c, evidence, old_text[c.start : c.end], since=old.report.year, targets=targets)
        names = names_in(c.text, c.projects)
        if names:
            # the row's own figure, unnamed in the review, given in the sentence naming the row's work
            for i in c.indicators:
                if i in own and i in indicators:
                    own[i] = in_named_sentence(indicators[i], evidence, link, names, own[i])
        link = _with_figures(link, [own[i] for i in c.indicators if i in own])
        return by_statistic(c, link, figures, new_text, new_doc, year)

    indicator_at = lambda i: indicators[i].start if i in indicators else None  # noqa: E731
    for c in old.commitments:
        link = judge(c, by_indicator)
        # a row of several ；clauses: each judged alone, the row's verdict rolled up from them (clauses.py)
        pieces = sub_commitments(c, old_text[c.start : c.end], indicator_at)
        if pieces:
            link = roll_up(link, [as_clause(judge(piece, dict(by_indicator)), link) for piece in pieces])
        links.append(link)
    _label_evidence(links, units, periods)
    links.sort(key=lambda l: (l.source_start, l.source_kind))
    if themes:
        links += theme_links(old, old_text, links, evidence)
        links += context_links(old, old_text, links, evidence)
    return links


def _label_evidence(links: list[Link], units, periods) -> None:
    """Part and period on every evidence span (target figures come without them)."""
    starts = [u.sent_start for u in units]
    for link in links:
        for e in link.evidence:
            _label(e, starts, units, periods)
        for clause in link.clauses:
            for e in clause.evidence:
                _label(e, starts, units, periods)


def _label(e: Evidence, starts: list[int], units, periods) -> None:
    if e.part is not None or e.doc == "progress":
        return
    k = bisect_right(starts, e.start) - 1
    if k >= 0 and units[k].sent_start <= e.start < units[k].sent_end:
        e.part, e.period = units[k].part, periods[k][0]
