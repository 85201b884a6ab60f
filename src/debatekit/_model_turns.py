"""The parts of a transcript: its event, speakers, turns, incidents and phrase markup
(re-exported by :mod:`debatekit.models`, where they are documented as a whole)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from operator import itemgetter
from typing import get_args

from attrs import field, frozen

from ._checks import SURROGATE_SEARCH as _SURROGATE_SEARCH
from ._checks import check_attribute_names as _check_attribute_names
from ._checks import check_id as _check_id
from ._checks import check_items as _check_items
from ._checks import check_meta as _check_meta
from ._checks import check_strings as _check_strings
from ._checks import check_time as _check_time
from ._checks import good_label as _good_label
from ._checks import is_name as _is_name
from ._checks import raise_problems as _raise
from ._checks import surrogate_problem as _surrogate_problem
from ._frozendict import EMPTY, FrozenDict, frozen_mapping
from ._linguistic import Sentence, check_layer_fits, check_sentences
from ._rules import BLANK_LINE, MAX_TIME, IncidentKind, is_ncname
from .errors import Problem

INCIDENT_KINDS: frozenset[str] = frozenset(get_args(IncidentKind))
_ZERO = dt.timedelta(0)

# A blank line (only white space): it would split a paragraph in two.
_BLANK_LINE = BLANK_LINE
# An ISO 8601 date, possibly partial (TEI's @when/@from/@to allow "2019" and "2019-12").
_PARTIAL_DATE = re.compile(r"-?\d{4}(-\d\d(-\d\d)?)?\Z")
_WORD = re.compile(r"\w", re.UNICODE)
# Building frozen instances directly, for the checked fast paths of readers.
_new = object.__new__


def word_count(text: str) -> int:
    """Count the words of ``text``: whitespace-separated tokens holding a letter or digit.

    Punctuation standing alone (``—``, ``-``, ``&``) is not a word; ``O’Neil``,
    ``2,000-mile-long`` and ``U.S.-Mexico`` are one word each.
    """
    return sum(1 for token in text.split() if _WORD.search(token))


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    """Store a collection of strings as a tuple; refuse a bare string (it would split)."""
    if type(value) is tuple:
        return value
    if isinstance(value, str):
        raise TypeError(f"expected a sequence of strings, not the string {value!r}")
    return tuple(value)


def _affiliations(value: Iterable[Affiliation]) -> tuple[Affiliation, ...]:
    return value if type(value) is tuple else tuple(value)


def _incidents(value: Iterable[Incident]) -> tuple[Incident, ...]:
    return value if type(value) is tuple else tuple(value)


def _markup(value: Iterable[Markup]) -> tuple[Markup, ...]:
    return value if type(value) is tuple else tuple(value)


def _sentences(value: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return value if type(value) is tuple else tuple(value)


def _speakers(value: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return value if type(value) is tuple else tuple(value)


def _body(value: Iterable[Turn | Incident]) -> tuple[Turn | Incident, ...]:
    return value if type(value) is tuple else tuple(value)


_FIRST, _LAST = itemgetter(0), itemgetter(-1)


def _good_text(value: object) -> bool:
    """The fast check of a paragraph: true when _check_text would find nothing."""
    return (
        type(value) is str
        and value != ""
        and not value[0].isspace()  # (value == value.strip(), without a copy)
        and not value[-1].isspace()
        and ("\n" not in value or _BLANK_LINE.search(value) is None)
        and (value.isascii() or _SURROGATE_SEARCH(value) is None)
    )


def _good_meta(meta: object) -> bool:
    """The fast check of a ``meta`` field: true when _check_meta would find nothing."""
    return type(meta) is FrozenDict and all(
        type(key) is str
        and key != ""
        and type(value) is str
        and ((key.isascii() and value.isascii()) or _SURROGATE_SEARCH(key + value) is None)
        for key, value in meta.items()
    )


def _good_string(value: object) -> bool:
    """The fast check of an optional string field: true when _check_strings would find
    nothing."""
    return value is None or (
        type(value) is str and (value.isascii() or _SURROGATE_SEARCH(value) is None)
    )


def _good_time(value: object) -> bool:
    """The fast check of a time: true when _check_time would find nothing."""
    return type(value) is dt.timedelta and _ZERO <= value <= MAX_TIME


def _in_order(start: dt.timedelta | None, end: dt.timedelta) -> bool:
    """Whether a turn's end (a good time) is not before its start (None or a good time)."""
    return start is None or start <= end


