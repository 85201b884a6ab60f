"""What each format cannot carry: ONE table, used by every writer and by the docs.

Each writer calls :func:`warn` once per transcript it writes; it counts, in that
transcript, what the target format has no place for and emits one
:class:`~debatekit.LossWarning` listing it. docs/conversions.md shows the same table
(:func:`markdown`; tests/test_conversions.py checks that the page and the table agree,
and that a round trip loses nothing the table does not name).

An entry is a path into the model, optionally with a condition:

``claims``, ``relations``, ``front``, ``back``
    every item of that list.
``incidents[]``
    every incident between turns; ``turns[].incidents`` every incident inside a turn.
``event.FIELD``, ``speakers[].FIELD``, ``turns[].FIELD``, ``claims[].FIELD``, ...
    that field wherever it is set (not at its default); ``turns[].paragraphs`` counts
    the paragraph breaks inside turns, ``...meta`` the metadata entries (but those whose
    key starts with the target's own prefix, such as ``text:``, which it does carry).
``... if no front``
    only when the transcript has no front matter (text and captions readers recover
    these fields from the front matter, where it prints them).
``... if untimed``
    only the items without a time (captions place timed incidents as cues).
``... if not read back``
    only the ids the reader will not give back (plain text numbers the turns and
    mints speakers' ids from their labels: ids equal to those are kept); the
    warning names them.
``... if carriage return``
    the carriage returns in those texts (plain text writes each as a line break).
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, repeat
from operator import attrgetter
from types import FrameType
from typing import Any

import attrs

from ._frozendict import dicts
from ._linguistic import Entity, Sentence, Token
from .errors import Loss, LossWarning
from .models import Claim, Event, Incident, Relation, Speaker, Transcript, Turn

__all__ = ["LOSSES", "losses", "markdown", "paths", "warn"]

_EVENT_PRINTED = tuple(
    f"event.{name} if no front"
    for name in ("title", "subtitle", "kind", "date", "published", "description", "credits")
)
#: Event fields no caption file holds (the date is not among them: see captions' docs).
_CAPTION_EVENT = tuple(
    f"event.{f.name}"
    for f in attrs.fields(Event)
    if f.name not in ("date", "meta", "title", "language")
)
_CAPTIONS = (
    "claims",
    "relations",
    *_CAPTION_EVENT,
    "speakers[].role",
    "speakers[].affiliation",
    "speakers[].description",
    "speakers[].aliases",
    "speakers[].affiliations",
    "turns[].label",
    "turns[].paragraphs",
    "turns[].incidents",
    "turns[].sentences",
    "incidents[] if untimed",
    "meta",
    "event.meta",
    "speakers[].meta",
    "turns[].meta",
    "incidents[].meta",
    "claims[].meta",
    "relations[].meta",
)

#: Format -> what it cannot carry (see the module docstring for the paths).
#: Edit here: the warnings and docs/conversions.md follow.
LOSSES: dict[str, tuple[str, ...]] = {
    "json": (),
    "tei": (),
    "aif": (),
    "text": (
        "claims",
        "relations",
        *_EVENT_PRINTED,
        "event.end_date",
        "event.publisher",
        "event.organizer",
        "event.series",
        "event.place",
        "event.source",
        "event.language",
        "speakers[].aliases",
        "speakers[].affiliations",
        "speakers[].id if not read back",
        "turns[].id if not read back",
        "turns[].paragraphs if carriage return",
        "front if carriage return",
        "back if carriage return",
        "turns[].incidents if unprinted",
        "turns[].end",
        "turns[].sentences",
        "meta",
        "event.meta",
        "speakers[].meta",
        "turns[].meta",
        "incidents[].meta",
        "turns[].incidents[].meta",
        "claims[].meta",
        "relations[].meta",
    ),
    "vtt": _CAPTIONS,
    # SRT has no header and no comments: WebVTT keeps these in its header and NOTE blocks.
    "srt": (*_CAPTIONS[:2], "back", "front", "event.title", "event.language", *_CAPTIONS[2:]),
    "aif (extension=False)": (
        "front",
        "back",
        *(f"event.{field.name}" for field in attrs.fields(Event)),
        "speakers[].id",
        "speakers[].role",
        "speakers[].affiliation",
        "speakers[].description",
        "speakers[].aliases",
        "speakers[].affiliations",
        "speakers[].meta",
        "turns[].label",
        "turns[].start",
        "turns[].end",
        "turns[].meta",
        "turns[].incidents",
        "turns[].sentences",
        "incidents[]",
        "claims[].start",
        "claims[].end",
        "claims[].kind",
        "claims[].stance",
        "claims[].topics",
        "claims[].note",
        "claims[].meta",
        "relations[].kind",
        "relations[].note",
        "relations[].meta",
        "meta",
    ),
    "parlamint": (
        "claims",
        "relations",
        "front",
        "back",
        "incidents[]",
        "event.subtitle",
        "event.kind",
        "event.end_date",
        "event.published",
        "event.publisher",
        "event.organizer",
        "event.series",
        "event.place",
        "event.source",
        "event.description",
        "event.credits",
        "speakers[].role",
        "speakers[].affiliation",
        "speakers[].description",
        "speakers[].aliases",
        "turns[].label",
        "turns[].start",
        "turns[].end",
        "turns[].paragraphs",
        "turns[].markup",
        "turns[].sentences",
        "event.meta",
        "turns[].meta",
        "incidents[].meta",
        "turns[].incidents[].meta",
        "claims[].meta",
        "relations[].meta",
    ),
    # CoNLL-U holds turns (newdoc), paragraphs (newpar, lang) and the linguistic layer;
    # a turn without sentences has no line to be written on.
    "conllu": (
        "claims",
        "relations",
        "front",
        "back",
        "incidents[]",
        *(f"event.{field.name}" for field in attrs.fields(Event) if field.name != "language"),
        "speakers if named",
        "turns if untokenized",
        "turns[].label",
        "turns[].start",
        "turns[].end",
        "turns[].incidents",
        "turns[].markup",
        "turns[].meta",
        "sentences[].meta",
        "tokens[].id",
        "tokens[].meta",
        "entities[].meta",
        "meta",
    ),
    "html": (
        "speakers[].aliases",
        "speakers[].affiliations",
        "turns[].sentences",
        "speakers[].meta",
        "turns[].meta",
        "incidents[].meta",
        "turns[].incidents[].meta",
    ),
}

#: The prefix of the metadata keys a format writes and reads back itself (or the keys).
_OWN_PREFIX: dict[str, str | tuple[str, ...]] = {
    "text": "text:",
    "vtt": "captions:",
    "srt": "captions:",
    "aif (extension=False)": "aif:",
    # paragraph ids and language (newpar, lang); a sentence's language and its n (sent_id)
    # and ParlaMint's sentence sentiment comments
    "conllu": ("conllu:", "seg-ids", "seg-lang", "xml:lang", "n", "senti_"),
}

#: Whole lists: the path -> (singular, plural).
_WHOLE: dict[str, tuple[str, str]] = {
    "claims": ("claim", "claims"),
    "relations": ("relation", "relations"),
    "front": ("front-matter paragraph", "front-matter paragraphs"),
    "back": ("back-matter paragraph", "back-matter paragraphs"),
    "incidents[]": ("incident between turns", "incidents between turns"),
    "turns[].incidents": ("incident inside a turn", "incidents inside turns"),
    "speakers": ("speaker", "speakers"),
    "turns": ("turn without tokens", "turns without tokens"),
}
#: Fields of one kind of object: the collection -> (singular, plural).
_FIELDS: dict[str, tuple[str, str]] = {
    "event": ("event field", "event fields"),
    "speakers[]": ("speaker field", "speaker fields"),
    "turns[]": ("turn field", "turn fields"),
    "claims[]": ("claim field", "claim fields"),
    "relations[]": ("relation field", "relation fields"),
    "sentences[]": ("sentence field", "sentence fields"),
    "tokens[]": ("token field", "token fields"),
    "entities[]": ("entity field", "entity fields"),
}
_META = ("metadata entry", "metadata entries")
_IDS: dict[str, tuple[str, str]] = {
    "speakers[].id": ("speaker id", "speaker ids"),
    "turns[].id": ("turn id", "turn ids"),
}
_CR = ("carriage return (written as a line break)", "carriage returns (written as line breaks)")
#: How many ids a warning names (then "and N more").
_NAMED = 10
_BREAKS = ("paragraph break inside a turn", "paragraph breaks inside turns")


def _objects(transcript: Transcript, collection: str) -> Sequence[Any]:
    """The objects a path's collection names (each list gathered in one pass, by the
    iterators in C: a sitting holds hundreds of thousands)."""
    if collection == "event":
        return (transcript.event,)
    if collection == "":
        return (transcript,)
    if collection == "speakers[]":
        return transcript.speakers
    if collection == "turns[]":
        return transcript.turns
    if collection == "incidents[]":
        return [x for x in transcript.body if type(x) is Incident]  # (Incident is final)
    if collection == "turns[].incidents[]":
        return list(chain.from_iterable(map(_INCIDENTS, transcript.turns)))
    if collection == "claims[]":
        return transcript.claims
    if collection == "relations[]":
        return transcript.relations
    if collection == "sentences[]":
        return list(chain.from_iterable(map(_SENTENCES, transcript.turns)))
    if collection == "tokens[]":
        return tuple(
            w
            for t in transcript.turns
            for s in t.sentences
            for token in s.tokens
            for w in (token, *token.parts)
        )
    if collection == "entities[]":
        return tuple(e for t in transcript.turns for s in t.sentences for e in s.entities)
    raise ValueError(f"unknown collection {collection!r} in the losses table")


_INCIDENTS = attrgetter("incidents")
_SENTENCES = attrgetter("sentences")
_PARAGRAPHS = attrgetter("paragraphs")
_META_OF = attrgetter("meta")


_CLASSES: dict[str, type] = {
    "event": Event,
    "": Transcript,
    "speakers[]": Speaker,
    "turns[]": Turn,
    "incidents[]": Incident,
    "turns[].incidents[]": Incident,
    "claims[]": Claim,
    "relations[]": Relation,
    "sentences[]": Sentence,
    "tokens[]": Token,
    "entities[]": Entity,
}


def _default(cls: type, name: str) -> object:
    default: Any = attrs.fields_dict(cls)[name].default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


@attrs.frozen
class _Count:
    """One entry counted: which group it belongs to and how many it finds."""

    group: tuple[str, str]
    count: int
    name: str | None  # a field name, shown in brackets after the group
    names: tuple[str, ...] = ()  # the things themselves, where they are named (ids)


class _Walk:
    """The collections of one transcript, each gathered once for all the entries that
    count in it (several entries share one: ``turns[].end``, ``turns[].meta``, ...)."""

    def __init__(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self.found: dict[str, Sequence[Any]] = {}

    def __call__(self, collection: str) -> Sequence[Any]:
        found = self.found.get(collection)
        if found is None:
            found = self.found[collection] = _objects(self.transcript, collection)
        return found


def _count(
    transcript: Transcript,
    entry: str,
    own: str | tuple[str, ...] | None,
    unread: tuple[Sequence[str], Sequence[str]] | None,
    walk: _Walk,
) -> _Count:
    """One entry counted (each count one pass over its collection, in C where it can)."""
    path, _, condition = entry.partition(" if ")
    if condition == "no front" and transcript.front:
        path = ""
    if path == "speakers":  # "if named": a reader's placeholder speaker is no loss
        named = [s for s in transcript.speakers if s.meta.get("placeholder") != "true"]
        return _Count(_WHOLE[path], len(named), None)
    if path == "turns":  # "if untokenized": turns without sentences
        untokenized = sum(1 for sentences in map(_SENTENCES, transcript.turns) if not sentences)
        return _Count(_WHOLE[path], untokenized, None)
    if condition == "not read back":  # plain text's ids (the only format that mints)
        if unread is None:
            from ._text_write import unread_ids

            unread = unread_ids(transcript)
        ids = tuple(unread[0] if path == "speakers[].id" else unread[1])
        return _Count(_IDS[path], len(ids), None, ids)
    if condition == "carriage return":
        if path == "turns[].paragraphs":
            texts: Iterable[str] = chain.from_iterable(map(_PARAGRAPHS, transcript.turns))
        else:
            texts = getattr(transcript, path)
        return _Count(_CR, sum(map(str.count, texts, repeat("\r"))), None)
    if path in ("claims", "relations", "front", "back", "turns[].incidents", "incidents[]"):
        if path == "turns[].incidents":
            items: Sequence[Any] = walk("turns[].incidents[]")
        elif path == "incidents[]":
            items = walk("incidents[]")
        else:
            items = getattr(transcript, path)
        if condition == "untimed":
            items = [i for i in items if i.time is None]
        elif condition == "unprinted":  # what the text writer cannot put back in a turn
            from ._text_write import inline_printable

            items = [i for i in items if not inline_printable(i)]
        return _Count(_WHOLE[path], len(items), None)
    if path == "":
        return _Count(_META, 0, None)
    collection, _, name = path.rpartition(".")
    objects = walk(collection)
    if name == "meta":
        metas = [meta for meta in dicts(map(_META_OF, objects)) if meta]
        found = sum(map(len, metas))
        if own and found:  # (the format's own keys, which it carries)
            found -= sum(map(str.startswith, chain.from_iterable(metas), repeat(own)))
        return _Count(_META, found, None)
    if name == "paragraphs":
        # (n - 1 breaks in a turn of n paragraphs, none in one without)
        sizes = list(map(len, map(_PARAGRAPHS, objects)))
        return _Count(_BREAKS, sum(sizes) - len(sizes) + sizes.count(0), None)
    default = _default(_CLASSES[collection], name)
    values = list(map(attrgetter(name), objects))
    return _Count(_FIELDS[collection], len(values) - values.count(default), name)


def losses(
    transcript: Transcript,
    format: str,
    *,
    unread: tuple[Sequence[str], Sequence[str]] | None = None,
) -> tuple[Loss, ...]:
    """What writing ``transcript`` as ``format`` drops, grouped, in the table's order.

    ``unread``: the speaker and turn ids the text reader will not give back, where the
    text writer has already worked them out (otherwise they are worked out here).
    """
    own = _OWN_PREFIX.get(format)
    groups: dict[tuple[str, str], list[Any]] = {}
    walk = _Walk(transcript)
    for entry in LOSSES[format]:
        counted = _count(transcript, entry, own, unread, walk)
        if not counted.count:
            continue
        group = groups.setdefault(counted.group, [0, []])
        group[0] += counted.count
        if counted.name is not None:
            group[1].append(counted.name)
        group[1].extend(counted.names)
    return tuple(
        Loss(count=count, one=one, many=many, names=_shown(names))
        for (one, many), (count, names) in groups.items()
    )


def _shown(names: list[str]) -> tuple[str, ...]:
    """The names a warning shows: the first few, then how many more."""
    if len(names) <= _NAMED:
        return tuple(names)
    return (*names[: _NAMED - 1], f"and {len(names) - _NAMED + 1} more")


def _stacklevel() -> int:
    """The stack level of the first caller outside debatekit, for ``warnings.warn``."""
    level = 2
    frame: FrameType | None = sys._getframe(2)
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("debatekit"):
        level += 1
        frame = frame.f_back
    return level


def warn(
    transcript: Transcript,
    format: str,
    *,
    unread: tuple[Sequence[str], Sequence[str]] | None = None,
) -> None:
    """Emit one :class:`LossWarning` if writing ``transcript`` as ``format`` drops anything.

    Every writer calls this once, at the start of its ``dumps`` (``unread``: see
    :func:`losses`).
    """
    if not LOSSES[format]:
        return
    found = losses(transcript, format, unread=unread)
    if found:
        warnings.warn(LossWarning(format, found), stacklevel=_stacklevel())


def _describe(entry: str) -> str:
    path, _, condition = entry.partition(" if ")
    text = f"`{path}`"
    if condition == "no front":
        return text + " (unless printed in the front matter)"
    if condition == "untimed":
        return text + " without a time"
    if condition == "unprinted":
        return text + " without a stage direction printed as the reader reads it"
    if condition == "not read back":
        return text + " unless the reader mints the same (named in the warning)"
    if condition == "carriage return":
        return f"carriage returns in {text} (written as line breaks)"
    if condition == "named":
        return text + " (but a reader's placeholder)"
    if condition == "untokenized":
        return text + " without sentences"
    return text


def markdown(formats: Iterable[str] = LOSSES) -> str:
    """The table of docs/conversions.md: one row per format, what it cannot carry."""
    rows = ["| format | what it cannot carry (model paths) |", "|---|---|"]
    for format in formats:
        entries = LOSSES[format]
        own = _OWN_PREFIX.get(format)
        text = ", ".join(map(_describe, entries)) if entries else "nothing: lossless"
        if isinstance(own, tuple) and entries:
            text += f" (metadata keys {', '.join(f'`{k}`' for k in own)} are carried)"
        elif own and entries:
            text += f" (metadata keys starting `{own}` are carried)"
        rows.append(f"| {format} | {text} |")
    return "\n".join(rows) + "\n"


def paths(format: str) -> Iterator[str]:
    """The bare paths of a format's entries, without their conditions."""
    for entry in LOSSES[format]:
        yield entry.partition(" if ")[0]
