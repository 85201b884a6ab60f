"""Caption files: WebVTT and SRT, read into turns with times, and written back.

Each cue's speaker comes from a WebVTT voice tag (``<v Lester Holt>``), a
``Name:`` prefix, or a ``>> NAME:`` broadcast marker. Consecutive cues of one speaker
merge into one turn: its single paragraph holds the cue texts one per line, and it
starts with the first cue and ends with the last. A cue without a speaker continues
the current turn (captions name a speaker only when the speaker changes); before any
named speaker, and after a bare ``>>`` (a change to an unnamed speaker), it belongs
to the speaker ``unknown`` ("Unknown"). A cue that is only a sound description
(``[Music]``, ``(APPLAUSE)``) becomes a body :class:`~debatekit.Incident` with its
time.

>>> from debatekit import captions
>>> vtt = "WEBVTT\\n\\n00:00:01.000 --> 00:00:03.500\\n<v Ann Lee>Hello.\\n\\n"
>>> vtt += "00:00:03.500 --> 00:00:05.000\\n<v Ann Lee>Welcome.\\n"
>>> t = captions.loads(vtt)
>>> t.speakers[0].name, t.turns[0].paragraphs, t.turns[0].end.total_seconds()
('Ann Lee', ('Hello.\\nWelcome.',), 5.0)

Cue timings are kept in ``Turn.meta["captions:cues"]`` so that :func:`dumps` can
write the same cues again. Styling tags (``<b>``, ``<c.yellow>``), cue settings,
STYLE and REGION blocks are not kept; NOTE blocks before the first cue become front
matter. A malformed cue (no timing line, a bad time) is kept as text without time
and reported with a :class:`~debatekit.ParseWarning`, or a
:class:`~debatekit.ParseError` with ``strict=True``.
"""

from __future__ import annotations

import datetime as dt
import html
import json as _json
import re
from typing import IO, Literal, TypeAlias

import attrs

from . import _captions_meta
from ._io import check_binary, decode_text, source_name
from ._rules import clock_from_parts, format_clock, mint_speaker_id, stage_direction
from .errors import DebatekitError, ParseError, _Warner
from .models import BodyItem, Incident, Speaker, Transcript, Turn

__all__ = ["CaptionFormat", "dump", "dumps", "load", "loads", "word_times"]

#: The caption formats this module reads and writes.
CaptionFormat: TypeAlias = Literal["vtt", "srt"]

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]+-->[ \t]+{_TIME}(?P<settings>[ \t].*)?\Z")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"</?[^>\n]*>")
_NAME_PREFIX = re.compile(r"(?:>>\s*)?([A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}):[ \t]+")
_CHANGE = re.compile(r">>\s*")
_SOUND = re.compile(r"[\[(♪]([^\[\]()]+)[\])♪]\Z")


def _timing(start: dt.timedelta, end: dt.timedelta, sep: str) -> str:
    """A cue's timing line: ``00:00:01.000 --> 00:00:02.500`` (``,`` in SRT)."""
    return (
        f"{format_clock(start, sep=sep, millis=True)} --> {format_clock(end, sep=sep, millis=True)}"
    )


@attrs.define
class _Cue:
    lineno: int
    start: dt.timedelta | None
    end: dt.timedelta | None
    lines: list[str]


