"""The command line's arguments: one parser, a sub-parser per command, and the options
commands share (:mod:`debatekit.cli` runs them)."""

from __future__ import annotations

import argparse

from . import __version__, formats
from ._io import SUFFIXES, readable_formats

__all__ = ["parser"]

_LENIENT = (
    "warn about what a reader can work around (a corpus root's missing sessions, "
    "unknown speakers) and go on; without it, that is an error"
)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def parser() -> argparse.ArgumentParser:
    """The ``debatekit`` argument parser."""
    aliases = ", ".join(sorted({s[1:] for s in SUFFIXES} - set(formats())))
    fmts = f"{', '.join(formats())}; or a suffix: {aliases}"
    parser = argparse.ArgumentParser(
        prog="debatekit",
        description="Inspect, validate and convert annotated debate transcripts.",
        epilog=(
            "Without a command, debatekit summarises the bundled dataset.\n\n"
            "exit codes: 0 ok, 1 invalid input, 2 wrong usage, 3 missing or unreadable\n"
            "input, 4 output not writable, 5 the Dask scheduler failed.\n\n"
            "Run 'debatekit COMMAND --help' for a command's options and examples."
        ),
        formatter_class=_formatter,
    )
    parser.add_argument("--version", action="version", version=f"debatekit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _info_parser(commands)
    _convert_parser(commands, fmts)
    _validate_parser(commands)
    _example_parser(commands, fmts)
    _align_parser(commands, fmts)
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    """The options of every command that reads transcripts: the format, leniency, bounds."""
    readable = ", ".join(readable_formats())
    command.add_argument("--from", dest="from_", metavar="FMT", help=f"input format ({readable})")
    command.add_argument("--lenient", action="store_true", help=_LENIENT)
    _add_boundary_option(command)


def _info_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    info = commands.add_parser(
        "info",
        help="summarise a transcript",
        description="Summarise a transcript: the event, each speaker's turns, words and "
        "share of words, and the number of claims and relations.",
        epilog="examples:\n"
        "  debatekit info                      the bundled U.S.-Mexico Q&A\n"
        "  debatekit info debate.json          a transcript file\n"
        "  debatekit info debate.xml --json    as JSON, for scripts\n",
        formatter_class=_formatter,
    )
    info.add_argument("file", nargs="?", help="a transcript; default: the bundled dataset")
    _add_input_options(info)
    info.add_argument("--json", action="store_true", help="print the summary as JSON")


def _convert_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], fmts: str
) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert transcripts between formats",
        description="Convert transcripts between formats. Formats come from the file "
        "suffixes unless --from/--to say otherwise. Outputs are written atomically: a "
        "failure never leaves a partial file or damages an existing one.",
        epilog="examples:\n"
        "  debatekit convert debate.txt -o debate.json\n"
        "  debatekit convert debate.xml --to json              to standard output\n"
        "  cat debate.txt | debatekit convert - --from text --to json\n"
        "  debatekit convert sittings/ -o out/ --to json -j 4  a folder, in parallel\n"
        "  debatekit convert sittings/ -o out/ --to json -j 4 --engine dask\n"
        "                                      the same on Dask's local scheduler\n"
        "  debatekit convert ParlaMint-ES-PV.xml -o out/ --to json --lenient\n"
        "                                      a ParlaMint corpus root: its sessions\n"
        "  debatekit convert debate.json -o debate.txt --strict\n"
        "                                      refuse if text cannot carry it all\n"
        "  debatekit convert ParlaMint-ES-PV.xml -o out/ --to parlamint --lenient\n"
        "                                      ParlaMint's NAME.txt and NAME-meta.tsv\n\n"
        "AIF files are written as NAME.aif.json; NAME.aif and NAME.aif.json both read as "
        "AIF.\nA warning lists what the output format cannot carry (see "
        "docs/conversions.md).\n",
        formatter_class=_formatter,
    )
    convert.add_argument("inputs", nargs="+", metavar="IN", help="files, folders, or - (stdin)")
    convert.add_argument("-o", "--output", metavar="OUT", help="output file, folder, or -")
    _add_input_options(convert)
    convert.add_argument("--to", metavar="FMT", help=f"output format ({fmts})")
    convert.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="convert N files at once"
    )
    convert.add_argument(
        "--engine",
        choices=("processes", "dask"),
        metavar="NAME",
        help="where -j N runs: processes (the default), or dask: Dask's local scheduler on N "
        "worker processes (extra dask)",
    )
    convert.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the existing Dask cluster with this scheduler (tcp://host:8786); "
        "inputs and -o must be at the same paths on its workers",
    )
    convert.add_argument(
        "--strict",
        action="store_true",
        help="refuse a conversion that would drop anything the output format cannot "
        "carry (exit 1, no output file); without it, a warning lists what is dropped",
    )


def _validate_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate",
        help="check transcripts and list every problem",
        description="Read each file and list every problem with its location. Exit 0 when "
        "all files are valid, 1 otherwise.",
        epilog="examples:\n  debatekit validate debate.json\n  debatekit validate sittings/*.xml\n",
        formatter_class=_formatter,
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="files or folders")
    _add_input_options(validate)


def _example_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], fmts: str
) -> None:
    example = commands.add_parser(
        "example",
        help="write a bundled dataset, or list them",
        description="Without a name, list the bundled datasets. With one, write it in any "
        "format to standard output or to a file.",
        epilog="examples:\n"
        "  debatekit example\n"
        "  debatekit example us-mexico-2023 --to json\n"
        "  debatekit example us-mexico-2023 -o us-mexico.xml\n",
        formatter_class=_formatter,
    )
    example.add_argument("name", nargs="?", help="a dataset name (see the list)")
    example.add_argument("--to", metavar="FMT", help=f"output format ({fmts}); default json")
    example.add_argument("-o", "--output", metavar="OUT", help="output file, or - (stdout)")


def _align_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], fmts: str) -> None:
    align = commands.add_parser(
        "align",
        help="give a transcript's turns the times of the event's captions",
        description="Align a transcript (speakers, no times) with the captions of the same "
        "event (times, no speakers) and write the transcript with a start and end on "
        "every turn the captions cover. Turns they do not cover keep no time; a warning "
        "says how many.",
        epilog="examples:\n"
        "  debatekit align debate.txt debate.en.vtt -o debate.json\n"
        "  debatekit align debate.xml captions.srt -o debate.vtt   speaker-labelled captions\n"
        "  debatekit align debate.txt captions.vtt --to json       to standard output\n",
        formatter_class=_formatter,
    )
    align.add_argument("transcript", metavar="TRANSCRIPT", help="the transcript, or - (stdin)")
    align.add_argument("captions", metavar="CAPTIONS", help="its captions (WebVTT, SRT, ...)")
    align.add_argument("-o", "--output", metavar="OUT", help="output file, or - (stdout)")
    align.add_argument("--from", dest="from_", metavar="FMT", help=f"transcript format ({fmts})")
    align.add_argument("--captions-from", metavar="FMT", help="captions format (default: suffix)")
    align.add_argument("--to", metavar="FMT", help=f"output format ({fmts})")


# -- helpers ----------------------------------------------------------------------


def _add_boundary_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-outside-root",
        dest="allow_outside_root",
        action="store_true",
        help="read files outside an input folder or corpus root's folder too (symbolic "
        "links, ../ includes); refused by default",
    )
