"""The checked fast paths that build model objects directly agree with the general way."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debatekit import Entity, Incident, Sentence, Token, Turn, ValidationError
from debatekit import _converter as converters
from debatekit import _linguistic as linguistic
from debatekit import _model_build as builds
from debatekit import _model_turns as models
from debatekit._frozendict import dicts, frozen_mapping
from debatekit._rules import MAX_TIME

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
    assert tuple(a.name for a in attrs.fields(Incident)) == builds._INCIDENT_FIELDS


def test_a_readers_incident_is_the_incident_init_would_build() -> None:
    """``_read_incident`` sets the fields of a stage direction a reader takes out of a
    paragraph; a kind outside the vocabulary is refused as ``Incident`` refuses it."""
    meta = frozen_mapping({"text:before": " "})
    fast = builds._read_incident("vocal", "laughter", "LAUGHTER", "(LAUGHTER)", 3, meta)
    slow = Incident(
        kind="vocal", subtype="laughter", text="LAUGHTER", printed="(LAUGHTER)", offset=3, meta=meta
    )
    assert fast == slow
    assert attrs.asdict(fast) == attrs.asdict(slow)
    fast._check_all()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.offset = 4  # type: ignore[misc]
    with pytest.raises(ValidationError, match="unknown kind"):
        builds._read_incident("noise", None, "x", "(x)", 0, frozen_mapping({}))  # type: ignore[arg-type]


_METAS = st.one_of(
    st.just({}),
    st.dictionaries(
        st.one_of(st.sampled_from(["ana", "", "x\ud800"]), st.text(max_size=3)),
        st.one_of(st.sampled_from(["#regular", "", "\udc00"]), st.text(max_size=3)),
        max_size=2,
    ),
)


@given(_IDS, _IDS, _PARAGRAPHS, _LABELS, _METAS)
def test_plain_turns_are_the_turns_init_would_build(
    id_: str, speaker: str, paragraphs: tuple[str, ...], label: object, meta: dict[str, str]
) -> None:
    fast = Turn._plain(id_, speaker, paragraphs, label, frozen_mapping(meta))
    try:
        slow = Turn(id=id_, speaker_id=speaker, paragraphs=paragraphs, label=label, meta=meta)  # type: ignore[arg-type]
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
    columns = [[row[i] for row in rows] for i in range(4)]
    fast = builds._plain_turns(*columns)
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


_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            ["Hello.", " lead", "trail ", "a\n\u00a0\nb", "a\nb", "", "é\ud800", "x\n"]
        ),
        st.text(max_size=6),
        st.integers(),
    ),
    max_size=7,
)


@given(_TEXTS)
def test_texts_checked_together_as_one_at_a_time(texts: list[object]) -> None:
    """_good_texts (paragraphs checked a chunk at a time, joined) agrees with
    _good_text on each, across chunk boundaries too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builds, "_TEXTS_AT_ONCE", 2)
        assert builds._good_texts(texts) is all(map(models._good_text, texts))


_TIMES = st.one_of(
    st.none(),
    st.integers(-2, 5).map(lambda seconds: dt.timedelta(seconds=seconds)),
    st.sampled_from([MAX_TIME, MAX_TIME + dt.timedelta(seconds=1), 3]),
)


_INCIDENTS = st.one_of(
    st.lists(
        st.builds(
            Incident, kind=st.just("vocal"), offset=st.integers(0, 7), length=st.integers(0, 1)
        ),
        max_size=3,
    ).map(tuple),
    st.sampled_from([("not an incident",), (Incident(kind="vocal"),)]),
)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["Hello.", "Hi there."]), min_size=1, max_size=3).map(tuple),
    _TIMES,
    _TIMES,
    _INCIDENTS,
)
def test_a_turn_the_fast_check_takes_passes_the_full_check(
    paragraphs: tuple[str, ...], start: object, end: object, incidents: tuple[Incident, ...]
) -> None:
    """Times and incidents go through the fast check too (a text reader's turns have
    them): whatever it takes, the full check takes."""
    try:
        turn = Turn(
            id="u1",
            speaker_id="a",
            paragraphs=paragraphs,
            start=start,  # type: ignore[arg-type]
            end=end,  # type: ignore[arg-type]
            incidents=incidents,
        )
    except (ValidationError, TypeError):
        return
    turn._check_all()  # raises where the fast check let a problem through


