"""debatekit: typed models and exact conversions for annotated debate transcripts.

>>> import debatekit
>>> transcript = debatekit.datasets.load("us-mexico-2023")
>>> transcript.event.title
'The U.S.-Mexico Relationship Is About More Than Migration'
>>> len(transcript.turns)
18
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # imported on first use (see __getattr__); seen by type checkers
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

#: The parts imported on first use, not with the package (PEP 562): a script that
#: converts one file imports only the formats it reads and writes. Name -> (module,
#: attribute, or None for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "aif": (".aif", None),
    "arguments": (".arguments", None),
    "captions": (".captions", None),
    "conllu": (".conllu", None),
    "corpus": (".corpus", None),
    "datasets": (".datasets", None),
    "html": (".html", None),
    "json": (".json", None),
    "parlamint": (".parlamint", None),
    "tei": (".tei", None),
    "text": (".text", None),
    "align": ("._align", "align"),
}


def __getattr__(name: str) -> Any:
    """Import a lazy part of the package (see ``_LAZY``) the first time it is used."""
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(found[0], __name__)
    value = module if found[1] is None else getattr(module, found[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
