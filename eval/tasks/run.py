"""``python -m eval.tasks.run [--set dev|heldout|fresh|final|final2|final3|final4|final5|final6|final7|final8|final9|final10|final11|final12|final13|final14|final15|final16] [--json] [--errors N]``: task rows against the gold.

Runs the pipeline on each gold report's text (eval/tasks/texts/) and prints, per report
and in total: task recall, cleanliness, rows per task sentence, lead, deadline and role
accuracy (definitions in eval/tasks/score.py). ``dev`` is eval/tasks/gold/*.jsonl, the
gold the engine is tuned on; ``heldout`` is eval/tasks/gold/heldout/*.jsonl, labelled for
reporting only and never tuned on; ``fresh`` is eval/tasks/gold/fresh/*.jsonl, labelled after
the held-out set had been scored once, scored once untouched and a tuning set since; ``final`` is
eval/tasks/gold/final/*.jsonl, a third set labelled after the fresh set had been used for
tuning, scored once by the lead and a tuning set since; ``final2`` is
eval/tasks/gold/final2/*.jsonl, a fourth never-tuned-on set labelled after every earlier set had
been tuned on, scored once by the lead and a tuning set since; ``final3`` is eval/tasks/gold/final3/*.jsonl,
a fifth never-tuned-on set labelled after final2, sealed a round, scored once by the lead and a tuning set since;
``final4`` is eval/tasks/gold/final4/*.jsonl, a sixth never-tuned-on set labelled after final3 had been tuned on,
scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final5`` is
eval/tasks/gold/final5/*.jsonl, a seventh never-tuned-on set, sealed for a round, scored once by the lead at the
start of the next round and a tuning set since; ``final6`` is eval/tasks/gold/final6/*.jsonl, an eighth
never-tuned-on set, scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final7`` is eval/tasks/gold/final7/*.jsonl, a ninth
never-tuned-on set, scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final8`` is
eval/tasks/gold/final8/*.jsonl, a tenth never-tuned-on set, scored once by the lead at the end of the round it was
labelled in and a tuning set since; ``final9`` is eval/tasks/gold/final9/*.jsonl, an eleventh never-tuned-on set,
scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final10`` is
eval/tasks/gold/final10/*.jsonl, a twelfth never-tuned-on set, scored once by the lead at the end of the round it was
labelled in and a tuning set since; ``final11`` is eval/tasks/gold/final11/*.jsonl, a thirteenth never-tuned-on set,
scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final12`` is
eval/tasks/gold/final12/*.jsonl, a fourteenth never-tuned-on set, scored once by the lead at the end of the round it
was labelled in and a tuning set since; ``final13`` is eval/tasks/gold/final13/*.jsonl, a fifteenth never-tuned-on
set, scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final14`` is
eval/tasks/gold/final14/*.jsonl, a sixteenth never-tuned-on set, scored once by the lead at the end of the round it
was labelled in and a tuning set since; ``final15`` is eval/tasks/gold/final15/*.jsonl, a seventeenth never-tuned-on
set, scored once by the lead at the end of the round it was labelled in and a tuning set since; ``final16`` is
eval/tasks/gold/final16/*.jsonl, an eighteenth never-tuned-on set, scored once by the lead at the end of the round it was
labelled in and a tuning set since. Unit names are
canonicalized with the master list the engine used for the report (its level, region and year:
``report_canon``, luoshi.extract.departments.canonical_unit) and
compared without the report's own place name in front (高新区管委会 = 郑州高新区管委会 in 郑州's report).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

from eval.table import score_table
from eval.tasks.score import TaskScore, load_gold, score

HERE = Path(__file__).parent
GOLD_DIR = HERE / "gold"
HELDOUT_DIR = GOLD_DIR / "heldout"
TEXTS = HERE / "texts"
SETS = ("dev", "heldout", "fresh", "final", "final2", "final3", "final4", "final5", "final6", "final7", "final8",
        "final9", "final10", "final11", "final12", "final13", "final14", "final15", "final16")
# Only tuning sets may list their errors (final to final16 became ones once scored); the never-tuned-on
# held-out set shows totals only.
ERROR_SETS = ("dev", "fresh", "final", "final2", "final3", "final4", "final5", "final6", "final7", "final8",
              "final9", "final10", "final11", "final12", "final13", "final14", "final15", "final16")


def text_path(name: str) -> Path:
    """texts/<name>.txt, or the text a partial gold names (mentougou-2021-fiveyear -> mentougou-2021)."""
    stem = name
    while stem:
        path = TEXTS / f"{stem}.txt"
        if path.is_file():
            return path
        stem = stem.rpartition("-")[0]
    raise FileNotFoundError(f"no text for gold {name!r} in {TEXTS}")


def set_files(which: str) -> list[Path]:
    return sorted((GOLD_DIR if which == "dev" else GOLD_DIR / which).glob("*.jsonl"))


def report_canon(region: str | None, level: str | None = None, year: int | None = None) -> Callable[[str], str]:
    """Canonicalizes unit names with the master list the engine used for this report (its level, region
    and year), so a city's own name for a unit (遵义's 综合行政执法局) is read as that city's unit on both
    sides, never as the unit another region gives the name to. A name off the list stays as written."""
    from luoshi.extract.departments import canonical_unit, report_level, rules

    unit_level = report_level(region, level)
    r = rules(unit_level, None, region, year)

    def canon(name: str) -> str:
        return canonical_unit(name, unit_level, r) or name

    return canon


def evaluate(which: str) -> tuple[dict[str, TaskScore], TaskScore]:
    from luoshi.pipeline import extract_file

    per_doc: dict[str, TaskScore] = {}
    total = TaskScore()
    for path in set_files(which):
        tpath = text_path(path.stem)
        ex = extract_file(tpath)
        text = tpath.read_text(encoding="utf-8")
        canon = report_canon(ex.report.region, ex.report.level, ex.report.year)
        per_doc[path.stem] = score(text, load_gold(path), ex.to_dict(), canon, ex.report.region)
        total.add(per_doc[path.stem])
    return per_doc, total


COLUMNS = (("tasks", "tasks", "d"), ("recall", "recall", ".3f"), ("clean", "cleanliness", ".3f"),
           ("rows/task", "rows_per_task", ".2f"), ("lead", "lead", ".3f"), ("deadline", "deadline", ".3f"),
           ("role", "role", ".3f"))


def print_report(per_doc: dict[str, TaskScore], total: TaskScore, which: str, errors: int) -> None:
    from rich.console import Console

    console = Console()
    console.print(score_table(
        f"task rows vs hand-labelled 任务分解表 ({which} set)", "report", [title for title, _, _ in COLUMNS],
        per_doc, total, lambda s: [format(getattr(s, attr), fmt) for _, attr, fmt in COLUMNS]))
    if total.missing:
        console.print(f"[bold red]{total.missing} gold sentences not found in their text[/]")
    for kind, sentence, gold, got in total.errors[:errors]:
        console.print(f"[bold]{kind}[/] {sentence}  gold={gold}  engine={got}", highlight=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.tasks.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", dest="which", choices=SETS, default="dev",
                    help="dev, fresh, final to final16: tuning gold (dev is the default; the final sets were "
                         "each scored once untouched before they were tuned on); heldout: never tuned on, look at "
                         "totals only")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list the first N errors (tuning sets only: dev, fresh, final to final16)")
    args = ap.parse_args(argv)
    per_doc, total = evaluate(args.which)
    if args.json:
        out = {"set": args.which, "docs": {k: v.as_dict() for k, v in per_doc.items()}, "total": total.as_dict()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_report(per_doc, total, args.which, args.errors if args.which in ERROR_SETS else 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
