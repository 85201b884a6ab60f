"""The metadata the caption reader records, and its checks where it is used.

The caption reader keeps what the model has no field for in ``meta`` entries (strings
holding JSON), so that the writer can give the same cues back and other modules can use
word times:

``Turn.meta["captions:cues"]``
    The turn's cues, in order: ``[start, end, lines]`` with the times in seconds and
    the number of lines of the turn's text the cue holds, then optionally the cue's id
    and its settings (``[1.0, 2.5, 2, "intro", "align:start"]``; ``null`` where absent).
``Turn.meta["captions:words"]``
    Word times of auto-generated captions: ``[offset, seconds]`` pairs, offset the
    character offset into :attr:`~debatekit.Turn.text` where the timed word starts.
``Incident.meta["captions:cue"]``
    A sound cue's ``[start, end, 1, id, settings]``.

Metadata read from a file (a JSON transcript, say) is input like any other: each
value is checked where it is used, and a value that does not fit (not JSON, the wrong
shape, a time that is negative, infinite, not a number or past
:data:`~debatekit._rules.MAX_TIME`, an offset outside the text) is ignored with a
:class:`~debatekit.ParseWarning` naming its path. Nothing here raises.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, cast

from ._rules import MAX_TIME
from .errors import ParseWarning, _report

__all__ = [
    "CUES_KEY",
    "CUE_KEY",
    "GAPS",
    "HEADER_KEY",
    "INLINE_KEY",
    "KIND_KEY",
    "LABELS_KEY",
    "LABEL_STYLES",
    "STYLED_KEY",
    "STYLES_KEY",
    "WORDS_KEY",
    "RecordedCue",
    "decode_cues",
    "decode_inline",
    "decode_labels",
    "decode_styled",
    "decode_words",
    "encode_cues",
    "encode_words",
]

CUES_KEY = "captions:cues"
WORDS_KEY = "captions:words"
CUE_KEY = "captions:cue"
LABELS_KEY = "captions:labels"
INLINE_KEY = "captions:inline"
STYLED_KEY = "captions:styled"
KIND_KEY = "captions:kind"
HEADER_KEY = "captions:header"
STYLES_KEY = "captions:styles"

#: How a label is printed (a voice tag, ``Name:``, ``>>`` alone, ``>> Name:``) and the
#: white space after it when nothing else is recorded.
GAPS = {
    "voice": "",
    "colon": " ",
    ">>": " ",
    ">> colon": " ",
    # a bare change marker as printed otherwise: a new story, or references in WebVTT
    ">>>": " ",
    "&gt;&gt;": " ",
    "&gt;&gt;&gt;": " ",
    # subtitles for the deaf: a dialogue dash, a name in brackets, both
    "-": " ",
    "[name]": " ",
    "- [name]": " ",
    "- colon": " ",
}
LABEL_STYLES = tuple(GAPS)

_MAX_SECONDS = MAX_TIME.total_seconds()

#: A cue as recorded: start, end, number of lines, id, settings.
RecordedCue = tuple[dt.timedelta, dt.timedelta, int, str | None, str | None]


def seconds(value: dt.timedelta) -> float:
    """A time as seconds with millisecond precision (what the metadata holds)."""
    return round(value / dt.timedelta(milliseconds=1)) / 1000


def _time(value: object) -> dt.timedelta | None:
    """A JSON number of seconds as a time, or ``None`` if it is not one we accept.

    Integers are compared before any conversion: ``float(10**400)`` overflows.
    """
    if type(value) is int:
        return dt.timedelta(seconds=value) if 0 <= value <= _MAX_SECONDS else None
    if type(value) is float and math.isfinite(value) and 0 <= value <= _MAX_SECONDS:
        return dt.timedelta(milliseconds=round(value * 1000))
    return None


def _json(value: str) -> object:
    """``value`` parsed as JSON, or ``None`` if it is not JSON (too deep, too long a
    number, broken)."""
    try:
        return json.loads(value)
    except (ValueError, RecursionError):
        return None


def _ignore(path: str, key: str, why: str) -> None:
    _report(
        ParseWarning(f"{why}; the metadata is ignored", path=f"{path}.meta[{key!r}]"), strict=False
    )


def encode_words(words: list[tuple[int, dt.timedelta]]) -> str:
    """The ``captions:words`` value for ``(offset, time)`` pairs."""
    return json.dumps([[offset, seconds(time)] for offset, time in words], separators=(",", ":"))


def decode_words(
    value: str | None, text_length: int, path: str
) -> tuple[tuple[int, dt.timedelta], ...]:
    """The word times a ``captions:words`` value holds, checked against a text of
    ``text_length`` characters: offsets increase and fall inside the text, times are
    times. Anything else is ignored with a warning."""
    if value is None:
        return ()
    data = _json(value)
    if not isinstance(data, list):
        _ignore(path, WORDS_KEY, "expected a JSON array of [offset, seconds] pairs")
        return ()
    words: list[tuple[int, dt.timedelta]] = []
    previous = -1
    for i, pair in enumerate(data):
        if not (isinstance(pair, list) and len(pair) == 2):
            _ignore(path, WORDS_KEY, f"item {i} is not an [offset, seconds] pair")
            return ()
        offset, time = pair[0], _time(pair[1])
        if type(offset) is not int or not previous < offset < text_length:
            _ignore(
                path,
                WORDS_KEY,
                f"item {i}: offset {offset!r} is not after the previous one and inside the text",
            )
            return ()
        if time is None:
            _ignore(path, WORDS_KEY, f"item {i}: {pair[1]!r} is not a time in seconds")
            return ()
        previous = offset
        words.append((offset, time))
    return tuple(words)


def encode_cues(cues: list[RecordedCue]) -> str:
    """The ``captions:cues`` (or, for one cue, ``captions:cue``) value."""
    out: list[list[object]] = []
    for start, end, lines, ident, settings in cues:
        item: list[object] = [seconds(start), seconds(end), lines, ident, settings]
        while len(item) > 3 and item[-1] is None:
            item.pop()
        out.append(item)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _cue(item: object) -> RecordedCue | str:
    """One recorded cue, or why it is not one."""
    if not (isinstance(item, list) and 3 <= len(item) <= 5):
        return "is not [start, end, lines, id, settings]"
    start, end = _time(item[0]), _time(item[1])
    if start is None or end is None:
        return f"{item[0]!r} or {item[1]!r} is not a time in seconds"
    if end < start:
        return "ends before it starts"
    lines = item[2]
    if type(lines) is not int or lines < 1:
        return f"{lines!r} is not a number of lines"
    extra = [*item[3:], None, None][:2]
    if not all(
        x is None or (isinstance(x, str) and "\n" not in x and "-->" not in x) for x in extra
    ):
        return "its id and settings must be one-line strings without '-->'"
    return (start, end, lines, extra[0], extra[1])


def decode_cues(
    value: str | None, line_count: int | None, key: str, path: str
) -> list[RecordedCue]:
    """The cues a ``captions:cues`` value records, if they still fit a turn of
    ``line_count`` lines (their line counts add up to it; ``None``: any). Anything
    else is ignored with a warning, and the writer makes its own cues."""
    if value is None:
        return []
    data = _json(value)
    if not isinstance(data, list) or not data:
        _ignore(path, key, "expected a JSON array of cues")
        return []
    cues: list[RecordedCue] = []
    for i, item in enumerate(data):
        cue = _cue(item)
        if isinstance(cue, str):
            _ignore(path, key, f"cue {i} {cue}")
            return []
        cues.append(cue)
    if line_count is not None and any(c[2] > line_count for c in cues):
        _ignore(path, key, f"a cue holds more lines than the {line_count} of the text")
        return []
    if line_count is not None and sum(c[2] for c in cues) != line_count:
        # The text was edited since it was read: the cues no longer say which lines
        # they hold. Not a problem in the metadata, so no warning.
        return []
    return cues


def decode_labels(
    value: str | None, line_count: int, path: str
) -> list[tuple[int, str, str, str | None]] | None:
    """The labels a ``captions:labels`` value records: ``[line, style, name]`` (and the
    white space after the label where it is not the usual one) with
    lines increasing and inside a turn of ``line_count`` lines. ``None`` where there is
    no value (the writer labels the turn its own way); a bad value is ignored with a
    warning (and gives ``None`` too)."""
    if value is None:
        return None
    data = _json(value)
    if not isinstance(data, list):
        _ignore(path, LABELS_KEY, "expected a JSON array of [line, style, name] labels")
        return None
    labels: list[tuple[int, str, str, str | None]] = []
    previous = -1
    for i, item in enumerate(data):
        if not (
            isinstance(item, list)
            and len(item) in (3, 4)
            and all(isinstance(x, str) and (not x or x.isspace()) for x in item[3:])
            and type(item[0]) is int
            and previous < item[0] < line_count
            and item[1] in LABEL_STYLES
            and isinstance(item[2], str)
            and "\n" not in item[2]
        ):
            _ignore(path, LABELS_KEY, f"label {i} is not [line, style, name] inside the turn")
            return None
        previous = item[0]
        labels.append((item[0], item[1], item[2], item[3] if len(item) == 4 else None))
    return labels


def decode_inline(value: str | None, path: str) -> tuple[str, str] | None:
    """The white space before and after an incident printed inside a line, from its
    ``captions:inline`` value ``[before, after]``; ``None`` where there is none (or a
    bad one, ignored with a warning)."""
    if value is None:
        return None
    data = _json(value)
    if (
        isinstance(data, list)
        and len(data) == 2
        and all(isinstance(x, str) and (not x or x.isspace()) and "\n" not in x for x in data)
    ):
        return data[0], data[1]
    _ignore(path, INLINE_KEY, "expected [before, after], two strings of white space")
    return None


def decode_styled(value: str | None, lines: list[str], path: str) -> dict[int, str]:
    """Line -> the line as printed (styling tags in), from a ``captions:styled`` value
    ``[[line, printed, text], ...]``, for the lines whose text is still ``text``. A bad
    value is ignored with a warning."""
    if value is None:
        return {}
    data = _json(value)
    good = isinstance(data, list) and all(
        isinstance(item, list)
        and len(item) == 3
        and type(item[0]) is int
        and 0 <= item[0] < len(lines)
        and all(isinstance(x, str) and "\n" not in x and "\r" not in x for x in item[1:])
        and "-->" not in item[1]
        for item in data
    )
    if not good:
        _ignore(path, STYLED_KEY, "expected [line, printed, text] items inside the turn")
        return {}
    return {n: printed for n, printed, text in cast(list[Any], data) if lines[n] == text}
