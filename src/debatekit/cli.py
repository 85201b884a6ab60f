"""The ``debatekit`` command line. It uses only the public API (``read``, ``write``,
the format modules and :mod:`debatekit.datasets`).

Exit codes: 0 success, 1 invalid input (a parse or validation error), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json as _json
import sys
from collections.abc import Sequence

from . import __version__, datasets, read
from .errors import DebatekitError
from .models import Transcript

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_EPILOG = """\
examples:
  debatekit info                       summary of the bundled U.S.-Mexico Q&A
  debatekit info debate.json           summary of a transcript file
  debatekit info debate.json --json    the same, as JSON for scripts
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debatekit",
        description="Inspect and convert annotated debate transcripts.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"debatekit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    info = commands.add_parser(
        "info",
        help="summarise a transcript: event, speakers, turns and words",
        description="Summarise a transcript: the event, each speaker's turns, words and "
        "share of words, and the number of claims and relations.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    info.add_argument(
        "file",
        nargs="?",
        help=f"a transcript file; default: the bundled dataset {datasets.names()[0]!r}",
    )
    info.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def summary(transcript: Transcript) -> dict[str, object]:
    """The figures ``debatekit info`` prints, as JSON-ready data."""
    event = transcript.event
    return {
        "event": {
            "title": event.title,
            "kind": event.kind,
            "date": event.date.isoformat() if event.date else None,
            "published": event.published.isoformat() if event.published else None,
            "publisher": event.publisher,
            "series": event.series,
        },
        "speakers": [
            {
                "id": row.speaker_id,
                "name": row.name,
                "turns": row.turns,
                "words": row.words,
                "share": round(row.share, 4),
            }
            for row in transcript.speaker_stats()
        ],
        "turns": len(transcript.turns),
        "claims": len(transcript.claims),
        "relations": len(transcript.relations),
    }


def _print_info(transcript: Transcript) -> None:
    event = transcript.event
    lines: list[str] = []
    if event.title:
        lines.append(event.title)
    for name, value in (
        ("kind", event.kind),
        ("date", event.date),
        ("published", event.published),
        ("publisher", event.publisher),
        ("series", event.series),
    ):
        if value is not None:
            lines.append(f"  {name + ':':<11}{value}")
    lines.append("")
    rows = [("speaker", "turns", "words", "share")]
    stats = transcript.speaker_stats()
    rows += [(s.name, str(s.turns), str(s.words), f"{s.share:.1%}") for s in stats]
    rows.append(
        (
            "total",
            str(sum(s.turns for s in stats)),
            str(sum(s.words for s in stats)),
            "100.0%" if stats else "",
        )
    )
    width = max(len(r[0]) for r in rows)
    for i, (name, turns, words, share) in enumerate(rows):
        if i == len(rows) - 1:
            lines.append("-" * (width + 23))
        lines.append(f"{name:<{width}}  {turns:>5}  {words:>6}  {share:>6}")
    lines.append("")
    lines.append(f"claims: {len(transcript.claims)}  relations: {len(transcript.relations)}")
    print("\n".join(lines))


def _info(args: argparse.Namespace) -> int:
    transcript = read(args.file) if args.file else datasets.load(datasets.names()[0])
    if args.json:
        print(_json.dumps(summary(transcript), ensure_ascii=False, indent=2))
    else:
        _print_info(transcript)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "info"
    if args.command is None:
        args.file, args.json = None, False
    try:
        assert command == "info", command  # argparse refuses unknown commands
        return _info(args)
    except DebatekitError as exc:
        if args.debug:
            raise
        print(f"debatekit: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        if args.debug:
            raise
        print(f"debatekit: error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return EXIT_INVALID
