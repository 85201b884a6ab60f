"""Tests of debatekit.text: reading real-world plain-text transcripts and writing them back."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given, settings

import debatekit
from debatekit import ParseError, ParseWarning, Speaker, Transcript, Turn, datasets, text
from strategies import transcript_texts, transcripts

DATA = Path(__file__).parent / "data" / "text"
CARNEGIE = datasets.source_text("us-mexico-2023")


def quiet_loads(source: str | bytes, **options: object) -> Transcript:
    """Read without letting an expected warning fail the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        return text.loads(source, **options)  # type: ignore[arg-type]


def labels(t: Transcript) -> list[tuple[str, str | None]]:
    return [(t.speaker(turn.speaker_id).name, turn.label) for turn in t.turns]


# -- the bundled Carnegie Q&A ---------------------------------------------------------


def test_carnegie_round_trip_is_byte_exact() -> None:
    """Writing what was read from the bundled source gives the source back, byte for byte."""
    assert text.dumps(text.loads(CARNEGIE)) == CARNEGIE


def test_carnegie_matches_hand_made_json() -> None:
    """Turns, front, back and the insertion match the hand-made transcript.json exactly."""
    ours = text.loads(CARNEGIE)
    ref = datasets.load("us-mexico-2023")
    assert ours.turns == ref.turns
    assert ours.front == ref.front
    assert ours.back == ref.back
    assert [(s.id, s.name, s.role, s.affiliation, s.description) for s in ours.speakers] == [
        (s.id, s.name, s.role, s.affiliation, s.description) for s in ref.speakers
    ]


def test_hand_made_json_is_written_as_the_source() -> None:
    """Writing the hand-made JSON transcript as text gives the bundled source exactly."""
    assert text.dumps(datasets.load("us-mexico-2023")) == CARNEGIE


def test_carnegie_event_fields_stated_in_the_text() -> None:
    """The event fields the text states match the JSON; the ones it does not are unset.

    The text does not state the publisher, the series (only inside a sentence), a
    citation or the language, and prints no "Shannon O'Neil" with a straight
    apostrophe (an alias the JSON lists).
    """
    event = text.loads(CARNEGIE).event
    ref = datasets.load("us-mexico-2023").event
    for name in ("title", "subtitle", "kind", "published", "description", "credits"):
        assert getattr(event, name) == getattr(ref, name), name
    assert (event.publisher, event.series, event.source, event.language) == (None,) * 4


def test_carnegie_structure() -> None:
    """18 turns by four speakers; the insertion stays in the text and is a note."""
    t = text.loads(CARNEGIE)
    assert len(t.turns) == 18
    assert [len(t.turns_by(s.id)) for s in t.speakers] == [1, 7, 6, 4]
    (note,) = t.turn("u15").incidents
    assert (note.kind, note.subtype, note.printed) == (
        "note",
        "insertion",
        "[with either Mexico or China]",
    )
    assert note.offset is not None
    assert t.turn("u15").text[note.offset : note.offset + note.length] == note.printed
    assert "Previously in Pivotal States:" not in {s.name for s in t.speakers}


# -- real transcripts -------------------------------------------------------------------

# Every real file with its truth file: tests/test_text_corpus.py. Details of a few:


def test_real_debate_details() -> None:
    """The debate keeps its applause as a body incident and repeated labels as turns."""
    t = text.loads((DATA / "podcast" / "debate-2016-10-09.txt").read_text(encoding="utf-8"))
    incident = t.body[1]
    assert isinstance(incident, debatekit.Incident)
    assert (incident.kind, incident.subtype, incident.printed) == (
        "kinesic",
        "applause",
        "(APPLAUSE)",
    )
    assert len(t.turns[3].paragraphs) == 5  # one paragraph per line
    assert [turn.label for turn in t.turns[5:7]] == ["TRUMP", "TRUMP"]


def test_real_briefing_details() -> None:
    """YAML front matter gives title, date and source; inline laughter leaves the text."""
    t = text.loads(
        (DATA / "briefing" / "whitehouse-briefing-2024-02-28.md").read_text(encoding="utf-8")
    )
    assert t.event.title == "Press Briefing by Press Secretary Karine_Jean-Pierre"
    assert t.event.date == dt.date(2024, 2, 28)
    assert t.event.source is not None
    assert t.event.source.startswith("https://www.whitehouse.gov/")
    fourth = t.turns[3]
    assert fourth.paragraphs[0] == "Hi.  Hello.  Thanks, Weijia."
    assert [(i.kind, i.subtype, i.offset) for i in fourth.incidents] == [("vocal", "laughter", 0)]
    # hard-wrapped lines stay one paragraph, verbatim
    assert fourth.paragraphs[2].startswith(
        "The President has been receiving updates on the wildfires that have\n"
    )


