"""ConvoKit's corpus folder format, written from debatekit transcripts.

The layout is the one ConvoKit (https://convokit.cornell.edu) reads with
``Corpus(filename=folder)``: ``utterances.jsonl`` (one utterance per line, with
``id``, ``speaker``, ``conversation_id``, ``reply-to``, ``timestamp``, ``text`` and
``meta``), ``speakers.json`` and ``conversations.json`` (id -> ``{"meta", "vectors"}``),
``corpus.json`` (the corpus's metadata) and ``index.json`` (the type of every
metadata key, as ConvoKit records it).

Mapping: a transcript is a conversation whose id is its first utterance's id; a turn
is an utterance with id ``"<transcript>/<turn id>"``; a turn replies to the turn it
``answers`` (a relation between turns) if there is one, else to the turn before it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .models import Event, Speaker, Transcript

__all__ = ["files"]

_TYPE_NAMES = {
    str: "<class 'str'>",
    int: "<class 'int'>",
    float: "<class 'float'>",
    bool: "<class 'bool'>",
    list: "<class 'list'>",
    dict: "<class 'dict'>",
}


def _index(entries: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """ConvoKit's index: each metadata key with the type names of its values."""
    index: dict[str, list[str]] = {}
    for meta in entries:
        for key, value in meta.items():
            if value is None:
                index.setdefault(key, [])
                continue
            name = _TYPE_NAMES.get(type(value), f"<class '{type(value).__name__}'>")
            types = index.setdefault(key, [])
            if name not in types:
                types.append(name)
    return index


def _clean(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if v is not None and v != [] and v != {}}


def _speaker_meta(speaker: Speaker) -> dict[str, Any]:
    return _clean(
        {
            "name": speaker.name,
            "role": speaker.role,
            "affiliation": speaker.affiliation,
            "description": speaker.description,
            "aliases": list(speaker.aliases),
            "affiliations": [a.name for a in speaker.affiliations],
        }
    )


def _conversation_meta(transcript_name: str, event: Event) -> dict[str, Any]:
    return _clean(
        {
            "transcript": transcript_name,
            "title": event.title,
            "kind": event.kind,
            "date": event.date.isoformat() if event.date else None,
            "published": event.published.isoformat() if event.published else None,
            "publisher": event.publisher,
            "series": event.series,
            "place": event.place,
            "language": event.language,
            "source": event.source,
        }
    )


def _utterances(transcript_name: str, transcript: Transcript) -> Iterator[dict[str, Any]]:
    """One ConvoKit utterance per turn, replying to the turn it answers, else the one before."""
    turns = transcript.turns
    ids = {t.id: f"{transcript_name}/{t.id}" for t in turns}
    conversation_id = ids[turns[0].id]
    answers = {
        r.source_id: r.target_id
        for r in transcript.relations
        if r.kind == "answers" and r.source_id in ids and r.target_id in ids
    }
    claims: dict[str, list[str]] = {}
    for claim in transcript.claims:
        claims.setdefault(claim.turn_id, []).append(claim.id)
    previous: str | None = None
    for number, turn in enumerate(turns):
        reply_to = answers.get(turn.id, previous)
        meta = _clean(
            {
                "transcript": transcript_name,
                "turn_id": turn.id,
                "position": number,
                "label": turn.label,
                "paragraphs": list(turn.paragraphs),
                "claims": claims.get(turn.id, []),
                "end": turn.end.total_seconds() if turn.end is not None else None,
            }
        )
        yield {
            "id": ids[turn.id],
            "speaker": turn.speaker_id,
            "conversation_id": conversation_id,
            "reply-to": ids[reply_to] if reply_to is not None else None,
            "timestamp": turn.start.total_seconds() if turn.start is not None else number,
            "text": turn.text,
            "meta": meta,
            "vectors": [],
        }
        previous = turn.id


def files(items: Iterable[tuple[str, Transcript]], *, name: str) -> dict[str, str]:
    """The text of every file of the ConvoKit corpus folder, by file name."""
    utterance_lines: list[str] = []
    utterance_metas: list[dict[str, Any]] = []
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    for transcript_name, transcript in items:
        if not transcript.turns:
            continue
        for speaker in transcript.speakers:
            speakers.setdefault(speaker.id, {"meta": _speaker_meta(speaker), "vectors": []})
        for utterance in _utterances(transcript_name, transcript):
            utterance_metas.append(utterance["meta"])
            utterance_lines.append(json.dumps(utterance, ensure_ascii=False))
        conversation_id = f"{transcript_name}/{transcript.turns[0].id}"
        conversations[conversation_id] = {
            "meta": _conversation_meta(transcript_name, transcript.event),
            "vectors": [],
        }

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, indent=1)

    index: dict[str, Any] = {
        "utterances-index": _index(utterance_metas),
        "speakers-index": _index(s["meta"] for s in speakers.values()),
        "conversations-index": _index(c["meta"] for c in conversations.values()),
        "overall-index": _index([{"name": name, "source": "debatekit"}]),
        "version": 1,
        "vectors": [],
    }
    return {
        "utterances.jsonl": "".join(line + "\n" for line in utterance_lines),
        "speakers.json": dump(speakers),
        "conversations.json": dump(conversations),
        "corpus.json": dump({"name": name, "source": "debatekit"}),
        "index.json": dump(index),
    }
