"""The Argument Interchange Format (AIF) in its JSON form, as AIFdb, OVA and the
annotated debate corpora (US2016, QT30, Moral Maze) use it.

A document holds ``nodes`` (``{"nodeID", "text", "type"}``), ``edges``
(``{"edgeID", "fromID", "toID"}``), ``locutions`` (``{"nodeID", "personID"}``) and
``participants`` (``{"participantID", "firstname", "surname"}``). Node types follow
Inference Anchoring Theory: L (a locution: who said what), I (a proposition), YA (the
illocution that anchors an I-node, or a relation, in a locution), TA (a transition
between locutions), RA (inference), CA (conflict) and MA (rephrase).

:func:`dumps` writes a transcript as such a graph: each turn is an L-node with its
locution and participant, turn order is a chain of TA-nodes, each claim is an I-node
(its proposition, or its span where it has none) anchored in its turn by a YA-node,
and relations become RA, CA, MA or TA nodes; ``docs/formats/aif.md`` has the table.
What AIF has no place for (claim offsets, kinds, topics, relation kinds such as
``rebuts``, speaker details, the event) goes into one extra top-level key,
``"debatekit"``, which other tools ignore; with it a transcript survives the trip
unchanged. :func:`loads` reads any AIF JSON: AIFdb exports, OVA and xAIF documents,
with string or integer ids, with or without participants. Content it cannot map is
reported (:class:`~debatekit.ParseWarning`, or :class:`~debatekit.ParseError` with
``strict=True``) and kept as JSON in the transcript's ``meta["aif:unmapped"]``.

>>> from debatekit import aif, datasets
>>> t = datasets.load("us-mexico-2023")
>>> doc = aif.to_dict(t)
>>> sorted({n["type"] for n in doc["nodes"]})
['CA', 'I', 'L', 'MA', 'RA', 'TA', 'YA']
>>> aif.loads(aif.dumps(t)) == t
True

.. versionadded:: 0.1
"""

from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import IO, Any

from . import _losses
from ._aif_read import _Reader
from ._aif_vocab import EXT_VERSION, EXTENSION, ILLOCUTIONS, SCHEMES, TRANSITION
from ._converter import converter
from ._io import check_binary, check_transcript, decode_text, json_surrogates, source_name
from .errors import ParseError
from .models import Transcript, Turn

__all__ = [
    "EXTENSION",
    "ILLOCUTIONS",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "to_dict",
]


# ---------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------


def _split_name(name: str) -> tuple[str, str]:
    first, _, last = name.strip().rpartition(" ")
    return (first, last) if first else (last, "")


