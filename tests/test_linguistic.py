"""The linguistic layer of the model (Token, Entity, Sentence, Turn.sentences) validates
itself and reports every problem with its path."""

from __future__ import annotations

import pickle

import attrs
import pytest

import debatekit
from debatekit import Entity, Sentence, Speaker, Token, Transcript, Turn, ValidationError

TEXT = "Vengo del pueblo."


def spanish() -> Turn:
    """ "Vengo del pueblo." with a multiword token (del = de + el), a parse, an entity."""
    return Turn(
        id="u1",
        speaker_id="a",
        paragraphs=[TEXT],
        sentences=[
            Sentence(
                id="s1",
                tokens=[
                    Token(form="Vengo", offset=0, id="t1", lemma="venir", upos="VERB", head=0,
                          deprel="root", feats="Mood=Ind|Number=Sing|Person=1"),
                    Token(form="del", offset=6, id="t2", parts=[
                        Token(form="de", offset=6, id="t2a", lemma="de", upos="ADP", head=4,
                              deprel="case"),
                        Token(form="el", offset=6, id="t2b", lemma="el", upos="DET", head=4,
                              deprel="det"),
                    ]),
                    Token(form="pueblo", offset=10, id="t3", lemma="pueblo", upos="NOUN",
                          head=1, deprel="obl", space_after=False),
                    Token(form=".", offset=16, id="t4", upos="PUNCT", head=1, deprel="punct",
                          punct=True),
                ],
                entities=[Entity(kind="LOC", start=2, end=3)],
            )
        ],
    )  # fmt: skip


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_words_are_the_tokens_with_multiword_tokens_split() -> None:
    """Sentence.words lists syntactic words; heads index into it, 1-based."""
    sentence = spanish().sentences[0]
    assert [w.form for w in sentence.words] == ["Vengo", "de", "el", "pueblo", "."]
    assert [sentence.words[w.head - 1].form for w in sentence.words if w.head] == [
        "pueblo", "pueblo", "Vengo", "Vengo",
    ]  # fmt: skip
    assert (sentence.offset, sentence.end) == (0, len(TEXT))
    assert sentence.tokens[2].end == 16
    plain = Sentence(tokens=[Token(form="Hola", offset=0)])
    assert plain.words is plain.tokens


def test_the_layer_is_frozen_hashable_and_picklable() -> None:
    turn = spanish()
    assert pickle.loads(pickle.dumps(turn)) == turn
    assert hash(turn) == hash(spanish())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        turn.sentences[0].tokens[0].form = "x"  # type: ignore[misc]
    assert attrs.fields(Turn)[-1].name == "sentences"


def test_the_classes_are_public() -> None:
    for name in ("Token", "Entity", "Sentence"):
        assert name in debatekit.__all__
        assert getattr(debatekit.models, name) is getattr(debatekit, name)


def test_a_token_lists_every_problem_of_its_own() -> None:
    with pytest.raises(ValidationError) as error:
        Token(form=" x", offset=-1, id="1a", upos="", head=-2, meta={"not a name": "v"})
    found = problems(error)
    assert [p.split(":")[0] for p in found] == ["form", "offset", "id", "upos", "head", "meta"]


def test_a_multiword_token_has_parts_at_its_offset_and_no_syntax_of_its_own() -> None:
    part = Token(form="de", offset=6)
    with pytest.raises(ValidationError) as error:
        Token(form="del", offset=6, head=1, parts=[part, Token(form="el", offset=7)])
    assert [p.split(":")[0] for p in problems(error)] == ["parts[1].offset", "head"]
    with pytest.raises(ValidationError, match="at least two parts"):
        Token(form="del", offset=6, parts=[part])


def test_a_sentence_checks_order_heads_and_entities() -> None:
    with pytest.raises(ValidationError) as error:
        Sentence(
            tokens=[Token(form="ab", offset=3, head=3), Token(form="c", offset=4, head=2)],
            entities=[Entity(kind="PER", start=1, end=3), Entity(kind="LOC", start=0, end=2)],
        )
    assert [p.split(":")[0] for p in problems(error)] == [
        "tokens[1].offset",
        "words[0].head",
        "words[1].head",
        "entities[0].end",
        "entities[1]",
    ]
    with pytest.raises(ValidationError, match="at least one token"):
        Sentence(tokens=[])


