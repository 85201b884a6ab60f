"""The transcript and its argument layer: claims, relations, speaker statistics, and the
checks that need the whole transcript (re-exported by :mod:`debatekit.models`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from itertools import chain
from operator import attrgetter
from typing import TypeAlias, TypeVar

from attrs import field, frozen

from ._checks import check_id as _check_id
from ._checks import check_items as _check_items
from ._checks import check_meta as _check_meta
from ._checks import check_strings as _check_strings
from ._checks import raise_problems as _raise
from ._frozendict import EMPTY, FrozenDict, frozen_mapping
from ._linguistic import Sentence
from ._model_turns import (
    _TURN_FIELDS,
    Event,
    Incident,
    Speaker,
    Turn,
    _body,
    _check_text,
    _speakers,
    _strings,
    word_count,
)
from .errors import Problem, UnknownIdError


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return value if type(value) is tuple else tuple(value)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return value if type(value) is tuple else tuple(value)


@frozen(kw_only=True)
class Claim:
    """A span of a turn's text that argues something.

    Attributes:
        id: Unique id (``"c12"``).
        turn_id: The :class:`Turn` whose :attr:`Turn.text` holds the span.
        start: Offset of the first character, into the turn's text.
        end: Offset after the last character.
        text: The span itself: always ``turn.text[start:end]``.
        kind: ``"claim"``, ``"premise"``, ``"evidence"``, ``"proposal"``, ``"question"``,
            ``"concession"``, ...
        stance: The position taken, where one applies (``"pro"``, ``"con"``, ...).
        topics: Topic labels from a documented vocabulary.
        proposition: The proposition the span expresses, reconstructed (pronouns
            resolved, reported speech unpacked), as an AIF I-node holds it.
        note: An annotator's note.
        meta: Free metadata, string to string.
    """

    id: str
    turn_id: str
    start: int
    end: int
    text: str
    kind: str = "claim"
    stance: str | None = None
    topics: tuple[str, ...] = field(default=(), converter=_strings)
    proposition: str | None = None
    note: str | None = None
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _check_id(problems, "id", self.id)
        _check_id(problems, "turn_id", self.turn_id)
        if self.start < 0:
            problems.append(Problem("start", f"negative offset {self.start}"))
        if self.end <= self.start:
            problems.append(Problem("end", f"end {self.end} is not after start {self.start}"))
        elif len(self.text) != self.end - self.start:
            problems.append(
                Problem(
                    "text",
                    f"has {len(self.text)} characters but the span "
                    f"{self.start}..{self.end} has {self.end - self.start}",
                )
            )
        if not self.kind:
            problems.append(Problem("kind", "empty kind"))
        _check_strings(problems, self, ("text", "kind", "stance", "topics", "proposition", "note"))
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


@frozen(kw_only=True)
class Relation:
    """A directed link between two claims, or between turns (a question and its answer).

    Read it as "``source`` *kind* ``target``": ``c7 supports c5``, ``u3 answers u2``.

    Attributes:
        id: Unique id (``"r4"``).
        kind: ``"supports"``, ``"attacks"``, ``"agrees"``, ``"disagrees"``,
            ``"rephrases"``, ``"answers"``, ...
        source_id: The claim or turn the relation starts from.
        target_id: The claim or turn it points to.
        note: An annotator's note.
        meta: Free metadata, string to string.
    """

    id: str
    kind: str
    source_id: str
    target_id: str
    note: str | None = None
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _check_id(problems, "id", self.id)
        if not self.kind:
            problems.append(Problem("kind", "empty kind"))
        _check_id(problems, "source_id", self.source_id)
        _check_id(problems, "target_id", self.target_id)
        if self.source_id == self.target_id:
            problems.append(Problem("target_id", f"relation from {self.source_id!r} to itself"))
        _check_strings(problems, self, ("kind", "note"))
        _check_meta(problems, "meta", self.meta)
        _raise(problems)


#: What the body of a transcript holds, in document order.
BodyItem: TypeAlias = Turn | Incident


@frozen(kw_only=True)
class SpeakerStats:
    """How much one speaker says: see :meth:`Transcript.speaker_stats`."""

    speaker_id: str
    name: str
    turns: int
    words: int
    share: float  #: this speaker's words over all words spoken, from 0 to 1


def _check_types(problems: list[Problem], transcript: Transcript) -> bool:
    """The parts of a transcript are of the model's classes (Python callers are not
    type-checked); False, after a problem for each wrong one, if not."""
    good = isinstance(transcript.event, Event)
    if not good:
        problems.append(Problem("event", f"expected Event, got {type(transcript.event).__name__}"))
    for path, items, kind in (
        ("speakers", transcript.speakers, Speaker),
        ("body", transcript.body, (Turn, Incident)),
        ("claims", transcript.claims, Claim),
        ("relations", transcript.relations, Relation),
    ):
        good = _check_items(problems, path, items, kind) and good
    return good


# The parts of a turn that Transcript checks beyond its id and speaker (incidents, whose
# ids and speakers count; any field added later), read in C over a whole body.
_TURN_PARTS = tuple(
    attrgetter(name)
    for name in _TURN_FIELDS[4:]
    if name not in ("start", "end", "meta", "markup")  # nothing Transcript checks
)
_TURN_ID = attrgetter("id")
_TURN_SPEAKER = attrgetter("speaker_id")
# (The same but the incidents, which _common_body checks in bulk, as those between turns.)
_OTHER_PARTS = tuple(
    attrgetter(name)
    for name in _TURN_FIELDS[4:]
    if name not in ("start", "end", "meta", "markup", "incidents")
)
_INCIDENTS = attrgetter("incidents")
_ID, _OFFSET, _WHO = attrgetter("id"), attrgetter("offset"), attrgetter("who")


# Turns _common_body checks together: few enough that its passes find them in the cache.
_CHUNK = 2048


def _common_body(
    body: tuple[BodyItem, ...],
    speaker_ids: frozenset[str],
    owners: dict[str, int | tuple[str, int, str]],
    turns: dict[str, Turn] | None,
) -> bool:
    """Transcript's checks of a body of turns without parts but incidents, and of
    incidents between them (the common body), in a few passes over each chunk of it:
    ids unique and not a speaker's, every speaker declared, no incident between turns
    with an offset. On success the answer is True, and where ``turns`` is given
    (claims or relations follow; then only a body without incidents passes) the
    turns' ids go into ``owners`` and ``turns``; otherwise nothing is changed and the
    caller checks item by item, naming each problem.
    """
    distinct: set[str] = set()
    speakers: set[str] = set()
    between: list[Incident] = []
    inside: list[Incident] = []
    count = 0
    for at in range(0, len(body), _CHUNK):
        chunk = body[at : at + _CHUNK]
        kinds = set(map(type, chunk))
        if kinds != {Turn}:
            if kinds - {Turn, Incident} or turns is not None:
                return False
            between.extend(item for item in chunk if type(item) is Incident)
            chunk = tuple(item for item in chunk if type(item) is Turn)
        if any(any(map(part, chunk)) for part in _OTHER_PARTS):
            return False
        if turns is None:
            inside.extend(chain.from_iterable(map(_INCIDENTS, chunk)))
        elif any(map(_INCIDENTS, chunk)):
            return False
        count += len(chunk)
        distinct.update(map(_TURN_ID, chunk))
        speakers.update(map(_TURN_SPEAKER, chunk))
    if len(distinct) != count or not distinct.isdisjoint(owners) or not speakers <= speaker_ids:
        return False
    if between or inside:
        incidents = between + inside
        ids = [i for i in map(_ID, incidents) if i is not None]
        distinct.update(ids)
        whos = set(map(_WHO, incidents))
        whos.discard(None)
        if (
            len(distinct) != count + len(ids)
            or not distinct.isdisjoint(owners)
            or not whos <= speaker_ids
            or set(map(_OFFSET, between)) - {None}
        ):
            return False
    if turns is not None:  # claims or relations follow, which look ids up
        ids = list(map(_TURN_ID, body))
        owners.update(zip(ids, range(len(ids)), strict=True))
        turns.update(zip(ids, body, strict=True))  # type: ignore[arg-type]
    return True


_Found = TypeVar("_Found", Speaker, Turn, Claim, Relation)


def _own_layer_ids(ids: _Ids, sentences: tuple[Sentence, ...], i: int) -> None:
    """The ids of a turn's sentences and tokens join the transcript's one id space.

    Cheap on large corpora: one shared owner per turn, paths spelled only for a problem.
    """
    owners = ids.owners
    where = ("body", i, ".sentences")

    def own(value: str | None, j: int, k: int = -1, m: int = -1) -> None:
        if value is None:
            return
        if value not in owners:
            owners[value] = where
            return
        rest = f"[{j}]" + (f".tokens[{k}]" if k >= 0 else "") + (f".parts[{m}]" if m >= 0 else "")
        ids.problems.append(
            Problem(
                f"body[{i}].sentences{rest}.id",
                f"duplicate id {value!r} (also {ids.spell(owners[value])})",
            )
        )

    for j, sentence in enumerate(sentences):
        own(sentence.id, j)
        for k, token in enumerate(sentence.tokens):
            own(token.id, j, k)
            for m, part in enumerate(token.parts):
                own(part.id, j, k, m)


class _Ids:
    """The transcript's one id space, and the problems found so far.

    Where each id was first seen: a turn's is just its index in the body (the common
    case, so no tuple is made for it); others are (field, index, rest), spelled out
    as a path only for a problem.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.owners: dict[str, int | tuple[str, int, str]] = {}

    @staticmethod
    def spell(where: int | tuple[str, int, str]) -> str:
        if isinstance(where, int):
            return f"body[{where}].id"
        field_, index, rest = where
        return f"{field_}[{index}]{rest}"

    def own(self, value: str | None, where: tuple[str, int, str]) -> None:
        if value is None:
            return
        first = self.owners.setdefault(value, where)
        if first is not where:
            self.problems.append(
                Problem(self.spell(where), f"duplicate id {value!r} (also {self.spell(first)})")
            )


