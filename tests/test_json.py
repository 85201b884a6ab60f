"""debatekit.json: lossless round trips, a stable shape, and errors that name the JSON path."""

from __future__ import annotations

import io
import json as stdlib_json
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

import debatekit
from debatekit import ParseError, ValidationError, datasets, json
from tests.strategies import transcripts

DATA = Path(__file__).parent / "data" / "json"
SCHEMA = json.schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@given(transcripts())
def test_round_trip(transcript: debatekit.Transcript) -> None:
    """loads(dumps(t)) == t for every valid transcript, and the output fits the schema."""
    text = json.dumps(transcript)
    assert json.loads(text) == transcript
    VALIDATOR.validate(stdlib_json.loads(text))


@given(transcripts(max_turns=3))
def test_compact_output_round_trips(transcript: debatekit.Transcript) -> None:
    """indent=None writes one line that reads back the same."""
    text = json.dumps(transcript, indent=None)
    assert "\n" not in text
    assert json.loads(text) == transcript


def test_bundled_dataset_is_canonical() -> None:
    """The shipped JSON is exactly what dumps writes for it (stable keys, 2-space indent)."""
    entry = datasets.files("us-mexico-2023")
    (path,) = [e for e in entry if e.name == "transcript.json"]
    text = path.read_text(encoding="utf-8")
    assert json.dumps(json.loads(text)) + "\n" == text


def test_bundled_dataset_fits_the_schema() -> None:
    """The bundled document validates against the shipped JSON Schema."""
    VALIDATOR.validate(json.to_dict(datasets.load("us-mexico-2023")))


def test_schema_in_docs_is_the_shipped_schema() -> None:
    """docs/transcript.schema.json is a copy of the schema in the package."""
    docs = Path(__file__).parents[1] / "docs" / "transcript.schema.json"
    assert stdlib_json.loads(docs.read_text(encoding="utf-8")) == SCHEMA


@pytest.mark.parametrize(
    ("definition", "model"),
    [
        ("event", debatekit.Event),
        ("speaker", debatekit.Speaker),
        ("affiliation", debatekit.Affiliation),
        ("claim", debatekit.Claim),
        ("relation", debatekit.Relation),
        ("markup", debatekit.Markup),
        ("sentence", debatekit.Sentence),
        ("token", debatekit.Token),
        ("entity", debatekit.Entity),
    ],
)
def test_schema_lists_every_model_field(definition: str, model: type) -> None:
    """The schema and the model name the same fields, so they cannot drift apart."""
    import attrs

    fields = {f.name for f in attrs.fields(model)}
    assert set(SCHEMA["$defs"][definition]["properties"]) == fields


def test_schema_lists_turn_incident_and_transcript_fields() -> None:
    """Turns, incidents and the root list the model's fields (plus the tags)."""
    import attrs

    defs = SCHEMA["$defs"]
    turn = set(defs["turn"]["properties"]) - {"type"}
    assert turn == {f.name for f in attrs.fields(debatekit.Turn)}
    incident = set(defs["incident_fields"]["properties"])
    assert incident == {f.name for f in attrs.fields(debatekit.Incident)}
    root = set(SCHEMA["properties"]) - {"format", "version"}
    assert root == {f.name for f in attrs.fields(debatekit.Transcript)}


def test_document_starts_with_format_and_version() -> None:
    """The document names its format and version first; defaults are left out."""
    t = debatekit.Transcript(speakers=[debatekit.Speaker(id="a", name="Ann")])
    assert json.dumps(t, indent=None) == (
        '{"format":"debatekit","version":"1.1","speakers":[{"id":"a","name":"Ann"}]}'
    )


def test_a_version_1_0_document_still_loads() -> None:
    """1.1 only added fields: a document written as 1.0 reads as before."""
    doc = '{"format":"debatekit","version":"1.0","speakers":[{"id":"a","name":"Ann"}]}'
    assert json.loads(doc) == debatekit.Transcript(speakers=[debatekit.Speaker(id="a", name="Ann")])


def test_times_and_dates_are_iso_and_seconds() -> None:
    """Dates are ISO 8601 strings; times are seconds, whole where possible."""
    import datetime as dt

    t = debatekit.Transcript(
        event=debatekit.Event(date=dt.date(2024, 3, 1)),
        speakers=[debatekit.Speaker(id="a", name="Ann")],
        body=[
            debatekit.Turn(
                id="u1",
                speaker_id="a",
                start=dt.timedelta(minutes=1, seconds=2),
                end=dt.timedelta(seconds=62, milliseconds=500),
            )
        ],
    )
    data = json.to_dict(t)
    assert data["event"] == {"date": "2024-03-01"}
    turn = {"type": "turn", "id": "u1", "speaker_id": "a", "start": 62, "end": 62.5}
    assert data["body"][0] == turn


