"""JSON dump plus load of a 100,000-turn transcript, against the standard library.

Run from the repository root::

    python benchmarks/json_roundtrip.py            # 100,000 turns
    python benchmarks/json_roundtrip.py --quick    # 20,000 turns, same ratio

It prints the time of ``debatekit.json.dumps`` + ``loads`` over the time the standard
library's ``json.dumps`` (same indent) + ``json.loads`` takes for the equivalent plain
dicts, measured in the same process (best of several runs each). Target: <= 1.5x.
The figure depends on the JSON backend: orjson when installed (``debatekit[fast]``).
"""

from __future__ import annotations

import argparse
import json

from _common import Figure, best

from debatekit import Speaker, Transcript, Turn
from debatekit import json as dkjson

TARGET = 1.5


def make_transcript(turns: int) -> Transcript:
    """A synthetic transcript: 50 speakers, ``turns`` turns of two paragraphs each."""
    speakers = [Speaker(id=f"s{i}", name=f"Speaker {i}", role="member") for i in range(50)]
    body = [
        Turn(
            id=f"u{i}",
            speaker_id=f"s{i % 50}",
            label=f"Speaker {i % 50}",
            paragraphs=[
                f"Turn {i}: the honourable member will know that the figures for {i} differ.",
                "We have said so before, and we will say it again: the policy works.",
            ],
        )
        for i in range(turns)
    ]
    return Transcript(speakers=speakers, body=body)


def measure(turns: int, repeat: int = 3) -> tuple[float, float, float]:
    """(ratio, debatekit seconds, baseline seconds) for one dump+load round trip."""
    transcript = make_transcript(turns)
    plain = dkjson.to_dict(transcript)

    def ours() -> None:
        dkjson.loads(dkjson.dumps(transcript))

    def baseline() -> None:
        json.loads(json.dumps(plain, ensure_ascii=False, indent=2, separators=(",", ": ")))

    ours_s, base_s = best(ours, repeat), best(baseline, repeat)
    return ours_s / base_s, ours_s, base_s


def figures(quick: bool) -> list[Figure]:
    turns = 20_000 if quick else 100_000
    ratio, ours, base = measure(turns)
    return [
        Figure(
            name=f"JSON dump+load vs stdlib json ({turns:,} turns)",
            value=ratio,
            target=TARGET,
            detail=f"{dkjson.BACKEND}: {ours:.2f}s vs {base:.2f}s",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 turns instead of 100,000")
    args = parser.parse_args()
    for figure in figures(args.quick):
        print(figure.line())


if __name__ == "__main__":
    main()
