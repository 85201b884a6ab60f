"""The model validates itself, reports every problem with its path, and answers look-ups."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

from debatekit import (
    Claim,
    Event,
    Incident,
    Relation,
    Speaker,
    Transcript,
    Turn,
    UnknownIdError,
    ValidationError,
    datasets,
    word_count,
)


def small() -> Transcript:
    return Transcript(
        speakers=[Speaker(id="a", name="Ann"), Speaker(id="b", name="Bo")],
        body=[
            Turn(id="u1", speaker_id="a", paragraphs=["Tax cuts pay for themselves.", "Really."]),
            Incident(kind="kinesic", subtype="applause", printed="(APPLAUSE)"),
            Turn(id="u2", speaker_id="b", paragraphs=["They do not."]),
        ],
        claims=[
            Claim(id="c1", turn_id="u1", start=0, end=27, text="Tax cuts pay for themselves"),
            Claim(id="c2", turn_id="u2", start=0, end=11, text="They do not", kind="claim"),
        ],
        relations=[Relation(id="r1", kind="attacks", source_id="c2", target_id="c1")],
    )


def test_turn_text_joins_paragraphs_with_a_blank_line() -> None:
    """Turn.text is the paragraphs joined by "\\n\\n": claims index into it."""
    turn = small().turn("u1")
    assert turn.text == "Tax cuts pay for themselves.\n\nReally."


def test_models_are_frozen_and_keyword_only() -> None:
    """Models cannot be changed in place and take keyword arguments only."""
    turn = small().turn("u1")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        turn.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Speaker("a", "Ann")  # type: ignore[misc]


def test_transcript_is_hashable_and_picklable() -> None:
    """A transcript can be hashed, pickled (for worker processes) and compared."""
    t = small()
    assert hash(t) == hash(small())
    assert pickle.loads(pickle.dumps(t)) == t


def test_metadata_is_read_only_hashable_and_evolvable() -> None:
    """Every meta mapping is read-only; change it with evolve. Equal models hash equal,
    whatever the metadata, and survive pickling; readers and writers see a mapping."""
    t = attrs.evolve(small(), meta={"a": "1"})
    with pytest.raises(TypeError):
        t.meta["x"] = "3"  # type: ignore[index]
    with pytest.raises(AttributeError):
        t.meta.update({"x": "3"})  # type: ignore[attr-defined]
    for model in (t, t.event, t.speakers[0], t.turns[0]):
        with pytest.raises(TypeError):
            model.meta["x"] = "3"  # type: ignore[index]
    changed = attrs.evolve(t, meta=t.meta | {"x": "3"})
    assert dict(changed.meta) == {"a": "1", "x": "3"}
    assert dict(t.meta) == {"a": "1"}
    assert t.meta == {"a": "1"}
    same = attrs.evolve(small(), meta={"a": "1"})
    assert t == same
    assert hash(t) == hash(same)
    assert hash(t) != hash(changed)  # the metadata is part of the hash now
    assert t != changed
    back = pickle.loads(pickle.dumps(changed))
    assert back == changed
    assert hash(back) == hash(changed)
    assert {t, same, changed} == {t, changed}
    turn = Turn(id="u9", speaker_id="a", meta={"k": "v"})
    assert hash(turn) == hash(Turn(id="u9", speaker_id="a", meta={"k": "v"}))
    assert repr(turn.meta) == "{'k': 'v'}"
    with pytest.raises(ValidationError, match="meta: expected a mapping"):
        Turn(id="u9", speaker_id="a", meta=[("k", "v")])  # type: ignore[arg-type]


def test_every_problem_is_listed_with_its_path() -> None:
    """A transcript with several broken references lists them all, each with its path."""
    with pytest.raises(ValidationError) as info:
        Transcript(
            speakers=[Speaker(id="a", name="Ann"), Speaker(id="a", name="Again")],
            body=[
                Turn(id="u1", speaker_id="zz", paragraphs=["Hello there."]),
                Incident(kind="vocal", who="nobody"),
            ],
            claims=[
                Claim(id="c1", turn_id="u99", start=0, end=5, text="Hello"),
                Claim(id="c2", turn_id="u1", start=0, end=5, text="Hullo"),
                Claim(id="c3", turn_id="u1", start=6, end=40, text="x" * 34),
            ],
            relations=[Relation(id="r1", kind="supports", source_id="c2", target_id="c404")],
        )
    assert str(info.value) == "\n".join(
        [
            "7 problems in transcript:",
            "  speakers[1].id: duplicate id 'a' (also speakers[0].id)",
            "  body[0].speaker_id: unknown speaker 'zz'",
            "  body[1].who: unknown speaker 'nobody'",
            "  claims[0].turn_id: unknown turn 'u99'",
            "  claims[1].text: 'Hullo' is not the text at 0..5 of turn 'u1': 'Hello'",
            "  claims[2].end: offset 40 is past the end of turn 'u1' (length 12)",
            "  relations[0].target_id: unknown claim or turn 'c404'",
        ]
    )
    assert [p.path for p in info.value.problems][:2] == ["speakers[1].id", "body[0].speaker_id"]


def test_ids_are_unique_across_kinds() -> None:
    """A turn and a claim cannot share an id (TEI's xml:id is document-wide)."""
    with pytest.raises(ValidationError, match=r"claims\[0\]\.id: duplicate id 'u1'"):
        Transcript(
            speakers=[Speaker(id="a", name="Ann")],
            body=[Turn(id="u1", speaker_id="a", paragraphs=["Hi."])],
            claims=[Claim(id="u1", turn_id="u1", start=0, end=2, text="Hi")],
        )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Speaker(id="1a", name="Ann"), "id: invalid id '1a'"),
        (lambda: Speaker(id="a b", name="Ann"), "id: invalid id 'a b'"),
        (lambda: Speaker(id="a", name=" "), "name: empty name"),
        (lambda: Turn(id="u", speaker_id="a", paragraphs=[""]), "paragraphs[0]: empty paragraph"),
        (
            lambda: Turn(id="u", speaker_id="a", paragraphs=[" x"]),
            "paragraphs[0]: paragraph has leading or trailing whitespace",
        ),
        (
            lambda: Turn(id="u", speaker_id="a", paragraphs=["x\n\ny"]),
            "paragraphs[0]: paragraph contains a blank line; split it in two",
        ),
        (
            lambda: Turn(
                id="u", speaker_id="a", start=dt.timedelta(seconds=5), end=dt.timedelta(0)
            ),
            "end: ends (0:00:00) before it starts (0:00:05)",
        ),
        (
            lambda: Turn(
                id="u", speaker_id="a", paragraphs=["abc"], incidents=[Incident(kind="gap")]
            ),
            "incidents[0].offset: an incident in a turn needs an offset",
        ),
        (
            lambda: Turn(
                id="u",
                speaker_id="a",
                paragraphs=["abc"],
                incidents=[Incident(kind="gap", offset=2, length=5)],
            ),
            "incidents[0].offset: span 2..7 is outside the turn's text (length 3)",
        ),
        (lambda: Incident(kind="applause"), "kind: unknown kind 'applause'"),  # type: ignore[arg-type]
        (lambda: Claim(id="c", turn_id="u", start=3, end=3, text=""), "end: end 3 is not after"),
        (
            lambda: Relation(id="r", kind="supports", source_id="c", target_id="c"),
            "target_id: relation from 'c' to itself",
        ),
        (
            lambda: Event(date=dt.date(2024, 1, 2), end_date=dt.date(2024, 1, 1)),
            "end_date: 2024-01-01 is before date 2024-01-02",
        ),
        (lambda: Speaker(id="a", name="A", meta={"k": 1}), "meta['k']: metadata values must be"),
    ],
)
def test_single_objects_check_their_fields(build, message) -> None:
    """Each model checks its own fields on construction and names the field."""
    with pytest.raises(ValidationError) as info:
        build()
    assert message in str(info.value)


