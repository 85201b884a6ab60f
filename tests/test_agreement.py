"""The model, JSON, TEI, plain text and captions agree on ids and white space (#11).

One rule for each (``debatekit._rules``): an id is an XML NCName; a line of only white
space is blank, and a blank line ends a paragraph. The model accepts exactly the ids the
rule accepts, refuses a paragraph with a blank line inside, and every format then gives
the same ids and the same text back, or refuses the transcript up front with a clear
error; none changes it silently.
"""

from __future__ import annotations

import datetime as dt
import warnings

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import debatekit
from debatekit import (
    DebatekitError,
    LossWarning,
    ParseWarning,
    Speaker,
    Transcript,
    Turn,
    ValidationError,
)
from debatekit._rules import BLANK_LINE, is_ncname

# White space a transcript really holds, and some that only looks like it.
TRICKY = " \u00a0\t\u2028\u2029\f\v\u3000\u2009\u200b\x85\x1c\r"
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters from every range of the NCName rule (and around them); the id is kept when
# the rule says it is one.
_RANGES = [(0x41, 0x7A), (0xB7, 0x37F), (0x370, 0x2000), (0x2070, 0x218F), (0x203F, 0x2040)]
_RANGES += [(0x3001, 0xD7FF), (0xF900, 0xFFFD), (0x10000, 0xEFFFF)]
_chars = st.one_of(
    st.sampled_from("_-.0123456789·"),
    *(st.characters(min_codepoint=a, max_codepoint=b) for a, b in _RANGES),
)
ncnames = st.text(_chars, min_size=1, max_size=8).filter(is_ncname)
some_ids = st.one_of(
    ncnames,
    st.sampled_from(["a·b", "é", "_x-1.2", "x\u0301", "ꙮ", "𐀀x"]),  # non-ASCII NCNames
)
words = st.text(
    st.characters(categories=("L", "N"), exclude_characters="\x00"), min_size=1, max_size=5
)
# Lines of words with tricky white space between them (and lines of only white space).
lines = st.lists(
    st.tuples(words, st.sampled_from(TRICKY)).map("".join), min_size=1, max_size=4
).map("".join)
paragraphs = st.lists(st.one_of(lines, st.sampled_from(TRICKY)), min_size=1, max_size=3).map(
    "\n".join
)


@FEW
@given(st.text(max_size=8))
@example("a·b")
@example("²x")
@example("a:b")
@example("")
def test_the_model_accepts_exactly_the_ncnames(value: str) -> None:
    """A speaker id (and every other id) is accepted exactly when it is an NCName."""
    try:
        Speaker(id=value, name="Ann")
    except ValidationError:
        assert not is_ncname(value)
    else:
        assert is_ncname(value)


def _transcript(speaker_id: str, turn_id: str, text: str) -> Transcript | None:
    """The transcript, or ``None`` where the model refuses the text: only a paragraph
    that is empty, has white space at its ends, or a blank line inside."""
    try:
        turn = Turn(
            id=turn_id,
            speaker_id=speaker_id,
            paragraphs=[text],
            start=dt.timedelta(seconds=1),
            end=dt.timedelta(seconds=2),
        )
    except ValidationError:
        assert not text.strip() or text != text.strip() or BLANK_LINE.search(text)
        return None
    assert text.strip()
    assert text == text.strip()
    assert not BLANK_LINE.search(text)
    return Transcript(speakers=[Speaker(id=speaker_id, name="Ann Lee")], body=[turn])


def _round_trip(t: Transcript, format_: str) -> Transcript | None:
    """``t`` written and read back, or ``None`` if the writer refuses it up front."""
    try:
        written = debatekit.dumps(t, format=format_)
    except DebatekitError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)  # a silent change would warn
        return debatekit.loads(written, format=format_)


def _check(t: Transcript, format_: str, *, keeps_ids: bool = True) -> None:
    back = _round_trip(t, format_)
    if back is None:
        return
    assert [turn.text for turn in back.turns] == [turn.text for turn in t.turns]
    if keeps_ids:
        assert [s.id for s in back.speakers] == [s.id for s in t.speakers]
        assert [turn.id for turn in back.turns] == [turn.id for turn in t.turns]
    assert [s.name for s in back.speakers] == [s.name for s in t.speakers]


@FEW
@given(speaker_id=some_ids, turn_id=some_ids, text=paragraphs)
@example(speaker_id="a·b", turn_id="u1", text="tab\there\nno-break\u00a0space")
def test_formats_keep_ids_and_text(speaker_id: str, turn_id: str, text: str) -> None:
    """JSON gives the same transcript; TEI the same ids and text; WebVTT the same text and
    speaker (captions have no ids: they are minted from names); plain text the same text
    (its ids: see test_ids_survive)."""
    if speaker_id == turn_id:
        return
    t = _transcript(speaker_id, turn_id, text)
    if t is None:
        return
    assert debatekit.json.loads(debatekit.json.dumps(t)) == t
    _check(t, "tei")
    _check(t, "vtt", keeps_ids=False)
    if "\r" not in text:  # written as a line break: test_white_space_survives_or_is_refused
        _check(t, "text", keeps_ids=False)


