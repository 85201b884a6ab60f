"""The Dask engine: Dask's local scheduler on worker processes of this machine, or an
existing cluster.

Work goes to Dask as it goes to the process pool of ``-j N``, so that both give the
same outputs for the same cost:

- on one machine, Dask's own local scheduler (``dask.multiprocessing.get``) on the very
  pool of ``-j N``: N worker processes forked from this one, so that they start with
  debatekit imported, and end with it (:mod:`debatekit._workers`). No
  ``distributed.LocalCluster`` is started: its scheduler, nanny and worker processes
  each import Dask and debatekit again (two to three CPU seconds) and keep event loops
  awake that a one-machine job does not need;
- on a cluster (``--scheduler ADDRESS``, or a ``distributed.Client`` given to a corpus),
  the client's workers;
- one task per input file, or per batch of consecutive small files (about
  :data:`BATCH_BYTES` together), so that a folder of thousands of small files does not
  pay the scheduler's cost per task thousands of times; a session of a corpus is a task
  of its own, as with ``-j N``;
- workers read and write their own files (atomically) and send back only a small
  summary (an output path, an exit code and message), never a transcript.

Dask is imported only when this engine runs.
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from typing import Any, TypeVar

import attrs

from ._optional import import_optional
from ._workers import worker_pool
from .errors import EngineError

__all__ = [
    "BATCH_BYTES",
    "PRIVATE_PORT",
    "Local",
    "batches",
    "client",
    "engine",
    "file_size",
    "is_client",
    "local",
    "run",
]

T = TypeVar("T")
R = TypeVar("R")

#: Consecutive input files smaller than this go to a worker together, as one task.
BATCH_BYTES = 1_000_000
_PER_WORKER = 4  # at least this many tasks per worker where there are files enough
_CONNECT_TIMEOUT = "10s"
_PROBE_TIMEOUT = 10.0  # seconds
#: Where a test's or a user's ``LocalCluster`` serves HTTP (it always does, dashboard or
#: not): a free port of this machine only, not 8787, which a second cluster would find taken.
PRIVATE_PORT = "127.0.0.1:0"


@attrs.frozen
class Local:
    """Dask's local scheduler on a pool of ``workers`` processes of this machine."""

    pool: Executor
    workers: int


class _Ahead(Executor):
    """The pool as Dask's local scheduler sees it: twice as many workers as it has, so that
    the scheduler keeps a second task queued for each worker (as ``-j N``'s ``map`` does)
    and a worker never waits for this process to hand it the next one (on a busy machine,
    tens of milliseconds per task)."""

    def __init__(self, where: Local) -> None:
        self.submit = where.pool.submit  # type: ignore[method-assign]
        self._max_workers = 2 * where.workers


def is_client(engine: object) -> bool:
    """Whether ``engine`` is a ``distributed.Client`` (without importing distributed)."""
    return hasattr(engine, "gather") and hasattr(engine, "submit") and hasattr(engine, "map")


