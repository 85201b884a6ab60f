"""Real TEI documents of spoken transcription read in the default mode, no word lost
or glued: the TEI Guidelines' own examples (chapter TS, each wrapped in a minimal
document) and the Parla-CLARIN exemplar (tests/data/tei/*/SOURCE.md)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from lxml import etree

from debatekit import ParseError, ParseWarning, Transcript, tei
from tests.tei_words import TEI, model_words, source_words

DATA = Path(__file__).parent / "data" / "tei"
GUIDELINES = sorted((DATA / "guidelines").glob("*.xml"))
PARLA_CLARIN = DATA / "parla-clarin" / "Parla-CLARIN-Exemplar.xml"


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
        expected, found = source_words(body), model_words(transcript)
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
