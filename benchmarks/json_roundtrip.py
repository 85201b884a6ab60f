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

import contextlib
import json
from collections.abc import Iterator

from _common import Figure, best, main

from debatekit import Speaker, Transcript, Turn
from debatekit import json as dkjson

TARGET = 1.5
#: Load alone within 2x a raw ``json.loads``; dump alone within 1.5x a raw ``json.dumps``.
LOAD_TARGET = 2.0
DUMP_TARGET = 1.5


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


def measure_apart(turns: int, repeat: int = 3) -> tuple[Figure, Figure]:
    """Load alone and dump alone, each against the standard library on the same text.

    The load baseline is a raw ``json.loads`` of the very document debatekit reads (the
    floor: plain dicts, no model); the dump baseline a raw ``json.dumps`` of its dicts.
    """
    transcript = make_transcript(turns)
    text = dkjson.dumps(transcript)
    plain = json.loads(text)
    ours_load = best(lambda: dkjson.loads(text), repeat)
    base_load = best(lambda: json.loads(text), repeat)
    ours_dump = best(lambda: dkjson.dumps(transcript), repeat)
    base_dump = best(
        lambda: json.dumps(plain, ensure_ascii=False, indent=2, separators=(",", ": ")), repeat
    )
    backend = dkjson.BACKEND if dkjson._orjson_loads is not None else "json"
    return (
        Figure(
            name=f"JSON load alone vs raw json.loads ({turns:,}, {backend})",
            value=ours_load / base_load,
            target=LOAD_TARGET,
            detail=f"{ours_load:.2f}s vs {base_load:.2f}s",
        ),
        Figure(
            name=f"JSON dump alone vs raw json.dumps ({turns:,}, {backend})",
            value=ours_dump / base_dump,
            target=DUMP_TARGET,
            detail=f"{ours_dump:.2f}s vs {base_dump:.2f}s",
        ),
    )


def figures(quick: bool) -> list[Figure]:
    """The round trip, then load and dump apart, with the backend in use and, where
    orjson is in use, without it."""
    turns = 20_000 if quick else 100_000
    results = []
    backends = [dkjson.BACKEND] + (["json"] if dkjson.BACKEND == "orjson" else [])
    for backend in backends:
        with _backend(backend):
            ratio, ours, base = measure(turns)
            results.append(
                Figure(
                    name=f"JSON dump+load vs stdlib json ({turns:,} turns, {backend})",
                    value=ratio,
                    target=TARGET,
                    detail=f"{ours:.2f}s vs {base:.2f}s",
                )
            )
            results.extend(measure_apart(turns))
    return results


@contextlib.contextmanager
def _backend(name: str) -> Iterator[None]:
    """Use the standard library's json for a while, even where orjson is installed."""
    saved = dkjson._orjson_dumps, dkjson._orjson_loads
    if name == "json":
        dkjson._orjson_dumps = dkjson._orjson_loads = None
    try:
        yield
    finally:
        dkjson._orjson_dumps, dkjson._orjson_loads = saved


if __name__ == "__main__":
    main(__doc__, figures, quick="20,000 turns instead of 100,000")
