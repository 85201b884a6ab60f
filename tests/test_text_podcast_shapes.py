"""Label shapes of podcast and interview transcripts found on first contact with fresh
files (the textpod round): transcription services' diarised Markdown, names set as
Markdown headings, and sounds glued to Markdown emphasis."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable

from debatekit import Transcript, text


def _loads(source: str) -> tuple[text.Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = text.loads(source)
    return t, [str(w.message) for w in caught]


DIARISED = (
    "**[00:03] SPEAKER_00:** Hello everybody, and thank you for tuning in.\n"
    "\n"
    "**[01:12] SPEAKER_01:** Um, so welcome to a very special edition.\n"
    "\n"
    "**[01:57] SPEAKER_02:** My name is Daniel.\n"
    "\n"
    "**[02:14] SPEAKER_01:** All right, these are our guests.\n"
)


def test_a_time_inside_the_bold_label_is_the_turns_start() -> None:
    """AssemblyAI / WhisperX output rendered as Markdown: '**[01:12] SPEAKER_01:** text'."""
    t, messages = _loads(DIARISED)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "SPEAKER_00",
        "SPEAKER_01",
        "SPEAKER_02",
        "SPEAKER_01",
    ]
    assert t.turns[1].start == dt.timedelta(minutes=1, seconds=12)
    assert t.turns[0].text == "Hello everybody, and thank you for tuning in."
    assert text.dumps(t) == DIARISED


def test_a_bold_time_without_a_name_is_no_label() -> None:
    source = "**[00:03]:** nothing here\n\nJane: Hello.\n\nJohn: Hi.\n\nJane: Bye.\n\nJohn: Bye.\n"
    t, _ = _loads(source)
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == ["Jane", "John"] * 2
    assert "**[00:03]:** nothing here" in t.front


HEADINGS = (
    "---\n"
    "title: Behind the Scenes\n"
    "---\n"
    "\n"
    "### Transcribed 10/13/20 via stellarscripts\n"
    "\n"
    "#### TIM\n"
    "\n"
    "Hello and welcome. Say hello Katie!\n"
    "\n"
    "#### KATIE\n"
    "\n"
    "Hello.\n"
    "\n"
    "#### TIM [laughing]\n"
    "\n"
    "And Maddy, our editor.\n"
    "\n"
    "We'll get on to that.\n"
    "\n"
    "#### MADDY \n"
    "\n"
    "How do you do?\n"
    "\n"
    "#### KATIE\n"
    "\n"
    "Fine.\n"
)


def test_names_set_as_markdown_headings_are_labels() -> None:
    """'#### TIM' alone on its line, the speech in the paragraphs below."""
    assert text.sniff(HEADINGS).convention == "heading-name"
    t, messages = _loads(HEADINGS)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "TIM",
        "KATIE",
        "TIM",
        "MADDY",
        "KATIE",
    ]
    assert t.turns[2].text == "And Maddy, our editor.\n\nWe'll get on to that."
    assert text.dumps(t) == HEADINGS


def test_show_note_headings_are_not_labels() -> None:
    """Headings of show notes (a sentence, lower-case words, a question) and a guest's
    biography under a heading of their name, printed once, leave the colon labels the
    document's convention."""
    source = (
        "##### Cool things of the week\n\n"
        "##### Where can you find us next?\n\n"
        "##### Jen Person\n\n"
        "Jen is a Developer Advocate.\n\n"
        "MARK: Hi, and welcome.\n\n"
        "JEN: Hello.\n\n"
        "MARK: Tell us about Firebase.\n\n"
        "JEN: It is a suite of products.\n"
    )
    assert text.sniff(source).convention != "heading-name"
    t, _ = _loads(source)
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == ["MARK", "JEN"] * 2


def test_a_sound_glued_to_emphasis_marks_keeps_its_words() -> None:
    """'__[laughs]__' (Markdown emphasis around a bracketed sound) stays in the text as
    printed, as a parenthesis glued to a word already did: taking the bracket out left
    '____', one word where the source had two."""
    source = "KATIE: Yeah. __[laughs]__ And then.\n\nTIM: Right. [laughs] Yes.\n\nKATIE: Ok.\n"
    t, _ = _loads(source)
    assert t.turns[0].text == "Yeah. __[laughs]__ And then."
    assert t.turns[1].text == "Right. Yes."  # a free-standing sound is still an incident
    assert [i.text for i in t.turns[1].incidents] == ["laughs"]
    assert text.dumps(t) == source


NAMES = ["Jane Doe", "Speaker 2", "Jane Doe", "Ann Lee", "Speaker 2", "Ann Lee"]
TIMES = ["00:00:01", "00:00:15", "00:01:02", "00:02:30", "00:03:04", "00:04:40"]
SPEECH = "So this is what we said about it, and more."

