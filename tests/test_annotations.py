"""The hand annotation of the bundled us-mexico-2023 transcript (claims and relations)."""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from debatekit import Claim, Transcript, arguments, datasets

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "debatekit" / "data" / "us-mexico-2023" / "transcript.json"
CROSS_SPEAKER = {"agrees", "disagrees", "rebuts"}
SAME_SPEAKER = {"supports", "attacks", "rephrases"}


def _tool() -> ModuleType:
    path = ROOT / "tools" / "annotate_us_mexico.py"
    spec = importlib.util.spec_from_file_location("annotate_us_mexico", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def t() -> Transcript:
    return datasets.load("us-mexico-2023")


def _speaker(t: Transcript, claim_or_turn: str) -> str:
    return arguments.speaker_of(t, claim_or_turn)


def _moderators(t: Transcript) -> set[str]:
    return {s.id for s in t.speakers if s.role == "moderator"}


def test_regenerating_from_the_source_gives_the_shipped_json():
    """tools/annotate_us_mexico.py, run on the shipped file, reproduces it byte for byte."""
    assert _tool().render(SHIPPED) == SHIPPED.read_text(encoding="utf-8")


def test_the_dataset_loads_with_its_annotation(t):
    """datasets.load() gives the claims and relations, within the issue's expected size."""
    assert 80 <= len(t.claims) <= 150
    assert len(t.relations) >= 50


def test_counts_per_speaker_and_kind_add_up(t):
    """Per-speaker and per-kind counts cover every claim; every speaker who argues has claims."""
    per_speaker = arguments.claim_counts(t, by="speaker")
    per_kind = arguments.claim_counts(t, by="kind")
    assert sum(per_speaker.values()) == sum(per_kind.values()) == len(t.claims)
    for speaker in t.speakers:
        assert per_speaker[speaker.id] == len(t.claims_by(speaker.id)) > 0
    panelists = [s.id for s in t.speakers if s.id not in _moderators(t) and s.role != "president"]
    # The panelists carry the argument: each makes more claims than the moderator.
    for panelist in panelists:
        for moderator in _moderators(t):
            assert per_speaker[panelist] > per_speaker[moderator]


def test_kinds_topics_and_stances_come_from_the_documented_vocabulary(t):
    """Every kind, topic and relation kind is documented; a stance names what it is on."""
    for claim in t.claims:
        assert claim.kind in arguments.CLAIM_KINDS, claim.id
        assert claim.topics, claim.id
        assert set(claim.topics) <= set(arguments.TOPICS), claim.id
        assert claim.stance in (None, "pro", "con"), claim.id
        assert (claim.stance is None) == ("stance-on" not in claim.meta), claim.id
    for relation in t.relations:
        assert relation.kind in arguments.RELATION_KINDS, relation.id
    # The vocabulary is in use, not decoration.
    assert {c.kind for c in t.claims} == set(arguments.CLAIM_KINDS)
    assert {r.kind for r in t.relations} == set(arguments.RELATION_KINDS)


def test_spans_are_whole_words_and_do_not_overlap(t):
    """A span starts and ends at a word boundary, without outer white space or a full stop."""
    for claim in t.claims:
        text = t.turn(claim.turn_id).text
        before = text[claim.start - 1] if claim.start else " "
        after = text[claim.end] if claim.end < len(text) else " "
        assert not (before.isalnum() and claim.text[0].isalnum()), claim.id
        assert not (after.isalnum() and claim.text[-1].isalnum()), claim.id
        assert claim.text == claim.text.strip(), claim.id
        assert not claim.text.endswith((".", ",", ";")), claim.id
    for turn in t.turns:
        spans = sorted((c.start, c.end, c.id) for c in t.claims_in(turn.id))
        for (_, end, first), (start, _, second) in itertools.pairwise(spans):
            assert end <= start, f"{first} overlaps {second}"


def test_every_claim_has_a_proposition_and_questions_end_with_a_question_mark(t):
    """Propositions are written out; a question's span and proposition are questions."""
    for claim in t.claims:
        assert claim.proposition, claim.id
        assert claim.proposition[0].isupper(), claim.id
        if claim.kind == "question":
            assert claim.text.endswith("?"), claim.id
            assert claim.proposition.endswith("?"), claim.id


def test_propositions_resolve_leading_pronouns(t):
    """A span opening with a bare pronoun gets a proposition that names the referent."""
    pronoun = re.compile(r"(they|it|this|that|he|she|we)\b", re.IGNORECASE)
    for claim in t.claims:
        if pronoun.match(claim.text):
            assert not pronoun.match(claim.proposition or ""), claim.id


def test_relations_connect_the_right_speakers(t):
    """Support, attack and rephrase stay inside one speaker's argument; agreement,
    disagreement and rebuttal go across speakers."""
    for relation in t.relations:
        same = _speaker(t, relation.source_id) == _speaker(t, relation.target_id)
        if relation.kind in SAME_SPEAKER:
            assert same, relation
        if relation.kind in CROSS_SPEAKER:
            assert not same, relation


def test_every_moderator_question_is_answered_by_a_later_turn(t):
    """Each moderator question is answered by a later turn of another speaker, or asked
    again by a later question that is."""
    order = {turn.id: i for i, turn in enumerate(t.turns)}
    questions = [
        c for c in t.claims if c.kind == "question" and _speaker(t, c.id) in _moderators(t)
    ]
    assert questions
    for question in questions:
        repeats = [
            r.source_id for r in t.relations if r.kind == "rephrases" and r.target_id == question.id
        ]
        answerers = [a for q in [question.id, *repeats] for a in arguments.answers(t, q)]
        assert answerers, question.id
        for answer in answerers:
            assert isinstance(answer, Claim) or order[answer.id] > order[question.turn_id]
            assert _speaker(t, answer.id) != _speaker(t, question.id)


def test_answers_point_at_questions(t):
    """Every answers relation ends at a question (genuine or rhetorical)."""
    for relation in t.relations:
        if relation.kind == "answers":
            assert t.claim(relation.target_id).kind in {"question", "rhetorical-question"}


def _claims_saying(t: Transcript, speaker: str, *words: str) -> list[Claim]:
    return [c for c in t.claims_by(speaker) if all(w in c.text for w in words)]


def test_felbab_brown_rebuts_oneil_on_ciudad_juarez(t):
    """Felbab-Brown's reply about Ciudad Juárez attacks O'Neil's claim that communities
    have taken back their streets."""
    (streets,) = _claims_saying(t, "oneil", "taken back their streets")
    juarez = _claims_saying(t, "felbab-brown", "Ciudad Juárez")
    attackers = arguments.attacks(t, streets.id)
    assert any(claim in attackers for claim in juarez)
    kinds = {
        r.kind for r in arguments.incoming(t, streets.id) if r.source_id in {c.id for c in juarez}
    }
    assert "rebuts" in kinds


def test_felbab_brown_rejects_the_military_option_of_the_question(t):
    """Her view that military action has no significant pros is set against the option
    raised in the moderator's question, and her turn answers that question."""
    (no_pros,) = _claims_saying(t, "felbab-brown", "no significant pros")
    (option,) = _claims_saying(t, "chivvis", "military force")
    assert no_pros in arguments.attacks(t, option.id)
    answering_turns = arguments.answers(t, option.turn_id)
    assert t.turn(no_pros.turn_id) in answering_turns


def test_the_panelists_both_agree_and_disagree_with_each_other(t):
    """The speaker statistics see agreement and disagreement between the two panelists."""
    pairs = {(p.source, p.target): p for p in arguments.speaker_pairs(t)}
    felbab, oneil = pairs[("felbab-brown", "oneil")], pairs[("oneil", "felbab-brown")]
    assert felbab.disagreements > 0
    assert felbab.agreements > 0
    assert oneil.agreements > 0


@pytest.mark.parametrize(
    ("quote", "occurrence", "message"),
    [
        ("no such words", None, "not found"),
        ("the", None, "occurs"),
        ("the", 99, "occurrence 99"),
    ],
)
def test_the_generator_fails_loudly_on_a_bad_quote(quote, occurrence, message):
    """A quote that is absent, ambiguous, or asked at a missing occurrence stops the tool."""
    tool = _tool()
    source = ModuleType("fake")
    source.CLAIMS = [  # type: ignore[attr-defined]
        {
            "id": "c1.x",
            "turn_id": "u3",
            "quote": quote,
            "kind": "claim",
            "topics": ("migration",),
            "proposition": "X.",
            "stance": None,
            "stance_on": None,
            "note": None,
            "occurrence": occurrence,
        }
    ]
    source.RELATIONS = []  # type: ignore[attr-defined]
    with pytest.raises(tool.AnnotationError, match=message):
        tool.annotate(datasets.load("us-mexico-2023"), source)


def test_the_generator_picks_the_asked_occurrence():
    """With ``occurrence``, an ambiguous quote resolves to that occurrence."""
    tool = _tool()
    t = datasets.load("us-mexico-2023")
    text = t.turn("u3").text
    second = text.find("the", text.find("the") + 1)
    assert tool.locate(text, "the", 1, "c") == text.find("the")
    assert tool.locate(text, "the", 2, "c") == second
