"""Tests of debatekit.tei: TEI P5 spoken transcripts, ParlaMint corpora, safety, round trips."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

import debatekit
from debatekit import (
    Affiliation,
    Claim,
    Event,
    Incident,
    ParseError,
    ParseWarning,
    Relation,
    Speaker,
    Transcript,
    Turn,
    WriteError,
    tei,
)
from tests.strategies import transcripts

DATA = Path(__file__).parent / "data"
PM = DATA / "parlamint"
PV = PM / "ParlaMint-ES-PV"
GA = PM / "ParlaMint-ES-GA"
PV_SESSION = PV / "2019" / "ParlaMint-ES-PV_2019-12-20.xml"
PV_ANA = PV / "2019" / "ParlaMint-ES-PV_2019-12-20.ana.xml"
PV_TXT = PV / "2019" / "ParlaMint-ES-PV_2019-12-20.txt"
GA_SESSION = GA / "ParlaMint-ES-GA_2015-06-22-DSPG114.xml"
GA_SAMPLE = GA / "ParlaMint-ES-GA_2019-10-08-DSPG130.xml"
SESSIONS = [PV_SESSION, PV_ANA, GA_SESSION, GA_SAMPLE]
TEI_NS = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _valid(rng: etree.RelaxNG, document: str) -> bool:
    ok = rng.validate(etree.fromstring(document.encode("utf-8")))
    assert ok, str(rng.error_log)
    return ok


def _published_lines(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines)


def _xslt_lines(path: Path) -> dict[str, str]:
    """Each utterance's line by ParlaMint's export rule, computed independently with lxml.

    The rule (Scripts/parlamint-tei2text.xsl): the utterance's string value, where each
    note, gap, vocal, kinesic and incident is replaced by ``[[`` + its normalised string
    value + ``]]``, then normalize-space() of the whole.
    """
    bracketed = {TEI_NS + t for t in ("note", "gap", "vocal", "kinesic", "incident")}

    def value(el: etree._Element) -> str:
        parts = [el.text or ""]
        for child in el:
            if child.tag in bracketed:
                parts.append("[[" + " ".join("".join(child.itertext()).split()) + "]]")
            elif isinstance(child.tag, str):
                parts.append(value(child))
            parts.append(child.tail or "")
        return "".join(parts)

    root = etree.parse(str(path)).getroot()
    return {
        u.get(XML_ID): re.sub(r"[ \t\n\r]+", " ", value(u)).strip(" ")
        for u in root.iter(TEI_NS + "u")
    }


# -- ParlaMint sessions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "txt"),
    [(PV_SESSION, PV_TXT), (PV_ANA, PV_TXT), (GA_SAMPLE, GA_SAMPLE.with_suffix(".txt"))],
    ids=["PV.xml", "PV.ana", "GA-DSPG130"],
)
def test_parlamint_text_equals_published_export(path: Path, txt: Path) -> None:
    """Turn texts give ParlaMint's published .txt lines, inline [[notes]] included.

    Without non-speech items inside, an utterance's line is its segments joined by a
    space; with them, plain_text() puts each back as ``[[text]]`` where it stood.
    """
    transcript = debatekit.read(path)
    published = _published_lines(txt)
    assert [t.id for t in transcript.turns] == list(published)
    with_items = 0
    for turn in transcript.turns:
        assert tei.plain_text(turn) == published[turn.id]
        if turn.incidents:
            with_items += 1
            assert "[[" in published[turn.id]
        else:
            assert " ".join(turn.paragraphs) == published[turn.id]
    assert with_items == (1 if path == GA_SAMPLE else 0)


def test_parlamint_text_follows_export_rule_with_inline_notes() -> None:
    """With notes and incidents inside utterances, plain_text() follows the export rule."""
    transcript = debatekit.read(GA_SESSION)
    expected = _xslt_lines(GA_SESSION)
    assert len(transcript.turns) == len(expected) == 31
    inline = 0
    for turn in transcript.turns:
        assert tei.plain_text(turn) == expected[turn.id]
        if turn.incidents:
            inline += 1
        else:
            assert " ".join(turn.paragraphs) == expected[turn.id]
    assert inline >= 4


def test_parlamint_session_speakers_labels_and_notes() -> None:
    """who resolves to listPerson/listOrg; labels, @ana and non-speech items are kept."""
    transcript = debatekit.read(GA_SESSION)
    assert [s.id for s in transcript.speakers] == [
        "RojoPilarMilagros",
        "DíazMaríaSol",
        "MéndezJoséLuis",
        "JorqueraFranciscoXesús",
        "BeirasXoséManuel",
        "PuyPedro",
    ]
    chair = transcript.speaker("RojoPilarMilagros")
    assert chair.name == "Pilar Milagros Rojo Noguera"
    assert chair.meta["sex"] == "F"
    assert chair.meta["affiliation.1.ana"] == "#PG.9"  # the term, kept beside the affiliation
    assert (
        Affiliation(
            name="Parlamento de Galicia",
            role="head",
            ref="#PG",
            start="2012-11-16",
            end="2016-01-12",
        )
        in chair.affiliations
    )
    first = transcript.turns[0]
    assert first.label == "A señora PRESIDENTA:"
    assert first.meta["ana"] == "#chair"
    assert first.paragraphs[0] == "Ábrese a sesión."
    assert transcript.turn("ParlaMint-ES-GA_2015-06-22-DSPG114.u4").meta["ana"] == "#regular"
    assert all(t.label for t in transcript.turns)
    body_incidents = [i for i in transcript.body if isinstance(i, Incident)]
    kinds = [(i.kind, i.subtype, i.text) for i in body_incidents]
    assert kinds[:2] == [("anchor", "div", None), ("anchor", None, None)]
    assert body_incidents[0].meta == {"element": "div", "type": "debateSection"}
    assert body_incidents[1].meta["element"] == "pb"
    assert kinds[2] == ("note", "time", "Ábrese a sesión ás dez e dous minutos da mañá.")
    assert kinds.count(("kinesic", "applause", "(Aplausos.)")) == 4
    assert kinds[-1][:2] == ("note", "time")
    u12 = transcript.turn("ParlaMint-ES-GA_2015-06-22-DSPG114.u12")
    assert [(i.kind, i.subtype) for i in u12.incidents] == [("note", None), ("vocal", "murmuring")]
    note, vocal = u12.incidents
    assert note.text == "(O señor Jorquera Caselas pide a palabra.)"
    # The note stood between two segments: between the two newlines that join them.
    assert u12.text[note.offset - 1 : note.offset + 1] == "\n\n"
    assert u12.text[vocal.offset - len("¿Señor Jorquera? ") : vocal.offset] == ("¿Señor Jorquera? ")


def test_ana_file_reads_to_the_same_turns() -> None:
    """The linguistically annotated session gives the same turns as the plain one."""
    plain = debatekit.read(PV_SESSION)
    ana = debatekit.read(PV_ANA)
    assert [(t.id, t.speaker_id, t.paragraphs, t.label) for t in ana.turns] == [
        (t.id, t.speaker_id, t.paragraphs, t.label) for t in plain.turns
    ]
    assert ana.speakers == plain.speakers
    assert ana.event.date == plain.event.date == dt.date(2019, 12, 20)


def test_session_event_metadata() -> None:
    """Title, date, meetings, place and language of a session become the Event."""
    event = debatekit.read(PV_SESSION).event
    assert (
        event.title
        == "Eusko Legebiltzarraren corpus ParlaMint-ES-PV, 2019-12-20 [ParlaMint SAMPLE]"
    )
    assert event.language == "eu"
    assert event.place == "Vitoria-Gasteiz, Basque Country, Spain"
    assert event.meta["meeting.2"] == "Osoko Bilkura 1385-1390"
    assert event.meta["meeting.3.ana"] == "#parla.uni #parla.term #ES-PV.11"
    assert event.meta["title@en"].startswith("Basque parliamentary corpus")
    # Header parts the model has no field for are kept, as XML.
    respons = etree.fromstring(event.meta["tei:teiHeader/fileDesc/titleStmt/respStmt"])
    assert [p.text for p in respons.iter(TEI_NS + "persName")] == [
        "Jon Alkorta",
        "Mikel Iruskieta",
        "Kike Fernandez",
    ]
    assert "tagUsage" in event.meta["tei:teiHeader/encodingDesc"]
    assert "Made sample" in event.meta["tei:teiHeader/revisionDesc"]


def test_session_alone_needs_its_lists(tmp_path: Path) -> None:
    """Without the corpus lists, who does not resolve; lists= supplies them."""
    alone = tmp_path / PV_SESSION.name
    shutil.copy(PV_SESSION, alone)
    with pytest.raises(ParseError, match=r"who='#TejeriaOtermin' names no person") as info:
        debatekit.read(alone, strict=True)
    assert info.value.source == str(alone)
    assert info.value.lineno == 88
    lists = [PV / "ParlaMint-ES-PV-listPerson.xml", PV / "ParlaMint-ES-PV-listOrg.xml"]
    transcript = tei.loads(alone.read_bytes(), lists=lists)
    in_place = debatekit.read(PV_SESSION)
    # The root also brings the taxonomies and langUsage: their terms are in meta.
    assert attrs.evolve(transcript, meta={}) == attrs.evolve(in_place, meta={})
    assert "category.chair@en" not in transcript.meta
    assert in_place.meta["category.chair@en"] == "Chairperson"
    assert tei.loads(alone.read_bytes(), lists=[PV / "ParlaMint-ES-PV.xml"]) == in_place


def test_lenient_keeps_a_dangling_speaker(tmp_path: Path) -> None:
    """By default a who naming no person is kept as a speaker named after the pointer;
    it warns only where persons are declared (so that the pointer dangles)."""
    alone = tmp_path / PV_SESSION.name
    shutil.copy(PV_SESSION, alone)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        transcript = tei.loads(alone.read_bytes(), source=str(alone))
    assert len(transcript.turns) == 4
    assert transcript.speakers[0].meta == {"unresolved": "true"}
    assert transcript.speakers[0].name == transcript.speakers[0].id == "TejeriaOtermin"
    declared = alone.read_text(encoding="utf-8").replace(
        "</teiHeader>",
        "<profileDesc><particDesc><listPerson><person xml:id='x'/></listPerson>"
        "</particDesc></profileDesc></teiHeader>",
        1,
    )
    with pytest.warns(ParseWarning, match="names no person"):
        assert tei.loads(declared).speakers[1].meta == {"unresolved": "true"}


def test_malformed_list_is_reported_with_file_line_and_column() -> None:
    """The real, broken listOrg gives a ParseError naming the file, line and column."""
    broken = GA / "TEI_XML_root" / "ParlaMint-ES-GA-listOrg.xml"
    with pytest.raises(ParseError) as info:
        tei.loads(GA_SESSION.read_bytes(), lists=[GA / "ParlaMint-ES-GA-listPerson.xml", broken])
    error = info.value
    assert error.source == str(broken)
    assert error.lineno == 260
    assert error.colno is not None
    assert str(error).startswith(f"{broken}:260:{error.colno}: malformed XML")


@pytest.mark.parametrize(
    ("document", "line", "column"),
    [
        ("<TEI>\n  <text>\n</TEI>", 3, 7),
        ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><u who="a>x</u></TEI>', 1, 53),
    ],
)
def test_malformed_xml_position(document: str, line: int, column: int) -> None:
    """Malformed XML is a ParseError with lxml's line and column."""
    with pytest.raises(ParseError, match="malformed XML") as info:
        tei.loads(document)
    assert (info.value.lineno, info.value.colno) == (line, column)


