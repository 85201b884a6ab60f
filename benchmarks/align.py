"""Alignment speed of debatekit.align on a two-hour debate.

Run from the repository root::

    python benchmarks/align.py            # 20,000 words on each side
    python benchmarks/align.py --quick    # 5,000

It builds a synthetic debate of the given number of words (three speakers, turns of
2 to 80 words) and its captions as auto-captions print them (lower case, no
punctuation, 5% of the words missed, 7% misheard, some inserted, rolling two-line cues,
music cues), reads the captions once, then times ``debatekit.align`` (CPU time, best of
three). Figures: the time for the full size (target: under a second) and the time for
twice the size over the time for the size (target: at most 2.5, linear growth).
"""

from __future__ import annotations

import random
import warnings

from _common import Figure, best, main

import debatekit
from debatekit import AlignmentWarning, Speaker, Transcript, Turn, captions

SYLLABLES = [
    "ba",
    "ko",
    "ri",
    "tu",
    "men",
    "sal",
    "dor",
    "vik",
    "lo",
    "pre",
    "ston",
    "gar",
    "ne",
    "fi",
    "wal",
    "tor",
    "cam",
    "del",
]
COMMON = [
    "the",
    "and",
    "to",
    "of",
    "a",
    "in",
    "that",
    "is",
    "we",
    "you",
    "i",
    "it",
    "for",
    "this",
    "have",
    "not",
    "be",
    "are",
    "on",
    "with",
]


def _clock(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def debate(words: int, seed: int = 1) -> tuple[Transcript, Transcript]:
    """A transcript of about ``words`` words and the captions of its "recording"."""
    rng = random.Random(seed)
    people = ["wallace", "trump", "biden"]
    turns: list[Turn] = []
    heard: list[tuple[str, float]] = []
    clock, count = 5.0, 0
    while count < words:
        size = rng.choice([rng.randint(2, 6), rng.randint(10, 80)])
        said = [
            rng.choice(COMMON) if rng.random() < 0.5 else "".join(rng.sample(SYLLABLES, 3))
            for _ in range(size)
        ]
        speaker = people[len(turns) % 3]
        turns.append(
            Turn(
                id=f"u{len(turns) + 1}",
                speaker_id=speaker,
                paragraphs=[" ".join(said).capitalize() + "."],
            )
        )
        for word in said:
            roll = rng.random()
            if roll >= 0.05:
                heard.append((word if roll >= 0.12 else rng.choice(COMMON), clock))
            clock += rng.uniform(0.2, 0.5)
        clock += rng.uniform(0.1, 1.0)
        count += size
    lines = [heard[i : i + 7] for i in range(0, len(heard), 7)]
    blocks = ["WEBVTT"]
    for n, line in enumerate(lines):
        end = lines[n + 1][0][1] if n + 1 < len(lines) else line[-1][1] + 1
        shown = " ".join(w for w, _ in line)
        if n:
            shown = " ".join(w for w, _ in lines[n - 1]) + "\n" + shown
        blocks.append(f"{_clock(line[0][1])} --> {_clock(end)}\n{shown}")
        if n % 200 == 0:
            blocks.append(f"{_clock(end)} --> {_clock(end + 0.01)}\n[Music]")
    speakers = [Speaker(id=p, name=p.title()) for p in people]
    return Transcript(speakers=speakers, body=turns), captions.loads("\n\n".join(blocks) + "\n")


def measure(words: int) -> float:
    transcript, timed = debate(words)

    def run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AlignmentWarning)
            debatekit.align(transcript, timed)

    return best(run)


def figures(quick: bool) -> list[Figure]:
    """The alignment figures for benchmarks/run.py."""
    words = 5_000 if quick else 20_000
    once, twice = measure(words), measure(2 * words)
    return [
        Figure(
            name=f"align a debate, {words:,} words each side",
            value=once,
            target=1.0,
            unit="s",
            detail=f"{once:.3f}s",
        ),
        Figure(
            name=f"align: {2 * words:,} words vs {words:,}",
            value=twice / once,
            target=2.5,
            detail=f"{twice:.3f}s vs {once:.3f}s",
        ),
    ]


if __name__ == "__main__":
    main(__doc__, figures, quick="5,000 words instead of 20,000")
