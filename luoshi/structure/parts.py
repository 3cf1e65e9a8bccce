"""Which part of the report (review | goals | plan | other) a heading or paragraph is in.

Top-level headings set the part from their title (parts.yaml); a top-level heading
without a cue continues the current part, except that the themes after a goals
block are the plan (excerpts that open with 总体要求 then list ◎ themes). A
paragraph stating the year's targets (预期目标是…) is goals wherever it stands, and so is a review's
paragraph that turns to the year ahead (2000年是…，做好今年政府工作…): after either, the review section's
rest and the cue-less top-level sections that follow are the year ahead.
Before any heading, lead cues (过去一年… / 今年要…) move the part forward only.
"""

from __future__ import annotations

from luoshi.model import Part
from luoshi.structure.rules import PartRules

_RANK = {"other": 0, "review": 1, "goals": 2, "plan": 3}


class PartTracker:
    def __init__(self, rules: PartRules) -> None:
        self.rules = rules
        self.current: Part = "other"
        self.shifted = False  # a targets paragraph inside a review section turned it to the year ahead

    def top_heading(self, title: str) -> Part:
        self.shifted = False
        for part, pattern, _ in self.rules.headings:
            if pattern.search(title):
                self.current = part  # type: ignore[assignment]
                return self.current
        if self.current == "goals":
            self.current = "plan"
        return self.current

    def sub_heading(self, title: str, parent: Part) -> Part:
        for part, pattern, any_level in self.rules.headings:
            if any_level and pattern.search(title):
                return part  # type: ignore[return-value]
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
        if section_part is not None:
            return section_part
        for part, pattern in self.rules.lead:
            if pattern.search(text) and _RANK[part] > _RANK[self.current]:
                self.current = part  # type: ignore[assignment]
                break
        return self.current
