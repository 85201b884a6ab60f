"""The checked fast paths that build model objects directly agree with the general way."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from debatekit import Turn, ValidationError
from debatekit import _model_turns as models

_IDS = st.one_of(st.sampled_from(["u1", "a·b", "²x", "1a", "", "x y", "é"]), st.text(max_size=4))
_PARAGRAPHS = st.lists(
    st.one_of(
        st.sampled_from(["Hello.", " lead", "trail ", "a\n\u00a0\nb", "a\nb", ""]),
        st.text(max_size=8),
    ),
    max_size=3,
).map(tuple)
_LABELS = st.one_of(st.none(), st.text(max_size=5), st.integers())


def test_the_setters_follow_the_fields() -> None:
    assert tuple(a.name for a in attrs.fields(Turn)) == models._TURN_FIELDS


@given(_IDS, _IDS, _PARAGRAPHS, _LABELS)
def test_plain_turns_are_the_turns_init_would_build(
    id_: str, speaker: str, paragraphs: tuple[str, ...], label: object
) -> None:
    fast = Turn._plain(id_, speaker, paragraphs, label)
    try:
        slow = Turn(id=id_, speaker_id=speaker, paragraphs=paragraphs, label=label)  # type: ignore[arg-type]
    except (ValidationError, TypeError):
        assert fast is None
        return
    if fast is not None:
        assert fast == slow
        assert hash(fast) == hash(slow)
        assert fast.text == slow.text
        assert attrs.asdict(fast) == attrs.asdict(slow)


def test_plain_turns_stay_frozen() -> None:
    turn = Turn._plain("u1", "a", ("Hi.",), None)
    assert turn is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        turn.id = "u2"  # type: ignore[misc]


@given(st.lists(st.tuples(_IDS, _IDS, _PARAGRAPHS, _LABELS), max_size=4))
def test_plain_turns_in_bulk_are_the_turns_init_would_build(
    rows: list[tuple[str, str, tuple[str, ...], object]],
) -> None:
    fast = models._plain_turns(rows)
    try:
        slow = [
            Turn(id=i, speaker_id=s, paragraphs=p, label=label)  # type: ignore[arg-type]
            for i, s, p, label in rows
        ]
    except (ValidationError, TypeError):
        assert fast is None
        return
    if fast is not None:
        assert fast == slow
        assert [attrs.asdict(t) for t in fast] == [attrs.asdict(t) for t in slow]


def test_the_bulk_defaults_follow_the_fields() -> None:
    turn = models._plain_turns([("u1", "a", ("Hi.",), None)])
    assert turn is not None
    assert turn[0] == Turn(id="u1", speaker_id="a", paragraphs=["Hi."])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        turn[0].label = "A"  # type: ignore[misc]
