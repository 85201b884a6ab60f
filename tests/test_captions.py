"""Tests of debatekit.captions: WebVTT and SRT caption files."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from pathlib import Path

import attrs
import pytest

import debatekit
from debatekit import (
    DebatekitError,
    Incident,
    ParseError,
    ParseWarning,
    Speaker,
    Transcript,
    Turn,
    captions,
)
from linear import assert_linear

DATA = Path(__file__).parent / "data" / "captions"

VTT = (
    "WEBVTT\n\n"
    "NOTE Made by hand for the tests.\n\n"
    "intro\n00:00:01.000 --> 00:00:03.500 align:start\n<v Ann Lee>Hello &amp; <i>welcome</i>.\n\n"
    "00:00:03.500 --> 00:00:05.000\n<v Ann Lee>Second line.\n\n"
    "00:00:05.000 --> 00:00:06.000\n[Music]\n\n"
    "00:00:06.000 --> 00:00:08.000\n<v.loud Bob Roe>Yes\nreally.\n\n"
    "00:00:08.000 --> 00:00:09.000\nNo speaker: Bob goes on.\n"
)


def seconds(value: float) -> dt.timedelta:
    return dt.timedelta(seconds=value)


def test_real_srt_speakers_turns_and_times() -> None:
    """The real SRT file: Name: prefixes at speaker changes give nine turns by two speakers."""
    with open(DATA / "virtual-coffee-s08e05.srt", "rb") as fp:
        t = captions.load(fp)
    assert [s.name for s in t.speakers] == ["Bekah", "Dan"]
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == ["Bekah", "Dan"] * 4 + ["Bekah"]
    first = t.turns[0]
    assert (first.start, first.end) == (dt.timedelta(seconds=6, milliseconds=56), seconds(31.925))
    assert first.paragraphs[0].startswith(
        "Hello and welcome to\nseason eight,episode five of the\n"
    )
    assert t.turns[7].paragraphs == ("Absolutely",)


def test_vtt_voice_tags_merge_cues_and_keep_times() -> None:
    """Voice tags name speakers; consecutive cues of one speaker merge into one turn."""
    t = captions.loads(VTT)
    assert [(s.id, s.name) for s in t.speakers] == [("lee", "Ann Lee"), ("roe", "Bob Roe")]
    ann, bob = t.turns
    assert ann.paragraphs == ("Hello & welcome.\nSecond line.",)
    assert (ann.start, ann.end) == (seconds(1), seconds(5))
    assert bob.paragraphs == ("Yes\nreally.\nNo speaker: Bob goes on.",)
    assert t.front == ("Made by hand for the tests.",)


def test_sound_cue_is_a_timed_incident() -> None:
    """A cue that only describes a sound is a body incident with its time."""
    music = captions.loads(VTT).body[1]
    assert isinstance(music, Incident)
    assert (music.kind, music.subtype, music.text, music.time) == (
        "incident",
        "music",
        "Music",
        seconds(5),
    )


def test_cue_without_any_speaker_is_unknown() -> None:
    """Cues before any named speaker, or after a bare >>, belong to the speaker "unknown"."""
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nGood evening.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n>> HOLT: Welcome.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\n>> Thank you.\n"
    )
    t = captions.loads(srt)
    assert [(turn.speaker_id, turn.paragraphs) for turn in t.turns] == [
        ("unknown", ("Good evening.",)),
        ("holt", ("Welcome.",)),
        ("unknown", ("Thank you.",)),
    ]


def test_bom_and_crlf() -> None:
    """A byte-order mark and CRLF line endings are handled."""
    data = ("\ufeff" + VTT.replace("\n", "\r\n")).encode("utf-8")
    assert captions.loads(data).turns == captions.loads(VTT).turns


def test_malformed_cue_is_kept_with_a_warning() -> None:
    """A cue with a broken timing line is kept, broken line included, with a warning."""
    srt = "1\n00:00:01,000 --> 00:00:02,000\nHOLT: Hi.\n\n2\n00:00:02 -> 00:00:03\nStill me.\n"
    with pytest.warns(ParseWarning, match="cue without a valid timing line") as record:
        t = captions.loads(srt, source="x.srt")
    assert record[0].message.lineno == 5  # type: ignore[union-attr]
    assert t.turns[0].paragraphs == ("Hi.\n00:00:02 -> 00:00:03\nStill me.",)


def test_malformed_cue_in_strict_mode_is_a_parse_error() -> None:
    """strict=True raises a ParseError at the malformed cue's line."""
    srt = "1\n00:00:01,000 --> 00:00:02,000\nHOLT: Hi.\n\n2\n00:00:02 -> 00:00:03\nStill me.\n"
    with pytest.raises(ParseError, match=r"^x\.srt:5:1: cue without") as info:
        captions.loads(srt, source="x.srt", strict=True)
    assert info.value.lineno == 5


