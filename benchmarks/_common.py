"""Shared pieces of the benchmarks: figures, timing, the machine description.

Timings on shared machines are noisy, so every figure is a ratio against a baseline
measured in the same process, right before or after, best of several runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass

import debatekit


@dataclass(frozen=True)
class Figure:
    """One benchmark result: ``value`` compared with ``target`` (``lower`` is better or not)."""

    name: str
    value: float
    target: float
    unit: str = "x"
    lower_is_better: bool = True
    detail: str = ""
    #: Why nothing was measured (a peer is not installed); empty for a real figure.
    missing: str = ""

    @classmethod
    def absent(cls, name: str, why: str) -> Figure:
        """A figure that could not be measured here: its line says why, with no value."""
        return cls(name=name, value=float("nan"), target=float("nan"), missing=why)

    @property
    def ok(self) -> bool:
        if self.missing:
            return True
        return self.value <= self.target if self.lower_is_better else self.value >= self.target

    def line(self) -> str:
        if self.missing:
            return f"{self.name:<48} {'-':>10}  {self.missing}"
        sign = "<=" if self.lower_is_better else ">="
        value = (
            f"{self.value:.2f}{self.unit}" if self.unit == "x" else f"{self.value:.1f} {self.unit}"
        )
        target = (
            f"{self.target:.3g}{self.unit}" if self.unit == "x" else f"{self.target:g} {self.unit}"
        )
        verdict = "ok" if self.ok else "MISS"
        detail = f"  ({self.detail})" if self.detail else ""
        return f"{self.name:<48} {value:>10}  target {sign} {target:<8} {verdict}{detail}"


def best(run: Callable[[], object], repeat: int = 3) -> float:
    """The shortest of ``repeat`` timings of ``run``: CPU seconds of this process.

    CPU time, not wall-clock time, so that other processes on a shared machine
    disturb the figure as little as possible (single-process work only).
    """
    times = []
    # Objects made during set-up (the input, often millions of them) are moved out of
    # the collector's way, so that its passes cost the same for both sides of a ratio.
    gc.collect()
    gc.freeze()
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    gc.unfreeze()
    return min(times)


def machine() -> str:
    """One line describing this machine and the software measured."""
    try:
        import orjson  # noqa: F401

        backend = "orjson"
    except ImportError:
        backend = "json"
    return (
        f"{platform.machine()} {platform.processor() or ''}".strip()
        + f", {os.cpu_count()} cores, {platform.python_implementation()} "
        + f"{platform.python_version()}, debatekit {debatekit.__version__}, "
        + f"JSON encoder {backend}, {platform.system()} {platform.release()}"
        + _load()
    )


def _load() -> str:
    """The load average, so that a figure measured on a busy machine is read as such."""
    try:
        one, five, _ = os.getloadavg()
    except (AttributeError, OSError):  # not on Windows
        return ""
    cores = os.cpu_count() or 1
    busy = " (BUSY: figures will be low)" if one > 0.5 * cores else ""
    return f", load average {one:.2f}/{five:.2f}{busy}"


def main(doc: str, figures: Callable[[bool], list[Figure]], quick: str) -> None:
    """The command line of one benchmark module: ``--quick`` for smaller inputs."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=quick)
    args = parser.parse_args()
    for figure in figures(args.quick):
        print(figure.line())
