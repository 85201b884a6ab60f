"""TEI in the default (lenient) mode: every valid document reads; strict mode refuses
what it cannot keep. Timelines whose values debatekit cannot read, and inputs that
must not cost more than linear time."""

from __future__ import annotations

import datetime as dt
import gc
import time
import warnings

import pytest
from lxml import etree

from debatekit import ParseError, ParseWarning, Transcript, tei

_HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
    "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>"
    "</teiHeader>"
)
# The same, with speaker a declared (so that strict mode has only the point to refuse).
_HEADER_A = _HEADER.replace(
    "</teiHeader>",
    '<profileDesc><particDesc><listPerson><person xml:id="a"/></listPerson></particDesc>'
    "</profileDesc></teiHeader>",
)


def _doc(body: str, header: str = _HEADER) -> str:
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
        f"{header}\n<text><body>\n{body}\n</body></text></TEI>"
    )


def _timeline(interval: str) -> str:
    return _doc(
        '<timeline unit="s"><when xml:id="T0" absolute="12:00:00"/>\n'
        f'<when xml:id="T1" interval="{interval}" since="#T0"/></timeline>\n'
        '<u who="#a" start="#T1">hi</u>',
        _HEADER_A,
    )


def _quiet_loads(document: str, **options: bool) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return tei.loads(document, **options)


def test_an_undeclared_speaker_reads_by_default_and_strict_refuses_it() -> None:
    """TEI does not require a listPerson: who="#a" is a speaker named a."""
    document = _doc('<u who="#a">Hello.</u>\n<u who="#b #a">Hi.</u>')
    transcript = _quiet_loads(document)
    assert [(s.id, s.name) for s in transcript.speakers] == [("a", "a"), ("b", "b")]
    assert transcript.turns[1].meta == {"who": "#b #a"}
    with pytest.raises(ParseError, match="who='#a' names no person") as info:
        tei.loads(document, strict=True)
    assert info.value.lineno == 4


def test_a_dangling_pointer_warns_and_keeps_the_data() -> None:
    document = _doc('<u who="#a" start="#T9">Hello.</u>', _HEADER_A)
    with pytest.warns(ParseWarning, match="'#T9' names no <when>"):
        transcript = tei.loads(document)
    assert transcript.turns[0].text == "Hello."
    assert transcript.turns[0].start is None
    with pytest.raises(ParseError, match="names no <when>"):
        tei.loads(document, strict=True)


def test_an_affiliation_to_an_unknown_organisation_warns() -> None:
    header = _HEADER.replace(
        "</teiHeader>",
        '<profileDesc><particDesc><listPerson><person xml:id="a"><persName>Ann</persName>'
        '<affiliation ref="#party" role="member"/></person></listPerson></particDesc>'
        "</profileDesc></teiHeader>",
    )
    document = _doc('<u who="#a">Hello.</u>', header)
    with pytest.warns(ParseWarning, match="names no organisation"):
        transcript = tei.loads(document)
    assert transcript.speakers[0].affiliations[0].name == "party"
    with pytest.raises(ParseError, match="names no organisation"):
        tei.loads(document, strict=True)


@pytest.mark.parametrize(
    ("interval", "message"),
    [
        ("99999999999999999999", "too large"),
        ("1e400", "too large"),
        ("abc", "is not a number"),
        ("-5", "a time before the start"),
        ("12,5", "is not a number"),
    ],
)
def test_an_unreadable_interval_is_located(interval: str, message: str) -> None:
    """Issue 12 item 3: no OverflowError, no silent loss; strict raises, lenient warns."""
    document = _timeline(interval)
    with pytest.raises(ParseError, match=message) as info:
        tei.loads(document, strict=True)
    assert info.value.lineno == 5
    with pytest.warns(ParseWarning, match=message):
        transcript = tei.loads(document)
    assert transcript.turns[0].start is None


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("1e3", dt.timedelta(seconds=1000)),
        ("2.5", dt.timedelta(seconds=2.5)),
        ("+.5", dt.timedelta(seconds=0.5)),
    ],
)
def test_every_numeric_interval_reads(interval: str, expected: dt.timedelta) -> None:
    """teidata.numeric allows exponents and signs: they read as numbers."""
    assert _quiet_loads(_timeline(interval)).turns[0].start == expected


def test_interval_unknown_is_no_time_without_a_warning() -> None:
    assert _quiet_loads(_timeline("unknown")).turns[0].start is None


def test_an_unknown_unit_and_a_cycle_are_reported() -> None:
    document = _timeline("5").replace('unit="s"', 'unit="fortnight"')
    with pytest.raises(ParseError, match="unknown time unit 'fortnight'"):
        tei.loads(document, strict=True)
    cycle = _doc(
        '<timeline><when xml:id="T1" interval="1" since="#T2"/>'
        '<when xml:id="T2" interval="1" since="#T1"/></timeline>\n<u who="#a" start="#T1">hi</u>',
        _HEADER_A,
    )
    with pytest.warns(ParseWarning, match="a cycle of @since"):
        assert tei.loads(cycle).turns[0].start is None


def test_a_long_since_chain_does_not_recurse() -> None:
    """100,000 whens, each since the previous one: read without recursion."""
    n = 100_000
    whens = "".join(f'<when xml:id="T{i}" interval="1" since="#T{i - 1}"/>' for i in range(1, n))
    document = _doc(
        f'<timeline><when xml:id="T0"/>{whens}</timeline>\n<u who="#a" start="#T{n - 1}">hi</u>'
    )
    assert _quiet_loads(document).turns[0].start == dt.timedelta(seconds=n - 1)


def _cpu(document: bytes) -> float:
    """The best of 3 CPU times, the garbage collector off (its passes scale with the
    whole heap, not with the work measured)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            tei.loads(document)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def test_many_attributes_on_one_utterance_cost_linear_time() -> None:
    """Issue 12 item 8: doubling the attributes of one <u> at most doubles the work
    (a quadratic reader quadruples it); both sizes are measured in this run."""

    def document(n: int) -> bytes:
        attributes = " ".join(f'a{i}="v"' for i in range(n))
        return _doc(f'<u who="#a" {attributes}>hi</u>').encode()

    small, large = document(40_000), document(80_000)
    turn = tei.loads(small).turns[0]
    assert len(turn.meta) == 40_000
    assert turn.meta["a39999"] == "v"
    ratio = _cpu(large) / _cpu(small)
    assert ratio < 3.2, f"doubling the attributes multiplied the CPU time by {ratio:.2f}"


def test_a_group_of_texts_reads_every_text_in_order(rng: etree.RelaxNG) -> None:
    """A composite text (``text/group/text``, several bodies) reads each body in turn,
    the same in every reader (its words were all lost)."""
    source = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{_HEADER}<text><group>'
        '<text><body><u who="#a">one</u></body></text>'
        '<group><text><body><u who="#b">two</u></body></text></group>'
        "</group></text></TEI>"
    )
    assert rng.validate(etree.fromstring(source.encode()))
    transcript = tei.loads(source)
    assert [(t.speaker_id, t.text) for t in transcript.turns] == [("a", "one"), ("b", "two")]
    assert tei.loads(source, low_memory=True) == transcript
    assert tei.loads(tei.dumps(transcript)) == transcript
