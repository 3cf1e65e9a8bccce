"""Shared records passed between pipeline stages.

Every offset in a record is a Python string index into ``Document.text``: for a
plain-text file that is the decoded file content, unchanged. Stages that work on a
normalized copy (see ``luoshi.textmap``) map their offsets back before building
records. Unknown fields are ``None``, never guessed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Part = Literal["review", "goals", "plan", "other"]
Comparator = Literal["about", "at_least", "at_most", "eq", "range"]
Change = Literal["increase", "decrease", "level"]
IndicatorKind = Literal["target", "actual", "baseline"]
Strength = Literal["binding", "firm", "process", "exploratory"]
LinkStatus = Literal["fulfilled", "partial", "not_fulfilled", "no_evidence"]
SentenceRole = Literal["task", "theme", "target", "context"]
DeadlineSource = Literal["written", "default"]


@dataclass
class Document:
    """A decoded report: ``text`` is what every offset indexes."""

    text: str
    format: str  # txt | md | docx | pdf | html
    sha256: str  # of the source bytes
    path: str | None = None
    encoding: str | None = None
    # Metadata the file states outside its text (a Markdown front matter's title, source).
    front_matter: dict[str, str] = field(default_factory=dict)


@dataclass
class ReportMeta:
    title: str | None = None
    region: str | None = None
    year: int | None = None  # the year the report plans for (2020 report -> 2020)
    date: str | None = None  # ISO date of delivery, e.g. "2021-12-15"
    speaker: str | None = None
    session: str | None = None  # e.g. 第十七届人民代表大会第一次会议
    sha256: str | None = None
    chars: int = 0
    level: str | None = None  # 国家 | 省 | 市 | 区县, from the region
    # Fields not stated in the text but taken from the file's path (北京市/2015.md):
    # "region", "year". A front matter counts as the text's own statement.
    inferred: list[str] = field(default_factory=list)


@dataclass
class Section:
    id: str  # "s1", "s1.2", ...
    parent: str | None
    level: int  # 0 = part, 1 = 一、, 2 = （一）, 3 = 1., 4 = theme sentence
    title: str
    part: Part
    start: int
    end: int


@dataclass
class Clause:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    section: str | None  # innermost Section.id
    part: Part
    clauses: list[Clause] = field(default_factory=list)
    # goals/plan sentences: task | theme | target | context (only tasks become rows);
    # None outside those parts.
    role: SentenceRole | None = None
    # who decided the role: the rules, or the learned model (structure/role_model.py) overriding them
    role_source: Literal["rules", "model"] | None = None


@dataclass
class Structure:
    meta: ReportMeta
    sections: list[Section]
    sentences: list[Sentence]


@dataclass
class Indicator:
    id: str
    metric: str | None
    value: float
    value_high: float | None
    unit: str | None
    value_text: str  # exact span: text[start:end]
    comparator: Comparator
    change: Change
    kind: IndicatorKind
    period: str | None
    base_period: str | None
    sentence: str
    start: int
    end: int
    section: str | None


@dataclass
class Department:
    name: str
    role: Literal["lead", "support"]
    matched: list[str]  # the words in the text that suggested it (the reason)


@dataclass
class CommitmentPart:
    """A clause span of a task row whose owner differs from the row's other clauses."""

    start: int
    end: int
    text: str  # text[start:end]
    departments: list[Department] = field(default_factory=list)


@dataclass
class Commitment:
    """One row of the 任务分解表: a task sentence (parts where owners differ)."""

    id: str
    text: str  # text[start:end]
    action: str | None
    object: str | None
    strength: Strength
    deadline: str | None  # normalized: "2022", "2022-06", "2025-12-31" ...
    deadline_text: str | None  # as written: 年内, 到2025年, “十四五”末
    projects: list[str]
    indicators: list[str]  # Indicator ids in the same clause
    departments: list[Department]
    start: int
    end: int
    section: str | None
    # written: a phrase in the text; default: the office's convention (plan-year end,
    # the five-year horizon's end). None only where no deadline could be set at all.
    deadline_source: DeadlineSource | None = None
    parts: list[CommitmentPart] = field(default_factory=list)


@dataclass
class Extraction:
    report: ReportMeta
    sections: list[Section]
    indicators: list[Indicator]
    commitments: list[Commitment]
    sentences: list[Sentence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape of ``luoshi extract --format json``."""
        report = asdict(self.report)
        return {
            "report": {k: report[k] for k in ("title", "region", "level", "year", "date", "speaker", "session", "sha256", "chars", "inferred")},
            "sections": [asdict(s) for s in self.sections],
            "indicators": [asdict(i) for i in self.indicators],
            "commitments": [asdict(c) for c in self.commitments],
            "sentences": [{k: getattr(s, k) for k in ("start", "end", "part", "section", "role", "role_source")} for s in self.sentences],
        }


@dataclass
class Evidence:
    doc: str  # which document (path or report id) the span is in
    text: str
    start: int
    end: int
    value_text: str | None
    score: float
    part: Part | None = None  # the part of the later report the span is in: review (what was done) or plan
    period: str | None = None  # the period the span covers: "2020", "2016—2020" (a five-year review), the plan year


@dataclass
class ClauseVerdict:
    """The verdict on one clause of a row that joins several works by ；(``luoshi.link.clauses``).

    ``start``/``end`` index the older report like the row's own span; judged by the same linker
    logic as a row, on the clause's wording alone."""

    start: int
    end: int
    text: str
    status: LinkStatus
    confidence: float
    reason: str
    evidence: list[Evidence] = field(default_factory=list)  # best first (at most three)


@dataclass
class Link:
    source_id: str
    # theme: rolled up from its rows (luoshi.link.themes); context: a plan sentence holding no row, judged on
    # its own wording (luoshi.link.context)
    source_kind: Literal["commitment", "indicator", "theme", "context"]
    source_text: str
    source_start: int
    source_end: int
    status: LinkStatus
    confidence: float
    reason: str
    evidence: list[Evidence] = field(default_factory=list)  # what was done, best first (at most three)
    # The task appears again in the later report's plan: that span (part "plan"), beside the
    # source span. A separate signal, never the status's evidence.
    carried_over: Evidence | None = None
    # a task row of several ；clauses: each clause's own verdict, in text order; the row's status is their
    # roll-up (``luoshi.link.clauses``). Empty for a row of one clause and for every other kind.
    clauses: list[ClauseVerdict] = field(default_factory=list)