def test_entities_nest_but_do_not_cross() -> None:
    tokens = [Token(form=c, offset=2 * i) for i, c in enumerate("abcd")]
    Sentence(tokens=tokens, entities=[Entity(kind="ORG", start=0, end=3),
                                      Entity(kind="PER", start=1, end=2)])  # fmt: skip
    with pytest.raises(ValidationError, match="cross another entity"):
        Sentence(tokens=tokens, entities=[Entity(kind="ORG", start=0, end=2),
                                          Entity(kind="PER", start=1, end=3)])  # fmt: skip
    with pytest.raises(ValidationError, match="end 1 is not after start 1"):
        Entity(kind="PER", start=1, end=1)


def test_a_turn_checks_its_tokens_against_its_text() -> None:
    """Forms are the text at their offsets; space_after says whether a space follows;
    a sentence lies in one paragraph; sentences come in order."""
    base = spanish()
    sentence = base.sentences[0]
    wrong_form = attrs.evolve(sentence.tokens[0], form="Venga")
    glued = attrs.evolve(sentence.tokens[0], space_after=False)
    with pytest.raises(ValidationError) as error:
        attrs.evolve(
            base, sentences=[attrs.evolve(sentence, tokens=(wrong_form, *sentence.tokens[1:]))]
        )
    assert problems(error) == [
        "sentences[0].tokens[0].form: 'Venga' is not the text at 0: 'Vengo'"
    ]  # fmt: skip
    with pytest.raises(ValidationError, match=r"sentences\[0\].tokens\[0\].space_after: is False"):
        attrs.evolve(base, sentences=[attrs.evolve(sentence, tokens=(glued, *sentence.tokens[1:]))])
    two = Turn(id="u2", speaker_id="a", paragraphs=["Sí.", "No."])
    yes = Sentence(tokens=[Token(form="Sí.", offset=0)])
    no = Sentence(tokens=[Token(form="No.", offset=5)])
    attrs.evolve(two, sentences=[yes, no])
    with pytest.raises(ValidationError, match=r"sentences\[1\].tokens\[0\].offset: offset 0"):
        attrs.evolve(two, sentences=[no, yes])
    across = Sentence(tokens=[Token(form="Sí.", offset=0), Token(form="No.", offset=5)])
    with pytest.raises(ValidationError, match=r"sentences\[0\]: 0..8 is not inside one paragraph"):
        attrs.evolve(two, sentences=[across])


def test_sentence_and_token_ids_share_the_transcripts_id_space() -> None:
    turn = spanish()
    speakers = [Speaker(id="a", name="Ana")]
    Transcript(speakers=speakers, body=[turn])
    other = Turn(
        id="u2",
        speaker_id="a",
        paragraphs=["Sí."],
        sentences=[Sentence(id="u1", tokens=[Token(form="Sí", offset=0, id="t2b",
                                                    space_after=False)])],
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        Transcript(speakers=speakers, body=[turn, other])
    assert problems(error) == [
        "body[1].sentences[0].id: duplicate id 'u1' (also body[0].id)",
        "body[1].sentences[0].tokens[0].id: duplicate id 't2b' (also body[0].sentences)",
    ]


def test_the_layer_round_trips_through_json_and_fits_the_schema() -> None:
    """Every field of the layer survives JSON; the output fits the shipped schema."""
    import json as stdlib_json

    import jsonschema

    transcript = Transcript(speakers=[Speaker(id="a", name="Ana")], body=[spanish()])
    text = debatekit.json.dumps(transcript)
    assert debatekit.json.loads(text) == transcript
    jsonschema.Draft202012Validator(debatekit.json.schema()).validate(stdlib_json.loads(text))
    token = stdlib_json.loads(text)["body"][0]["sentences"][0]["tokens"][2]
    assert token == {
        "form": "pueblo", "offset": 10, "id": "t3", "lemma": "pueblo", "upos": "NOUN",
        "head": 1, "deprel": "obl", "space_after": False,
    }  # fmt: skip


def test_json_refuses_a_layer_of_the_wrong_types() -> None:
    """A boolean is not a number and a number is not a boolean, with the JSON path."""
    transcript = Transcript(speakers=[Speaker(id="a", name="Ana")], body=[spanish()])
    data = debatekit.json.to_dict(transcript)
    data["body"][0]["sentences"][0]["tokens"][0]["space_after"] = 0
    import json as stdlib_json

    with pytest.raises(debatekit.ParseError, match="space_after"):
        debatekit.json.loads(stdlib_json.dumps(data))
