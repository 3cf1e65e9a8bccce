"""``python -m bench.memory``: peak memory of the luoshi pipeline over the corpus.

Runs in its own process so no peer library inflates the figure: peak RSS of the
whole process (interpreter and imports included) and the peak of Python
allocations made by the pipeline itself (tracemalloc), per file and overall.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tracemalloc
from pathlib import Path

from bench.speed import DEFAULT_CORPUS, pipeline_runner


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not files:
        print(f"bench: no corpus at {args.corpus} (clone ../shared or pass --corpus DIR)", file=sys.stderr)
        return 2
    run = pipeline_runner()
    if isinstance(run, str):
        print(f"luoshi pipeline {run}", file=sys.stderr)
        return 2
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    worst = (0, "")
    for f in files:
        text = f.read_text(encoding="utf-8")
        tracemalloc.reset_peak()
        run([text])
        worst = max(worst, (tracemalloc.get_traced_memory()[1], f.name))
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak RSS: {rss:.1f} MiB (after imports: {rss_before:.1f} MiB)")
    print(f"largest per-file Python allocation peak: {worst[0] / 2**20:.1f} MiB ({worst[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
