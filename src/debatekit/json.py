"""debatekit's JSON format: the whole model, losslessly.

A document is one object::

    {"format": "debatekit", "version": "1.1", "event": {...}, "speakers": [...],
     "body": [{"type": "turn", ...}, {"type": "incident", ...}], "claims": [...], ...}

Keys follow the model's field order; fields at their default value (``null``, empty
lists and objects) are left out. Dates are ISO 8601 strings, times are seconds. The
JSON Schema is :func:`schema` (also ``docs/transcript.schema.json``).

When `orjson <https://github.com/ijl/orjson>`_ is installed (``pip install
debatekit[fast]``), it encodes: :func:`dumps` is then several times faster and holds less
memory, and the output is the same text either way (but for the spelling of a time under
0.0001 s: ``1e-6`` or ``1e-06``). Reading always uses the standard library's parser:
orjson parses these documents no faster and holds more memory (docs/formats/json.md has
the figures). :data:`BACKEND` names the encoder in use; set the environment variable
``DEBATEKIT_JSON_BACKEND=json`` before importing debatekit to use the standard library
even where orjson is installed.
"""

from __future__ import annotations

import json as _json
import os
from collections.abc import Callable, Iterator
from importlib import resources
from typing import IO, Any

import cattrs
from cattrs import AttributeValidationNote, IterableValidationNote

from . import _losses
from ._converter import converter, json_type
from ._io import check_binary, check_transcript, decode_text, json_surrogates, source_name
from ._io import no_gc as _no_gc
from .errors import ParseError, Problem, ValidationError
from .models import Transcript

__all__ = [
    "BACKEND",
    "FORMAT",
    "VERSION",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "schema",
    "to_dict",
]

#: The value of the document's ``format`` key.
FORMAT = "debatekit"
#: The version of the format this module writes. Readers accept any ``1.x``.
VERSION = "1.1"
_MAJOR = VERSION.split(".")[0]

_orjson_dumps: Callable[..., bytes] | None
try:
    if os.environ.get("DEBATEKIT_JSON_BACKEND", "").lower() == "json":
        raise ImportError("the standard library's json was asked for")
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson_dumps = None
    _ORJSON_INDENT = 0
else:
    _orjson_dumps = _orjson.dumps
    _ORJSON_INDENT = _orjson.OPT_INDENT_2

#: The JSON encoder in use: ``"orjson"`` when it is installed, else ``"json"``.
BACKEND = "orjson" if _orjson_dumps is not None else "json"


def _encode(data: dict[str, Any], indent: int | None) -> str:
    if _orjson_dumps is not None and indent in (None, 2):
        try:
            return _orjson_dumps(data, option=_ORJSON_INDENT if indent else 0).decode()
        except (TypeError, ValueError):  # e.g. a lone surrogate: let json say what it thinks
            pass
    separators = (",", ": ") if indent is not None else (",", ":")
    return _json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


def to_dict(transcript: Transcript, /) -> dict[str, Any]:
    """The JSON-ready dict of ``transcript``, with ``format`` and ``version`` first."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    data.update(converter.unstructure(transcript, Transcript))
    return data


def dumps(transcript: Transcript, /, *, indent: int | None = 2) -> str:
    """Serialise ``transcript`` to a JSON string.

    Args:
        transcript: The transcript.
        indent: Spaces per level (the default 2 is diff-friendly); ``None`` for one line.

    Returns:
        The document, without a trailing newline.
    """
    check_transcript(transcript)
    _losses.warn(transcript, "json")
    with _no_gc():
        return _encode(to_dict(transcript), indent)


def dump(transcript: Transcript, fp: IO[bytes], /, *, indent: int | None = 2) -> None:
    """Write ``transcript`` as UTF-8 JSON, with a final newline, to a binary file."""
    check_binary(fp, "wb")
    fp.write((dumps(transcript, indent=indent) + "\n").encode("utf-8"))


def loads(s: str | bytes, /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript from a JSON document.

    Args:
        s: The document (``bytes`` are decoded as UTF-8, with or without a BOM).
        source: A name for the input, shown in error messages (a file name).
        strict: Accepted as by every reader (see docs/errors.md); JSON repairs nothing,
            so every problem is a ParseError in both modes.

    Raises:
        ParseError: The text is not JSON, or the JSON does not have the shape of a
            transcript (the message names the JSON path and what was expected), or
            holds a lone surrogate (``"\\ud800"``), a character no file can hold.
            A transcript of the right shape that breaks an invariant (a turn's speaker
            is not declared, a claim's text is not its span) is one too, each problem
            at its JSON path (``$.body[3].speaker_id``).
    """
    s = json_surrogates(decode_text(s, source), source, raw=isinstance(s, str))
    with _no_gc():
        try:
            data = _json.loads(s)
        except _json.JSONDecodeError as exc:
            raise ParseError(exc.msg, source=source, lineno=exc.lineno, colno=exc.colno) from None
        except RecursionError:
            raise ParseError("document nested too deeply", source=source) from None
        transcript = from_dict(data, source=source)
        # Freed while the collector is still paused: its first pass then walks the
        # transcript only, not the parsed objects too (0.04 s of 0.3 s at 100,000 turns).
        del data
    return transcript


