"""debatekit: typed models and exact conversions for annotated debate transcripts.

>>> import debatekit
>>> transcript = debatekit.datasets.load("us-mexico-2023")
>>> transcript.event.title
'The U.S.-Mexico Relationship Is About More Than Migration'
>>> len(transcript.turns)
18
"""

from __future__ import annotations

from . import (
    aif,
    arguments,
    captions,
    conllu,
    corpus,
    datasets,
    html,
    json,
    parlamint,
    tei,
    text,
)
from ._align import align
from ._io import dumps, formats, loads, read, write
from ._version import __version__
from .errors import (
    AlignmentWarning,
    DebatekitError,
    EngineError,
    FormatError,
    Loss,
    LossWarning,
    ParseError,
    ParseWarning,
    Problem,
    UnknownIdError,
    ValidationError,
    WriteError,
)
from .models import (
    INCIDENT_KINDS,
    Affiliation,
    BodyItem,
    Claim,
    Entity,
    Event,
    Incident,
    IncidentKind,
    Markup,
    Relation,
    Sentence,
    Speaker,
    SpeakerStats,
    Token,
    Transcript,
    Turn,
    word_count,
)

__all__ = [
    "INCIDENT_KINDS",
    "Affiliation",
    "AlignmentWarning",
    "BodyItem",
    "Claim",
    "DebatekitError",
    "EngineError",
    "Entity",
    "Event",
    "FormatError",
    "Incident",
    "IncidentKind",
    "Loss",
    "LossWarning",
    "Markup",
    "ParseError",
    "ParseWarning",
    "Problem",
    "Relation",
    "Sentence",
    "Speaker",
    "SpeakerStats",
    "Token",
    "Transcript",
    "Turn",
    "UnknownIdError",
    "ValidationError",
    "WriteError",
    "__version__",
    "aif",
    "align",
    "arguments",
    "captions",
    "conllu",
    "corpus",
    "datasets",
    "dumps",
    "formats",
    "html",
    "json",
    "loads",
    "parlamint",
    "read",
    "tei",
    "text",
    "word_count",
    "write",
]