def test_valid_files_read(tmp_path: Path) -> None:
    """Every file in tests/data/json/valid reads, and read() picks JSON by suffix."""
    files = sorted((DATA / "valid").glob("*.json"))
    assert files
    for path in files:
        transcript = debatekit.read(path)
        assert json.loads(json.dumps(transcript)) == transcript


@pytest.mark.parametrize("path", sorted((DATA / "invalid").glob("*.json")), ids=lambda p: p.stem)
def test_invalid_files_give_the_expected_message(path: Path) -> None:
    """Each file in tests/data/json/invalid fails with the exact message in its .err file."""
    # Syntax errors carry the standard library's message, which Python 3.13 reworded for
    # some errors (a trailing comma): a .py313.err file beside gives that version's.
    truth = path.with_suffix(".err")
    if sys.version_info >= (3, 13) and path.with_suffix(".py313.err").exists():
        truth = path.with_suffix(".py313.err")
    expected = truth.read_text(encoding="utf-8").rstrip("\n")
    with pytest.raises((ParseError, ValidationError)) as info:
        debatekit.read(path)
    message = str(info.value).replace(str(path), path.name)
    assert message == expected
    assert isinstance(info.value, debatekit.DebatekitError)


def test_parse_error_attributes() -> None:
    """A syntax error carries the source, line and column; a shape error carries the path."""
    with pytest.raises(ParseError) as info:
        json.loads('{\n  "format": "debatekit",\n  oops\n}', source="x.json")
    err = info.value
    assert (err.source, err.lineno, err.colno) == ("x.json", 3, 3)
    assert str(err) == "x.json:3:3: Expecting property name enclosed in double quotes"
    doc = '{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": 3}]}'
    with pytest.raises(ParseError) as info:
        json.loads(doc)
    assert info.value.path == "$.speakers[0].name"
    assert str(info.value) == "<string>: $.speakers[0].name: expected a string, got a number"


def test_errors_pickle() -> None:
    """Errors survive pickling (they cross process boundaries in parallel conversion)."""
    import pickle

    err = ParseError("bad", source="f.json", lineno=2, colno=5, path="$.x")
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.lineno) == (ParseError, str(err), 2)
    verr = ValidationError([debatekit.Problem("a", "b")])
    assert str(pickle.loads(pickle.dumps(verr))) == str(verr)


def test_bytes_with_bom_and_bad_utf8() -> None:
    """Bytes are decoded as UTF-8 with or without BOM; invalid bytes give the offset."""
    t = debatekit.Transcript()
    assert json.loads(b"\xef\xbb\xbf" + json.dumps(t).encode()) == t
    with pytest.raises(ParseError, match=r"invalid UTF-8 at byte 1"):
        json.loads(b"{\xff}")


def test_text_mode_files_are_refused() -> None:
    """load/dump want binary files and say how to open one."""
    with pytest.raises(TypeError, match=r"open\(path, 'rb'\)"):
        json.load(io.StringIO("{}"))
    with pytest.raises(TypeError, match=r"open\(path, 'wb'\)"):
        json.dump(debatekit.Transcript(), io.StringIO())


def test_dump_and_load_binary_files() -> None:
    """dump writes UTF-8 with a final newline; load reads it back."""
    buffer = io.BytesIO()
    t = datasets.load("us-mexico-2023")
    json.dump(t, buffer)
    assert buffer.getvalue().endswith(b"}\n")
    buffer.seek(0)
    assert json.load(buffer) == t


def test_deeply_nested_input_is_a_parse_error() -> None:
    """Pathologically nested JSON is refused with a ParseError, not a RecursionError."""
    with pytest.raises(ParseError):
        json.loads("[" * 100_000 + "]" * 100_000)


@pytest.mark.skipif(json.BACKEND != "orjson", reason="orjson is not installed")
@given(transcripts(max_turns=3))
def test_backends_write_the_same_text(transcript: debatekit.Transcript) -> None:
    """With orjson or the standard library, dumps writes the same data and reads it back;
    the text is the same too, but for how a time under 0.0001 s is spelled (1e-6, 1e-06)."""
    import unittest.mock

    fast = json.dumps(transcript), json.dumps(transcript, indent=None)
    with unittest.mock.patch.object(json, "_orjson_dumps", None):
        slow = json.dumps(transcript), json.dumps(transcript, indent=None)
        assert json.loads(fast[0]) == transcript
    assert [stdlib_json.loads(text) for text in fast] == [stdlib_json.loads(t) for t in slow]
    if "e-" not in "".join(slow):
        assert fast == slow


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ('{"format": "debatekit",\n "version": "1.0",,}', "<string>:2:19: Expecting property name"),
        ("[" * 100_000 + "]" * 100_000, "<string>: document nested too deeply"),
        ("[" * 900 + "]" * 900, "<string>: $: expected an object, got an array"),
    ],
)
def test_error_messages_do_not_depend_on_the_backend(doc: str, message: str) -> None:
    """Syntax errors carry the standard library's message and position with any backend."""
    with pytest.raises(ParseError) as info:
        json.loads(doc)
    assert str(info.value).startswith(message)


