"""Reading WebVTT and SRT: the items cue text is read into (cues, notes, lines), and
how runs of lines become turns, their incidents and speakers."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import cast

import attrs

from . import _captions_meta as meta
from ._rules import mint_speaker_id, stage_direction
from ._speakers import Roster
from .errors import _Warner
from .models import Incident, Speaker, Turn

_SOUND = re.compile(r"(?:\[([^\[\]\n]+)\]|\(([^()\n]+)\)|♪([^♪\n]*)♪)\Z")


_UNKNOWN = -1


@attrs.define
class _Cue:
    lineno: int
    start: dt.timedelta | None
    end: dt.timedelta | None
    ident: str | None
    settings: str | None
    lines: list[str]


@attrs.define
class _Note:
    """A NOTE block (WebVTT) between cues: its content and the block as printed."""

    text: str
    printed: str


@attrs.define
class _Line:
    """One line of cue text, its label taken off."""

    cue: _Cue
    text: str
    style: str | None  # how a label was printed: voice, colon, >>, >> colon; None: none
    name: str | None  # the printed name ("" after a bare >>)
    words: list[tuple[int, dt.timedelta]]
    gap: str = ""  # white space between the label and the text
    first: bool = False  # the first line of its cue
    whole: str = ""  # the text with its label (a colon label may be text after all)
    escaped: set[int] = attrs.Factory(set)  # offsets of brackets that are text
    sound: bool = False  # the line is only a sound
    incidents: list[Incident] = attrs.Factory(list)  # inline, offsets into text
    styled: str | None = None  # the line as printed, where tags were taken out


@attrs.define
class _Count:
    """A timed cue of a turn and how many of the turn's lines it holds."""

    cue: _Cue
    start: dt.timedelta
    end: dt.timedelta
    lines: int = 1


@attrs.define
class _Draft:
    """A turn being built."""

    speaker: int
    lines: list[str] = attrs.Factory(list)
    size: int = -1  # length of "\n".join(lines)
    words: list[tuple[int, dt.timedelta]] = attrs.Factory(list)
    cues: list[_Count] = attrs.Factory(list)
    labels: list[list[object]] = attrs.Factory(list)
    label: str | None = None
    incidents: list[Incident] = attrs.Factory(list)
    timed: bool = True
    styled: list[tuple[int, str, str]] = attrs.Factory(list)  # line, as printed, text

    def add(self, line: _Line) -> None:
        self.size += 1
        if line.style is not None:
            if self.label is None and line.name:
                self.label = line.name
            label: list[object] = [len(self.lines), line.style, line.name]
            if line.gap != meta.GAPS[line.style]:
                label.append(line.gap)
            self.labels.append(label)
        self.words.extend((self.size + offset, time) for offset, time in line.words)
        self.incidents.extend(
            attrs.evolve(i, offset=self.size + (i.offset or 0)) for i in line.incidents
        )
        if line.styled is not None:
            self.styled.append((len(self.lines), line.styled, line.text))
        self.lines.append(line.text)
        self.size += len(line.text)
        cue = line.cue
        if cue.start is None or cue.end is None:
            self.timed = False
        elif self.cues and self.cues[-1].cue is cue:
            self.cues[-1].lines += 1
        else:
            self.cues.append(_Count(cue, cue.start, cue.end))


def _incident(item: _Line | _Note, offset: int | None) -> Incident:
    if isinstance(item, _Note):
        return Incident(
            kind="note",
            subtype="comment",
            text=item.text or None,
            printed=item.printed,
            offset=offset,
        )
    printed = item.text.strip()
    inner = _SOUND.match(printed)
    groups = inner.groups() if inner is not None else (printed,)
    content = next(g for g in groups if g is not None).strip()
    kind, subtype = stage_direction("♪" if printed.startswith("♪") else content) or (
        "incident",
        None,
    )
    cue = item.cue
    record: dict[str, str] = {}
    if cue.start is not None and cue.end is not None:
        record[meta.CUE_KEY] = meta.encode_cues([(cue.start, cue.end, 1, cue.ident, cue.settings)])
    return Incident(
        kind=kind,
        subtype=subtype,
        text=content or None,
        printed=printed,
        time=cue.start,
        offset=offset,
        meta=record,
    )


