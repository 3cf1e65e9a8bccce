"""``python -m eval.run [--set dev|heldout|all] [--json] [--errors N]``: luoshi's indicators against the gold.

Runs ``luoshi.pipeline.extract_file`` on every document named by the gold of the chosen
set and prints P/R/F1 per document and in total, then per-attribute accuracy over the
matched pairs. ``--errors N`` lists the first N misses with their context.

Sets: ``dev`` (default) is eval/gold/*.jsonl, the gold the extractor is tuned on;
``heldout`` is eval/gold/heldout/*.jsonl, labelled for reporting only and never tuned on;
``all`` is both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Iterable

from eval.score import ATTRIBUTES, Gold, Item, Score, load_gold, score
from eval.table import score_table

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = Path(__file__).parent / "gold"
HELDOUT_DIR = GOLD_DIR / "heldout"
SETS = ("dev", "heldout", "all")

Predictor = Callable[[str, Gold], Iterable[object]]


def gold_docs(gold_dir: Path = GOLD_DIR, prefix: str = "") -> list[tuple[str, Gold]]:
    return [(prefix + p.stem, load_gold(p)) for p in sorted(gold_dir.glob("*.jsonl"))]


def set_docs(which: str = "dev") -> list[tuple[str, Gold]]:
    """The documents of one evaluation set; held-out names carry a ``heldout/`` prefix."""
    if which not in SETS:
        raise ValueError(f"unknown set {which!r}, expected one of {SETS}")
    docs = []
    if which in ("dev", "all"):
        docs += gold_docs(GOLD_DIR)
    if which in ("heldout", "all"):
        docs += gold_docs(HELDOUT_DIR, prefix="heldout/")
    return docs


def luoshi_predictor() -> Predictor:
    """luoshi's indicators for a gold document (imported late: the scorer works without it)."""
    from luoshi.pipeline import extract_file

    return lambda text_path, gold: extract_file(text_path).indicators


def evaluate(predict: Predictor, docs: list[tuple[str, Gold]]) -> tuple[dict[str, Score], Score]:
    per_doc: dict[str, Score] = {}
    total = Score()
    for name, gold in docs:
        per_doc[name] = score(gold, predict(str(ROOT / gold.doc), gold))
        total.add(per_doc[name])
    return per_doc, total


def _context(text: str, item: Item, width: int = 18) -> str:
    left = text[max(0, item.start - width) : item.start].replace("\n", " ")
    right = text[item.end : item.end + width].replace("\n", " ")
    return f"{left}[{text[item.start:item.end]}]{right}"


def _describe(item: Item | None) -> str:
    if item is None:
        return "-"
    return (f"{item.value:g}{'-' + format(item.value_high, 'g') if item.value_high is not None else ''} "
            f"{item.unit} {item.metric} {item.comparator}/{item.change}/{item.kind} p={item.period} b={item.base_period}")


def print_report(per_doc: dict[str, Score], total: Score, docs: list[tuple[str, Gold]], errors: int,
                 which: str = "dev") -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"gold set: [bold]{which}[/] ({len(docs)} documents)", highlight=False)
    console.print(score_table(
        f"indicators vs hand-labelled gold ({which} set)", "doc", ("gold", "TP", "FP", "FN", "P", "R", "F1"),
        per_doc, total, lambda s: (str(s.tp + s.fn), str(s.tp), str(s.fp), str(s.fn),
                                   f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")))
    attrs = Table(title=f"attribute accuracy over {total.tp} matched pairs")
    for a in ATTRIBUTES:
        attrs.add_column(a, justify="right")
    attrs.add_row(*(f"{total.accuracy(a):.3f}" for a in ATTRIBUTES))
    console.print(attrs)
    if errors:
        texts = {name: (ROOT / gold.doc).read_text(encoding="utf-8") for name, gold in docs}
        shown = 0
        for name, s in per_doc.items():
            for kind, g, p in s.errors:
                if shown >= errors:
                    return
                shown += 1
                anchor = g or p
                console.print(f"[bold]{kind}[/] {name}:{anchor.start} {_context(texts[name], anchor)}", highlight=False)
                console.print(f"    gold: {_describe(g)}\n    pred: {_describe(p)}", highlight=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", dest="which", choices=SETS, default="dev",
                    help="dev: the tuning gold (default); heldout: the held-out gold, never tuned on; all: both")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list the first N errors with context")
    args = ap.parse_args(argv)
    docs = set_docs(args.which)
    try:
        predict = luoshi_predictor()
    except ImportError as exc:
        print(f"eval: the luoshi pipeline is not importable yet ({exc})", file=sys.stderr)
        return 2
    per_doc, total = evaluate(predict, docs)
    if args.json:
        out = {"set": args.which, "docs": {k: v.as_dict() for k, v in per_doc.items()}, "total": total.as_dict()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_report(per_doc, total, docs, args.errors, args.which)
    return 0


if __name__ == "__main__":
    sys.exit(main())
