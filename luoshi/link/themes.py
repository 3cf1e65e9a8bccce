"""Verdicts for theme sentences, rolled up from the task rows under them.

A theme sentence (一是持续推动消费升级, 保持房地产市场平稳健康发展, a numbered heading) is no row of
the 任务分解表, yet a reader asks whether it was delivered as well. Its verdict comes from the rows it
heads (``rolled_up``: fulfilled when at least half of them are, no_evidence when fewer than 15% are
reported at all, not_fulfilled when every reported one falls short and a quarter are reported, partial
otherwise, fulfilled when a review line says the theme's own work was done). Its evidence: a review line on the theme as a whole when there is one (统筹打好蓝天、碧水、净土保卫战 for
聚焦污染防治), then its rows' best evidence, best row first; at most three spans. The record is a
``Link`` of ``source_kind`` "theme" (``link_reports(..., themes=True)``), listed apart from the rows'
links (``luoshi link --format json`` prints them under ``themes``), so counts of task verdicts stay
the rows' own.

A theme's rows: a theme that is a section's title heads the whole section; a theme inside a paragraph
(…。一是努力增加城乡居民收入。要…) heads the rows after it up to the next theme of its section or the
end of its paragraph; a theme on a line of its own heads the rows up to the next theme or the section's end.
A theme that heads no rows (扎实抓好十大民生实事) is judged on its own wording, as a task would be (when the
later report's index is given).
"""

from __future__ import annotations

from luoshi.link import calibration
from luoshi.link.pledges import EvidenceIndex, link_commitment
from luoshi.model import Commitment, Extraction, Link, Section, Sentence

MAX_EVIDENCE = 3
FULFILLED_SHARE = 0.5  # rows fulfilled, of all the theme's rows, for the theme to be fulfilled
REPORTED_SHARE = 0.15  # rows with any verdict, of all, below which the theme has no evidence (a national
# review reports a broad theme, 宏观调控 or 对外开放, through three of its twenty rows)
FEW_REPORTED = 0.25  # below this share of rows reported, rows falling short make the theme partial, not unmet
PLAN_PARTS = ("plan", "goals")
_RANK = {"fulfilled": 0, "partial": 1, "not_fulfilled": 2, "no_evidence": 3}


def _scope(s: Sentence, themes: list[Sentence], sections: dict[str, Section], text: str) -> tuple[int, int]:
    """(start, end) of the text whose rows the theme sentence ``s`` heads."""
    sec = sections.get(s.section or "")
    sec_end = sec.end if sec else len(text)
    if sec is not None and abs(sec.start - s.start) <= 2 and sec.level > 0:
        return s.end, sec.end  # the section's title: the whole section
    nxt = min((t.start for t in themes if t.start > s.start and t.section == s.section), default=sec_end)
    line_end = text.find("\n", s.end)
    if line_end < 0:
        line_end = len(text)
    if text[s.end : line_end].strip():
        return s.end, min(nxt, line_end, sec_end)  # inside a paragraph: to the next theme or the paragraph's end
    return s.end, min(nxt, sec_end)


def _own(s: Sentence, old_text: str, ev: EvidenceIndex) -> Link:
    """The theme sentence judged as a task of its own."""
    text = old_text[s.start : s.end]
    c = Commitment("theme", text, None, None, "process", None, None, [], [], [], s.start, s.end, None)
    return link_commitment(c, ev, text)


def rolled_up(children: list[Link]) -> str:
    """The status of a theme from its rows' statuses.

    A review reports the main works of a theme, not every row: a theme is fulfilled when at least half of
    its rows are (and none falls short), no_evidence when fewer than 15% of its rows are reported
    at all (one row of nine met is no delivery of the theme; one of five, or three of twenty, is part of it),
    not_fulfilled when every reported row falls short and at least a quarter are reported, and partial
    otherwise."""
    judged = [c.status for c in children if c.status != "no_evidence"]
    if len(judged) < REPORTED_SHARE * len(children) or not judged:
        return "no_evidence"
    if all(s == "not_fulfilled" for s in judged):
        # one shortfall among rows the review is mostly silent on is part of the theme, not all of it
        return "not_fulfilled" if len(judged) >= FEW_REPORTED * len(children) else "partial"
    if judged.count("fulfilled") >= FULFILLED_SHARE * len(children) and "not_fulfilled" not in judged:
        return "fulfilled"
    return "partial"


