"""The ``debatekit`` command line, built on the public API only: :func:`debatekit.read`,
:func:`debatekit.write`, :func:`debatekit.loads`, :func:`debatekit.dumps` and
:mod:`debatekit.datasets`.

Exit codes (when several files fail, the largest code is returned):

====  ===========================================================
0     success
1     invalid input: a file could not be parsed or is not valid
2     wrong usage: unknown option, format or command
3     an input file is missing or cannot be read
4     an output file cannot be written
5     the engine cannot run: the Dask scheduler cannot be reached
====  ===========================================================
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import errno
import gc
import json as _json
import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

import attrs

from . import _cli_args, corpus, dumps, loads, write
from ._atomic import make_folder
from ._io import (
    FORMAT_HINT,
    format_for,
    format_name,
    no_gc,
    read,
    readable_formats,
    suffix_for,
)
from ._optional import import_optional
from ._progress import Progress
from .corpus import _GLOB_CHARS, Source
from .errors import (
    AlignmentWarning,
    DebatekitError,
    EngineError,
    FormatError,
    LossWarning,
    ParseError,
    ParseWarning,
    ValidationError,
)
from .models import Transcript

__all__ = [
    "EXIT_CANT_WRITE",
    "EXIT_ENGINE",
    "EXIT_INVALID",
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_NO_INPUT = 3
EXIT_CANT_WRITE = 4
EXIT_ENGINE = 5

_STDIO = "-"


class _UsageError(Exception):
    """A mistake in the command line itself (exit code 2)."""


@attrs.frozen
class _Outcome:
    """What happened to one input: picklable, so workers can send it back."""

    source: str
    target: str | None
    code: int
    message: str = ""
    warnings: tuple[str, ...] = ()


@attrs.frozen
class _Input:
    """One transcript to read: a corpus source, or standard input (``source=None``).

    Picklable, so worker processes can read it.
    """

    label: str
    source: Source | None = None
    base: str | None = None  # the folder it was found in, for output names

    def read(self, from_: str | None) -> Transcript:
        if self.source is None:
            if from_ is None:
                raise _UsageError("reading standard input needs --from FMT")
            return loads(sys.stdin.buffer.read(), format=from_, source="<stdin>")
        source = self.source
        if format_for(source.path, source.format) == "tei":
            # One pass, without the XML tree: a third of the memory (tei.loads).
            return read(source.path, format="tei", **dict(source.options), low_memory=True)
        return source.read()


def _inputs(
    names: Sequence[str], from_: str | None, strict: bool, allow_outside: bool = False
) -> list[_Input]:
    """Every transcript the command line names: files, folders, patterns, corpus roots.

    Folders, patterns and ParlaMint roots expand as :func:`debatekit.corpus.open` does
    (roots stand for their sessions, read with the corpus lists). A path that does not
    exist is an OSError (exit code 3).
    """
    found: list[_Input] = []
    for name in names:
        if name == _STDIO:
            found.append(_Input(_STDIO))
            continue
        path = Path(name)
        if not path.exists() and not (_GLOB_CHARS & set(name)):
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
        base = name if path.is_dir() else (str(path.parent) if path.exists() else None)
        with warnings.catch_warnings(record=True) as caught:  # a root's missing sessions
            warnings.simplefilter("always", ParseWarning)
            sources = corpus.open(
                name, format=from_, strict=strict, allow_outside=allow_outside
            ).sources
        for note in caught:
            _warn(str(note.message))
        found.extend(_Input(source.path, source, base) for source in sources)
    return found


def _read_input(
    name: str, from_: str | None, strict: bool = True, allow_outside: bool = False
) -> Transcript:
    """Read one named input (a file, or - for standard input)."""
    inputs = _inputs([name], from_, strict, allow_outside)
    if len(inputs) != 1:
        raise _UsageError(f"{name}: holds {len(inputs)} transcripts; name one")
    return inputs[0].read(from_)


def _write_output(
    transcript: Transcript, target: str, to: str | None, into_folder: bool = False
) -> None:
    """Write one output. Its folder must exist, unless it is one of several outputs
    into an ``-o`` folder, whose subfolders are created (see :func:`_confined`)."""
    if target == _STDIO:
        if to is None:
            raise _UsageError("writing standard output needs --to FMT")
        _emit(dumps(transcript, format=to))
    else:
        if into_folder:
            make_folder(Path(target).parent)
        write(transcript, target, format=to)


def _emit(text: str) -> None:
    """Print an output as UTF-8 with the newlines it has (no CRLF and no locale code
    page on Windows), so that ``--to FMT`` gives the same bytes as ``-o FILE``."""
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (a test's StringIO)
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def _code_for(exc: BaseException, *, writing: bool) -> int:
    if isinstance(exc, _UsageError | FormatError):
        return EXIT_USAGE
    if isinstance(exc, LossWarning):
        return EXIT_INVALID
    if isinstance(exc, EngineError):
        return EXIT_ENGINE
    if isinstance(exc, DebatekitError):
        return EXIT_INVALID
    if isinstance(exc, OSError):
        return EXIT_CANT_WRITE if writing else EXIT_NO_INPUT
    return EXIT_INVALID


def _describe(exc: BaseException, path: str, writing: bool = False) -> str:
    if isinstance(exc, FormatError):
        option = "--to FMT" if writing else "--from FMT"
        return str(exc).replace(FORMAT_HINT, f"pass {option}")
    if isinstance(exc, LossWarning):
        return f"{path}: {exc} (refused: --strict)"
    if isinstance(exc, ValidationError):
        return "\n".join(f"{path}: {p.path}: {p.message}" for p in exc.problems)
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else path
        return f"{name}: {exc.strerror or exc}"
    text = str(exc)
    if isinstance(exc, ParseError):  # located already: source:line:column
        return text
    if isinstance(exc, EngineError):  # about the engine, not a file
        return text
    if isinstance(exc, DebatekitError) and not text.startswith((path, "<")):
        return f"{path}: {text}"
    return text


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


@attrs.frozen
class _ConvertJob:
    """Convert one (input, target) pair with a command's options; never raises (runs in
    worker processes and on Dask workers too: picklable, and returns a small summary)."""

    from_: str | None
    to: str | None
    into_folder: bool = False
    strict: bool = False
    #: Leave the transcript read to the process exit (see :func:`run`): set only for
    #: the one file a ``debatekit`` process converts itself.
    keep: bool = False

    def __call__(self, pair: tuple[_Input, str]) -> _Outcome:
        item, target = pair
        source, writing = item.label, False
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ParseWarning)
            warnings.simplefilter("error" if self.strict else "always", LossWarning)
            try:
                if source != _STDIO and target != _STDIO and _same_file(source, target):
                    raise _UsageError(f"{source}: refusing to convert a file onto itself")
                # The collector paused from reading to writing, and the transcript
                # freed before it resumes: its first pass would walk every object
                # read (a tenth of a second for a 40 MB session), finding no cycle.
                with no_gc():
                    transcript = item.read(self.from_)
                    writing = True
                    _write_output(transcript, target, self.to, self.into_folder)
                    if self.keep and _kept is not None:
                        _kept.append(transcript)
                        gc.freeze()  # the collector's next pass would walk it all
                    del transcript
            except (DebatekitError, OSError, _UsageError, LossWarning) as exc:
                code, message = _code_for(exc, writing=writing), _describe(exc, source, writing)
            else:
                code, message = EXIT_OK, ""
        notes = tuple(_note(w.message, source) for w in caught)
        return _Outcome(source, target, code, message, notes)


# -- commands ---------------------------------------------------------------------


def _plan(args: argparse.Namespace) -> list[tuple[_Input, str]]:
    """Pair every input with its output path, or raise _UsageError."""
    items = _inputs(args.inputs, args.from_, not args.lenient, args.allow_outside_root)
    output: str | None = args.output
    if not items:
        raise _UsageError("no input files found")
    to = args.to
    if output is None or output == _STDIO:
        if len(items) > 1:
            raise _UsageError("several inputs need -o DIR")
        if to is None:
            raise _UsageError("writing standard output needs --to FMT (or give -o FILE)")
        return [(items[0], _STDIO)]
    out = Path(output)
    # One file named, read as itself (a corpus root stands for its sessions: a folder).
    named_file = (
        len(args.inputs) == 1
        and Path(args.inputs[0]).is_file()
        and len(items) == 1
        and items[0].source is not None
        and Path(items[0].source.path) == Path(args.inputs[0])
    )
    many = len(items) > 1 or not named_file or out.is_dir() or output.endswith(("/", os.sep))
    if not many:
        return [(items[0], output)]
    if to is None:
        raise _UsageError("converting into a folder needs --to FMT")
    suffix = suffix_for(to)
    plan: list[tuple[_Input, str]] = []
    seen: dict[str, str] = {}
    for item in items:
        if item.source is None:
            raise _UsageError("standard input cannot be converted into a folder")
        path = Path(item.source.path)
        relative = _confined(path, item.base)
        target = str((out / relative).with_suffix(suffix))
        if target in seen:  # a.txt beside a.json: keep the whole name
            target = str(out / relative) + suffix
        if target in seen:
            raise _UsageError(f"{item.label} and {seen[target]} would both write {target}")
        seen[target] = item.label
        plan.append((item, target))
    return plan


def _confined(path: Path, base: str | None) -> Path:
    """The output name of an input, relative to the ``-o`` folder and never outside it.

    An input's path below the folder it was found in is kept (``2020/s1.xml``). An
    input outside that folder (a corpus root's session ``../other/s.xml``, read with
    ``--allow-outside-root``) is flattened to its file name: nothing is ever written
    outside ``-o``.
    """
    if base is None:
        return Path(path.name)
    relative = os.path.normpath(os.path.relpath(os.path.abspath(path), os.path.abspath(base)))
    parts = Path(relative).parts
    if Path(relative).is_absolute() or not parts or parts[0] == os.pardir:
        return Path(path.name)
    return Path(relative)


def _note(message: Warning | str, source: str) -> str:
    """A warning as one line; a LossWarning is prefixed with the input it is about."""
    if isinstance(message, LossWarning):
        return f"{source}: {message}"
    return str(message)


def _formats(args: argparse.Namespace) -> None:
    """Turn --from/--to names (``txt``, ``xml``, ...) into format names, or fail (exit 2)."""
    if getattr(args, "to", None) is not None:
        args.to = format_name(args.to)
    if getattr(args, "from_", None) is not None:
        args.from_ = format_name(args.from_)
        if args.from_ not in readable_formats():
            raise _UsageError(
                f"--from {args.from_}: debatekit writes this format but cannot read it; "
                f"expected one of {', '.join(readable_formats())}"
            )


def _convert(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise _UsageError("-j needs a number of at least 1")
    dask = _engine(args) == "dask"
    plan = _plan(args)
    progress = Progress(len(plan), sys.stderr)
    outcomes: list[_Outcome] = []
    into_folder = not (len(plan) == 1 and plan[0][1] in (args.output, _STDIO, None))
    job = _ConvertJob(args.from_, args.to, into_folder, args.strict, keep=len(plan) == 1)
    results: Iterable[_Outcome]
    with contextlib.ExitStack() as running:
        if dask and len(plan) > 1:
            from . import _dask  # (the optional parts are imported where used)

            sizes = [_dask.file_size(item.source.path if item.source else None) for item, _ in plan]
            where = running.enter_context(_dask.engine(min(args.jobs, len(plan)), args.scheduler))
            results = _dask.run(where, job, plan, sizes)
        elif args.jobs == 1 or len(plan) == 1:
            results = map(job, plan)
        else:
            from ._workers import worker_pool

            results = running.enter_context(worker_pool(min(args.jobs, len(plan)))).map(job, plan)
        for outcome in results:
            outcomes.append(outcome)
            progress.step(outcome.source)
    progress.close()
    for outcome in outcomes:
        for note in outcome.warnings:
            _warn(note)
    failed = [o for o in outcomes if o.code]
    for outcome in failed:
        _error(outcome.message)
    if failed and len(plan) > 1:
        _error(f"{len(failed)} of {len(plan)} files failed; the others were converted")
    return max((o.code for o in outcomes), default=EXIT_OK)


def _engine(args: argparse.Namespace) -> str:
    """Where ``convert`` runs: ``processes`` or ``dask`` (checked: Dask is installed)."""
    if args.scheduler is not None and args.engine == "processes":
        raise _UsageError("--scheduler runs on Dask: use it without --engine processes")
    engine: str = args.engine or ("dask" if args.scheduler is not None else "processes")
    if engine == "dask":  # the local scheduler is Dask's own; a cluster's client is distributed's
        try:
            import_optional("dask" if args.scheduler is None else "distributed", "dask")
        except ModuleNotFoundError as exc:
            raise _UsageError(f"--engine dask: {exc}") from None
    return engine


def _validate(args: argparse.Namespace) -> int:
    code = EXIT_OK
    checked = 0
    for name in args.files:
        try:
            items = _inputs([name], args.from_, not args.lenient, args.allow_outside_root)
        except (DebatekitError, OSError) as exc:
            checked += 1
            code = max(code, _code_for(exc, writing=False))
            print(_describe(exc, name))
            continue
        for item in items:
            checked += 1
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ParseWarning)
                try:
                    item.read(args.from_)
                except (DebatekitError, OSError, _UsageError) as exc:
                    code = max(code, _code_for(exc, writing=False))
                    print(_describe(exc, item.label))
                else:
                    print(f"{item.label}: ok")
            for note in caught:
                print(f"{item.label}: warning: {note.message}")
    if not checked:
        raise _UsageError("no input files found")
    return code


def _example(args: argparse.Namespace) -> int:
    from . import datasets

    if args.name is None:
        for name in datasets.names():
            transcript = datasets.load(name)
            print(f"{name}\t{transcript.event.title or ''}")
        return EXIT_OK
    transcript = datasets.load(args.name)
    output = args.output or _STDIO
    to = args.to
    if to is None:
        to = "json" if output == _STDIO else None
    _write_output(transcript, output, to)
    return EXIT_OK


def _incidents(transcript: Transcript) -> int:
    """Non-speech items: between turns and inside them."""
    between = len(transcript.body) - len(transcript.turns)
    return between + sum(len(turn.incidents) for turn in transcript.turns)


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
            "place": event.place,
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
        "timed_turns": sum(turn.start is not None for turn in transcript.turns),
        "incidents": _incidents(transcript),
        "claims": len(transcript.claims),
        "relations": len(transcript.relations),
    }


def _info_lines(transcript: Transcript) -> list[str]:
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
        ("place", event.place),
    ):
        if value is not None:
            lines.append(f"  {name + ':':<11}{value}")
    lines.append("")
    stats = transcript.speaker_stats()
    rows = [("speaker", "turns", "words", "share")]
    rows += [(s.name, str(s.turns), str(s.words), f"{s.share:.1%}") for s in stats]
    total = (
        "total",
        str(sum(s.turns for s in stats)),
        str(sum(s.words for s in stats)),
        "100.0%" if any(s.words for s in stats) else "",
    )
    width = max(len(r[0]) for r in [*rows, total])
    for name, turns, words, share in rows:
        lines.append(f"{name:<{width}}  {turns:>5}  {words:>6}  {share:>6}")
    lines.append("-" * (width + 23))
    lines.append(f"{total[0]:<{width}}  {total[1]:>5}  {total[2]:>6}  {total[3]:>6}")
    lines.append("")
    incidents = _incidents(transcript)
    lines.append(
        f"incidents: {incidents}  claims: {len(transcript.claims)}  "
        f"relations: {len(transcript.relations)}"
    )
    timed = sum(turn.start is not None for turn in transcript.turns)
    lines.append(f"times: {timed} of {len(transcript.turns)} turns")
    convention = transcript.meta.get("text:convention")
    if convention:  # read from plain text: the convention the sniffer chose
        labels = sum(1 for turn in transcript.turns if turn.label is not None)
        speakers = len(transcript.speakers)
        lines.append(f"convention: {convention} ({labels} labels, {speakers} speakers)")
    return lines


def _info(args: argparse.Namespace) -> int:
    if args.file is None:
        from . import datasets

        transcript = datasets.load(datasets.names()[0])
    else:
        transcript = _read_input(args.file, args.from_, not args.lenient, args.allow_outside_root)
    if args.json:
        _emit(_json.dumps(summary(transcript), ensure_ascii=False, indent=2))
    else:
        _emit("\n".join(_info_lines(transcript)))
    return EXIT_OK


def _align(args: argparse.Namespace) -> int:
    # --from and --to are checked for every command (_formats); --captions-from here.
    if args.captions_from is not None:
        args.captions_from = format_name(args.captions_from)
    output = args.output or _STDIO
    if output == _STDIO and args.to is None:
        raise _UsageError("writing standard output needs --to FMT (or give -o FILE)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ParseWarning)
        warnings.simplefilter("always", AlignmentWarning)
        transcript = _read_input(args.transcript, args.from_)
        timed = _read_input(args.captions, args.captions_from)
        from ._align import align

        result = align(transcript, timed)
    for note in caught:
        _warn(str(note.message))
    _write_output(result, output, args.to)
    return EXIT_OK


_COMMANDS = {
    "info": _info,
    "convert": _convert,
    "validate": _validate,
    "example": _example,
    "align": _align,
}


def _warn(message: str) -> None:
    print(f"debatekit: warning: {message}", file=sys.stderr)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Every warning not otherwise handled, as one ``debatekit: warning:`` line."""
    _warn(str(message))


