"""The argument layer of a transcript: look-ups, the graph of claims, and statistics.

Claims and relations live on :class:`~debatekit.Transcript`; this module reads them.
Relation endpoints are claim or turn ids. Asking about a turn means asking about the
turn itself and every claim in it, so ``answers(t, "u2")`` finds the turns that answer
the moderator's question in ``u2``.

>>> from debatekit import arguments, datasets
>>> t = datasets.load("us-mexico-2023")
>>> [c.id for c in arguments.claims(t, speaker="chivvis", kind="question")][:2]
['c2.q-priority', 'c4.q-interests']
>>> [x.id for x in arguments.answers(t, "u10")]
['u11', 'u12']
>>> [c.id for c in arguments.attacks(t, "c12.streets")]
['c13.juarez', 'c13.not-sustained']

Nothing here needs more than the standard library; :func:`to_networkx` needs the
optional ``networkx`` (``pip install 'debatekit[graph]'``).

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any, Literal

from attrs import frozen

from ._optional import import_optional
from .models import Claim, Relation, Transcript, Turn

__all__ = [
    "ATTACK_KINDS",
    "CLAIM_KINDS",
    "RELATION_KINDS",
    "SUPPORT_KINDS",
    "TOPICS",
    "SpeakerPair",
    "adjacency",
    "answers",
    "attacks",
    "claim_counts",
    "claims",
    "incoming",
    "outgoing",
    "speaker_of",
    "speaker_pairs",
    "supports",
    "to_networkx",
]

#: Claim kinds of the annotation guidelines (``docs/annotation-guidelines.md``).
#: A :class:`~debatekit.Claim` accepts any non-empty kind; these are the documented ones.
CLAIM_KINDS: dict[str, str] = {
    "claim": "a contestable assertion or evaluation the speaker stands for",
    "premise": "an assertion offered as a reason for another claim",
    "evidence": "a checkable fact, figure, example, report or personal experience",
    "proposal": "what someone should do: a policy or course of action",
    "concession": "a point granted that, taken alone, counts against the speaker's claim",
    "question": "a genuine question (the moderator's, mostly)",
    "rhetorical-question": "a question asked to assert something; its proposition says what",
    "reported": "a view the speaker attributes to someone else",
    "background": "context a moderator sets out, not argued for",
}

#: Relation kinds of the annotation guidelines; read "source *kind* target".
RELATION_KINDS: dict[str, str] = {
    "supports": "gives a reason for (same speaker)",
    "attacks": "counts against (same speaker; a concession against the main claim)",
    "rephrases": "says the same again, in other words",
    "agrees": "another speaker's claim, endorsed",
    "disagrees": "another speaker's claim, contradicted",
    "rebuts": "another speaker's claim, attacked with counter-evidence or a counter-example",
    "answers": "a turn (or claim) answering a question",
}

#: Kinds that count as support: :func:`supports` and :func:`speaker_pairs` use them.
SUPPORT_KINDS: frozenset[str] = frozenset({"supports", "agrees"})
#: Kinds that count as attack: :func:`attacks` and :func:`speaker_pairs` use them.
ATTACK_KINDS: frozenset[str] = frozenset({"attacks", "disagrees", "rebuts"})

#: The topic vocabulary of the annotation guidelines.
TOPICS: dict[str, str] = {
    "bilateral-relations": "the U.S.-Mexico relationship as a whole, its agenda and leverage",
    "migration": "migration, the border, migration policy",
    "drugs": "fentanyl, precursor chemicals and drug trafficking",
    "rule-of-law": "the rule of law, cartels and criminal groups, state capture, sovereignty",
    "security-policy": "policing, security spending, intelligence, law-enforcement cooperation",
    "military-action": "the use of military force against the cartels",
    "trade": "trade, investment, nearshoring and supply chains",
    "china": "China's role in Mexico and in the U.S.-Mexico relationship",
    "energy": "access to energy, clean energy",
    "infrastructure": "infrastructure",
    "national-security": "U.S. national security interests",
    "climate": "the climate crisis and extreme weather",
    "economy": "cost of living, inflation and the wider economy",
    "democracy": "democratic institutions and elections",
}


def speaker_of(transcript: Transcript, id_: str, /) -> str:
    """The id of the speaker who made a claim or took a turn.

    Raises:
        UnknownIdError: There is no claim or turn with this id.
    """
    turn = _turn_of(transcript, id_)
    return turn.speaker_id


def _turn_of(transcript: Transcript, id_: str) -> Turn:
    for turn in transcript.turns:
        if turn.id == id_:
            return turn
    return transcript.turn(transcript.claim(id_).turn_id)


def claims(
    transcript: Transcript,
    /,
    *,
    speaker: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    turn: str | None = None,
) -> tuple[Claim, ...]:
    """The claims that match every filter given, in the order of the claims list.

    Args:
        transcript: The transcript.
        speaker: Only claims made in this speaker's turns.
        topic: Only claims with this topic.
        kind: Only claims of this kind.
        turn: Only claims in this turn.

    Raises:
        UnknownIdError: ``speaker`` or ``turn`` is not in the transcript.
    """
    found: Iterable[Claim] = transcript.claims
    if speaker is not None:
        found = transcript.claims_by(speaker)
    if turn is not None:
        in_turn = {c.id for c in transcript.claims_in(turn)}
        found = (c for c in found if c.id in in_turn)
    if topic is not None:
        found = (c for c in found if topic in c.topics)
    if kind is not None:
        found = (c for c in found if c.kind == kind)
    return tuple(found)


def _ids_at(transcript: Transcript, id_: str) -> set[str]:
    """``id_`` and, for a turn, the ids of its claims; fail on an unknown id."""
    if any(t.id == id_ for t in transcript.turns):
        return {id_} | {c.id for c in transcript.claims_in(id_)}
    transcript.claim(id_)
    return {id_}


def incoming(
    transcript: Transcript, id_: str, /, *, kinds: Collection[str] | None = None
) -> tuple[Relation, ...]:
    """The relations that point at a claim (or at a turn or any claim in it).

    Args:
        transcript: The transcript.
        id_: A claim or turn id.
        kinds: Only relations of these kinds (default: all).

    Raises:
        UnknownIdError: There is no claim or turn with this id.
    """
    targets = _ids_at(transcript, id_)
    return tuple(
        r
        for r in transcript.relations
        if r.target_id in targets and (kinds is None or r.kind in kinds)
    )


def outgoing(
    transcript: Transcript, id_: str, /, *, kinds: Collection[str] | None = None
) -> tuple[Relation, ...]:
    """The relations that start at a claim (or at a turn or any claim in it)."""
    sources = _ids_at(transcript, id_)
    return tuple(
        r
        for r in transcript.relations
        if r.source_id in sources and (kinds is None or r.kind in kinds)
    )


def _sources(transcript: Transcript, relations: Iterable[Relation]) -> tuple[Claim | Turn, ...]:
    seen: dict[str, Claim | Turn] = {}
    for relation in relations:
        if relation.source_id not in seen:
            seen[relation.source_id] = _endpoint(transcript, relation.source_id)
    return tuple(seen.values())


def _endpoint(transcript: Transcript, id_: str) -> Claim | Turn:
    for turn in transcript.turns:
        if turn.id == id_:
            return turn
    return transcript.claim(id_)


def supports(
    transcript: Transcript, id_: str, /, *, kinds: Collection[str] = SUPPORT_KINDS
) -> tuple[Claim | Turn, ...]:
    """The claims and turns that support ``id_`` (by default: ``supports``, ``agrees``).

    Each appears once, in the order of the relations list.
    """
    return _sources(transcript, incoming(transcript, id_, kinds=kinds))


def attacks(
    transcript: Transcript, id_: str, /, *, kinds: Collection[str] = ATTACK_KINDS
) -> tuple[Claim | Turn, ...]:
    """The claims and turns that attack ``id_`` (``attacks``, ``disagrees``, ``rebuts``)."""
    return _sources(transcript, incoming(transcript, id_, kinds=kinds))


def answers(transcript: Transcript, id_: str, /) -> tuple[Claim | Turn, ...]:
    """The turns and claims that answer ``id_``, a question claim or a turn holding one."""
    return _sources(transcript, incoming(transcript, id_, kinds={"answers"}))


def adjacency(
    transcript: Transcript, /, *, kinds: Collection[str] | None = None
) -> dict[str, list[tuple[str, str]]]:
    """The argument graph as plain adjacency: node id -> ``[(kind, target id), ...]``.

    Every claim is a node, with or without relations; a turn is a node when a relation
    starts or ends at it. Edges follow the relations list.

    Args:
        transcript: The transcript.
        kinds: Only relations of these kinds (default: all).
    """
    graph: dict[str, list[tuple[str, str]]] = {c.id: [] for c in transcript.claims}
    for relation in transcript.relations:
        if kinds is not None and relation.kind not in kinds:
            continue
        graph.setdefault(relation.source_id, []).append((relation.kind, relation.target_id))
        graph.setdefault(relation.target_id, [])
    return graph


def claim_counts(
    transcript: Transcript, /, *, by: Literal["speaker", "kind", "topic", "turn"] = "speaker"
) -> dict[str, int]:
    """How many claims there are per speaker, kind, topic or turn.

    Per speaker and per turn, every speaker (turn) of the transcript has a row, in
    transcript order, zero if it made no claim. Per kind and topic, rows are sorted by
    count, largest first. A claim with several topics counts once for each.
    """
    if by == "speaker":
        counts = dict.fromkeys((s.id for s in transcript.speakers), 0)
        owner = {t.id: t.speaker_id for t in transcript.turns}
        for claim in transcript.claims:
            counts[owner[claim.turn_id]] += 1
        return counts
    if by == "turn":
        counts = dict.fromkeys((t.id for t in transcript.turns), 0)
        for claim in transcript.claims:
            counts[claim.turn_id] += 1
        return counts
    if by == "kind":
        return dict(Counter(c.kind for c in transcript.claims).most_common())
    if by == "topic":
        return dict(Counter(t for c in transcript.claims for t in c.topics).most_common())
    raise ValueError(f"cannot count claims by {by!r}: expected speaker, kind, topic or turn")


@frozen(kw_only=True)
class SpeakerPair:
    """How one speaker's claims and turns relate to another speaker's.

    Attributes:
        source: The speaker the relations start from.
        target: The speaker they point at.
        agreements: Relations of a :data:`SUPPORT_KINDS` kind.
        disagreements: Relations of an :data:`ATTACK_KINDS` kind.
        answers: ``answers`` relations.
        kinds: Every relation kind between the two, with its count.
    """

    source: str
    target: str
    agreements: int
    disagreements: int
    answers: int
    kinds: dict[str, int]


def speaker_pairs(transcript: Transcript, /) -> tuple[SpeakerPair, ...]:
    """Agreement, disagreement and answers between speakers, one row per ordered pair.

    Only relations between two different speakers count; pairs with none are left out.
    Rows follow the order of :attr:`~debatekit.Transcript.speakers`.
    """
    owner: dict[str, str] = {t.id: t.speaker_id for t in transcript.turns}
    for claim in transcript.claims:
        owner[claim.id] = owner[claim.turn_id]
    tallies: dict[tuple[str, str], Counter[str]] = {}
    for relation in transcript.relations:
        pair = (owner[relation.source_id], owner[relation.target_id])
        if pair[0] != pair[1]:
            tallies.setdefault(pair, Counter())[relation.kind] += 1
    order = {s.id: i for i, s in enumerate(transcript.speakers)}
    return tuple(
        SpeakerPair(
            source=source,
            target=target,
            agreements=sum(n for k, n in kinds.items() if k in SUPPORT_KINDS),
            disagreements=sum(n for k, n in kinds.items() if k in ATTACK_KINDS),
            answers=kinds["answers"],
            kinds=dict(sorted(kinds.items())),
        )
        for (source, target), kinds in sorted(
            tallies.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])
        )
    )


def to_networkx(transcript: Transcript, /) -> Any:
    """The argument graph as a ``networkx.MultiDiGraph``.

    Nodes are the claims (attributes ``type="claim"``, ``turn``, ``speaker``, ``kind``,
    ``text``, ``proposition``, ``topics``, ``stance``) and the turns that relations
    start or end at (``type="turn"``, ``speaker``). Each relation is an edge keyed by
    its id, with attributes ``kind`` and ``note``.

    Raises:
        ModuleNotFoundError: networkx is not installed (``pip install "debatekit[graph]"``).
    """
    nx = import_optional("networkx", "graph")
    graph = nx.MultiDiGraph()
    owner = {t.id: t.speaker_id for t in transcript.turns}
    for claim in transcript.claims:
        graph.add_node(
            claim.id,
            type="claim",
            turn=claim.turn_id,
            speaker=owner[claim.turn_id],
            kind=claim.kind,
            text=claim.text,
            proposition=claim.proposition,
            topics=claim.topics,
            stance=claim.stance,
        )
    for relation in transcript.relations:
        for end in (relation.source_id, relation.target_id):
            if end in owner and end not in graph:
                graph.add_node(end, type="turn", speaker=owner[end])
        graph.add_edge(
            relation.source_id,
            relation.target_id,
            key=relation.id,
            kind=relation.kind,
            note=relation.note,
        )
    return graph