def test_vtt_needs_its_header() -> None:
    """Reading as WebVTT a file without the WEBVTT header is a ParseError at line 1."""
    with pytest.raises(ParseError, match='starts with "WEBVTT"'):
        captions.loads("00:00:01.000 --> 00:00:02.000\nHi.\n", format="vtt")


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_written_captions_read_back(fmt: str) -> None:
    """Captions written in either format read back to the same speakers, texts and times."""
    t = captions.loads(VTT)
    again = captions.loads(captions.dumps(t, format=fmt))  # type: ignore[arg-type]
    assert [s.name for s in again.speakers] == ["Ann Lee", "Bob Roe"]
    assert [turn.paragraphs for turn in again.turns] == [turn.paragraphs for turn in t.turns]
    assert [(turn.start, turn.end) for turn in again.turns] == [
        (turn.start, turn.end) for turn in t.turns
    ]


def test_vtt_writer_output() -> None:
    """The WebVTT writer uses voice tags, escapes markup and keeps the recorded cues."""
    t = Transcript(
        speakers=[Speaker(id="a", name="Ann <Lee>")],
        body=[Turn(id="u1", speaker_id="a", paragraphs=["1 < 2 & so on"], start=seconds(1.5))],
    )
    assert captions.dumps(t) == (
        "WEBVTT\n\n00:00:01.500 --> 00:00:03.500\n<v Ann &lt;Lee&gt;>1 &lt; 2 &amp; so on\n"
    )


def test_writer_needs_times() -> None:
    """A turn without a start time cannot be written as captions."""
    t = Transcript(
        speakers=[Speaker(id="a", name="Ann")],
        body=[Turn(id="u1", speaker_id="a", paragraphs=["Hi."])],
    )
    with pytest.raises(DebatekitError, match="no start time"):
        captions.dumps(t)


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_read_and_write_by_suffix(tmp_path: Path, suffix: str) -> None:
    """debatekit.write/read pick WebVTT or SRT from the suffix."""
    path = tmp_path / f"talk{suffix}"
    debatekit.write(captions.loads(VTT), path)
    written = path.read_text(encoding="utf-8")
    assert written.startswith("WEBVTT") == (suffix == ".vtt")
    assert [s.name for s in debatekit.read(path).speakers] == ["Ann Lee", "Bob Roe"]


def test_load_refuses_text_mode_files() -> None:
    """load() needs a binary file."""
    with pytest.raises(TypeError, match="binary"):
        captions.load(io.StringIO(VTT))  # type: ignore[arg-type]


def test_word_times_accessor() -> None:
    """word_times gives the (offset, time) pairs of captions:words, checked."""
    turn = Turn(
        id="u1",
        speaker_id="a",
        paragraphs=["so far so good"],
        meta={"captions:words": "[[0,1.0],[3,1.5],[7,2],[10,2.25]]"},
    )
    assert captions.word_times(turn) == (
        (0, seconds(1)),
        (3, seconds(1.5)),
        (7, seconds(2)),
        (10, seconds(2.25)),
    )
    assert captions.word_times(Turn(id="u2", speaker_id="a", paragraphs=["x"])) == ()
    with pytest.raises(TypeError, match="takes a Turn"):
        captions.word_times("u1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "[[0,1e999]]",
        "[[0,NaN]]",
        "[[0,-1]]",
        "[[0," + "9" * 400 + "]]",
        "[[" + "9" * 400 + ",1]]",
        "[[0,1],[0,2]]",
        "[[0,1],[99,2]]",
        "[[0,true]]",
        "[[0]]",
        "{}",
        "not json",
        "[" * 100_000,
        "[[0," + "9" * 5000 + "]]",
    ],
)
def test_word_times_ignores_bad_metadata_with_a_warning(value: str) -> None:
    """Metadata read from a file is input: bad word times are ignored with a warning."""
    turn = Turn(id="u1", speaker_id="a", paragraphs=["so far"], meta={"captions:words": value})
    with pytest.warns(ParseWarning, match=r"u1.*captions:words.*ignored"):
        assert captions.word_times(turn) == ()


