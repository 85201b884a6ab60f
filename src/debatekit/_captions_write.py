"""Writing WebVTT and SRT from a transcript.

What the caption reader recorded (cue timings, ids and settings, how labels were
printed, word times, the WebVTT header and STYLE blocks) is used where it still fits
the transcript, so that a file read without warnings is written back as it was; what
it does not fit is ignored (with a warning where the metadata itself is broken).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from . import _captions_meta as meta
from ._rules import format_clock
from .errors import DebatekitError, ParseWarning, _report
from .models import Incident, Speaker, Transcript, Turn

__all__ = ["write"]

# What the reader would take for a label or a sound at the start of a line of text.
_LABEL_LIKE = re.compile(r"[ \t]*(?:>>|<v|[A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}:[ \t])")
_SOUND_LIKE = re.compile(r"[ \t]*(?:\[[^\[\]\n]+\]|\([^()\n]+\)|♪[^♪\n]*♪)[ \t]*\Z")
_NAME_LABEL = re.compile(r"[A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}\Z")


def _escape(text: str) -> str:
    """Text as WebVTT cue text: ``& < >`` as entities, a carriage return as ``&#13;``
    (a line break to a reader)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _safe(line: str) -> str:
    """An escaped WebVTT line that no reader takes for a label or a sound."""
    escaped = _escape(line)
    if _SOUND_LIKE.match(line):
        lead = len(line) - len(line.lstrip(" \t"))
        return escaped[:lead] + f"&#{ord(line[lead])};" + escaped[lead + 1 :]
    if _LABEL_LIKE.match(line):
        return escaped.replace(":", "&#58;", 1)
    return escaped


def _timing(start: dt.timedelta, end: dt.timedelta, sep: str, settings: str | None) -> str:
    line = (
        f"{format_clock(start, sep=sep, millis=True)} --> {format_clock(end, sep=sep, millis=True)}"
    )
    return f"{line} {settings}" if settings else line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _note(text: str) -> str:
    """A NOTE block holding ``text`` (which may not hold ``-->``)."""
    text = text.replace("-->", "->")
    return f"NOTE\n{text}" if "\n" in text else f"NOTE {text}"