IDS = ["a·b", "é", "_x-1.2", "x\u0301", "ꙮ", "𐀀x", "A.b-c_d"]


@pytest.mark.parametrize(
    ("format_", "text"),
    [
        pytest.param(f, text, id=f"{f}-{text!r}")
        for f in ("tei", "text", "vtt", "srt")
        for text in (
            "tab\there",
            "no-break\u00a0space",
            "line\u2028separator",
            "paragraph\u2029separator",
            "two\nlines",
            "two\n\tindented",
            "form\ffeed",
            "vertical\vtab",
            "carriage\rreturn",
            "info\x1cseparator",
            "next\x85line",
            "zero\u200bwidth",
            "ideographic\u3000space",
        )
    ],
)
def test_white_space_survives_or_is_refused(format_: str, text: str) -> None:
    """Each tricky white space, one format at a time: the same text back, or a refusal
    (a DebatekitError from the writer) before anything is written. Plain text has no
    carriage return inside a line: it writes one as a line break and says so."""
    t = _transcript("s", "u1", text)
    assert t is not None
    if format_ == "text" and "\r" in text:
        assert "carriage return (written as a line break)" in _text_losses(t)
        back = debatekit.text.loads(debatekit.text.dumps(t))
        assert [turn.text for turn in back.turns] == [text.replace("\r", "\n")]
        return
    _check(t, format_, keeps_ids=False)


def _text_losses(t: Transcript) -> dict[str, tuple[str, ...]]:
    """What the LossWarning of ``text.dumps(t)`` names: each loss (singular) -> names."""
    with pytest.warns(LossWarning) as caught:
        debatekit.text.dumps(t)
    assert len(caught) == 1
    message = caught[0].message
    assert isinstance(message, LossWarning)
    return {loss.one: loss.names for loss in message.losses}


def _check_text_ids(t: Transcript) -> None:
    """Plain text gives back the ids its reader mints again (speakers' from their names,
    turns numbered u1, u2, ...); the LossWarning names every other one."""
    named = _text_losses(t)
    back = _round_trip(t, "text")
    assert back is not None
    changed = [a.id for a, b in zip(t.speakers, back.speakers, strict=True) if a.id != b.id]
    assert list(named.get("speaker id", ())) == changed
    changed = [a.id for a, b in zip(t.turns, back.turns, strict=True) if a.id != b.id]
    assert list(named.get("turn id", ())) == changed


@pytest.mark.parametrize(
    ("format_", "id_"),
    [pytest.param(f, id_, id=f"{f}-{id_!r}") for f in ("tei", "text") for id_ in IDS],
)
def test_ids_survive(format_: str, id_: str) -> None:
    """Every NCName id, as a speaker's and as a turn's, comes back from TEI as it went
    in; from plain text where its reader mints the same id, and otherwise the writer's
    LossWarning names it."""
    for t in (_transcript(id_, "u1", "Hello."), _transcript("s", id_, "Hello.")):
        assert t is not None
        if format_ == "text":
            _check_text_ids(t)
        else:
            _check(t, format_)


@pytest.mark.parametrize("speaker_id", ["lee", "a·b", "x\u0301"])
def test_text_carries_ids_in_labels_that_need_them(speaker_id: str) -> None:
    """Two speakers of one name get their ids in their labels (``Ann Lee {#a·b}:``), any
    NCName: those ids come back, and the warning names none."""
    ann = Speaker(id=speaker_id, name="Ann Lee")
    other = Speaker(id="ꙮ", name="Ann Lee")
    t = Transcript(
        speakers=[ann, other],
        body=[
            Turn(id="u1", speaker_id=ann.id, paragraphs=["Hello."]),
            Turn(id="u2", speaker_id=other.id, paragraphs=["Hi."]),
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        written = debatekit.text.dumps(t)
    assert f"{{#{speaker_id}}}:" in written
    back = debatekit.text.loads(written)
    assert [s.id for s in back.speakers] == [speaker_id, "ꙮ"]
    assert [turn.speaker_id for turn in back.turns] == [speaker_id, "ꙮ"]


def test_ids_the_reader_mints_again_need_no_warning() -> None:
    """Text read and written again: every id is one the reader mints, nothing is named;
    a turn id changed since is named."""
    source = "Ann Lee: Hello.\n\nBob Roe: Hi.\n\nAnn Lee: Bye.\n"
    t = debatekit.text.loads(source)
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        assert debatekit.text.dumps(t) == source
    renamed = attrs.evolve(t, body=[attrs.evolve(t.turns[0], id="intro"), *t.body[1:]])
    assert _text_losses(renamed) == {"turn id": ("intro",)}
