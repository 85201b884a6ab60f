"""Plain text: the writer."""

from __future__ import annotations

import json as _json
import re
from collections import Counter
from operator import attrgetter
from typing import TypeAlias

from ._rules import BLANK_LINE, format_clock, is_interjecting
from ._speakers import UNKNOWN
from ._speakers import name_key as _norm
from ._text_classify import front_line
from ._text_conventions import CONVENTIONS
from ._text_inline import _inline_matches
from ._text_lex import (
    _BOILERPLATE,
    _BREAK,
    _EXPLICIT,
    _INLINE,
    _SPECIAL_LINE,
    _STAGE_LINE,
    _STRONG,
    _bare_heading,
    _bracket_joined,
    _candidate,
    _escape,
    _inline_speech,
    _Label,
    _named_elsewhere,
    _special,
    _stage,
    _wrapped_label,
    _yaml_block,
)
from ._text_names import (
    _name_part,
)
from ._text_readback import (
    _edges,
    _front_tails,
    _inline_escapable,
    _is_gap,
    _is_space,
    _minted,
    _misread,
    _once_only,
    _own_paragraph,
    _plain_speech,
)
from ._text_rows import wrapped_label
from .models import BodyItem, Incident, Transcript, Turn

_ID, _LABEL, _SPEAKER_ID = attrgetter("id"), attrgetter("label"), attrgetter("speaker_id")
#: What a turn's label and prefix depend on: its printed prefix, label, time and
#: speaker, and whether the speaker spoke before (see _Writer._plain_label).
_Key: TypeAlias = tuple[str | None, str | None, object, str, bool]


