"""Where the work runs: in this process, on a local Dask cluster of worker processes,
or on an existing Dask cluster (``tcp://HOST:PORT``).

Each executor maps a function over a stream of inputs and yields results as they
finish, with at most a small window of tasks in flight, so memory stays flat however
long the stream is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from luoshi.errors import LuoshiError

T = TypeVar("T")
R = TypeVar("R")


# Dask's housekeeping, at its defaults, took 8% of a core per two idle workers (the statistical
# profiler samples each worker 100 times a second; memory and system monitors poll every 0.1 and
# 0.5 s), CPU that grows with wall time, so most on a busy machine. Quieter settings for the
# local cluster; a remote cluster's workers take theirs from their own environment (README).
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "200ms",
}


class Retry(list):
    """Returned by an ``on_crash`` callback instead of a result: inputs to run in place of
    the one that failed (a chunk of reports split into single reports, say)."""


class SerialExecutor:
    workers = 1
    description = "serial (this process)"

    def map(self, fn: Callable[[T], R], items: Iterable[T], on_crash: Callable[[T, BaseException], R]) -> Iterator[R]:
        for item in items:
            yield fn(item)


class DaskExecutor:
    """``client`` is a connected ``distributed.Client``."""

    def __init__(self, client: Any, description: str) -> None:
        self.client = client
        self.description = description
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))

    def map(self, fn: Callable[..., R], items: Iterable[T], on_crash: Callable[[T, BaseException], R | Retry],
            window: int | None = None, star: bool = False) -> Iterator[R]:
        """``star``: each item is a tuple of ``fn``'s arguments. ``window``: tasks in flight."""
        from distributed import as_completed

        window = window or 3 * self.workers + 2
        it = iter(items)
        again: list[T] = []  # from on_crash: run before the rest of the stream
        pending: dict[str, T] = {}
        done = as_completed()

        def submit() -> bool:
            item = again.pop(0) if again else next(it, None)
            if item is None:
                return False
            fut = self.client.submit(fn, *(item if star else (item,)), pure=False)
            pending[fut.key] = item
            done.add(fut)
            return True

        for _ in range(window):
            if not submit():
                break
        for fut in done:
            item = pending.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:  # a worker died or the task could not run: one error row
                result = on_crash(item, exc)
            fut.release()
            if isinstance(result, Retry):
                again.extend(result)
                while len(pending) < window and submit():
                    pass
                continue
            yield result
            submit()


def _probe(scheduler: str) -> None:
    """Fail in a second, not after Dask's retries, when nothing listens at the address."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
    if parts.hostname is None or parts.port is None:
        raise LuoshiError("E045", f"not a scheduler address: {scheduler}", "give it as tcp://HOST:PORT")
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=5):
            pass
    except OSError as exc:
        raise LuoshiError("E045", f"cannot reach the Dask scheduler at {scheduler} ({exc.strerror or exc})",
                          "start it with `dask scheduler` and check host and port") from None


@contextmanager
def executor(workers: int = 0, scheduler: str | None = None) -> Iterator[SerialExecutor | DaskExecutor]:
    """``workers`` 0 or 1 and no scheduler: serial. Otherwise Dask."""
    if scheduler is None and workers <= 1:
        yield SerialExecutor()
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a core dependency
        raise LuoshiError("E045", "Dask is not installed", "pip install 'dask[distributed]'") from None
    if scheduler is not None:
        _probe(scheduler)
        try:
            client = Client(scheduler, timeout=20)
        except (OSError, TimeoutError) as exc:
            raise LuoshiError("E045", f"cannot reach the Dask scheduler at {scheduler} ({exc})",
                              "start it with `dask scheduler` and check host and port") from None
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            client.close()
            raise LuoshiError("E045", f"the Dask scheduler at {scheduler} has no workers",
                              "start workers with `dask worker tcp://HOST:PORT`") from None
        try:
            yield DaskExecutor(client, f"Dask cluster {scheduler}")
        finally:
            client.close()
        return
    import dask

    with dask.config.set(QUIET_CLUSTER):  # the nannies hand it to the worker processes they start
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield DaskExecutor(client, f"local Dask cluster, {workers} worker processes")
    finally:
        client.close()
        cluster.close()