def test_real_hansard_details() -> None:
    """Hansard labels give constituency and party; short labels resolve to the member."""
    t = text.loads((DATA / "parliament" / "hansard-pmqs-2004-01-28.md").read_text(encoding="utf-8"))
    howard = t.speakers[3]
    assert (howard.affiliation, howard.meta["constituency"]) == ("Con", "Folkestone and Hythe")
    assert "Mr. Howard" in howard.aliases
    assert len(t.turns_by(howard.id)) == 4
    interrupted = t.turns_by(howard.id)[0]
    assert interrupted.paragraphs[0].startswith("May I first—")
    assert interrupted.incidents[0].subtype == "interruption"


# -- conventions ----------------------------------------------------------------------

CONVENTIONS = [
    (
        "HOLT: Good evening.\n\nTRUMP: Thank you.\n\nHOLT: Next question.",
        [("HOLT", "HOLT"), ("TRUMP", "TRUMP"), ("HOLT", "HOLT")],
    ),
    (
        "ANDERSON COOPER, CNN ANCHOR: Welcome.\n\nCOOPER: Next.\n\nMARTHA RADDATZ, ABC NEWS: Yes.",
        [
            ("ANDERSON COOPER", "ANDERSON COOPER, CNN ANCHOR"),
            ("ANDERSON COOPER", "COOPER"),
            ("MARTHA RADDATZ", "MARTHA RADDATZ, ABC NEWS"),
        ],
    ),
    (
        "MS. PSAKI: Hi.\n\nSENATOR VALESKY: Hello.\n\nVALESKY: Again.\n\nPSAKI: Bye.",
        [
            ("MS. PSAKI", "MS. PSAKI"),
            ("SENATOR VALESKY", "SENATOR VALESKY"),
            ("SENATOR VALESKY", "VALESKY"),
            ("MS. PSAKI", "PSAKI"),
        ],
    ),
    (
        "Mr. David Cameron (Witney) (Con): I beg to move.\n\n"
        "The Prime Minister (Mr David Cameron): Yes.\n\nMr Cameron: Again.\n\n"
        "The Prime Minister: No.",
        [
            ("Mr. David Cameron", "Mr. David Cameron (Witney) (Con)"),
            ("Mr. David Cameron", "The Prime Minister (Mr David Cameron)"),
            ("Mr. David Cameron", "Mr Cameron"),
            ("Mr. David Cameron", "The Prime Minister"),
        ],
    ),
    (
        "Q: Why?\n\nA: Because.\n\nQ. Really?\n\nA. Yes.",
        [("Q", "Q"), ("A", "A"), ("Q", "Q"), ("A", "A")],
    ),
    (
        "Q    Why?\n\nMR. EARNEST:  Because.\n\nQ\tAnd?",
        [("Q", "Q"), ("MR. EARNEST", "MR. EARNEST"), ("Q", "Q")],
    ),
    (
        "**Jane Doe:** Hello.\n\n**John Roe**: Hi.",
        [("Jane Doe", "Jane Doe"), ("John Roe", "John Roe")],
    ),
    (
        "Shannon O’Neil: One.\n\nShannon O'Neil: Two.\n\nMS. O'NEIL: Three.",
        [
            ("Shannon O’Neil", "Shannon O’Neil"),
            ("Shannon O’Neil", "Shannon O'Neil"),
            ("Shannon O’Neil", "MS. O'NEIL"),
        ],
    ),
    (
        "Lester Holt: One.\n\nJane Holt: Two.\n\nLester Holt: Three.",
        [
            ("Lester Holt", "Lester Holt"),
            ("Jane Holt", "Jane Holt"),
            ("Lester Holt", "Lester Holt"),
        ],
    ),
    (
        "JOHN SMITH: A hard-wrapped\nline that goes on.\nJANE DOE: A reply\nalso wrapped.",
        [("JOHN SMITH", "JOHN SMITH"), ("JANE DOE", "JANE DOE")],
    ),
    (
        # a role in lower case after a participant word is a label, one person
        "John: One.\n\nAudience Member: Two?\n\nJohn: Three.\n\nAudience member: Four?",
        [
            ("John", "John"),
            ("Audience Member", "Audience Member"),
            ("John", "John"),
            ("Audience Member", "Audience member"),
        ],
    ),
]