class _Builder:
    """Lines, sounds and notes, in order, to turns and body incidents."""

    def __init__(self, warn: _Warner) -> None:
        self.warn = warn
        self.roster = Roster()
        self.body: list[_Draft | Incident] = []
        self.current: _Draft | None = None
        self.last_speaker: int | None = None
        self.pending: list[_Line | _Note] = []

    def person(self, name: str, lineno: int) -> int:
        """The person a printed name stands for (``Dan`` is ``Dan Smith`` once he has
        been named in full): one identity rule for every reader (:mod:`._speakers`)."""
        if not name:
            return _UNKNOWN

        def ambiguous(message: str) -> None:
            self.warn(message, lineno)

        return self.roster.resolve(name, on_ambiguous=ambiguous)

    def flush(self, into_turn: bool) -> None:
        """The sounds and notes waiting: inside the current turn, or between turns."""
        if into_turn and self.current is not None:
            offset = max(self.current.size, 0)
            self.current.incidents.extend(_incident(x, offset) for x in self.pending)
        else:
            self.finish()
            self.body.extend(_incident(x, None) for x in self.pending)
        self.pending = []

    def finish(self) -> None:
        if self.current is not None:
            self.body.append(self.current)
            self.current = None

    def line(self, line: _Line) -> None:
        if line.sound:
            self.pending.append(line)
            return
        if line.style is None:
            speaker = self.current.speaker if self.current else self.last_speaker
        else:
            speaker = self.person(line.name or "", line.cue.lineno)
        same = self.current is not None and self.current.speaker == speaker
        if same and (line.style is None or speaker != _UNKNOWN):
            self.flush(into_turn=True)
        else:
            self.flush(into_turn=False)
            self.current = _Draft(_UNKNOWN if speaker is None else speaker)
        current = cast(_Draft, self.current)  # set by flush(into_turn=True) or just above
        current.add(line)
        self.last_speaker = current.speaker

    def note(self, note: _Note) -> None:
        self.pending.append(note)


def _speakers(builder: _Builder, unknown_used: bool) -> tuple[list[Speaker], str]:
    speakers = builder.roster.speakers()
    unknown = mint_speaker_id("unknown", {s.id for s in speakers})
    if unknown_used:
        speakers.append(Speaker(id=unknown, name="Unknown"))
    return speakers, unknown


def _turn(draft: _Draft, number: int, speaker_id: str) -> Turn:
    lines = draft.lines
    lead = len(lines[0]) - len(lines[0].lstrip())
    if lead:
        lines[0] = lines[0][lead:]
        draft.words = [(o - lead, t) for o, t in draft.words if o >= lead]
        draft.incidents = [
            attrs.evolve(i, offset=max((i.offset or 0) - lead, 0)) for i in draft.incidents
        ]
    lines[-1] = lines[-1].rstrip()
    text = "\n".join(lines)
    record: dict[str, str] = {}
    if draft.timed and draft.cues:
        record[meta.CUES_KEY] = meta.encode_cues(
            [(c.start, c.end, c.lines, c.cue.ident, c.cue.settings) for c in draft.cues]
        )
    record[meta.LABELS_KEY] = json.dumps(draft.labels, ensure_ascii=False)
    if draft.words:
        record[meta.WORDS_KEY] = meta.encode_words(draft.words)
    styled = [[n, raw, line] for n, raw, line in draft.styled if lines[n] == line]
    if styled:
        record[meta.STYLED_KEY] = json.dumps(styled, ensure_ascii=False)
    starts = [c.start for c in draft.cues]
    ends = [c.end for c in draft.cues]
    size = len(text)
    return Turn(
        id=f"u{number}",
        speaker_id=speaker_id,
        paragraphs=[text],
        label=draft.label,
        start=min(starts) if starts else None,
        end=max(ends) if ends else None,
        incidents=[attrs.evolve(i, offset=min(i.offset or 0, size)) for i in draft.incidents],
        meta=record,
    )
