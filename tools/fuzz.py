"""Fuzz every format debatekit reads: mutated real files, read, then written back.

Two profiles, one engine (``check`` below):

- the fast profile runs in the test suite (tests/test_fuzz.py): a fixed number of
  cases per format, in-process, seeded, so CI fails on any escape it finds;
- the release profile is this script, longer, each case in a child process with a
  memory limit (1 GiB) and a time limit (10 s), so crashes and hangs count too::

    python tools/fuzz.py --cases 20000             # per format (release: >= 20000)
    python tools/fuzz.py --seconds 600 --format json --format aif
    python tools/fuzz.py --cases 300 --seed 7      # what the test suite runs

A case is a random mutation of a seed: a real test file, the bundled debate written
in the format, or a reproducer from an issue (``REPRODUCERS``). Mutations flip, cut,
repeat and insert bytes, and replace numbers and quoted values with hostile ones
(huge, negative, NaN, lone surrogates, ``../``). What reads is then written in every
format and must survive JSON exactly. Anything but a DebatekitError, a crash, running
out of memory or time is an escape: saved to tests/data/fuzz/<format>/ (replayed by
tests/test_hostile.py) and printed. The summary gives cases run and escapes per format.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import multiprocessing
import random
import re
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
DATA = ROOT / "tests" / "data"
MEMORY = 1 << 30
TIMEOUT = 10.0
WRITE_LIMIT = 20_000
#: Readers with a lenient mode are fuzzed in both modes (every other case).
LENIENT = {"text", "vtt", "srt", "tei", "aif"}
WRITERS = ("json", "tei", "text", "vtt", "srt", "aif", "html")

#: The reproducers of issue 12 (and others found since), as extra seeds per format.
REPRODUCERS: dict[str, list[bytes]] = {
    "srt": [b"1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nhi\n"],
    "vtt": [
        b"WEBVTT\n\n99999999999999999999:00:00.000 --> 99999999999999999999:00:01.000\nhi\n",
        b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + b"<" * 2000 + b"\n",
    ],
    "text": [b"[00:00] " * 1000, b"A: x\n" + b"(" * 500],
    "tei": [
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
        b'<timeline><when xml:id="T0" absolute="2020-01-01T00:00:00"/>'
        b'<when xml:id="T1" interval="99999999999999999999" since="#T0"/></timeline>'
        b'<u who="#a" start="#T1"><seg>x</seg></u></body></text></TEI>',
    ],
    "json": [
        b'{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}],'
        b' "body": [{"type": "turn", "id": "u", "speaker_id": "a", "paragraphs": ["\\ud800"]}]}',
        b'{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}],'
        b' "body": [{"type": "turn", "id": "u", "speaker_id": "a", "paragraphs": ["x"],'
        b' "start": 0, "end": 1, "meta": {"captions:cues": "[[0,1,1e999]]"}}]}',
    ],
    "aif": [
        b'{"nodes": [{"nodeID": "1", "text": "A: \\ud800", "type": "L"}], "edges": [],'
        b' "locutions": [{"nodeID": "1", "personID": "1"}]}',
    ],
}

_HOSTILE_NUMBERS = [
    b"99999999999999999999",
    b"1e999",
    b"-1e999",
    b"NaN",
    b"-5",
    b"0",
    b"1e3",
    b"abc",
    b"4294967296",
    b"-0",
    b"9" * 400,
]
_HOSTILE_VALUES = [
    b"",
    b"\\ud800",
    b"\\udfff\\ud800",
    b"../../outside/s.xml",
    b"/etc/passwd",
    b"#nowhere",
    b"x" * 5000,
    b"\\u0000",
    b"&amp;",
    b"]]>",
    b"-->",
    b"99999999999999999999",
]
_TOKENS = [
    b"<",
    b">",
    b"&",
    b"\n",
    b":",
    b"[",
    b"]",
    b"(",
    b")",
    b"\x00",
    b"\xff",
    b"<!ENTITY a 'a'>",
    b"-->",
    b"\r\n",
    b"\\ud800",
    b"[00:00] " * 50,
    b"<" * 200,
    b"\n\n",
    b"-->" * 3,
    b"WEBVTT",
    b"NOTE ",
    b"{}",
    b"[]",
    b"null",
]
_NUMBER = re.compile(rb"\d+(?:\.\d+)?")
_QUOTED = re.compile(rb'"([^"\\\n]{0,200})"')


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random edits: byte flips, cuts, repeats, inserted tokens, and hostile
    numbers and values put in place of real ones."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not out or rng.random() < 0.05:
            out.extend(rng.randbytes(rng.randint(1, 64)))
            continue
        at = rng.randrange(len(out))
        end = min(len(out), at + rng.randint(1, 256))
        choice = rng.random()
        if choice < 0.15:
            out[at] ^= 1 << rng.randrange(8)
        elif choice < 0.25:
            del out[at:end]
        elif choice < 0.35:
            out[at:at] = out[at:end] * rng.randint(1, 8)
        elif choice < 0.55:
            out[at:at] = rng.choice(_TOKENS)
        elif choice < 0.75:
            _replace(rng, out, _NUMBER, _HOSTILE_NUMBERS, at)
        elif choice < 0.95:
            _replace(rng, out, _QUOTED, _HOSTILE_VALUES, at, group=1)
        else:
            del out[at:]
    return bytes(out)


def _replace(
    rng: random.Random,
    out: bytearray,
    pattern: re.Pattern[bytes],
    values: list[bytes],
    at: int,
    group: int = 0,
) -> None:
    """Replace the first match of ``pattern`` from ``at`` (or from the start)."""
    found = pattern.search(out, at) or pattern.search(out)
    if found is not None:
        out[found.start(group) : found.end(group)] = rng.choice(values)


def check(data: bytes, format_: str, strict: bool | None) -> str:
    """Read ``data``, then write what reads in every format. ``"ok"`` or ``"error"``
    (a DebatekitError: the input was refused, cleanly); raises anything else."""
    import debatekit
    from debatekit import DebatekitError

    options = {} if strict is None else {"strict": strict}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ParseWarning, and what a writer cannot carry
        try:
            transcript = debatekit.loads(data, format=format_, source="fuzz", **options)
        except DebatekitError:
            return "error"
        # Every writer for documents up to WRITE_LIMIT bytes (a mutation is local: a
        # large document costs much to write and finds no more); JSON for all.
        for writer in WRITERS if len(data) <= WRITE_LIMIT else ():
            # A DebatekitError: a transcript this format cannot hold, said so.
            with contextlib.suppress(DebatekitError):
                debatekit.dumps(transcript, format=writer).encode("utf-8")
        if debatekit.json.loads(debatekit.json.dumps(transcript)) != transcript:
            raise AssertionError("what was read does not survive JSON")
    return "ok"


def run_cases(
    format_: str, seeds: list[bytes], cases: int, rng: random.Random
) -> tuple[dict[str, int], list[tuple[str, bytes, str]]]:
    """The fast profile: ``cases`` cases in this process (no time or memory limit)."""
    counts = {"ok": 0, "error": 0, "bug": 0}
    found: list[tuple[str, bytes, str]] = []
    for i in range(cases):
        data = _case(rng, seeds, format_)
        try:
            counts[check(data, format_, (i % 2 == 0) if format_ in LENIENT else None)] += 1
        except Exception:
            counts["bug"] += 1
            found.append(("bug", data, traceback.format_exc(limit=-3)))
    return counts, found


def mutate_values(rng: random.Random, data: bytes) -> bytes:
    """Only hostile numbers and values in place of real ones: the document stays
    well-formed more often, so the case gets past the parser into the reader."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(out)) if out else 0
        if rng.random() < 0.5:
            _replace(rng, out, _NUMBER, _HOSTILE_NUMBERS, at)
        else:
            _replace(rng, out, _QUOTED, _HOSTILE_VALUES, at, group=1)
    return bytes(out)


