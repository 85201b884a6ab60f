"""Every reader linear: seconds per MB at a small, a middle and a large size.

Run from the repository root::

    python benchmarks/linearity.py            # 2/4, 40 and 100/200 MB
    python benchmarks/linearity.py --quick    # 2/4, 10 and 20/40 MB

For each reader (``tei.load`` of a ParlaMint-style session, ``text.loads`` of a
synthetic transcript, ``json.loads`` of a debatekit document) it times a read of each
size in this process (CPU time, objects made during set-up frozen out of the garbage
collector's way, best of several runs) and prints the three figures in seconds per MB
and their spread: the largest over the smallest. Target: within 15% (<= 1.15x). A reader
that slows down as the input grows (the garbage collector walking an ever larger heap,
a quadratic step) shows up as a spread well above that.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from _common import Figure, best, main
from json_roundtrip import make_transcript
from tei_read import write_session
from text_parse import build

from debatekit import json, tei, text

TARGET = 1.15
#: Bytes of debatekit JSON per turn of json_roundtrip's synthetic transcript.
_JSON_BYTES_PER_TURN = 310


def sizes(quick: bool, large: int) -> list[int]:
    """The sizes in MB: small, middle, large (``large`` for the full run)."""
    small = 4 if large == 200 else 2
    return [small, 10, large // 5] if quick else [small, 40, large]


def _tei(megabytes: int, folder: Path) -> tuple[Callable[[], object], int]:
    path = folder / f"session-{megabytes}.xml"
    write_session(path, megabytes * 1_000_000)

    def read() -> object:
        with open(path, "rb") as fp:
            return tei.load(fp)

    return read, path.stat().st_size


def _text(megabytes: int, _: Path) -> tuple[Callable[[], object], int]:
    source = build(megabytes)
    return (lambda: text.loads(source)), len(source.encode("utf-8"))


def _json(megabytes: int, _: Path) -> tuple[Callable[[], object], int]:
    document = json.dumps(make_transcript(megabytes * 1_000_000 // _JSON_BYTES_PER_TURN))
    return (lambda: json.loads(document)), len(document.encode("utf-8"))


READERS: dict[str, tuple[Callable[[int, Path], tuple[Callable[[], object], int]], int]] = {
    "tei.load": (_tei, 200),
    "text.loads": (_text, 100),
    "json.loads": (_json, 100),
}


def seconds_per_mb(
    make: Callable[[int, Path], tuple[Callable[[], object], int]], megabytes: int
) -> float:
    """CPU seconds per MB of one read of a ``megabytes`` MB input (best of 7 up to
    10 MB, of 3 up to 50 MB, else of 2: small reads are the noisiest); the input is
    made, then dropped, inside this call."""
    with tempfile.TemporaryDirectory(prefix="debatekit-linear-") as tmp:
        read, size = make(megabytes, Path(tmp))
        seconds = best(read, 7 if megabytes <= 10 else 3 if megabytes <= 50 else 2)
    return seconds / (size / 1e6)


def figures(quick: bool) -> list[Figure]:
    results = []
    for name, (make, large) in READERS.items():
        mbs = sizes(quick, large)
        rates = [seconds_per_mb(make, mb) for mb in mbs]
        spread = max(rates) / min(rates)
        shown = " / ".join(f"{r:.4f}" for r in rates)
        results.append(
            Figure(
                name=f"linearity, {name} s/MB at {'/'.join(map(str, mbs))} MB",
                value=spread,
                target=TARGET,
                detail=f"{shown} s/MB; largest/smallest",
            )
        )
    return results


if __name__ == "__main__":
    main(__doc__, figures, quick="2/4, 10 and 20/40 MB instead of 2/4, 40 and 100/200 MB")