class _Writer:
    def __init__(self, transcript: Transcript, *, safe: bool) -> None:
        self.t = transcript
        self.safe = safe
        self.meta = transcript.meta
        self.headings_ok = False
        self.break_follows = False  # (see render)
        self.first_inline = -1  # (see _headings_dropped)
        # The name keys of the speeches' labels from the first speech on: a front
        # heading naming one of them opens a speech for the reader (as it judges, see
        # _front_headings), so it is escaped there. (Each distinct name worked out
        # once: a sitting prints the same few thousands of times.)
        turns = transcript.turns
        first_speech = next((k for k, turn in enumerate(turns) if turn.paragraphs), len(turns))
        later = turns[first_speech:]
        names = set(map(_LABEL, later))
        names |= {transcript.speaker(who).name for who in set(map(_SPEAKER_ID, later))}
        self.label_keys = {_norm(_name_part(name)) for name in names if name}
        # The convention the text was read with: its labels are what must be escaped.
        convention = CONVENTIONS.get(transcript.meta.get("text:convention", ""))
        self.pattern = convention.label if convention is not None else None
        self.interjections = convention is not None and convention.interjections
        # A convention whose labels count only where the name recurs ("name-lines"):
        # a line of text naming nobody labelled, printed once, needs no escape.
        self.repeats: Counter[str] | None = None
        if convention is not None and convention.repeats:
            self.repeats = self._unlabelled_names(transcript)
        # What the reader takes each probed line for: the same label lines are
        # judged for every turn of a speaker, so each is judged once.
        self.judged: dict[str, _Label | None] = {}
        # The plain labels and the prefixes worked out, by what they depend on (see
        # _plain_label and _prefix; prefixes only once self.explicit is settled).
        self.plain_labels: dict[_Key, tuple[str, str]] = {}
        self.prefixes: dict[_Key, str] = {}
        self.names = Counter(_norm(s.name) for s in transcript.speakers)
        self.planned: list[tuple[BodyItem, bool]] | None = None
        self.explicit: set[str] = set()
        # (speaker id, label, probe) of every labelled turn, in order (see plan).
        self.labels: list[tuple[str, str, str]] = []
        # The names the YAML front matter declares (initials -> name), as the reader
        # finds them (see plan).
        self.declared: dict[str, str] = {}
        # Its markers that name no one (">>"): the reader gives them to "Unknown".
        self.unnamed = dict.fromkeys(convention.unnamed if convention else (), UNKNOWN)

    def plan(self) -> list[tuple[BodyItem, bool]]:
        """The body items written, each with whether it is a turn written without a
        label (a speaker going on after a break); which speakers' labels carry their
        id (``self.explicit``). Worked out once, for :meth:`render` and
        :meth:`unread_ids`."""
        if self.planned is not None:
            return self.planned
        t = self.t
        # The reader takes "HOST:" alone on a front line for a heading, not a
        # label, when the speeches that follow carry text on their label's line.
        self.headings_ok = any(turn.paragraphs for turn in t.turns)
        names = self.names
        # Which turns are written without a label (a speaker going on after a stage
        # direction), and from which paragraph on the reader looks for back matter.
        plan: list[tuple[BodyItem, bool]] = []
        previous: Turn | None = None
        after_incident = False
        for item in t.body:
            if isinstance(item, Incident) and item.kind == "anchor" and not item.printed:
                # An anchor without a printed form marks a place, a division or a
                # time: no words, and nothing plain text can show.
                continue
            if isinstance(item, Incident):
                plan.append((item, False))
                # Only after a break line does the reader start a new turn of the
                # same speaker without a label (after a stage direction it goes on
                # with the same turn).
                after_incident = bool(_BREAK.match(self._stage(item)))
                continue
            going_on = (
                not self.safe
                and item.label is None
                and bool(item.paragraphs)
                and previous is not None
                and previous.speaker_id == item.speaker_id
                and after_incident
            )
            plan.append((item, going_on))
            previous, after_incident = item, False
        unlabelled = {id(item) for item, on in plan if on and isinstance(item, Turn)}
        self.explicit = self._explicit_speakers(names, unlabelled)
        self.prefixes.clear()  # (a prefix depends on self.explicit)
        # (A label with an id is no speech that makes the reader drop front headings.)
        self.headings_ok = self._headings_dropped(unlabelled)
        self.planned = plan
        return plan

    def unread_ids(self) -> tuple[list[str], list[str]]:
        """The speaker ids and turn ids the reader will not give back.

        The reader numbers the turns (``u1``, ``u2``, ...) and mints a speaker's id
        from the label (:func:`~debatekit._rules.mint_speaker_id`) unless the label
        carries it (``Name {#id}:``): ids equal to those come back, others do not.
        """
        self.plan()
        minted = _minted(
            self.labels, self.explicit, {s.id: s.name for s in self.t.speakers}, self.declared
        )
        speakers = [s.id for s in self.t.speakers if minted.get(s.id) != s.id]
        # (An id the reader numbers starts with "u": only those are worked out.)
        ids = map(_ID, self.t.turns)
        turns = [i for k, i in enumerate(ids, 1) if i[:1] != "u" or i != f"u{k}"]
        return speakers, turns

    def render(self) -> str:
        t = self.t
        plan = self.plan()
        names = self.names
        # Whether a break line is written after the front matter: a stage direction
        # printed as one, or the mark before the back (always written without turns).
        self.break_follows = bool(t.back) or any(
            isinstance(item, Incident) and _BREAK.match(self._stage(item)) for item, _ in plan
        )
        # Items are written text, or paragraphs to escape once the white space
        # before them is known: (prefix, paragraph, region, at line start, tail).
        items = self._front_items()
        last_labelled = max(
            (i for i, (item, on) in enumerate(plan) if isinstance(item, Turn) and not on),
            default=-1,
        )
        seen: set[str] = set()
        turn_number = -1
        one_gap = self._bare_lines()
        for i, (item, going_on) in enumerate(plan):
            if isinstance(item, Incident):
                items.append(self._stage(item))
                continue
            turn_number += 1
            # (Before the first label with speech on its line, a label alone on a
            # line of a speech is a heading to the reader: text, see _para.)
            speech = "lead" if turn_number < self.first_inline else "turn"
            prefix = "" if going_on else self._prefix(item, item.speaker_id in seen, names)
            seen.add(item.speaker_id)
            paragraphs, own, joined = self._paragraphs(item)
            if prefix and 0 in own:
                # A stage direction standing as the first paragraph: the reader finds
                # one only after a label alone on its line (on the label's line it is
                # the speech's text), so the label is written alone.
                items.append(prefix.rstrip(" "))
                prefix = ""
            if not paragraphs:
                items.append(prefix.rstrip(" "))
                continue
            ending = i >= last_labelled
            if one_gap is not None and not own and not ending and _plain_speech(joined, speech):
                # (What _join would make of them: written as is, see _bare_lines.)
                if one_gap != "\n\n":
                    joined = one_gap.join(paragraphs)
                items.append(prefix + joined)
                continue
            at_line_start = not prefix or prefix.endswith("\n")
            region = "stage" if 0 in own else speech
            items.append((prefix, paragraphs[0], region, at_line_start, ending and not prefix))
            if own:
                items.extend(
                    ("", paragraph, "stage" if k in own else speech, True, ending)
                    for k, paragraph in enumerate(paragraphs[1:], 1)
                )
            else:
                items.extend(("", paragraph, speech, True, ending) for paragraph in paragraphs[1:])
        if t.back:
            mark = self.meta.get("text:back-break")
            if mark is None or not _BREAK.match(mark) or self.safe:
                first = t.back[0].split("\n")[0]
                # (Without turns only a break tells the reader where the back starts.)
                # (A label alone on its line would take the closing line for its text.)
                bare = bool(plan) and isinstance(plan[-1][0], Turn) and not plan[-1][0].paragraphs
                closing = _BOILERPLATE.match(first) and t.turns and not bare
                mark = None if not self.safe and closing else "---"
            if mark is not None:
                items.append(mark)
            items.extend(("", p, "back", True, False) for p in t.back)
        return self._join(items)

    def _front_items(self) -> list[str | tuple[str, str, str, bool, bool]]:
        """The front matter's items (see :meth:`render`). A YAML block opening the text
        holds no label for the reader: written as is. The tail flag of a front
        paragraph: it and all after it are stage directions, which the reader would
        take into the body."""
        front = self.t.front
        yaml = self._yaml_paragraphs()
        return [
            (
                "",
                p,
                "yaml" if j < yaml and not p.startswith("\\") else "front",
                True,
                all(_STAGE_LINE.match(q) for q in front[j:]),
            )
            for j, p in enumerate(front)
        ]

    def _bare_lines(self) -> str | None:
        """The one gap :meth:`_join` writes between all items if it writes no white
        space on their lines (nothing before or after the gap's line breaks, nor
        before the first item or after the last), and no convention is known: then
        a speech's paragraphs that :func:`_plain_speech` passes are written as is,
        wherever they stand, and can be given to _join as written text, joined by
        that gap. Otherwise None."""
        meta = {} if self.safe else self.meta
        if self.pattern is not None or "text:gaps" in meta:
            return None
        default = "\n" if meta.get("text:layout") == "lines" else "\n\n"
        gap = meta.get("text:gap", default)
        gap = gap if _is_gap(gap) else default
        lead = meta.get("text:lead", "")
        lead = lead if not lead.strip() else ""
        bare = (
            _edges(gap) == ("", "")
            and not _edges(lead)[0]
            and not _edges(meta.get("text:tail", ""))[1]
        )
        return gap if bare else None

    def _join(self, items: list[str | tuple[str, str, str, bool, bool]]) -> str:
        meta = {} if self.safe else self.meta
        default = "\n" if meta.get("text:layout") == "lines" else "\n\n"
        count = max(len(items) - 1, 0)
        gaps: list[str] = []
        if "text:gaps" in meta:
            try:
                loaded = _json.loads(meta["text:gaps"])
            except ValueError:
                loaded = None
            if isinstance(loaded, list) and all(isinstance(g, str) for g in loaded):
                gaps = loaded
        if len(gaps) != count or not all(_is_gap(g) for g in gaps):
            gap = meta.get("text:gap", default)
            gaps = [gap if _is_gap(gap) else default] * count
        lead, tail = meta.get("text:lead", ""), meta.get("text:tail", "")
        lead = lead if not lead.strip() else ""
        _front_tails(items, len(self.t.front), gaps, lead, tail)
        out = [lead]
        append = out.append
        # The white space of a gap on the line before it and on the line after it,
        # worked out once per distinct gap.
        edges: dict[str, tuple[str, str]] = {}
        # Without a convention the reader's line filter passes over the lines that
        # cannot be anything but text: a paragraph of a speech none of whose lines
        # it stops at is written as is (see _plain_speech).
        filtered = self.pattern is None
        for i, item in enumerate(items):
            before = gaps[i - 1] if i else lead
            if i:
                append(before)
            if isinstance(item, str):
                append(item)
                continue
            prefix, paragraph, region, at_line_start, trailing = item
            after = gaps[i] if i < count else tail
            edge = edges.get(before)
            if edge is None:
                edge = edges[before] = _edges(before)
            indent = edge[0] if at_line_start and not prefix else ""
            if after is before:
                trail = edge[1]
            else:
                edge = edges.get(after)
                if edge is None:
                    edge = edges[after] = _edges(after)
                trail = edge[1]
            if filtered and not indent and not trail and _plain_speech(paragraph, region):
                if trailing and at_line_start and _BOILERPLATE.match(paragraph):
                    paragraph = "\\" + paragraph  # (a closing line ending the speech)
                append(prefix + paragraph if prefix else paragraph)
                continue
            append(prefix + self._para(paragraph, region, at_line_start, trailing, indent, trail))
        out.append(tail if not tail.strip() else "")
        text = "".join(out)
        if meta.get("text:newline") == "crlf":
            text = text.replace("\n", "\r\n")
        elif meta.get("text:newline") == "cr":
            text = text.replace("\n", "\r")
        if meta.get("text:bom") == "yes":
            text = "\ufeff" + text
        return text

    def _wrapped(self, stored: str) -> _Label | None:
        """The label of a stored prefix that prints it alone over two lines (PDF text:
        'Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜ-' / 'NEN):'), as the reader finds it."""
        lines = stored.split("\n")
        if len(lines) < 2 or not lines[0].strip():
            return None
        if self.pattern is None:  # ('BRYAN MCKUNE, Manager of Pilot Development,' / ...)
            return wrapped_label(lines[0], lines[1]) if len(lines) == 2 else None
        return _wrapped_label(lines[0], lines[1], self.pattern)

    def _bracket_wrapped(self, stored: str) -> _Label | None:
        """The label of a stored prefix whose office's holder in square brackets wraps
        onto a second line (the Malaysian Hansard), as the reader finds it."""
        joined = _bracket_joined(stored) if self.pattern is None else None
        return self._judge(joined) if joined is not None else None

    def _prefix(self, turn: Turn, seen: bool, names: Counter[str]) -> str:
        """The prefix written before the turn's first paragraph (its label, as the
        reader is to find it). Worked out once per distinct (printed prefix, label,
        time, speaker, first turn or not): a sitting repeats the same few."""
        # (The meta's dict read directly, as in _plain_label: a call fewer per turn.)
        key = (turn.meta._data.get("text:prefix"), turn.label, turn.start, turn.speaker_id, seen)
        found = self.prefixes.get(key)
        if found is None:
            found = self.prefixes[key] = self._new_prefix(turn, seen)
        return found

    def _new_prefix(self, turn: Turn, seen: bool) -> str:
        speaker = self.t.speaker(turn.speaker_id)
        explicit = f"{speaker.name} {{#{speaker.id}}}: "
        if self.safe:
            return explicit
        stored = turn.meta.get("text:prefix")
        if stored is not None and turn.label is not None:
            # A label with no text after it ("A." alone) is judged as if text followed.
            first = stored.split("\n")[0]
            found = (
                self._judge(first)
                or self._judge(first + " x")
                or self._wrapped(stored)
                or self._bracket_wrapped(stored)
            )
            if (
                found is not None
                and found.label == turn.label
                and not stored.strip(" \t").startswith("\n")
                and (
                    speaker.id not in self.explicit
                    # (One printed with the id the writer's own label gives, as read.)
                    or (found.explicit_id == speaker.id and found.label == speaker.name)
                )
            ):
                return stored
        if speaker.id in self.explicit:
            return explicit
        label, _ = self._plain_label(turn, seen)
        return f"{self._stamp(turn)}{label}: "

    def _explicit_speakers(self, names: Counter[str], unlabelled: set[int]) -> set[str]:
        """The speakers whose plain label would not read back as them, who get an
        id in their label (``Name {#id}:``): names two speakers share, one-word
        labels printed once (the reader takes those for text), and any label the
        reader's speaker identity (:class:`~debatekit._speakers.Roster`) would give
        to someone else, found by resolving the planned labels in order."""
        t = self.t
        explicit = {s.id for s in t.speakers if names[_norm(s.name)] > 1}
        yaml = self._yaml_paragraphs()
        declared = _yaml_block("\n".join(t.front[:yaml]) + "\n")[1] if yaml else {}
        declared = {**self.unnamed, **declared}
        planned: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        first_speech = next((k for k, turn in enumerate(t.turns) if turn.paragraphs), -1)
        headings: list[tuple[str, _Label | None, str]] = []  # labels alone before the first speech
        inline = False  # whether a speech's label carries speech on its line
        for k, turn in enumerate(t.turns):
            if id(turn) in unlabelled:
                continue  # the speaker going on after a stage direction: no label
            label, probe = self._plain_label(turn, turn.speaker_id in seen)
            seen.add(turn.speaker_id)
            planned.append((turn.speaker_id, label, probe))
            found = self._judge(probe)
            if k < first_speech:
                headings.append((turn.speaker_id, found, probe))
            elif not inline and found is not None and _inline_speech(probe, found):
                inline = True
            if found is None or found.label != label:
                explicit.add(turn.speaker_id)  # the plain label would not read as one
        # A label alone before the first speech reads as a heading, unless it names
        # someone labelled in the speeches (as the reader judges, see _front_headings),
        # where a speech's label carries speech on its line (else none is a heading).
        if not inline:
            headings.clear()
        later = {_norm(_name_part(label)) for label in {x[1] for x in planned[len(headings) :]}}
        # (Such a turn has no speech: its label stands alone on its line, so one the
        # reader may take for a bare heading at all, _bare_heading not None, is one.)
        for speaker_id, found, probe in headings:
            if found is None or (
                _bare_heading(probe, found) is not None and not _named_elsewhere(found, later)
            ):
                explicit.add(speaker_id)
        self.labels = planned
        self.declared = declared
        for _ in range(len(t.speakers) + 1):
            plain = [entry for entry in planned if entry[0] not in explicit]
            more = _once_only(plain, self.pattern, t.front) | _misread(
                planned, explicit, t.speakers, declared
            )
            if not more:
                break
            explicit |= more
        return explicit

    def _yaml_paragraphs(self) -> int:
        """How many front paragraphs form the YAML block the reader finds at the
        start of the text (``---`` ... ``---``), if any."""
        front = self.t.front
        if self.meta.get("text:lead") or not front or front[0] != "---":
            return 0
        end = next((j for j in range(1, len(front)) if front[j] == "---"), None)
        if end is None or not _yaml_block("\n".join(front[: end + 1]) + "\n")[0]:
            return 0
        return end + 1

    def _headings_dropped(self, unlabelled: set[int]) -> bool:
        """Whether the reader will keep label-like front headings as front matter: it
        does when a label with speech on its line follows (as it judges one). Notes
        which turn has the first such label (``self.first_inline``): before it, a
        label-like line alone is such a heading for the reader (see _front_headings)."""
        seen: set[str] = set()
        for k, turn in enumerate(self.t.turns):
            first = id(turn) not in unlabelled and turn.speaker_id not in seen
            seen.add(turn.speaker_id)
            if id(turn) in unlabelled or not turn.paragraphs:
                continue
            # (The label's line only: a prefix may end it, the speech on the next.)
            line = self._prefix(turn, not first, Counter()) + turn.paragraphs[0]
            line = line.split("\n")[0]
            found = _candidate(line, self.pattern)
            if found is not None and _inline_speech(line, found):
                self.first_inline = k
                return True
        return False

    def _plain_label(self, turn: Turn, seen: bool) -> tuple[str, str]:
        """The label the reader is to find in the turn's plain prefix, and a line
        that prints it as the writer will (text after it, which the reader judges
        a label by). Worked out once per distinct (printed prefix, label, time,
        speaker, first turn or not)."""
        # (A model's meta is a FrozenDict: its dict read directly, in C, not through
        # FrozenDict.get in Python; this runs for every turn.)
        stored = turn.meta._data.get("text:prefix")
        key = (stored, turn.label, turn.start, turn.speaker_id, seen)
        found = self.plain_labels.get(key)
        if found is None:
            found = self.plain_labels[key] = self._new_plain_label(turn, stored, seen)
        return found

    def _new_plain_label(self, turn: Turn, stored: str | None, seen: bool) -> tuple[str, str]:
        if stored is not None and turn.label is not None:
            first = stored.split("\n")[0]
            probe = first + " x" if not first.endswith((" ", "\t")) else first + "x"
            alone = self._judge(first)
            found = alone or self._judge(probe)
            if found is not None and found.label == turn.label:
                return found.label, first if alone else probe
            wrapped = (
                (self._wrapped(stored) or self._bracket_wrapped(stored)) if found is None else None
            )
            if wrapped is not None and wrapped.label == turn.label:
                return wrapped.label, f"{wrapped.label}: x"
        if turn.label is not None:
            probe = self._stamp(turn) + f"{turn.label}: x"
            found = self._judge(probe)
            if found is not None and found.label == turn.label:
                return turn.label, probe
            # (A label printed otherwise, e.g. "A señora PRESIDENTA:" from TEI, which
            # plain text cannot print as a label: the speaker's name instead.)
        speaker = self.t.speaker(turn.speaker_id)
        parts = (speaker.name, speaker.role, speaker.affiliation) if not seen else ()
        label = ", ".join(x for x in parts if x) or speaker.name
        return label, self._stamp(turn) + f"{label}: x"

    def _heading(self, line: str) -> bool:
        """Whether the reader takes ``line``, before the first label with speech on its
        line, for a heading (text): a label alone naming no one labelled from there
        on (``self.label_keys`` holds at least those)."""
        found = _candidate(line, self.pattern)
        return (
            found is not None
            and _bare_heading(line, found) is True
            and not _named_elsewhere(found, self.label_keys)
        )

    def _judge(self, line: str) -> _Label | None:
        """:func:`_candidate` under the writer's convention, each line judged once."""
        judged = self.judged
        if line in judged:
            return judged[line]
        found = judged[line] = _candidate(line, self.pattern)
        return found

    @staticmethod
    def _stamp(turn: Turn) -> str:
        return f"[{format_clock(turn.start)}] " if turn.start is not None else ""

    def _stage(self, incident: Incident) -> str:
        printed = incident.printed
        if (
            printed is not None
            and printed == printed.strip()
            and (
                _STAGE_LINE.match(printed)
                or _BREAK.match(printed)
                or is_interjecting(printed)
                or (self.interjections and "\n" in printed and _own_paragraph(printed))
            )
        ):
            return printed
        desc = incident.text or incident.subtype or incident.kind
        desc = re.sub(r"[\[\]\n]+", " ", desc).strip() or incident.kind
        return f"[{desc}]"

    def _paragraphs(self, turn: Turn) -> tuple[list[str], set[int], str]:
        """The turn's paragraphs with inline incidents put back and brackets escaped,
        and them joined by blank lines.

        Bracketed groups that the reader would take for stage directions are found
        in the text as written (incidents in place), as the reader sees it; those
        that are not the incidents get a backslash, unless the paragraph holds
        nothing else (the reader then keeps it as text whole). Also returns which
        paragraphs are stage directions standing on their own (never escaped).
        """
        text = turn.text
        inserts: list[tuple[int, int, str, str, str]] = []
        for incident in turn.incidents:
            printed = incident.printed
            if incident.length or printed is None or incident.offset is None:
                continue  # a span stays in the text; nothing to put back
            if not inline_printable(incident):
                continue  # counted as lost (see inline_printable)
            if incident.meta.get("text:paragraph") == "own" and _own_paragraph(printed):
                # A stage direction standing as a paragraph inside the speech.
                inserts.append((incident.offset, len(inserts), "", printed, "\n\n"))
                continue
            before = incident.meta.get("text:before", "")
            after = incident.meta.get("text:after", "")
            if not _is_space(before) or not _is_space(after):
                before = after = ""
            inserts.append((incident.offset, len(inserts), before, printed, after))
        if not inserts and "(" not in text and "[" not in text:
            return list(turn.paragraphs), set(), text
        out: list[str] = []
        marks: set[int] = set()  # where the incidents stand in the written text
        own_marks: set[int] = set()  # where stage paragraphs start
        pos = size = 0
        for offset, _, before, printed, after in sorted(inserts):
            out.append(text[pos:offset] + before)
            size += offset - pos + len(before)
            marks.add(size)
            if after == "\n\n":
                own_marks.add(size)
            out.append(printed + after)
            size += len(printed) + len(after)
            pos = offset
        out.append(text[pos:])
        written = "".join(out)
        escapes: list[int] = []
        own: set[int] = set()
        base = 0
        for k, paragraph in enumerate(written.split("\n\n")):
            if base in own_marks:
                own.add(k)  # a stage direction as printed: nothing in it to escape
                base += len(paragraph) + 2
                continue
            groups = [
                m
                for m in _inline_matches(paragraph)  # (as _INLINE.finditer, faster)
                if _stage(m.group(1) if m.group(1) is not None else m.group(2)) is not None
            ]
            # (What is left of the paragraph without its stage directions.)
            cuts = [0, *(x for m in groups for x in m.span()), len(paragraph)]
            rest = "".join(paragraph[cuts[j] : cuts[j + 1]] for j in range(0, len(cuts), 2))
            ours = [m for m in groups if base + m.start() not in marks]
            if rest.strip() or len(ours) < len(groups):
                # (A paragraph of nothing but stage directions that are its text is
                # kept whole by the reader: no escapes needed.)
                escapes.extend(base + m.start() for m in ours)
            base += len(paragraph) + 2
        for at in reversed(escapes):
            written = written[:at] + "\\" + written[at:]
        return written.split("\n\n"), own, written

    def _unlabelled_names(self, t: Transcript) -> Counter[str]:
        """How often each name the convention's pattern finds at a line of text is
        printed there, a labelled speaker's name counted twice (the reader takes any
        such line for a label)."""
        counts: Counter[str] = Counter()
        for name in {turn.label or t.speaker(turn.speaker_id).name for turn in t.turns}:
            counts[_norm(_name_part(name))] += 2
        paragraphs = [*t.front, *t.back, *(p for turn in t.turns for p in turn.paragraphs)]
        for line in "\n".join(paragraphs).split("\n"):
            found = _candidate(line, self.pattern) if line[:1].isupper() else None
            if found is not None:
                counts[_norm(_name_part(found.label))] += 1
        return counts

    def _printed_once(self, probe: str) -> bool:
        """Whether ``probe``, a line the pattern takes for a label, names someone
        printed once and unlabelled: text to the reader as it is."""
        if self.repeats is None:
            return False
        found = _candidate(probe, self.pattern)
        return found is not None and self.repeats[_norm(_name_part(found.label))] < 2

    def _escape_outside(self, probe: str, region: str, tail: bool, several: bool) -> bool:
        """Whether a line ``probe`` of the front or back matter (``region``) needs an
        escape: the reader would take it for a label, or split the paragraph at it
        (``several``: the paragraph has more than one line; ``tail``: the line ends
        the front matter)."""
        found = _candidate(probe, self.pattern)
        if (
            found is not None
            and region == "front"
            and self.t.turns
            and front_line(probe, found, self.label_keys)
        ):
            return False  # a title or a name-only metadata line: text to the reader
        if (
            found is not None
            and not self._printed_once(probe)
            and not (
                region == "front"
                and self.headings_ok
                and _bare_heading(probe, found)
                and not _named_elsewhere(found, self.label_keys)
            )
        ):
            return True
        if not (_STAGE_LINE.match(probe) or _BREAK.match(probe)):
            return False
        # The reader splits a paragraph at such a line, and takes the stage directions
        # that end the front matter into the body. Without turns, the last break line
        # is where the body starts (and a front one before another stays text).
        return several or (
            region == "front"
            and (
                tail or (not self.t.turns and not self.break_follows and bool(_BREAK.match(probe)))
            )
        )

    def _para(
        self,
        paragraph: str,
        region: str,
        at_line_start: bool = True,
        tail: bool = False,
        indent: str = "",
        trail: str = "",
    ) -> str:
        """Escape the lines of ``paragraph`` that the reader would not take for text.

        ``indent`` and ``trail`` are the white space written before the first line and
        after the last: the reader sees those lines with it, and a backslash escapes
        only at the very start of a line.
        """
        if "\r" in paragraph:
            paragraph = _line_breaks(paragraph)
        if region in ("stage", "yaml"):
            return paragraph
        lead = region == "lead"
        region = "turn" if lead else region
        out: list[str] = []
        lines = paragraph.split("\n")
        last = len(lines) - 1
        plain_filter = _SPECIAL_LINE.match if self.pattern is None else None
        for n, line in enumerate(lines):
            if n == 0 and not at_line_start:
                out.append(line)
                continue
            indented = n == 0 and bool(indent)
            # The line as the reader will see it, with the white space around it.
            probe = (indent if indented else "") + line + (trail if n == last else "")
            match = _EXPLICIT.match(probe) if "{#" in probe else None
            if match and not indented:
                cut = match.start("id") - 2
                out.append(line[:cut] + "\\" + line[cut:])
                continue
            if (
                region == "turn"
                and not indented
                and line.startswith(("\\(", "\\["))
                and _STAGE_LINE.match(probe[1:])
                and _stage(line[2:].strip()[:-1]) is not None
            ):
                # A stage direction kept as text: the one backslash that escapes its
                # opening bracket also escapes the line.
                out.append(line)
                continue
            if probe.startswith("\\"):
                # Only where the reader would take the backslash for an escape.
                escaped_line = _escape(probe)
                escape = escaped_line is not None and (
                    escaped_line[1] == _STRONG or (region == "turn" and tail and n == 0)
                )
            elif region == "turn" or self.safe:
                # (A line the reader's line filter passes over is text to it.)
                escape = (
                    (plain_filter is None or plain_filter(probe) is not None or "\n" in probe)
                    and _special(probe, self.pattern)
                    and not (lead and self._heading(probe))
                    and not self._printed_once(probe)
                ) or (tail and n == 0 and bool(_BOILERPLATE.match(probe)))
            else:
                escape = self._escape_outside(probe, region, tail, last > 0)
            # An indented line cannot be escaped: the escape must open the line. It is
            # written as read, and the reader judges it as it did the source. A stage
            # direction opening it is the exception: a backslash before its bracket
            # keeps it text anywhere in a line, as inside a paragraph.
            if escape and indented and not (region == "turn" and _inline_escapable(line)):
                escape = False
            out.append("\\" + line if escape else line)
        return "\n".join(out)