_HOSTILE_JSON: list[object] = [
    10**20,
    -(10**20),
    float("inf"),
    float("nan"),
    -5,
    0,
    1.5,
    "\ud800",
    "",
    " ",
    "x" * 5000,
    None,
    True,
    [],
    {},
    [[0, 1, 1e300]],
    "../../outside/s.xml",
    "99999999999999999999",
    "[[0,1,1e999]]",
    "\x01",
]


def mutate_json(rng: random.Random, data: bytes) -> bytes:
    """For JSON documents: parse, put hostile values in 1-3 places (a leaf, or a whole
    list or object), write back. Falls back to :func:`mutate_values`."""
    import json

    try:
        tree = json.loads(data)
    except ValueError:
        return mutate_values(rng, data)
    places: list[tuple[Any, Any]] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in pairs:
            places.append((node, key))
            if isinstance(value, (dict, list)):
                stack.append(value)
    for _ in range(rng.randint(1, 3)):
        if places:
            node, key = rng.choice(places)
            node[key] = rng.choice(_HOSTILE_JSON)
    return json.dumps(tree).encode("utf-8")


def _case(rng: random.Random, seeds: list[bytes], format_: str = "") -> bytes:
    choice = rng.random()
    if seeds and choice < 0.5:
        return mutate(rng, rng.choice(seeds))
    if seeds and choice < 0.95:
        if format_ in ("json", "aif") and choice < 0.8:
            return mutate_json(rng, rng.choice(seeds))
        return mutate_values(rng, rng.choice(seeds))
    return rng.randbytes(rng.randint(0, 512))


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _worker(format_: str, jobs: Any, results: Any) -> None:
    _limit_memory()
    flip = False
    while True:
        data = jobs.get()
        if data is None:
            return
        flip = not flip
        try:
            results.put((check(data, format_, flip if format_ in LENIENT else None), ""))
        except BaseException:
            results.put(("bug", traceback.format_exc(limit=-3)))


