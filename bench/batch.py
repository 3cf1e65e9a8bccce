"""``python -m bench.batch``: ``luoshi batch`` over the whole city corpus.

Prints, in one run: files and MB; seconds and MB/s with 1 worker (serial, in process)
and with N worker processes (local Dask cluster); the speed-up; peak RSS per worker;
the time of a second run with nothing changed; and the baseline of running
``luoshi extract FILE --format json`` once per file, timed on a random sample of files
and extrapolated to the corpus (said so in the output). CPU seconds are printed beside
wall seconds: on a shared machine wall time depends on the other processes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.panel.paths import cities_root
from luoshi.batch import run_batch


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _run(files: list[str], out: Path, workers: int) -> dict:
    load = _load()
    s = run_batch(files, out, workers=workers, progress=False)
    return {"workers": workers, "seconds": s.seconds, "cpu_seconds": s.cpu_seconds, "mb": s.mb,
            "extracted": s.extracted, "skipped": s.skipped, "errors": dict(s.errors),
            "peak_rss_mb": sorted(s.peak_rss_mb.values()), "executor": s.executor, "load_before": load,
            "load_after": _load()}


def _baseline(files: list[str], sample: int, seed: int) -> dict:
    picked = random.Random(seed).sample(files, min(sample, len(files)))
    exe = [sys.executable, "-m", "luoshi.cli", "extract"]
    t0 = time.perf_counter()
    for f in picked:
        subprocess.run([*exe, f, "--format", "json", "-o", os.devnull], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    per_file = seconds / len(picked)
    return {"sample": len(picked), "seconds": seconds, "per_file": per_file,
            "extrapolated": per_file * len(files)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=None, help="folder of reports (default: the shared city corpus)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the parallel run")
    ap.add_argument("--baseline-sample", type=int, default=25, help="files timed with `luoshi extract` one by one")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (a quick check)")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args(argv)
    root = args.corpus or cities_root()
    files = sorted(str(p) for p in root.rglob("*")
                   if p.suffix in (".md", ".txt", ".docx", ".pdf", ".html") and p.parent != root)  # not SOURCE.md
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no reports under {root}; give --corpus or set LUOSHI_SHARED", file=sys.stderr)
        return 2
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    print(f"corpus: {root} · {len(files)} files · {mb:.1f} MB · {os.cpu_count()} CPUs · load {_load()}")
    def show(name: str, r: dict) -> None:
        print(f"{name:<26} {r['seconds']:>8.1f} s {mb / r['seconds']:>6.2f} MB/s  CPU {r['cpu_seconds']:>6.1f} s  "
              f"peak RSS/worker {max(r['peak_rss_mb'] or [0]):>4.0f} MB  load {r['load_before']} → {r['load_after']}",
              flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        many = _run(files, Path(tmp) / "many", args.workers)
        show(f"{args.workers} workers (local Dask)", many)
        rerun = _run(files, Path(tmp) / "many", args.workers)
        print(f"second run, nothing changed: {rerun['seconds']:.1f} s ({rerun['skipped']} skipped, "
              f"{rerun['executor']})", flush=True)
        one = _run(files, Path(tmp) / "one", 0)
        show("1 worker (serial)", one)
    print(f"speed-up {args.workers} workers vs 1: {one['seconds'] / many['seconds']:.2f}x wall, "
          f"{one['cpu_seconds'] / one['seconds'] / (many['cpu_seconds'] / many['seconds']):.2f}x in CPU share",
          flush=True)
    base = _baseline(files, args.baseline_sample, seed=7)
    print(f"baseline `luoshi extract` file by file: {base['per_file']:.2f} s/file on a random sample of "
          f"{base['sample']} files ({base['seconds']:.0f} s), extrapolated to {len(files)} files: "
          f"{base['extrapolated']:.0f} s")
    cpu_per_report = one["cpu_seconds"] / max(1, one["extracted"])
    print(f"CPU per report: {cpu_per_report * 1000:.0f} ms ({mb / one['cpu_seconds']:.2f} MB per CPU-second); "
          f"errors: {one['errors'] or 'none'}")
    if args.json:
        args.json.write_text(json.dumps({"files": len(files), "mb": mb, "one": one, "many": many, "rerun": rerun,
                                         "baseline": base}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
