"""The TEI reader's fast paths give what its general paths give.

* The common utterance (paragraphs of text and incidents, only white space around
  them) is read in one loop (``Reader._plain_content``); the general reading
  (``Reader._content``) must give the same paragraphs, incidents (offsets included),
  segment ids and languages, on any mixture of segments and incidents.
* The one-pass reader follows only the document's structure and reads a division's
  children once they are complete, wherever the parser's pieces end: it must give the
  tree reader's transcript and warnings for any body of utterances, speaker labels,
  incidents and nested divisions, cut into pieces of any size.
"""

from __future__ import annotations

import io
import warnings

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from debatekit import Turn, _tei_read, tei
from debatekit._tei_base import Context
from debatekit._tei_body import Reader
from debatekit._tei_read import read_stream, read_tree
from debatekit._tei_safe import clean_prolog, parse_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"

# White space XML collapses, and a non-breaking space it keeps.
_SPACE = st.sampled_from(["", " ", "\n    ", "\t", "  \r\n "])
_WORDS = st.text(alphabet=st.sampled_from(["a", "b", "é", " ", "\n", "\t", "\xa0", "."]))
_INCIDENTS = st.sampled_from(
    [
        '<vocal type="laughter"><desc>(Risas.)</desc></vocal>',
        "<note>(Murmullos.)</note>",
        '<kinesic type="applause"><desc xml:lang="es">(Aplausos.)</desc></kinesic>',
        '<gap reason="inaudible"/>',
        '<pb n="3"/>',
        '<pause dur="PT2S"/>',
        '<note type="comment" xml:id="n{n}">aside</note>',
    ]
)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    attrs = draw(
        st.sampled_from(["", ' xml:id="s{n}"', ' xml:id="s{n}" xml:lang="es"', ' xml:lang="en"'])
    )
    inside = [draw(_WORDS)]
    for _ in range(draw(st.integers(0, 3))):
        inside += [draw(_INCIDENTS), draw(_WORDS)]
    return f"<seg{attrs}>{''.join(inside)}</seg>"


@st.composite
def _utterance(draw: st.DrawFn) -> tuple[str, bool]:
    """An utterance and whether it has the common shape (only white space around its
    children); some have text of their own, or other markup, and are not common."""
    parts = [draw(_SPACE)]
    for _ in range(draw(st.integers(0, 5))):
        parts += [draw(st.one_of(_paragraph(), _INCIDENTS)), draw(_SPACE)]
    common = draw(st.booleans())
    if not common:
        spot = draw(st.integers(0, len(parts) - 1))
        parts[spot] += draw(st.sampled_from(["words", "<hi>bold</hi>", "<seg><hi>x</hi></seg>"]))
    xml = "".join(parts)
    n = iter(range(1000))
    while "{n}" in xml:
        xml = xml.replace("{n}", str(next(n)), 1)
    return f'<u xmlns="{TEI_NS}" who="#a" xml:id="u1">{xml}</u>', common


@settings(max_examples=300, deadline=None)
@given(_utterance())
def test_common_utterance_reads_as_the_general_way(case: tuple[str, bool]) -> None:
    xml, common = case
    u = etree.fromstring(xml)
    reader = Reader(Context(None, strict=False), None, None)
    plain = reader._plain_content(u)
    if common:
        assert plain is not None
    if plain is None:
        return
    paragraphs, incidents, markup, sentences, seg_ids, seg_langs = reader._content(u, False)
    assert (paragraphs, incidents, seg_ids, seg_langs) == plain
    assert markup == []
    assert sentences == []


def _document(body: str) -> bytes:
    return (
        f'<TEI xmlns="{TEI_NS}" xml:id="S"><teiHeader><fileDesc><titleStmt><title>T</title>'
        "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
        "</fileDesc><profileDesc><particDesc><listPerson>"
        '<person xml:id="a"><persName>A</persName></person>'
        '<person xml:id="b"><persName>B</persName></person>'
        "</listPerson></particDesc></profileDesc></teiHeader>"
        f"<text><front><p>Front.</p></front><body>{body}</body><back><p>Back.</p></back></text>"
        "</TEI>"
    ).encode()


_BODY_ITEMS = st.sampled_from(
    [
        '<u who="#a"><seg>One.</seg></u>',
        '<u who="#b"><seg>Two</seg><note>(Aside.)</note><seg>three.</seg></u>',
        '<u who="#a">Own text <gap/> here.</u>',
        '<note type="speaker">A:</note>',
        '<kinesic type="applause"><desc>(Applause.)</desc></kinesic>',
        "<!-- a comment -->",
        '<u who="#c"><seg>Unknown speaker.</seg></u>',
    ]
)


@st.composite
def _body(draw: st.DrawFn, depth: int = 0) -> str:
    items = []
    for _ in range(draw(st.integers(0, 6))):
        if depth < 2 and draw(st.integers(0, 4)) == 0:
            kind = draw(st.sampled_from(['type="debateSection"', 'type="debate"', 'n="2"']))
            items.append(f"<div {kind}>{draw(_body(depth + 1))}</div>")
        else:
            items.append(draw(_BODY_ITEMS))
    return "\n".join(items)


def _read(data: bytes, stream: bool) -> tuple[object, list[str]]:
    ctx = Context("x.xml", strict=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if stream:
            found: object = read_stream(clean_prolog(data, "x.xml"), ctx, None, None, False)
        else:
            found = read_tree(parse_bytes(data, "x.xml", False).getroot(), ctx, None, None)
    return found, [str(w.message) for w in caught]


@settings(max_examples=150, deadline=None)
@given(_body(), st.sampled_from([1, 7, 64, 1 << 20]))
def test_one_pass_reader_equals_tree_reader_in_any_pieces(body: str, piece: int) -> None:
    data = _document(body)
    tree = _read(data, stream=False)
    saved = _tei_read._SLICE
    _tei_read._SLICE = piece
    try:
        streamed = _read(data, stream=True)
    finally:
        _tei_read._SLICE = saved
    assert streamed == tree


def test_streamed_body_in_order() -> None:
    """iter_body hands out each item once, in order, from a file read in pieces."""
    body = "".join(f'<u who="#a" xml:id="u{i}"><seg>Turn {i}.</seg></u>' for i in range(3000))
    data = _document(f'<div type="debateSection">{body}</div>')
    turns = [item for item in tei.iter_body(io.BytesIO(data)) if isinstance(item, Turn)]
    assert [t.id for t in turns] == [f"u{i}" for i in range(3000)]
    assert turns == list(tei.loads(data).turns)
