"""JSON load alone and dump alone of a 100,000-turn transcript, against the standard library.

Run from the repository root::

    python benchmarks/json_roundtrip.py            # 100,000 turns
    python benchmarks/json_roundtrip.py --quick    # 20,000 turns, same ratios

In the same process (CPU time, set-up objects frozen out of the collector's way, best of
several runs each):

* **load**: ``debatekit.json.loads`` of a document over a raw ``json.loads`` of the very
  same text (the floor: plain dicts, no model, no checks). Target: <= 2x.
* **dump**: ``debatekit.json.dumps`` over the standard library's ``json.dumps`` (same
  indent) of the equivalent plain dicts. Target: <= 1.5x. Measured with each encoder
  installed: orjson (``debatekit[fast]``) and the standard library's.
* **orjson against the standard library** as debatekit's encoder: dump time, and the peak
  memory of a whole process that loads then dumps the document (in fresh subprocesses).
  Reading uses the standard library's parser with either (orjson parses no faster).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from _common import Figure, best, main

from debatekit import Speaker, Transcript, Turn
from debatekit import json as dkjson

#: Load alone within 2x a raw ``json.loads``; dump alone within 1.5x a raw ``json.dumps``.
LOAD_TARGET = 2.0
DUMP_TARGET = 1.5
#: orjson as the encoder earns its place with a gain: faster, and no more memory.
ORJSON_TARGET = 1.0


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


def _stdlib_dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, separators=(",", ": "))


def load_figure(turns: int, repeat: int = 5) -> Figure:
    """debatekit's load of a document against a raw ``json.loads`` of the same text."""
    text = dkjson.dumps(make_transcript(turns))
    ours = best(lambda: dkjson.loads(text), repeat)
    base = best(lambda: json.loads(text), repeat)
    return Figure(
        name=f"JSON load alone / raw json.loads ({turns:,} turns)",
        value=ours / base,
        target=LOAD_TARGET,
        detail=f"{ours:.3f}s vs {base:.3f}s, {len(text) / 1e6:.0f} MB",
    )


def dump_figures(turns: int, repeat: int = 5) -> tuple[list[Figure], dict[str, float]]:
    """debatekit's dump with each encoder against the standard library's ``json.dumps``
    of the same dicts; also the seconds of each encoder, by name."""
    transcript = make_transcript(turns)
    plain = json.loads(dkjson.dumps(transcript))
    figures, seconds = [], {}
    for backend in _backends():
        with _backend(backend):
            ours = best(lambda: dkjson.dumps(transcript), repeat)
        base = best(lambda: _stdlib_dumps(plain), repeat)
        seconds[backend] = ours
        figures.append(
            Figure(
                name=f"JSON dump alone / raw json.dumps ({turns:,}, {backend})",
                value=ours / base,
                target=DUMP_TARGET,
                detail=f"{ours:.3f}s vs {base:.3f}s",
            )
        )
    return figures, seconds


_PEAK = """
import sys
from debatekit import json
with open(sys.argv[1], "rb") as fp:
    transcript = json.load(fp)
text = json.dumps(transcript)
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) / 1000)
"""


def peak_mb(path: Path, backend: str, runs: int = 3) -> float | None:
    """Least peak resident memory (MB) of a fresh process that loads then dumps ``path``
    with the given encoder (Linux only: None elsewhere)."""
    if not Path("/proc/self/status").exists():
        return None
    env = dict(os.environ, DEBATEKIT_JSON_BACKEND=backend)
    peaks = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _PEAK, str(path)], env=env, capture_output=True, check=True
        )
        peaks.append(float(done.stdout))
    return min(peaks)


def orjson_figures(turns: int, seconds: dict[str, float]) -> list[Figure]:
    """orjson against the standard library as debatekit's encoder: time and memory."""
    name = f"JSON dump, orjson / stdlib encoder ({turns:,})"
    if "orjson" not in seconds:
        return [Figure.absent(name, "orjson not installed (pip install debatekit[fast])")]
    figures = [
        Figure(
            name=name,
            value=seconds["orjson"] / seconds["json"],
            target=ORJSON_TARGET,
            detail=f"{seconds['orjson']:.3f}s vs {seconds['json']:.3f}s",
        )
    ]
    with tempfile.TemporaryDirectory(prefix="debatekit-json-") as tmp:
        path = Path(tmp) / "t.json"
        path.write_text(dkjson.dumps(make_transcript(turns)), encoding="utf-8")
        fast, slow = peak_mb(path, "orjson"), peak_mb(path, "json")
    if fast is not None and slow is not None:
        figures.append(
            Figure(
                name="  peak memory, load + dump, orjson / stdlib",
                value=fast / slow,
                target=ORJSON_TARGET,
                detail=f"{fast:.0f} MB vs {slow:.0f} MB, whole process",
            )
        )
    return figures


def figures(quick: bool) -> list[Figure]:
    """Load alone, dump alone with each encoder, then orjson against the stdlib."""
    turns = 20_000 if quick else 100_000
    dumps, seconds = dump_figures(turns)
    return [load_figure(turns), *dumps, *orjson_figures(turns, seconds)]


def _backends() -> list[str]:
    return ["orjson", "json"] if dkjson.BACKEND == "orjson" else ["json"]


@contextlib.contextmanager
def _backend(name: str) -> Iterator[None]:
    """Use the standard library's encoder for a while, even where orjson is installed."""
    saved = dkjson._orjson_dumps
    if name == "json":
        dkjson._orjson_dumps = None
    try:
        yield
    finally:
        dkjson._orjson_dumps = saved


if __name__ == "__main__":
    main(__doc__, figures, quick="20,000 turns instead of 100,000")