# -- corpora ------------------------------------------------------------------------------


def test_read_corpus_strict_reports_missing_include() -> None:
    """A missing xi:include target is a ParseError naming the root file and the line."""
    corpus = tei.read_corpus(PV / "ParlaMint-ES-PV.xml", strict=True)
    with pytest.raises(
        ParseError, match=r"xi:include target not found: ParlaMint-taxonomy-CHES"
    ) as info:
        next(corpus)
    assert info.value.source == str(PV / "ParlaMint-ES-PV.xml")
    assert info.value.lineno == 134


@pytest.mark.parametrize(
    ("root", "sessions", "missing"),
    [
        (PV / "ParlaMint-ES-PV.xml", [PV_SESSION], 4),
        (PV / "ParlaMint-ES-PV.ana.xml", [PV_ANA], 6),
        (GA / "ParlaMint-ES-GA.xml", [GA_SESSION, GA_SAMPLE], 300),
    ],
    ids=["PV", "PV.ana", "GA"],
)
def test_read_corpus_lenient_yields_present_sessions(
    root: Path, sessions: list[Path], missing: int
) -> None:
    """Lenient corpus reading warns about each missing include and yields the rest."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = list(tei.read_corpus(root, strict=False))
    messages = [str(w.message) for w in caught if issubclass(w.category, ParseWarning)]
    assert len(messages) == missing
    assert all("xi:include target not found" in m for m in messages)
    assert read == [debatekit.read(session) for session in sessions]


def test_read_corpus_is_lazy() -> None:
    """read_corpus returns a generator: nothing is read before the first session."""
    corpus = tei.read_corpus(GA / "does-not-exist.xml")
    assert isinstance(corpus, Iterator)
    with pytest.raises(FileNotFoundError):
        next(corpus)


# -- TEI P5 spoken transcripts --------------------------------------------------------------

SPOKEN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
 <teiHeader>
  <fileDesc>
   <titleStmt><title>Interview 7</title></titleStmt>
   <publicationStmt><p>Unpublished</p></publicationStmt>
   <sourceDesc><recordingStmt><recording type="audio"/></recordingStmt></sourceDesc>
  </fileDesc>
  <profileDesc>
   <settingDesc><setting><name type="city">Leeds</name><date when="1993-05-04"/></setting>
   </settingDesc>
   <particDesc><listPerson>
     <person xml:id="A" sex="F"><persName>Ann</persName></person>
     <person xml:id="B">
      <persName><forename>Bob</forename><surname>Jones</surname></persName></person>
   </listPerson></particDesc>
  </profileDesc>
 </teiHeader>
 <text><body>
  <timeline unit="s" origin="#t0"><when xml:id="t0"/><when xml:id="t1" interval="2.5" since="#t0"/>
   <when xml:id="t2" interval="1.25" since="#t1"/></timeline>
  <u who="#A" start="#t0" end="#t1" xml:id="u1">well I
     think <pause dur="PT1S"/> it's   fine</u>
  <vocal who="#B"><desc>coughs</desc></vocal>
  <u who="#B" start="#t1" end="#t2" xml:id="u2">no<vocal who="#A"><desc>laughs</desc></vocal>
     <shift feature="loud" new="f"/>NO</u>
  <incident><desc>door slams</desc></incident>
 </body></text>
</TEI>
"""