def _good_incidents(incidents: tuple[Incident, ...], paragraphs: tuple[str, ...]) -> bool:
    """The fast check of a turn's incidents (its paragraphs good strings): true when the
    full check would find nothing (each an Incident with an offset inside the turn's
    text, in order)."""
    if set(map(type, incidents)) != {Incident}:
        return False
    size = sum(map(len, paragraphs)) + 2 * max(len(paragraphs) - 1, 0)
    previous = 0
    for incident in incidents:
        offset = incident.offset
        if offset is None or offset < previous or offset + incident.length > size:
            return False
        previous = offset
    return True


def _check_text(problems: list[Problem], path: str, value: object, what: str) -> None:
    if not isinstance(value, str):
        problems.append(Problem(path, f"expected a string, got {type(value).__name__}"))
    elif (problem := _surrogate_problem(path, value)) is not None:
        problems.append(problem)
    elif not value.strip():
        problems.append(Problem(path, f"empty {what}"))
    elif value != value.strip():
        problems.append(Problem(path, f"{what} has leading or trailing whitespace"))
    elif _BLANK_LINE.search(value):
        problems.append(Problem(path, f"{what} contains a blank line; split it in two"))


def _check_times(
    problems: list[Problem], start: dt.timedelta | None, end: dt.timedelta | None
) -> None:
    for name, value in (("start", start), ("end", end)):
        _check_time(problems, name, value)
    if start is not None and end is not None and end < start:
        problems.append(Problem("end", f"ends ({end}) before it starts ({start})"))


_EVENT_STRINGS = (
    "title",
    "subtitle",
    "kind",
    "publisher",
    "organizer",
    "series",
    "place",
    "source",
    "language",
    "description",
    "credits",
)


@frozen(kw_only=True)
class Event:
    """The occasion a transcript records: a debate, a hearing, a sitting, a Q&A.

    Attributes:
        title: The title as published.
        subtitle: A subtitle or standfirst.
        kind: What sort of event: ``"Q&A"``, ``"debate"``, ``"parliamentary sitting"``.
        date: The day the event took place.
        end_date: The last day, for an event over several days.
        published: The day the transcript was published (may differ from ``date``).
        publisher: Who published the transcript.
        organizer: Who held the event, where that is not the publisher.
        series: The series or programme the event belongs to.
        place: Where it took place.
        source: A URL or bibliographic citation of the transcript.
        language: The main language, as a BCP 47 tag (``"en"``, ``"es-ES"``).
        description: A summary, e.g. the introduction printed above the transcript.
        credits: Credit lines printed with the transcript (``"Source: Getty"``).
        meta: Free metadata, string to string.
    """

    title: str | None = None
    subtitle: str | None = None
    kind: str | None = None
    date: dt.date | None = None
    end_date: dt.date | None = None
    published: dt.date | None = None
    publisher: str | None = None
    organizer: str | None = None
    series: str | None = None
    place: str | None = None
    source: str | None = None
    language: str | None = None
    description: str | None = None
    credits: tuple[str, ...] = field(default=(), converter=_strings)
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.date is not None and self.end_date is not None and self.end_date < self.date:
            problems.append(Problem("end_date", f"{self.end_date} is before date {self.date}"))
        if self.end_date is not None and self.date is None:
            problems.append(Problem("end_date", "set without date"))
        _check_strings(problems, self, _EVENT_STRINGS)
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


@frozen(kw_only=True)
class Affiliation:
    """A speaker's membership of an organisation, a party or an office, over a period.

    Attributes:
        name: The organisation (or office) as it should be shown.
        role: The speaker's role in it (``"member"``, ``"minister"``, ``"senior fellow"``).
        ref: An id of the organisation in the source (a ParlaMint ``#EAJ-PNV``).
        start: The first day, an ISO 8601 date, possibly partial (``"2019"``, ``"2019-12"``).
        end: The last day, same form.
    """

    name: str
    role: str | None = None
    ref: str | None = None
    start: str | None = None
    end: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _check_strings(problems, self, ("name", "role", "ref", "start", "end"))
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, str) and not _PARTIAL_DATE.match(value):
                problems.append(Problem(name, f"{value!r} is not an ISO 8601 date"))
        _raise(problems)


