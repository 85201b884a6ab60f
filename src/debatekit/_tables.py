"""Analysis tables: one row per speaker, turn, incident, claim, relation and word.

Rows are plain dicts of JSON-ready scalars (strings, integers, floats, booleans,
``None``) and lists of strings, so they fit pandas, Arrow and DuckDB alike. Every row
carries ``transcript``, the transcript's name in its corpus; with it, each row's id
columns are stable keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .models import Incident, Speaker, Transcript, Turn, word_count

__all__ = ["COLUMNS", "TABLES", "rows"]

#: The tables, in the order they are written.
TABLES = ("transcripts", "speakers", "turns", "incidents", "claims", "relations", "tokens")

_S, _I, _F, _L = "string", "int64", "float64", "list<string>"

#: Each table's columns and their types (for Arrow schemas and empty tables).
COLUMNS: dict[str, dict[str, str]] = {
    "transcripts": {
        "transcript": _S,
        "title": _S,
        "kind": _S,
        "date": "date",
        "end_date": "date",
        "published": "date",
        "publisher": _S,
        "organizer": _S,
        "series": _S,
        "place": _S,
        "language": _S,
        "source": _S,
        "speakers": _I,
        "turns": _I,
        "words": _I,
        "incidents": _I,
        "claims": _I,
        "relations": _I,
    },
    "speakers": {
        "transcript": _S,
        "speaker_id": _S,
        "name": _S,
        "role": _S,
        "affiliation": _S,
        "affiliations": _L,
        "turns": _I,
        "words": _I,
        "share": _F,
    },
    "turns": {
        "transcript": _S,
        "turn_id": _S,
        "position": _I,
        "speaker_id": _S,
        "speaker_name": _S,
        "speaker_role": _S,
        "speaker_affiliation": _S,
        "label": _S,
        "date": "date",
        "start": _F,
        "end": _F,
        "paragraphs": _I,
        "words": _I,
        "text": _S,
        "body": _S,
        "term": _S,
        "session": _S,
        "meeting": _S,
        "sitting": _S,
        "agenda": _S,
        "subcorpus": _S,
        "language": _S,
        "speaker_type": _S,
        "speaker_mp": "bool",
        "speaker_minister": "bool",
        "party": _S,
        "party_name": _S,
        "party_status": _S,
        "party_orientation": _S,
        "speaker_sort_name": _S,
        "speaker_gender": _S,
        "speaker_birth": _I,
        "topic": _S,
    },
    "incidents": {
        "transcript": _S,
        "position": _I,
        "turn_id": _S,
        "offset": _I,
        "length": _I,
        "incident_id": _S,
        "kind": _S,
        "subtype": _S,
        "text": _S,
        "printed": _S,
        "who": _S,
        "time": _F,
    },
    "claims": {
        "transcript": _S,
        "claim_id": _S,
        "turn_id": _S,
        "speaker_id": _S,
        "speaker_name": _S,
        "start": _I,
        "end": _I,
        "kind": _S,
        "stance": _S,
        "topics": _L,
        "text": _S,
        "proposition": _S,
    },
    "relations": {
        "transcript": _S,
        "relation_id": _S,
        "kind": _S,
        "source_id": _S,
        "target_id": _S,
        "source_speaker_id": _S,
        "target_speaker_id": _S,
    },
    "tokens": {
        "transcript": _S,
        "turn_id": _S,
        "speaker_id": _S,
        "sentence_id": _S,
        "sentence": _I,
        "word": _I,
        "token": _S,
        "token_id": _S,
        "multiword": _S,
        "offset": _I,
        "lemma": _S,
        "upos": _S,
        "xpos": _S,
        "feats": _S,
        "head": _I,
        "deprel": _S,
        "entity": _S,
    },
}


def _seconds(value: dt.timedelta | None) -> float | None:
    return None if value is None else value.total_seconds()


def _incident_row(
    name: str, position: int, turn_id: str | None, incident: Incident
) -> dict[str, Any]:
    return {
        "transcript": name,
        "position": position,
        "turn_id": turn_id,
        "offset": incident.offset,
        "length": incident.length if incident.offset is not None else None,
        "incident_id": incident.id,
        "kind": incident.kind,
        "subtype": incident.subtype,
        "text": incident.text,
        "printed": incident.printed,
        "who": incident.who,
        "time": _seconds(incident.time),
    }


def _affiliation(speaker: Speaker, day: dt.date | None) -> str | None:
    """The speaker's affiliation, else the organisations they belonged to on ``day``
    (ParlaMint gives dated memberships instead of one affiliation), joined by "; "."""
    if speaker.affiliation is not None or not speaker.affiliations:
        return speaker.affiliation
    when = day.isoformat() if day is not None else None
    names: list[str] = []
    for a in speaker.affiliations:
        if when is not None and (
            (a.start is not None and a.start[: len(when)] > when)
            or (a.end is not None and a.end < when[: len(a.end)])
        ):
            continue
        if a.name not in names:
            names.append(a.name)
    return "; ".join(names) or None


# turns column -> ParlaMint's -meta.tsv column (see debatekit.parlamint)
_PARLAMINT = {
    "body": "Body",
    "term": "Term",
    "session": "Session",
    "meeting": "Meeting",
    "sitting": "Sitting",
    "agenda": "Agenda",
    "subcorpus": "Subcorpus",
    "language": "Lang",
    "speaker_type": "Speaker_role",
    "party": "Speaker_party",
    "party_name": "Speaker_party_name",
    "party_status": "Party_status",
    "party_orientation": "Party_orientation",
    "speaker_sort_name": "Speaker_name",
    "speaker_gender": "Speaker_gender",
    "topic": "Topic",
}


_TURN_EXTRA = tuple(COLUMNS["turns"])[list(COLUMNS["turns"]).index("body") :]


def _parlamint_columns(transcript: Transcript) -> dict[str, dict[str, Any]]:
    """Per turn id, ParlaMint's metadata at the sitting's date; ``None`` where missing,
    and for a transcript without ParlaMint's corpus facts, ``None`` throughout."""
    from .parlamint import meta_rows  # (with the TEI reader: imported when used)

    facts = any(key.startswith(("org.", "category.")) for key in transcript.meta)
    out: dict[str, dict[str, Any]] = {}
    for row in meta_rows(transcript):
        values: dict[str, Any] = {
            k: (row[v] if facts and row[v] != "-" else None) for k, v in _PARLAMINT.items()
        }
        known = facts and row["Speaker_ID"] != "-"
        values["speaker_mp"] = row["Speaker_MP"] == "MP" if known else None
        values["speaker_minister"] = row["Speaker_minister"] == "Minister" if known else None
        birth = row["Speaker_birth"]
        values["speaker_birth"] = int(birth) if facts and birth.isdigit() else None
        out[row["ID"]] = {k: values[k] for k in _TURN_EXTRA}
    return out


