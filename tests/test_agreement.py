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

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import debatekit
from debatekit import DebatekitError, ParseWarning, Speaker, Transcript, Turn, ValidationError
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
    if "\r" not in text:  # test_white_space_survives_or_is_refused[text-carriage\rreturn]
        _check(t, "text", keeps_ids=False)


TEXT_CR = (
    "text.dumps writes a carriage return inside a paragraph as it is, and text.loads reads "
    "it as a line break (classic Mac files): the transcript comes back changed, with the "
    "warning 'no speaker labels found' (owner: text)"
)
TEXT_IDS = (
    "text.dumps writes only the speaker's name and the turn's text; text.loads mints the "
    "ids again (speaker 'a·b' named 'Ann Lee' comes back as 'lee', turn 'é' as 'u1'), "
    "silently, with no LossWarning (owner: text)"
)
IDS = ["a·b", "é", "_x-1.2", "x\u0301", "ꙮ", "𐀀x", "A.b-c_d"]


def _xfail_text(format_: str, reason: str) -> pytest.MarkDecorator | tuple[()]:
    return pytest.mark.xfail(strict=True, reason=reason) if format_ == "text" else ()


@pytest.mark.parametrize(
    ("format_", "text"),
    [
        pytest.param(
            f, text, marks=_xfail_text(f, TEXT_CR) if "\r" in text else (), id=f"{f}-{text!r}"
        )
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
    (a DebatekitError from the writer) before anything is written."""
    t = _transcript("s", "u1", text)
    assert t is not None
    _check(t, format_, keeps_ids=False)


@pytest.mark.parametrize(
    ("format_", "id_"),
    [
        pytest.param(f, id_, marks=_xfail_text(f, TEXT_IDS), id=f"{f}-{id_!r}")
        for f in ("tei", "text")
        for id_ in IDS
    ],
)
def test_ids_survive(format_: str, id_: str) -> None:
    """Every NCName id, as a speaker's and as a turn's, comes back from TEI and plain text
    as it went in."""
    for t in (_transcript(id_, "u1", "Hello."), _transcript("s", id_, "Hello.")):
        assert t is not None
        _check(t, format_)