# One field of a good incident made bad (or none): each value the full check refuses.
_BAD_INCIDENT_FIELDS: dict[str, list[object]] = {
    "kind": ["nonsense", 3],
    "text": ["x\ud800", 1],
    "subtype": ["\udc00", b"x"],
    "printed": ["(\ud800)", 2],
    "offset": [-1, "1"],
    "length": [-1, 1],
    "id": ["1n", ""],
    "time": [dt.timedelta(seconds=-1), 5],
    "meta": [{"": "x"}, {"k": 1}],
}


@settings(max_examples=300)
@given(
    st.one_of(
        st.just(None),
        st.sampled_from(sorted(_BAD_INCIDENT_FIELDS)).flatmap(
            lambda name: st.tuples(st.just(name), st.sampled_from(_BAD_INCIDENT_FIELDS[name]))
        ),
    ),
    st.one_of(st.none(), st.integers(0, 3)),
    st.sampled_from([{}, {"text:before": " "}]),
)
def test_an_incident_the_fast_check_takes_passes_the_full_check(
    bad: tuple[str, object] | None, offset: int | None, meta: dict[str, str]
) -> None:
    fields: dict[str, object] = {
        "kind": "vocal",
        "text": "LAUGHTER",
        "printed": "(LAUGHTER)",
        "offset": offset,
        "meta": meta,
    }
    if bad is not None:
        fields[bad[0]] = bad[1]
    try:
        incident = Incident(**fields)  # type: ignore[arg-type]
    except (ValidationError, TypeError):
        return
    incident._check_all()  # raises where the fast check let a problem through


def test_the_bulk_defaults_follow_the_fields() -> None:
    turn = builds._plain_turns(["u1"], ["a"], [("Hi.",)], [None])
    assert turn is not None
    assert turn[0] == Turn(id="u1", speaker_id="a", paragraphs=["Hi."])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        turn[0].label = "A"  # type: ignore[misc]


_BODY_ITEMS = st.one_of(
    st.fixed_dictionaries(
        {"type": st.just("turn"), "id": _IDS, "speaker_id": st.sampled_from(["a", "b", "1b"])},
        optional={
            "paragraphs": st.one_of(
                st.lists(st.sampled_from(["Hi.", "Yes.", " x", ""])), st.text()
            ),
            "label": st.one_of(st.none(), st.sampled_from(["A", "B", "a\ud800"]), st.integers()),
            "start": st.just(1.5),
            "bogus": st.just(1),
        },
    ),
    st.sampled_from(
        [
            {"type": "incident", "kind": "kinesic", "text": "Applause"},
            {"type": "incident", "kind": "nonsense"},
            {"type": "turn"},
            {"type": ["turn"], "id": "u1", "speaker_id": "a"},
            {"type": "other"},
            {},
            3,
            None,
        ]
    ),
)


@given(st.lists(_BODY_ITEMS, max_size=8))
def test_bodies_in_bulk_are_the_bodies_item_by_item(items: list[object]) -> None:
    """The body built a chunk at a time, common turns a column at a time, is the body
    the general hook builds item by item; where that fails, the bulk path does too
    (then the converter reports each problem through the general path)."""
    structure = converters.converter.get_structure_hook(converters.BodyItem)
    try:
        slow: list[object] | None = [structure(item, converters.BodyItem) for item in items]
    except Exception:
        slow = None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(converters, "_CHUNK", 3)
        try:
            fast = converters._plain_body(items, structure)
        except Exception:
            fast = None
        if slow is None:
            assert fast is None
            with pytest.raises(Exception):  # noqa: B017, PT011 - cattrs' own error classes
                converters.converter.structure(items, tuple[converters.BodyItem, ...])
        else:
            assert fast == slow
            assert converters.converter.structure(items, tuple[converters.BodyItem, ...]) == tuple(
                slow
            )


# -- the linguistic layer: _plain_layer --------------------------------------------------

