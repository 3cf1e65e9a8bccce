"""Lines -> paragraphs, each classified as front matter, heading or text.

Reports break lines in two ways: a paragraph break (blank line, or a line that
ends a sentence) and a soft wrap inside a sentence (the national corpus puts
hyperlinked words on lines of their own: ``党的十八届六中全会\\n正式明确\\n``).
A single line break therefore ends a paragraph only when something says so: the
previous line ends a sentence, the next line is indented or starts with a
heading marker, or one of them is a heading line. Everything works on the
normalized text (``MappedText.text``); offsets here are normalized.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.structure.rules import HeadingRules, PartRules

_BLANKS = " \t\r\u200b\ufeff\u2060"
_HARD_END = re.compile(r"(?:[。!?;:…]|(?<![0-9A-Za-z])\.)[”’」』)\]】》\"']*$")
_PUNCT_INSIDE = re.compile(r"[。!?;:]")
_CONTINUATION = re.compile(r"[、,.;:)\]”’」』》%]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FRONT_WINDOW = 3000  # the title block is short; a later 各位代表 is a closing


@dataclass
class Line:
    start: int  # normalized offsets of the trimmed content
    end: int
    text: str
    blank_before: bool
    indented: bool
    glued_before: bool = False  # a zero-width-space line joins it to the previous one


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str  # front | heading | bare | text
    marker: str | None = None  # heading marker name (headings.yaml)
    standalone: bool = False  # the heading is its whole first line (no sentence follows on it)
    first_line_end: int = 0


def scan_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    blank = glued = False
    for raw in text.split("\n"):
        stripped = raw.strip(_BLANKS)
        if not stripped and raw.strip(" \t\r"):
            glued = True  # a zero-width-space line glues a soft wrap; it is not a blank line
        elif stripped:
            lead = len(raw) - len(raw.lstrip(_BLANKS))
            start = pos + lead
            indented = raw.startswith(("  ", "\t"))
            lines.append(Line(start, start + len(stripped), stripped, blank, indented, glued))
            blank = glued = False
        elif lines:
            blank = True
        pos += len(raw) + 1
    return lines


def _ends_hard(s: str) -> bool:
    return _HARD_END.search(s) is not None


def _front_count(lines: list[Line], parts: PartRules) -> int:
    """Lines before the salutation (各位代表：) form the title block, if it is near the top."""
    for i, line in enumerate(lines):
        if line.start > _FRONT_WINDOW:
            break
        if parts.salutation.match(line.text) and len(line.text) <= 8:
            return i
    return 0


class _Classifier:
    def __init__(self, lines: list[Line], rules: HeadingRules) -> None:
        self.lines = lines
        self.rules = rules
        self.markers = [rules.marker_re.match(line.text) for line in lines]

    def marker_standalone(self, i: int) -> bool:
        """A marker line that is a whole heading: short, with a title, no sentence end."""
        m = self.markers[i]
        s = self.lines[i].text
        return m is not None and m.end() < len(s) and len(s) <= 60 and _PUNCT_INSIDE.search(s) is None

    def bare(self, i: int, front: int) -> bool:
        """An unnumbered heading: a short unpunctuated line between paragraph breaks."""
        lines, rules = self.lines, self.rules
        s = lines[i].text
        if i < front or self.markers[i] is not None:
            return False
        if not rules.bare_min <= len(s) <= rules.bare_max or _PUNCT_INSIDE.search(s):
            return False
        if _CONTINUATION.match(s) or s[-1] in ",、" or len(_CJK.findall(s)) < rules.bare_min:
            return False
        prev_ok = i == front or lines[i].blank_before or _ends_hard(lines[i - 1].text) or self.marker_standalone(i - 1)
        if not prev_ok:
            return False
        if i + 1 == len(lines):
            return True
        nxt = lines[i + 1]
        if _CONTINUATION.match(nxt.text) or nxt.glued_before:
            return False
        return nxt.blank_before or _ends_hard(nxt.text) or self.markers[i + 1] is not None


def paragraphs(text: str, heading_rules: HeadingRules, part_rules: PartRules) -> list[Paragraph]:
    lines = scan_lines(text)
    if not lines:
        return []
    front = _front_count(lines, part_rules)
    c = _Classifier(lines, heading_rules)
    bare = [c.bare(i, front) for i in range(len(lines))]
    standalone = [c.marker_standalone(i) for i in range(len(lines))]
    out: list[Paragraph] = []
    for i, line in enumerate(lines):
        new = (
            i == 0
            or i <= front
            or line.blank_before
            or line.indented
            or c.markers[i] is not None
            or bare[i]
            or bare[i - 1]
            or standalone[i - 1]
            or _ends_hard(lines[i - 1].text)
        )
        if not new:
            out[-1].end = line.end
            continue
        if i < front:
            para = Paragraph(line.start, line.end, "front")
        elif bare[i]:
            para = Paragraph(line.start, line.end, "bare", standalone=True)
        elif c.markers[i] is not None:
            m = c.markers[i]
            para = Paragraph(line.start, line.end, "heading", m.lastgroup, standalone[i])
        else:
            para = Paragraph(line.start, line.end, "text")
        para.first_line_end = line.end
        out.append(para)
    return out