@frozen(kw_only=True)
class Speaker:
    """A person (or a group: "Several members") who speaks in the transcript.

    Attributes:
        id: Unique id, an XML NCName (``"oneil"``, ``"TejeriaOtermin"``).
        name: The name to show.
        role: The role in this event or in general (``"moderator"``, ``"president"``).
        affiliation: The organisation, as the transcript states it.
        description: Free text about the speaker.
        aliases: Other labels the speaker appears under (``"O’Neil"``, ``"MS. O'NEIL"``).
        affiliations: Memberships with periods, where the source has them (ParlaMint).
        meta: Free metadata, string to string (``sex``, ``idno``, ...).
    """

    id: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    aliases: tuple[str, ...] = field(default=(), converter=_strings)
    affiliations: tuple[Affiliation, ...] = field(default=(), converter=_affiliations)
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _check_id(problems, "id", self.id)
        name: object = self.name
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem("name", "empty name"))
        _check_strings(problems, self, ("name", "role", "affiliation", "description", "aliases"))
        _check_items(problems, "affiliations", self.affiliations, Affiliation)
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


@frozen(kw_only=True)
class Incident:
    """Non-speech content: applause, laughter, a pause, a gap, an editorial note, ...

    An incident stands either in the body, between turns, or inside a turn. Inside a
    turn it has an ``offset`` into :attr:`Turn.text`: with ``length == 0`` (the
    usual case) it sits between characters and its text is not part of the turn's
    text (``(APPLAUSE)`` heard mid-sentence); with ``length > 0`` it marks a span of
    the turn's text, as an editorial insertion that stays in the text does.

    Attributes:
        kind: The category, one of :data:`INCIDENT_KINDS`.
        subtype: A finer type: ``"applause"``, ``"laughter"``, ``"interruption"``,
            ``"inaudible"``, ``"insertion"``, ``"time"``, ...
        text: The description (TEI's ``desc``) or the note's content.
        printed: The incident exactly as printed in the source (``"(APPLAUSE)"``).
        who: The id of the speaker who made it, where known.
        id: An optional id, unique in the transcript.
        offset: Inside a turn, where it stands in :attr:`Turn.text`; ``None`` in the body.
        length: How many characters of the turn's text it covers (0: none).
        time: The time it happened, from the start of the recording.
        meta: Free metadata, e.g. TEI attributes such as ``dur``, ``reason``, ``extent``.
    """

    kind: IncidentKind
    subtype: str | None = None
    text: str | None = None
    printed: str | None = None
    who: str | None = None
    id: str | None = None
    offset: int | None = None
    length: int = 0
    time: dt.timedelta | None = None
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        # Fast path for the usual incident (a reader makes one per stage direction): the
        # full check below finds and names every problem.
        if (
            self.kind in INCIDENT_KINDS
            and self.id is None
            and self.time is None
            and type(self.length) is int
            and self.length == 0
            and (self.offset is None or (type(self.offset) is int and self.offset >= 0))
            and _good_string(self.subtype)
            and _good_string(self.text)
            and _good_string(self.printed)
            and (not self.meta or _good_meta(self.meta))
        ):
            return
        self._check_all()

    def _check_all(self) -> None:
        """The full check: every problem found and named (a test holds the fast path
        above to it)."""
        problems: list[Problem] = []
        if self.kind not in INCIDENT_KINDS:
            problems.append(
                Problem(
                    "kind",
                    f"unknown kind {self.kind!r}: expected one of "
                    + ", ".join(sorted(INCIDENT_KINDS)),
                )
            )
        if self.id is not None:
            _check_id(problems, "id", self.id)
        if self.offset is not None and self.offset < 0:
            problems.append(Problem("offset", f"negative offset {self.offset}"))
        if self.length < 0:
            problems.append(Problem("length", f"negative length {self.length}"))
        if self.length and self.offset is None:
            problems.append(Problem("length", "a length needs an offset inside a turn"))
        _check_time(problems, "time", self.time)
        _check_strings(problems, self, ("subtype", "text", "printed"))
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