def _error(message: str) -> None:
    for line in message.splitlines() or [""]:
        print(f"debatekit: error: {line}", file=sys.stderr)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into KeyboardInterrupt, so that a killed conversion cleans up its
    temporary file exactly as Ctrl-C does (only in the main thread, where signals go)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


#: The transcripts :func:`run` lets the process exit drop; ``None`` outside it (tests
#: and programs that call :func:`main` keep nothing).
_kept: list[Transcript] | None = None


def run() -> NoReturn:
    """The ``debatekit`` console script (and ``python -m debatekit``): :func:`main`, then
    the process exit.

    Freeing a large transcript object by object costs a tenth of the whole conversion
    of a 40 MB session (issue 15); the operating system takes the memory back at once.
    So the transcript a one-file ``convert`` read is kept, and once its output is
    committed and the standard streams are flushed, the exit runs the ``atexit`` work
    (temporary files, logging) and ends the process without the interpreter's teardown.
    Where anything else might still run (another thread, a child process) or a stream
    cannot be flushed, the exit is the ordinary one.
    """
    global _kept
    _kept = []
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # pragma: no cover - a closed pipe: Python reports it
        raise SystemExit(code) from None
    if threading.active_count() > 1 or _children():
        raise SystemExit(code)
    atexit._run_exitfuncs()
    os._exit(code)


def _children() -> bool:
    """Whether this process started child processes that are still alive."""
    mp = sys.modules.get("multiprocessing")
    return mp is not None and bool(mp.active_children())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = _cli_args.parser()
    args = parser.parse_args(argv)
    if args.command is None:  # the main job: summarise the bundled dataset
        args = parser.parse_args(["info", *(["--debug"] if args.debug else [])])
    command = _COMMANDS[args.command]
    try:
        with _terminate_as_interrupt(), warnings.catch_warnings():
            warnings.showwarning = _show_warning
            _formats(args)
            return command(args)
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        return EXIT_OK
    except (DebatekitError, OSError, _UsageError) as exc:
        if args.debug:
            raise
        path = getattr(args, "file", None) or getattr(args, "output", None) or ""
        writing = args.command == "example"
        _error(_describe(exc, path, writing))
        return _code_for(exc, writing=writing)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
