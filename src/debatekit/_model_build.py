"""The model: turns and incidents built in bulk or by readers that vouch for most of
the checks (one definition of each trusted path; the general constructors in
:mod:`._model_turns` check everything)."""

from __future__ import annotations

import datetime as dt
from collections import deque
from itertools import chain, repeat

import attrs

from ._checks import SURROGATE_SEARCH as _SURROGATE_SEARCH
from ._checks import good_label as _good_label
from ._frozendict import FrozenDict
from ._model_turns import (
    _BLANK_LINE,
    _TURN_FIELDS,
    _TURN_SETTERS,
    INCIDENT_KINDS,
    Incident,
    Turn,
    _good_incidents,
    _good_time,
    _new,
)
from ._rules import IncidentKind, are_ncnames, is_ncname

# The fields after the plain four (id, speaker_id, paragraphs, label), set to their
# defaults by _plain_turns; a field added to Turn joins them by itself.
_TURN_DEFAULTS = tuple(
    (setter, attrs.fields_dict(Turn)[name].default)
    for setter, name in zip(_TURN_SETTERS[4:], _TURN_FIELDS[4:], strict=True)
)
if any(isinstance(default, attrs.Factory) for _, default in _TURN_DEFAULTS):  # type: ignore[arg-type]
    raise TypeError("_plain_turns shares one default among turns: no factory defaults")


def _read_turn(
    id: str,
    speaker_id: str,
    paragraphs: tuple[str, ...],
    label: str | None,
    start: dt.timedelta | None,
    incidents: tuple[Incident, ...],
    meta: FrozenDict[str, str],
) -> Turn | None:
    """A turn built by a reader that guarantees by construction what most of the
    checks check: its id and speaker id NCNames, its paragraphs and label strings
    without a lone surrogate, each paragraph non-empty, stripped and without a blank
    line. Only what it does not guarantee is checked here (the time, the incidents'
    offsets); ``None`` if that fails: the caller builds the turn the general way,
    which names every problem. Never for values a caller of the library passes in
    (the plain-text reader's tests hold what it builds so to the full check,
    ``Turn._check_all``)."""
    if (start is not None and not _good_time(start)) or (
        incidents and not _good_incidents(incidents, paragraphs)
    ):
        return None
    return Turn._set(id, speaker_id, paragraphs, label, meta, start, incidents)


# The setters of Incident's slots, for _read_incident (in this order; a test checks it).
_INCIDENT_FIELDS = (
    "kind",
    "subtype",
    "text",
    "printed",
    "who",
    "id",
    "offset",
    "length",
    "time",
    "meta",
)
_INCIDENT_SETTERS = tuple(Incident.__dict__[name].__set__ for name in _INCIDENT_FIELDS)


def _read_incident(
    kind: IncidentKind,
    subtype: str | None,
    text: str,
    printed: str,
    offset: int,
    meta: FrozenDict[str, str],
) -> Incident:
    """A stage direction a reader takes out of a paragraph, built without the checks
    of what the reader guarantees by construction: its strings without a lone
    surrogate (the reader knows the text holds none), its offset not negative (the
    turn checks the offsets, ``_read_turn``). Its kind is checked: where it is none
    of :data:`INCIDENT_KINDS`, the incident is built the general way, which names
    the problem. Never for values a caller of the library passes in (the plain-text
    reader's tests hold what it builds so to the full check, ``Incident._check_all``)."""
    if kind not in INCIDENT_KINDS:
        return Incident(
            kind=kind, subtype=subtype, text=text, printed=printed, offset=offset, meta=meta
        )
    incident = _new(Incident)
    (
        set_kind,
        set_subtype,
        set_text,
        set_printed,
        set_who,
        set_id,
        set_offset,
        set_length,
        set_time,
        set_meta,
    ) = _INCIDENT_SETTERS
    set_kind(incident, kind)
    set_subtype(incident, subtype)
    set_text(incident, text)
    set_printed(incident, printed)
    set_who(incident, None)
    set_id(incident, None)
    set_offset(incident, offset)
    set_length(incident, 0)
    set_time(incident, None)
    set_meta(incident, meta)
    return incident


_LABEL_TYPES = {str, type(None)}
# Texts checked together by _good_texts: a bound on the memory its joined copy takes.
_TEXTS_AT_ONCE = 4096


def _good_texts(texts: list[object]) -> bool:
    """Whether :func:`_good_text` holds for every item of ``texts``: the same checks in
    a few passes in C over them all instead of a call per text. Joined, the texts hold
    a blank line or a lone surrogate only where one of them does: each starts and ends
    with a character that is not white space, and a blank line is white space only."""
    if not set(map(type, texts)) <= {str}:
        return False
    strings: list[str] = texts  # type: ignore[assignment]
    if not all(strings) or strings != list(map(str.strip, strings)):
        return False
    for at in range(0, len(strings), _TEXTS_AT_ONCE):
        joined = "".join(strings[at : at + _TEXTS_AT_ONCE])
        if "\n" in joined and _BLANK_LINE.search(joined) is not None:
            return False
        if not joined.isascii() and _SURROGATE_SEARCH(joined) is not None:
            return False
    return True


def _plain_turns(
    ids: list[object], speaker_ids: list[object], paragraphs: list[object], labels: list[object]
) -> list[Turn] | None:
    """Many common turns (what :meth:`Turn._plain` builds one at a time) from columns
    of the same length: their ids, speaker ids, paragraphs (each a tuple) and labels;
    every other field at its default.

    The checks of ``__attrs_post_init__``'s fast path, each a pass in C over a whole
    column (a speaker id or label is checked once however often it recurs), then the
    fields set a column at a time. ``None`` if any turn fails a check: the caller then
    builds the turns the general way, which names every problem. Equal speaker ids and
    labels come out as one string object each (a large body holds them once).
    """
    if not len(ids) == len(speaker_ids) == len(paragraphs) == len(labels):
        raise ValueError("_plain_turns: columns of different lengths")
    try:  # each distinct value once: the one every turn then holds
        speakers = dict(zip(speaker_ids, speaker_ids, strict=True))
        names = dict(zip(labels, labels, strict=True))
    except TypeError:  # unhashable: no string
        return None
    if (
        not set(map(type, speakers.values())) <= {str}
        or not set(map(type, names.values())) <= _LABEL_TYPES
        or not set(map(type, paragraphs)) <= {tuple}
        or not are_ncnames(ids)
        or not all(map(is_ncname, speakers.values()))  # type: ignore[arg-type]
        or not all(label is None or _good_label(label) for label in names.values())
        or not _good_texts(list(chain.from_iterable(paragraphs)))  # type: ignore[arg-type]
    ):
        return None
    turns: list[Turn] = list(map(_new, repeat(Turn, len(ids))))
    columns = (
        ids,
        map(speakers.__getitem__, speaker_ids),
        paragraphs,
        map(names.__getitem__, labels),
    )
    for setter, column in zip(_TURN_SETTERS[:4], columns, strict=True):
        deque(map(setter, turns, column), maxlen=0)
    for setter, default in _TURN_DEFAULTS:  # the other fields
        deque(map(setter, turns, repeat(default)), maxlen=0)
    return turns
