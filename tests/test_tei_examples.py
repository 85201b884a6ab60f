"""Real TEI documents of spoken transcription read in the default mode, no word lost
or glued: the TEI Guidelines' own examples (chapter TS, each wrapped in a minimal
document) and the Parla-CLARIN exemplar (tests/data/tei/*/SOURCE.md)."""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from debatekit import Incident, ParseError, ParseWarning, Transcript, Turn, tei

DATA = Path(__file__).parent / "data" / "tei"
GUIDELINES = sorted((DATA / "guidelines").glob("*.xml"))
PARLA_CLARIN = DATA / "parla-clarin" / "Parla-CLARIN-Exemplar.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"

# What the reference below keeps apart from the text of an utterance, as TEI means it:
# non-speech content and the readings that are not the text's.
_APART = {
    "vocal", "kinesic", "incident", "pause", "gap", "note", "shift", "writing", "anchor",
    "del", "spanGrp", "linkGrp", "timeline", "interpGrp",
}  # fmt: skip
_READINGS = ("reg", "corr", "expan")
_PARAGRAPHS = {"seg", "p", "ab"}
_DIVISIONS = {"div", "div1", "div2", "div3", "div4", "div5"}


def _name(el: etree._Element) -> str:
    return etree.QName(el).localname


def _string(el: etree._Element) -> str:
    """XPath's string value of an element."""
    return "".join(el.itertext())


def _mixed(u: etree._Element) -> bool:
    """An utterance with text of its own: its seg, p, ab are phrases, not paragraphs."""
    return any(t.strip() for t in [u.text or "", *(c.tail or "" for c in u)])


def _utterance(el: etree._Element, text: list[str], apart: list[str]) -> None:
    """The utterance's own text into ``text``; every piece kept apart into ``apart``."""
    if el.text:
        text.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            name = _name(child)
            if name in _APART:
                apart.append(_string(child))
            elif name == "choice":
                options = [c for c in child if isinstance(c.tag, str)]
                reading = next((c for c in options if _name(c) in _READINGS), options[0])
                apart.extend(_string(c) for c in options if c is not reading)
                _utterance(reading, text, apart)
            elif name in _PARAGRAPHS and el.tag == TEI + "u" and not _mixed(el):
                apart.append("".join(text))  # a paragraph ends the text before it
                text.clear()
                inner: list[str] = []
                _utterance(child, inner, apart)
                apart.append("".join(inner))
            else:
                _utterance(child, text, apart)
        if child.tail:
            text.append(child.tail)


def _source_words(body: etree._Element) -> Counter[str]:
    """The words of the body's text nodes, a reference independent of the reader:
    each utterance's text (its string value, less what is kept apart), and each piece
    kept apart (an incident's description, a note, a deletion, another reading)."""
    units: list[str] = []
    todo = [body]
    while todo:
        for child in todo.pop():
            if not isinstance(child.tag, str):
                continue
            name = _name(child)
            if name in _DIVISIONS:
                todo.append(child)
            elif name == "u":
                text: list[str] = []
                _utterance(child, text, units)
                units.append("".join(text))
            else:
                units.append(_string(child))
    return Counter(word for unit in units for word in unit.split())


def _incident_words(incident: Incident) -> list[str]:
    texts = [incident.text or ""]
    texts += [v for k, v in incident.meta.items() if k.startswith("desc@")]
    return [w for text in texts for w in text.split()]


def _model_words(transcript: Transcript) -> Counter[str]:
    words: list[str] = []
    for item in transcript.body:
        if isinstance(item, Turn):
            words += item.text.split() + (item.label or "").split()
            words += [w for m in item.markup for w in (m.alternative or "").split()]
            for incident in item.incidents:
                words += _incident_words(incident)
        else:
            words += _incident_words(item)
    return Counter(words)


def _read(path: Path) -> tuple[list[Transcript], list[str]]:
    """Read in the default mode; only ParseWarnings may come (dangling pointers)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if path == PARLA_CLARIN:
            transcripts = list(tei.read_corpus(path))
        else:
            with path.open("rb") as fp:
                transcripts = [tei.load(fp)]
    assert all(issubclass(w.category, ParseWarning) for w in caught), caught
    return transcripts, [str(w.message) for w in caught]


def test_the_examples_are_here() -> None:
    assert len(GUIDELINES) >= 30
    assert PARLA_CLARIN.is_file()


@pytest.mark.parametrize("path", [*GUIDELINES, PARLA_CLARIN], ids=lambda p: p.stem)
def test_reads_in_the_default_mode_without_losing_or_gluing_a_word(
    path: Path, rng: etree.RelaxNG
) -> None:
    root = etree.parse(str(path)).getroot()
    assert rng.validate(root), rng.error_log
    transcripts, problems = _read(path)
    assert all("names no" in problem for problem in problems), problems
    bodies = list(root.iter(TEI + "body"))
    assert len(transcripts) == len(bodies)
    for transcript, body in zip(transcripts, bodies, strict=True):
        expected, found = _source_words(body), _model_words(transcript)
        assert found == expected, (
            f"lost: {dict(expected - found)}, glued or extra: {dict(found - expected)}"
        )
        assert tei.loads(tei.dumps(transcript)) == transcript


def test_what_debatekit_cannot_resolve_is_kept_and_strict_mode_refuses_it() -> None:
    """Pointers to no <when> (here, to other utterances) stay in meta; strict refuses."""
    path = DATA / "guidelines" / "TSSAPA-egXML-ab.xml"
    (transcript,), problems = _read(path)
    assert problems == [f"{path}:4: time pointer '#utt2 #k1' names no <when>"]
    anchor = transcript.turns[0].incidents[0]
    assert (anchor.kind, anchor.id, anchor.meta) == ("anchor", "a1", {"synch": "#utt2 #k1"})
    with pytest.raises(ParseError, match="who='#jane' names no person"):
        tei.loads(path.read_bytes(), strict=True)
    _, problems = _read(PARLA_CLARIN)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "affiliation ref '#party.DZ' names no organisation in listOrg",
        "who='#opposition.1' names no person in listPerson",
    ]
    with pytest.raises(ParseError, match="names no organisation"):
        list(tei.read_corpus(PARLA_CLARIN, strict=True))
