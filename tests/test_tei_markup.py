"""Phrase-level markup (TEI's choice, del, add, unclear, hi, foreign, name, typed seg)
as Markup spans over a turn's text: read, written back, kept in JSON; one reading in
the text, the other on the span."""

from __future__ import annotations

import io
import json as std_json
import warnings

import attrs
import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

import debatekit
from debatekit import Markup, Transcript, Turn, ValidationError, json, tei
from strategies import transcripts
from tests.tei_words import TEI, model_words, source_words

_HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
    "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
    "</teiHeader>"
)


def _turn(u_content: str) -> Turn:
    document = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{_HEADER}<text><body>'
        f'<u who="#a">{u_content}</u></body></text></TEI>'
    )
    return tei.loads(document).turns[0]


def _spans(turn: Turn) -> list[tuple[str, str, str | None]]:
    return [(m.kind, turn.text[m.offset : m.end], m.alternative) for m in turn.markup]


def test_choice_keeps_the_regular_reading_in_the_text_and_the_other_on_the_span() -> None:
    turn = _turn("how <choice><orig>bout</orig><reg>about</reg></choice> your cat")
    assert turn.text == "how about your cat"
    assert turn.markup == (
        Markup(kind="choice", offset=4, length=5, alternative="bout", alternative_kind="orig"),
    )
    # Whichever order the readings come in.
    turn = _turn("the <choice><corr>cat</corr><sic>cta</sic></choice> sat")
    assert _spans(turn) == [("choice", "cat", "cta")]
    assert turn.markup[0].alternative_kind == "sic"
    turn = _turn("<choice><abbr>Dr</abbr><expan>Doctor</expan></choice> Who")
    assert (turn.text, turn.markup[0].alternative) == ("Doctor Who", "Dr")


def test_del_is_kept_on_its_span_and_never_glued() -> None:
    turn = _turn('<del type="truncation">s</del>see I <del type="repetition">I</del> think')
    assert turn.text == "see I think"
    assert turn.markup == (
        Markup(kind="del", offset=0, alternative="s", meta={"type": "truncation"}),
        Markup(kind="del", offset=6, alternative="I", meta={"type": "repetition"}),
    )


def test_other_phrase_markup_spans_its_words_with_its_attributes() -> None:
    turn = _turn(
        '<seg>so <hi rend="italic">very <foreign xml:lang="fr">très</foreign> good</hi>, '
        '<unclear reason="noise">said</unclear> <name type="person">Ann</name>'
        "<vocal><desc>coughs</desc></vocal> <add>now</add>.</seg>"
        '<seg>A <emph>second</emph> <rs type="place">there</rs>'
        ' <seg type="phrase">one</seg>.</seg>'
    )
    assert turn.paragraphs == ("so very très good, said Ann now.", "A second there one.")
    assert _spans(turn) == [
        ("hi", "very très good", None),
        ("foreign", "très", None),
        ("unclear", "said", None),
        ("name", "Ann", None),
        ("add", "now", None),
        ("emph", "second", None),
        ("rs", "there", None),
        ("seg", "one", None),
    ]
    assert [m.meta for m in turn.markup[:4]] == [
        {"rend": "italic"},
        {"xml:lang": "fr"},
        {"reason": "noise"},
        {"type": "person"},
    ]
    assert [(i.kind, i.offset) for i in turn.incidents] == [("vocal", 27)]


def test_a_seg_in_running_text_is_markup_not_a_paragraph() -> None:
    turn = _turn('hello <seg type="phrase">big</seg> world')
    assert turn.paragraphs == ("hello big world",)
    assert _spans(turn) == [("seg", "big", None)]
    # Text of its own only after the seg: the seg is still a phrase.
    turn = _turn('<seg type="phrase">big</seg> world <pause/>')
    assert turn.paragraphs == ("big world",)
    assert _spans(turn) == [("seg", "big", None)]
    assert [(i.kind, i.offset) for i in turn.incidents] == [("pause", 9)]
    # Without text of its own, each seg is a paragraph.
    assert _turn("<seg>one</seg> <seg>two</seg>").paragraphs == ("one", "two")


