"""File handling shared by every format: binary file checks, atomic writes, and
``read``/``write``, which pick a format module from the file suffix."""

from __future__ import annotations

import codecs
import contextlib
import functools
import gc
import importlib
import io
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, Any, ParamSpec, Protocol, TypeVar, cast

from ._atomic import atomic_write
from .errors import FormatError, ParseError, ParseWarning, _report
from .models import Transcript

__all__ = [
    "FORMATS",
    "FORMAT_OPTIONS",
    "OUTPUT_ONLY",
    "SUFFIXES",
    "atomic_write",
    "check_binary",
    "check_not_empty",
    "decode_text",
    "dumps",
    "format_for",
    "format_name",
    "formats",
    "gc_paused",
    "loads",
    "no_gc",
    "read",
    "readable",
    "readable_formats",
    "source_name",
    "suffix_for",
    "write",
]

#: Format name -> module that implements it (imported on first use).
FORMATS: dict[str, str] = {
    "json": "debatekit.json",
    "html": "debatekit.html",
    "aif": "debatekit.aif",
    "tei": "debatekit.tei",
    "text": "debatekit.text",
    "vtt": "debatekit.captions",
    "srt": "debatekit.captions",
    "parlamint": "debatekit.parlamint",
    "conllu": "debatekit.conllu",
}
#: The formats debatekit writes but cannot read: their modules have no ``load``
#: (tests/test_io_lazy.py checks the two agree). Named here so that listing what can
#: be read imports no format module.
OUTPUT_ONLY: frozenset[str] = frozenset(["html", "parlamint"])
#: File suffix -> format name. A compound suffix (``.aif.json``) wins over its last part;
#: a format's first suffix here is the one it writes (AIF: ``.aif.json``, and ``.aif``
#: reads too). Each suffix without its dot is also a name for its format (``--to txt``).
SUFFIXES: dict[str, str] = {
    ".aif.json": "aif",
    ".aif": "aif",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xml": "tei",
    ".txt": "text",
    ".md": "text",
    ".vtt": "vtt",
    ".srt": "srt",
    ".conllu": "conllu",
}
#: Options a format name implies for its module (one module serves "vtt" and "srt").
FORMAT_OPTIONS: dict[str, dict[str, Any]] = {
    "vtt": {"format": "vtt"},
    "srt": {"format": "srt"},
}


class _FormatModule(Protocol):
    def load(self, fp: IO[bytes], /, *, source: str | None = ...) -> Transcript: ...
    def dumps(self, transcript: Transcript, /) -> str: ...


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reader builds many small objects.

    Model objects hold no reference cycles, so the collector's passes during a bulk
    build find nothing; and as each pass walks every object alive, they make a large
    read cost more per megabyte than a small one (not linear). Pausing it keeps the
    read linear and cuts its time (JSON: by half).

    Objects built in the pause are young when it ends, and the collector's next pass
    walks each once. debatekit leaves them there rather than ``gc.freeze()`` them: the
    only safe way (freeze then unfreeze, where nothing was frozen before) needs
    ``gc.get_freeze_count()``, which walks every frozen object (docs/formats/json.md).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_P = ParamSpec("_P")
_R = TypeVar("_R")


def gc_paused(func: Callable[_P, _R], /) -> Callable[_P, _R]:
    """``func`` run inside :func:`no_gc`: a reader's entry point, decorated. (A plain
    wrapper here, not contextlib's decorator, so that a warning the reader emits still
    points at the caller's code: only debatekit's own frames are stepped over.)"""

    @functools.wraps(func)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with no_gc():
            return func(*args, **kwargs)

    return paused