@pytest.mark.parametrize(("source", "expected"), CONVENTIONS)
def test_convention_labels_resolve_to_speakers(
    source: str, expected: list[tuple[str, str]]
) -> None:
    """Each label convention gives the expected (speaker name, label as printed) per turn."""
    assert labels(text.loads(source)) == expected


@pytest.mark.parametrize(("source", "expected"), CONVENTIONS)
def test_convention_round_trip_is_byte_exact(source: str, expected: list[tuple[str, str]]) -> None:
    """Every convention is written back exactly as it was read."""
    assert text.dumps(text.loads(source)) == source


@pytest.mark.parametrize(
    ("source", "start"),
    [
        ("[00:12:31] Jane Doe: Hi.\n\nJohn Roe: Yo.", dt.timedelta(minutes=12, seconds=31)),
        ("Jane Doe 00:01:02\nHi.\n\nJohn Roe: Yo.", dt.timedelta(minutes=1, seconds=2)),
        ("Jane Doe (00:01:02): Hi.\n\nJohn Roe: Yo.", dt.timedelta(minutes=1, seconds=2)),
        ("Jane Doe: (00:22)\nHi.\n\nJohn Roe: Yo.", dt.timedelta(seconds=22)),
    ],
)
def test_timestamp_becomes_turn_start(source: str, start: dt.timedelta) -> None:
    """A timestamp before or after the label is the turn's start time; the text is kept."""
    t = text.loads(source)
    assert t.turns[0].start == start
    assert t.turns[0].paragraphs == ("Hi.",)
    assert t.speakers[0].name == "Jane Doe"
    assert text.dumps(t) == source


@pytest.mark.parametrize(
    ("line", "kind", "subtype"),
    [
        ("(APPLAUSE)", "kinesic", "applause"),
        ("[crosstalk]", "vocal", "crosstalk"),
        ("(Laughter.)", "vocal", "laughter"),
        ("[Interruption.]", "vocal", "interruption"),
        ("(inaudible)", "gap", "inaudible"),
        ("(BEGIN VIDEO CLIP)", "incident", "clip"),
    ],
)
def test_stage_direction_on_its_own_line_is_an_incident(line: str, kind: str, subtype: str) -> None:
    """A stage direction on its own line is a body incident, not a turn and not a speaker."""
    source = f"HOLT: Welcome.\n\n{line}\n\nTRUMP: Thanks.\n\nHOLT: Yes."
    t = text.loads(source)
    assert [s.name for s in t.speakers] == ["HOLT", "TRUMP"]
    incident = t.body[1]
    assert isinstance(incident, debatekit.Incident)
    assert (incident.kind, incident.subtype, incident.printed) == (kind, subtype, line)
    assert text.dumps(t) == source


def test_inline_stage_direction_leaves_the_text() -> None:
    """Inline stage directions become zero-length incidents at their place in the text."""
    source = "HOLT: Welcome. (APPLAUSE) Let us begin. [crosstalk]\n\nTRUMP: (LAUGHTER) Thanks."
    t = text.loads(source)
    first, second = t.turns
    assert first.paragraphs == ("Welcome. Let us begin.",)
    assert [(i.subtype, i.offset, i.length) for i in first.incidents] == [
        ("applause", 8, 0),
        ("crosstalk", 22, 0),
    ]
    assert second.paragraphs == ("Thanks.",)
    assert text.dumps(t) == source


def test_a_stage_direction_inside_a_speech_is_an_incident_of_the_turn() -> None:
    """A stage direction between two paragraphs of one speech stays inside the turn
    (a zero-length incident where the next paragraph starts): the speech is one turn."""
    source = "HOLT: Welcome.\n\n(APPLAUSE)\n\nAs I was saying.\n\nTRUMP: Thanks.\n\nHOLT: Sure."
    t = text.loads(source)
    first = t.turns[0]
    assert (first.speaker_id, first.label, first.paragraphs) == (
        "holt",
        "HOLT",
        ("Welcome.", "As I was saying."),
    )
    assert [(i.subtype, i.offset, i.printed) for i in first.incidents] == [
        ("applause", len("Welcome.\n\n"), "(APPLAUSE)")
    ]
    assert len(t.turns) == 3
    assert text.dumps(t) == source


