"""Verdicts for the plan's context sentences: those holding no task row, judged on their own wording.

A plan says much in sentences the 任务分解表 keeps no row of: a stance (中国愿意同拉美国家…推进双边关系的发展),
an aim stated with its reason (加快流通体制改革…是整个经济体制改革的一个重要方面), a warning with its remedy
(…社会治安状况仍然不好，…加强综合治理). A reader of the two reports still asks what became of each. Such a
sentence that says something is to be done (a verb of a pledge: 推进, 加强, 支持; or a duty: 要…, 必须…) and does not frame the
year or the period (总体要求是, 开局之年: ``verdict_words.yaml`` context_frames) is judged as a task would be (``link_commitment`` on the sentence): the same corpus-weighted match, the
same review-only evidence, no_evidence when nothing credible is found. The record is a ``Link`` of
``source_kind`` "context" (``link_reports(..., themes=True)``), listed apart from the rows' links (``luoshi link
--format json`` prints them under ``context``), so counts of task verdicts stay the rows' own.
"""

from __future__ import annotations

from luoshi.link.aspect import context_duty, context_frame, pledge_kind
from luoshi.link.pledges import EvidenceIndex, link_commitment
from luoshi.model import Commitment, Extraction, Link

PLAN_PARTS = ("plan", "goals")
# A sentence that is no row is a less sure source than a task: below this confidence its verdict was wrong more
# often than right (labelled pairs and unlabelled pairs read by eye: 1 of 4 right between 0.5 and 0.6)
ABSTAIN = 0.6
REASON = "语境句（无任务行），依其本身判断："


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(min(e, end) > max(s, start) for s, e in spans)


def context_links(old: Extraction, old_text: str, links: list[Link], ev: EvidenceIndex) -> list[Link]:
    """One link per context sentence of ``old``'s goals and plan that no row, target or theme covers."""
    covered = [(link.source_start, link.source_end) for link in links]
    out = []
    for n, s in enumerate(old.sentences):
        if s.role != "context" or s.part not in PLAN_PARTS or _overlaps(s.start, s.end, covered):
            continue
        text = old_text[s.start : s.end]
        if (pledge_kind(text)[1] is None and not context_duty(text)) or context_frame(text):
            # neither a verb of a pledge nor a duty (要…, 必须…: ``context_duty``) (实践证明…是好形式, 各位代表),
            # or the year's frame (总体要求是, …之年): a statement, nothing to deliver
            continue
        c = Commitment(f"s{n}", text, None, None, "process", None, None, [], [], [], s.start, s.end, None)
        own = link_commitment(c, ev, text, since=old.report.year)
        if own.status != "no_evidence" and own.confidence < ABSTAIN:
            out.append(Link(f"s{n}", "context", text, s.start, s.end, "no_evidence", round(1 - own.confidence, 2),
                            f"{REASON}证据不足，不作判断（语境句的判断须更有把握）。最接近的：{own.reason}", [], own.carried_over))
            continue
        out.append(Link(f"s{n}", "context", text, s.start, s.end, own.status, own.confidence, REASON + own.reason,
                        own.evidence, own.carried_over))
    return out