def _own_figures(status: str, reason: str, start: int, end: int, links: list[Link]) -> tuple[str, str]:
    """A theme that states a target of its own (新材料和现代装备制造产业集群完成产值800亿元) is fulfilled only when
    the review shows that figure too: its rows done and the figure unreported, or short, is part of it."""
    figures = [link for link in links if link.source_kind == "indicator" and start <= link.source_start < end]
    if status != "fulfilled" or not figures:
        return status, reason
    missed = [f for f in figures if f.status in ("not_fulfilled", "partial")]
    if missed:
        return "partial", f"{reason}；但本句指标未达成：{missed[0].reason}"
    if all(f.status == "no_evidence" for f in figures):
        return "partial", f"{reason}；本句指标（{figures[0].source_text}）未见结果"
    return status, reason


def theme_links(old: Extraction, old_text: str, links: list[Link], ev: EvidenceIndex | None = None) -> list[Link]:
    """One link per theme sentence of ``old``'s goals and plan that heads at least one task row.

    With the later report's index ``ev``, the theme's own wording is looked for too: a review line on the
    theme as a whole (统筹打好蓝天、碧水、净土保卫战 for 聚焦污染防治) is its best evidence."""
    sections = {sec.id: sec for sec in old.sections}
    themes = [s for s in old.sentences if s.role == "theme" and s.part in PLAN_PARTS]
    rows = [link for link in links if link.source_kind == "commitment"]
    out = []
    for n, s in enumerate(themes):
        start, end = _scope(s, themes, sections, old_text)
        children = [c for c in rows if start <= c.source_start < end]
        # a chapter's heading (三、2022年主要工作) names no work a review line could report on
        chapter = any(abs(sec.start - s.start) <= 2 and sec.level <= 1 for sec in old.sections)
        own = _own(s, old_text, ev) if ev is not None and not chapter else None
        if not children:
            if own is not None:
                # a theme heading no rows (扎实抓好十大民生实事) is judged on its own wording, like a task
                out.append(Link(f"t{n}", "theme", own.source_text, s.start, s.end, own.status, own.confidence,
                                f"主题句（其下无任务行），依其本身判断：{own.reason}", own.evidence, own.carried_over))
            continue
        status = rolled_up(children)
        judged = sorted((c for c in children if c.status != "no_evidence"), key=lambda c: (_RANK[c.status], -c.confidence))
        evidence, seen = [], set()
        if own is not None and own.status != "no_evidence" and own.evidence and own.evidence[0].part == "review":
            evidence.append(own.evidence[0])
            seen.add((own.evidence[0].doc, own.evidence[0].start, own.evidence[0].end))
            if status == "no_evidence":
                status = "partial"  # the review speaks of the theme as a whole, not of its rows
            elif status == "partial" and own.status == "fulfilled":
                # rows reported in part, and the review says the theme's own work was done (继续实施积极的财政政策 →
                # 我们实施积极的财政政策和稳健的货币政策): the theme is delivered, its rows' detail aside
                status = "fulfilled"
        for c in judged:
            for e in c.evidence[:1]:
                if (e.doc, e.start, e.end) not in seen:
                    seen.add((e.doc, e.start, e.end))
                    evidence.append(e)
        counts = "，".join(f"{k}项{zh}" for zh, k in (("已落实", sum(c.status == "fulfilled" for c in children)),
                                                     ("部分落实", sum(c.status == "partial" for c in children)),
                                                     ("未落实", sum(c.status == "not_fulfilled" for c in children)),
                                                     ("无证据", sum(c.status == "no_evidence" for c in children))) if k)
        reason = f"主题句，依其下{len(children)}项任务判断：{counts}"
        if judged:
            reason += f"；最有力的一项：{judged[0].source_text[:40]}"
        status, reason = _own_figures(status, reason, s.start, s.end, links)
        conf = (round(sum(c.confidence for c in judged) / len(judged), 2) if judged
                else own.confidence if status != "no_evidence" and own is not None else calibration.NO_EVIDENCE_PRIOR)
        out.append(Link(f"t{n}", "theme", old_text[s.start : s.end], s.start, s.end, status, conf, reason,  # type: ignore[arg-type]
                        evidence[:MAX_EVIDENCE], None))
    return out
