"""The Dask engine: a local cluster of worker processes, or an existing cluster.

Work goes to Dask as it goes to the process pool of ``-j N``, so that both give the
same outputs for the same cost:

- on one machine, a ``distributed.LocalCluster`` of N worker *processes* with one
  thread each (threads would share one interpreter lock: converting is pure Python);
- one task per input file, or per batch of consecutive small files (about
  :data:`BATCH_BYTES` together), so that a folder of thousands of small files does not
  pay the scheduler's cost per task (milliseconds) thousands of times;
- workers read and write their own files (atomically) and send back only a small
  summary (an output path, an exit code and message), never a transcript.

Starting a local cluster costs one to three seconds (every worker imports Dask and
debatekit); it is paid once per command, or once per export in the API.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from ._optional import import_optional
from .errors import EngineError

__all__ = [
    "BATCH_BYTES",
    "PRIVATE_PORT",
    "QUIET",
    "batches",
    "client",
    "file_size",
    "is_client",
    "run",
]

T = TypeVar("T")
R = TypeVar("R")

#: Consecutive input files smaller than this go to a worker together, as one task.
BATCH_BYTES = 1_000_000
_PER_WORKER = 4  # at least this many tasks per worker where there are files enough
_CONNECT_TIMEOUT = "10s"
_PROBE_TIMEOUT = 10.0  # seconds
#: Where a local cluster's scheduler serves HTTP (it always does, dashboard or not): a
#: free port of this machine only, not 8787, which a second cluster would find taken.
PRIVATE_PORT = "127.0.0.1:0"
#: Dask settings of a local cluster: what only a dashboard would show is not measured.
#: By default each worker samples the stack of its running task every 10 ms (for the
#: dashboard's profile), and every process wakes its event loop every 20 ms to check
#: that it is not blocked: CPU time taken from the conversion, and a lock (the GIL)
#: taken from the task's thread 50 to 100 times a second.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def is_client(engine: object) -> bool:
    """Whether ``engine`` is a ``distributed.Client`` (without importing distributed)."""
    return hasattr(engine, "gather") and hasattr(engine, "submit") and hasattr(engine, "map")


@contextlib.contextmanager
def client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at ``scheduler`` (``tcp://host:8786``),
    or of a new local cluster of ``workers`` single-threaded worker processes (default:
    one per core), closed on leaving.

    Raises:
        ModuleNotFoundError: Dask is not installed (it names the extra ``dask``).
        EngineError: The scheduler cannot be reached.
    """
    dask = import_optional("dask", "dask")
    distributed = import_optional("distributed", "dask")
    if scheduler is None:
        with dask.config.set(QUIET):  # read by the scheduler here, sent to each worker
            cluster = distributed.LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=PRIVATE_PORT,
                silence_logs=logging.CRITICAL,  # a failed task is reported by its future
            )
            with cluster, distributed.Client(cluster, set_as_default=False) as local:
                yield local
        return
    _probe(scheduler)
    try:
        remote = distributed.Client(scheduler, timeout=_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise EngineError(f"{scheduler}: cannot reach the Dask scheduler: {exc}") from None
    with remote:
        yield remote


def _probe(scheduler: str) -> None:
    """Refuse an address that is not one, or where nothing listens, at once and in one
    line (a ``distributed.Client`` would retry for its whole timeout, then complain
    again when it is collected)."""
    from distributed.comm.addressing import get_address_host_port, parse_address

    try:
        scheme, _ = parse_address(scheduler)
        host, port = get_address_host_port(scheduler)
    except (ValueError, TypeError) as exc:
        raise EngineError(f"{scheduler}: not a Dask scheduler address: {exc}") from None
    if scheme != "tcp":
        return  # tls, ws, ...: the client's own connection says
    try:
        socket.create_connection((host, port), timeout=_PROBE_TIMEOUT).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise EngineError(f"{scheduler}: cannot reach the Dask scheduler: {reason}") from None


def batches(sizes: Sequence[int], workers: int) -> list[range]:
    """The indices of consecutive files grouped into tasks: files of about
    :data:`BATCH_BYTES` together (a larger file alone), smaller batches where that would
    leave fewer than four tasks per worker."""
    if not sizes:
        return []
    limit = min(BATCH_BYTES, sum(sizes) // (_PER_WORKER * max(1, workers)))
    groups: list[range] = []
    start, total = 0, 0
    for index, size in enumerate(sizes):
        if index > start and total + size > limit:
            groups.append(range(start, index))
            start, total = index, 0
        total += size
    groups.append(range(start, len(sizes)))
    return groups


@attrs.frozen
class _Batch:
    """Run one task on each item of a batch (on a worker), in order."""

    task: Callable[[Any], Any]

    def __call__(self, items: list[Any]) -> list[Any]:
        return [self.task(item) for item in items]


def run(
    dask_client: Any, task: Callable[[T], R], items: Sequence[T], sizes: Sequence[int]
) -> Iterator[R]:
    """``task`` on every item on the cluster behind ``dask_client``, batched by ``sizes``
    (the bytes each item reads); the results in the order of ``items``, each as soon as it
    and those before it are done. An exception in a task is raised here."""
    workers = max(1, sum(dask_client.nthreads().values()))
    groups = [list(items[r.start : r.stop]) for r in batches(sizes, workers)]
    futures = dask_client.map(_Batch(task), groups, pure=False)
    try:
        for future in futures:
            yield from future.result()
    except BaseException:  # a task failed, or the caller stopped: drop the rest
        dask_client.cancel(futures)
        raise


def file_size(path: str | os.PathLike[str] | None) -> int:
    """The size of an input file for batching (0 where it cannot be known)."""
    if path is None:
        return 0
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
