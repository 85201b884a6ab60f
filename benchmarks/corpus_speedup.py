"""Corpus conversion speed-up from one to two worker processes.

Run from the repository root::

    python benchmarks/corpus_speedup.py            # a >= 500 MB synthetic corpus
    python benchmarks/corpus_speedup.py --quick    # about 50 MB

It writes a synthetic corpus of debatekit JSON files into a temporary folder, converts
it to JSON with one process (``engine=None``) and with two worker processes
(``engine="processes", workers=2``), and prints the speed-up. Target: >= 1.6x on two
free cores. The temporary folder is removed afterwards.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from _common import Figure, main

import debatekit
from debatekit import Speaker, Transcript, Turn, corpus

TARGET = 1.6


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


def measure(megabytes: int) -> Figure:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "in"
        source.mkdir()
        total = write_corpus(source, megabytes)
        c = corpus.open(source)
        start = time.perf_counter()
        c.convert(root / "one", to="json")
        one = time.perf_counter() - start
        start = time.perf_counter()
        c.with_engine("processes", workers=2).convert(root / "two", to="json")
        two = time.perf_counter() - start
    return Figure(
        name=f"corpus conversion speed-up, 1 -> 2 workers ({total / 1e6:.0f} MB)",
        value=one / two,
        target=TARGET,
        lower_is_better=False,
        detail=f"1 worker {one:.1f}s, 2 workers {two:.1f}s",
    )


def figures(quick: bool) -> list[Figure]:
    return [measure(50 if quick else 500)]


if __name__ == "__main__":
    main(__doc__, figures, quick="about 50 MB instead of 500 MB")