def test_a_bare_string_is_not_a_list_of_paragraphs() -> None:
    """Passing one string where a sequence is expected fails instead of splitting it."""
    with pytest.raises(TypeError, match="expected a sequence of strings"):
        Turn(id="u", speaker_id="a", paragraphs="one paragraph")


def test_evolve_validates_again() -> None:
    """attrs.evolve builds a new, validated object."""
    t = small()
    fixed = attrs.evolve(t, speakers=[*t.speakers, Speaker(id="c", name="Cy")])
    assert fixed.speaker("c").name == "Cy"
    with pytest.raises(ValidationError, match="unknown speaker 'b'"):
        attrs.evolve(t, speakers=t.speakers[:1])


def test_lookups_by_id() -> None:
    """Speakers, turns, claims and relations are found by id; a miss is a clear error."""
    t = small()
    assert t.speaker("b").name == "Bo"
    assert t.turn("u2").speaker_id == "b"
    assert t.claim("c1").text == "Tax cuts pay for themselves"
    assert t.relation("r1").kind == "attacks"
    assert [turn.id for turn in t.turns] == ["u1", "u2"]
    assert [c.id for c in t.claims_in("u1")] == ["c1"]
    assert [c.id for c in t.claims_by("b")] == ["c2"]
    assert [turn.id for turn in t.turns_by("a")] == ["u1"]
    with pytest.raises(UnknownIdError, match=r"^speaker 'u1': no such id in this transcript$"):
        t.speaker("u1")
    with pytest.raises(KeyError):
        t.turn("nope")


