"""Link results as the public JSON shape, a readable table, or an xlsx sheet."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from luoshi.link.diff import ReportDiff
from luoshi.model import Link

STATUS_ZH = {"fulfilled": "已落实", "partial": "部分落实", "not_fulfilled": "未落实", "no_evidence": "无证据"}
STATUS_STYLE = {"fulfilled": "green", "partial": "yellow", "not_fulfilled": "red", "no_evidence": "dim"}
COLUMNS = ["类型", "原文", "起", "止", "结论", "置信度", "理由", "证据", "证据起", "证据止", "证据出处", "证据期间", "新计划再次提出",
           "分句结论"]
PART_ZH = {"review": "回顾", "plan": "计划", "goals": "目标", "other": "其他"}


KIND_ZH = {"indicator": "指标", "commitment": "承诺", "theme": "主题", "context": "语境句"}


APART = {"theme": "themes", "context": "context"}  # kinds listed apart from the rows' links


def links_json(links: list[Link]) -> dict:
    """``{"links": [...]}`` as documented in DESIGN.md; theme sentences' rolled-up verdicts and the plan's
    context sentences' own verdicts, when the links hold any (``link_reports(..., themes=True)``), apart under
    ``themes`` and ``context``. A row of several ；clauses carries their own verdicts under ``clauses`` (span, text,
    status, confidence, reason, evidence best first), empty for every other link."""
    out: dict = {"links": [asdict(link) for link in links if link.source_kind not in APART]}
    for kind, key in APART.items():
        rows = [asdict(link) for link in links if link.source_kind == kind]
        if rows:
            out[key] = rows
    return out


def _row(link: Link) -> list:
    top = link.evidence[0] if link.evidence else None
    return [KIND_ZH[link.source_kind], link.source_text, link.source_start, link.source_end,
            STATUS_ZH[link.status], link.confidence, link.reason,
            top.text if top else "", top.start if top else None, top.end if top else None,
            PART_ZH.get(top.part or "", "") if top else "", (top.period or "") if top else "",
            link.carried_over.text if link.carried_over else "", clause_lines(link)]


def clause_lines(link: Link) -> str:
    """A row's clause verdicts, one line each: the clause, its status and its top evidence (empty for one clause)."""
    return "\n".join(f"{k}. {c.text}：{STATUS_ZH[c.status]}" + (f" — {c.evidence[0].text}" if c.evidence else "")
                     for k, c in enumerate(link.clauses, 1))


def print_links(links: list[Link], console: Console) -> None:
    table = Table(show_lines=False)
    for name in ("类型", "原文", "结论", "置信度", "理由", "延续"):
        table.add_column(name, overflow="fold")
    for link in links:
        style = STATUS_STYLE[link.status]
        table.add_row(KIND_ZH[link.source_kind], link.source_text[:60],
                      f"[{style}]{STATUS_ZH[link.status]}[/]", f"{link.confidence:.2f}", link.reason[:120],
                      "是" if link.carried_over else "")
        for k, c in enumerate(link.clauses, 1):
            # a row of several ；clauses: each clause's own verdict under the rolled-up one
            top = c.evidence[0].text[:60] if c.evidence else ""
            table.add_row("", f"  {k}. {c.text[:56]}", f"[{STATUS_STYLE[c.status]}]{STATUS_ZH[c.status]}[/]",
                          f"{c.confidence:.2f}", f"证据：{top}" if top else "", "")
    console.print(table)
    counts = {s: sum(1 for l in links if l.status == s and l.source_kind != "theme") for s in STATUS_ZH}
    console.print("  ".join(f"{STATUS_ZH[s]} {n}" for s, n in counts.items()))


def write_links_xlsx(links: list[Link], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from luoshi.export.cells import safe_row

    wb = Workbook()
    ws = wb.active
    ws.title = "落实情况"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for link in links:
        ws.append(safe_row(_row(link)))
    for col, width in zip("ABCDEFGHIJKLMN", (6, 50, 7, 7, 9, 7, 50, 50, 7, 7, 8, 11, 50, 60)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


def print_diff(diff: ReportDiff, console: Console) -> None:
    table = Table(title="承诺对比")
    for name in ("变化", "旧报告", "新报告", "相似度"):
        table.add_column(name, overflow="fold")
    for pair in diff.carried:
        table.add_row("延续", pair.old.text[:60], pair.new.text[:60], f"{pair.score:.2f}")
    for c in diff.dropped:
        table.add_row("[red]不再提及[/]", c.text[:60], "", "")
    for c in diff.new:
        table.add_row("[green]新增[/]", "", c.text[:60], "")
    console.print(table)
    console.print(f"延续 {len(diff.carried)}  不再提及 {len(diff.dropped)}  新增 {len(diff.new)}")


def diff_json(diff: ReportDiff) -> dict:
    brief = lambda c: {"id": c.id, "text": c.text, "start": c.start, "end": c.end}  # noqa: E731
    return {"carried": [{"old": brief(p.old), "new": brief(p.new), "score": p.score} for p in diff.carried],
            "dropped": [brief(c) for c in diff.dropped], "new": [brief(c) for c in diff.new]}
