"""The transcript model: frozen attrs classes that validate themselves. No I/O here.

A :class:`Transcript` holds an :class:`Event`, its :class:`Speaker` s, a body of
:class:`Turn` s and :class:`Incident` s in document order, and the :class:`Claim` s and
:class:`Relation` s annotated on the turns. Every class is frozen, slotted and takes
keyword arguments only; change one with :func:`attrs.evolve`, which validates the
new object again. Every ``meta`` mapping is read-only too (``meta["x"] = "y"`` raises
``TypeError``: evolve with a new mapping, ``meta=t.meta | {"x": "y"}``), so that every
model is hashable and equal models hash equal.
"""

from __future__ import annotations

import attrs

from ._linguistic import Entity, Sentence, Token
from ._model_transcript import BodyItem, Claim, Relation, SpeakerStats, Transcript
from ._model_turns import (
    INCIDENT_KINDS,
    Affiliation,
    Event,
    Incident,
    Markup,
    Speaker,
    Turn,
    word_count,
)
from ._rules import IncidentKind

__all__ = [
    "INCIDENT_KINDS",
    "Affiliation",
    "BodyItem",
    "Claim",
    "Entity",
    "Event",
    "Incident",
    "IncidentKind",
    "Markup",
    "Relation",
    "Sentence",
    "Speaker",
    "SpeakerStats",
    "Token",
    "Transcript",
    "Turn",
    "word_count",
]


def _resolve() -> None:
    for cls in (Event, Affiliation, Speaker, Incident, Turn, Claim, Relation, Transcript):
        attrs.resolve_types(cls)


_resolve()
