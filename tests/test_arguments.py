"""debatekit.arguments: look-ups, the argument graph and statistics."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings

from debatekit import (
    Claim,
    DebatekitError,
    Relation,
    Speaker,
    Transcript,
    Turn,
    UnknownIdError,
    arguments,
    datasets,
)
from tests.strategies import transcripts


def _claim(id_: str, turn: Turn, words: str, **kw: object) -> Claim:
    start = turn.text.index(words)
    return Claim(id=id_, turn_id=turn.id, start=start, end=start + len(words), text=words, **kw)  # type: ignore[arg-type]


@pytest.fixture
def small() -> Transcript:
    """A moderator asks; Ann argues; Bob disagrees with Ann and agrees with her too."""
    turns = [
        Turn(id="u1", speaker_id="mod", paragraphs=["Should we build it?"]),
        Turn(id="u2", speaker_id="ann", paragraphs=["Build it. It is cheap. It is ugly."]),
        Turn(id="u3", speaker_id="bob", paragraphs=["It is not cheap. Ugly, yes."]),
    ]
    claims = [
        _claim("q", turns[0], "Should we build it?", kind="question", topics=["x"]),
        _claim("build", turns[1], "Build it", kind="proposal", topics=["x", "y"]),
        _claim("cheap", turns[1], "It is cheap", kind="premise", topics=["y"]),
        _claim("ugly", turns[1], "It is ugly", kind="concession", topics=["z"]),
        _claim("dear", turns[2], "It is not cheap", topics=["y"]),
        _claim("yes", turns[2], "Ugly, yes"),
    ]
    relations = [
        Relation(id="r1", kind="answers", source_id="u2", target_id="q"),
        Relation(id="r2", kind="supports", source_id="cheap", target_id="build"),
        Relation(id="r3", kind="attacks", source_id="ugly", target_id="build"),
        Relation(id="r4", kind="rebuts", source_id="dear", target_id="cheap"),
        Relation(id="r5", kind="agrees", source_id="yes", target_id="ugly"),
        Relation(id="r6", kind="answers", source_id="u3", target_id="u1"),
    ]
    return Transcript(
        speakers=[
            Speaker(id="mod", name="Mo", role="moderator"),
            Speaker(id="ann", name="Ann"),
            Speaker(id="bob", name="Bob"),
        ],
        body=turns,
        claims=claims,
        relations=relations,
    )


def _ids(items: tuple[Claim | Turn, ...]) -> list[str]:
    return [item.id for item in items]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["q", "build", "cheap", "ugly", "dear", "yes"]),
        ({"speaker": "ann"}, ["build", "cheap", "ugly"]),
        ({"topic": "y"}, ["build", "cheap", "dear"]),
        ({"kind": "claim"}, ["dear", "yes"]),
        ({"speaker": "ann", "topic": "y", "kind": "premise"}, ["cheap"]),
        ({"turn": "u3"}, ["dear", "yes"]),
        ({"speaker": "mod", "topic": "y"}, []),
    ],
)
def test_claims_filter_by_speaker_topic_kind_and_turn(small, filters, expected):
    """Filters combine; the result keeps the order of the claims list."""
    assert _ids(arguments.claims(small, **filters)) == expected


@pytest.mark.parametrize("filters", [{"speaker": "nobody"}, {"turn": "u9"}])
def test_claims_refuse_an_unknown_speaker_or_turn(small, filters):
    """A speaker or turn that is not there is an error, not an empty result."""
    with pytest.raises(UnknownIdError):
        arguments.claims(small, **filters)


@pytest.mark.parametrize(
    ("function", "target", "expected"),
    [
        (arguments.supports, "build", ["cheap"]),
        (arguments.supports, "ugly", ["yes"]),
        (arguments.attacks, "build", ["ugly"]),
        (arguments.attacks, "cheap", ["dear"]),
        (arguments.attacks, "u2", ["ugly", "dear"]),
        (arguments.answers, "q", ["u2"]),
        (arguments.answers, "u1", ["u2", "u3"]),
        (arguments.answers, "u3", []),
    ],
)
def test_supports_attacks_and_answers(small, function, target, expected):
    """Support counts agreement, attack counts rebuttal; a turn stands for its claims too."""
    assert _ids(function(small, target)) == expected


def test_the_kinds_counted_can_be_chosen(small):
    """``kinds`` narrows what counts as support or attack."""
    assert _ids(arguments.supports(small, "ugly", kinds={"supports"})) == []
    assert _ids(arguments.attacks(small, "cheap", kinds={"attacks"})) == []


def test_incoming_and_outgoing_relations(small):
    """The relations at a claim, both ways, optionally of some kinds."""
    assert [r.id for r in arguments.incoming(small, "build")] == ["r2", "r3"]
    assert [r.id for r in arguments.outgoing(small, "u3")] == ["r4", "r5", "r6"]
    assert [r.id for r in arguments.outgoing(small, "u3", kinds={"answers"})] == ["r6"]
    with pytest.raises(UnknownIdError):
        arguments.incoming(small, "nothing")


def test_adjacency_lists_every_claim_and_each_relation_once(small):
    """Plain adjacency: every claim is a key; turns appear when relations touch them."""
    graph = arguments.adjacency(small)
    assert graph["cheap"] == [("supports", "build")]
    assert graph["u2"] == [("answers", "q")]
    assert graph["build"] == []
    assert {c.id for c in small.claims} <= set(graph)
    assert arguments.adjacency(small, kinds={"answers"})["u3"] == [("answers", "u1")]


def test_claim_counts(small):
    """Counts per speaker (all speakers), turn, kind and topic."""
    assert arguments.claim_counts(small) == {"mod": 1, "ann": 3, "bob": 2}
    assert arguments.claim_counts(small, by="turn") == {"u1": 1, "u2": 3, "u3": 2}
    assert arguments.claim_counts(small, by="kind")["claim"] == 2
    assert arguments.claim_counts(small, by="topic") == {"y": 3, "x": 2, "z": 1}
    with pytest.raises(ValueError, match="cannot count"):
        arguments.claim_counts(small, by="colour")  # type: ignore[arg-type]


def test_speaker_pairs_count_agreement_and_disagreement_across_speakers(small):
    """Only relations between two different speakers count, per ordered pair."""
    pairs = arguments.speaker_pairs(small)
    assert [(p.source, p.target) for p in pairs] == [("ann", "mod"), ("bob", "mod"), ("bob", "ann")]
    bob_ann = pairs[2]
    assert (bob_ann.agreements, bob_ann.disagreements, bob_ann.answers) == (1, 1, 0)
    assert bob_ann.kinds == {"agrees": 1, "rebuts": 1}
    assert pairs[0].answers == 1


def test_speaker_of(small):
    """The speaker of a claim is the speaker of its turn."""
    assert arguments.speaker_of(small, "dear") == "bob"
    assert arguments.speaker_of(small, "u1") == "mod"
    with pytest.raises(UnknownIdError):
        arguments.speaker_of(small, "nothing")


def test_to_networkx(small):
    """The graph has the claims, the turns relations touch, and one edge per relation."""
    graph = arguments.to_networkx(small)
    assert set(graph.nodes) == {c.id for c in small.claims} | {"u1", "u2", "u3"}
    assert graph.number_of_edges() == len(small.relations)
    assert graph.nodes["dear"]["speaker"] == "bob"
    assert graph.nodes["u2"]["type"] == "turn"
    assert graph.edges["dear", "cheap", "r4"]["kind"] == "rebuts"


def test_to_networkx_without_networkx_says_what_to_install(small, monkeypatch):
    """Without networkx the error names the extra to install."""
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(
        ModuleNotFoundError,
        match=r'^missing optional dependency .networkx.: pip install "debatekit\[graph\]"$',
    ) as info:
        arguments.to_networkx(small)
    assert info.value.name == "networkx"
    assert not isinstance(info.value, DebatekitError)


def test_the_bundled_dataset_graph_matches_its_relations():
    """On the annotated dataset the graph and the adjacency hold every relation."""
    t = datasets.load("us-mexico-2023")
    graph = arguments.to_networkx(t)
    assert graph.number_of_edges() == len(t.relations)
    assert sum(len(edges) for edges in arguments.adjacency(t).values()) == len(t.relations)


# The generated transcripts are slow to draw on a shared machine: stay under ~20 s.
@settings(max_examples=min(settings.default.max_examples, 40))
@given(transcripts())
def test_lookups_agree_with_the_relations(t):
    """For any transcript, support/attack/answer look-ups are the relations' sources."""
    for item in [*t.claims, *t.turns]:
        targets = {item.id} | (
            {c.id for c in t.claims_in(item.id)} if isinstance(item, Turn) else set()
        )
        for function, kinds in [
            (arguments.supports, arguments.SUPPORT_KINDS),
            (arguments.attacks, arguments.ATTACK_KINDS),
            (arguments.answers, {"answers"}),
        ]:
            expected = []
            for r in t.relations:
                if r.target_id in targets and r.kind in kinds and r.source_id not in expected:
                    expected.append(r.source_id)
            assert _ids(function(t, item.id)) == expected
    assert sum(map(len, arguments.adjacency(t).values())) == len(t.relations)
    assert sum(arguments.claim_counts(t).values()) == len(t.claims)
