"""The rules every format shares (debatekit._rules), and that the model follows them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debatekit import Speaker, Turn, ValidationError
from debatekit._rules import (
    BLANK_LINE,
    MAX_TIME,
    STAGE_VOCABULARY,
    are_ncnames,
    format_clock,
    is_blank,
    is_ncname,
    mint_speaker_id,
    parse_clock,
    stage_direction,
    to_ncname,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a", True),
        ("_a", True),
        ("a·b", True),  # U+00B7 is a NameChar
        ("é-1.2", True),
        ("a\u0301", True),  # combining marks are NameChars
        ("x\u203fy", True),
        ("²x", False),  # U+00B2 is a digit to \w but no NameStartChar
        ("1a", False),
        ("-a", False),
        (".a", False),
        ("a:b", False),  # NCName: no colon
        ("a b", False),
        ("", False),
        ("a\u00d7b", False),  # the multiplication sign sits between two name ranges
        ("\u0300a", False),
    ],
)
def test_ncname_is_the_namespaces_spec(text: str, expected: bool) -> None:
    assert is_ncname(text) is expected


def test_the_model_takes_exactly_the_ncnames() -> None:
    assert Speaker(id="a·b", name="A").id == "a·b"
    with pytest.raises(ValidationError, match="NCName"):
        Speaker(id="²x", name="A")


_NAMES = st.one_of(
    st.sampled_from(
        [
            "a",
            "u1",
            "a·b",
            "²x",
            "1a",
            "",
            "a:b",
            "é",
            "x\u203fy",
            "a b",
            "a\nb",
            "\n",
            "a-b.c",
            "-a",
            ".a",
            "a-",
            "_.-",
            "9",
        ]
    ),
    st.text(max_size=4),
    st.integers(),
    st.none(),
)


@given(st.lists(_NAMES, max_size=6))
def test_many_ncnames_at_once_as_one_at_a_time(texts: list[object]) -> None:
    """are_ncnames (the bulk check of a body's turn ids) says what is_ncname says of
    each, and refuses anything that is not a str."""
    one_by_one = all(isinstance(t, str) and is_ncname(t) for t in texts)
    assert are_ncnames(texts) is one_by_one


@given(st.text(max_size=12))
def test_to_ncname_always_gives_an_ncname(text: str) -> None:
    result = to_ncname(text, "x")
    assert is_ncname(result)
    if is_ncname(text):
        assert result == text


@given(st.text(max_size=20), st.sets(st.sampled_from(["perez", "speaker", "s-1", "a"])))
def test_minted_speaker_ids_are_fresh_ncnames(name: str, taken: set[str]) -> None:
    minted = mint_speaker_id(name, taken)
    assert is_ncname(minted)
    assert minted not in taken
    assert not minted.startswith("u") or not minted[1:].isdigit()


def test_one_speaker_id_scheme() -> None:
    assert mint_speaker_id("JOSÉ PÉREZ", set()) == "perez"
    assert mint_speaker_id("José Pérez", {"perez"}) == "jose-perez"
    assert mint_speaker_id("José Pérez", {"perez", "jose-perez"}) == "jose-perez-2"
    assert mint_speaker_id("Vanda Felbab-Brown", set()) == "felbab-brown"
    assert mint_speaker_id("Shannon O’Neil", set()) == "oneil"
    assert mint_speaker_id("U2", set()) == "s-u2"
    assert mint_speaker_id("2Pac", set()) == "s-2pac"
    assert mint_speaker_id("…", set()) == "speaker"


@pytest.mark.parametrize("line", ["", " ", "\t", "\u00a0", "\u3000 ", "\f"])
def test_blank_lines(line: str) -> None:
    assert is_blank(line)
    assert BLANK_LINE.search(f"a\n{line}\nb")


def test_a_no_break_space_line_splits_a_paragraph_everywhere() -> None:
    """A line of only a no-break space is blank for the model as for the text reader."""
    with pytest.raises(ValidationError, match="blank line"):
        Turn(id="u1", speaker_id="a", paragraphs=["one\n\u00a0\ntwo"])


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:02", 62),
        ("01:02:03", 3723),
        ("00:00:01,250", 1.25),
        ("75:30", 4530),
        ("0:00:00.123456789", 0.123456),
        ("99999:00:00", MAX_TIME.total_seconds()),
    ],
)
def test_clock_times(text: str, seconds: float) -> None:
    value = parse_clock(text)
    assert value is not None
    assert value.total_seconds() == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text", ["1:60", "1:75:00", "99999999999999999999:00:00", "100000:00:00", "x", "1:2"]
)
def test_not_clock_times(text: str) -> None:
    assert parse_clock(text) is None


def test_clock_formatting() -> None:
    assert format_clock(dt.timedelta(seconds=62)) == "00:01:02"
    assert format_clock(dt.timedelta(seconds=62.5)) == "00:01:02.500"
    assert format_clock(dt.timedelta(seconds=1), sep=",", millis=True) == "00:00:01,000"
    assert format_clock(MAX_TIME) == "99999:00:00"


def test_short_clock_formatting() -> None:
    """The form shown to readers (the HTML view): no empty hours, no leading zero."""
    assert format_clock(dt.timedelta(seconds=245), short=True) == "4:05"
    assert format_clock(dt.timedelta(seconds=3723.5), short=True) == "1:02:03.500"
    # Rounded as a whole: 59.9996 s is one minute, not "0:59.1000".
    assert format_clock(dt.timedelta(seconds=59.9996), short=True) == "1:00"


@given(
    st.integers(min_value=0, max_value=MAX_TIME // dt.timedelta(milliseconds=1)),
    st.booleans(),
)
def test_clock_round_trip(millis: int, short: bool) -> None:
    value = dt.timedelta(milliseconds=millis)
    assert parse_clock(format_clock(value, short=short)) == value


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Applause", ("kinesic", "applause")),
        ("BOOING", ("vocal", "booing")),
        ("Beifall bei der SPD und dem BÜNDNIS 90/DIE GRÜNEN", ("kinesic", "applause")),
        ("Zuruf von der AfD: Unsinn!", ("vocal", "interjection")),
        ("Heiterkeit", ("vocal", "laughter")),
        ("Applaudissements sur les bancs du groupe RE", ("kinesic", "applause")),
        ("Rires.", ("vocal", "laughter")),
        ("music", ("incident", "music")),
        ("with either Mexico or China", None),
        ("", None),
    ],
)
def test_stage_vocabulary(content: str, expected: tuple[str, str] | None) -> None:
    assert stage_direction(content) == expected


def test_vocabulary_keys_are_folded_words() -> None:
    assert all(key == key.casefold() and " " not in key for key in STAGE_VOCABULARY)