def campaign(
    format_: str, seeds: list[bytes], cases: int, seconds: float, rng: random.Random
) -> tuple[dict[str, int], list[tuple[str, bytes, str]]]:
    """The release profile: each case in a child process with limits."""
    ctx = multiprocessing.get_context("fork")
    counts = {"ok": 0, "error": 0, "bug": 0, "crash": 0, "timeout": 0}
    found: list[tuple[str, bytes, str]] = []
    deadline = time.monotonic() + seconds
    worker = jobs = results = None
    while sum(counts.values()) < cases and time.monotonic() < deadline:
        if worker is None or not worker.is_alive():
            jobs, results = ctx.Queue(), ctx.Queue()
            worker = ctx.Process(target=_worker, args=(format_, jobs, results), daemon=True)
            worker.start()
        data = _case(rng, seeds, format_)
        assert jobs is not None
        assert results is not None
        jobs.put(data)
        try:
            kind, detail = results.get(timeout=TIMEOUT)
        except Exception:
            kind = "timeout" if worker.is_alive() else "crash"
            detail = ""
            worker.kill()
            worker.join()
            worker = None
        counts[kind] += 1
        if kind in {"bug", "crash", "timeout"}:
            found.append((kind, data, detail))
    if worker is not None and worker.is_alive() and jobs is not None:
        jobs.put(None)
        worker.join(timeout=5)
    return counts, found


def seed_files(format_: str) -> list[bytes]:
    """The real test files of a format (by suffix, or in a folder named after it), the
    bundled debate written in it (with times, so that captions can be written), and
    the reproducers."""
    import datetime as dt

    import attrs

    import debatekit
    from debatekit._io import SUFFIXES

    own = {s for s, n in SUFFIXES.items() if n == format_}
    seeds = [
        p.read_bytes()[:300_000]
        for p in sorted(DATA.rglob("*"))
        if p.is_file()
        and "fuzz" not in p.parts
        and (p.suffix.lower() in own or (p.parent.name == format_ and p.suffix != ".md"))
    ]
    t = debatekit.datasets.load("us-mexico-2023")
    timed = attrs.evolve(
        t,
        body=[
            attrs.evolve(x, start=dt.timedelta(seconds=9 * i), end=dt.timedelta(seconds=9 * i + 8))
            for i, x in enumerate(t.body)
        ],
    )
    seeds.append(debatekit.dumps(timed, format=format_).encode("utf-8"))
    return seeds + REPRODUCERS.get(format_, [])


def readable_formats() -> list[str]:
    from importlib import import_module

    import debatekit
    from debatekit._io import FORMATS

    return [f for f in debatekit.formats() if hasattr(import_module(FORMATS[f]), "load")]


def save(format_: str, found: list[tuple[str, bytes, str]], out: Callable[[str], None]) -> None:
    for kind, data, detail in found:
        folder = DATA / "fuzz" / format_
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
        (folder / name).write_bytes(data)
        out(f"  {kind}: saved {folder.relative_to(ROOT) / name}\n{detail}")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", action="append", help="only these formats")
    parser.add_argument("--cases", type=int, default=10**9, help="cases per format")
    parser.add_argument("--seconds", type=float, default=30.0, help="time per format")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-save", action="store_true", help="print escapes only")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    escapes = total = 0
    for format_ in args.format or readable_formats():
        seeds = seed_files(format_)
        counts, found = campaign(format_, seeds, args.cases, args.seconds, rng)
        total += sum(counts.values())
        escapes += len(found)
        print(
            f"{format_:<6} {sum(counts.values()):>8} cases from {len(seeds)} seeds: "
            + ", ".join(f"{k} {v}" for k, v in counts.items()),
            flush=True,
        )
        if args.no_save:
            for kind, data, detail in found:
                print(f"  {kind}: {data[:200]!r}\n{detail}")
        else:
            save(format_, found, print)
    print(f"total  {total:>8} cases, {escapes} escapes")
    return 1 if escapes else 0


if __name__ == "__main__":
    raise SystemExit(main())