def check_binary(fp: object, mode: str) -> None:
    """Refuse a text-mode file object, or something that is no file object, with a
    message that names the fix."""
    if isinstance(fp, io.TextIOBase):
        raise TypeError(
            f"debatekit reads and writes binary files: open the file with "
            f"open(path, {mode!r}), not in text mode"
        )
    method = "read" if "r" in mode else "write"
    if not callable(getattr(fp, method, None)):
        raise TypeError(
            f"expected a binary file object (from open(path, {mode!r})), got {type(fp).__name__}"
        )


def decode_text(s: str | bytes, source: str | None, encoding: str = "utf-8") -> str:
    """``s`` as text: bytes decoded (UTF-8 by default), a leading byte-order mark dropped.

    Raises:
        ParseError: Bytes invalid in that encoding, with the offset of the first bad
            byte and its line and column.
        ValueError: An encoding Python does not know.
        TypeError: ``s`` is neither text nor bytes.
    """
    check_document(s)
    if isinstance(s, (bytes, bytearray, memoryview)):
        data = bytes(s)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        utf8 = codecs.lookup(encoding).name == "utf-8"
        try:
            s = data.decode("utf-8-sig" if utf8 else encoding)
        except UnicodeDecodeError as exc:
            name = "UTF-8" if utf8 else encoding
            lineno = data.count(b"\n", 0, exc.start) + 1
            colno = exc.start - data.rfind(b"\n", 0, exc.start)
            raise ParseError(
                f"invalid {name} at byte {exc.start}: {exc.reason}",
                source=source,
                lineno=lineno,
                colno=colno,
            ) from None
    return s[1:] if s.startswith("\ufeff") else s


# Where a surrogate escape may be (or "\\\\ud..", which the scan then steps over).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD]")
# In JSON text: an escape (so that "\\\\" pairs are stepped over), or a raw surrogate.
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)|[\ud800-\udfff]", re.DOTALL)


def json_surrogates(s: str, source: str | None, strict: bool = True, raw: bool = True) -> str:
    """JSON text ``s`` without lone surrogates (``"\\ud800"`` alone), which no file can
    hold. Strict: a ParseError at the first one. Lenient: each becomes U+FFFD, with a
    located ParseWarning. ``raw=False`` says ``s`` was decoded from bytes, so it holds
    no raw surrogate (only escapes can make one).

    Linear, and cheap where nothing can be wrong: a substring search (and, for a raw
    ``str``, an encoding attempt) before any scan.
    """
    # "\\" alone is found at memchr speed; the pattern only where there are escapes.
    escapes = "\\" in s and _SURROGATE_ESCAPE.search(s) is not None
    if not escapes and (not raw or s.isascii() or _encodes(s)):
        return s
    lone: list[re.Match[str]] = []
    high: re.Match[str] | None = None  # a high surrogate escape awaiting its low half
    for found in _JSON_ESCAPE.finditer(s):
        hex_ = found.group(1)
        if hex_ is not None:
            code = int(hex_, 16)
        elif found.group().startswith("\\"):
            code = 0  # another escape
        else:
            code = ord(found.group())  # a raw surrogate in a str: never half of a pair
        if high is not None and not (
            0xDC00 <= code <= 0xDFFF and hex_ is not None and high.end() == found.start()
        ):
            lone.append(high)
        if high is not None and 0xDC00 <= code <= 0xDFFF and hex_ is not None:
            paired = high.end() == found.start()
            high = None
            if paired:
                continue
        if 0xD800 <= code <= 0xDBFF and hex_ is not None:
            high = found
        elif 0xD800 <= code <= 0xDFFF:
            lone.append(found)
    if high is not None:
        lone.append(high)
    if not lone:
        return s
    pieces: list[str] = []
    done = line = 0
    line_start = -1  # offset of the newline before the current line
    for found in lone:
        at = found.start()
        line += s.count("\n", done, at)  # counted once over the text: linear
        line_start = max(line_start, s.rfind("\n", done, at))
        lineno, colno = line + 1, at - line_start
        message = f"lone surrogate {found.group()!r}: not a character any file can hold"
        if strict:
            raise ParseError(message, source=source, lineno=lineno, colno=colno)
        message += "; replaced by U+FFFD"
        _report(ParseWarning(message, source=source, lineno=lineno, colno=colno), strict=False)
        pieces += [s[done:at], "\\ufffd" if found.group(1) else "\ufffd"]
        done = found.end()
    return "".join(pieces) + s[done:]