def test_stage_direction_before_a_label_on_the_same_line() -> None:
    """'(APPLAUSE) CLINTON: ...' is an incident, then Clinton's turn; written back as is."""
    source = (
        "HOLT: Good evening.\n(APPLAUSE) CLINTON: How are you, Donald?\n"
        "(APPLAUSE) HOLT: Good luck.\n(APPLAUSE) Well, let us start.\nTRUMP: Yes."
    )
    t = text.loads(source)
    assert labels(t) == [
        ("HOLT", "HOLT"),
        ("CLINTON", "CLINTON"),
        ("HOLT", "HOLT"),
        ("TRUMP", "TRUMP"),
    ]
    assert [type(item).__name__ for item in t.body] == [
        "Turn",
        "Incident",
        "Turn",
        "Incident",
        "Turn",
        "Turn",
    ]
    # an opening direction before plain text stays inline in the turn
    assert t.turns[2].incidents[0].subtype == "applause"
    assert text.dumps(t) == source


def test_mixed_line_endings_warn() -> None:
    """Mixed line endings are read as LF, with a warning at the first CR."""
    with pytest.warns(ParseWarning, match="mixed line endings") as record:
        t = text.loads("Jane Doe: One.\n\nJohn Roe: Two.\r\n\r\nJane Doe: Three.\r")
    assert record[0].message.lineno == 3  # type: ignore[union-attr]
    assert len(t.turns) == 3


@pytest.mark.parametrize(
    "line",
    [
        "The rule of law is a huge issue: we see it.",
        "See https://example.org/page for more.",
        "We met at 10:30 and again at 11:45.",
        "In Mexico: the economy grew.",
        "Source: Getty",
        "Note: this was edited.",
    ],
)
def test_sentences_with_a_colon_are_never_labels(line: str) -> None:
    """A sentence holding a colon, a URL, a time or a metadata key stays text."""
    t = text.loads(f"JANE DOE: Hello.\n\n{line}\n\nJOHN ROE: Bye.")
    assert [s.name for s in t.speakers] == ["JANE DOE", "JOHN ROE"]
    assert t.turns[0].paragraphs == ("Hello.", line)


def test_unsure_label_is_kept_as_text_with_a_warning() -> None:
    """A one-word label that occurs once is kept as text, with a warning giving its line."""
    source = "Jane Doe: Hello.\n\nLook: this is plain.\n\nJohn Roe: Bye."
    with pytest.warns(ParseWarning, match="'Look:' looks like a speaker label") as record:
        t = text.loads(source, source="talk.txt")
    assert record[0].message.lineno == 3  # type: ignore[union-attr]
    assert t.turns[0].paragraphs == ("Hello.", "Look: this is plain.")


def test_a_label_alone_after_a_speech_with_an_id_opens_a_turn() -> None:
    """A speech under a label with an id ('A {#a}: x') is a speech: a label alone on
    its line after it opens a turn, not a front heading (hypothesis found the writer
    and the reader disagreeing: the reader took 'V, d:' for text of the turn before)."""
    source = "A {#a}: x\n\nA {#a}:\n\nVic, d:\n\nKen, e: b\n"
    t = text.loads(source)
    assert [turn.label for turn in t.turns] == ["A", "A", "Vic, d", "Ken, e"]
    assert text.dumps(t) == source


def test_strict_mode_raises_with_line_and_column() -> None:
    """strict=True turns the warning into a ParseError with source, line and column."""
    source = "Jane Doe: Hello.\n\nLook: this is plain.\n\nJohn Roe: Bye."
    with pytest.raises(ParseError, match=r"^talk\.txt:3:1: 'Look:'") as info:
        text.loads(source, strict=True, source="talk.txt")
    assert (info.value.lineno, info.value.colno) == (3, 1)


def test_convention_and_speaker_map_accept_a_one_word_label() -> None:
    """A forced convention or a speaker map makes a one-off one-word label a label."""
    source = "Moderator: Welcome.\n\nJane Doe: Thanks."
    assert [s.name for s in text.loads(source, convention="colon").speakers] == [
        "Moderator",
        "Jane Doe",
    ]
    t = text.loads(
        source,
        speakers={"Moderator": Speaker(id="kelly", name="Megyn Kelly", role="moderator")},
    )
    kelly = t.speakers[0]
    assert (kelly.id, kelly.name, kelly.role) == ("kelly", "Megyn Kelly", "moderator")
    assert t.turns[0].label == "Moderator"


