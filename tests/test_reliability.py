"""Bad input and wrong API use give a clear error at the door, never later.

- The model refuses strings no file can hold (lone surrogates) and parts of the wrong
  type, with a ValidationError (a ValueError) that names each problem; nothing in the
  library validates with ``assert`` (which ``python -O`` removes).
- The JSON and AIF readers refuse a lone surrogate escape with a located ParseError
  (AIF's lenient mode: U+FFFD and a located warning).
- Every writer writes every transcript the model accepts, or refuses it with a
  DebatekitError: never an encoding error or another exception from deep inside.
- Public entry points given the wrong type raise TypeError with a clear message.
"""

from __future__ import annotations

import ast
import datetime as dt
import json as stdlib_json
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import debatekit
from debatekit import (
    Claim,
    DebatekitError,
    Event,
    Incident,
    ParseError,
    ParseWarning,
    Speaker,
    Transcript,
    Turn,
    ValidationError,
)

SRC = Path(__file__).parents[1] / "src" / "debatekit"
WRITERS = ["json", "tei", "text", "vtt", "srt", "aif", "html"]


# -- the model -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda s: Speaker(id="a", name=s), "name"),
        (lambda s: Speaker(id="a", name="A", aliases=[s]), "aliases[0]"),
        (lambda s: Speaker(id="a", name="A", meta={"k": s}), "meta['k']"),
        (lambda s: Turn(id="u", speaker_id="a", paragraphs=[s]), "paragraphs[0]"),
        (lambda s: Turn(id="u", speaker_id="a", paragraphs=["x"], label=s), "label"),
        (lambda s: Event(title=s), "title"),
        (lambda s: Event(credits=[s]), "credits[0]"),
        (lambda s: Incident(kind="note", text=s), "text"),
        (lambda s: Transcript(front=[s]), "front[0]"),
    ],
)
@pytest.mark.parametrize("surrogate", ["\ud800", "ok \udc80 ok"])
def test_the_model_refuses_lone_surrogates(build: object, where: str, surrogate: str) -> None:
    with pytest.raises(ValidationError, match="lone surrogate") as info:
        build(surrogate)  # type: ignore[operator]
    assert [p.path for p in info.value.problems] == [where]


