"""The 任务分解表 row: one commitment as a supervision office tabulates it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from luoshi.model import Commitment, Extraction
from luoshi.store.status import deadline_date, effective_due

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
# Shown after 任务内容 when any row has parts (clauses with owners of their own).
PARTS_COLUMN: tuple[str, str, int] = ("分项及责任单位", "parts", 48)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


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
    parts: str | None = None  # ①造林1万亩（园林绿化局）；②… (see parts_text)

    def values(self, extra: bool = False, parts: bool = False) -> list[str | int]:
        return [getattr(self, attr) or "" for _, attr, _ in columns(extra, parts)]


def columns(extra: bool = False, parts: bool = False) -> list[tuple[str, str, int]]:
    cols = list(COLUMNS)
    if parts:
        cols.insert(3, PARTS_COLUMN)
    return cols + (EXTRA_COLUMNS if extra else [])


def headers(extra: bool = False, parts: bool = False) -> list[str]:
    return [h for h, _, _ in columns(extra, parts)]


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def deadline_label(deadline: str | None, source: str | None, written: str | None, report_year: int | None,
                   due_date: date | None = None) -> str:
    """完成时限 as the ledger tracks it: the date, and where it comes from.

    2022年12月31日（年度计划默认） for the office's convention, 2022年6月30日（6月底前）
    for a written phrase, 2022年9月30日（本办确定） for a date the office set. The date is
    the one tracking uses (status.effective_due), so the row is judged by what it shows.
    """
    due = effective_due(due_date, deadline, report_year)
    if due is None:
        return written or ""
    if due_date is not None:
        return f"{zh_date(due)}（本办确定）"
    if source == "written" or (source is None and written):
        return f"{zh_date(due)}（{written}）" if written else zh_date(due)
    if deadline_date(deadline) is None or due.year == report_year:
        return f"{zh_date(due)}（年度计划默认）"
    return f"{zh_date(due)}（规划期末默认）"


def parts_text(parts: list[dict]) -> str:
    """①clause（lead、support）；②… from stored or engine parts ({"text", "departments": [{"name", "role"}]})."""
    out = []
    for n, p in enumerate(parts):
        mark = CIRCLED[n] if n < len(CIRCLED) else f"({n + 1})"
        names = [d["name"] for d in p.get("departments") or [] if d.get("role") == "lead"]
        names += [d["name"] for d in p.get("departments") or [] if d.get("role") != "lead" and d["name"] not in names]
        out.append(f"{mark}{p['text']}" + (f"（{'、'.join(names)}）" if names else ""))
    return "；".join(out)


def _parts_of(c: Commitment) -> list[dict]:
    return [{"text": p.text, "departments": [{"name": d.name, "role": d.role} for d in p.departments]} for p in c.parts]


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
                deadline=deadline_label(c.deadline, c.deadline_source, c.deadline_text, ex.report.year),
                strength=STRENGTH_ZH.get(c.strength, c.strength),
                lead="、".join(leads),
                support="、".join(support),
                parts=parts_text(_parts_of(c)) or None,
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
