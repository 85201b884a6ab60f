"""File handling shared by every format: binary file checks, atomic writes, and
``read``/``write``, which pick a format module from the file suffix."""

from __future__ import annotations

import codecs
import contextlib
import importlib
import io
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Protocol, cast

from .errors import FormatError, ParseError
from .models import Transcript

__all__ = [
    "FORMATS",
    "FORMAT_OPTIONS",
    "SUFFIXES",
    "check_binary",
    "decode_text",
    "dumps",
    "format_for",
    "formats",
    "loads",
    "read",
    "readable",
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
}
#: File suffix -> format name.
SUFFIXES: dict[str, str] = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xml": "tei",
    ".txt": "text",
    ".md": "text",
    ".vtt": "vtt",
    ".srt": "srt",
}
#: Options a format name implies for its module (one module serves "vtt" and "srt").
FORMAT_OPTIONS: dict[str, dict[str, Any]] = {
    "vtt": {"format": "vtt"},
    "srt": {"format": "srt"},
}


class _FormatModule(Protocol):
    def load(self, fp: IO[bytes], /, *, source: str | None = ...) -> Transcript: ...
    def dumps(self, transcript: Transcript, /) -> str: ...


def check_binary(fp: object, mode: str) -> None:
    """Refuse a text-mode file object with a message that names the fix."""
    if isinstance(fp, io.TextIOBase):
        raise TypeError(
            f"debatekit reads and writes binary files: open the file with "
            f"open(path, {mode!r}), not in text mode"
        )


def decode_text(s: str | bytes, source: str | None, encoding: str = "utf-8") -> str:
    """``s`` as text: bytes decoded (UTF-8 by default), a leading byte-order mark dropped.

    Raises:
        ParseError: Bytes invalid in that encoding, with the offset of the first bad
            byte and its line and column.
        ValueError: An encoding Python does not know.
    """
    if isinstance(s, (bytes, bytearray)):
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


def source_name(fp: object) -> str | None:
    """The file name of a file object, for error messages, if it has one."""
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else None


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format name for ``path``: ``format`` if given, else from the file suffix."""
    if format is not None:
        if format not in FORMATS:
            raise FormatError(
                f"unknown format {format!r}: expected one of {', '.join(sorted(FORMATS))}"
            )
        return format
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        known = ", ".join(sorted(SUFFIXES))
        what = f"suffix {suffix!r}" if suffix else "no suffix"
        raise FormatError(
            f"{os.fspath(path)}: cannot tell the format from {what}: expected one of "
            f"{known}, or pass format=..."
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


def readable(suffix: str) -> bool:
    """Whether files with this suffix can be read (known, and not output-only)."""
    name = SUFFIXES.get(suffix.lower())
    return name is not None and hasattr(_module(name), "load")


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
        return module.load(fp, source=os.fspath(path), **options)


def write(
    transcript: Transcript,
    path: str | os.PathLike[str],
    /,
    *,
    format: str | None = None,
    **options: Any,
) -> None:
    """Write a transcript to a file, choosing the format from its suffix.

    The file is written whole or not at all: the text goes to a temporary file in
    the same folder, which then replaces ``path``. A failure leaves no partial file.
    """
    name = format_for(path, format)
    module = _module(name)
    if hasattr(module, "write"):  # a format of several files (parlamint: .txt, -meta.tsv)
        module.write(transcript, path, **{**FORMAT_OPTIONS.get(name, {}), **options})
        return
    data = module.dumps(transcript, **{**FORMAT_OPTIONS.get(name, {}), **options})
    if not data.endswith("\n"):
        data += "\n"
    atomic_write(path, data.encode("utf-8"))


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fp:
            fp.write(data)
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
    name = format_for("", format)
    module = _reader(name, source or "<string>")
    options = {**FORMAT_OPTIONS.get(name, {}), **options}
    if isinstance(data, (bytes, bytearray)):
        with io.BytesIO(bytes(data)) as fp:
            return module.load(fp, source=source, **options)
    result: Transcript = cast("Any", module).loads(data, source=source, **options)
    return result


def dumps(transcript: Transcript, /, *, format: str, **options: Any) -> str:
    """Serialise a transcript to a string in the named format."""
    name = format_for("", format)
    options = {**FORMAT_OPTIONS.get(name, {}), **options}
    result: str = _module(name).dumps(transcript, **options)
    return result


def suffix_for(format: str) -> str:
    """The usual file suffix of a format (the first one registered for it)."""
    format_for("", format)
    if format == "parlamint":
        return ".txt"
    for suffix, name in SUFFIXES.items():
        if name == format:
            return suffix
    return f".{format}"


def formats() -> tuple[str, ...]:
    """The names of the formats debatekit reads or writes, sorted."""
    return tuple(sorted(FORMATS))