def unread_ids(transcript: Transcript) -> tuple[list[str], list[str]]:
    """The speaker ids and turn ids of ``transcript`` that plain text written by
    :func:`debatekit.text.dumps` does not give back (see :meth:`_Writer.unread_ids`)."""
    return _Writer(transcript, safe=False).unread_ids()


def _line_breaks(text: str) -> str:
    """``text`` with each carriage return (or CR LF) written as a line break, as the
    reader takes one; a line that leaves blank is dropped (a blank line would end
    the paragraph). The losses table counts them."""
    text = _CR.sub("\n", text)
    while BLANK_LINE.search(text) is not None:
        text = BLANK_LINE.sub("\n", text)
    return text


_CR = re.compile(r"\r\n?")


def inline_printable(incident: Incident) -> bool:
    """Whether the writer puts this incident inside a turn back into the text, in a form
    the reader takes for the same incident (its printed stage direction). An incident
    that spans text (``length``) is kept by that text. Others cannot be written: the
    losses table (``debatekit._losses``) counts them, so that none is dropped silently.
    """
    printed = incident.printed
    if incident.length or incident.offset is None or printed is None:
        return bool(incident.length)
    if incident.meta.get("text:paragraph") == "own" and _own_paragraph(printed):
        return True
    return bool(_INLINE.fullmatch(printed)) and _stage(printed[1:-1]) is not None
