"""Convert ParlaMint sessions (a corpus folder or root) to debatekit JSON, with a summary.

    python examples/parlamint_to_json.py [FOLDER_ROOT_OR_PATTERN] [-o OUT] [-j N]

Without an argument it converts the ParlaMint samples shipped with the tests
(tests/data/parlamint: Basque and Galician parliament sittings). Missing sessions of a
root are reported and skipped.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import debatekit
from debatekit import corpus

SAMPLES = Path(__file__).parents[1] / "tests" / "data" / "parlamint" / "**" / "*.xml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source", nargs="?", default=str(SAMPLES), help="folder, corpus root or pattern"
    )
    parser.add_argument("-o", "--output", default="parlamint-json", help="output folder")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", debatekit.ParseWarning)
        c = corpus.open(args.source, strict=False)
        if args.jobs > 1:
            c = c.with_engine("processes", workers=args.jobs)
        written = c.convert(args.output, to="json")
    for warning in caught:
        print(f"warning: {warning.message}")
    for path in written:
        t = debatekit.read(path)
        top = max(t.speaker_stats(), key=lambda row: row.words)
        print(
            f"{path.name}: {t.event.date}, {len(t.turns)} turns, {len(t.speakers)} speakers; "
            f"most words: {top.name} ({top.share:.0%})"
        )


if __name__ == "__main__":
    main()