#: Markup kinds that carry an :attr:`Markup.alternative` reading.
ALTERNATIVE_KINDS: frozenset[str] = frozenset(["choice", "del"])


@frozen(kw_only=True)
class Markup:
    """Phrase-level markup over a span of a turn's text: a regularised form, a deletion,
    an unclear passage, an emphasis, a foreign phrase, a name, a typed segment.

    Markup follows TEI's phrase-level elements, and ``kind`` names the element. The
    turn's text holds one reading, which :attr:`Turn.text`, word counts and plain text
    use: for ``choice``, the regularised, corrected or expanded form (``reg``, ``corr``,
    ``expan``); the other reading is kept in :attr:`alternative`. A ``del`` (a
    truncation, a repetition, a false start) covers no text (``length == 0``): what
    was deleted is its :attr:`alternative`, not part of the turn's text, so it is never
    glued to the word after it.

    Attributes:
        kind: The TEI element: ``"choice"``, ``"del"``, ``"add"``, ``"unclear"``,
            ``"emph"``, ``"hi"``, ``"foreign"``, ``"name"``, ``"rs"``, ``"seg"``, ...
        offset: Where the span starts in :attr:`Turn.text`.
        length: How many characters of the turn's text it covers.
        alternative: The other reading, not in the turn's text: for ``choice``, the
            original, erroneous or abbreviated form; for ``del``, the deleted text.
        alternative_kind: For ``choice``, the element holding the other reading:
            ``"orig"`` (the text then is ``reg``), ``"sic"`` (``corr``) or ``"abbr"``
            (``expan``).
        meta: The element's attributes by their TEI names: ``type``, ``reason``,
            ``rend``, ``xml:lang``, ...
    """

    kind: str
    offset: int
    length: int = 0
    alternative: str | None = None
    alternative_kind: str | None = None
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    @property
    def end(self) -> int:
        """The offset after the span."""
        return self.offset + self.length

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not _is_name(self.kind):
            problems.append(Problem("kind", f"invalid kind {self.kind!r}: expected an XML name"))
        if self.offset < 0:
            problems.append(Problem("offset", f"negative offset {self.offset}"))
        if self.length < 0:
            problems.append(Problem("length", f"negative length {self.length}"))
        if self.kind == "del" and self.length:
            problems.append(
                Problem("length", "a del covers no text: what was deleted is its alternative")
            )
        if self.alternative is not None and self.kind not in ALTERNATIVE_KINDS:
            problems.append(
                Problem("alternative", f"only {sorted(ALTERNATIVE_KINDS)} have an alternative")
            )
        if self.kind == "choice" and (self.alternative is None or self.alternative_kind is None):
            problems.append(Problem("alternative", "a choice needs an alternative and its kind"))
        if self.alternative_kind is not None and (
            self.kind != "choice" or not _is_name(self.alternative_kind)
        ):
            problems.append(
                Problem("alternative_kind", f"invalid {self.alternative_kind!r} for {self.kind!r}")
            )
        _check_attribute_names(problems, "meta", self.meta)
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