def test_a_choice_with_three_readings_keeps_two_and_says_so() -> None:
    content = "<choice><sic>a</sic><corr>b</corr><corr>c</corr></choice> x"
    with pytest.warns(debatekit.ParseWarning, match="1 further reading"):
        turn = _turn(content)
    assert _spans(turn) == [("choice", "b", "a")]


def test_plain_text_and_the_text_format_use_the_text_reading() -> None:
    turn = _turn(
        '<del type="truncation">s</del>see <choice><orig>bout</orig><reg>about</reg></choice> it'
    )
    assert tei.plain_text(turn) == "see about it"
    transcript = Transcript(speakers=[debatekit.Speaker(id="a", name="A")], body=[turn])
    assert "see about it" in debatekit.text.dumps(transcript)


def test_markup_writes_back_as_nested_valid_tei(rng: etree.RelaxNG) -> None:
    turn = _turn(
        '<seg>x <hi rend="b"><choice><sic>teh</sic><corr>the <emph>big</emph></corr></choice>'
        ' <pause/>cat</hi><del type="falseStart">w</del> sat</seg>'
    )
    transcript = Transcript(speakers=[debatekit.Speaker(id="a", name="A")], body=[turn])
    document = tei.dumps(transcript)
    assert rng.validate(etree.fromstring(document.encode())), rng.error_log
    assert (
        '<seg>x <hi rend="b"><choice><sic>teh</sic><corr>the <emph>big</emph></corr></choice>'
        ' <pause/>cat</hi><del type="falseStart">w</del> sat</seg>'
    ) in document
    assert tei.loads(document).turns[0] == turn


@given(transcripts(with_markup=True))
def test_markup_round_trips_through_tei_and_json(
    rng: etree.RelaxNG, transcript: Transcript
) -> None:
    """TEI -> model -> TEI keeps markup (valid against tei_all); so does JSON."""
    document = tei.dumps(transcript)
    assert rng.validate(etree.fromstring(document.encode())), rng.error_log
    assert tei.loads(document) == transcript
    assert tuple(tei.iter_body(io.BytesIO(document.encode()))) == transcript.body
    data = json.dumps(transcript)
    jsonschema.Draft202012Validator(json.schema()).validate(std_json.loads(data))
    assert json.loads(data) == transcript


