"""Every exception and warning that debatekit raises on purpose.

All errors derive from :class:`DebatekitError`, so ``except debatekit.DebatekitError``
catches everything the library reports about bad input, and nothing else.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable
from types import FrameType

import attrs

__all__ = [
    "AlignmentWarning",
    "DebatekitError",
    "EngineError",
    "FormatError",
    "Loss",
    "LossWarning",
    "ParseError",
    "ParseWarning",
    "Problem",
    "UnknownIdError",
    "ValidationError",
    "WriteError",
]


class DebatekitError(Exception):
    """Base class of every error debatekit raises on purpose."""


def _where(source: str | None, lineno: int | None, colno: int | None, path: str | None) -> str:
    """Render a location as ``source:line:column`` (the form compilers and editors use)."""
    parts = [source or "<string>"]
    if lineno is not None:
        parts.append(str(lineno))
        if colno is not None:
            parts.append(str(colno))
    where = ":".join(parts)
    return f"{where}: {path}" if path else where


class _Located:
    """Where a parse problem is, for ParseError and ParseWarning alike."""

    msg: str
    source: str | None
    lineno: int | None
    colno: int | None
    path: str | None

    def _locate(
        self,
        msg: str,
        source: str | None,
        lineno: int | None,
        colno: int | None,
        path: str | None,
    ) -> str:
        """Keep the parts of the location and return the full message."""
        self.msg, self.source, self.lineno, self.colno, self.path = (
            msg,
            source,
            lineno,
            colno,
            path,
        )
        return f"{_where(source, lineno, colno, path)}: {msg}"


class ParseError(_Located, DebatekitError, ValueError):
    """Input that cannot be read as the format it claims to be.

    The message starts with the location, ``source:line:column: what went wrong``,
    so that editors and terminals can jump to it. Every part of the location is
    also available as an attribute.

    Attributes:
        msg: What went wrong, without the location.
        source: The file name, or ``None`` for a string (shown as ``<string>``).
        lineno: 1-based line, or ``None`` where the format has no lines (a JSON path).
        colno: 1-based column, or ``None`` where only the line is known.
        path: A path inside the document, such as ``$.body[4].speaker_id``.
    """

    def __init__(
        self,
        msg: str,
        *,
        source: str | None = None,
        lineno: int | None = None,
        colno: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(self._locate(msg, source, lineno, colno, path))

    @classmethod
    def at(cls, msg: str, doc: str, pos: int, *, source: str | None = None) -> ParseError:
        """Build the error for character offset ``pos`` of ``doc``.

        The line and column are computed here, only when an error is raised, so a
        scanner can track bare offsets cheaply.
        """
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        return cls(msg, source=source, lineno=lineno, colno=colno)

    def __reduce__(self) -> tuple[object, ...]:
        kwargs = {
            "source": self.source,
            "lineno": self.lineno,
            "colno": self.colno,
            "path": self.path,
        }
        return _rebuild, (type(self), self.msg, kwargs)


def _rebuild(cls: type[ParseError], msg: str, kwargs: dict[str, object]) -> ParseError:
    return cls(msg, **kwargs)  # type: ignore[arg-type]


@attrs.frozen
class Problem:
    """One broken invariant: where it is (``claims[3].turn_id``) and what is wrong."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationError(DebatekitError, ValueError):
    """A model that breaks its invariants; lists every problem, not just the first.

    Attributes:
        problems: Each problem with its path inside the model.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in transcript"
        super().__init__("\n".join([head + ":", *(f"  {p}" for p in self.problems)]))

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.problems,)


class EngineError(DebatekitError):
    """The engine a corpus job was given cannot run it: the Dask scheduler named cannot
    be reached (``debatekit convert --scheduler ADDRESS``: exit code 5)."""


class FormatError(DebatekitError, ValueError):
    """A format name or file suffix that debatekit does not know (or cannot read)."""


class WriteError(DebatekitError, ValueError):
    """A transcript that cannot be written in a format: a caption without a time, a
    character XML cannot hold. Every writer raises it, and nothing is written.

    The message starts with the format and, where there is one, the path of the part
    of the model at fault: ``vtt: body[0]: turn 'u1' has no start time``.

    Attributes:
        format: The format name (``"tei"``, ``"vtt"``, ...).
        msg: What is wrong, without the location.
        path: The part of the model at fault (``body[3]``), or ``None``.
    """

    def __init__(self, format: str, msg: str, *, path: str | None = None) -> None:
        self.format, self.msg, self.path = format, msg, path
        where = f"{format}: {path}" if path else format
        super().__init__(f"{where}: {msg}")

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild_write, (type(self), self.format, self.msg, self.path)


def _rebuild_write(cls: type[WriteError], fmt: str, msg: str, path: str | None) -> WriteError:
    return cls(fmt, msg, path=path)


class UnknownIdError(DebatekitError, KeyError):
    """A look-up by id that found nothing; the message starts with the id looked up."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown id"