def _check_markup(problems: list[Problem], turn: Turn) -> None:
    """Each span lies in one paragraph; spans come in order and nest without crossing."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for paragraph in turn.paragraphs:
        bounds.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    open_ends: list[int] = []
    previous = (0, -len(turn.text))
    for i, span in enumerate(turn.markup):
        path = f"markup[{i}]"
        if not any(lo <= span.offset and span.end <= hi for lo, hi in bounds):
            problems.append(
                Problem(path, f"span {span.offset}..{span.end} is not inside one paragraph")
            )
        key = (span.offset, -span.length)
        if key < previous:
            problems.append(Problem(path, "out of order: keep spans by offset, the longer first"))
        previous = key
        while (
            open_ends
            and open_ends[-1] <= span.offset
            and (open_ends[-1] < span.offset or span.length)
        ):
            open_ends.pop()
        if open_ends and span.end > open_ends[-1]:
            problems.append(
                Problem(path, f"span {span.offset}..{span.end} crosses the end of another")
            )
        open_ends.append(span.end)


@frozen(kw_only=True)
class Turn:
    """What one speaker says without interruption by another speaker.

    Attributes:
        id: Unique id (``"u1"``, ``"ParlaMint-ES-GA_2015-06-22-DSPG114.u3"``).
        speaker_id: The :class:`Speaker` who speaks.
        paragraphs: The paragraphs, in order and verbatim: each non-empty, without
            leading or trailing white space and without a blank line inside.
        label: The speaker label as printed in the source (``"Shannon O’Neil"``).
        start: When the turn starts, from the start of the recording.
        end: When it ends.
        incidents: Non-speech content inside the turn, in order of ``offset``.
        markup: Phrase-level markup over the turn's text (see :class:`Markup`), in
            order of ``offset`` (the longer first where two start together), nested.
        meta: Free metadata, string to string.
        sentences: The linguistic layer (see :class:`Sentence`): sentences of tokens
            anchored in the turn's text, in order, each inside one paragraph; empty
            where the source has no such annotation (all but ParlaMint ``.ana``).
    """

    id: str
    speaker_id: str
    paragraphs: tuple[str, ...] = field(default=(), converter=_strings)
    label: str | None = None
    start: dt.timedelta | None = None
    end: dt.timedelta | None = None
    incidents: tuple[Incident, ...] = field(default=(), converter=_incidents)
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)
    markup: tuple[Markup, ...] = field(default=(), converter=_markup)
    sentences: tuple[Sentence, ...] = field(default=(), converter=_sentences)

    @property
    def text(self) -> str:
        """The paragraphs joined by a blank line (``"\\n\\n"``); claims index into it."""
        return "\n\n".join(self.paragraphs)

    @classmethod
    def _plain(
        cls,
        id: object,
        speaker_id: object,
        paragraphs: object,
        label: object,
        meta: FrozenDict[str, str] = EMPTY,
    ) -> Turn | None:
        """The common turn (no times, incidents, markup or sentences; ``meta`` a
        :class:`FrozenDict`, empty by default), checked and built directly.

        Readers of large corpora build hundreds of thousands of these; this does the
        checks of ``__attrs_post_init__``'s fast path inline and sets the fields without
        the general ``__init__`` (about half its cost). ``None`` where a check fails:
        the caller then builds the turn the general way, which names every problem.
        """
        if (
            type(id) is str
            and type(speaker_id) is str
            and type(paragraphs) is tuple
            and (label is None or (type(label) is str and _good_label(label)))
            and is_ncname(id)
            and is_ncname(speaker_id)
            and all(map(_good_text, paragraphs))
            and (meta is EMPTY or _good_meta(meta))
        ):
            return cls._set(id, speaker_id, paragraphs, label, meta)
        return None

    @classmethod
    def _parsed(
        cls,
        id: str,
        speaker_id: str,
        paragraphs: tuple[str, ...],
        label: str | None,
        meta: FrozenDict[str, str],
    ) -> Turn | None:
        """:meth:`_plain` for the TEI reader, whose values vouch for most of its checks.

        The caller guarantees: ``speaker_id`` is the id of a :class:`Speaker` built (and
        so checked); every string comes from an XML parser (no lone surrogate: libxml2
        refuses one, and none of the ASCII white space XML forbids); each paragraph is
        non-empty with its XML white space normalised (no line break, and no space, tab
        or carriage return at either end); ``meta`` holds strings. Checked here is what
        the document decides: the id, that no meta key is empty, and the ends of
        paragraphs that are not ASCII (a no-break space may end one). ``None`` where a
        check fails, as for :meth:`_plain`. (tests/test_tei_parsed.py holds every turn
        the reader builds from the real documents to the full check.)
        """
        if (
            is_ncname(id)
            and "" not in meta
            and "" not in paragraphs
            and (
                all(map(str.isascii, paragraphs))
                # (a non-ASCII paragraph's ends: white space that normalising kept)
                or not (
                    any(map(str.isspace, map(_FIRST, paragraphs)))
                    or any(map(str.isspace, map(_LAST, paragraphs)))
                )
            )
        ):
            return cls._set(id, speaker_id, paragraphs, label, meta)
        return None

    @classmethod
    def _set(
        cls,
        id: str,
        speaker_id: str,
        paragraphs: tuple[str, ...],
        label: str | None,
        meta: FrozenDict[str, str],
        start: dt.timedelta | None = None,
        incidents: tuple[Incident, ...] = (),
    ) -> Turn:
        """The common turn with its fields set directly, unchecked: only for
        :meth:`_plain`, :meth:`_parsed` and :func:`_read_turn`, once their checks pass."""
        turn = _new(cls)
        (
            set_id,
            set_speaker,
            set_paragraphs,
            set_label,
            set_start,
            set_end,
            set_in,
            set_meta,
            set_markup,
            set_sentences,
        ) = _TURN_SETTERS
        set_id(turn, id)
        set_speaker(turn, speaker_id)
        set_paragraphs(turn, paragraphs)
        set_label(turn, label)
        set_start(turn, start)
        set_end(turn, None)
        set_in(turn, incidents)
        set_meta(turn, meta)
        set_markup(turn, ())
        set_sentences(turn, ())
        return turn

    def __attrs_post_init__(self) -> None:
        # Fast path for the common case (this runs once per turn of large corpora; ASCII
        # identifiers, most ids, are NCNames without the regular expression);
        # the full check below finds and names every problem.
        if (
            not self.markup
            and (self.start is None or _good_time(self.start))
            and (self.end is None or (_good_time(self.end) and _in_order(self.start, self.end)))
            and (not self.meta or _good_meta(self.meta))
            and type(id_ := self.id) is str
            and is_ncname(id_)
            and type(who := self.speaker_id) is str
            and is_ncname(who)
            and all(map(_good_text, self.paragraphs))
            and (self.label is None or _good_label(self.label))
            and (  # (after the paragraphs: their lengths count)
                not self.incidents
                or (not self.sentences and _good_incidents(self.incidents, self.paragraphs))
            )
        ):
            if self.sentences:
                problems: list[Problem] = []
                check_sentences(problems, self.paragraphs, self.sentences)
                _raise(problems)
            return
        self._check_all()

    def _check_all(self) -> None:
        """The full check: every problem found and named (a test holds the fast path
        above to it)."""
        problems: list[Problem] = []
        _check_id(problems, "id", self.id)
        _check_id(problems, "speaker_id", self.speaker_id)
        for i, paragraph in enumerate(self.paragraphs):
            _check_text(problems, f"paragraphs[{i}]", paragraph, "paragraph")
        _check_strings(problems, self, ("label",))
        _check_times(problems, self.start, self.end)
        if not _check_items(problems, "incidents", self.incidents, Incident) or not all(
            isinstance(p, str) for p in self.paragraphs
        ):
            _raise(problems)
        size = sum(map(len, self.paragraphs)) + 2 * max(len(self.paragraphs) - 1, 0)
        previous = 0
        for i, incident in enumerate(self.incidents):
            path = f"incidents[{i}]"
            if incident.offset is None:
                problems.append(Problem(f"{path}.offset", "an incident in a turn needs an offset"))
                continue
            if incident.offset + incident.length > size:
                problems.append(
                    Problem(
                        f"{path}.offset",
                        f"span {incident.offset}..{incident.offset + incident.length} "
                        f"is outside the turn's text (length {size})",
                    )
                )
            if incident.offset < previous:
                problems.append(
                    Problem(
                        f"{path}.offset",
                        f"offset {incident.offset} is before the "
                        f"previous incident's offset {previous}; keep them in order",
                    )
                )
            previous = incident.offset
        if self.markup:
            _check_markup(problems, self)
        if self.sentences:
            check_sentences(problems, self.paragraphs, self.sentences)
            if not problems and (self.markup or self.incidents):
                text = "\n\n".join(self.paragraphs)
                check_layer_fits(problems, text, self.sentences, self.markup, self.incidents)
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


# The setters of Turn's slots, for Turn._plain (in this order; a test checks it).
_TURN_FIELDS = (
    "id",
    "speaker_id",
    "paragraphs",
    "label",
    "start",
    "end",
    "incidents",
    "meta",
    "markup",
    "sentences",
)
_TURN_SETTERS = tuple(Turn.__dict__[name].__set__ for name in _TURN_FIELDS)