# -- issue 12: times and metadata that do not fit, and inputs that grow -----------------

HUGE = b"1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nhi\n"


def test_time_out_of_range_is_a_parse_problem() -> None:
    """A time past the bound is a located ParseError in strict mode, a warning (and the
    text kept without a time) otherwise; never an OverflowError."""
    with pytest.raises(ParseError, match=r"^x\.srt:2:1: cue time out of range"):
        captions.loads(HUGE, source="x.srt", strict=True)
    with pytest.warns(ParseWarning, match="out of range"):
        t = captions.loads(HUGE)
    assert t.turns[0].text.endswith("\nhi")  # the broken lines are kept, as text
    assert t.turns[0].start is None
    vtt = b"WEBVTT\n\n9999999:00:00.000 --> 9999999:00:01.000\nhi\n"
    with pytest.raises(ParseError, match="out of range"):
        captions.loads(vtt, strict=True)


BAD_TIMES = ["1e999", "NaN", "-1", "9" * 400, "Infinity", "true", '"1"', "null"]


def timed(meta: dict[str, str], incident_meta: dict[str, str] | None = None) -> Transcript:
    """A timed turn with ``meta``, read from JSON (metadata read from a file is input)."""
    t = Transcript(
        speakers=[Speaker(id="a", name="Ann")],
        body=[
            Turn(
                id="u1",
                speaker_id="a",
                paragraphs=["Hello there."],
                start=seconds(1),
                end=seconds(2),
                meta=meta,
                incidents=[
                    Incident(kind="vocal", offset=6, time=seconds(1.5), meta=incident_meta or {})
                ],
            )
        ],
    )
    return debatekit.json.loads(debatekit.json.dumps(t))


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
@pytest.mark.parametrize("bad", BAD_TIMES)
def test_bad_cue_times_in_metadata_are_ignored_with_a_warning(fmt: str, bad: str) -> None:
    """captions:cues with an infinite, NaN, negative, huge or non-number time: ignored with
    a warning naming the path; the turn is written as one cue of its own times."""
    for value in (f"[[0,1,{bad}]]", f"[[{bad},2,1]]", f"[[1,{bad},1]]"):
        with pytest.warns(ParseWarning, match=r"body\[0\]\.meta\['captions:cues'\].*ignored"):
            out = captions.dumps(timed({"captions:cues": value}), format=fmt)  # type: ignore[arg-type]
        sep = "." if fmt == "vtt" else ","
        assert f"00:00:01{sep}000 --> 00:00:02{sep}000" in out


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("captions:cues", "[[1,2]]"),
        ("captions:cues", "[[1,2,1,{}]]"),
        ("captions:cues", "[[2,1,1]]"),
        ("captions:cues", "[[1,2,0]]"),
        ("captions:cues", "[[1,2,true]]"),
        ("captions:cues", '[[1,2,1,"a\\nb"]]'),
        ("captions:cues", '[[1,2,1,null,"x --> y"]]'),
        ("captions:cues", "{}"),
        ("captions:cues", "[" * 50_000),
        ("captions:labels", '[[0,"shout","Ann"]]'),
        ("captions:labels", '[[5,"voice","Ann"]]'),
        ("captions:labels", '[[0,"voice","Ann","x"]]'),
        ("captions:words", "[[0,1e999]]"),
        ("captions:words", "[[99,1]]"),
    ],
)
def test_bad_turn_metadata_is_ignored_with_a_warning(key: str, value: str) -> None:
    """Every recorded value the writer uses is checked where it is used."""
    with pytest.warns(ParseWarning, match=re.escape(f"meta[{key!r}]")):
        out = captions.dumps(timed({key: value}))
    assert "Hello" in out


