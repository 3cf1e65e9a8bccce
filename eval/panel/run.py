"""Accuracy of report metadata and of the GDP panel on the labelled city sample.

    python -m eval.panel.run [--set dev|heldout] [--workers N] [--out DIR] [--misses]

Extracts the 110 sampled reports and, for each, the next year's report of the same city
(where the corpus has it) with ``luoshi batch``, builds ``luoshi panel --metric
地区生产总值`` and compares with ``gold.csv`` (labelled by reading; see README.md).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

from eval.panel.paths import cities_root
from luoshi.batch import read_table, run_batch
from luoshi.batch.panel import build_panel

HERE = Path(__file__).parent


def _num(s: str) -> float | None:
    return float(s) if s not in ("", None) else None


SETS = {"dev": "gold.csv", "heldout": "heldout.csv"}


def load_gold(name: str = "dev") -> list[dict]:
    with open(HERE / SETS[name], encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def evaluate(out: Path, gold: list[dict], root: Path) -> dict[str, tuple[int, int]]:
    reports = {Path(r["path"]).relative_to(root).as_posix(): r for r in read_table(out, "reports").to_pylist()}
    panel = {r["report"]: r for r in build_panel(out, "地区生产总值")}
    score: dict[str, list[int]] = {}

    def tally(name: str, ok: bool) -> None:
        score.setdefault(name, [0, 0])
        score[name][0] += ok
        score[name][1] += 1

    misses: list[str] = []
    for g in gold:
        rep = reports.get(g["file"])
        if rep is None:
            for k in ("region", "level", "year", "date", "target", "actual", "status"):
                tally(k, False)
            misses.append(f"{g['file']}: not extracted")
            continue
        got = {"region": rep["region"] or "", "level": rep["level"] or "", "year": str(rep["year"] or ""),
               "date": rep["date"] or ""}
        for k, v in got.items():
            tally(k, v == g[k])
            if v != g[k]:
                misses.append(f"{g['file']}: {k} {v!r} != {g[k]!r}")
        row = panel.get(rep["id"], {})
        t_gold = (_num(g["target_value"]), _num(g["target_high"]))
        t_got = (row.get("target_value"), row.get("target_high"))
        tally("target", t_got == t_gold)
        if t_got != t_gold:
            misses.append(f"{g['file']}: target {t_got} != {t_gold} ({g['target_text']})")
        a_gold, a_got = _num(g["actual_value"]), row.get("actual_value")
        tally("actual", a_got == a_gold)
        if a_got != a_gold:
            misses.append(f"{g['file']}: actual {a_got} != {a_gold} ({g['actual_text']})")
        gold_status = _status(t_gold, g["comparator"], a_gold)
        tally("status", row.get("status") == gold_status)
        tally("row (target, actual, status)", t_got == t_gold and a_got == a_gold and row.get("status") == gold_status)
    return {k: (v[0], v[1]) for k, v in score.items()}, misses  # type: ignore[return-value]


def _status(target: tuple[float | None, float | None], comparator: str, actual: float | None) -> str:
    if target[0] is None or actual is None:
        return "no_evidence"
    if comparator == "at_most":
        return "met" if actual <= target[0] else "not_met"
    return "met" if actual >= target[0] else "not_met"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", choices=sorted(SETS), default="dev",
                    help="dev: the 110 city-years the panel was tuned on; heldout: 40 never tuned on")
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--out", type=Path, help="keep the batch tables here (default: a temporary folder)")
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    root = cities_root()
    if not root.is_dir():
        print(f"the city corpus is not at {root}; set LUOSHI_SHARED", file=sys.stderr)
        return 2
    gold = load_gold(args.set)
    files = {g["file"] for g in gold} | {g["file"].rsplit("/", 1)[0] + f"/{int(g['year']) + 1}.md" for g in gold}
    # the file name is the plan year in this corpus (SOURCE.md), so year+1 names the next report
    paths = sorted(str(root / f) for f in files if (root / f).exists())
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        run_batch(paths, out, workers=args.workers, progress=False)
        score, misses = evaluate(out, gold, root)
    print(f"labelled sample ({args.set}): {len(gold)} city-years (eval/panel/{SETS[args.set]}); "
          f"{len(paths)} reports extracted")
    print(f"{'field':<30} {'correct':>8} {'of':>5} {'accuracy':>9}")
    for k, (ok, n) in score.items():
        print(f"{k:<30} {ok:>8} {n:>5} {ok / n:>9.3f}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