class ParseWarning(_Located, UserWarning):
    """Something a lenient reader kept but was unsure of, with its location.

    Readers emit it through :mod:`warnings`; the strict mode of the same reader
    raises a :class:`ParseError` with the same message instead. Record them with
    ``warnings.catch_warnings(record=True)``.
    """

    def __init__(
        self,
        msg: str,
        *,
        source: str | None = None,
        lineno: int | None = None,
        colno: int | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(self._locate(msg, source, lineno, colno, path))

    def to_error(self) -> ParseError:
        """The :class:`ParseError` that strict mode raises for this warning."""
        return ParseError(
            self.msg, source=self.source, lineno=self.lineno, colno=self.colno, path=self.path
        )


def _report(warning: ParseWarning, *, strict: bool) -> None:
    """What every lenient reader does with a problem: in strict mode raise the
    :class:`ParseError`; otherwise warn, attributed to the first caller outside
    debatekit (so that ``warnings`` filters and messages point at the user's code)."""
    if strict:
        raise warning.to_error()
    level = 2  # 1 is this function; 2 its caller, the first frame looked at
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("debatekit"):
        level += 1
        frame = frame.f_back
    warnings.warn(warning, stacklevel=level)


@attrs.frozen
class Loss:
    """One kind of thing a conversion drops, with its count: ``149 claims``.

    Attributes:
        count: How many are dropped.
        one: The thing, singular (``"claim"``).
        many: The thing, plural (``"claims"``).
        names: Which ones, where they have names (event fields: ``("publisher", ...)``).
    """

    count: int
    one: str
    many: str
    names: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = f"{self.count} {self.one if self.count == 1 else self.many}"
        return f"{text} ({', '.join(self.names)})" if self.names else text


class LossWarning(UserWarning):
    """What a conversion drops because the target format has no place for it.

    Every writer emits at most one per transcript written, listing each kind of
    thing dropped with its count: ``text cannot carry 149 claims, 149 relations, 4
    event fields (publisher, series, source, language); see docs/conversions.md``.
    Turn it into an error with ``warnings.simplefilter("error", LossWarning)`` (the
    command line's ``convert --strict``).

    Attributes:
        format: The target format; the message starts with it.
        losses: What is dropped, in the order of the message.
    """

    def __init__(self, format: str, losses: Iterable[Loss]) -> None:
        self.format, self.losses = format, tuple(losses)
        parts = ", ".join(map(str, self.losses))
        super().__init__(f"{format} cannot carry {parts}; see docs/conversions.md")

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.format, self.losses)


class _Warner:
    """A reader's problem reporter: :func:`_report` with the source and mode bound.

    Args:
        source: The input's name, for every message.
        strict: Raise instead of warning.
        colno: The column used when a call gives none (captions report whole lines).
    """

    def __init__(self, source: str | None, strict: bool, colno: int | None = None) -> None:
        self.source, self.strict, self.colno = source, strict, colno

    def __call__(self, msg: str, lineno: int | None, colno: int | None = None) -> None:
        column = self.colno if colno is None else colno
        warning = ParseWarning(msg, source=self.source, lineno=lineno, colno=column)
        _report(warning, strict=self.strict)


class AlignmentWarning(UserWarning):
    """:func:`debatekit.align` could not give every turn a time (the captions cover
    only part of the transcript, or a passage is missing from them)."""