# What the .ana reader's rows are sure to be (see _linguistic._plain_layer): forms without
# white space at either end, strings without a lone surrogate (read from XML), a UPOS not
# empty; what it is not sure of is drawn wide (ids, heads, relations, entities, meta).
_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=3)
_LAYER_FORMS = st.one_of(
    st.sampled_from(["del", "ñ", "a b", ".", "x\u00a0y"]),
    _XML_TEXT.filter(lambda t: t != "" and not t[0].isspace() and not t[-1].isspace()),
)
_LAYER_STRINGS = st.one_of(st.none(), st.sampled_from(["NOUN", "é", "Case=Nom"]), _XML_TEXT)
_UPOS = st.one_of(st.none(), st.sampled_from(["NOUN", "X"]))
_LAYER_TOKENS = st.lists(
    st.tuples(
        _LAYER_FORMS,
        st.one_of(st.none(), _IDS),
        _LAYER_STRINGS,
        _UPOS,
        _LAYER_STRINGS,
        _LAYER_STRINGS,
        st.booleans(),  # space_after (and so one space, or none, after the form)
        st.booleans(),  # punct
        st.one_of(  # (head, deprel): heads are word numbers of the sentence (0 its root)
            st.none(),
            st.tuples(
                st.integers(min_value=0, max_value=4),
                st.one_of(st.none(), st.sampled_from(["nsubj", "acl:relcl", ""])),
            ),
        ),
    ),
    min_size=1,
    max_size=4,
)
_LAYER_META = st.one_of(
    st.just({}),
    st.sampled_from(
        [{"n": "1"}, {"tei:measure": "<measure/>"}, {"a b": "x"}, {"n": "\ud800"}, {"": "x"}]
    ),
)


@given(
    st.one_of(st.none(), _IDS),
    _LAYER_TOKENS,
    st.integers(min_value=0, max_value=3),
    st.lists(
        st.tuples(
            st.sampled_from(["PER", "LOC"]),
            st.integers(min_value=0, max_value=3),
            st.integers(min_value=1, max_value=3),
        ).map(lambda d: Entity(kind=d[0], start=d[1], end=d[1] + d[2])),
        max_size=2,
    ),
    _LAYER_META,
)
def test_plain_layers_are_the_sentences_init_would_build(
    id_: str | None,
    drawn: list[tuple[object, ...]],
    start: int,
    entities: list[Entity],
    meta: dict[str, str],
) -> None:
    """_plain_layer builds what Token and Sentence's __init__ build from the same rows,
    and gives None wherever they refuse them."""
    rows: list[linguistic._Row] = []
    heads: list[tuple[int, str | None] | None] = []
    fields: list[dict[str, object]] = []
    rel = 0
    for form, tid, lemma, upos, xpos, feats, space_after, punct, found in drawn:
        row = (form, rel, tid, lemma, upos, xpos, feats, space_after, punct)
        rows.append(row)  # type: ignore[arg-type]
        heads.append(found)  # type: ignore[arg-type]
        field = dict(zip(_NAMES_NO_SYNTAX, row, strict=True))
        field["offset"] = start + rel
        head, deprel = found if found else (None, None)  # type: ignore[misc]
        fields.append({**field, "head": head, "deprel": deprel})
        rel += len(form) + bool(space_after)  # type: ignore[arg-type]
    entities.sort(key=lambda e: (e.start, -e.end))
    fast = linguistic._plain_layer(id_, rows, heads, start, entities, meta)
    try:
        tokens = [Token(**field) for field in fields]  # type: ignore[arg-type]
        slow = Sentence(id=id_, tokens=tokens, entities=entities, meta=meta)
    except ValidationError:
        assert fast is None
        return
    if fast is not None:
        assert fast == slow
        assert hash(fast) == hash(slow)
        assert attrs.asdict(fast) == attrs.asdict(slow)
        assert [hash(t) for t in fast.tokens] == [hash(t) for t in slow.tokens]


_NAMES_NO_SYNTAX = (
    "form",
    "offset",
    "id",
    "lemma",
    "upos",
    "xpos",
    "feats",
    "space_after",
    "punct",
)


