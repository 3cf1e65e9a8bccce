"""Run every generated file through the engine in a forked child with time and memory limits.

The parent imports luoshi once; each file runs in ``os.fork()``'s child (cheap, and its own
peak memory), with an address-space limit and an alarm. Outcomes:

- handled: a result whose every indicator and commitment offset is exact, or one
  ``LuoshiError`` line with a registered code;
- crashed: any other exception (a traceback), a wrong offset, a multi-line or uncoded error;
- over: killed by the time or memory limit (or past them when it finished).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass, field

LIMIT_S = 30.0
LIMIT_MB = 1024


@dataclass
class Outcome:
    name: str
    kind: str
    status: str  # ok | error | crash | timeout | memory
    detail: str
    seconds: float
    peak_mb: float


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def tried(self) -> int:
        return len(self.outcomes)

    def count(self, *statuses: str) -> int:
        return sum(o.status in statuses for o in self.outcomes)

    def over(self, limit_s: float = LIMIT_S, limit_mb: float = LIMIT_MB) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in ("timeout", "memory") or o.seconds > limit_s or o.peak_mb > limit_mb]

    def report(self) -> str:
        lines = [f"tried {self.tried}  handled {self.count('ok', 'error')} (ok {self.count('ok')}, coded errors {self.count('error')})"
                 f"  crashed {self.count('crash')}  over limits {len(self.over())}"]
        if self.outcomes:
            slow = max(self.outcomes, key=lambda o: o.seconds)
            big = max(self.outcomes, key=lambda o: o.peak_mb)
            lines.append(f"slowest {slow.seconds:.2f} s ({slow.name}); largest peak {big.peak_mb:.0f} MB ({big.name})")
        codes: dict[str, int] = {}
        for o in self.outcomes:
            if o.status == "error":
                codes[o.detail[:4]] = codes.get(o.detail[:4], 0) + 1
        lines.append("coded errors: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
        for o in self.outcomes:
            if o.status in ("crash", "timeout", "memory") or o in self.over():
                lines.append(f"  {o.status.upper():8} {o.name} ({o.kind}) {o.seconds:.1f} s {o.peak_mb:.0f} MB: {o.detail[:300]}")
        return "\n".join(lines)


def check_offsets(text: str, result) -> str | None:
    for ind in result.indicators:
        if text[ind.start : ind.end] != ind.value_text:
            return f"indicator {ind.id} offsets {ind.start}:{ind.end} do not give {ind.value_text!r}"
    for c in result.commitments:
        if text[c.start : c.end] != c.text:
            return f"commitment {c.id} offsets {c.start}:{c.end} do not give its text"
    return None


def _child(name: str, data: bytes, limit_s: float, limit_mb: int, out_fd: int) -> None:
    from luoshi.errors import CODES, LuoshiError
    from luoshi.ingest import read_bytes
    from luoshi.pipeline import extract_document

    soft = int(limit_mb * 1024 * 1024 + _vm_bytes())
    resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
    signal.alarm(int(limit_s) + 1)
    try:
        doc = read_bytes(data, name)
        result = extract_document(doc)
        bad = check_offsets(doc.text, result)
        msg = ("crash", bad) if bad else ("ok", f"{len(result.indicators)} indicators, {len(result.commitments)} commitments")
    except LuoshiError as exc:
        line = str(exc)
        ok = exc.code in CODES and "\n" not in line and bool(exc.hint)
        msg = ("error", line) if ok else ("crash", f"badly formed error: {line!r}")
    except MemoryError:
        msg = ("memory", "MemoryError")
    except BaseException as exc:  # noqa: BLE001 - the harness reports every escape
        import traceback

        tb = traceback.extract_tb(exc.__traceback__)
        where = f"{tb[-1].filename.rsplit('/', 2)[-1]}:{tb[-1].lineno}" if tb else "?"
        msg = ("crash", f"{type(exc).__name__} at {where}: {str(exc)[:200]}")
    os.write(out_fd, json.dumps(msg, ensure_ascii=False).encode())
    os._exit(0)


def _vm_bytes() -> int:
    """This process's current address-space size (the child's limit is on top of it)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0


@dataclass
class _Running:
    pid: int
    fd: int
    start: float
    name: str
    kind: str
    data: bytes
    chunks: list[bytes] = field(default_factory=list)


def _start(name: str, data: bytes, kind: str, limit_s: float, limit_mb: int) -> _Running:
    r, w = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        try:
            _child(name, data, limit_s, limit_mb, w)
        finally:
            os._exit(1)
    os.close(w)
    os.set_blocking(r, False)
    return _Running(pid, r, start, name, kind, data)


def _drain(job: _Running) -> None:
    try:
        while chunk := os.read(job.fd, 65536):
            job.chunks.append(chunk)
    except BlockingIOError:
        pass


def _poll(job: _Running, limit_s: float, limit_mb: int) -> Outcome | None:
    """The outcome when the child has ended (killed past the deadline), else None."""
    _drain(job)
    done, status, usage = os.wait4(job.pid, os.WNOHANG)
    if not done:
        if time.monotonic() <= job.start + limit_s + 5:
            return None
        os.kill(job.pid, signal.SIGKILL)
        _, status, usage = os.wait4(job.pid, 0)
    _drain(job)
    os.close(job.fd)
    return _outcome(job.name, job.kind, job.chunks, status, usage, time.monotonic() - job.start, limit_mb)


def run_one(name: str, data: bytes, kind: str, limit_s: float = LIMIT_S, limit_mb: int = LIMIT_MB) -> Outcome:
    job = _start(name, data, kind, limit_s, limit_mb)
    while (outcome := _poll(job, limit_s, limit_mb)) is None:
        time.sleep(0.01)
    return outcome


def _outcome(name: str, kind: str, chunks: list[bytes], status: int, usage, seconds: float, limit_mb: int) -> Outcome:
    peak_mb = usage.ru_maxrss / 1024
    raw = b"".join(chunks)
    if raw:
        state, detail = json.loads(raw)
    elif os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGKILL):
        state, detail = "timeout", f"killed after {seconds:.1f} s"
    else:
        state, detail = "memory" if peak_mb > limit_mb * 0.9 else "crash", f"child died (status {status})"
    return Outcome(name, kind, state, detail, seconds, peak_mb)


def run(seed: int, n: int, limit_s: float = LIMIT_S, limit_mb: int = LIMIT_MB, keep: str | None = None,
        progress: bool = False, jobs: int = 1) -> Summary:
    """Run ``n`` generated files, ``jobs`` children at a time (each with its own limits)."""
    import luoshi.pipeline  # noqa: F401 - imported once here, shared by every forked child
    from bench.fuzz.generate import generate

    summary = Summary()
    files = generate(seed, n)
    running: list[_Running] = []
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < max(1, jobs):
            item = next(files, None)
            if item is None:
                exhausted = True
                break
            running.append(_start(item[0], item[1], item[2], limit_s, limit_mb))
        for job in list(running):
            outcome = _poll(job, limit_s, limit_mb)
            if outcome is None:
                continue
            running.remove(job)
            summary.outcomes.append(outcome)
            if keep and outcome.status in ("crash", "timeout", "memory"):
                os.makedirs(keep, exist_ok=True)
                with open(os.path.join(keep, job.name), "wb") as fh:
                    fh.write(job.data)
            if progress and summary.tried % 50 == 0:
                print(f"  {summary.tried}/{n}  crashed {summary.count('crash')}  over {len(summary.over())}",
                      file=sys.stderr, flush=True)
        time.sleep(0.005)
    summary.outcomes.sort(key=lambda o: o.name)
    return summary
