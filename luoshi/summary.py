"""Readable rich summaries of an extraction (``luoshi extract --format table``, demo)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from rich.console import Console
from rich.table import Table

from luoshi.export.rows import STRENGTH_ZH
from luoshi.model import Extraction

PART_ZH = {"review": "回顾", "goals": "目标", "plan": "计划", "other": "其他"}
KIND_ZH = {"target": "目标值", "actual": "实际值", "baseline": "基期值"}


def overview_table(ex: Extraction, name: str) -> Table:
    r = ex.report
    t = Table(title=f"{name}：{r.region or '—'} {r.year or ''} {r.title or ''}", show_header=True)
    for col in ("部分", "章节", "指标（目标/实际/基期）", "任务（约束/力争/推进/探索）"):
        t.add_column(col)
    part_at = part_lookup(ex)
    for part in ("review", "goals", "plan", "other"):
        secs = sum(1 for s in ex.sections if s.part == part)
        inds = Counter(i.kind for i in ex.indicators if part_at(i.start) == part)
        coms = Counter(c.strength for c in ex.commitments if part_at(c.start) == part)
        if not (secs or inds or coms):
            continue
        t.add_row(
            PART_ZH[part],
            str(secs),
            f"{sum(inds.values())}（{inds['target']}/{inds['actual']}/{inds['baseline']}）",
            f"{sum(coms.values())}（{coms['binding']}/{coms['firm']}/{coms['process']}/{coms['exploratory']}）",
        )
    t.caption = f"发布日期 {r.date or '—'}　报告人 {r.speaker or '—'}　共 {r.chars} 字"
    return t


def part_lookup(ex: Extraction):
    """Offset -> part of the sentence holding it (sections may not cover every sentence)."""
    starts = [s.start for s in ex.sentences]

    def part_at(offset: int) -> str:
        k = bisect_right(starts, offset) - 1
        return ex.sentences[k].part if k >= 0 else "other"

    return part_at


def indicator_table(ex: Extraction, limit: int | None = None) -> Table:
    t = Table(title="量化指标", show_lines=False)
    for col in ("#", "指标", "数值", "类型", "变化", "时期", "基期"):
        t.add_column(col, overflow="fold")
    for i in ex.indicators[:limit]:
        t.add_row(i.id, i.metric or "—", i.value_text, KIND_ZH[i.kind], i.change, i.period or "—", i.base_period or "—")
    return t


def commitment_table(ex: Extraction, limit: int | None = None) -> Table:
    t = Table(title="任务", show_lines=False)
    for col in ("#", "任务", "力度", "时限", "建议牵头单位"):
        t.add_column(col, overflow="fold")
    for c in ex.commitments[:limit]:
        lead = next((d.name for d in c.departments if d.role == "lead"), "—")
        t.add_row(c.id, c.text, STRENGTH_ZH[c.strength], c.deadline_text or "—", lead)
    return t


def print_extraction(ex: Extraction, console: Console, name: str, detail: bool = False) -> None:
    console.print(overview_table(ex, name))
    if detail:
        console.print(indicator_table(ex))
        console.print(commitment_table(ex))
