"""``python -m bench.batch``: ``luoshi batch`` over the whole city corpus.

Prints, in one run: files and MB; for N worker processes (local Dask cluster), a second
run with nothing changed, and 1 worker (serial, in process): wall seconds, MB/s, the CPU
time (user + sys) of the whole run, every process included (driver, scheduler, workers),
per report, and the workers' own extraction time; peak RSS per worker; the speed-up by wall
clock and, because wall clock on a shared machine measures the other processes too, the
speed-up the CPU times allow on idle cores; and the baseline of running ``luoshi extract
FILE --format json`` once per file, timed on a random sample of files and scaled up to the
corpus (said so in the output; ``--baseline-sample 0`` skips it).

Each run is a child process; its CPU time is what ``getrusage(RUSAGE_CHILDREN)`` gains
when it ends (the worker processes it started and reaped included).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.panel.paths import cities_root


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _child(list_file: str, out: str, workers: int) -> int:
    """In the child process: one ``luoshi batch`` run; its summary as JSON on stdout."""
    from luoshi.batch import run_batch

    files = Path(list_file).read_text(encoding="utf-8").splitlines()
    s = run_batch(files, out, workers=workers, progress=False)
    print(json.dumps({"extracted": s.extracted, "skipped": s.skipped, "errors": dict(s.errors), "mb": s.mb,
                      "inner_seconds": s.seconds, "worker_cpu_seconds": s.cpu_seconds,
                      "peak_rss_mb": sorted(s.peak_rss_mb.values()), "executor": s.executor}))
    return 0


def _run(list_file: Path, out: Path, workers: int) -> dict:
    load = _load()
    cpu0, t0 = _cpu_children(), time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bench.batch", "--child", str(list_file), str(out), str(workers)],
                          capture_output=True, text=True, check=False)
    seconds, cpu = time.perf_counter() - t0, _cpu_children() - cpu0
    if proc.returncode != 0:
        raise SystemExit(f"luoshi batch failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    r.update(workers=workers, seconds=seconds, cpu_seconds=cpu, load_before=load, load_after=_load())
    return r


def _baseline(files: list[str], sample: int, seed: int) -> dict:
    picked = random.Random(seed).sample(files, min(sample, len(files)))
    exe = [sys.executable, "-m", "luoshi.cli", "extract"]
    cpu0, t0 = _cpu_children(), time.perf_counter()
    for f in picked:
        subprocess.run([*exe, f, "--format", "json", "-o", os.devnull], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds, cpu = time.perf_counter() - t0, _cpu_children() - cpu0
    return {"sample": len(picked), "seconds": seconds, "per_file": seconds / len(picked),
            "cpu_per_file": cpu / len(picked), "extrapolated": seconds / len(picked) * len(files),
            "cpu_extrapolated": cpu / len(picked) * len(files)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=None, help="folder of reports (default: the shared city corpus)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the parallel run")
    ap.add_argument("--baseline-sample", type=int, default=20,
                    help="files timed with `luoshi extract` one by one, scaled up to the corpus (0: no baseline)")
    ap.add_argument("--limit", type=int, default=0, help="only N files drawn at random (seed 7; a quick check)")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    ap.add_argument("--child", nargs=3, metavar=("LIST", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return _child(args.child[0], args.child[1], int(args.child[2]))
    root = args.corpus or cities_root()
    files = sorted(str(p) for p in root.rglob("*")
                   if p.suffix in (".md", ".txt", ".docx", ".pdf", ".html") and p.parent != root)  # not SOURCE.md
    if args.limit:
        files = sorted(random.Random(7).sample(files, min(args.limit, len(files))))
    if not files:
        print(f"no reports under {root}; give --corpus or set LUOSHI_SHARED", file=sys.stderr)
        return 2
    n = len(files)
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    print(f"corpus: {root.name} · {n} files · {mb:.1f} MB · {os.cpu_count()} CPUs · load {_load()}", flush=True)

    def show(name: str, r: dict) -> None:
        print(f"{name:<24} {r['seconds']:>7.1f} s wall {mb / r['seconds']:>5.2f} MB/s · CPU {r['cpu_seconds']:>6.1f} s "
              f"({r['cpu_seconds'] / n * 1000:.0f} ms/report; extraction {r['worker_cpu_seconds']:.1f} s) · "
              f"peak RSS/worker {max(r['peak_rss_mb'] or [0]):.0f} MB · load {r['load_before']} → {r['load_after']}",
              flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        list_file = Path(tmp) / "files.txt"
        list_file.write_text("\n".join(files), encoding="utf-8")
        many = _run(list_file, Path(tmp) / "many", args.workers)
        show(f"{args.workers} workers (local Dask)", many)
        rerun = _run(list_file, Path(tmp) / "many", args.workers)
        print(f"second run, nothing changed: {rerun['seconds']:.1f} s wall, CPU {rerun['cpu_seconds']:.1f} s "
              f"({rerun['skipped']} skipped, {rerun['executor']}; includes starting Python)", flush=True)
        one = _run(list_file, Path(tmp) / "one", 0)
        show("1 worker (serial)", one)
    cpu_ratio = many["cpu_seconds"] / one["cpu_seconds"]
    print(f"speed-up {args.workers} workers vs 1: {one['seconds'] / many['seconds']:.2f}x wall clock; "
          f"the parallel run used {cpu_ratio:.2f}x the serial run's CPU, so on {args.workers} idle cores at most "
          f"{args.workers / cpu_ratio:.2f}x", flush=True)
    base = None
    if args.baseline_sample > 0:
        base = _baseline(files, args.baseline_sample, seed=7)
        print(f"baseline `luoshi extract` file by file, a random sample of {base['sample']} files SCALED UP to "
              f"{n}: {base['extrapolated']:.0f} s wall, CPU {base['cpu_per_file'] * 1000:.0f} ms/file "
              f"(sample: {base['seconds']:.0f} s); CPU per report vs baseline: serial "
              f"{one['cpu_seconds'] / n / base['cpu_per_file']:.3f}, {args.workers} workers "
              f"{many['cpu_seconds'] / n / base['cpu_per_file']:.3f}", flush=True)
    print(f"errors: {one['errors'] or 'none'}")
    if args.json:
        args.json.write_text(json.dumps({"files": n, "mb": mb, "one": one, "many": many, "rerun": rerun,
                                         "baseline": base}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