def load(fp: IO[bytes], /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript from a binary file object; see :func:`loads`."""
    check_binary(fp, "rb")
    name = source if source is not None else source_name(fp)
    return loads(fp.read(), source=name, strict=strict)


def from_dict(data: object, /, *, source: str | None = None) -> Transcript:
    """Build a transcript from JSON-ready data (what :func:`to_dict` returns)."""
    if not isinstance(data, dict):
        raise ParseError(f"expected an object, got {json_type(data)}", source=source, path="$")
    data = dict(data)
    fmt = data.pop("format", None)
    version = data.pop("version", None)
    if fmt != FORMAT:
        raise ParseError(
            f'not a debatekit document: expected "format": {FORMAT!r}, got {fmt!r}',
            source=source,
            path="$.format",
        )
    if not isinstance(version, str) or version.split(".")[0] != _MAJOR:
        raise ParseError(
            f"unsupported version {version!r}: this debatekit reads {_MAJOR}.x",
            source=source,
            path="$.version",
        )
    try:
        return converter.structure(data, Transcript)
    except cattrs.ClassValidationError as exc:
        # The shape was right but the transcript breaks a cross-reference invariant
        # (cattrs wraps the ValidationError that Transcript() raised): the same located
        # ParseError, each problem at its JSON path ($.body[3].speaker_id).
        inner = exc.exceptions
        if len(inner) == 1 and isinstance(inner[0], ValidationError) and not _step(inner[0]):
            problems = [Problem(f"$.{p.path}", p.message) for p in inner[0].problems]
            raise _located(problems, source) from None
        raise _shape_error(exc, source) from None


def _shape_error(exc: cattrs.BaseValidationError, source: str | None) -> ParseError:
    """One ParseError listing every shape problem, the first one's path as ``path``."""
    return _located(list(_problems(exc, "$")) or [Problem("$", str(exc))], source)


def _located(problems: list[Problem], source: str | None) -> ParseError:
    """One ParseError for problems at JSON paths: the first is ``path``, the rest follow."""
    first = problems[0]
    msg = first.message + "".join(f"\n  {p.path}: {p.message}" for p in problems[1:])
    return ParseError(msg, source=source, path=first.path)


def _problems(exc: BaseException, path: str) -> Iterator[Problem]:
    """Flatten cattrs' nested exception groups into (JSON path, message) pairs."""
    if isinstance(exc, cattrs.BaseValidationError):
        for sub in exc.exceptions:
            yield from _problems(sub, path + _step(sub))
    elif isinstance(exc, ValidationError):
        for problem in exc.problems:
            yield Problem(f"{path}.{problem.path}", problem.message)
    elif isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        yield Problem(path, f"unexpected key{'s' if len(exc.extra_fields) > 1 else ''} {keys}")
    elif isinstance(exc, KeyError):
        yield Problem(path, "required key is missing")
    else:
        yield Problem(path, str(exc) or type(exc).__name__)


def _step(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f".{note.name}"
        if isinstance(note, IterableValidationNote):
            return f"[{note.index!r}]" if isinstance(note.index, str) else f"[{note.index}]"
    return ""


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents :func:`dumps` writes."""
    text = resources.files("debatekit").joinpath("transcript.schema.json").read_text("utf-8")
    result: dict[str, Any] = _json.loads(text)
    return result