def _check_body(
    ids: _Ids, body: tuple[BodyItem, ...], speaker_ids: frozenset[str], turns: dict[str, Turn]
) -> None:
    """Every body item, one by one (the general path: ids, speakers, incidents, layers)."""
    problems, owners = ids.problems, ids.owners

    def check_incident(incident: Incident, i: int, inside: str) -> None:
        ids.own(incident.id, ("body", i, f"{inside}.id"))
        if incident.who is not None and incident.who not in speaker_ids:
            problems.append(Problem(f"body[{i}]{inside}.who", f"unknown speaker {incident.who!r}"))

    for i, item in enumerate(body):
        if not isinstance(item, Turn):
            if item.offset is not None:
                problems.append(
                    Problem(f"body[{i}].offset", "an incident in the body has no offset")
                )
            check_incident(item, i, "")
            continue
        tid = item.id
        if tid in owners:
            problems.append(
                Problem(f"body[{i}].id", f"duplicate id {tid!r} (also {ids.spell(owners[tid])})")
            )
        else:
            owners[tid] = i
            turns[tid] = item
        if item.speaker_id not in speaker_ids:
            problems.append(
                Problem(f"body[{i}].speaker_id", f"unknown speaker {item.speaker_id!r}")
            )
        for j, incident in enumerate(item.incidents):
            check_incident(incident, i, f".incidents[{j}]")
        if item.sentences:
            _own_layer_ids(ids, item.sentences, i)


