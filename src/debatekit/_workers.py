"""Worker processes that end with their parent.

A ``ProcessPoolExecutor``'s workers outlive a parent killed with ``SIGKILL``: they finish
their queue and write outputs nobody asked for any more. Workers made here end within
about a second when the parent dies, and write nothing after (an unfinished output is
never seen, :mod:`debatekit._atomic` makes sure of it):

- on Linux, the kernel kills them (``prctl(PR_SET_PDEATHSIG, SIGKILL)``, set in the
  worker as it starts; the parent of a worker is the process that started it, or
  the fork server, which itself ends with the parent);
- everywhere, a watcher thread in each worker checks the parent every half second
  (on Windows it waits on the parent's process handle) and ends the worker with
  ``os._exit`` when it is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

from ._atomic import libc, running

__all__ = ["worker_pool"]

_PR_SET_PDEATHSIG = 1
_POLL = 0.5  # seconds between two looks at the parent
_GONE = 1  # the exit code of a worker whose parent died


def worker_pool(workers: int | None) -> ProcessPoolExecutor:
    """A process pool whose workers end soon after this process does."""
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),)
    )


def _start_worker(parent: int) -> None:
    _die_with_parent()
    direct = os.getppid()  # the parent, or the fork server that started this worker
    if not _alive(parent, direct):  # it died before the line above took effect
        os._exit(_GONE)
    watch = threading.Thread(target=_watch, args=(parent, direct), name="parent-watch")
    watch.daemon = True
    watch.start()


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (elsewhere: nothing)."""
    if not sys.platform.startswith("linux"):
        return
    c = libc()
    if c is not None:
        with contextlib.suppress(AttributeError):
            c.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def _watch(parent: int, direct: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - tested on Windows only
        if _wait_windows(parent):
            os._exit(_GONE)
        return
    stop = threading.Event()
    while _alive(parent, direct):
        stop.wait(_POLL)
    os._exit(_GONE)


def _alive(pid: int, direct: int) -> bool:
    """Whether the parent still runs. A parent killed but not yet reaped (a zombie)
    still answers a signal: that this process was handed to another parent tells."""
    if sys.platform == "win32":  # pragma: no cover - os.kill would end the process
        return True  # the watcher thread waits on the process handle instead
    return os.getppid() == direct and running(pid)


if sys.platform == "win32":  # pragma: no cover - Windows only

    def _wait_windows(pid: int) -> bool:
        """Wait until process ``pid`` ends; False at once if it cannot be watched."""
        synchronize, infinite = 0x00100000, 0xFFFFFFFF
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return False
        kernel32.WaitForSingleObject(handle, infinite)
        return True
