"""Parse throughput of debatekit.text on a large synthetic transcript.

Run from the repository root::

    python benchmarks/text_parse.py            # about 20 MB
    python benchmarks/text_parse.py --mb 50    # a larger one

It builds a transcript of at least the requested size (labels in several conventions,
hard-wrapped and long paragraphs, stage directions on their own lines and inline,
sentences holding colons), then times in the same process:

* the baseline: a bare ``re`` scan of the same text for speaker labels at line
  starts (``re.finditer`` over the whole text, counting matches),
* ``debatekit.text.loads`` on the same text (sniffing included), and
* ``debatekit.text.dumps`` of the transcript read (#15: it renders once; its
  correctness is the round-trip tests' to prove, not a re-read at run time).

Runs alternate between the three, with the garbage collector off while timing (as
:mod:`timeit` does), and the best of ``--runs`` is kept for each. It prints the
times, the throughput, and the ratios parse / baseline (target: <= 3x) and
dumps / loads (target: <= 1x), with the load average (a busy machine slows the
Python work more than the bare scan, so a high load raises the first ratio).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import time
import warnings

from _common import Figure

from debatekit import ParseWarning, text

SPEAKERS = [
    "Christopher S. Chivvis",
    "Vanda Felbab-Brown",
    "Shannon O’Neil",
    "Tino Cuéllar",
    "MS. JEAN-PIERRE",
    "Mr. Michael Howard (Folkestone and Hythe) (Con)",
]
WORDS = [
    "the",
    "United",
    "States",
    "Mexico",
    "security",
    "trade",
    "migration",
    "policy",
    "cooperation",
    "border",
    "economy",
    "law",
    "enforcement",
    "cartels",
    "supply",
    "chains",
    "energy",
    "investment",
    "government",
    "question",
    "important",
    "country",
    "relationship",
    "people",
    "years",
    "we",
    "they",
    "it",
    "is",
    "not",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "for",
    "with",
    "on",
    "as",
    "at",
    "by",
    "from",
    "this",
]
SENTENCE_WITH_COLON = "The rule of law is a huge issue: we see it at 10:30 every day."


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    return " ".join(words).capitalize() + rng.choice([".", ".", "?", "!"])


def paragraph(rng: random.Random, *, wrap: bool) -> str:
    body = " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))
    if rng.random() < 0.1:
        body += " (LAUGHTER) " + sentence(rng)
    if rng.random() < 0.05:
        body = SENTENCE_WITH_COLON + " " + body
    if not wrap:
        return body
    lines, line = [], ""
    for word in body.split(" "):
        if line and len(line) + 1 + len(word) > 72:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def build(megabytes: float, seed: int = 1) -> str:
    """A synthetic transcript of at least ``megabytes`` MB (UTF-8)."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    parts = ["Source: Getty\nQ&A", "A Synthetic Debate", "Published on December 14, 2023"]
    size = sum(len(p) for p in parts)
    while size < target:
        name = rng.choice(SPEAKERS)
        wrap = rng.random() < 0.3
        paragraphs = [paragraph(rng, wrap=wrap) for _ in range(rng.randint(1, 4))]
        stamp = f"[{rng.randint(0, 3):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}] "
        block = (stamp if rng.random() < 0.2 else "") + f"{name}: " + "\n\n".join(paragraphs)
        parts.append(block)
        if rng.random() < 0.05:
            parts.append(rng.choice(["(APPLAUSE)", "[crosstalk]", "(Laughter.)"]))
        size += len(block) + 2
    parts.append("View the whole event in the player below, or watch it on YouTube.")
    return "\n\n".join(parts)


def baseline(source: str) -> int:
    """The bare regular-expression scan: speaker labels at line starts."""
    pattern = re.compile(r"^(?:\[[\d:]+\] )?([^\n:]{1,100}):[ \t]", re.MULTILINE)
    return sum(1 for _ in pattern.finditer(source))


def timed(func: object, *args: object) -> tuple[float, object]:
    """CPU time of one run of ``func``, with the garbage collector off (as :mod:`timeit`).

    CPU time rather than wall-clock time, so that other processes on a shared
    machine do not count.
    """
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        result = func(*args)  # type: ignore[operator]
        return time.process_time() - start, result
    finally:
        gc.enable()


def measure(megabytes: float, runs: int) -> tuple[float, float, float, float, object, int]:
    """(size in MB, re scan, text.loads and text.dumps seconds, label-like lines, turns)."""
    source = build(megabytes)
    size = len(source.encode("utf-8")) / 1e6
    # Interleave the runs, so that a busy machine slows both alike; keep the best.
    base = parse = write = float("inf")
    labels: object = 0
    transcript: object = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        for _ in range(runs):
            seconds, labels = timed(baseline, source)
            base = min(base, seconds)
            seconds, transcript = timed(text.loads, source)
            parse = min(parse, seconds)
            seconds, _ = timed(text.dumps, transcript)
            write = min(write, seconds)
    turns = len(transcript.turns)  # type: ignore[attr-defined]
    return size, base, parse, write, labels, turns


def figures(quick: bool) -> list[Figure]:
    """The plain-text figure for benchmarks/run.py."""
    size, base, parse, write, _, _ = measure(4.0 if quick else 20.0, 3)
    return [
        Figure(
            name=f"plain-text parse vs bare re scan ({size:.0f} MB)",
            value=parse / base,
            target=3.0,
            detail=f"{parse:.2f}s vs {base:.2f}s",
        ),
        Figure(
            name=f"plain-text text.dumps vs text.loads ({size:.0f} MB)",
            value=write / parse,
            target=1.0,
            detail=f"{write:.2f}s vs {parse:.2f}s",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size in MB (default 20)")
    parser.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args()
    size, base, parse, write, labels, turns = measure(args.mb, args.runs)
    print(f"text size:       {size:.1f} MB, {labels} label-like lines, {turns} turns")
    print(f"re scan:         {base:.3f} s  ({size / base:.0f} MB/s)")
    print(f"text.loads:      {parse:.3f} s  ({size / parse:.1f} MB/s)")
    print(f"ratio:           {parse / base:.2f}x  (target <= 3x)")
    print(f"text.dumps:      {write:.3f} s  ({write / parse:.2f}x text.loads, target <= 1x)")
    print(f"load average:    {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")


if __name__ == "__main__":
    main()
