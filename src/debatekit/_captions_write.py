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
from typing import TypeAlias

import attrs

from . import _captions_meta as meta
from ._rules import format_clock, stage_direction
from .errors import ParseWarning, WriteError, _report
from .models import Incident, Speaker, Transcript, Turn

__all__ = ["write"]

# What the reader would take for a label or a sound at the start of a line of text.
_LABEL_LIKE = re.compile(r"[ \t]*[A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}(:)[ \t]")
_PAREN = re.compile(r"\(([^()]*)\)")
_SOUND_LIKE = re.compile(r"[ \t]*(?:\[[^\[\]\n]+\]|\([^()\n]+\)|♪[^♪\n]*♪)[ \t]*\Z")
_NAME_LABEL = re.compile(r"[A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}\Z")


def _escape(text: str) -> str:
    """Text as WebVTT cue text: ``& < >`` as entities, a carriage return as ``&#13;``
    (a line break to a reader)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _timing(start: dt.timedelta, end: dt.timedelta, sep: str, settings: str | None) -> str:
    line = (
        f"{format_clock(start, sep=sep, millis=True)} --> {format_clock(end, sep=sep, millis=True)}"
    )
    return f"{line} {settings}" if settings else line


# A line that starts with a mark of a new speaker: a dialogue dash or '>>'.
_MARKED = re.compile(r"-|>>|&gt;&gt;")


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
        self.format = format
        self.sep = "." if self.vtt else ","
        self.blocks: list[str] = []
        self.numbers: list[int] = []  # SRT: each cue's number, as read where it fits
        self.last: tuple[object, ...] | None = None  # the last cue written, and its block

    def cue(
        self,
        start: dt.timedelta,
        end: dt.timedelta,
        lines: list[str],
        ident: str | None = None,
        settings: str | None = None,
    ) -> None:
        if self.last == (start, end, ident, settings, len(self.blocks)) and _MARKED.match(
            lines[0] if lines else ""
        ):
            # one cue shared by two turns: the change of speaker inside it is marked
            # ('- Hi.', '>> Hi.'), so the lines join the cue before
            self.blocks[-1] += "\n" + "\n".join(lines)
            return
        self.last = (start, end, ident, settings, len(self.blocks) + 1)
        head = [ident] if ident and self.vtt else []
        if not self.vtt:
            last = self.numbers[-1] if self.numbers else 0
            read = int(ident) if ident and ident.isdigit() and len(ident) < 10 else 0
            self.numbers.append(read if read > last else last + 1)
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
        line = self.text(text, 0, len(text), _forced(text, True) - {0}) if self.vtt else text
        if recorded and recorded[0][0] == item.time:
            start, end, _, ident, settings = recorded[0]
            self.cue(start, end, [line], ident, settings)
            return
        later = until if until is not None and until > item.time else None
        self.cue(item.time, later or item.time + dt.timedelta(seconds=1), [line])

    def turn(self, turn: Turn, following: dt.timedelta | None, path: str) -> None:
        if turn.start is None:
            raise WriteError(
                self.format,
                f"turn {turn.id!r} has no start time: captions need a time for every turn",
                path=path,
            )
        speaker = self.transcript.speaker(turn.speaker_id)
        lines, offsets = _lines(turn)
        if not self.vtt and any("\r" in line for line in lines):
            raise WriteError(
                self.format,
                f"turn {turn.id!r} holds a carriage return, which SRT cannot write (a "
                "reader takes it for a line break); WebVTT can",
                path=path,
            )
        if not lines:
            return
        end = turn.end
        if end is None:
            later = following is not None and following > turn.start
            end = following if later and following else turn.start + dt.timedelta(seconds=2)
        cues = meta.decode_cues(turn.meta.get(meta.CUES_KEY), len(lines), meta.CUES_KEY, path)
        if cues and (cues[0][0] != turn.start or max(c[1] for c in cues) != end):
            cues = []  # the times were changed since the cues were read
        if not cues:
            cues = [(turn.start, max(end, turn.start), len(lines), None, None)]
        labels = self.labels(turn, speaker, cues, len(lines), path)
        events = self.events(turn, path)
        styled = meta.decode_styled(turn.meta.get(meta.STYLED_KEY), lines, path)
        if self.transcript.meta.get("captions:format") != self.format:
            styled = {}  # lines as printed in the other caption format
        between = [
            i
            for i in turn.incidents
            if not i.length and meta.INLINE_KEY not in i.meta and (i.time or i.kind == "note")
        ]
        first = 0
        for start, stop, count, ident, settings in cues:
            while between and (between[0].offset or 0) < offsets[first]:
                self.incident(between.pop(0), start, path)
            out = []
            for n in range(first, first + count):
                at, size = offsets[n], len(lines[n])
                mine = [(o - at, e) for o, e in events if at <= o <= at + size]
                if n in styled:  # as printed, its tags (and what is inside the line) in
                    out.append(self.line("", labels.get(n), [], start) + styled[n])
                else:
                    out.append(self.line(lines[n], labels.get(n), mine, start))
            self.cue(start, stop, out, ident, settings)
            first += count
        for item in between:
            self.incident(item, following, path)

    def events(self, turn: Turn, path: str) -> list[tuple[int, _Event]]:
        """What goes inside the lines of ``turn``: word times (WebVTT) and the
        incidents printed inline, by offset into :attr:`Turn.text`."""
        events: list[tuple[int, _Event]] = []
        if self.vtt:
            words = meta.decode_words(turn.meta.get(meta.WORDS_KEY), len(turn.text), path)
            events.extend((o, t) for o, t in words)
        for item in turn.incidents:
            if item.length or item.offset is None:
                continue
            spacing = meta.decode_inline(item.meta.get(meta.INLINE_KEY), path)
            if spacing is None and (item.time is not None or item.kind == "note"):
                continue  # a cue of its own (or a NOTE)
            events.append((item.offset, _Inline(_printed(item), spacing)))
        events.sort(key=lambda e: (e[0], isinstance(e[1], dt.timedelta)))
        return events

    def labels(
        self,
        turn: Turn,
        speaker: Speaker,
        cues: list[meta.RecordedCue],
        count: int,
        path: str,
    ) -> dict[int, tuple[str, str, str]]:
        """Line -> (style, printed name, white space after) of the labels of ``turn``."""
        name = _one_line(speaker.name)
        recorded = meta.decode_labels(turn.meta.get(meta.LABELS_KEY), count, path)
        if recorded is None:
            if not self.vtt:
                return {0: ("colon", name, " ")}
            firsts, at = {}, 0
            for cue in cues:
                firsts[at] = ("voice", name, "")
                at += cue[2]
            return firsts
        known = {speaker.name, turn.label, *speaker.aliases, ""}
        labels: dict[int, tuple[str, str, str]] = {}
        for line, style, printed, gap in recorded:
            printed = printed if printed in known else name
            if not self.vtt and style == "voice":
                if labels:
                    continue
                style, gap = "colon", None
            if style.endswith("colon") and not _NAME_LABEL.match(printed):
                style = "voice" if self.vtt else style
            labels[line] = (style, printed, meta.GAPS[style] if gap is None else gap)
        return labels

    def line(
        self,
        text: str,
        label: tuple[str, str, str] | None,
        events: list[tuple[int, _Event]],
        cue_start: dt.timedelta,
    ) -> str:
        """One line of a cue: its label, its text (escaped in WebVTT), its inline
        incidents and its word times (WebVTT)."""
        prefix = ""
        if label is not None:
            style, name, gap = label
            if style == "voice":
                prefix = f"<v {_escape(name)}>"
            elif style.startswith((">", "&")):  # a bare change marker, as printed
                prefix = style if self.vtt else style.replace("&gt;", ">")
            elif style.endswith("[name]"):  # subtitles for the deaf: '[Alba]', '- [Alba]'
                prefix = style.replace("name", name)
            elif style == "-":  # a dialogue dash
                prefix = style
            else:
                marker = {">> colon": ">> ", "- colon": "- "}.get(style, "")
                prefix = f"{marker}{name}:"
            prefix += gap
        words = [o for o, e in events if isinstance(e, dt.timedelta)]
        if len(words) > 1 and events[0] == (words[0], cue_start):
            lead = len(text) - len(text.lstrip())
            if words[0] == lead:
                events = events[1:]  # the cue's start times the first word
        forced = _forced(text, label is None) if self.vtt else set()
        parts, at = [prefix], 0
        for offset, event in events:
            parts.append(self.text(text, at, offset, forced))
            if isinstance(event, dt.timedelta):
                parts.append(f"<{format_clock(event, millis=True)}>")
            else:
                before, after = event.spacing or _spacing(text, offset)
                printed = _escape(event.printed) if self.vtt else event.printed
                parts.append(before + printed + after)
            at = offset
        parts.append(self.text(text, at, len(text), forced))
        return "".join(parts)

    def text(self, text: str, start: int, end: int, forced: set[int]) -> str:
        """``text[start:end]``, escaped in WebVTT (``forced``: characters to write as
        numeric references, so that they are not read as a label or a sound)."""
        if not self.vtt:
            return text[start:end]
        marks = sorted(p for p in forced if start <= p < end)
        out, at = [], start
        for p in marks:
            out.append(_escape(text[at:p]))
            out.append(f"&#{ord(text[p])};")
            at = p + 1
        out.append(_escape(text[at:end]))
        return "".join(out)

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


@attrs.frozen
class _Inline:
    """An incident printed inside a line, with the white space around it."""

    printed: str
    spacing: tuple[str, str] | None


_Event: TypeAlias = "dt.timedelta | _Inline"


def _printed(item: Incident) -> str:
    """How an incident is printed inside a line: as printed, if a reader takes that
    for a sound again, else in square brackets."""
    printed = _one_line(item.printed or "") if "\n" not in (item.printed or "") else item.printed
    if printed and (
        (printed.startswith("[") and printed.endswith("]") and printed.count("[") == 1)
        or (_PAREN.fullmatch(printed) and stage_direction(printed[1:-1]))
    ):
        return printed
    return f"[{_one_line(item.text or item.subtype or item.kind)}]"


def _spacing(text: str, offset: int) -> tuple[str, str]:
    """The white space around an incident put inside ``text`` at ``offset``."""
    before = " " if offset > 0 and not text[offset - 1].isspace() else ""
    after = " " if offset < len(text) and not text[offset].isspace() else ""
    return before, after


def _forced(text: str, unlabelled: bool) -> set[int]:
    """Where a WebVTT line must write a character as a numeric reference so that the
    reader does not take it for a label, a sound or a bracketed incident."""
    forced = {i for i, c in enumerate(text) if c == "["} if "[" in text else set()
    if "(" in text:
        forced.update(m.start() for m in _PAREN.finditer(text) if stage_direction(m.group(1)))
    if unlabelled:
        if _SOUND_LIKE.match(text):
            forced.add(len(text) - len(text.lstrip(" \t")))
        label = _LABEL_LIKE.match(text)
        if label and label.group(1):
            forced.add(label.start(1))
        if text.lstrip(" \t").startswith(">>"):
            # '&gt;&gt;' is a speaker change to the reader: text writes one numerically.
            forced.add(len(text) - len(text.lstrip(" \t")))
    return forced


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
        numbered = zip(writer.numbers, writer.blocks, strict=True)
        return "\n\n".join(f"{n}\n{block}" for n, block in numbered) + "\n"
    blocks = writer.header() + writer.blocks
    blocks.extend(_note(p) for p in transcript.back)
    return "\n\n".join(blocks) + "\n"
