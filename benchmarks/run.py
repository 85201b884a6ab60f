"""Run every benchmark and print one line per figure.

    python benchmarks/run.py            # full sizes (several minutes)
    python benchmarks/run.py --quick    # smaller inputs, the same ratios

First line: the machine. Then each figure: its name, the ratio (or measure) against a
baseline run in the same process, the target, and ``ok`` or ``MISS``. The exit code
is 0 even when a figure misses its target: timings on shared machines are noisy, so
read the figures, don't gate on them. Results and how to read them: docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import Figure, machine

#: The benchmark modules, in the order their figures are printed.
MODULES = [
    "tei_read",
    "conllu_write",
    "ana_read",
    "text_parse",
    "json_roundtrip",
    "linearity",
    "corpus_speedup",
    "peers",
    "align",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, same ratios")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only these modules")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    figures: list[Figure] = []
    for name in args.only or MODULES:
        module = importlib.import_module(name)
        for figure in module.figures(args.quick):
            figures.append(figure)
            print(figure.line(), flush=True)
    measured = [f for f in figures if not f.missing]
    missed = [f.name for f in measured if not f.ok]
    print(f"{len(measured) - len(missed)} of {len(measured)} figures on target", end="")
    print(
        f" ({len(figures) - len(measured)} not measured here)"
        if len(measured) < len(figures)
        else ""
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