def _token_rows(name: str, turn: Turn) -> list[dict[str, Any]]:
    """One row per syntactic word of the turn's sentences (CoNLL-U's word lines)."""
    out: list[dict[str, Any]] = []
    for index, sentence in enumerate(turn.sentences):
        kinds: list[str | None] = [None] * len(sentence.tokens)
        for entity in sentence.entities:  # a nested entity wins over its parent
            kinds[entity.start : entity.end] = [entity.kind] * (entity.end - entity.start)
        word = 0
        for token, kind in zip(sentence.tokens, kinds, strict=True):
            multiword = token.form if token.parts else None
            for w in token.parts or (token,):
                word += 1
                out.append(
                    {
                        "transcript": name,
                        "turn_id": turn.id,
                        "speaker_id": turn.speaker_id,
                        "sentence_id": sentence.id,
                        "sentence": index,
                        "word": word,
                        "token": w.form,
                        "token_id": w.id,
                        "multiword": multiword,
                        "offset": w.offset,
                        "lemma": w.lemma,
                        "upos": w.upos,
                        "xpos": w.xpos,
                        "feats": w.feats,
                        "head": w.head,
                        "deprel": w.deprel,
                        "entity": kind,
                    }
                )
    return out


def rows(name: str, transcript: Transcript) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one transcript called ``name``."""
    event = transcript.event
    affiliation = {s.id: _affiliation(s, event.date) for s in transcript.speakers}
    turns, incidents, tokens = _body_rows(name, transcript, affiliation)
    turn_speaker = {row["turn_id"]: row["speaker_id"] for row in turns}
    return {
        "transcripts": [_transcript_row(name, transcript, turns, len(incidents))],
        "speakers": [
            {
                "transcript": name,
                "speaker_id": s.id,
                "name": s.name,
                "role": s.role,
                "affiliation": affiliation[s.id],
                "affiliations": list(dict.fromkeys(a.name for a in s.affiliations)),
                "turns": row.turns,
                "words": row.words,
                "share": row.share,
            }
            for s, row in zip(transcript.speakers, transcript.speaker_stats(), strict=True)
        ],
        "turns": turns,
        "incidents": incidents,
        "claims": _claim_rows(name, transcript, turn_speaker),
        "relations": _relation_rows(name, transcript, turn_speaker),
        "tokens": tokens,
    }


_Rows = list[dict[str, Any]]


def _body_rows(
    name: str, transcript: Transcript, affiliation: dict[str, str | None]
) -> tuple[_Rows, _Rows, _Rows]:
    """The turns, incidents and tokens tables of one transcript, in document order."""
    event = transcript.event
    speakers = {s.id: s for s in transcript.speakers}
    parlamint = _parlamint_columns(transcript)
    turns: _Rows = []
    incidents: _Rows = []
    tokens: _Rows = []
    for position, item in enumerate(transcript.body):
        if not isinstance(item, Turn):
            incidents.append(_incident_row(name, position, None, item))
            continue
        speaker = speakers[item.speaker_id]
        turns.append(
            {
                "transcript": name,
                "turn_id": item.id,
                "position": position,
                "speaker_id": item.speaker_id,
                "speaker_name": speaker.name,
                "speaker_role": speaker.role,
                "speaker_affiliation": affiliation[item.speaker_id],
                "label": item.label,
                "date": event.date,
                "start": _seconds(item.start),
                "end": _seconds(item.end),
                "paragraphs": len(item.paragraphs),
                "words": sum(word_count(p) for p in item.paragraphs),
                "text": item.text,
                **parlamint[item.id],
            }
        )
        incidents.extend(_incident_row(name, position, item.id, i) for i in item.incidents)
        if item.sentences:
            tokens.extend(_token_rows(name, item))
    return turns, incidents, tokens


def _transcript_row(
    name: str, transcript: Transcript, turns: _Rows, incidents: int
) -> dict[str, Any]:
    event = transcript.event
    return {
        "transcript": name,
        "title": event.title,
        "kind": event.kind,
        "date": event.date,
        "end_date": event.end_date,
        "published": event.published,
        "publisher": event.publisher,
        "organizer": event.organizer,
        "series": event.series,
        "place": event.place,
        "language": event.language,
        "source": event.source,
        "speakers": len(transcript.speakers),
        "turns": len(turns),
        "words": sum(row["words"] for row in turns),
        "incidents": incidents,
        "claims": len(transcript.claims),
        "relations": len(transcript.relations),
    }


def _claim_rows(name: str, transcript: Transcript, turn_speaker: dict[str, str]) -> _Rows:
    names = {s.id: s.name for s in transcript.speakers}
    return [
        {
            "transcript": name,
            "claim_id": c.id,
            "turn_id": c.turn_id,
            "speaker_id": turn_speaker[c.turn_id],
            "speaker_name": names[turn_speaker[c.turn_id]],
            "start": c.start,
            "end": c.end,
            "kind": c.kind,
            "stance": c.stance,
            "topics": list(c.topics),
            "text": c.text,
            "proposition": c.proposition,
        }
        for c in transcript.claims
    ]


def _relation_rows(name: str, transcript: Transcript, turn_speaker: dict[str, str]) -> _Rows:
    claims = {c.id: c for c in transcript.claims}

    def speaker_of(endpoint: str) -> str | None:
        if endpoint in turn_speaker:
            return turn_speaker[endpoint]
        claim = claims.get(endpoint)
        return turn_speaker.get(claim.turn_id) if claim is not None else None

    return [
        {
            "transcript": name,
            "relation_id": r.id,
            "kind": r.kind,
            "source_id": r.source_id,
            "target_id": r.target_id,
            "source_speaker_id": speaker_of(r.source_id),
            "target_speaker_id": speaker_of(r.target_id),
        }
        for r in transcript.relations
    ]
