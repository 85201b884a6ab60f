"""Corpus conversion on one machine: one process, two worker processes, and Dask.

Run from the repository root::

    python benchmarks/corpus_speedup.py              # a >= 500 MB synthetic corpus
    python benchmarks/corpus_speedup.py --quick      # about 50 MB
    python benchmarks/corpus_speedup.py --megabytes 1600 --repeat 5

It writes a synthetic corpus of debatekit JSON files into a temporary folder and converts
it to JSON with the command line, as a user would, one whole process per run:
``debatekit convert IN -o OUT --to json`` with ``-j 1``, ``-j 2`` and ``-j 2 --engine
dask`` (Dask's local scheduler on two worker processes, started and closed by the
command). Each run's wall time and CPU time (user + system, of the command and every
process it started: ``getrusage(RUSAGE_CHILDREN)``, with this process made the "subreaper"
of orphans on Linux so that none escapes) are taken; the three are run in turn, ``repeat``
rounds, and each figure is the median. Dask's start-up (importing debatekit and Dask,
starting and closing the engine with two empty tasks) is measured on its own and printed
too.

Targets (issue 15): ``-j 2`` at least 1.8x as fast as ``-j 1``; Dask's wall time within
1.10x of ``-j 2``'s and its CPU time at most 1.05x. The load average at the start and end
of the measurements is printed with every figure: on a busy machine (load above half the
cores) the parallel figures are low, and say so.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _common import Figure, machine

import debatekit
from debatekit import Speaker, Transcript, Turn

SPEEDUP = 1.8  # -j 2 against -j 1, at least
DASK_WALL = 1.10  # Dask's wall time against -j 2's, at most
DASK_CPU = 1.05  # Dask's CPU time against -j 2's, at most
RUNS = {
    "-j 1": ["-j", "1"],
    "-j 2": ["-j", "2"],
    "dask": ["-j", "2", "--engine", "dask"],
}
_PR_SET_CHILD_SUBREAPER = 36


def write_corpus(folder: Path, megabytes: int) -> int:
    """Write copies of one synthetic sitting until ``megabytes`` are on disk; return bytes."""
    speakers = [
        Speaker(id=f"s{i}", name=f"Member {i}", affiliation=f"Party {i % 5}") for i in range(40)
    ]
    body = [
        Turn(
            id=f"u{i}",
            speaker_id=f"s{i % 40}",
            label=f"Member {i % 40}",
            paragraphs=[
                f"Madam Speaker, on item {i} the government's figures do not add up.",
                "I ask the minister to explain the difference to this House.",
            ],
        )
        for i in range(20_000)
    ]
    template = folder / "sitting-0000.json"
    debatekit.write(Transcript(speakers=speakers, body=body), template)
    size = template.stat().st_size
    count = max(2, -(-megabytes * 1_000_000 // size))
    for n in range(1, count):
        shutil.copyfile(template, folder / f"sitting-{n:04d}.json")
    return size * count


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _reap_orphans() -> None:
    """Wait for processes the command left behind (reparented here as its subreaper), so
    that their CPU time is counted too. This process starts no other children."""
    with contextlib.suppress(ChildProcessError):
        while True:
            os.waitpid(-1, 0)


def _become_subreaper() -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def run_once(options: list[str], source: Path, out: Path) -> tuple[float, float]:
    """One whole ``debatekit convert`` process: its wall and CPU seconds."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "debatekit", "convert", str(source), "-o", str(out)]
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run([*command, "--to", "json", *options], check=True)
    _reap_orphans()
    return time.perf_counter() - start, _children_cpu() - cpu


def dask_start_up() -> tuple[float, float]:
    """Importing debatekit and Dask, and starting and closing the engine's two workers
    with two empty tasks, in a process of its own: wall and CPU seconds."""
    code = (
        "from debatekit import _dask, cli\n"
        "if __name__ == '__main__':\n"
        "    with _dask.engine(2) as where:\n"
        "        list(_dask.run(where, int, [0, 0], [0, 0]))\n"
    )
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    _reap_orphans()
    return time.perf_counter() - start, _children_cpu() - cpu


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
    except (AttributeError, OSError):  # pragma: no cover - not on Windows
        return "load average unknown"
    busy = " BUSY" if one > 0.5 * (os.cpu_count() or 1) else ""
    return f"load {one:.2f}/{five:.2f}{busy}"


@contextlib.contextmanager
def corpus_folder(megabytes: int) -> Iterator[tuple[Path, int]]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "in")
        source.mkdir()
        yield source, write_corpus(source, megabytes)


def measure(megabytes: int, repeat: int) -> list[Figure]:
    _become_subreaper()
    with corpus_folder(megabytes) as (source, total):
        before = load()
        walls: dict[str, list[float]] = {name: [] for name in RUNS}
        cpus: dict[str, list[float]] = {name: [] for name in RUNS}
        for _ in range(repeat):
            for name, options in RUNS.items():
                wall, cpu = run_once(options, source, source.parent / "out")
                walls[name].append(wall)
                cpus[name].append(cpu)
        start_wall, start_cpu = dask_start_up()
        after = load()
    wall = {name: statistics.median(times) for name, times in walls.items()}
    cpu = {name: statistics.median(times) for name, times in cpus.items()}
    loads = f"{before} -> {after}"
    size = f"{total / 1e6:.0f} MB, median of {repeat}"
    times = ", ".join(f"{n} {wall[n]:.1f}s wall {cpu[n]:.1f}s CPU" for n in RUNS)
    return [
        Figure(
            name=f"corpus -j 2 speed-up over -j 1 ({size})",
            value=wall["-j 1"] / wall["-j 2"],
            target=SPEEDUP,
            lower_is_better=False,
            detail=f"{times}; {loads}",
        ),
        Figure(
            name="corpus Dask wall time / -j 2's",
            value=wall["dask"] / wall["-j 2"],
            target=DASK_WALL,
            detail=f"Dask start-up alone {start_wall:.1f}s wall {start_cpu:.1f}s CPU; {loads}",
        ),
        Figure(
            name="corpus Dask CPU time / -j 2's",
            value=cpu["dask"] / cpu["-j 2"],
            target=DASK_CPU,
            detail=f"-j 1 CPU {cpu['-j 1']:.1f}s; {loads}",
        ),
    ]


def figures(quick: bool) -> list[Figure]:
    return measure(50 if quick else 500, 1 if quick else 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about 50 MB, one round")
    parser.add_argument("--megabytes", type=int, help="corpus size (default 500)")
    parser.add_argument("--repeat", type=int, help="rounds of the three runs (default 3)")
    args = parser.parse_args()
    megabytes = args.megabytes or (50 if args.quick else 500)
    repeat = args.repeat or (1 if args.quick else 3)
    print(f"machine: {machine()}")
    for figure in measure(megabytes, repeat):
        print(figure.line())


if __name__ == "__main__":
    main()
