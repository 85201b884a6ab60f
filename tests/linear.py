"""One harness for "this reader is linear in its input" tests (tests/test_linear.py).

``assert_linear(make, run)`` builds an adversarial input of size ``n`` and of size
``2n``, runs the reader on each (best of three, CPU time of this process, so other
processes on the machine do not count) and checks that twice the input costs less than
3.5 times the work: a ratio measured in one run, not a wall-clock limit. A quadratic
reader costs about 4 times, a linear one about 2.

``n`` starts at the given size and doubles until one run takes at least
``MIN_SECONDS`` of CPU time, so that timer resolution and start-up noise do not
decide the ratio; ``MAX_N`` bounds it.
"""

from __future__ import annotations

import contextlib
import gc
import time
import warnings
from collections.abc import Callable
from typing import TypeVar

from debatekit import DebatekitError, ParseWarning

T = TypeVar("T")

RATIO = 3.5
MIN_SECONDS = 0.02
MAX_N = 1 << 18
REPEAT = 3


def cost(run: Callable[[T], object], data: T, repeat: int = REPEAT) -> float:
    """The least CPU time of ``repeat`` runs of ``run(data)``; a DebatekitError (the
    input is refused) is a result like any other."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        # The collector's passes grow with everything alive, not with the reader's
        # work: paused, they cannot make a linear reader look quadratic.
        gc.disable()
        try:
            start = time.process_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ParseWarning)
                with contextlib.suppress(DebatekitError):
                    run(data)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def ratio(make: Callable[[int], T], run: Callable[[T], object], n: int) -> tuple[float, int]:
    """The cost of size ``2n`` over the cost of size ``n`` (``n`` grown as above); 1.0
    where even ``MAX_N`` costs next to nothing (the work does not grow with the input)."""
    while cost(run, make(n), repeat=1) < MIN_SECONDS:
        if n >= MAX_N:
            return 1.0, n
        n *= 2
    small, large = make(n), make(2 * n)
    return cost(run, large) / max(cost(run, small), 1e-9), n


def assert_linear(make: Callable[[int], T], run: Callable[[T], object], n: int = 1000) -> None:
    """Fail if twice the input costs ``RATIO`` times the work or more (retried once,
    as a busy machine can slow one measurement down)."""
    found, size = ratio(make, run, n)
    if found >= RATIO:
        found, size = ratio(make, run, size)
    assert found < RATIO, f"2x input ({size} -> {2 * size}) cost {found:.2f}x the work"
