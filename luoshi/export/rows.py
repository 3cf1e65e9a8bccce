"""The 任务分解表 row: one commitment as a supervision office tabulates it."""

from __future__ import annotations

from dataclasses import dataclass

from luoshi.model import Extraction

STRENGTH_ZH = {"binding": "约束性", "firm": "力争", "process": "推进", "exploratory": "探索"}

# Column order and headings of the 任务分解表; extra columns (状态, 最新进展) are
# added by the ledger when it knows them.
COLUMNS: list[tuple[str, str, int]] = [
    ("序号", "seq", 6),
    ("章节", "section", 24),
    ("任务内容", "task", 60),
    ("量化指标", "indicators", 24),
    ("完成时限", "deadline", 14),
    ("力度", "strength", 8),
    ("建议牵头单位", "lead", 18),
    ("配合单位", "support", 22),
]
EXTRA_COLUMNS: list[tuple[str, str, int]] = [("状态", "status", 10), ("最新进展", "progress", 40)]


@dataclass
class TaskRow:
    seq: int
    section: str
    task: str
    indicators: str
    deadline: str
    strength: str
    lead: str
    support: str
    status: str | None = None
    progress: str | None = None

    def values(self, extra: bool = False) -> list[str | int]:
        cols = COLUMNS + (EXTRA_COLUMNS if extra else [])
        return [getattr(self, attr) or "" for _, attr, _ in cols]


def headers(extra: bool = False) -> list[str]:
    return [h for h, _, _ in COLUMNS + (EXTRA_COLUMNS if extra else [])]


def rows_from_extraction(ex: Extraction) -> list[TaskRow]:
    titles = {s.id: s.title for s in ex.sections}
    parents = {s.id: s.parent for s in ex.sections}
    by_id = {i.id: i for i in ex.indicators}
    rows = []
    for n, c in enumerate(ex.commitments, 1):
        leads = [d.name for d in c.departments if d.role == "lead"]
        support = [d.name for d in c.departments if d.role != "lead"]
        rows.append(
            TaskRow(
                seq=n,
                section=section_path(c.section, titles, parents),
                task=c.text,
                indicators="；".join(by_id[i].value_text if not by_id[i].metric else f"{by_id[i].metric} {by_id[i].value_text}" for i in c.indicators if i in by_id),
                deadline=c.deadline_text or c.deadline or "",
                strength=STRENGTH_ZH.get(c.strength, c.strength),
                lead="、".join(leads),
                support="、".join(support),
            )
        )
    return rows


def section_path(section: str | None, titles: dict[str, str], parents: dict[str, str | None]) -> str:
    """Outline path of a section, outermost first, without the level-4 theme."""
    path: list[str] = []
    while section:
        path.append(titles.get(section, ""))
        section = parents.get(section)
    return " / ".join(t for t in reversed(path) if t)
