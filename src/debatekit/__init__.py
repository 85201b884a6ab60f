"""debatekit: typed models and exact conversions for annotated debate transcripts.

>>> import debatekit
>>> transcript = debatekit.datasets.load("us-mexico-2023")
>>> transcript.event.title
'The U.S.-Mexico Relationship Is About More Than Migration'
>>> len(transcript.turns)
18
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from . import aif, arguments, captions, corpus, datasets, html, json, tei, text
from ._align import align
from ._io import dumps, formats, loads, read, write
from .errors import (
    AlignmentWarning,
    DebatekitError,
    FormatError,
    ParseError,
    ParseWarning,
    Problem,
    ValidationError,
)
from .models import (
    INCIDENT_KINDS,
    Affiliation,
    BodyItem,
    Claim,
    Event,
    Incident,
    IncidentKind,
    Relation,
    Speaker,
    SpeakerStats,
    Transcript,
    Turn,
    UnknownIdError,
    word_count,
)

try:
    __version__ = _version("debatekit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "INCIDENT_KINDS",
    "Affiliation",
    "AlignmentWarning",
    "BodyItem",
    "Claim",
    "DebatekitError",
    "Event",
    "FormatError",
    "Incident",
    "IncidentKind",
    "ParseError",
    "ParseWarning",
    "Problem",
    "Relation",
    "Speaker",
    "SpeakerStats",
    "Transcript",
    "Turn",
    "UnknownIdError",
    "ValidationError",
    "__version__",
    "aif",
    "align",
    "arguments",
    "captions",
    "corpus",
    "datasets",
    "dumps",
    "formats",
    "html",
    "json",
    "loads",
    "read",
    "tei",
    "text",
    "word_count",
    "write",
]