def test_the_token_and_sentence_setters_follow_the_fields() -> None:
    assert tuple(a.name for a in attrs.fields(Token)) == linguistic._TOKEN_FIELDS
    assert tuple(a.name for a in attrs.fields(Sentence)) == linguistic._SENTENCE_FIELDS
    assert tuple(a.name for a in attrs.fields(Entity)) == linguistic._ENTITY_FIELDS


@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(["PER", "", " ", "\u00a0", "B-LOC"]), _XML_TEXT),
            st.integers(min_value=0, max_value=3),
            st.integers(min_value=1, max_value=3),
            st.sampled_from([{}, {"n": "1"}, {"a b": "x"}]),
        ),
        max_size=3,
    )
)
def test_plain_entities_are_the_entities_init_would_build(
    drawn: list[tuple[str, int, int, dict[str, str]]],
) -> None:
    """What a reader finds of its entities (a start, a greater end, a kind read from
    XML) builds as Entity's __init__ builds it, and fails where it fails."""
    found = [(kind, start, start + length, meta) for kind, start, length, meta in drawn]
    try:
        slow = [Entity(kind=k, start=s, end=e, meta=m) for k, s, e, m in found]
    except ValidationError:
        with pytest.raises(ValidationError):
            linguistic._plain_entities(found)
        return
    slow.sort(key=lambda e: (e.start, -e.end))
    fast = linguistic._plain_entities(found)
    assert fast == slow
    assert [hash(e) for e in fast] == [hash(e) for e in slow]
    assert [attrs.asdict(e) for e in fast] == [attrs.asdict(e) for e in slow]


def test_plain_layers_stay_frozen() -> None:
    sentence = linguistic._plain_layer(
        "s1", [("a", 0, "w1", "a", "X", None, None, True, False)], [(0, "root")], 0, [], {}
    )
    assert sentence == Sentence(
        id="s1",
        tokens=[Token(form="a", offset=0, id="w1", lemma="a", upos="X", head=0, deprel="root")],
    )
    assert sentence is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        sentence.tokens[0].form = "b"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        sentence.id = "s2"  # type: ignore[misc]


@given(
    st.lists(st.sampled_from(["Hello.", "a", "Bien, señor."]), min_size=1, max_size=3),
    st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 30)), st.integers(0, 4)), max_size=4),
    st.booleans(),
)
def test_turn_incidents_fast_check_agrees_with_the_rule(
    paragraphs: list[str], spots: list[tuple[int | None, int]], meta: bool
) -> None:
    """A turn with incidents (a ParlaMint utterance with notes) takes the model's fast
    check: it accepts exactly the incidents inside the text, in order, each placed."""
    size = len("\n\n".join(paragraphs))
    incidents = [
        Incident(kind="vocal", offset=offset, length=length if offset is not None else 0)
        for offset, length in spots
    ]
    places = [(i.offset, i.length) for i in incidents]
    offsets = [o for o, _ in places if o is not None]
    good = (
        len(offsets) == len(places)
        and all(o + n <= size for o, n in places if o is not None)
        and offsets == sorted(offsets)
    )
    fields = {"meta": {"ana": "#regular"}} if meta else {}
    if good:
        turn = Turn(id="u", speaker_id="s", paragraphs=paragraphs, incidents=incidents, **fields)
        assert turn.incidents == tuple(incidents)
    else:
        with pytest.raises(ValidationError, match=r"incidents\["):
            Turn(id="u", speaker_id="s", paragraphs=paragraphs, incidents=incidents, **fields)


@settings(max_examples=300)
@given(st.text(alphabet="ab (x)[y]\\/()[]é1 APPLAUSE\n", max_size=60))
def test_inline_stage_directions_are_found_as_the_pattern_finds_them(line: str) -> None:
    """The text reader tries its inline pattern only where a bracket is; it finds what
    ``finditer`` finds, trying it at every character."""
    from debatekit._text_inline import _inline_matches
    from debatekit._text_lex import _INLINE

    def found(matches: object) -> list[tuple[object, ...]]:
        return [(*m.span(), *m.groups()) for m in matches]  # type: ignore[attr-defined]

    assert found(_inline_matches(line)) == found(_INLINE.finditer(line))


