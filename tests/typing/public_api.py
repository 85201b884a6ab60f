"""Type-checked in CI (``mypy --strict src tests/typing``), never run: the public API as a
typed user writes it must check cleanly, lists and all."""

from __future__ import annotations

import datetime as dt

import debatekit
from debatekit import Claim, Event, Incident, Relation, Speaker, Transcript, Turn


def build() -> Transcript:
    speakers = [Speaker(id="a", name="Ann", aliases=["A."]), Speaker(id="b", name="Bo")]
    body: list[Turn | Incident] = [
        Turn(id="u1", speaker_id="a", paragraphs=["We must act."], start=dt.timedelta(0)),
        Incident(kind="kinesic", subtype="applause"),
        Turn(
            id="u2",
            speaker_id="b",
            paragraphs=["Not yet."],
            incidents=[Incident(kind="vocal", offset=3)],
        ),
    ]
    claims = [Claim(id="c1", turn_id="u1", start=0, end=11, text="We must act")]
    relations = [Relation(id="r1", kind="attacks", source_id="u2", target_id="c1")]
    return Transcript(
        event=Event(title="A debate", date=dt.date(2024, 1, 1), credits=["Photo: X"]),
        speakers=speakers,
        body=body,
        claims=claims,
        relations=relations,
        front=["Intro."],
    )


def use(t: Transcript) -> str:
    stats: tuple[debatekit.SpeakerStats, ...] = t.speaker_stats()
    text: str = debatekit.json.dumps(t)
    again: Transcript = debatekit.loads(text, format="json")
    return f"{len(stats)} {again.turns[0].text}"