@pytest.mark.parametrize("value", ["[[1e999,2,1]]", '[" ", "x"]', "[1]"])
def test_bad_incident_metadata_is_ignored_with_a_warning(value: str) -> None:
    """An incident's recorded cue or inline spacing that does not fit is ignored."""
    for key in ("captions:cue", "captions:inline"):
        with pytest.warns(ParseWarning, match="ignored"):
            captions.dumps(timed({}, {key: value}))


# One unit of each shape of adversarial cue text; the test repeats it to a size.
ADVERSARIAL = [
    "<",
    "<v",
    "<v.",
    "-->",
    "a",
    "[",
    "(",
    "&",
    "[x] ",
    "[a\n",
    ">> ",
    "A: ",
    "<00:00:01.000>",
    "so<00:00:01.500> [x]",
    "\n00:00:01.000 --> 00:00:02.000\n",
    "\n \n",
    "\nNOTE\n",
]


@pytest.mark.parametrize(
    "head",
    ["WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n", "1\n00:00:01,000 --> 00:00:02,000\n"],
    ids=["vtt", "srt"],
)
@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_reading_grows_linearly(head: str, unit: str) -> None:
    """Twice the adversarial input takes at most about twice the work (a quadratic reader
    takes four times: 80,000 '<' took 14.7 s with a backtracking tag pattern)."""
    # (The one harness: the input grows until a read costs enough CPU time that timer
    # resolution and a busy machine do not decide the ratio.)
    assert_linear(lambda n: head + unit * n, captions.loads, n=max(1, 20_000 // len(unit)))


# -- issue 13: readers keep what they read, writers carry what they can -----------------

FULL_VTT = """WEBVTT Episode 8 - The Border
Kind: captions
Language: en
X-Origin: hand-made

NOTE Recorded in Washington.

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:02.500 align:start position:10%
<v Ann Lee>Hello &amp; welcome.

00:00:02.500 --> 00:00:04.000
<v Ann Lee>Shall we begin?

NOTE
A note between two cues
of one speaker.

00:00:04.000 --> 00:00:05.000
<v Ann Lee>Yes.

00:00:05.000 --> 00:00:06.000
[APPLAUSE]

00:00:06.000 --> 00:00:08.000
Bob Roe: Thank you [laughs]. Indeed.

NOTE The end: 11,094 words of back matter would go here.
"""


def test_vtt_header_and_notes_are_kept() -> None:
    """Header text is the title, Language: the event's language, Kind: and other header
    lines metadata; NOTE blocks are front matter, note incidents and back matter."""
    t = captions.loads(FULL_VTT)
    assert (t.event.title, t.event.language) == ("Episode 8 - The Border", "en")
    assert t.meta["captions:kind"] == "captions"
    assert t.meta["captions:header"] == "X-Origin: hand-made"
    assert t.front == ("Recorded in Washington.",)
    assert t.back == ("The end: 11,094 words of back matter would go here.",)
    ann = t.turns[0]
    assert ann.text == "Hello & welcome.\nShall we begin?\nYes."
    note = ann.incidents[0]
    assert (note.kind, note.text, note.offset) == (
        "note",
        "A note between two cues\nof one speaker.",
        32,
    )
    applause = t.body[1]
    assert isinstance(applause, Incident)
    assert (applause.kind, applause.subtype, applause.time) == ("kinesic", "applause", seconds(5))
    bob = t.turns[1]
    assert bob.text == "Thank you. Indeed."
    assert [(i.printed, i.kind, i.subtype, i.offset) for i in bob.incidents] == [
        ("[laughs]", "vocal", "laughter", 9)
    ]


def test_vtt_read_without_warnings_is_written_back_exactly() -> None:
    """WebVTT -> model -> WebVTT gives the same file: header, notes, STYLE, cue ids and
    settings, labels, entities, sounds inside and between turns."""
    assert captions.dumps(captions.loads(FULL_VTT)) == FULL_VTT


def test_srt_round_trip_is_exact() -> None:
    """SRT -> model -> SRT gives the same file (the real one, less its final blank line)."""
    source = (DATA / "virtual-coffee-s08e05.srt").read_text("utf-8")
    t = captions.loads(source)
    assert captions.dumps(t, format="srt") == source.rstrip("\n") + "\n"


def test_vtt_writer_carries_front_and_back_matter_title_and_language() -> None:
    """A transcript from elsewhere keeps its front and back matter (NOTE blocks), title
    and language (header) through WebVTT; SRT has no place for them."""
    t = Transcript(
        event=debatekit.Event(title="A debate", language="de"),
        speakers=[Speaker(id="a", name="Ann")],
        body=[Turn(id="u1", speaker_id="a", paragraphs=["Hallo."], start=seconds(1))],
        front=["First paragraph.", "Second\nwith two lines --> here."],
        back=["The back matter."],
    )
    back = captions.loads(captions.dumps(t))
    assert (back.event.title, back.event.language) == ("A debate", "de")
    assert back.front == ("First paragraph.", "Second\nwith two lines -> here.")
    assert back.back == ("The back matter.",)
    srt = captions.loads(captions.dumps(t, format="srt"))
    assert (srt.front, srt.back, srt.event.title) == ((), (), None)


def test_short_form_of_a_name_is_the_same_speaker() -> None:
    """Dan: after Dan Smith: is one speaker, the printed form kept as the turn's label."""
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nDan Smith: Hello.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nBekah: Hi Dan.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nDan: How are you?\n"
    )
    t = captions.loads(srt)
    assert [(s.id, s.name) for s in t.speakers] == [("smith", "Dan Smith"), ("bekah", "Bekah")]
    assert [(turn.speaker_id, turn.label) for turn in t.turns] == [
        ("smith", "Dan Smith"),
        ("bekah", "Bekah"),
        ("smith", "Dan"),
    ]
    assert captions.dumps(t, format="srt") == srt


@pytest.mark.parametrize(
    ("cue", "kind", "subtype"),
    [
        ("[music]", "incident", "music"),
        ("[Music]", "incident", "music"),
        ("[chuckles]", "vocal", "laughter"),
        ("(APPLAUSE)", "kinesic", "applause"),
        ("(BOOING)", "vocal", "booing"),
        ("♪ la la la ♪", "incident", "music"),
        ("♪♪", "incident", "music"),
        ("[door slams]", "incident", None),
    ],
)
def test_a_cue_that_is_only_a_sound_is_an_incident(cue: str, kind: str, subtype: str) -> None:
    """A sound cue is an incident of the shared vocabulary's kind, never a speaker; the
    unlabelled cue after it goes on with the speaker before it."""
    srt = (
        f"1\n00:00:01,000 --> 00:00:02,000\n{cue}\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nANN: Hello.\n\n"
        f"3\n00:00:03,000 --> 00:00:04,000\n{cue}\n\n"
        "4\n00:00:04,000 --> 00:00:05,000\nStill Ann.\n\n"
        "5\n00:00:05,000 --> 00:00:06,000\nBOB: Hi.\n\n"
        f"6\n00:00:06,000 --> 00:00:07,000\n{cue}\n"
    )
    t = captions.loads(srt)
    assert [s.name for s in t.speakers] == ["ANN", "BOB"]
    first = t.body[0]
    assert isinstance(first, Incident)
    assert (first.kind, first.subtype, first.printed, first.time) == (
        kind,
        subtype,
        cue,
        seconds(1),
    )
    ann = t.turns[0]
    assert ann.text == "Hello.\nStill Ann."
    assert [(i.kind, i.offset, i.time) for i in ann.incidents] == [(kind, 6, seconds(3))]
    assert isinstance(t.body[-1], Incident)
    assert captions.dumps(t, format="srt") == srt


YOUTUBE = """WEBVTT
Kind: captions
Language: en

00:00:01.839 --> 00:00:04.150 align:start position:0%
{SP}
so<00:00:02.080><c> today</c><00:00:02.399><c> we're</c>

00:00:04.150 --> 00:00:04.160 align:start position:0%
so today we're
{SP}

00:00:04.160 --> 00:00:06.789 align:start position:0%
so today we're
going<00:00:04.400><c> to</c><00:00:04.560><c> talk</c>

00:00:06.789 --> 00:00:06.799 align:start position:0%
going to talk
{SP}

00:00:06.799 --> 00:00:08.000 align:start position:0%
going to talk
[Music]

00:00:08.000 --> 00:00:09.000 align:start position:0%
[Music]
about<00:00:08.400><c> &amp;</c><00:00:08.600><c> this</c>
""".replace("{SP}", " ")  # a single space: the line is not blank


def test_auto_generated_captions_give_each_word_once_with_its_time() -> None:
    """Rolling cues that repeat the previous line and 10 ms transition cues: each word
    once, word times in captions:words (word_times), [Music] an incident."""
    t = captions.loads(YOUTUBE)
    turn = t.turns[0]
    assert turn.text == "so today we're\ngoing to talk\nabout & this"
    times = [(turn.text[o:].split()[0], d.total_seconds()) for o, d in captions.word_times(turn)]
    assert times == [
        ("so", 1.839),
        ("today", 2.08),
        ("we're", 2.399),
        ("going", 4.16),
        ("to", 4.4),
        ("talk", 4.56),
        ("about", 8.0),
        ("&", 8.4),
        ("this", 8.6),
    ]
    assert [(i.subtype, i.time) for i in turn.incidents] == [("music", seconds(6.799))]


def test_auto_generated_captions_written_back_keep_words_and_times() -> None:
    """Written as WebVTT: one cue per line with timestamp tags; read again, the same words
    and word times (the rolling layout and transition cues are what is not kept)."""
    t = captions.loads(YOUTUBE)
    written = captions.dumps(t)
    assert "00:00:04.150 --> 00:00:04.160" not in written
    assert "so <00:00:02.080>today <00:00:02.399>we're" in written
    again = captions.loads(written)
    assert again.turns[0].text == t.turns[0].text
    assert captions.word_times(again.turns[0]) == captions.word_times(t.turns[0])
    assert captions.dumps(again) == written


def test_a_label_inside_a_sentence_is_text() -> None:
    """'Coffee:' in the middle of a sentence, once in the file, is not a speaker."""
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nAnn: we start every Virtual\nCoffee: we introduce\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nBob: Right.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nAnn: Yes.\n"
    )
    t = captions.loads(srt)
    assert [s.name for s in t.speakers] == ["Ann", "Bob"]
    assert t.turns[0].text == "we start every Virtual\nCoffee: we introduce"