def test_caps_convention_restricts_labels() -> None:
    """convention="caps" takes only upper-case labels; others stay text."""
    source = "HOLT: One.\n\nJane Doe: two.\n\nTRUMP: Three."
    t = text.loads(source, convention="caps")
    assert [s.name for s in t.speakers] == ["HOLT", "TRUMP"]
    assert t.turns[0].paragraphs == ("One.", "Jane Doe: two.")


def test_dialect_is_a_deprecated_alias_of_convention() -> None:
    """The old dialect= still works, with a DeprecationWarning."""
    source = "HOLT: One.\n\nJane Doe: two.\n\nTRUMP: Three."
    with pytest.warns(DeprecationWarning, match="convention="):
        t = text.loads(source, dialect="caps")
    assert [s.name for s in t.speakers] == ["HOLT", "TRUMP"]
    with pytest.raises(ValueError, match="unknown convention"):
        text.loads(source, convention="nope")


def test_custom_label_pattern() -> None:
    """A custom label pattern replaces the built-in rules, with an optional time."""
    source = ">> Ann @ 0:05 | Hello.\n\n>> Bob @ 1:10 | Hi."
    t = text.loads(source, label_pattern=r">> (?P<label>\w+) @ (?P<time>[\d:]+) \| ")
    assert labels(t) == [("Ann", "Ann"), ("Bob", "Bob")]
    assert t.turns[1].start == dt.timedelta(minutes=1, seconds=10)
    assert t.turns[0].paragraphs == ("Hello.",)


def test_bytes_with_bom_and_crlf_round_trip() -> None:
    """A byte-order mark and CRLF line endings are read and written back."""
    source = "\ufeffJane Doe: Hello\u00a0there.\r\n\r\nJohn Roe: Bye.\r\n"
    t = text.loads(source.encode("utf-8"))
    assert t.turns[0].paragraphs == ("Hello\u00a0there.",)
    assert text.dumps(t) == source


def test_invalid_utf8_is_a_parse_error_when_strict() -> None:
    """Bytes that are not UTF-8 give a ParseError naming the byte (strict); the lenient
    reader reads them as Windows-1252 and says so where UTF-8 failed."""
    with pytest.raises(ParseError, match="invalid UTF-8 at byte 10"):
        text.loads(b"Jane Doe: \xff", strict=True)
    with pytest.warns(ParseWarning, match=r"<string>:1:14: not UTF-8: read as Windows-1252"):
        t = text.loads(b"Jane Doe: caf\xe9 \x93au lait\x94\n\nJohn Roe: Yes.", source="<string>")
    assert t.turns[0].text == "caf\u00e9 \u201cau lait\u201d"
    assert t.meta["text:encoding"] == "cp1252"


def test_bytes_neither_utf8_nor_windows_1252_are_a_parse_error() -> None:
    """0x81 is unused in Windows-1252: the UTF-8 error stands, lenient or not."""
    with pytest.raises(ParseError, match="invalid UTF-8 at byte 10"):
        text.loads(b"Jane Doe: \x81")
    with pytest.raises(ParseError, match="invalid UTF-8 at byte 3"):
        text.loads(b"A: \x8d", encoding="utf8")


def test_no_label_keeps_everything_and_warns() -> None:
    """Text without any label is kept as front matter, with a warning."""
    with pytest.warns(ParseWarning, match="no speaker labels"):
        t = text.loads("Just a paragraph.\n\nAnother one.")
    assert t.front == ("Just a paragraph.", "Another one.")
    assert not t.turns


# -- writing ----------------------------------------------------------------------------


def test_writer_layout_for_a_built_transcript() -> None:
    """The writer prints front matter, long label first, short labels after, back matter."""
    t = Transcript(
        speakers=[
            Speaker(id="doe", name="Jane Doe", role="moderator", affiliation="CNN"),
            Speaker(id="roe", name="John Roe"),
        ],
        body=[
            debatekit.Turn(id="u1", speaker_id="doe", paragraphs=["Welcome.", "Begin."]),
            debatekit.Incident(kind="kinesic", subtype="applause", printed="(APPLAUSE)"),
            debatekit.Turn(id="u2", speaker_id="roe", paragraphs=["Thanks."]),
            debatekit.Turn(id="u3", speaker_id="doe", paragraphs=["Bye."]),
        ],
        front=["A debate"],
        back=["Edited for length."],
    )
    assert text.dumps(t) == (
        "A debate\n\nJane Doe, moderator, CNN: Welcome.\n\nBegin.\n\n(APPLAUSE)\n\n"
        "John Roe: Thanks.\n\nJane Doe: Bye.\n\n---\n\nEdited for length."
    )
    again = text.loads(text.dumps(t))
    assert again.back == t.back
    assert again.speakers[0].role == "moderator"