@contextlib.contextmanager
def engine(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """Where :func:`run` sends tasks: the cluster of the scheduler at ``scheduler``
    (:func:`client`), or by default Dask's local scheduler on ``workers`` processes
    (:func:`local`); closed on leaving.

    Raises:
        ModuleNotFoundError: Dask is not installed (it names the extra ``dask``).
        EngineError: The scheduler cannot be reached.
    """
    with local(workers) if scheduler is None else client(scheduler) as where:
        yield where


@contextlib.contextmanager
def local(workers: int | None = None) -> Iterator[Local]:
    """Dask's local scheduler on a pool of ``workers`` worker processes (default: one per
    core), the pool of ``-j N``, shut down on leaving.

    Raises:
        ModuleNotFoundError: Dask is not installed (it names the extra ``dask``).
    """
    import_optional("dask.multiprocessing", "dask")  # before the workers fork: they have it
    count = workers or os.cpu_count() or 1
    with worker_pool(count) as pool:
        pool.submit(int)  # forks the workers here, before the scheduler's thread starts
        yield Local(pool, count)


@contextlib.contextmanager
def client(scheduler: str) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``scheduler`` (``tcp://host:8786``),
    closed on leaving.

    Raises:
        ModuleNotFoundError: Dask is not installed (it names the extra ``dask``).
        EngineError: The scheduler cannot be reached.
    """
    distributed = import_optional("distributed", "dask")
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


@attrs.frozen
class _Call:
    """A task of a Dask graph: ``function(argument)``. Dask sees one callable without
    arguments, so it never looks into the argument for keys or nested tasks."""

    function: Callable[[Any], Any]
    argument: Any

    def __call__(self) -> Any:
        return self.function(self.argument)


def run(
    where: Any, task: Callable[[T], R], items: Sequence[T], sizes: Sequence[int]
) -> Iterator[R]:
    """``task`` on every item, on ``where`` (a :class:`Local` or a ``distributed.Client``),
    batched by ``sizes`` (the bytes each item reads); the results in the order of
    ``items``, each as soon as it and those before it are done. An exception in a task is
    raised here."""
    if isinstance(where, Local):
        groups = [list(items[r.start : r.stop]) for r in batches(sizes, where.workers)]
        done = _on_local(where, _Batch(task), groups)
    else:
        workers = max(1, sum(where.nthreads().values()))
        groups = [list(items[r.start : r.stop]) for r in batches(sizes, workers)]
        done = _on_cluster(where, _Batch(task), groups)
    for results in done:
        yield from results


def _on_cluster(dask_client: Any, task: Callable[[T], R], items: list[T]) -> Iterator[R]:
    futures = dask_client.map(task, items, pure=False)
    try:
        for future in futures:
            yield future.result()
    except BaseException:  # a task failed, or the caller stopped: drop the rest
        dask_client.cancel(futures)
        raise


def _graph(task: Callable[[T], R], items: list[T]) -> tuple[dict[str, Any], dict[str, int]]:
    """A Dask graph of one task per item, and each key's item index. Dask runs tasks that
    are ready together in its own static order (:func:`dask.order.order`: for tasks that
    do not depend on each other, by their keys, backwards today): the items are handed to
    the keys in that order, so that the first item runs first, and the results come in
    order, as with ``-j N``."""
    from dask.order import order

    keys = [f"debatekit-{i:09d}" for i in range(len(items))]  # the graph is this call's own
    rank = order(dict.fromkeys(keys, (_Call(task, None),)))
    keys.sort(key=rank.__getitem__)
    graph = {key: (_Call(task, item),) for key, item in zip(keys, items, strict=True)}
    return graph, {key: i for i, key in enumerate(keys)}


def _on_local(where: Local, task: Callable[[T], R], items: list[T]) -> Iterator[R]:
    """``task`` on each item, by ``dask.multiprocessing.get`` on the pool of ``where``: in
    a thread of this process, that hands each result over as it comes (a progress bar
    moves); the results in order. Stopping early starts no more tasks; the thread ends
    when those running do (the pool's owner waits for them)."""
    from dask.multiprocessing import get

    graph, position = _graph(task, items)
    done: queue.Queue[tuple[int, Any]] = queue.Queue()

    def posttask(key: str, result: Any, *_: Any) -> None:
        done.put((position[key], result))

    def compute() -> None:
        try:  # tasks sent one by one (chunksize 1), as with -j N
            get(
                graph,
                list(graph),
                pool=_Ahead(where),
                chunksize=1,
                optimize_graph=False,
                callbacks=[(None, None, None, posttask, None)],
            )
        except BaseException as exc:  # handed to the caller, raised there
            done.put((-1, exc))

    thread = threading.Thread(target=compute, name="dask-local", daemon=True)
    thread.start()
    waiting: dict[int, Any] = {}
    try:
        for index in range(len(items)):
            while index not in waiting:
                key, value = done.get()
                if key < 0:
                    raise value
                waiting[key] = value
            yield waiting.pop(index)
    finally:  # stopped early: start nothing more (those running end with the pool)
        if thread.is_alive():
            where.pool.shutdown(wait=False, cancel_futures=True)


def file_size(path: str | os.PathLike[str] | None) -> int:
    """The size of an input file for batching (0 where it cannot be known)."""
    if path is None:
        return 0
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