def _encodes(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_document(data: object, what: str = "a document") -> None:
    """Refuse anything but text or bytes as ``what`` to read (wrong API use)."""
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"expected {what} as str or bytes, got {type(data).__name__}")


def check_transcript(value: object) -> None:
    """Refuse anything but a Transcript given to a writer (wrong API use)."""
    if not isinstance(value, Transcript):
        raise TypeError(f"expected a debatekit.Transcript, got {type(value).__name__}")


def source_name(fp: object) -> str | None:
    """The file name of a file object, for error messages, if it has one."""
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else None


#: How an error message tells a Python caller to name the format (the command line
#: says ``--from FMT`` or ``--to FMT`` instead).
FORMAT_HINT = "pass format=..."


def format_name(name: str) -> str:
    """The format a name stands for: a format name, or one of its suffixes without the
    dot (``"txt"`` and ``"md"`` are ``"text"``, ``"xml"`` is ``"tei"``).

    Raises:
        FormatError: Neither.
    """
    if name in FORMATS:
        return name
    found = SUFFIXES.get("." + name.lower().lstrip("."))
    if found is None:
        raise FormatError(
            f"unknown format {name!r}: expected one of {', '.join(sorted(FORMATS))} "
            f"(or a suffix: {', '.join(sorted(s[1:] for s in SUFFIXES))})"
        )
    return found


