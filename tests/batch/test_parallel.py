"""Serial, local Dask and a real Dask cluster (a scheduler and two workers started as
separate processes on 127.0.0.1) give identical tables."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import luoshi
from luoshi.batch import run_batch
from luoshi.errors import LuoshiError
from tests.batch.helpers import tables

DASK = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")


def _run(corpus: Path, out: Path, **kw):
    return run_batch([str(corpus)], out, text_field="body", id_field="doc", progress=False, link="consecutive", **kw)


def _worker_env() -> dict[str, str]:
    """The workers run in a scratch folder: they must import the luoshi this test imports, so its checkout leads
    PYTHONPATH and relative entries (PYTHONPATH=. from a checkout) are made absolute."""
    entries = [str(Path(luoshi.__file__).resolve().parents[1])]
    entries += [str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(dict.fromkeys(entries))}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"dask scheduler did not listen on {port} within {timeout} s")


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in reversed(procs):
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in reversed(procs):
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=5)


def test_local_cluster_matches_serial(corpus: Path, tmp_path: Path) -> None:
    _run(corpus, tmp_path / "serial")
    summary = _run(corpus, tmp_path / "local", workers=2)
    assert summary.executor.startswith("local Dask cluster")
    assert len(summary.peak_rss_mb) == 2  # both worker processes did work
    assert tables(tmp_path / "local") == tables(tmp_path / "serial")
    again = _run(corpus, tmp_path / "local", workers=2)
    assert (again.executor, again.extracted, again.skipped) == ("nothing to do", 0, 12)  # no cluster started


@pytest.mark.skipif(DASK is None, reason="the dask command is not installed")
def test_real_cluster_matches_serial(corpus: Path, tmp_path: Path) -> None:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(tmp_path / "dask.log", "wb")
    common = dict(stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path, env=_worker_env())
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0", "--no-show"], **common)]
    try:
        _wait_port(port, procs[0], 60)
        for i in range(2):
            procs.append(subprocess.Popen([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                           "--no-dashboard", "--name", f"w{i}", "--local-directory",
                                           str(tmp_path / f"w{i}")], **common))
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=90)
        _run(corpus, tmp_path / "serial")
        summary = _run(corpus, tmp_path / "cluster", scheduler=address)
        assert summary.executor == f"Dask cluster {address}"
        assert tables(tmp_path / "cluster") == tables(tmp_path / "serial")
    finally:
        _stop(procs)
        log.close()


def test_unreachable_scheduler_is_one_error(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(LuoshiError) as exc:
        _run(corpus, tmp_path / "out", scheduler=f"tcp://127.0.0.1:{_free_port()}")
    assert exc.value.code == "E045"


def test_worker_that_cannot_see_out_sends_parquet_files(corpus: Path, tmp_path: Path) -> None:
    """A worker on a machine without OUT (no probe file there) returns the chunk as Parquet
    bytes; written by the driver they give the serial tables."""
    from luoshi.batch import sources
    from luoshi.batch.store import OutDir
    from luoshi.batch.work import extract_chunk

    _run(corpus, tmp_path / "serial")
    store = OutDir(tmp_path / "remote")
    items = list(sources.iter_items(sources.plan([str(corpus)]), "body", "doc"))
    result = extract_chunk(items, store.reserve(), str(store.root), ".probe-absent")
    assert result.files is not None and result.reports == len(items)
    assert not list((store.root / "reports").glob("*.parquet"))  # the worker wrote nothing itself
    store.write_chunk_bytes(result.chunk, result.files)
    serial = tables(tmp_path / "serial")
    got = tables(store.root)
    for name in ("reports", "sections", "indicators", "commitments", "errors"):
        assert got[name] == serial[name], name


def _sum_unless_three(xs: list[int]) -> int:
    if 3 in xs and len(xs) > 1:
        raise ValueError("a chunk holding 3")
    return -3 if xs == [3] else sum(xs)


def test_a_failed_chunk_is_run_again_item_by_item() -> None:
    from luoshi.batch.executors import Retry, executor

    def crashed(xs: list[int], exc: BaseException):
        return Retry([x] for x in xs)

    with executor(2) as ex:
        got = list(ex.map(_sum_unless_three, [[1, 2], [3, 4, 5], [6]], crashed, window=2))
    assert sorted(got) == [-3, 3, 4, 5, 6]