def test_vtt_text_that_looks_like_a_label_or_a_sound_stays_text() -> None:
    """Text lines that a reader would take for a label, a sound or a bracketed incident
    are written so that they read back as the same text."""
    text = "Dan: not a label\n[not a sound]\n(APPLAUSE) is text here\n>> nor a change"
    t = Transcript(
        speakers=[Speaker(id="a", name="Ann")],
        body=[Turn(id="u1", speaker_id="a", paragraphs=[text], start=seconds(1))],
    )
    back = captions.loads(captions.dumps(t))
    assert back.turns[0].text == text
    assert back.turns[0].incidents == ()
    assert [s.name for s in back.speakers] == ["Ann"]


def test_styling_tags_are_written_back_as_they_were() -> None:
    """Styling tags leave the text but not the file: the line as printed is kept while its
    text is unchanged, for the format it was read from."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        "<v Ann>Hello <i>there</i> [laughs] you.\n<c.yellow>Second</c> line &amp; more\n"
    )
    t = captions.loads(vtt)
    assert t.turns[0].text == "Hello there you.\nSecond line & more"
    assert captions.dumps(t) == vtt
    assert "Ann: Hello there [laughs] you.\nSecond line & more\n" in captions.dumps(t, format="srt")
    edited = attrs.evolve(t.turns[0], paragraphs=["Hello there you.\nSecond line changed"])
    again = captions.dumps(attrs.evolve(t, body=[edited]))
    assert "<v Ann>Hello <i>there</i> [laughs] you.\nSecond line changed\n" in again


def test_separator_lines_of_white_space() -> None:
    """SRT files whose blank lines hold spaces still separate their cues; a line of one
    space inside a cue (auto-generated captions) does not end it."""
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nANN: Hello.\n \n"
        "2\n00:00:02,000 --> 00:00:03,000\nAgain.\n \n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", ParseWarning)
        t = captions.loads(srt)
    assert t.turns[0].text == "Hello.\nAgain."
    assert t.turns[0].meta["captions:cues"] == "[[1.0,2.0,1],[2.0,3.0,1]]"


SDH = (
    "1\n00:00:01,000 --> 00:00:02,000\n[Alba] <i>In 1928,</i>\n\n"
    "2\n00:00:02,000 --> 00:00:03,000\n<i>women were ornaments.</i>\n\n"
    "3\n00:00:03,000 --> 00:00:04,000\n- Leave her.\n-Stay out of it.\n\n"
    "4\n00:00:04,000 --> 00:00:05,000\n[thunder]\n\n"
    "5\n00:00:05,000 --> 00:00:06,000\n[Music] And so\n- it goes on.\n\n"
    "6\n00:00:06,000 --> 00:00:07,000\n- [Ana Ruiz] No, no.\n- Yes.\n\n"
    "7\n00:00:07,000 --> 00:00:08,000\n[Alba laughs] Fine.\n"
)


def test_subtitles_for_the_deaf_dialogue_dashes_and_bracketed_names() -> None:
    """A name in brackets before the text names a speaker; in a cue whose lines open
    with dialogue dashes, each dashed line is a turn (its speaker unnamed unless a
    bracketed name follows the dash). A lone dash line, a sound in brackets before
    text and brackets holding words in lower case are not labels."""
    t = captions.loads(SDH, format="srt")
    assert [(t.speaker(x.speaker_id).name, x.text) for x in t.turns] == [
        ("Alba", "In 1928,\nwomen were ornaments."),
        ("Unknown", "Leave her."),
        ("Unknown", "Stay out of it.\nAnd so\n- it goes on."),
        ("Ana Ruiz", "No, no."),
        ("Unknown", "Yes.\nFine."),
    ]
    assert [i.printed for i in t.turns[2].incidents] == ["[thunder]", "[Music]"]
    assert [i.printed for i in t.turns[4].incidents] == ["[Alba laughs]"]
    assert captions.dumps(t, format="srt") == SDH


def test_a_dash_inside_a_sentence_is_not_a_dialogue_dash() -> None:
    """Dashes mark speakers only where the cue opens with one and another line has one:
    dashes that set off words inside a sentence stay text. After '- ' a 'Name:' label
    names the speaker."""
    aside = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nwhat does he think of it\n"
        "- since you spoke of Turkey -\nof the agreement\n- it is immense -\n"
    )
    t = captions.loads(aside)
    assert [x.text for x in t.turns] == [
        "what does he think of it\n- since you spoke of Turkey -\nof the agreement\n"
        "- it is immense -"
    ]
    dialogue = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n- Do you have the figure?\n- JLM: Yes.\n"
    t = captions.loads(dialogue)
    assert [(t.speaker(x.speaker_id).name, x.text) for x in t.turns] == [
        ("Unknown", "Do you have the figure?"),
        ("JLM", "Yes."),
    ]
    assert captions.dumps(t) == dialogue


def test_title_case_sounds_are_never_names() -> None:
    """A bracket before text is a name only in files that print their sounds in lower
    case: where a sound stands alone in title case ('[Loud Applause]'), '[Phone Rings]
    Hello' is a sound too; and a bracket holding a sound word ('[Upbeat Music]') is one
    anywhere."""
    titled = (
        "1\n00:00:01,000 --> 00:00:02,000\n[Loud Applause]\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n[Phone Rings] Hello?\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\n[Upbeat Music] Who is it?\n"
    )
    t = captions.loads(titled, format="srt")
    assert [(t.speaker(x.speaker_id).name, x.text) for x in t.turns] == [
        ("Unknown", "Hello?\nWho is it?")
    ]
    lower = titled.replace("[Loud Applause]", "[loud applause]").replace("[Phone Rings]", "[Ana]")
    t = captions.loads(lower, format="srt")
    assert [(t.speaker(x.speaker_id).name, x.text) for x in t.turns] == [
        ("Ana", "Hello?\nWho is it?")
    ]
    assert (
        captions.loads(titled.replace("[Phone Rings]", "[Ana]"), format="srt").speakers[0].name
        == "Unknown"
    )