def _suffix_of(path: str | os.PathLike[str]) -> str:
    """The longest known suffix ``path`` ends with, else its last suffix."""
    name = Path(path).name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return Path(name).suffix


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format name for ``path``: ``format`` if given (a name or a suffix, see
    :func:`format_name`), else from the file suffix."""
    if format is not None:
        if not isinstance(format, str):
            raise TypeError(f"format must be a format name (str), got {type(format).__name__}")
        return format_name(format)
    suffix = _suffix_of(path)
    try:
        return SUFFIXES[suffix]
    except KeyError:
        known = ", ".join(sorted(SUFFIXES))
        what = f"suffix {suffix!r}" if suffix else "no suffix"
        raise FormatError(
            f"{os.fspath(path)}: cannot tell the format from {what}: expected one of "
            f"{known}, or {FORMAT_HINT}"
        ) from None


def _module(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])


def _reader(name: str, where: str) -> _FormatModule:
    """The module of a format that can be read; FormatError for an output-only one."""
    module = _module(name)
    if not hasattr(module, "load"):
        raise FormatError(
            f"{where}: {name} is an output-only format: debatekit writes it "
            "but cannot read it back; read the transcript from its JSON or TEI file"
        )
    return cast("_FormatModule", module)


def readable(path: str | os.PathLike[str]) -> bool:
    """Whether a file with this name (or suffix) can be read: known, not output-only."""
    text = os.fspath(path)
    name = SUFFIXES.get(_suffix_of(text if not text.startswith(".") else "x" + text))
    return name is not None and name not in OUTPUT_ONLY


def readable_formats() -> tuple[str, ...]:
    """The names of the formats debatekit can read, sorted (no module imported)."""
    return tuple(name for name in sorted(FORMATS) if name not in OUTPUT_ONLY)


def read(
    path: str | os.PathLike[str], /, *, format: str | None = None, **options: Any
) -> Transcript:
    """Read a transcript from a file, choosing the format from its suffix.

    Args:
        path: The file.
        format: A format name (``"json"``, ...) to use instead of the suffix.
        **options: Passed to the format's ``load``.

    Raises:
        FormatError: The format is unknown, or can only be written (``"html"``).
        ParseError: The file cannot be read as that format.
        ValidationError: The file reads, but as a transcript that breaks an invariant.
    """
    name = format_for(path, format)
    module = _reader(name, os.fspath(path))
    options = {**FORMAT_OPTIONS.get(name, {}), **options}
    with open(path, "rb") as fp:
        check_not_empty(fp, os.fspath(path))
        return module.load(fp, source=os.fspath(path), **options)


def check_not_empty(fp: IO[bytes], source: str) -> None:
    """Refuse a file that holds nothing but white space, in every format alike.

    Raises:
        ParseError: ``empty file``, at line 1, column 1.
    """
    start = fp.tell()
    chunk = fp.read(65536).removeprefix(b"\xef\xbb\xbf")
    empty = True
    while chunk:
        if chunk.strip(b" \t\r\n\x0b\x0c"):
            empty = False
            break
        chunk = fp.read(65536)
    fp.seek(start)
    if empty:
        raise ParseError("empty file", source=source, lineno=1, colno=1)


#: Formats written as several files by their module's own ``write(transcript, path)``.
_SEVERAL_FILES = frozenset(["parlamint"])


def write(
    transcript: Transcript,
    path: str | os.PathLike[str],
    /,
    *,
    format: str | None = None,
    **options: Any,
) -> None:
    """Write a transcript to a file, choosing the format from its suffix.

    The file is written whole or not at all (see :mod:`debatekit._atomic`): a failure,
    even a kill, leaves no partial file and no temporary file. The folder must exist.

    Raises:
        OSError: The file cannot be written (folder missing, disk full, read-only); the
            error's ``filename`` is ``path``.
    """
    check_transcript(transcript)
    name = format_for(path, format)
    module = _module(name)
    if name in _SEVERAL_FILES:  # parlamint: NAME.txt and NAME-meta.tsv
        module.write(transcript, path, **{**FORMAT_OPTIONS.get(name, {}), **options})
        return
    data = module.dumps(transcript, **{**FORMAT_OPTIONS.get(name, {}), **options})
    if not data.endswith("\n"):
        data += "\n"
    atomic_write(path, data.encode("utf-8"))


def loads(
    data: str | bytes, /, *, format: str, source: str | None = None, **options: Any
) -> Transcript:
    """Read a transcript from a string or bytes in the named format.

    Args:
        data: The document. Bytes are decoded by the format (UTF-8 unless it says otherwise).
        format: A format name, as in :func:`read`.
        source: A name for the input, shown in error messages.
        **options: Passed to the format's ``loads``.
    """
    check_document(data)
    name = format_for("", format)
    module = _reader(name, source or "<string>")
    options = {**FORMAT_OPTIONS.get(name, {}), **options}
    if isinstance(data, (bytes, bytearray, memoryview)):
        with io.BytesIO(bytes(data)) as fp:
            check_not_empty(fp, source or "<string>")
            return module.load(fp, source=source, **options)
    if not data.lstrip("\ufeff").strip():
        raise ParseError("empty file", source=source, lineno=1, colno=1)
    result: Transcript = cast("Any", module).loads(data, source=source, **options)
    return result


def dumps(transcript: Transcript, /, *, format: str, **options: Any) -> str:
    """Serialise a transcript to a string in the named format."""
    check_transcript(transcript)
    name = format_for("", format)
    options = {**FORMAT_OPTIONS.get(name, {}), **options}
    result: str = _module(name).dumps(transcript, **options)
    return result


def suffix_for(format: str) -> str:
    """The usual file suffix of a format (the first one registered for it)."""
    format = format_name(format)
    if format == "parlamint":
        return ".txt"
    for suffix, name in SUFFIXES.items():
        if name == format:
            return suffix
    return f".{format}"


def formats() -> tuple[str, ...]:
    """The names of the formats debatekit reads or writes, sorted."""
    return tuple(sorted(FORMATS))