# Transcription services' exports (the shapes of their documentation and of files found
# in public repositories), each turn: the printed label for a name and a time.
EXPORTS = {
    # Happy Scribe: the time with hundredths in brackets, a dash, the name alone.
    "happy-scribe": lambda name, time: f"[{time}.00] - {name}\n{SPEECH}\n",
    # Trint: the time in brackets, the name alone on its line.
    "trint": lambda name, time: f"[{time}] {name}\n{SPEECH}\n",
    # Zoom's saved captions: the name in brackets, the time bare.
    "zoom-captions": lambda name, time: f"[{name}] {time}\n{SPEECH}\n",
    "zoom-captions-inline": lambda name, time: f"[{name}] {time} {SPEECH}\n",
    # Speech-to-text scripts: a segment's span, then the diarised name and a colon.
    "segment-span": lambda name, time: f"[{time} --> {time}] {name}: {SPEECH}\n",
    "segment-span-dash": lambda name, time: f"[{time[3:]}.23 – {time[3:]}.67] {name}: {SPEECH}\n",
}


def test_transcription_service_exports() -> None:
    """Each export reads as six turns of three speakers, the label's time as the turn's
    start, and is written back as it was printed."""
    for service, label in EXPORTS.items():
        t = _six_turns(service, label)
        start = t.turns[3].start
        assert start is not None, service
        assert dt.timedelta(seconds=150) <= start < dt.timedelta(seconds=151), service


def _six_turns(shape: str, label: Callable[[str, str], str]) -> Transcript:
    """The six turns of NAMES at TIMES printed with ``label``: read without a warning,
    each name a speaker and SPEECH its text, written back as printed."""
    source = "\n".join(label(n, t) for n, t in zip(NAMES, TIMES, strict=True))
    t, messages = _loads(source)
    assert not messages, shape
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == NAMES, shape
    assert [turn.text for turn in t.turns] == [SPEECH] * 6, shape
    assert text.dumps(t) == source, shape
    return t


def test_a_time_and_a_chapter_title_are_no_label() -> None:
    """A chapter list ("[00:12:00] Introduction") names nobody twice: its lines stay text
    under the colon labels that do repeat."""
    source = (
        "[00:00:00] Introduction\n[00:12:00] Interview\n\n"
        "Jane: Hello.\n\nJohn: Hi.\n\nJane: Bye.\n\nJohn: Bye.\n"
    )
    t, _ = _loads(source)
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == ["Jane", "John"] * 2


def test_initials_that_spell_a_word_of_capitals() -> None:
    """'AJ Towns (AJT):' declares 'AJT:' (the initials of a word in capitals are all its
    letters), as 'Michael Folkson (MF):' declares 'MF:'; printed once, the declaration
    is a label all the same."""
    source = (
        "Michael Folkson (MF): Hello.\n\nAJ Towns (AJT): Hi.\n\n"
        "MF: Ok.\n\nAJT: Bye.\n\nMF: Hm.\n\nAJT: Yes.\n"
    )
    t, messages = _loads(source)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "Michael Folkson",
        "AJ Towns",
    ] * 3


def test_a_first_name_printed_once_after_the_full_name() -> None:
    """'Jane:' printed once, after 'Jane Roe:', is Jane Roe's label (podcasts name a
    speaker in full, then by the first name), not a line of Dan's speech."""
    source = (
        "Dan Smith: Hello there.\n\nJane Roe: Hi Dan.\n\nDan: So today.\n\nJane: Yes.\n\nDan: Ok.\n"
    )
    t, messages = _loads(source)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "Dan Smith",
        "Jane Roe",
        "Dan Smith",
        "Jane Roe",
        "Dan Smith",
    ]


def test_an_office_word_printed_once_stays_text() -> None:
    """The first word of 'The Chairman:' or 'Mr. Smith:' is no first name: 'The:' or
    'Mr:' once is text (and so is a one-off 'Note:' where nobody is called Note)."""
    source = (
        "Mr. Smith: Hello.\n\nJane Roe: Hi.\n\nMr. Smith: So.\n\nJane Roe: Yes.\n\n"
        "Note: this was recorded remotely.\n"
    )
    t, _ = _loads(source)
    assert len(t.turns) == 4
    assert t.turns[-1].text.endswith("Note: this was recorded remotely.")


NAME_LINES = (
    "This American Life\n"
    "\n"
    "Prologue\n"
    "\n"
    "Ira Glass\n"
    "So this is the show. It went on for a while.\n"
    "\n"
    "Sarah Koenig\n"
    "Right.\n"
    "\n"
    "Yeah\n"
    "\n"
    "Ira Glass\n"
    "And then what?\n"
    "\n"
    "Adnan Syed\n"
    "I don't remember.\n"
    "\n"
    "Sarah Koenig\n"
    "Okay\n"
    "\n"
    "Adnan Syed\n"
    "That's all.\n"
)