@pytest.mark.parametrize(
    ("spans", "message"),
    [
        ([Markup(kind="hi", offset=3, length=10)], "not inside one paragraph"),
        (
            [Markup(kind="hi", offset=0, length=4), Markup(kind="emph", offset=2, length=4)],
            "crosses the end of another",
        ),
        (
            [Markup(kind="hi", offset=2, length=1), Markup(kind="emph", offset=0, length=1)],
            "out of order",
        ),
    ],
)
def test_turn_refuses_markup_it_cannot_write(spans: list[Markup], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Turn(id="u1", speaker_id="a", paragraphs=["one two", "three"], markup=spans)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "del", "offset": 0, "length": 2}, "a del covers no text"),
        ({"kind": "hi", "offset": 0, "alternative": "x"}, "have an alternative"),
        ({"kind": "choice", "offset": 0}, "needs an alternative and its kind"),
        ({"kind": "1x", "offset": 0}, "invalid kind"),
        ({"kind": "hi", "offset": 0, "meta": {"a b": "c"}}, "not an XML name"),
        ({"kind": "hi", "offset": -1}, "negative offset"),
    ],
)
def test_markup_checks_itself(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Markup(**fields)  # type: ignore[arg-type]


def test_markup_is_frozen() -> None:
    span = Markup(kind="hi", offset=0, length=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.offset = 2  # type: ignore[misc]


_WORDS = st.sampled_from(["a", "bc", "déf", "g.", " ", "  ", "\n ", "x y"])


def _text() -> st.SearchStrategy[str]:
    return st.lists(_WORDS, max_size=4).map("".join)


def _content(depth: int) -> st.SearchStrategy[str]:
    leaf = st.one_of(
        _text(),
        _text().map(lambda t: f'<del type="repetition">{t}</del>'),
        st.just("<pause/>"),
        st.just("<vocal><desc>laughs</desc></vocal>"),
    )
    if depth == 0:
        return st.lists(leaf, max_size=4).map("".join)
    inner = _content(depth - 1)
    node = st.one_of(
        leaf,
        inner.map(lambda c: f'<hi rend="italic">{c}</hi>'),
        inner.map(lambda c: f'<seg type="phrase">{c}</seg>'),
        st.tuples(_text(), inner).map(
            lambda p: f"<choice><sic>{p[0]}</sic><corr>{p[1]}</corr></choice>"
        ),
        inner.map(lambda c: f"<unclear>{c}</unclear>"),
    )
    return st.lists(node, max_size=4).map("".join)


@given(st.lists(_content(3), min_size=1, max_size=3), st.booleans())
@example(segments=['a<seg type="phrase">bc</seg>'], in_segs=False)
@example(segments=['<seg type="phrase">a</seg>bc'], in_segs=False)
@example(segments=['<seg type="phrase">a</seg> <seg type="phrase">b</seg>'], in_segs=False)
@example(segments=['<hi rend="italic">a</hi><seg type="phrase"></seg><hi>a</hi>'], in_segs=False)
def test_any_nesting_of_markup_reads_every_word_and_round_trips(
    rng: etree.RelaxNG, segments: list[str], in_segs: bool
) -> None:
    """Random phrase markup, white space and incidents: every word read (none glued),
    and TEI -> model -> TEI -> model gives the same model, as valid TEI."""
    body = "".join(f"<seg>{s}</seg>" for s in segments) if in_segs else "".join(segments)
    document = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{_HEADER}<text><body>'
        f'<u who="#a">{body}</u></body></text></TEI>'
    )
    root = etree.fromstring(document.encode())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        transcript = tei.loads(document)
    assert model_words(transcript) == source_words(root.find(f"{TEI}text/{TEI}body"))
    again = tei.dumps(transcript)
    assert rng.validate(etree.fromstring(again.encode())), rng.error_log
    assert tei.loads(again) == transcript


def test_a_typed_paragraph_is_a_span_over_it_and_is_written_back_typed() -> None:
    """A ``seg`` paragraph's own attributes (ISO 24624's utterance types) are a ``seg``
    span over the whole paragraph; the writer puts them back on the paragraph."""
    source = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><u who="#a">'
        '<seg type="utterance" subtype="interrogative">Really?</seg><seg>Yes.</seg>'
        "</u></body></text></TEI>"
    )
    transcript = tei.loads(source)
    (turn,) = transcript.turns
    assert turn.paragraphs == ("Really?", "Yes.")
    assert [(m.kind, m.offset, m.end, m.meta) for m in turn.markup] == [
        ("seg", 0, 7, {"type": "utterance", "subtype": "interrogative"})
    ]
    written = tei.dumps(transcript)
    assert '<seg type="utterance" subtype="interrogative">Really?</seg>' in written
    assert "<seg>Yes.</seg>" in written
    assert tei.loads(written) == transcript


def test_a_sentence_of_text_keeps_its_words_as_a_span() -> None:
    """An ``s`` holding text, not ``w``/``pc`` tokens (the TEI specs' own examples), is
    phrase markup: its words are the turn's; the linguistic layer is for tokens."""
    source = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><u who="#a">'
        "<s>The anchor is he<anchor/>re somewhere.</s> <s>Help me find it.</s>"
        "</u></body></text></TEI>"
    )
    transcript = tei.loads(source)
    (turn,) = transcript.turns
    assert turn.text == "The anchor is here somewhere. Help me find it."
    assert [(m.kind, turn.text[m.offset : m.end]) for m in turn.markup] == [
        ("s", "The anchor is here somewhere."),
        ("s", "Help me find it."),
    ]
    assert turn.sentences == ()
    assert "<s>Help me find it.</s>" in tei.dumps(transcript)
    assert tei.loads(tei.dumps(transcript)) == transcript
