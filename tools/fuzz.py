"""A longer fuzzing campaign than the test suite's, for every format debatekit reads.

    python tools/fuzz.py --seconds 60          # per format
    python tools/fuzz.py --cases 20000 --format json

Each case is a random mutation of a real test file (or random bytes), read in a child
process with a memory limit (1 GiB) and a time limit per case (10 s). A case that
raises anything but a DebatekitError, crashes, runs out of memory or time is saved to
tests/data/fuzz/<format>/ (where tests/test_hostile.py replays it). The summary prints
how many cases ran per format and what was found.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import resource
import sys
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).parents[1]
DATA = ROOT / "tests" / "data"
MEMORY = 1 << 30
TIMEOUT = 10.0


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


# Readers with a lenient mode are fuzzed in it too (every other case): it is the mode
# that keeps going past problems, so the one with more paths to get wrong.
LENIENT = {"text", "vtt", "srt", "tei", "aif"}


def _worker(format_: str, jobs: multiprocessing.Queue, results: multiprocessing.Queue) -> None:
    _limit_memory()
    import debatekit
    from debatekit import DebatekitError, ParseWarning

    warnings.simplefilter("ignore", ParseWarning)
    flip = False
    while True:
        data = jobs.get()
        if data is None:
            return
        flip = not flip
        options = {"strict": flip} if format_ in LENIENT else {}
        try:
            debatekit.loads(data, format=format_, source="fuzz", **options)
            results.put(("ok", ""))
        except DebatekitError:
            results.put(("error", ""))
        except BaseException:
            results.put(("bug", traceback.format_exc(limit=-3)))


def mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not out or rng.random() < 0.05:
            out.extend(rng.randbytes(rng.randint(1, 64)))
            continue
        at = rng.randrange(len(out))
        end = min(len(out), at + rng.randint(1, 256))
        choice = rng.random()
        if choice < 0.3:
            out[at] ^= 1 << rng.randrange(8)
        elif choice < 0.5:
            del out[at:end]
        elif choice < 0.7:
            out[at:at] = out[at:end] * rng.randint(1, 8)
        elif choice < 0.9:
            out[at:at] = rng.choice(
                [
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
                ]
            )
        else:
            del out[at:]
    return bytes(out)


def campaign(format_: str, seeds: list[bytes], cases: int, seconds: float, rng: random.Random):
    ctx = multiprocessing.get_context("fork")
    counts = {"ok": 0, "error": 0, "bug": 0, "crash": 0, "timeout": 0}
    found: list[tuple[str, bytes, str]] = []
    deadline = time.monotonic() + seconds
    worker = None
    while counts_total(counts) < cases and time.monotonic() < deadline:
        if worker is None or not worker.is_alive():
            jobs, results = ctx.Queue(), ctx.Queue()
            worker = ctx.Process(target=_worker, args=(format_, jobs, results), daemon=True)
            worker.start()
        data = (
            mutate(rng, rng.choice(seeds))
            if seeds and rng.random() < 0.9
            else rng.randbytes(rng.randint(0, 512))
        )
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
    if worker is not None and worker.is_alive():
        jobs.put(None)
        worker.join(timeout=5)
    return counts, found


def seed_files(format_: str, suffixes: dict[str, str]) -> list[bytes]:
    """The real test files of a format (by suffix, or in a folder named after it), and
    the bundled debate written in it (with times, so that captions can be written)."""
    import datetime as dt

    import attrs

    import debatekit

    own = {s for s, n in suffixes.items() if n == format_}
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
    return seeds


def counts_total(counts: dict[str, int]) -> int:
    return sum(counts.values())


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    import debatekit
    from debatekit._io import FORMATS, SUFFIXES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", action="append", help="only these formats")
    parser.add_argument("--cases", type=int, default=10**9, help="cases per format")
    parser.add_argument("--seconds", type=float, default=30.0, help="time per format")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from importlib import import_module

    formats = args.format or [
        f for f in debatekit.formats() if hasattr(import_module(FORMATS[f]), "load")
    ]
    rng = random.Random(args.seed)
    bugs = 0
    for format_ in formats:
        seeds = seed_files(format_, SUFFIXES)
        counts, found = campaign(format_, seeds, args.cases, args.seconds, rng)
        print(
            f"{format_:<10} {counts_total(counts):>7} cases from {len(seeds)} seed files: "
            + ", ".join(f"{k} {v}" for k, v in counts.items())
        )
        for kind, data, detail in found:
            bugs += 1
            folder = DATA / "fuzz" / format_
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
            (folder / name).write_bytes(data)
            print(f"  {kind}: saved {folder.relative_to(ROOT) / name}\n{detail}")
    return 1 if bugs else 0


if __name__ == "__main__":
    raise SystemExit(main())