def test_names_alone_on_their_lines() -> None:
    """Transcripts copied from web pages print the name in mixed case alone on its
    line, the speech below: a label where the name recurs; a heading printed once
    ('Prologue') and a one-word reply alone on a line ('Yeah', 'Okay') are text."""
    assert text.sniff(NAME_LINES).convention == "name-lines"
    t, messages = _loads(NAME_LINES)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "Ira Glass",
        "Sarah Koenig",
        "Ira Glass",
        "Adnan Syed",
        "Sarah Koenig",
        "Adnan Syed",
    ]
    assert t.turns[1].text == "Right.\n\nYeah"
    assert t.turns[4].text == "Okay"
    assert text.dumps(t) == NAME_LINES


def test_names_alone_printed_once_each_are_headings() -> None:
    """Without a name printed twice, lines of names are no evidence: a list of
    contents, a roll of people, a heading."""
    source = "Opening Remarks\n\nSome text here.\n\nJane Doe\n\nMore text here.\n"
    assert text.sniff(source).convention != "name-lines"


def test_undeclared_initials_after_the_full_names() -> None:
    """An oral history names each speaker in full once, then by initials it never
    declares: 'Devin Becker:' is DB, 'Kasey Mohammad:' is KM (even where some
    initials carry a time and the full names do not)."""
    source = (
        "Devin Becker: Thank you for doing this.\n\nKasey Mohammad: My pleasure.\n\n"
        "DB: Your name?\n\nKM: Kasey.\n\n[00:04:40] DB: And then?\n\nKM: Poetry.\n"
    )
    t, messages = _loads(source)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "Devin Becker",
        "Kasey Mohammad",
    ] * 3
    assert t.speaker(t.turns[2].speaker_id).aliases == ("DB",)
    assert text.dumps(t) == source


ORAL_HISTORY = (
    "## About the Interview\n"
    "\n"
    "BRUNO SICILIANO: An Interview Conducted by Peter Asaro, IEEE History Center, "
    "25 July 2011.\n"
    "\n"
    "## Interview\n"
    "\n"
    "INTERVIEWEE: Bruno Siciliano\n"
    "INTERVIEWER: Peter Asaro\n"
    "DATE: 25 July 2011\n"
    "\n"
    "Q:\n"
    "\n"
    "Where did you grow up?\n"
    "\n"
    "Bruno Siciliano:\n"
    "\n"
    "In Naples.\n"
    "\n"
    "Q:\n"
    "\n"
    "And then?\n"
    "\n"
    "Bruno Siciliano:\n"
    "\n"
    "Georgia Tech.\n"
)


def test_an_oral_historys_title_and_metadata_lines_are_front_matter() -> None:
    """'NAME: An Interview Conducted by ...' is the title, 'INTERVIEWEE: Name' and
    'INTERVIEWER: Name' (a name and nothing else, printed by no later label) are
    metadata: none of them is a turn, and the text is written back as it was."""
    t, messages = _loads(ORAL_HISTORY)
    assert not messages
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "Q",
        "Bruno Siciliano",
    ] * 2
    assert "INTERVIEWEE: Bruno Siciliano\nINTERVIEWER: Peter Asaro\nDATE: 25 July 2011" in t.front
    assert text.dumps(t) == ORAL_HISTORY


def test_an_interviewer_label_with_a_question_is_a_label() -> None:
    source = (
        "INTERVIEWER: Where were you born?\n\nSMITH: Ohio.\n\nINTERVIEWER: When?\n\nSMITH: 1920.\n"
    )
    t, _ = _loads(source)
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == ["INTERVIEWER", "SMITH"] * 2


MORE_SHAPES = {
    # Markdown emphasis around the name, as strong with underscores or as italics.
    "underscores": lambda name, time: f"__{name}:__ {SPEECH}\n",
    "italics": lambda name, time: f"*{name}:* {SPEECH}\n",
    # A separator between the name and its time alone on the line, the speech below.
    "em-dash": lambda name, time: f"{name} — {time}\n{SPEECH}\n",
    "bullet": lambda name, time: f"{name} • {time}\n{SPEECH}\n",
    # A Markdown heading holding the name and a colon.
    "heading-colon": lambda name, time: f"#### {name}:\n\n{SPEECH}\n",
    # Copied from a table: columns separated by tabs.
    "tabs": lambda name, time: f"{name}\t{SPEECH}\n",
    "tabs-timed": lambda name, time: f"{time}\t{name}\t{SPEECH}\n",
}


def test_more_podcast_label_shapes() -> None:
    for shape, label in MORE_SHAPES.items():
        _six_turns(shape, label)


def test_a_tab_inside_speech_is_no_label() -> None:
    """A colon document whose speech holds a tab ('Total\\t12') keeps its labels."""
    source = "Jane: The figures are\nTotal\t12\n\nJohn: Thanks.\n\nJane: Right.\n\nJohn: Ok.\n"
    t, _ = _loads(source)
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == ["Jane", "John"] * 2
    assert t.turns[0].text == "The figures are\nTotal\t12"