def test_a_surrogate_pair_is_one_character_and_fine() -> None:
    """A character outside the BMP is one code point in Python: no surrogate at all."""
    turn = Turn(id="u", speaker_id="a", paragraphs=["smile \U0001f600"])
    assert "\U0001f600" in turn.text


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Transcript(body=[1]), "body[0]: expected Turn or Incident, got int"),
        (lambda: Transcript(speakers=["a"]), "speakers[0]: expected Speaker, got str"),
        (lambda: Transcript(claims=[None]), "claims[0]: expected Claim, got NoneType"),
        (lambda: Transcript(relations=[{}]), "relations[0]: expected Relation, got dict"),
        (lambda: Transcript(event="debate"), "event: expected Event, got str"),  # type: ignore[arg-type]
        (lambda: Turn(id="u", speaker_id="a", incidents=[3]), "incidents[0]: expected Incident"),
        (lambda: Turn(id="u", speaker_id="a", label=3), "label: expected a string, got int"),  # type: ignore[arg-type]
        (lambda: Event(title=3), "title: expected a string, got int"),  # type: ignore[arg-type]
        (lambda: Speaker(id="a", name="A", role=b"x"), "role: expected a string, got bytes"),  # type: ignore[arg-type]
        (lambda: Speaker(id="a", name="A", affiliations=["x"]), "affiliations[0]: expected"),
        (lambda: Speaker(id="a", name="A", meta=[1]), "meta: expected a mapping, got list"),  # type: ignore[arg-type]
        (
            lambda: Claim(id="c", turn_id="u", start=0, end=1, text="x", topics=[1]),
            "topics[0]: expected a string, got int",
        ),
    ],
)
def test_parts_of_the_wrong_type_are_a_validation_error(build: object, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()  # type: ignore[operator]
    assert isinstance(info.value, ValueError)
    assert message in str(info.value)


def test_no_assert_validates_anything_in_the_library() -> None:
    """``python -O`` removes asserts: no code in src may rely on one."""
    found = [
        f"{path.name}:{node.lineno}"
        for path in sorted(SRC.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assert)
    ]
    assert found == []


# -- the JSON readers --------------------------------------------------------------------

_MINIMAL = debatekit.json.dumps(
    Transcript(
        speakers=[Speaker(id="a", name="A")],
        body=[
            Turn(
                id="u1",
                speaker_id="a",
                paragraphs=["PLACEHOLDER"],
                start=dt.timedelta(0),
                end=dt.timedelta(seconds=1),
            )
        ],
    )
)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00", "x\\ud83dy", "\\ud800\\ud800"])
def test_json_refuses_a_lone_surrogate_with_a_located_parse_error(escape: str) -> None:
    data = _MINIMAL.replace("PLACEHOLDER", escape)
    with pytest.raises(ParseError, match="lone surrogate") as info:
        debatekit.json.loads(data, source="s.json")
    line = next(i for i, text in enumerate(data.splitlines(), 1) if "\\ud" in text)
    assert (info.value.source, info.value.lineno) == ("s.json", line)
    assert info.value.colno is not None


@pytest.mark.parametrize(
    "text", ["\\ud83d\\ude00", "\\\\ud800", "\\\\\\\\ud800", "\\u00e9", "\\udbff\\udfff"]
)
def test_json_reads_pairs_and_escaped_backslashes(text: str) -> None:
    """A proper pair is one character; ``\\\\ud800`` is a backslash and letters."""
    got = debatekit.json.loads(_MINIMAL.replace("PLACEHOLDER", text))
    assert got.turns[0].text == stdlib_json.loads(f'"{text}"')
    for format_ in WRITERS:  # and every writer can write it
        debatekit.dumps(got, format=format_).encode("utf-8")


def test_json_refuses_a_raw_lone_surrogate_in_a_str() -> None:
    with pytest.raises(ParseError, match="lone surrogate"):
        debatekit.json.loads(_MINIMAL.replace("PLACEHOLDER", "\ud800"))


def _aif(text: str) -> str:
    return (
        '{"nodes": [{"nodeID": "1", "text": "A: ' + text + '", "type": "L"}],'
        ' "edges": [], "locutions": [{"nodeID": "1", "personID": "1"}]}'
    )


def test_aif_strict_refuses_a_lone_surrogate_and_lenient_replaces_it() -> None:
    data = _aif("x \\udfff y")
    with pytest.raises(ParseError, match="lone surrogate") as info:
        debatekit.aif.loads(data, source="a.json", strict=True)
    assert (info.value.lineno, info.value.colno) == (1, data.index("\\udfff") + 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            got = debatekit.aif.loads(data, source="a.json")
        except DebatekitError:  # the graph may not map; the surrogate was still caught
            got = None
    messages = [str(w.message) for w in caught if issubclass(w.category, ParseWarning)]
    assert any("lone surrogate" in m and "replaced by U+FFFD" in m for m in messages)
    if got is not None:
        debatekit.json.dumps(got).encode("utf-8")


# -- every writer, every accepted string -------------------------------------------------

# Any text Hypothesis draws (every code point but surrogates: controls, NUL, RTL marks,
# non-characters...), cut to what each field accepts.
_ANY = st.text(max_size=12)
_LINE = _ANY.map(str.strip).filter(bool)
_PARAGRAPH = _LINE.filter(lambda s: "\n\n" not in s and "\n \n" not in s)


def _accepted(build: object) -> object:
    try:
        return build()  # type: ignore[operator]
    except ValidationError:
        return None


@st.composite
def wild_transcripts(draw: st.DrawFn) -> Transcript:
    """A small transcript whose every text, name and metadata string is arbitrary."""
    paragraph = draw(_PARAGRAPH)
    meta = draw(st.dictionaries(_LINE, _ANY, max_size=2))
    event = _accepted(
        lambda: Event(
            title=draw(st.none() | _ANY),
            description=draw(st.none() | _ANY),
            place=draw(st.none() | _ANY),
            credits=draw(st.lists(_ANY, max_size=2)),
            meta=meta,
        )
    )
    speaker = Speaker(
        id="s1",
        name=draw(_LINE),
        role=draw(st.none() | _ANY),
        aliases=draw(st.lists(_ANY, max_size=2)),
        meta=meta,
    )
    incident = Incident(kind="vocal", text=draw(st.none() | _ANY), offset=0, meta=meta)
    turn = Turn(
        id="u1",
        speaker_id="s1",
        paragraphs=[paragraph],
        label=draw(st.none() | _ANY),
        start=dt.timedelta(seconds=1),
        end=dt.timedelta(seconds=2),
        incidents=[incident],
        meta=meta,
    )
    claim = Claim(
        id="c1",
        turn_id="u1",
        start=0,
        end=len(paragraph),
        text=paragraph,
        note=draw(st.none() | _ANY),
    )
    return Transcript(
        event=event if isinstance(event, Event) else Event(),
        speakers=[speaker],
        body=[turn],
        claims=[claim],
        front=draw(st.lists(_PARAGRAPH, max_size=1)),
        meta=meta,
    )


@pytest.mark.parametrize("format_", WRITERS)
@given(transcript=wild_transcripts())
def test_every_writer_writes_every_accepted_string_or_refuses_clearly(
    format_: str, transcript: Transcript
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what a format cannot carry is reported
        try:
            text = debatekit.dumps(transcript, format=format_)
        except DebatekitError:
            return
    text.encode("utf-8")  # writable to a file


# -- wrong API use -----------------------------------------------------------------------


@pytest.mark.parametrize("format_", ["json", "aif", "text", "tei", "vtt", "srt"])
@pytest.mark.parametrize("wrong", [None, 3, ["a"], Path("x.json")])
def test_loads_of_something_not_a_document_is_a_type_error(format_: str, wrong: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        debatekit.loads(wrong, format=format_)  # type: ignore[arg-type]


@pytest.mark.parametrize("module", ["json", "aif"])
def test_a_reader_module_given_none_is_a_type_error(module: str) -> None:
    with pytest.raises(TypeError, match="got NoneType"):
        getattr(debatekit, module).loads(None)


def test_dumps_and_write_of_something_not_a_transcript_is_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"expected a debatekit\.Transcript, got dict"):
        debatekit.dumps({}, format="json")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expected a debatekit\.Transcript, got NoneType"):
        debatekit.write(None, tmp_path / "x.json")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_format_that_is_not_a_name_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="format must be a format name"):
        debatekit.loads("{}", format=["json"])  # type: ignore[arg-type]


@pytest.mark.parametrize("module", ["json", "aif", "html", "tei"])
def test_a_writer_given_something_not_a_transcript_is_a_type_error(module: str) -> None:
    with pytest.raises(TypeError, match="got NoneType"):
        getattr(debatekit, module).dumps(None)


@pytest.mark.parametrize("module", ["json", "aif", "tei", "text", "captions"])
def test_load_of_something_not_a_file_is_a_type_error(module: str) -> None:
    with pytest.raises(TypeError, match=r"expected a binary file object .* got str"):
        getattr(debatekit, module).load("debate.json")


def test_tei_loads_of_none_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes, got NoneType"):
        debatekit.tei.loads(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("wrong", "what"), [(None, "NoneType"), (5, "int"), ([3], "int")])
def test_corpus_open_of_something_not_a_path_is_a_type_error(wrong: object, what: str) -> None:
    with pytest.raises(TypeError, match=f"got {what}"):
        debatekit.corpus.open(wrong)  # type: ignore[arg-type]


# -- times every format can hold -----------------------------------------------------


def test_the_model_refuses_times_past_max_time() -> None:
    """Later times overflow arithmetic and lose microseconds in JSON (found by fuzzing:
    an SRT cue ending after 178,956,970 days did not survive JSON)."""
    from debatekit._rules import MAX_TIME

    late = MAX_TIME + dt.timedelta(microseconds=1)
    with pytest.raises(ValidationError, match="past the latest"):
        Turn(id="u", speaker_id="a", paragraphs=["x"], start=dt.timedelta(0), end=late)
    with pytest.raises(ValidationError, match="past the latest"):
        Incident(kind="note", time=late)
    with pytest.raises(ValidationError, match="expected a timedelta, got float"):
        Incident(kind="note", time=1.5)  # type: ignore[arg-type]
    turn = Turn(id="u", speaker_id="a", paragraphs=["x"], start=MAX_TIME, end=MAX_TIME)
    assert (
        debatekit.json.loads(
            debatekit.json.dumps(Transcript(speakers=[Speaker(id="a", name="A")], body=[turn]))
        ).turns[0]
        == turn
    )


@pytest.mark.parametrize("value", ["1e15", "1e10", "-1", "NaN", "Infinity", "-Infinity"])
def test_json_refuses_a_time_out_of_range_with_its_path(value: str) -> None:
    data = _MINIMAL.replace('"PLACEHOLDER"', '"x"').replace('"start": 0', f'"start": {value}')
    assert f'"start": {value}' in data
    with pytest.raises(ParseError, match=r"\$\.body\[0\]\.start: expected a number of seconds"):
        debatekit.json.loads(data, source="s.json")