def test_a_readers_turn_is_the_turn_init_would_build() -> None:
    """``_read_turn`` sets the fields a reader guarantees without checking them, and
    checks the rest (the time, the incidents' offsets): ``None`` where those fail."""
    laughter = Incident(kind="vocal", subtype="laughter", text="LAUGHTER", offset=3)
    start = dt.timedelta(seconds=5)
    fast = builds._read_turn("u1", "a", ("Hi.",), "A", start, (laughter,), frozen_mapping({}))
    assert fast == Turn(
        id="u1", speaker_id="a", paragraphs=["Hi."], label="A", start=start, incidents=[laughter]
    )
    assert attrs.asdict(fast) == attrs.asdict(
        Turn(
            id="u1",
            speaker_id="a",
            paragraphs=["Hi."],
            label="A",
            start=start,
            incidents=[laughter],
        )
    )
    late = attrs.evolve(laughter, offset=4)
    assert builds._read_turn("u1", "a", ("Hi.",), None, None, (late,), frozen_mapping({})) is None
    assert (
        builds._read_turn("u1", "a", ("Hi.",), None, MAX_TIME * 2, (), frozen_mapping({})) is None
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.id = "u2"  # type: ignore[misc]


@given(st.lists(st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=4), max_size=5))
def test_dicts_reads_each_mapping_as_it_is(mappings: list[dict[str, str]]) -> None:
    """dicts() gives, for each metadata mapping (frozen or not), the same items, and
    counting through it gives what the Mapping protocol gives."""
    frozen = [frozen_mapping(m) for m in mappings]
    found = dicts([*frozen, *mappings])
    assert found == [*mappings, *mappings]
    assert sum(map(len, found)) == 2 * sum(len(m) for m in frozen)
    assert [bool(m) for m in found[: len(frozen)]] == [bool(m) for m in frozen]
    with pytest.raises(TypeError):
        frozen_mapping({"a": "b"})["a"] = "c"  # type: ignore[index]


# -- Transcript's check of a body of turns and incidents: _common_body ------------------

_WHOS = st.sampled_from([None, "a", "b", "x"])
_BODY_IDS = st.sampled_from([None, "u1", "u2", "i1", "a"])
_INCIDENTS = st.builds(
    lambda who, id_, offset: Incident(kind="vocal", who=who, id=id_, offset=offset),
    _WHOS,
    _BODY_IDS,
    st.sampled_from([None, 0]),
)
_TURNS = st.builds(
    lambda id_, speaker, incidents: Turn(
        id=id_,
        speaker_id=speaker,
        paragraphs=["Hi."],
        incidents=[attrs.evolve(i, offset=0) for i in incidents],
    ),
    st.sampled_from(["u1", "u2", "u3", "a", "i1"]),
    st.sampled_from(["a", "b", "x"]),
    st.lists(_INCIDENTS, max_size=2),
)


@settings(max_examples=300)
@given(
    st.lists(st.one_of(_TURNS, _INCIDENTS), max_size=6),
    st.booleans(),
    st.sampled_from([1, 2, 2048]),
)
def test_common_bodies_checked_in_bulk_as_item_by_item(
    body: list[Turn | Incident], claimed: bool, chunk: int
) -> None:
    """A body of turns and incidents (ids shared or not, speakers declared or not,
    offsets between turns or not) passes Transcript's bulk check exactly where it
    passes the check item by item, which names the same problems."""
    from debatekit import Claim, Speaker, Transcript
    from debatekit import _model_transcript as checks

    speakers = [Speaker(id="a", name="A"), Speaker(id="b", name="B")]
    turn_ids = [t.id for t in body if isinstance(t, Turn)]
    claims = (
        [Claim(id="c1", turn_id=turn_ids[0], start=0, end=3, text="Hi.")]
        if claimed and turn_ids
        else []
    )

    def build() -> str:
        try:
            Transcript(speakers=speakers, body=body, claims=claims)
        except ValidationError as exc:
            return str(exc)
        return "valid"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "_CHUNK", chunk)
        bulk = build()
        patch.setattr(checks, "_common_body", lambda *args: False)
        general = build()
    assert bulk == general