def _check_claims(ids: _Ids, claims: tuple[Claim, ...], turns: dict[str, Turn]) -> None:
    """Each claim's id, its turn, and its text at its offsets in that turn."""
    texts: dict[str, str] = {}
    for i, claim in enumerate(claims):
        path = f"claims[{i}]"
        ids.own(claim.id, ("claims", i, ".id"))
        turn = turns.get(claim.turn_id)
        if turn is None:
            ids.problems.append(Problem(f"{path}.turn_id", f"unknown turn {claim.turn_id!r}"))
            continue
        text = texts.get(turn.id)
        if text is None:
            text = texts[turn.id] = turn.text
        if claim.end > len(text):
            ids.problems.append(
                Problem(
                    f"{path}.end",
                    f"offset {claim.end} is past the end of turn "
                    f"{claim.turn_id!r} (length {len(text)})",
                )
            )
        elif text[claim.start : claim.end] != claim.text:
            ids.problems.append(
                Problem(
                    f"{path}.text",
                    f"{claim.text!r} is not the text at "
                    f"{claim.start}..{claim.end} of turn {claim.turn_id!r}: "
                    f"{text[claim.start : claim.end]!r}",
                )
            )


@frozen(kw_only=True)
class Transcript:
    """A whole transcript: the root of the model.

    Construction checks every invariant across objects and raises one
    :class:`~debatekit.ValidationError` that lists all problems: ids are unique (across
    speakers, turns, incidents, claims and relations, as TEI's ``xml:id`` requires),
    every ``speaker_id``, ``who``, ``turn_id`` and relation endpoint resolves, and every
    claim's ``text`` is the slice of its turn's text it points to.

    Attributes:
        event: The occasion.
        speakers: Everyone who speaks, in order of first appearance or as declared.
        body: Turns and body-level incidents in document order.
        claims: Claims annotated on the turns.
        relations: Relations between claims and turns.
        front: Paragraphs printed before the first turn that belong to no turn
            (credit lines, title, standfirst, introduction, editor's note), verbatim.
        back: Paragraphs printed after the last turn that belong to no turn.
        meta: Free metadata, string to string.
    """

    event: Event = field(factory=Event)
    speakers: tuple[Speaker, ...] = field(default=(), converter=_speakers)
    body: tuple[BodyItem, ...] = field(default=(), converter=_body)
    claims: tuple[Claim, ...] = field(default=(), converter=_claims)
    relations: tuple[Relation, ...] = field(default=(), converter=_relations)
    front: tuple[str, ...] = field(default=(), converter=_strings)
    back: tuple[str, ...] = field(default=(), converter=_strings)
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        # This runs on every transcript built, so the common path does no string work:
        # paths of ids are kept as (field, index) and spelled out only for a problem.
        problems: list[Problem] = []
        if not _check_types(problems, self):
            _raise(problems)
        ids = _Ids(problems)
        for i, speaker in enumerate(self.speakers):
            ids.own(speaker.id, ("speakers", i, ".id"))
        speaker_ids = frozenset(s.id for s in self.speakers)
        turns: dict[str, Turn] = {}
        indexed = bool(self.claims or self.relations)
        if not _common_body(self.body, speaker_ids, ids.owners, turns if indexed else None):
            _check_body(ids, self.body, speaker_ids, turns)
        _check_claims(ids, self.claims, turns)
        claim_ids = frozenset(c.id for c in self.claims)
        for i, relation in enumerate(self.relations):
            ids.own(relation.id, ("relations", i, ".id"))
            for end in ("source_id", "target_id"):
                value = getattr(relation, end)
                if value not in claim_ids and value not in turns:
                    problems.append(
                        Problem(f"relations[{i}].{end}", f"unknown claim or turn {value!r}")
                    )
        for i, paragraph in enumerate(self.front):
            _check_text(problems, f"front[{i}]", paragraph, "paragraph")
        for i, paragraph in enumerate(self.back):
            _check_text(problems, f"back[{i}]", paragraph, "paragraph")
        _check_meta(problems, "meta", self.meta)
        _raise(problems)

    # -- derived views ---------------------------------------------------------------

    @cached_property
    def turns(self) -> tuple[Turn, ...]:
        """Only the turns of the body, in order."""
        return tuple(item for item in self.body if isinstance(item, Turn))

    @cached_property
    def _ids(self) -> dict[str, Speaker | Turn | Claim | Relation]:
        index: dict[str, Speaker | Turn | Claim | Relation] = {}
        for group in (self.speakers, self.turns, self.claims, self.relations):
            for item in group:
                index[item.id] = item
        return index

    def _lookup(self, kind: type[_Found], id_: str) -> _Found:
        found = self._ids.get(id_)
        if not isinstance(found, kind):
            raise UnknownIdError(f"{kind.__name__.lower()} {id_!r}: no such id in this transcript")
        return found

    def speaker(self, id_: str) -> Speaker:
        """The speaker with this id; :class:`UnknownIdError` if there is none."""
        return self._lookup(Speaker, id_)

    def turn(self, id_: str) -> Turn:
        """The turn with this id; :class:`UnknownIdError` if there is none."""
        return self._lookup(Turn, id_)

    def claim(self, id_: str) -> Claim:
        """The claim with this id; :class:`UnknownIdError` if there is none."""
        return self._lookup(Claim, id_)

    def relation(self, id_: str) -> Relation:
        """The relation with this id; :class:`UnknownIdError` if there is none."""
        return self._lookup(Relation, id_)

    def turns_by(self, speaker_id: str) -> tuple[Turn, ...]:
        """The turns of one speaker, in order."""
        self.speaker(speaker_id)
        return tuple(t for t in self.turns if t.speaker_id == speaker_id)

    def claims_in(self, turn_id: str) -> tuple[Claim, ...]:
        """The claims annotated on one turn, in the order of the claims list."""
        self.turn(turn_id)
        return tuple(c for c in self.claims if c.turn_id == turn_id)

    def claims_by(self, speaker_id: str) -> tuple[Claim, ...]:
        """The claims made in one speaker's turns."""
        turn_ids = {t.id for t in self.turns_by(speaker_id)}
        return tuple(c for c in self.claims if c.turn_id in turn_ids)

    def speaker_stats(self) -> tuple[SpeakerStats, ...]:
        """Turns, words (see :func:`word_count`) and share of words, one row per speaker.

        Rows follow :attr:`speakers`; speakers with no turn have zero counts.
        """
        turns: dict[str, int] = dict.fromkeys((s.id for s in self.speakers), 0)
        words: dict[str, int] = dict.fromkeys(turns, 0)
        for turn in self.turns:
            turns[turn.speaker_id] += 1
            words[turn.speaker_id] += sum(word_count(p) for p in turn.paragraphs)
        total = sum(words.values())
        return tuple(
            SpeakerStats(
                speaker_id=s.id,
                name=s.name,
                turns=turns[s.id],
                words=words[s.id],
                share=words[s.id] / total if total else 0.0,
            )
            for s in self.speakers
        )
