"""``python -m bench.fuzz --n 1000 [--seed 1] [--keep DIR] [--growth]``: see bench/fuzz/run.py."""

from __future__ import annotations

import argparse
import sys

from bench.fuzz.run import LIMIT_MB, LIMIT_S, run


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fuzz", description="Hostile-file harness for the luoshi engine.")
    ap.add_argument("--n", type=int, default=200, help="files to generate and run (default 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit-s", type=float, default=LIMIT_S, help="per-file time limit, seconds")
    ap.add_argument("--limit-mb", type=int, default=LIMIT_MB, help="per-file memory limit, MB over the parent")
    ap.add_argument("--keep", help="save failing files in this folder")
    ap.add_argument("--growth", action="store_true", help="also measure time growth on repeated patterns")
    ap.add_argument("--jobs", type=int, default=1, help="files run at the same time (default 1)")
    args = ap.parse_args()
    summary = run(args.seed, args.n, args.limit_s, args.limit_mb, args.keep, progress=True, jobs=args.jobs)
    print(summary.report())
    if args.growth:
        from bench.fuzz.growth import report

        print(report())
    return 1 if summary.count("crash") or summary.over(args.limit_s, args.limit_mb) else 0


if __name__ == "__main__":
    sys.exit(main())
