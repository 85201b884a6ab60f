"""Write the hand annotation of ``us-mexico-2023`` into the bundled transcript.json.

Usage::

    python tools/annotate_us_mexico.py           # rewrite the JSON in place
    python tools/annotate_us_mexico.py --check   # exit 1 if the JSON is out of date

The annotation itself lives in ``tools/us_mexico_2023_claims.py``; this script finds
each quoted span in its turn (failing loudly if the quote is absent or ambiguous),
computes exact offsets, and replaces the transcript's ``claims`` and ``relations``.
Everything else in the JSON is kept as it is.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import attrs

from debatekit import Claim, Relation, Transcript, json

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tools" / "us_mexico_2023_claims.py"
TARGET = ROOT / "src" / "debatekit" / "data" / "us-mexico-2023" / "transcript.json"


class AnnotationError(Exception):
    """The annotation source does not fit the transcript."""


def _load_source(path: Path = SOURCE) -> ModuleType:
    spec = importlib.util.spec_from_file_location("_us_mexico_2023_claims", path)
    if spec is None or spec.loader is None:  # pragma: no cover - the file is in the repo
        raise AnnotationError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def locate(text: str, quote: str, occurrence: int | None, where: str) -> int:
    """The offset of ``quote`` in ``text``; fail if absent, or ambiguous without ``occurrence``."""
    starts: list[int] = []
    at = text.find(quote)
    while at != -1:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        raise AnnotationError(f"{where}: quote not found in the turn: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise AnnotationError(
                f"{where}: quote occurs {len(starts)} times in the turn; "
                f"pass occurrence=1..{len(starts)}: {quote!r}"
            )
        return starts[0]
    if not 1 <= occurrence <= len(starts):
        raise AnnotationError(
            f"{where}: occurrence {occurrence} asked, but the quote occurs {len(starts)} times"
        )
    return starts[occurrence - 1]


def annotate(transcript: Transcript, source: ModuleType | None = None) -> Transcript:
    """``transcript`` with its claims and relations replaced by the annotation source."""
    module = source if source is not None else _load_source()
    claims: list[Claim] = []
    for spec in module.CLAIMS:
        turn = transcript.turn(spec["turn_id"])
        text = turn.text
        start = locate(text, spec["quote"], spec["occurrence"], spec["id"])
        end = start + len(spec["quote"])
        meta = {"stance-on": spec["stance_on"]} if spec["stance_on"] else {}
        claims.append(
            Claim(
                id=spec["id"],
                turn_id=turn.id,
                start=start,
                end=end,
                text=text[start:end],
                kind=spec["kind"],
                stance=spec["stance"],
                topics=spec["topics"],
                proposition=spec["proposition"],
                note=spec["note"],
                meta=meta,
            )
        )
    relations = [
        Relation(
            id=f"r{i}",
            kind=spec["kind"],
            source_id=spec["source"],
            target_id=spec["target"],
            note=spec["note"],
        )
        for i, spec in enumerate(module.RELATIONS, start=1)
    ]
    return attrs.evolve(transcript, claims=claims, relations=relations)


def render(path: Path = TARGET) -> str:
    """The annotated JSON document for the transcript at ``path``, with a final newline."""
    transcript = json.loads(path.read_bytes(), source=str(path))
    return json.dumps(annotate(transcript)) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite (or with ``--check``, verify) the bundled transcript.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    args = parser.parse_args(argv)
    try:
        document = render()
    except AnnotationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    current = TARGET.read_text(encoding="utf-8")
    if args.check:
        if document != current:
            print(f"{TARGET} is out of date: run python tools/annotate_us_mexico.py")
            return 1
        return 0
    TARGET.write_text(document, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