def test_reads_tei_p5_spoken_transcript() -> None:
    """A TEI P5 spoken text: speakers, times, text directly in u, items in place."""
    transcript = tei.loads(SPOKEN)
    assert transcript.event.title == "Interview 7"
    assert transcript.event.place == "Leeds"
    assert transcript.event.date == dt.date(1993, 5, 4)
    assert [s.name for s in transcript.speakers] == ["Ann", "Bob Jones"]
    assert transcript.speakers[0].meta == {"sex": "F"}
    u1, cough, u2, door = transcript.body
    assert isinstance(u1, Turn)
    assert isinstance(u2, Turn)
    assert u1.paragraphs == ("well I think it's fine",)
    assert (u1.start, u1.end) == (dt.timedelta(0), dt.timedelta(seconds=2.5))
    assert u2.end == dt.timedelta(seconds=3.75)
    pause = u1.incidents[0]
    assert (pause.kind, pause.offset, pause.meta) == (
        "pause",
        len("well I think "),
        {"dur": "PT1S"},
    )
    assert cough == Incident(kind="vocal", text="coughs", who="B")
    assert u2.paragraphs == ("no NO",)
    laugh, shift = u2.incidents
    assert (laugh.kind, laugh.offset, laugh.who, laugh.text) == ("vocal", 2, "A", "laughs")
    assert (shift.kind, shift.subtype, shift.offset, shift.meta) == (
        "shift",
        "loud",
        3,
        {"new": "f"},
    )
    assert door == Incident(kind="incident", text="door slams")


