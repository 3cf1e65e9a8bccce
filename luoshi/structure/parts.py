"""Which part of the report (review | goals | plan | other) a heading or paragraph is in.

Top-level headings set the part from their title (parts.yaml). A goals/plan title that names only
years before the plan year reviews them (一、“十四五”主要成就及2025年工作 in a 2026 report). A top-level
heading without a cue is placed by the year it names (二、2019年主要工作 is the plan of a 2019 report,
一、1999年工作的主要情况 the review of a 2000 one), else by the tense of its section (要…, 将…, 力争… against
…了, 去年…, 取得…): after a review, a section that looks ahead is the plan (older national reports give each
task field a chapter of its own, 二、保持国民经济持续快速健康发展); before any part, one that reports is the
review; otherwise it continues the current part, except that the themes after a goals block are the plan
(excerpts that open with 总体要求 then list ◎ themes). A paragraph stating the year's targets (预期目标是…)
is goals wherever it stands, and so is a review's paragraph that turns to the year ahead (2000年是…，做好今年
政府工作…): after either, the review section's rest and the cue-less top-level sections that follow are the
year ahead. Before any heading, lead cues (过去一年… / 今年要…) move the part forward only; a lead naming a
year before the plan year (2024年是新中国成立75周年… in a 2025 report) opens the review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from luoshi.extract.periods import named_plan_ends
from luoshi.model import Part
from luoshi.structure.meta import years_in
from luoshi.structure.rules import PartRules

_RANK = {"other": 0, "review": 1, "goals": 2, "plan": 3}
_LEAD_WINDOW = 12  # a lead's year opens its paragraph
def tense(sentences: Iterable[str], rules: PartRules) -> Part | None:
    """plan when a section's sentences look ahead, review when they report, None when unclear."""
    n = ahead = done = 0
    for s in sentences:
        n += 1
        ahead += rules.tense_forward.search(s) is not None
        done += rules.tense_backward.search(s) is not None
    if n < rules.tense_min:
        return None
    lean = (ahead - done) / n
    return "plan" if lean >= rules.tense_margin else "review" if lean <= -rules.tense_margin else None


class PartTracker:
    def __init__(self, rules: PartRules, year: int | None = None) -> None:
        self.rules = rules
        self.year = year  # the plan year, when known before the outline (date line, front matter, file name)
        self.current: Part = "other"
        self.shifted = False  # a targets paragraph inside a review section turned it to the year ahead
        self.tasks_below = False  # the current goals chapter names its work: its sub-headings are the plan

    def _past(self, s: str) -> bool | None:
        """Whether the years ``s`` names all precede the plan year (False: it names the plan year or a
        later one; None: no year, or no plan year known). A five-year plan named by number counts as
        past when it ended before the plan year, as ahead when it starts in it or later (二、科学谋划，
        砥砺奋进“十四五” in a 2021 report), and not at all while it runs: the review of its first year
        names it too (一、…“十一五”开局之年成效显著 in a 2007 report)."""
        if self.year is None:
            return None
        years = years_in(s)
        if years:
            return max(years) < self.year
        ends = named_plan_ends(s)
        if not ends:
            return None
        if max(ends) < self.year:
            return True
        return False if min(ends) - 4 >= self.year else None

    def top_heading(self, title: str, lean: Callable[[], Part | None] = lambda: None) -> Part:
        self.shifted = False
        self.tasks_below = False
        past = self._past(title)
        for part, pattern, _ in self.rules.headings:
            if pattern.search(title):
                self.current = "review" if past and part in ("goals", "plan") else part  # type: ignore[assignment]
                # a five-year chapter keeps its parts, unless its title also names the plan year's work
                # (二、“十四五”时期主要目标任务和2021年重点工作: its (一)… are the year's tasks)
                mixed = bool(years_in(title)) and not past
                self.tasks_below = (self.current == "goals" and self.rules.goals_tasks.search(title) is not None
                                    and (self.rules.goals_term.search(title) is None or mixed))
                return self.current
        if past is False or (past and self.current in ("other", "review")):
            self.current = "review" if past else "plan"  # (a past year inside the plan is a theme's: 巩固2008年…成果)
        elif self.current == "goals":
            self.current = "plan"
        elif self.current in ("other", "review"):
            ahead = lean()
            if ahead == "plan" or (ahead == "review" and self.current == "other"):
                self.current = ahead
        return self.current

    def sub_heading(self, title: str, parent: Part, child_of_top: bool = False) -> Part:
        """``child_of_top``: the heading sits right under a top-level one."""
        for part, pattern, any_level in self.rules.headings:
            if any_level and pattern.search(title):
                return part  # type: ignore[return-value]
        if child_of_top and parent == "goals" and self.tasks_below:
            return "plan"  # (一)坚持创新驱动… under 二、2025年工作总体要求和重点任务
        return parent

    def paragraph(self, text: str, section_part: Part | None) -> Part:
        """Part of a text paragraph; ``section_part`` is None outside any section."""
        turn = section_part == "review" and self.rules.turn_paragraph.search(text) is not None
        if turn or self.rules.goal_paragraph.search(text):
            # under no section, a review, or a cue-less one (a report's title line set as a heading)
            if section_part in (None, "review", "other"):
                self.current = "goals"
                self.shifted = section_part == "review"
            return "goals"
        if self.shifted and section_part == "review":
            section_part = None  # the rest of the section speaks of the year ahead
        if section_part in ("goals", "plan") and self.rules.review_paragraph.search(text):
            return "review"  # 这五年，我们… in a term report's goals chapter; the chapter's part goes on
        if section_part is not None:
            return section_part
        for part, pattern in self.rules.lead:
            if pattern.search(text):
                if part == "plan" and self._past(text[:_LEAD_WINDOW]):
                    part = "review"
                if _RANK[part] > _RANK[self.current]:
                    self.current = part  # type: ignore[assignment]
                    break
        return self.current