def test_dangling_references_are_located_parse_errors() -> None:
    """A transcript of the right shape with dangling references: one ParseError with the
    source and the JSON path of the first problem, every problem listed; strict= is taken
    by JSON as by every reader, and both modes raise."""
    doc = (
        '{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}],'
        ' "body": [{"type": "turn", "id": "u1", "speaker_id": "a"},'
        ' {"type": "turn", "id": "u2", "speaker_id": "zz"}],'
        ' "claims": [{"id": "c1", "turn_id": "u9", "start": 0, "end": 1, "text": "x"}]}'
    )
    for strict in (False, True):
        with pytest.raises(ParseError) as info:
            json.loads(doc, source="d.json", strict=strict)
        err = info.value
        assert not isinstance(err, ValidationError)
        assert (err.source, err.path) == ("d.json", "$.body[1].speaker_id")
        assert str(err).splitlines() == [
            "d.json: $.body[1].speaker_id: unknown speaker 'zz'",
            "  $.claims[0].turn_id: unknown turn 'u9'",
        ]


def test_common_turns_among_other_items_keep_their_places_and_paths() -> None:
    """Plain turns are built in bulk, other items one by one: the body keeps its order,
    and a bad plain turn after other items is still named by its own JSON path."""
    turn = '{{"type": "turn", "id": "{}", "speaker_id": "a", "paragraphs": ["Hi."]}}'
    items = [
        turn.format("u1"),
        '{"type": "incident", "kind": "kinesic", "text": "Applause"}',
        turn.format("u2"),
        '{"type": "turn", "id": "u3", "speaker_id": "a", "start": 1.5}',
        turn.format("u4"),
    ]
    head = '{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}]'
    loaded = json.loads(head + ', "body": [' + ", ".join(items) + "]}")
    assert [type(item).__name__ for item in loaded.body] == [
        "Turn",
        "Incident",
        "Turn",
        "Turn",
        "Turn",
    ]
    assert [t.id for t in loaded.turns] == ["u1", "u2", "u3", "u4"]
    assert json.loads(json.dumps(loaded)) == loaded
    items[4] = turn.format("4u")
    with pytest.raises(ParseError) as info:
        json.loads(head + ', "body": [' + ", ".join(items) + "]}")
    assert info.value.path == "$.body[4].id"


def test_a_long_body_names_the_bad_turn_and_shares_speaker_ids() -> None:
    """A body longer than the bulk path's chunks: turns without a label or paragraphs
    and with a null label load as the model says; equal speaker ids and labels are one
    string each; a bad turn deep inside is named by its own JSON path."""
    items = [
        {"type": "turn", "id": f"u{i}", "speaker_id": "ab"[i % 2], "paragraphs": [f"Turn {i}."]}
        for i in range(5000)
    ]
    items[7]["label"] = "Ms. A"
    items[9]["label"] = None
    del items[11]["paragraphs"]
    items[4000] = {"type": "incident", "kind": "kinesic", "text": "Applause"}
    doc = {
        "format": "debatekit",
        "version": "1.1",
        "speakers": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "body": items,
    }
    loaded = json.loads(stdlib_json.dumps(doc))
    assert len(loaded.turns) == 4999
    assert isinstance(loaded.body[4000], debatekit.Incident)
    assert loaded.body[4001].id == "u4001"
    assert (loaded.body[7].label, loaded.body[9].label, loaded.body[11].paragraphs) == (
        "Ms. A",
        None,
        (),
    )
    assert loaded.body[0].speaker_id is loaded.body[4998].speaker_id
    assert json.loads(json.dumps(loaded)) == loaded
    items[4321]["paragraphs"] = ["Fine.", " padded"]
    with pytest.raises(ParseError) as info:
        json.loads(stdlib_json.dumps(doc), source="long.json")
    assert str(info.value) == (
        "long.json: $.body[4321].paragraphs[1]: paragraph has leading or trailing whitespace"
    )