def test_writer_escapes_text_that_looks_like_a_label() -> None:
    """A paragraph that would read as a label or a stage direction is escaped and survives."""
    t = Transcript(
        speakers=[Speaker(id="a", name="Ann Lee"), Speaker(id="b", name="Bob Roe")],
        body=[
            debatekit.Turn(
                id="u1",
                speaker_id="a",
                paragraphs=["Hello.", "Bob Roe: said nothing.", "(APPLAUSE)", "\\odd", "---"],
            ),
            debatekit.Turn(id="u2", speaker_id="b", paragraphs=["Fine (LAUGHTER) really."]),
        ],
    )
    written = text.dumps(t)
    again = text.loads(written)
    assert [turn.paragraphs for turn in again.turns] == [turn.paragraphs for turn in t.turns]
    assert "\\Bob Roe: said nothing." in written


def test_writer_disambiguates_speakers_with_the_same_name() -> None:
    """Two speakers with one name are written with their ids, and read back apart."""
    t = Transcript(
        speakers=[Speaker(id="a1", name="Ann Lee"), Speaker(id="a2", name="Ann Lee")],
        body=[
            debatekit.Turn(id="u1", speaker_id="a1", paragraphs=["One."]),
            debatekit.Turn(id="u2", speaker_id="a2", paragraphs=["Two."]),
        ],
    )
    again = text.loads(text.dumps(t))
    assert [turn.speaker_id for turn in again.turns] == ["a1", "a2"]


def first_appearance(t: Transcript) -> list[str]:
    seen: list[str] = []
    for turn in t.turns:
        if turn.speaker_id not in seen:
            seen.append(turn.speaker_id)
    return seen