def to_dict(transcript: Transcript, /, *, extension: bool = True) -> dict[str, Any]:
    """The AIF document of ``transcript`` as JSON-ready data.

    Args:
        transcript: The transcript.
        extension: Add the ``"debatekit"`` key that makes the trip back lossless.
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": f"e{len(edges) + 1}", "fromID": source, "toID": target, "formEdgeID": None}
        )

    speakers = {s.id: s for s in transcript.speakers}
    person = {s.id: i for i, s in enumerate(transcript.speakers, start=1)}
    participants = [
        {"participantID": i, "firstname": first, "surname": last}
        for i, (first, last) in enumerate((_split_name(s.name) for s in transcript.speakers), 1)
    ]
    locutions: list[dict[str, Any]] = []
    turn_of: dict[str, Turn] = {}
    position: dict[str, int] = {}
    previous: Turn | None = None
    for index, turn in enumerate(transcript.turns):
        position[turn.id] = index
        nodes.append(
            {
                "nodeID": turn.id,
                "text": f"{speakers[turn.speaker_id].name} : {turn.text}",
                "type": "L",
            }
        )
        locutions.append({"nodeID": turn.id, "personID": person[turn.speaker_id]})
        if previous is not None:
            ta = f"{previous.id}>{turn.id}"
            nodes.append({"nodeID": ta, "text": TRANSITION, "type": "TA"})
            edge(previous.id, ta)
            edge(ta, turn.id)
        previous = turn
    for claim in transcript.claims:
        turn_of[claim.id] = transcript.turn(claim.turn_id)
        text = claim.proposition if claim.proposition is not None else claim.text
        ya = f"{claim.id}#ya"
        nodes.append({"nodeID": claim.id, "text": text, "type": "I"})
        nodes.append({"nodeID": ya, "text": ILLOCUTIONS.get(claim.kind, "Asserting"), "type": "YA"})
        edge(claim.turn_id, ya)
        edge(ya, claim.id)
    for relation in transcript.relations:
        scheme = SCHEMES.get(relation.kind)
        source, target = relation.source_id, relation.target_id
        if scheme is not None and source in turn_of and target in turn_of:
            type_, text, anchor = scheme
            nodes.append({"nodeID": relation.id, "text": text, "type": type_})
            edge(source, relation.id)
            edge(relation.id, target)
            ya = f"{relation.id}#ya"
            nodes.append({"nodeID": ya, "text": anchor, "type": "YA"})
            edge(turn_of[source].id, ya)
            edge(ya, relation.id)
        else:
            # A dialogue-level relation: a transition between the two locutions,
            # written in the order they were spoken.
            ends = [turn_of[e].id if e in turn_of else e for e in (source, target)]
            ends.sort(key=position.__getitem__)
            nodes.append({"nodeID": relation.id, "text": TRANSITION, "type": "TA"})
            edge(ends[0], relation.id)
            edge(relation.id, ends[1])
    document: dict[str, Any] = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
    }
    if extension:
        document[EXTENSION] = _extension(transcript, person)
    return document


def _extension(transcript: Transcript, person: Mapping[str, int]) -> dict[str, Any]:
    """Everything AIF has no place for, keyed by the node ids :func:`to_dict` wrote."""

    def unstructure(obj: object, *drop: str) -> dict[str, Any]:
        data: dict[str, Any] = converter.unstructure(obj)
        for key in drop:
            data.pop(key, None)
        return data

    body: list[Any] = [
        item.id if isinstance(item, Turn) else unstructure(item) for item in transcript.body
    ]
    return {
        "version": EXT_VERSION,
        "event": unstructure(transcript.event),
        "speakers": [unstructure(s) for s in transcript.speakers],
        "participants": {str(i): speaker_id for speaker_id, i in person.items()},
        "body": body,
        "turns": {t.id: unstructure(t, "id", "speaker_id", "paragraphs") for t in transcript.turns},
        "claims": {c.id: unstructure(c, "id", "turn_id", "text") for c in transcript.claims},
        "relations": {r.id: unstructure(r, "id") for r in transcript.relations},
        "front": list(transcript.front),
        "back": list(transcript.back),
        "meta": dict(transcript.meta),
    }


def dumps(transcript: Transcript, /, *, indent: int | None = 2, extension: bool = True) -> str:
    """Serialise ``transcript`` as an AIF JSON document.

    Args:
        transcript: The transcript.
        indent: Spaces per level; ``None`` for one line.
        extension: Add the ``"debatekit"`` key that makes the trip back lossless.

    Returns:
        The document, without a trailing newline.
    """
    check_transcript(transcript)
    _losses.warn(transcript, "aif" if extension else "aif (extension=False)")
    separators = (",", ": ") if indent is not None else (",", ":")
    return _json.dumps(
        to_dict(transcript, extension=extension),
        ensure_ascii=False,
        indent=indent,
        separators=separators,
    )


def dump(
    transcript: Transcript,
    fp: IO[bytes],
    /,
    *,
    indent: int | None = 2,
    extension: bool = True,
) -> None:
    """Write ``transcript`` as UTF-8 AIF JSON, with a final newline, to a binary file."""
    check_binary(fp, "wb")
    fp.write((dumps(transcript, indent=indent, extension=extension) + "\n").encode("utf-8"))


# ---------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------


def loads(s: str | bytes, /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript from an AIF JSON document.

    Args:
        s: The document (``bytes`` are decoded as UTF-8, with or without a BOM).
        source: A name for the input, shown in error messages (a file name).
        strict: Raise a :class:`~debatekit.ParseError` for content that cannot be
            mapped, instead of warning and keeping it in ``meta["aif:unmapped"]``.

    Raises:
        ParseError: The text is not JSON, is not shaped like AIF, or (strict mode)
            holds content that has no place in a transcript, or a lone surrogate
            (``"\\ud800"``; in lenient mode it becomes U+FFFD, with a warning).
    """
    s = json_surrogates(decode_text(s, source), source, strict, raw=isinstance(s, str))
    try:
        data = _json.loads(s)
    except _json.JSONDecodeError as exc:
        raise ParseError(exc.msg, source=source, lineno=exc.lineno, colno=exc.colno) from None
    except RecursionError:
        raise ParseError("document nested too deeply", source=source) from None
    return from_dict(data, source=source, strict=strict)


def load(fp: IO[bytes], /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript from a binary AIF JSON file; see :func:`loads`."""
    check_binary(fp, "rb")
    name = source if source is not None else source_name(fp)
    return loads(fp.read(), source=name, strict=strict)


def from_dict(data: object, /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Build a transcript from AIF JSON data (already parsed); see :func:`loads`."""
    return _Reader(source, strict).read(data)
