"""Caption files: WebVTT and SRT, read into turns with times, and written back.

Each cue's speaker comes from a WebVTT voice tag (``<v Lester Holt>``), a
``Name:`` prefix, or a ``>> NAME:`` broadcast marker. Consecutive cues of one speaker
merge into one turn: its single paragraph holds the cue texts one per line, and it
starts with the first cue and ends with the last. A cue without a speaker continues
the current turn (captions name a speaker only when the speaker changes); before any
named speaker, and after a bare ``>>`` (a change to an unnamed speaker), it belongs
to the speaker ``unknown`` ("Unknown"). A line that is only a sound (``[Music]``,
``(APPLAUSE)``, ``♪ ... ♪``) is an :class:`~debatekit.Incident` with its time, never
a speaker: inside the turn when the same speaker goes on after it, else between
turns.

>>> from debatekit import captions
>>> vtt = "WEBVTT\\n\\n00:00:01.000 --> 00:00:03.500\\n<v Ann Lee>Hello.\\n\\n"
>>> vtt += "00:00:03.500 --> 00:00:05.000\\n<v Ann Lee>Welcome.\\n"
>>> t = captions.loads(vtt)
>>> t.speakers[0].name, t.turns[0].paragraphs, t.turns[0].end.total_seconds()
('Ann Lee', ('Hello.\\nWelcome.',), 5.0)
>>> captions.dumps(t) == vtt
True

The WebVTT header's text is the event's title, its ``Language:`` line the event's
language, ``Kind:`` and other header lines metadata; NOTE blocks before the first cue
are front matter, after the last cue back matter, and between cues note incidents.
Auto-generated captions (word timestamps, rolling cues that repeat the previous line)
give each spoken word once, with its time (:func:`word_times`). What the model has no
field for (cue ids, settings and timings, how labels were printed, STYLE blocks) is
kept in ``meta`` entries starting ``captions:``, so that :func:`dumps` writes a WebVTT
file read without warnings back as it was, styling tags such as ``<i>`` included. A
malformed cue (no timing line, a bad time) is kept as text without time and reported
with a :class:`~debatekit.ParseWarning`, or a :class:`~debatekit.ParseError` with
``strict=True``.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Literal, TypeAlias

from . import _captions_meta, _losses
from ._captions_read import read as _read
from ._captions_write import write as _write
from ._io import check_binary, check_transcript, decode_text, source_name
from .errors import ParseError, _Warner
from .models import Transcript, Turn

__all__ = ["CaptionFormat", "dump", "dumps", "load", "loads", "word_times"]

#: The caption formats this module reads and writes.
CaptionFormat: TypeAlias = Literal["vtt", "srt"]


def _decode(s: str | bytes, source: str | None, encoding: str) -> str:
    return decode_text(s, source, encoding).replace("\r\n", "\n").replace("\r", "\n")


def _check_format(format: object) -> None:
    if format not in ("vtt", "srt"):
        raise ValueError(f"unknown caption format {format!r}: expected 'vtt' or 'srt'")


def loads(
    s: str | bytes,
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    format: CaptionFormat | None = None,
    encoding: str = "utf-8",
) -> Transcript:
    """Read a transcript from a WebVTT or SRT caption file.

    Args:
        s: The captions (``bytes`` are decoded as ``encoding``: UTF-8, with or
            without a BOM, by default; SRT files are often ``"cp1252"``).
        source: A name for the input, shown in warnings and errors.
        strict: Raise a :class:`~debatekit.ParseError` for a malformed cue instead of
            warning and keeping its text.
        format: ``"vtt"`` or ``"srt"``; by default a file that starts with
            ``WEBVTT`` is WebVTT and anything else SRT.
        encoding: The encoding of ``bytes``.

    Raises:
        ParseError: The bytes are not valid in the encoding, a WebVTT file lacks its
            ``WEBVTT`` header, or (``strict=True``) a cue is malformed (no timing line,
            a time out of range).
    """
    text = _decode(s, source, encoding)
    is_vtt = text.lstrip(" \t\n").startswith("WEBVTT")
    if format is None:
        format = "vtt" if is_vtt else "srt"
    _check_format(format)
    if format == "vtt" and not is_vtt:
        raise ParseError('a WebVTT file starts with "WEBVTT"', source=source, lineno=1, colno=1)
    return _read(text, format, _Warner(source, strict, colno=1))


def load(
    fp: IO[bytes],
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    format: CaptionFormat | None = None,
    encoding: str = "utf-8",
) -> Transcript:
    """Read a transcript from a binary caption file; see :func:`loads`."""
    check_binary(fp, "rb")
    name = source if source is not None else source_name(fp)
    return loads(fp.read(), source=name, strict=strict, format=format, encoding=encoding)


def dumps(transcript: Transcript, /, *, format: CaptionFormat = "vtt") -> str:
    """Write ``transcript`` as WebVTT (the default) or SRT captions.

    Every turn needs a start time. A turn without an end time ends where the next
    timed item starts (or two seconds after its start). Cues, labels and word times
    recorded by :func:`loads` are reused where they still fit the turn; otherwise a
    turn is one cue. WebVTT names speakers with voice tags (``<v Name>``) and writes
    word times as timestamp tags (``<00:00:01.500>``), SRT uses a ``Name:`` prefix.
    Incidents with a time become cues of their own. WebVTT carries the title and
    language in its header and front matter, back matter and note incidents as NOTE
    blocks; SRT has no place for them. Neither carries claims, relations, speaker
    details beyond the name, paragraph breaks inside a turn (they become line breaks)
    or incidents without a time (notes aside, in WebVTT).

    Raises:
        WriteError: A turn has no start time.
    """
    check_transcript(transcript)
    _check_format(format)
    _losses.warn(transcript, format)
    return _write(transcript, format)


def dump(transcript: Transcript, fp: IO[bytes], /, *, format: CaptionFormat = "vtt") -> None:
    """Write ``transcript`` as UTF-8 captions to a binary file; see :func:`dumps`."""
    check_binary(fp, "wb")
    text = dumps(transcript, format=format)
    fp.write(text.encode("utf-8"))


def word_times(turn: Turn, /) -> tuple[tuple[int, dt.timedelta], ...]:
    """When each timed word of ``turn`` is spoken, as auto-generated captions give it.

    Returns ``(offset, time)`` pairs in order: ``offset`` is the character offset into
    :attr:`Turn.text <debatekit.Turn.text>` where the word starts, ``time`` when it is
    spoken (millisecond precision). The pairs come from
    ``turn.meta["captions:words"]``, which :func:`loads` fills from word timestamps
    (``<00:00:04.160><c> word</c>``); a turn without it gives ``()``. A value that does
    not fit the turn (not JSON, the wrong shape, a bad time, an offset outside the text
    or not after the previous one) is ignored with a :class:`~debatekit.ParseWarning`.

    >>> from debatekit import Turn
    >>> turn = Turn(id="u1", speaker_id="a", paragraphs=["so far"],
    ...             meta={"captions:words": "[[0,1.0],[3,1.5]]"})
    >>> [(offset, time.total_seconds()) for offset, time in word_times(turn)]
    [(0, 1.0), (3, 1.5)]
    """
    if not isinstance(turn, Turn):
        raise TypeError(f"word_times() takes a Turn, not {type(turn).__name__}")
    value = turn.meta.get(_captions_meta.WORDS_KEY)
    return _captions_meta.decode_words(value, len(turn.text), f"turn {turn.id!r}")