class _Writer:
    def __init__(self, transcript: Transcript, format: str) -> None:
        self.transcript = transcript
        self.vtt = format == "vtt"
        self.sep = "." if self.vtt else ","
        self.blocks: list[str] = []

    def cue(
        self,
        start: dt.timedelta,
        end: dt.timedelta,
        lines: list[str],
        ident: str | None = None,
        settings: str | None = None,
    ) -> None:
        head = [ident] if ident and self.vtt else []
        self.blocks.append("\n".join([*head, _timing(start, end, self.sep, settings), *lines]))

    def incident(self, item: Incident, until: dt.timedelta | None, path: str) -> None:
        """A body or in-turn incident: a cue at its time, or (WebVTT) a NOTE."""
        if item.time is None:
            if self.vtt and item.kind == "note" and not item.length and (item.text or item.printed):
                printed = item.printed or ""
                if printed.startswith("NOTE") and "\n\n" not in printed and "-->" not in printed:
                    self.blocks.append(printed)
                else:
                    self.blocks.append(_note(item.text or printed))
            return
        recorded = meta.decode_cues(item.meta.get(meta.CUE_KEY), 1, meta.CUE_KEY, path)
        text = _one_line(item.printed or f"[{item.text or item.subtype or item.kind}]")
        line = _escape(text) if self.vtt else text
        if recorded and recorded[0][0] == item.time:
            start, end, _, ident, settings = recorded[0]
            self.cue(start, end, [line], ident, settings)
            return
        later = until if until is not None and until > item.time else None
        self.cue(item.time, later or item.time + dt.timedelta(seconds=1), [line])

    def turn(self, turn: Turn, following: dt.timedelta | None, path: str) -> None:
        if turn.start is None:
            raise DebatekitError(
                f"turn {turn.id!r} has no start time: captions need a time for every turn"
            )
        speaker = self.transcript.speaker(turn.speaker_id)
        lines, offsets = _lines(turn)
        if not lines:
            return
        end = turn.end
        if end is None:
            end = following if following is not None and following > turn.start else None
            end = end or turn.start + dt.timedelta(seconds=2)
        cues = meta.decode_cues(turn.meta.get(meta.CUES_KEY), len(lines), meta.CUES_KEY, path)
        if cues and (cues[0][0] != turn.start or max(c[1] for c in cues) != end):
            cues = []  # the times were changed since the cues were read
        if not cues:
            cues = [(turn.start, max(end, turn.start), len(lines), None, None)]
        labels = self.labels(turn, speaker, cues, len(lines), path)
        words = meta.decode_words(turn.meta.get(meta.WORDS_KEY), len(turn.text), path)
        if not self.vtt:
            words = ()
        pending = [i for i in turn.incidents if i.time is not None or i.kind == "note"]
        pending = [i for i in pending if not i.length]  # a span of the text is in the text
        first = 0
        for start, stop, count, ident, settings in cues:
            while pending and (pending[0].offset or 0) < offsets[first]:
                self.incident(pending.pop(0), start, path)
            out = []
            for n in range(first, first + count):
                timed = [
                    (o - offsets[n], t) for o, t in words if 0 <= o - offsets[n] < len(lines[n])
                ]
                out.append(self.line(lines[n], labels.get(n), timed, start))
            self.cue(start, stop, out, ident, settings)
            first += count
        for item in pending:
            self.incident(item, following, path)

    def labels(
        self,
        turn: Turn,
        speaker: Speaker,
        cues: list[meta.RecordedCue],
        count: int,
        path: str,
    ) -> dict[int, tuple[str, str]]:
        """Line -> (style, printed name) of the labels to print in ``turn``."""
        name = _one_line(speaker.name)
        recorded = meta.decode_labels(turn.meta.get(meta.LABELS_KEY), count, path)
        if recorded is None:
            if not self.vtt:
                return {0: ("colon", name)}
            firsts, at = {}, 0
            for cue in cues:
                firsts[at] = ("voice", name)
                at += cue[2]
            return firsts
        known = {speaker.name, turn.label, *speaker.aliases, ""}
        labels: dict[int, tuple[str, str]] = {}
        for line, style, printed in recorded:
            printed = printed if printed in known else name
            if not self.vtt and style == "voice":
                if labels:
                    continue
                style = "colon"
            if style.endswith("colon") and not _NAME_LABEL.match(printed):
                style = "voice" if self.vtt else style
            labels[line] = (style, printed)
        return labels

    def line(
        self,
        text: str,
        label: tuple[str, str] | None,
        words: list[tuple[int, dt.timedelta]],
        cue_start: dt.timedelta,
    ) -> str:
        """One line of a cue: its label, its text escaped, its word times (WebVTT)."""
        prefix = ""
        if label is not None:
            style, name = label
            if style == "voice":
                prefix = f"<v {_escape(name)}>"
            elif style == ">>":
                prefix = ">> "
            else:
                prefix = (">> " if style == ">> colon" else "") + f"{name}: "
        if not self.vtt:
            return prefix + text
        if not words:
            return prefix + (_escape(text) if label else _safe(text))
        lead = len(text) - len(text.lstrip())
        if words[0][0] == lead and words[0][1] == cue_start and len(words) > 1:
            words = words[1:]  # the cue's start times the first word
        parts, at = [], 0
        for offset, time in words:
            piece = text[at:offset]
            parts.append(_safe(piece) if at == 0 and not label else _escape(piece))
            parts.append(f"<{format_clock(time, millis=True)}>")
            at = offset
        parts.append(_escape(text[at:]))
        return prefix + "".join(parts)

    def header(self) -> list[str]:
        """The WebVTT header block and what goes before the first cue."""
        t = self.transcript
        first = "WEBVTT"
        title = t.event.title
        if title and "\n" not in title and "-->" not in title:
            first += f" {title}"
        lines = [first]
        kind = t.meta.get(meta.KIND_KEY)
        if kind and _one_line(kind) == kind and "-->" not in kind:
            lines.append(f"Kind: {kind}")
        if t.event.language and _one_line(t.event.language) == t.event.language:
            lines.append(f"Language: {t.event.language}")
        extra = t.meta.get(meta.HEADER_KEY, "")
        lines.extend(x for x in extra.split("\n") if x.strip() and "-->" not in x)
        blocks = ["\n".join(lines)]
        blocks.extend(_note(p) for p in t.front)
        blocks.extend(_styles(t.meta.get(meta.STYLES_KEY)))
        return blocks


def _styles(value: str | None) -> list[str]:
    if value is None:
        return []
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        data = None
    good = isinstance(data, list) and all(
        isinstance(b, str)
        and b.split(None, 1)[:1] in (["STYLE"], ["REGION"])
        and "-->" not in b
        and all(line.strip() for line in b.split("\n"))
        for b in data
    )
    if not good:
        warning = ParseWarning(
            "expected a JSON array of STYLE and REGION blocks; the metadata is ignored",
            path=f"meta[{meta.STYLES_KEY!r}]",
        )
        _report(warning, strict=False)
        return []
    return list(data)


def _lines(turn: Turn) -> tuple[list[str], list[int]]:
    """The lines of a turn's text (paragraph breaks become line breaks) and where each
    starts in :attr:`Turn.text`."""
    lines: list[str] = []
    offsets: list[int] = []
    at = 0
    for paragraph in turn.paragraphs:
        for line in paragraph.split("\n"):
            lines.append(line)
            offsets.append(at)
            at += len(line) + 1
        at += 1
    return lines, offsets


def write(transcript: Transcript, format: str) -> str:
    """``transcript`` as WebVTT or SRT text."""
    writer = _Writer(transcript, format)
    items = transcript.body
    starts = [item.start if isinstance(item, Turn) else item.time for item in items]
    upcoming: list[dt.timedelta | None] = [None] * len(items)
    following: dt.timedelta | None = None
    for i in range(len(items) - 1, -1, -1):
        upcoming[i] = following
        following = starts[i] if starts[i] is not None else following
    for i, item in enumerate(items):
        path = f"body[{i}]"
        if isinstance(item, Incident):
            writer.incident(item, upcoming[i], path)
        else:
            writer.turn(item, upcoming[i], path)
    if not writer.vtt:
        return "\n\n".join(f"{n}\n{block}" for n, block in enumerate(writer.blocks, 1)) + "\n"
    blocks = writer.header() + writer.blocks
    blocks.extend(_note(p) for p in transcript.back)
    return "\n\n".join(blocks) + "\n"