def _decode(s: str | bytes, source: str | None, encoding: str) -> str:
    return decode_text(s, source, encoding).replace("\r\n", "\n").replace("\r", "\n")


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

    Raises:
        ParseError: The bytes are not UTF-8, a WebVTT file lacks its ``WEBVTT``
            header, or (``strict=True``) a cue is malformed.
    """
    text = _decode(s, source, encoding)
    warn = _Warner(source, strict, colno=1)
    is_vtt = text.lstrip(" \t\n").startswith("WEBVTT")
    if format is None:
        format = "vtt" if is_vtt else "srt"
    if format not in ("vtt", "srt"):
        raise ValueError(f"unknown caption format {format!r}: expected 'vtt' or 'srt'")
    if format == "vtt" and not is_vtt:
        raise ParseError('a WebVTT file starts with "WEBVTT"', source=source, lineno=1, colno=1)
    cues, notes = _cues(text, format, warn)
    return _build(cues, notes, format)


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


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            if not current:
                first = lineno
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def _cues(text: str, format: str, warn: _Warner) -> tuple[list[_Cue], list[str]]:
    cues: list[_Cue] = []
    notes: list[str] = []
    blocks = _blocks(text)
    if format == "vtt" and blocks:
        blocks = blocks[1:]  # the WEBVTT header block
    for lineno, lines in blocks:
        head = lines[0].strip()
        if format == "vtt" and (head.startswith("NOTE") or head in ("STYLE", "REGION")):
            if head.startswith("NOTE") and not cues:
                note = "\n".join(lines)[4:].strip()
                if note:
                    notes.append(note)
            continue
        timing_at = next((i for i, line in enumerate(lines[:3]) if "-->" in line), None)
        match = _TIMING.match(lines[timing_at]) if timing_at is not None else None
        start = end = None
        if match is not None:
            start = clock_from_parts(*match.groups()[0:4])
            end = clock_from_parts(*match.groups()[4:8])
        if timing_at is None or start is None or end is None:
            where = lineno + (timing_at or 0)
            warn(
                "cue without a valid timing line ('00:00:01.000 --> 00:00:02.000'); "
                "its lines are kept as text without a time",
                where,
            )
            body = lines[1:] if format == "srt" and head.isdigit() and len(lines) > 1 else lines
            if body:
                cues.append(_Cue(where, None, None, body))
            continue
        if end < start:
            warn(f"cue ends ({end}) before it starts ({start}); end time dropped", lineno)
            end = start
        payload = lines[timing_at + 1 :]
        if payload:
            cues.append(_Cue(lineno, start, end, payload))
    return cues, notes


@attrs.define
class _Segment:
    speaker: str | None  # a name, "" for a bare ">>" change, None for none
    text: str
    cue: _Cue


def _segments(cue: _Cue, vtt: bool) -> list[_Segment]:
    segments: list[_Segment] = []
    for raw in cue.lines:
        speaker: str | None = None
        line = raw.strip()
        voice = _VOICE.match(line)
        if voice:
            speaker = (voice.group(1) or "").strip() or None
            line = line[voice.end() :]
        line = _TAG.sub("", line)
        if vtt:
            line = html.unescape(line)
        line = line.replace("\u00a0", " ").strip()
        if speaker is None:
            named = _NAME_PREFIX.match(line)
            change = _CHANGE.match(line)
            if named:
                speaker = named.group(1)
                line = line[named.end() :].strip()
            elif change:
                speaker = ""
                line = line[change.end() :].strip()
        if not line:
            continue
        if speaker is None and segments:
            segments[-1].text += "\n" + line
        else:
            segments.append(_Segment(speaker, line, cue))
    return segments


def _build(cues: list[_Cue], notes: list[str], format: str) -> Transcript:
    speakers: dict[str, Speaker] = {}
    taken: set[str] = set()
    body: list[BodyItem] = []
    current: dict[str, object] | None = None
    number = 0

    def person(name: str | None) -> str:
        key = (name or "").casefold() or "\0unknown"
        if key not in speakers:
            if name:
                sid = mint_speaker_id(name, taken | {"unknown"})
                speakers[key] = Speaker(id=sid, name=name)
            else:
                sid = mint_speaker_id("unknown", taken)
                speakers[key] = Speaker(id=sid, name="Unknown")
            taken.add(sid)
        return speakers[key].id

    def finish() -> None:
        nonlocal current, number
        if current is None:
            return
        number += 1
        timed = current["cues"]
        assert isinstance(timed, list)
        starts = [c[0] for c in timed if c[0] is not None]
        ends = [c[1] for c in timed if c[1] is not None]
        lines = current["lines"]
        assert isinstance(lines, list)
        meta = {
            "captions:cues": _json.dumps(
                [
                    [
                        None if a is None else a.total_seconds(),
                        None if b is None else b.total_seconds(),
                        n,
                    ]
                    for a, b, n in timed
                ]
            )
        }
        body.append(
            Turn(
                id=f"u{number}",
                speaker_id=str(current["speaker"]),
                paragraphs=["\n".join(lines)],
                start=min(starts) if starts else None,
                end=max(ends) if ends else None,
                meta=meta,
            )
        )
        current = None

    for cue in cues:
        for segment in _segments(cue, format == "vtt"):
            sound = _SOUND.match(segment.text)
            if sound and segment.speaker is None:
                finish()
                kind, subtype = stage_direction(sound.group(1)) or ("incident", "")
                body.append(
                    Incident(
                        kind=kind,
                        subtype=subtype or None,
                        text=sound.group(1).strip(),
                        printed=segment.text,
                        time=cue.start,
                    )
                )
                continue
            if segment.speaker is not None or current is None:
                speaker_id = person(segment.speaker)
                if current is not None and current["speaker"] == speaker_id and segment.speaker:
                    pass
                else:
                    finish()
                    current = {"speaker": speaker_id, "lines": [], "cues": []}
            assert current is not None
            lines = current["lines"]
            timed = current["cues"]
            assert isinstance(lines, list)
            assert isinstance(timed, list)
            lines.append(segment.text)
            count = segment.text.count("\n") + 1
            if timed and timed[-1][0] == cue.start and timed[-1][1] == cue.end and cue.start:
                timed[-1][2] += count
            else:
                timed.append([cue.start, cue.end, count])
    finish()
    people: tuple[Speaker, ...] = tuple(speakers.values())
    items: tuple[BodyItem, ...] = tuple(body)
    return Transcript(
        speakers=people,
        body=items,
        front=notes,
        meta={"captions:format": format},
    )


# -- writing --------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dumps(transcript: Transcript, /, *, format: CaptionFormat = "vtt") -> str:
    """Write ``transcript`` as WebVTT (the default) or SRT captions.

    Every turn needs a start time. A turn without an end time ends where the next
    timed item starts (or two seconds after its start). Cue timings recorded by
    :func:`loads` are reused; otherwise a turn is one cue. WebVTT names speakers
    with voice tags (``<v Name>``), SRT with a ``Name:`` prefix. Body incidents with
    a time become cues of their own; front matter becomes WebVTT NOTE blocks (SRT
    has no comments and leaves it out), as are claims, relations and metadata.

    Raises:
        DebatekitError: A turn has no start time.
    """
    if format not in ("vtt", "srt"):
        raise ValueError(f"unknown caption format {format!r}: expected 'vtt' or 'srt'")
    sep = "." if format == "vtt" else ","
    blocks: list[str] = []
    items = list(transcript.body)
    starts: list[dt.timedelta | None] = [
        item.start if isinstance(item, Turn) else item.time for item in items
    ]
    for i, item in enumerate(items):
        if isinstance(item, Incident):
            if item.time is None:
                continue
            text = item.printed or f"[{item.text or item.subtype or item.kind}]"
            after = next((s for s in starts[i + 1 :] if s is not None), None)
            until = after if after is not None and after > item.time else None
            if until is None:
                until = item.time + dt.timedelta(seconds=1)
            cue_text = _escape(text) if format == "vtt" else text
            blocks.append(f"{_timing(item.time, until, sep)}\n{cue_text}")
            continue
        if item.start is None:
            raise DebatekitError(
                f"turn {item.id!r} has no start time: captions need a time for every turn"
            )
        speaker = transcript.speaker(item.speaker_id)
        lines = [line for p in item.paragraphs for line in p.split("\n") if line.strip()]
        if not lines:
            continue
        following = next((s for s in starts[i + 1 :] if s is not None), None)
        end: dt.timedelta = item.start + dt.timedelta(seconds=2)
        if item.end is not None:
            end = item.end
        elif following is not None and following > item.start:
            end = following
        for start, stop, chunk in _chunks(item, lines, item.start, end):
            if format == "vtt":
                body = "\n".join(_escape(line.replace("-->", "->")) for line in chunk)
                body = f"<v {_escape(speaker.name)}>{body}"
            else:
                body = "\n".join(line.replace("-->", "->") for line in chunk)
                body = f"{speaker.name}: {body}"
            blocks.append(f"{_timing(start, stop, sep)}\n{body}")
    if format == "srt":
        return "\n\n".join(f"{n}\n{block}" for n, block in enumerate(blocks, 1)) + "\n"
    head = ["WEBVTT"]
    head.extend("NOTE\n" + p.replace("-->", "->") for p in transcript.front)
    return "\n\n".join(head + blocks) + "\n"


def _chunks(
    turn: Turn, lines: list[str], start: dt.timedelta, end: dt.timedelta
) -> list[tuple[dt.timedelta, dt.timedelta, list[str]]]:
    """The cues of a turn: those recorded by :func:`loads` where they still fit."""
    try:
        recorded = _json.loads(turn.meta.get("captions:cues", "[]"))
    except ValueError:
        recorded = []
    if (
        isinstance(recorded, list)
        and recorded
        and all(
            isinstance(c, list)
            and len(c) == 3
            and all(isinstance(x, (int, float)) for x in c)
            and c[0] <= c[1]
            for c in recorded
        )
        and sum(int(c[2]) for c in recorded) == len(lines)
    ):
        out = []
        pos = 0
        for a, b, n in recorded:
            out.append(
                (dt.timedelta(seconds=a), dt.timedelta(seconds=b), lines[pos : pos + int(n)])
            )
            pos += int(n)
        return out
    return [(start, max(end, start), lines)]


def dump(transcript: Transcript, fp: IO[bytes], /, *, format: CaptionFormat = "vtt") -> None:
    """Write ``transcript`` as UTF-8 captions to a binary file; see :func:`dumps`."""
    check_binary(fp, "wb")
    fp.write(dumps(transcript, format=format).encode("utf-8"))


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
