"""The shortcuts of the TEI -> text conversion hold to the general rules they skip.

``Turn._parsed`` builds the TEI reader's common turns with only the checks the document
decides (the reader vouches for the rest): on every real file, each turn and incident
the reader builds passes the model's full check, and for any values under its contract
it builds what ``Turn(...)`` builds, or nothing where that refuses. The text writer's
line filter (``special_free``) agrees with the full patterns it stands for, and
``adopt`` gives the mapping ``frozen_mapping`` gives.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from debatekit import DebatekitError, Turn, ValidationError, tei
from debatekit import _model_turns as models
from debatekit._frozendict import EMPTY, adopt, frozen_mapping
from debatekit._tei_common import normalize
from debatekit._text_lex import _SPECIAL_LINE, _SPECIAL_NEXT, special_free

DATA = Path(__file__).parent / "data"
#: Every real TEI file the tests hold (sessions, samples, .ana, TEI examples); those
#: that are no transcript (corpus roots, lists) are refused by the reader and skipped.
REAL_FILES = sorted(
    path
    for folder in ("parlamint", "parlamint-ana", "parlamint-samples", "tei")
    for path in (DATA / folder).rglob("*.xml")
)


def _read(path: Path, low_memory: bool) -> list[object] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with path.open("rb") as fp:
                transcript = tei.load(fp, source=str(path), low_memory=low_memory)
        except DebatekitError:
            return None
    return list(transcript.body)


def test_the_reader_builds_parsed_turns_that_pass_the_full_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[Turn] = []
    parsed = Turn._parsed.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Turn], *args: object) -> Turn | None:
        turn = parsed(cls, *args)
        if turn is not None:
            built.append(turn)
        return turn  # type: ignore[no-any-return]

    monkeypatch.setattr(Turn, "_parsed", classmethod(counted))
    read = 0
    for path in REAL_FILES:
        for low_memory in (False, True):
            body = _read(path, low_memory)
            if body is None:
                continue
            read += 1
            for item in body:
                item._check_all()  # type: ignore[attr-defined]  # (raises on any problem)
                for incident in getattr(item, "incidents", ()):
                    incident._check_all()
    assert read >= 40  # (the sessions, samples and examples were read)
    assert len(built) >= 50  # (most of their turns, the trusted way)
    for turn in built:
        turn._check_all()
        assert turn == attrs.evolve(turn)  # (the general __init__ builds the same)


# What the contract of Turn._parsed lets through: strings an XML parser gives (no lone
# surrogate, none of the control characters XML forbids), paragraphs normalised and
# non-empty, a speaker id already checked.
_XML_TEXT = st.text(
    st.characters(
        blacklist_categories=["Cs"],
        blacklist_characters="".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])),
    ),
    max_size=8,
)
_SOME_TEXT = st.one_of(
    st.sampled_from(["Hello.", "\u00a0lead", "trail\u2003", "a  b", " x ", "\u3000"]),
    _XML_TEXT,
)
_PARAGRAPHS = st.lists(_SOME_TEXT.map(normalize).filter(bool), max_size=3).map(tuple)
_IDS = st.one_of(st.sampled_from(["u1", "S.u3", "a·b", "1a", "", "x y", "é"]), _XML_TEXT)
_METAS = st.dictionaries(
    st.one_of(st.sampled_from(["ana", "", "seg-ids"]), _XML_TEXT), _XML_TEXT, max_size=3
)


@given(_IDS, _PARAGRAPHS, st.one_of(st.none(), _XML_TEXT), _METAS)
def test_parsed_turns_are_the_turns_init_would_build(
    id_: str, paragraphs: tuple[str, ...], label: str | None, meta: dict[str, str]
) -> None:
    fast = Turn._parsed(id_, "p1", paragraphs, label, frozen_mapping(meta))
    try:
        slow = Turn(id=id_, speaker_id="p1", paragraphs=paragraphs, label=label, meta=meta)
    except ValidationError:
        assert fast is None
        return
    assert fast is not None  # (nothing the contract lets through is refused needlessly)
    assert fast == slow
    assert attrs.asdict(fast) == attrs.asdict(slow)


_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            ["A: x", "Q", "- x", "Mr Smith - yes", "Ann – yes", "(Laughter)", "[x]", " ", "\\"]
        ),
        st.text(st.sampled_from("aZQA :-–(#*_\\\t\u00a0x"), max_size=6),
    ),
    max_size=4,
).map("\n".join)


@given(_LINES)
def test_the_line_filter_shortcut_agrees_with_the_full_patterns(text: str) -> None:
    full = _SPECIAL_LINE.match(text) is None and _SPECIAL_NEXT.search(text) is None
    assert special_free(text) is full


@given(st.dictionaries(_XML_TEXT, _XML_TEXT, max_size=3))
def test_an_adopted_dict_is_the_frozen_mapping_of_it(data: dict[str, str]) -> None:
    frozen = frozen_mapping(data)
    adopted = adopt(dict(data))
    assert adopted == frozen
    assert hash(adopted) == hash(frozen)
    assert type(adopted) is type(frozen)
    assert (adopted is EMPTY) is (not data)
    with pytest.raises(TypeError):
        adopted["x"] = "y"  # type: ignore[index]


def test_the_parsed_path_checks_what_the_document_decides() -> None:
    assert Turn._parsed("S.u1", "p1", ("Hello.",), None, EMPTY) is not None
    assert Turn._parsed("1bad", "p1", ("Hello.",), None, EMPTY) is None  # no NCName
    assert Turn._parsed("u1", "p1", ("Hello.\u00a0",), None, EMPTY) is None  # edge space
    assert Turn._parsed("u1", "p1", ("x",), None, frozen_mapping({"": "v"})) is None
    assert models.Turn._set("u1", "p1", ("x",), None, EMPTY) == Turn(
        id="u1", speaker_id="p1", paragraphs=("x",)
    )