def test_speaker_stats_count_turns_words_and_shares() -> None:
    """Per-speaker statistics count turns and words; shares add up to one."""
    stats = small().speaker_stats()
    assert [(s.speaker_id, s.turns, s.words) for s in stats] == [("a", 1, 6), ("b", 1, 3)]
    assert sum(s.share for s in stats) == pytest.approx(1.0)
    assert Transcript().speaker_stats() == ()


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("one", 1), ("O’Neil — U.S.-Mexico", 2), ("2,000-mile-long border", 2), ("- & —", 0)],
)
def test_word_count(text: str, count: int) -> None:
    """Words are whitespace-separated tokens that hold a letter or a digit."""
    assert word_count(text) == count


def test_bundled_dataset_counts() -> None:
    """The Carnegie Q&A: four speakers as the text states them, 18 turns split 1/7/6/4."""
    t = datasets.load("us-mexico-2023")
    assert [(s.id, s.name, s.role, s.affiliation) for s in t.speakers] == [
        ("cuellar", "Tino Cuéllar", "president", "Carnegie Endowment"),
        ("chivvis", "Christopher S. Chivvis", "moderator", None),
        (
            "felbab-brown",
            "Vanda Felbab-Brown",
            "senior fellow for foreign policy",
            "Brookings Institution",
        ),
        (
            "oneil",
            "Shannon O’Neil",
            "vice president of studies and senior fellow for Latin American studies",
            "Council on Foreign Relations",
        ),
    ]
    assert len(t.turns) == 18
    assert [s.turns for s in t.speaker_stats()] == [1, 7, 6, 4]
    event = t.event
    assert event.title == "The U.S.-Mexico Relationship Is About More Than Migration"
    assert event.published == dt.date(2023, 12, 14)
    assert event.publisher == "Carnegie Endowment for International Peace"
    assert event.series == "Pivotal States"
    assert event.kind == "Q&A"
    assert event.description is not None
    assert event.description.startswith("In the latest event from the Pivotal States Series")


def test_bundled_paragraphs_are_verbatim_from_the_source() -> None:
    """Every paragraph, label and front/back block of the dataset is in the shipped source."""
    t = datasets.load("us-mexico-2023")
    source = datasets.source_text("us-mexico-2023")
    blocks = source.split("\n\n")
    rebuilt = list(t.front)
    for turn in t.turns:
        rebuilt.append(f"{turn.label}: {turn.paragraphs[0]}")
        rebuilt.extend(turn.paragraphs[1:])
    rebuilt.extend(t.back)
    assert rebuilt == blocks


def test_a_long_body_of_common_turns_is_checked_whole() -> None:
    """Transcript checks a body of common turns a chunk at a time: a duplicate id or an
    unknown speaker far from the first chunk is still found and named."""
    speakers = [Speaker(id="a", name="A")]
    body = [Turn(id=f"u{i}", speaker_id="a", paragraphs=["Hi."]) for i in range(5000)]
    assert len(Transcript(speakers=speakers, body=body).turns) == 5000
    duplicate = [*body[:4500], Turn(id="u7", speaker_id="a"), *body[4501:]]
    with pytest.raises(ValidationError) as info:
        Transcript(speakers=speakers, body=duplicate)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("body[4500].id", "duplicate id 'u7' (also body[7].id)")
    ]
    unknown = [*body[:3000], Turn(id="u3000", speaker_id="b"), *body[3001:]]
    with pytest.raises(ValidationError) as info:
        Transcript(speakers=speakers, body=unknown)
    assert [p.path for p in info.value.problems] == ["body[3000].speaker_id"]
    with pytest.raises(ValidationError) as info:
        Transcript(speakers=speakers, body=[*body, Turn(id="a", speaker_id="a")])
    assert [p.path for p in info.value.problems] == ["body[5000].id"]