# -- writing and round trips --------------------------------------------------------------


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.name)
def test_parlamint_session_round_trip(path: Path, rng: etree.RelaxNG) -> None:
    """A real session read, written (valid TEI) and read again is the same transcript."""
    transcript = debatekit.read(path)
    document = tei.dumps(transcript)
    _valid(rng, document)
    again = tei.loads(document)
    assert again == transcript
    assert [t.id for t in again.turns] == [t.id for t in transcript.turns]


# Drawing transcripts costs far more than writing, reading and validating them: half
# the profile's examples keep this test within its time budget.
@settings(max_examples=max(1, settings().max_examples // 2))
@given(transcripts())
def test_round_trip_and_validity(rng: etree.RelaxNG, transcript: Transcript) -> None:
    """Every valid transcript survives dumps/loads exactly, as valid TEI P5.

    The streaming reader gives back the same body from the same document.
    """
    document = tei.dumps(transcript)
    assert tei.loads(document) == transcript
    _valid(rng, document)
    assert tuple(tei.iter_body(io.BytesIO(document.encode("utf-8")))) == transcript.body


def _annotated() -> Transcript:
    return Transcript(
        event=Event(title="Q&A", date=dt.date(2023, 12, 14), kind="Q&A", meta={"k": "a  b"}),
        speakers=[Speaker(id="s1", name="Ann Lee", aliases=["MS. LEE"], role="senior fellow")],
        body=[
            Turn(
                id="u1",
                speaker_id="s1",
                label="MS. LEE:",
                paragraphs=["We must act.\nNow.", "Costs  rise."],
                incidents=[Incident(kind="kinesic", subtype="applause", offset=12)],
            ),
            Incident(kind="vocal", subtype="laughter", printed="(LAUGHTER)"),
        ],
        claims=[
            Claim(id="c1", turn_id="u1", start=0, end=12, text="We must act.", kind="proposal"),
            Claim(id="c2", turn_id="u1", start=3, end=31, text="must act.\nNow.\n\nCosts  rise."),
        ],
        relations=[Relation(id="r1", kind="supports", source_id="c2", target_id="c1")],
        front=["Transcript"],
    )


def test_writes_tei_mapping(rng: etree.RelaxNG) -> None:
    """Turns become u/seg with a speaker note; overlapping claims become standoff spans."""
    document = tei.dumps(_annotated())
    _valid(rng, document)
    root = etree.fromstring(document.encode())
    u = root.find(f".//{TEI_NS}u")
    assert u is not None
    assert u.get("who") == "#s1"
    note = u.getprevious()
    assert note is not None
    assert (note.get("type"), note.text) == ("speaker", "MS. LEE:")
    segs = list(u.iter(TEI_NS + "seg"))
    assert ["".join(s.itertext()) for s in segs] == ["We must act.\nNow.", "Costs  rise."]
    assert [s.get(XML_SPACE) for s in segs] == ["preserve", "preserve"]
    kinesic = segs[0][0]
    assert (kinesic.tag, kinesic.get("type"), kinesic.tail) == (
        TEI_NS + "kinesic",
        "applause",
        "\nNow.",
    )
    spans = root.findall(f".//{TEI_NS}spanGrp/{TEI_NS}span")
    assert [(s.get(XML_ID), s.get("ana")) for s in spans] == [("c1", "#proposal"), ("c2", "#claim")]
    link = root.find(f".//{TEI_NS}linkGrp/{TEI_NS}link")
    assert link is not None
    assert link.get("target") == "#c2 #c1"
    assert tei.loads(document) == _annotated()


def test_write_and_read_files(tmp_path: Path) -> None:
    """debatekit.write/read pick TEI for .xml; dump/load take binary files only."""
    path = tmp_path / "debate.xml"
    debatekit.write(_annotated(), path)
    assert debatekit.read(path) == _annotated()
    buffer = io.BytesIO()
    tei.dump(_annotated(), buffer)
    assert tei.load(io.BytesIO(buffer.getvalue())) == _annotated()
    with pytest.raises(TypeError, match="open"):
        tei.load(io.StringIO(buffer.getvalue().decode()))  # type: ignore[arg-type]


def test_unwritable_character_is_a_write_error() -> None:
    """A control character XML cannot hold is a WriteError naming TEI, not an lxml traceback."""
    transcript = Transcript(
        speakers=[Speaker(id="s", name="S")],
        body=[Turn(id="u", speaker_id="s", paragraphs=["bell \x07 rings"])],
    )
    with pytest.raises(WriteError, match=r"^tei: .*XML compatible") as info:
        tei.dumps(transcript)
    assert info.value.format == "tei"


def test_corpus_root_is_not_a_session() -> None:
    """loads() of a teiCorpus root points to read_corpus()."""
    with pytest.raises(ParseError, match="read_corpus"):
        tei.loads((PV / "ParlaMint-ES-PV.xml").read_bytes())


# -- streaming ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.name)
def test_iter_body_equals_load(path: Path) -> None:
    """The streaming reader yields the same body items as the tree reader."""
    assert tuple(tei.iter_body(path)) == debatekit.read(path).body
    assert tuple(tei.iter_turns(path)) == debatekit.read(path).turns


def test_iter_body_of_written_document(tmp_path: Path) -> None:
    """Streaming a document debatekit wrote gives its body back, annotations included."""
    path = tmp_path / "t.xml"
    debatekit.write(_annotated(), path)
    assert tuple(tei.iter_body(path)) == _annotated().body


_STREAM_CHILD = """
import sys
from debatekit import tei
path = sys.argv[1]
def hwm():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
before = hwm()
n = sum(1 for _ in tei.iter_turns(path))
print(n, (hwm() - before) * 1024)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_streaming_memory_stays_flat(tmp_path: Path) -> None:
    """iter_turns over a 30 MB session grows the peak memory by under a tenth of the file."""
    path = tmp_path / "big.xml"
    with open(path, "w", encoding="utf-8") as f:
        f.write('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc>')
        f.write('<listPerson><person xml:id="p"><persName>P</persName></person></listPerson>')
        f.write("</particDesc></profileDesc></teiHeader><text><body><div>\n")
        i = 0
        while f.tell() < 30_000_000:
            f.write(f'<u who="#p" xml:id="u{i}"><seg>{"word " * 40}{i}</seg>')
            f.write(f"<seg>and <vocal><desc>laughs</desc></vocal> more {i}</seg></u>\n")
            i += 1
        f.write("</div></body></text></TEI>\n")
    out = subprocess.run(
        [sys.executable, "-c", _STREAM_CHILD, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    turns, growth = int(out[0]), int(out[1])
    assert turns == i
    assert growth < path.stat().st_size / 10


# -- safety -------------------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY xxe "PWNED">')

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server that records every request made to it."""
    _Recorder.hits = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _doc(doctype: str, body: str = "&xxe;") -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'
        '<teiHeader><profileDesc><particDesc><listPerson><person xml:id="a">'
        "<persName>A</persName></person></listPerson></particDesc></profileDesc></teiHeader>"
        f'<text><body><div><u who="#a">{body}</u></div></body></text></TEI>'
    )


def _billion_laughs() -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return _doc(f"<!DOCTYPE TEI [{entities}]>", "&lol9;")


def test_billion_laughs_refused(tmp_path: Path) -> None:
    """An entity-expansion bomb is refused with a clear error, by load and the streamer."""
    with pytest.raises(ParseError, match="DTD internal subset is not allowed") as info:
        tei.loads(_billion_laughs())
    assert info.value.lineno == 2
    path = tmp_path / "bomb.xml"
    path.write_text(_billion_laughs(), "utf-8")
    with pytest.raises(ParseError, match="DTD internal subset is not allowed"):
        list(tei.iter_body(path))


def test_xxe_file_not_read(tmp_path: Path) -> None:
    """An external entity naming a local file is refused and the file never read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", "utf-8")
    document = _doc(f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>')
    with pytest.raises(ParseError, match="DTD internal subset") as info:
        tei.loads(document)
    assert "TOPSECRET" not in str(info.value)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{url}/xxe">]>',
        '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>',
    ],
    ids=["external-entity", "parameter-entity"],
)
def test_xxe_url_never_fetched(server: str, doctype: str) -> None:
    """External and parameter entities pointing at a URL are refused without a request."""
    with pytest.raises(ParseError, match="DTD internal subset"):
        tei.loads(_doc(doctype.format(url=server)))
    assert _Recorder.hits == []


def test_external_dtd_never_loaded(server: str, tmp_path: Path) -> None:
    """An external DTD, local or remote, is never read: the entity it defines stays unknown."""
    local_dtd = tmp_path / "evil.dtd"
    local_dtd.write_text('<!ENTITY xxe "PWNED">', "utf-8")
    for doctype in (
        f'<!DOCTYPE TEI SYSTEM "{server}/tei.dtd">',
        f'<!DOCTYPE TEI PUBLIC "-//X//DTD X//EN" "{local_dtd.as_uri()}">',
    ):
        transcript = tei.loads(_doc(doctype, "plain text"))
        assert transcript.turns[0].paragraphs == ("plain text",)
        with pytest.raises(ParseError, match="Entity 'xxe' not defined") as info:
            tei.loads(_doc(doctype))
        assert info.value.lineno == 3
        path = tmp_path / "doc.xml"
        path.write_text(_doc(doctype), "utf-8")
        with pytest.raises(ParseError, match="Entity 'xxe' not defined"):
            list(tei.iter_body(path))
    assert _Recorder.hits == []


def test_includes_never_leave_the_corpus_folder(tmp_path: Path) -> None:
    """An xi:include with a URL or an absolute path is refused, not followed."""
    root = tmp_path / "corpus.xml"
    root.write_text(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" '
        'xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/>'
        '<xi:include href="/etc/passwd"/><xi:include href="http://127.0.0.1:9/x.xml"/>'
        "</teiCorpus>",
        "utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert list(tei.read_corpus(root, strict=False)) == []
    assert [("refused" in str(w.message)) for w in caught] == [True, True]


def test_sources_documented() -> None:
    """Every shared data file sits beside a SOURCE.md that names its licence."""
    for folder in (PM, DATA / "tei"):
        source = (folder / "SOURCE.md").read_text("utf-8")
        assert "CC BY" in source or "CC+BY" in source
    assert os.path.getsize(DATA / "tei" / "tei_all.rng") > 1_000_000


def test_streaming_reports_malformed_xml(tmp_path: Path) -> None:
    """The streaming reader reports broken XML at its line and column too."""
    lines = PV_SESSION.read_text("utf-8").splitlines(keepends=True)
    path = tmp_path / "broken.xml"
    path.write_text("".join(lines[:95]) + "</TEI>\n", "utf-8")
    with pytest.raises(ParseError, match="malformed XML: Opening and ending tag mismatch") as info:
        list(tei.iter_body(path))
    assert (info.value.source, info.value.lineno) == (str(path), 96)
    assert info.value.colno is not None


def test_reads_utf16_documents() -> None:
    """A document in UTF-16 (with its declaration) reads like its UTF-8 original."""
    text = PV_SESSION.read_text("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    lists = [PV / "ParlaMint-ES-PV.xml"]
    assert tei.loads(text.encode("utf-16"), lists=lists) == debatekit.read(PV_SESSION)


def test_session_finds_list_files_beside_it(tmp_path: Path) -> None:
    """Without a corpus root, a session finds *-listPerson.xml / *-listOrg.xml beside it."""
    for name in ("ParlaMint-ES-PV-listPerson.xml", "ParlaMint-ES-PV-listOrg.xml"):
        shutil.copy(PV / name, tmp_path / name)
    shutil.copy(PV_SESSION, tmp_path / PV_SESSION.name)
    beside, in_place = debatekit.read(tmp_path / PV_SESSION.name), debatekit.read(PV_SESSION)
    assert attrs.evolve(beside, meta={}) == attrs.evolve(in_place, meta={})
    # Without the root, no taxonomy terms or language names; the listOrg facts are there.
    assert beside.meta == {k: v for k, v in in_place.meta.items() if k.startswith(("org.", "rel"))}


def test_read_corpus_with_inline_lists_and_sessions(tmp_path: Path) -> None:
    """An older-style corpus root, lists and sessions inline, reads like the modular one."""
    root = etree.parse(str(PV / "ParlaMint-ES-PV.xml")).getroot()
    partic = root.find(f".//{TEI_NS}particDesc")
    assert partic is not None
    for include in list(partic):
        partic.remove(include)
    for name in ("ParlaMint-ES-PV-listOrg.xml", "ParlaMint-ES-PV-listPerson.xml"):
        partic.append(etree.parse(str(PV / name)).getroot())
    for include in root.findall("{http://www.w3.org/2001/XInclude}include"):
        root.remove(include)
    root.append(etree.parse(str(PV_SESSION)).getroot())
    path = tmp_path / "ParlaMint-ES-PV.xml"
    path.write_bytes(etree.tostring(root, encoding="utf-8"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sessions = list(tei.read_corpus(path, strict=False))
    assert len(caught) == 5  # the taxonomies, still included and missing here
    # The taxonomies' terms are missing too; the rest reads like the modular corpus.
    expected = debatekit.read(PV_SESSION)
    assert [attrs.evolve(s, meta={}) for s in sessions] == [attrs.evolve(expected, meta={})]


def test_preserved_padding_strict_and_lenient() -> None:
    """Text kept as is must make valid paragraphs: strict refuses, lenient normalises."""
    document = _doc(
        "", '<seg xml:space="preserve">  padded <vocal><desc>x</desc></vocal>text </seg>'
    )
    with pytest.raises(ParseError, match="leading or trailing whitespace") as info:
        tei.loads(document, strict=True)
    assert info.value.lineno == 3
    with pytest.warns(ParseWarning, match="white space normalised"):
        transcript = tei.loads(document, strict=False)
    turn = transcript.turns[0]
    assert turn.paragraphs == ("padded text",)
    assert [(i.kind, i.text, i.offset) for i in turn.incidents] == [("vocal", "x", 7)]


def test_length_outside_a_turn_is_reported() -> None:
    """A length annotation on a body-level item is reported and kept as metadata."""
    document = tei.dumps(_annotated()).replace(
        '<interp type="printed" xml:space="preserve">(LAUGHTER)</interp>',
        '<interp type="printed" xml:space="preserve">(LAUGHTER)</interp>'
        '<interp type="length">4</interp>',
    )
    assert document != tei.dumps(_annotated())
    with pytest.raises(ParseError, match="length '4' needs a place in a turn"):
        tei.loads(document, strict=True)
    with pytest.warns(ParseWarning):
        transcript = tei.loads(document, strict=False)
    laughter = transcript.body[-1]
    assert isinstance(laughter, Incident)
    assert (laughter.printed, laughter.length, laughter.meta) == ("(LAUGHTER)", 0, {"length": "4"})
