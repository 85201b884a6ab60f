"""Real TEI documents of speech from corpora the TEI examples do not cover, read in the
default mode (tests/data/tei/spoken/SOURCE.md): an ISO 24624 transcription exported by
EXMARaLDA (annotationBlock, timeline, anchor synch, spanGrp), the GOS corpus of spoken
Slovenian, Parla-CLARIN and ParlaMint sessions of siParl, ParCzech, ParlaMint-ES and
ParlaMint-TR (plain and linguistically annotated).

Each file has a truth file beside it (``NAME.truth.json``): whether the source is valid
against tei_all, the number of turns, the speakers (id: name) and the warnings of the
default mode. For each: no word lost or glued (tests/tei_words.py), what ``tei.dumps``
writes is valid against tei_all whenever the source is, and it reads back equal; a
document that warns in the default mode is refused in strict mode.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from debatekit import ParseError, ParseWarning, Transcript, tei
from tests.tei_words import TEI, model_words, source_words

DATA = Path(__file__).parent / "data" / "tei" / "spoken"
FILES = sorted(DATA.glob("*.xml"))


def _truth(path: Path) -> dict[str, Any]:
    truth: dict[str, Any] = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
    return truth


def _read(path: Path) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        transcript = tei.loads(path.read_bytes())
    assert all(issubclass(w.category, ParseWarning) for w in caught), caught
    return transcript, [str(w.message) for w in caught]


def test_the_files_are_here() -> None:
    assert len(FILES) >= 9
    assert all(p.with_suffix(".truth.json").is_file() for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_reads_as_its_truth_file_says_without_losing_or_gluing_a_word(
    path: Path, rng: etree.RelaxNG
) -> None:
    truth = _truth(path)
    root = etree.parse(str(path)).getroot()
    assert rng.validate(root) == truth["source_valid"], rng.error_log
    transcript, problems = _read(path)
    assert problems == truth["warnings"]
    assert len(transcript.turns) == truth["turns"]
    assert {s.id: s.name for s in transcript.speakers} == truth["speakers"]
    expected = source_words(root.find(f"{TEI}text/{TEI}body"))
    found = model_words(transcript)
    assert found == expected, (
        f"lost: {dict(expected - found)}, glued or extra: {dict(found - expected)}"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_what_is_written_is_valid_and_reads_back_equal(path: Path, rng: etree.RelaxNG) -> None:
    transcript, _ = _read(path)
    written = tei.dumps(transcript)
    if _truth(path)["source_valid"]:
        assert rng.validate(etree.fromstring(written.encode("utf-8"))), rng.error_log
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        assert tei.loads(written) == transcript


def test_an_iso_annotation_block_is_a_turn_and_is_written_back_as_one() -> None:
    """EXMARaLDA's ISO 24624 export: the block's who, start and end are the turn's; its
    annotations (spanGrp: a translation, prosody) are kept and written back in it, and
    each typed paragraph (seg type="utterance" subtype="declarative") keeps its type."""
    path = DATA / "exmaralda-RudiVoellerWutausbruch.xml"
    transcript, _ = _read(path)
    first = transcript.turns[0]
    assert (first.id, first.speaker_id, transcript.speaker("SPK1").name) == ("u12", "SPK1", "RV")
    assert first.start is not None
    assert first.end is not None
    assert (first.start.total_seconds(), round(first.end.total_seconds(), 6)) == (0, 26.835727)
    assert first.text.startswith("Wie Ich kann s mich nur wiederholen :")
    source = etree.parse(str(path)).getroot()
    written = etree.fromstring(tei.dumps(transcript).encode("utf-8"))
    for root in (source, written):
        blocks = root.findall(f".//{TEI}annotationBlock")
        assert len(blocks) == 19
        assert blocks[0].get("{http://www.w3.org/XML/1998/namespace}id") == "au12"
        assert [g.get("type") for g in blocks[0].findall(f"{TEI}spanGrp")] == [
            "sup",
            "akz",
            "en",
            "k",
        ]
        segs = blocks[0].findall(f"{TEI}u/{TEI}seg")
        assert [(g.get("type"), g.get("subtype")) for g in segs[:3]] == [
            ("utterance", "declarative"),
            ("utterance", "declarative"),
            ("utterance", "exclamative"),
        ]
        english = blocks[0].find(f"{TEI}spanGrp[@type='en']/{TEI}span")
        assert english is not None
        assert english.text == "(How)/ I can only repeat myself: "
    with pytest.raises(ParseError, match=r"who='#SPK1' names no person"):
        tei.loads(
            (DATA.parent / "guidelines" / "gi-annotationBlock-egXML-lt.xml").read_bytes(),
            strict=True,
        )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_one_pass_readers_read_the_same(path: Path) -> None:
    """``low_memory`` and ``iter_body`` (a timeline outside the body included)."""
    transcript, _ = _read(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        assert tei.loads(path.read_bytes(), low_memory=True) == transcript
        assert list(tei.iter_body(path)) == list(transcript.body)