@settings(max_examples=max(10, settings().max_examples // 4))
@given(transcripts(annotated=False))
def test_round_trip_keeps_speakers_turns_and_paragraphs(t: Transcript) -> None:
    """loads(dumps(t)) keeps speaker names, turn order, attribution and paragraph texts."""
    back = quiet_loads(text.dumps(t))
    assert [s.name for s in back.speakers] == [t.speaker(i).name for i in first_appearance(t)]
    assert len(back.turns) == len(t.turns)
    mapping: dict[str, str] = {}
    for ours, theirs in zip(t.turns, back.turns, strict=True):
        assert mapping.setdefault(ours.speaker_id, theirs.speaker_id) == theirs.speaker_id
        assert theirs.paragraphs == ours.paragraphs
    assert len(set(mapping.values())) == len(mapping)
    assert back.front == t.front
    assert back.back == t.back


@settings(max_examples=max(50, settings().max_examples * 3))
@given(transcript_texts())
# A stage direction alone on a line inside a paragraph, after a no-break space: without
# it the line is blank, which no paragraph may hold.
@example("HOLT: hi\n\na\n\u00a0(APPLAUSE)\na\n\nTRUMP: yo")
# An escaped break line in a text without labels: front matter, not where the back starts.
@example("\\---")
# A loose Q label printed once: text, with a warning (the writer escapes it).
@example("Q a")
# A timed label alone before the first speech is a turn, not a front heading.
@example("HOLT: \n[00:12:31] HOLT: \n\nTRUMP: yo")
# A label alone followed by a time: a timed turn of its own, no ids needed.
@example("\nTRUMP: 00:01:02\n\nTRUMP: yo")
# A label printed once whose name holds a parenthesis: the reader's rule accepts it.
@example("A(APPLAUSE)HOLT: ")
# Without labels a break line before another is front matter as printed, unescaped.
@example("---\n---")
# A label with its id, its speech on the next line: written as printed.
@example("HOLT: hi\n\nQ    {#x}:\na\n\nTRUMP: yo")
# Before the first label with speech on its line, a label alone in a speech is text.
@example("\nTRUMP: \nA\n\nTRUMP: yo")
@example("\nTRUMP: \nHOLT: \n\nTRUMP: yo")
# A stage direction before a line that is one only without its no-break space: front.
@example("(APPLAUSE)\n(APPLAUSE)\u00a0")
# A stage direction as the first paragraph follows a label alone on its line.
@example("TRUMP: \n(APPLAUSE)\na\n\nTRUMP: yo")
# An escaped stage direction after a space opens a paragraph: still text when written
# back (the writer escapes it after the indent, where the reader takes the backslash).
@example("HOLT: hi\n\n \\(APPLAUSE)\n\nTRUMP: yo")
@example("HOLT: hi\n\n\u00a0\\[music]\n\nTRUMP: yo")
# A once-printed label the writer escapes still tells the sniffer the colon rules: the
# two names in capitals alone on their lines stay text when read back.
@example("HOLT\nA'\n\nTRUMP: yo")
# A label alone before a speech whose label has a time (no speech on its line, as the
# reader judges): a label, not a heading, written back without an id.
@example("A\nTRUMP: [00:12:31] a")
# A capitals line broken at a hyphen ("HOLT-") is no name alone on its line: written back
# with the one-off label escaped, the text must not read as two caps-line labels.
@example("HOLT\nHOLT-\n\nTRUMP: yo")
def test_text_reads_back_exactly(source: str) -> None:
    """Any text reads without a crash; without warnings it is written back exactly.

    Texts with backslashes are left out of the exactness check: a backslash is the
    writer's escape, and the reader gives some spellings of an escape that the
    writer never makes the same text as the one it makes (the round trip of the
    transcript still holds for them).
    """
    odd = "\\" in source
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = text.loads(source)
        written = text.dumps(t)
        again = text.loads(written)
    unsure = [w for w in caught if "no speaker labels" not in str(w.message)]
    if not unsure and not odd:
        assert written == source
    assert [turn.paragraphs for turn in again.turns] == [turn.paragraphs for turn in t.turns]
    assert (again.front, again.back) == (t.front, t.back)


@settings(max_examples=max(50, settings().max_examples * 3))
@given(transcript_texts())
@example("HOLT: hi\n\na\n\u00a0(APPLAUSE)\na\n\nTRUMP: yo")
@example("HOLT: (APPLAUSE) hi [crosstalk]\n\n(LAUGHTER)\n\n  a  \n\nTRUMP: yo")
def test_the_readers_turns_pass_the_models_full_check(source: str) -> None:
    """Turns (and the stage directions inside their paragraphs) are built without the
    model re-checking what the reader guarantees by construction (``_read_turn``,
    ``_read_incident``): each passes the full check all the same."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        t = text.loads(source)
    for turn in t.turns:
        turn._check_all()
        for incident in turn.incidents:
            incident._check_all()


@pytest.mark.parametrize("where", ["A: hi \ud800 there\n\nB: x\n\nA: y", "\ud800\n\nA: x\n\nA: y"])
def test_a_lone_surrogate_is_refused_by_the_model_as_before(where: str) -> None:
    """A text holding a lone surrogate (a str; no bytes decode to one) is read with the
    model's every check, which names it."""
    with pytest.raises(debatekit.ValidationError, match="lone surrogate"):
        quiet_loads(where)


def test_a_byline_examines_only_where_q_and_a_labels_are() -> None:
    """Whether a document examines witnesses (a byline anywhere) is asked only where a
    Q./A. label is in question; the answer is the same."""
    examined = (
        "THE COURT: Proceed.\n\nBY MR. SMITH:\n\nQ. Where were you?\n\nA. Home.\n\n"
        "THE WITNESS: I was home.\n\nQ. Alone?\n\nA. Yes.\n"
    )
    t = quiet_loads(examined)
    assert [(t.speaker(turn.speaker_id).name, turn.label) for turn in t.turns] == [
        ("THE COURT", "THE COURT"),
        ("MR. SMITH", "Q"),
        ("THE WITNESS", "A"),
        ("THE WITNESS", "THE WITNESS"),
        ("MR. SMITH", "Q"),
        ("THE WITNESS", "A"),
    ]
    plain = "BY MR. SMITH:\n\nHOLT: Where were you?\n\nTRUMP: Home.\n\nHOLT: Alone?\n"
    assert [turn.label for turn in quiet_loads(plain).turns] == ["HOLT", "TRUMP", "HOLT"]


# -- files and read/write ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_read_and_write_by_suffix(tmp_path: Path, suffix: str) -> None:
    """debatekit.read/write pick the text format from .txt and .md."""
    path = tmp_path / f"talk{suffix}"
    path.write_text(CARNEGIE, encoding="utf-8")
    t = debatekit.read(path)
    assert len(t.turns) == 18
    out = tmp_path / f"out{suffix}"
    debatekit.write(t, out)
    assert out.read_text(encoding="utf-8") == CARNEGIE + "\n"


def test_load_refuses_text_mode_files() -> None:
    """load() needs a binary file and says how to open one."""
    with pytest.raises(TypeError, match="open the file with open"):
        text.load(io.StringIO("Jane: hi"))  # type: ignore[arg-type]


def test_dump_writes_utf8_and_keeps_the_final_newline_as_read() -> None:
    """dump() writes UTF-8 to a binary file, byte for byte as read: a final newline
    only if the source had one (it used to add one, so a file without it did not
    round-trip)."""
    for source in ("Jane Doe: Olé.\n\nJohn Roe: Sí.", "Jane Doe: Olé.\n\nJohn Roe: Sí.\n"):
        buffer = io.BytesIO()
        text.dump(text.loads(source), buffer)
        assert buffer.getvalue() == source.encode()


def test_layout_meta_is_json_for_uneven_gaps() -> None:
    """Uneven gaps between paragraphs are recorded so the writer can repeat them."""
    source = "Jane Doe: One.\n\n\nJohn Roe: Two.\nJane Doe: Three."
    t = text.loads(source)
    assert json.loads(t.meta["text:gaps"]) == ["\n\n\n", "\n"]
    assert text.dumps(t) == source
    assert re.fullmatch(r"\w+", t.meta["text:dialect"])


def test_a_line_only_a_stage_direction_inside_a_paragraph_is_folded() -> None:
    """'a / \u00a0(APPLAUSE) / a' is one paragraph 'a\\na' with the applause between."""
    source = "HOLT: hi\n\na\n\u00a0(APPLAUSE) (LAUGHTER)\n\u00a0(CHEERS)\nb\n\nTRUMP: yo"
    t = text.loads(source)
    first = t.turns[0]
    assert first.paragraphs == ("hi", "a\nb")
    assert [i.subtype for i in first.incidents] == ["applause", "laughter", "cheering"]
    assert text.dumps(t) == source


@pytest.mark.parametrize(
    ("source", "label", "start"),
    [
        ("Aaron: 00:01:10\n\nSjors how do you like it?\n\nSjors: 00:01:13\n\nNo.", "Aaron", 70),
        ("**Jonas Nick** 00:00:18\n\nHi.\n\n**Audience** 00:26:22\nA question.", "Jonas Nick", 18),
        ("Stephan 00:01:01: \n\nHi.\n\nJon: 00:01:05\n\nYo.", "Stephan", 61),
    ],
)
def test_a_name_and_a_time_alone_on_a_line_is_a_timed_label(
    source: str, label: str, start: int
) -> None:
    t = text.loads(source)
    assert len(t.turns) == 2
    assert t.turns[0].label == label
    assert t.turns[0].start == dt.timedelta(seconds=start)
    assert not t.turns[0].text[:1].isdigit()
    assert text.dumps(t) == source


def test_a_low_confidence_flag_is_not_part_of_the_name() -> None:
    source = "[00:15:40] Committee Counsel: Do you affirm?\n\n[00:15:53] Witness: Yes.\n\n" + (
        "[00:15:56] Committee Counsel [?]: Thank you."
    )
    t = text.loads(source)
    assert [turn.speaker_id for turn in t.turns] == ["counsel", "witness", "counsel"]
    assert t.turns[2].label == "Committee Counsel [?]"


def test_an_untimed_label_printed_once_among_timed_labels_is_text() -> None:
    source = (
        "City Council, Committee of the Whole: Oversight\n\n"
        "[00:01:43] Clerk: Quiet, please.\n\n[00:02:10] Chair: Good morning.\n\n"
        "[00:02:30] Clerk: Thank you."
    )
    with pytest.warns(UserWarning, match="occurs only once"):
        t = text.loads(source)
    assert [turn.label for turn in t.turns] == ["Clerk", "Chair", "Clerk"]
    assert t.front[0].startswith("City Council")


def test_an_empty_last_turn_keeps_a_closing_line_out_of_it() -> None:
    """A label alone on its line would take the back matter's '©' for its speech."""
    t = Transcript(
        speakers=(Speaker(id="s0", name="Holt"),),
        body=(Turn(id="u1", speaker_id="s0", paragraphs=()),),
        back=("© 2024 NBC",),
    )
    back = text.loads(text.dumps(t))
    assert [turn.paragraphs for turn in back.turns] == [()]
    assert back.back == t.back
