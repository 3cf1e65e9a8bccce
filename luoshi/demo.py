"""``luoshi demo``: the sample reports end to end on the embedded default."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from luoshi.export import rows_from_extraction, write_xlsx
from luoshi.pipeline import extract_file
from luoshi.summary import commitment_table, indicator_table, overview_table

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def run_demo(out_dir: Path, serve: bool = True, host: str = "127.0.0.1", port: int = 8000) -> None:
    console = Console()
    if serve:
        from luoshi.web.commands import check_port

        check_port(host, port)  # a taken port fails at once, not after the summaries
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in example_files():
        ex = extract_file(path)
        console.print(overview_table(ex, path.name))
        console.print(indicator_table(ex, limit=12))
        console.print(commitment_table(ex, limit=8))
        target = out_dir / f"{path.stem}-任务分解表.xlsx"
        write_xlsx(rows_from_extraction(ex), target, title=f"{ex.report.title or path.stem} 任务分解表")
        console.print(f"[green]已写出[/green] {target}（{len(ex.commitments)} 项任务，{len(ex.indicators)} 个指标）\n")
    if serve:
        from luoshi.commands import serve_demo

        serve_demo(console, host, port)
