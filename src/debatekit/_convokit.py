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
from collections.abc import Iterable
from typing import Any

from .models import Transcript

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


def files(items: Iterable[tuple[str, Transcript]], *, name: str) -> dict[str, str]:
    """The text of every file of the ConvoKit corpus folder, by file name."""
    utterance_lines: list[str] = []
    utterance_metas: list[dict[str, Any]] = []
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    for transcript_name, transcript in items:
        turns = transcript.turns
        if not turns:
            continue
        ids = {t.id: f"{transcript_name}/{t.id}" for t in turns}
        conversation_id = ids[turns[0].id]
        answers = {
            r.source_id: r.target_id
            for r in transcript.relations
            if r.kind == "answers" and r.source_id in ids and r.target_id in ids
        }
        for speaker in transcript.speakers:
            meta = _clean(
                {
                    "name": speaker.name,
                    "role": speaker.role,
                    "affiliation": speaker.affiliation,
                    "description": speaker.description,
                    "aliases": list(speaker.aliases),
                    "affiliations": [a.name for a in speaker.affiliations],
                }
            )
            speakers.setdefault(speaker.id, {"meta": meta, "vectors": []})
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
                    "claims": [c.id for c in transcript.claims if c.turn_id == turn.id],
                    "end": turn.end.total_seconds() if turn.end is not None else None,
                }
            )
            utterance_metas.append(meta)
            timestamp = turn.start.total_seconds() if turn.start is not None else number
            utterance_lines.append(
                json.dumps(
                    {
                        "id": ids[turn.id],
                        "speaker": turn.speaker_id,
                        "conversation_id": conversation_id,
                        "reply-to": ids[reply_to] if reply_to is not None else None,
                        "timestamp": timestamp,
                        "text": turn.text,
                        "meta": meta,
                        "vectors": [],
                    },
                    ensure_ascii=False,
                )
            )
            previous = turn.id
        event = transcript.event
        conversations[conversation_id] = {
            "meta": _clean(
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
            ),
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
