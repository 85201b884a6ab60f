"""The plain-text reader on the English conventions the real corpus brought up.

Each test is one family convention seen in a real file under tests/data/text/ (named
in the test), cut down to the lines that show it.
"""

from __future__ import annotations

import warnings

from debatekit import Incident, text
from quiet import quiet_loads as _quiet


def test_labels_indented_with_no_break_spaces() -> None:
    """White House pages indent some paragraphs with &nbsp; (briefing 2021-03-01)."""
    source = (
        "\u00a0\u00a0\u00a0\u00a0 MS. PSAKI:\u00a0 Okay.  Kristin.\n\n"
        "\u00a0\u00a0\u00a0\u00a0 Q\u00a0\u00a0\u00a0 Thank you.  Is there a crisis?\n\n"
        "SECRETARY MAYORKAS:  I think the answer is no.\n\n"
        "Q    And then?\n\n"
        "MS. PSAKI:  Thank you, everyone.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == [
        "MS. PSAKI",
        "Q",
        "SECRETARY MAYORKAS",
        "Q",
        "MS. PSAKI",
    ]
    assert t.turns[1].text == "Thank you.  Is there a crisis?"
    assert text.dumps(t) == source


def test_bold_name_without_colon_after_a_timestamp() -> None:
    """Orbit FM: '0:00:12.6 **Name** text', one stamp damaged, one name short."""
    source = (
        "0:00:12.6 **Adam Garrett-Harris** Hello, and welcome.\n\n"
        "0:00:26.3 **Jen Luker** Hi.\n\n"
        ":00:40.6 **Adam Garrett-Harris** So-\n\n"
        "0:01:44.3 ** Jen** (laughs)\n"
    )
    assert text.sniff(source).convention == "bold-name"
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == ["garrett-harris", "luker"] * 2
    assert t.turns[0].start is not None
    assert t.turns[0].start.total_seconds() == 12.6
    assert text.dumps(t) == source


def test_a_collective_label_after_the_first_speech_is_a_turn() -> None:
    """'PARTICIPANTS:' answers together in a roundtable (2021-02-23); before the
    first speech the same word heads a list of names (a debate's front matter)."""
    source = (
        "PARTICIPANTS: Former Secretary Hillary Clinton and Donald Trump\n\n"
        "HOLT: Good evening.\n\n"
        "CLINTON: Thank you.\n\n"
        "HOLT: Thanks to you both.\n\n"
        "PARTICIPANTS:  Thank you.\n"
    )
    t = _quiet(source)
    assert t.front == ("PARTICIPANTS: Former Secretary Hillary Clinton and Donald Trump",)
    assert [turn.label for turn in t.turns] == ["HOLT", "CLINTON", "HOLT", "PARTICIPANTS"]


def test_one_congressional_label_is_enough() -> None:
    """An Extension of Remarks is one member's statement under one label (E1554)."""
    source = (
        "                         HON. CHARLES B. RANGEL\n\n"
        "                              of new york\n\n"
        "  Mr. RANGEL. Mr. Speaker, I rise today to honor an outstanding \n"
        "newspaper publisher.\n"
        "  In 1971, John and a group of five co-owners bought the paper.\n"
    )
    assert text.sniff(source).convention == "congressional"
    t = _quiet(source)
    assert len(t.turns) == 1
    assert t.turns[0].label == "Mr. RANGEL"
    assert t.turns[0].text.startswith("Mr. Speaker, I rise today")


def test_a_table_inside_a_speech_keeps_the_turn() -> None:
    """A member's inserted table: its rules do not end the speech (H44, 1994)."""
    source = (
        "  Mr. FAZIO. Madam Chairman, the allocation would work out to be:\n"
        "\n"
        "------------------------------------------------------------\n"
        "House staff...................................       10,000\n"
        "------------------------------------------------------------\n"
        "\n"
        "  Such a reduction would be accomplished by reducing staff.\n"
        "  Mr. NATCHER. Madam Chairman, I yield back.\n"
        "  Mr. FAZIO. I thank the gentleman.\n"
    )
    t = text.loads(source)
    assert [turn.label for turn in t.turns] == ["Mr. FAZIO", "Mr. NATCHER", "Mr. FAZIO"]
    assert "Such a reduction" in t.turns[0].text
    assert text.dumps(t) == source


def test_a_note_after_a_congressional_name() -> None:
    """'Mr. TRAFICANT (during the reading).' is the member's label (H44, 1994)."""
    source = (
        "  Mr. TRAFICANT. Madam Chairman, I offer my amendment.\n"
        "  Mr. TRAFICANT (during the reading). Madam Chairman, I ask unanimous \n"
        "consent that the amendment be considered as read.\n"
        "  The CHAIRMAN. Is there objection?\n"
    )
    t = text.loads(source)
    assert [turn.speaker_id for turn in t.turns] == ["traficant", "traficant", "chairman"]
    members = text.loads("  Mr. BROWN of California. Yes.\n  Mr. LEWIS of California. No.\n")
    assert [turn.speaker_id for turn in members.turns] == ["brown", "lewis"]


def test_a_full_name_alone_on_its_line_opens_a_speech() -> None:
    """NPR prints a person's first label alone on its line with the role, later the
    surname only; a role heading alone ("HOST:") before the speeches stays a heading."""
    source = (
        "STEVE INSKEEP, HOST:\n\n"
        "Good morning.\n\n"
        "MARY LOUISE KELLY, HOST:\n\n"
        "And I'm Mary Louise Kelly.\n\n"
        "INSKEEP: Our top story.\n\n"
        "KELLY: Yes.\n"
    )
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == ["inskeep", "kelly", "inskeep", "kelly"]
    assert t.turns[0].text == "Good morning."
    assert text.dumps(t) == source
    listing = "HOST:\n\nFRED DEWS\n\nDEWS: Welcome.\n\nEDGAR: Thanks.\n\nDEWS: Bye.\n"
    assert text.loads(listing).front == ("HOST:", "FRED DEWS")


def test_initials_declared_in_yaml_front_matter() -> None:
    """Short labels declared in a YAML block ("  JD: Jane Doe") name those people;
    no line of the block is a label."""
    source = (
        "---\ntitle: An interview\nspeakers:\n  JD: Jane Doe\n  JR: John Roe\n---\n\n"
        "JD: Hello there.\n\nJR: Hi Jane.\n\nJD: How are you?\n"
    )
    t = text.loads(source)
    assert [turn.speaker_id for turn in t.turns] == ["doe", "roe", "doe"]
    assert [s.name for s in t.speakers] == ["Jane Doe", "John Roe"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the aliases (JD, JR) are a loss of text
        assert text.dumps(t) == source


def test_a_name_given_as_a_string_is_one_person() -> None:
    """speakers={"JD": "Jane Doe"}: every JD turn is the same Jane Doe."""
    t = text.loads("JD: a\n\nJR: b\n\nJD: c\n", speakers={"JD": "Jane Doe"})
    assert [turn.speaker_id for turn in t.turns] == ["doe", "jr", "doe"]


def test_more_timed_podcast_shapes() -> None:
    """'00:01:02 - Name: text' (a dash after the time), 'Name: [00:01:02] text' (a
    bracketed time after the colon) and '**Name** [00:01:02] text' (the time after a
    bold name): the time goes to Turn.start."""
    for source in (
        "00:01:02 - Jane Doe: Hello there.\n\n00:01:10 - John Roe: Hi Jane.\n\n"
        "00:01:20 - Jane Doe: How are you?\n",
        "Jane Doe: [00:01:02] Hello there.\n\nJohn Roe: [00:01:10] Hi Jane.\n\n"
        "Jane Doe: [00:01:20] How are you?\n",
        "**Jane Doe** [00:01:02] Hello there.\n\n**John Roe** [00:01:10] Hi Jane.\n\n"
        "**Jane Doe** [00:01:20] How are you?\n",
    ):
        t = _quiet(source)
        assert [turn.speaker_id for turn in t.turns] == ["doe", "roe", "doe"]
        assert t.turns[0].text == "Hello there."
        assert [turn.start.total_seconds() if turn.start else None for turn in t.turns] == [
            62.0,
            70.0,
            80.0,
        ]
        assert text.dumps(t) == source


def test_broadcast_caption_markers() -> None:
    """Closed captions kept as text: '>>' where the speaker changes, a name after it
    where the captioner knows it; a bare marker is the speaker "Unknown"."""
    source = (
        ">> GOOD MORNING. THE MEETING WILL COME TO ORDER.\n"
        "PLEASE BE SEATED.\n"
        ">> THANK YOU, MR. CHAIRMAN.\n"
        ">> SPEAKER JOHNSON: GOOD MORNING EVERYONE.\n"
        ">> COUNCIL MEMBER LEE: THANK YOU.\n"
        ">> SPEAKER JOHNSON: NEXT ITEM.\n"
    )
    assert text.sniff(source).convention == "broadcast"
    t = text.loads(source)
    assert [turn.speaker_id for turn in t.turns] == [
        "unknown",
        "unknown",
        "johnson",
        "lee",
        "johnson",
    ]
    assert t.turns[0].text == "GOOD MORNING. THE MEETING WILL COME TO ORDER.\nPLEASE BE SEATED."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the marker as an alias of Unknown is a loss
        assert text.dumps(t) == source


def test_a_surname_first_then_the_full_name_is_one_speaker() -> None:
    """A news transcript may print 'BLITZER:' before 'WOLF BLITZER, CNN ANCHOR:': one
    person, named in full; another Smith after 'JOHN SMITH' stays another person."""
    source = (
        "BLITZER: Welcome back.\n\n(BEGIN VIDEOTAPE)\n\n"
        "JOHN SMITH, EYEWITNESS: It was loud.\n\n(END VIDEOTAPE)\n\n"
        "BLITZER: Powerful testimony.\n\nWOLF BLITZER, CNN ANCHOR: Thanks.\n\n"
        "JANE SMITH: Hi.\n"
    )
    t = text.loads(source)
    assert [turn.speaker_id for turn in t.turns] == [
        "blitzer",
        "smith",
        "blitzer",
        "blitzer",
        "jane-smith",
    ]
    assert t.speaker("blitzer").name == "WOLF BLITZER"
    assert t.speaker("blitzer").role == "CNN ANCHOR"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the alias BLITZER is a loss of text
        assert text.dumps(t) == source


def test_hearing_labels_of_two_words_and_ranking_members() -> None:
    """GPO hearings: 'Mr. Van Hollen.', 'Ms. Jackson Lee.', 'Ranking Member McHenry.'."""
    source = (
        "    Chairwoman Waters. The committee will come to order.\n"
        "    Ranking Member McHenry, you are recognized.\n"
        "    Ranking Member McHenry. Thank you, Madam Chairwoman.\n"
        "    Chairwoman Waters. Mr. Van Hollen.\n"
        "    Mr. Van Hollen. Thank you. I have a question for the\n"
        "witness about the report.\n"
        "    Ms. Jackson Lee. Thank you, Madam Chair.\n"
    )
    t = text.loads(source)
    assert [turn.label for turn in t.turns] == [
        "Chairwoman Waters",
        "Ranking Member McHenry",
        "Chairwoman Waters",
        "Mr. Van Hollen",
        "Ms. Jackson Lee",
    ]
    assert "you are recognized" in t.turns[0].text


def test_bracketed_name_then_bracketed_time() -> None:
    """Diarised podcast archives (Oxide and Friends transcripts, 2021): '[Speaker 1]
    [00:17] text', one line per turn, no colon; a number after 'Speaker' is no name
    with a role but the name itself."""
    source = (
        "[Speaker 1] [00:00] Alright. Tweet was sent.\n"
        "[Speaker 1] [00:17] So, you actually saw this tweet before I tweeted it.\n"
        "[Speaker 2] [00:24] I did. It didn't need any edits.\n"
        "[Speaker 3] [01:51] of trouble.\n"
        "[Speaker 2] [01:54] But I'm trying to narrow.\n"
    )
    assert text.sniff(source).convention == "bracketed-name"
    t = _quiet(source)
    assert [s.name for s in t.speakers] == ["Speaker 1", "Speaker 2", "Speaker 3"]
    assert all(s.role is None for s in t.speakers)
    assert len(t.turns) == 5
    starts = [turn.start.total_seconds() for turn in t.turns if turn.start is not None]
    assert starts == [0, 17, 24, 111, 114]
    assert t.turns[3].text == "of trouble."
    assert text.dumps(t) == source
    # A bracketed stage direction is not a label: no time follows it.
    last = _quiet(source + "[Applause]\n").body[-1]
    assert isinstance(last, Incident)
    assert last.kind == "kinesic"


def test_select_committee_question_numbers() -> None:
    """UK select committees' oral evidence numbers the questions ('Q12 Chair:'): the
    number stays in the printed prefix and the chair is one speaker."""
    source = (
        "Q1 Chair: Good morning. Could you introduce yourselves?\n\n"
        "Professor Doe: I am Professor of Economics at Leeds.\n\n"
        "Dr Smith: I am at the IFS.\n\n"
        "Q2 Chair: Are the fiscal rules working?\n\n"
        "Dr Smith: Broadly, no.\n\n"
        "Q3 Harriett Baldwin: Can I follow up on that?\n\n"
        "Professor Doe: Of course.\n\n"
        "Q4 Chair: Thank you both.\n"
    )
    t = _quiet(source)
    assert [s.name for s in t.speakers] == [
        "Chair",
        "Professor Doe",
        "Dr Smith",
        "Harriett Baldwin",
    ]
    assert [turn.label for turn in t.turns][:4] == ["Chair", "Professor Doe", "Dr Smith", "Chair"]
    assert t.turns[0].meta["text:prefix"] == "Q1 Chair: "
    assert text.dumps(t) == source


def test_names_with_times_and_no_colon() -> None:
    """Transcription services' exports: 'Jane Doe [00:00:01] text' (name-time) and
    '00:00:01 Jane Doe' alone on its line (time-name); the times go to Turn.start."""
    after = (
        "Jane Doe [00:00:01] Hello everyone.\n\n"
        "John Smith [00:00:05] Thanks for having me.\n\n"
        "Jane Doe [00:00:09] Let us begin.\n"
    )
    before = (
        "00:00:01 Jane Doe\nHello everyone.\n\n"
        "00:00:05 John Smith\nThanks for having me.\n\n"
        "00:00:09 Jane Doe\nLet us begin.\n"
    )
    for source, convention in ((after, "name-time"), (before, "time-name")):
        assert text.sniff(source).convention == convention
        t = _quiet(source)
        assert [turn.speaker_id for turn in t.turns] == ["doe", "smith", "doe"]
        assert [turn.start.total_seconds() for turn in t.turns if turn.start] == [1, 5, 9]
        assert t.turns[1].text == "Thanks for having me."
        assert text.dumps(t) == source


def test_names_in_capitals_alone_on_their_line() -> None:
    """Scripts and broadcast transcripts: 'JANE DOE' alone on its line, the speech
    below; a heading in capitals ('BUSINESS OF THE HOUSE') is no speaker."""
    source = (
        "BUSINESS OF THE HOUSE\n\n"
        "JANE DOE\nHello everyone.\n\n"
        "JOHN SMITH, HOST\nThanks for having me.\n\n"
        "JANE DOE\nLet us begin.\n\n"
        "JOHN SMITH\nSure.\n"
    )
    assert text.sniff(source).convention == "caps-lines"
    t = text.loads(source)
    assert t.front == ("BUSINESS OF THE HOUSE",)
    assert [turn.speaker_id for turn in t.turns] == ["doe", "smith", "doe", "smith"]
    assert t.speakers[1].role == "HOST"
    assert text.dumps(t) == source


def test_a_name_set_off_by_a_spaced_dash() -> None:
    """Talk transcripts print 'Q - ...' / 'Laolu - ...' instead of a colon, next to
    'Joost:' (podcast/vr-bitcoin-2020-04-18-lnd-0-10.md); a name printed so once is
    text, and a line of prose with a dash after its first word stays text."""
    source = (
        "Q - I succeeded with a 2 BTC invoice on regtest.\n\n"
        "Laolu - I succeeded with a 0.1 on testnet.\n\n"
        "Q - What happened to the TLV shop?\n\n"
        "Joost - It is not my ambition to be a shop owner.\n\n"
        "Laolu - Once it is more grown up.\n\n"
        "Joost: That is an important thing as well.\n\n"
        "A - We could definitely add that in.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == ["Q", "Laolu", "Q", "Joost", "Laolu", "Joost", "A"]
    assert t.turns[1].text == "I succeeded with a 0.1 on testnet."
    assert text.dumps(t) == source
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        once = text.loads(
            "Q - Hi?\n\nA - Yes.\n\nQ - Why?\n\nA - Because.\n\nMiniscript - a language.\n"
        )
    assert "occurs only once" in str(caught[0].message)
    assert [turn.label for turn in once.turns] == ["Q", "A", "Q", "A"]
    assert once.turns[-1].text == "Because.\n\nMiniscript - a language."


def test_speakers_listed_in_yaml_front_matter_vouch_for_a_one_word_label() -> None:
    """'Oliver:' printed once is a label where the front matter lists 'Oliver Gugger'
    among the speakers (podcast/vr-bitcoin-2020-04-18-lnd-0-10.md); 'Sign(sk, m):'
    printed once is text (a comma inside parentheses is no role after a comma,
    podcast/simons-institute-pairing-cryptography.md)."""
    source = (
        "---\ntitle: Talk\nspeakers:\n  - Joost Jager\n  - Oliver Gugger\n---\n"
        "Joost: Multipart payments need the router RPC.\n\n"
        "Oliver: And REST does not have it yet.\n\n"
        "Joost: Right.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == ["Joost", "Oliver", "Joost"]
    assert text.dumps(t) == source
    flow = "---\nspeakers: ['Oliver Gugger', 'Joost Jager']\n---\n"
    flow += "Joost: A.\n\nOliver: B.\n\nJoost: C.\n"
    assert len(_quiet(flow).turns) == 3
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        maths = text.loads("Q: What is it?\n\nA: This.\n\nSign(sk, m): output H(m).\n\nQ: Why?\n")
    assert [turn.label for turn in maths.turns] == ["Q", "A", "Q"]


def test_titles_printed_once_with_a_number_or_a_contraction_are_text() -> None:
    """'PR 14477: Add ability ...' and 'Let’s Not Speculate: Discovering ...' in a
    seminar's reading list (bitcointranscripts, Unchained Capital Socratic seminar) are
    titles, kept as text; 'Audience 9:' printed once after 'Audience 1:' is a label."""
    source = (
        "J: One.\n\nJM: Two.\n\nJ: Three.\n\nJM: Four.\n\n"
        "PR 14477: Add ability to convert solvability info to descriptor\n\n"
        "Let’s Not Speculate: Discovering and Analyzing Speculative Execution Attacks\n"
    )
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads(source)
    assert [turn.label for turn in t.turns] == ["J", "JM", "J", "JM"]
    assert "Let’s Not Speculate" in t.turns[-1].text
    numbered = "Mark: A.\n\nAudience 1: B?\n\nMark: C.\n\nAudience 9: D?\n\nMark: E.\n"
    t = _quiet(numbered)
    assert [turn.label for turn in t.turns] == ["Mark", "Audience 1", "Mark", "Audience 9", "Mark"]
    assert text.dumps(t) == numbered


def test_otter_exports_in_markdown() -> None:
    """Otter.ai exports published as Markdown (seen in real podcast sites whose files
    carry no licence, so not in the corpus): every speaker under a heading mark with
    the time, '### Bryan Robinson  0:00' (a label only where the name recurs: a
    chapter heading with its time is not one); or known speakers in bold and
    'Unknown Speaker  7:40' plain."""
    source = (
        "## Transcript\n\n"
        "### Bryan Robinson  0:00  \nHey everyone, welcome.\n\n"
        "### Raymond Camden  0:16  \nThank you for having me.\n\n"
        "### Bryan Robinson  0:18  \nNo problem.\n\n"
        "### Raymond Camden  0:25  \nSure.\n\n"
        "### Raymond Camden  1:59  \nSo I retreated to the back end.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == [
        "Bryan Robinson",
        "Raymond Camden",
        "Bryan Robinson",
        "Raymond Camden",
        "Raymond Camden",
    ]
    assert t.turns[4].start is not None
    assert t.turns[4].start.total_seconds() == 119
    assert text.dumps(t) == source
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        chapters = text.loads(
            "## Intro 0:00\n\nJane: Hi.\n\nJohn: Yo.\n\nJane: Bye.\n\nJohn: Ok.\n"
        )
    assert [turn.label for turn in chapters.turns] == ["Jane", "John", "Jane", "John"]
    mixed = (
        "**Kelly**  7:32  \nIt's named after Monty Python.\n\n"
        "Unknown Speaker  7:40  \nI didn't know that. Yeah.\n\n"
        "**Kelly**  7:42  \nI am gaining so much appreciation for Python.\n\n"
        "**Ali**  7:47  \nYeah.\n"
    )
    t = _quiet(mixed)
    assert [turn.label for turn in t.turns] == ["Kelly", "Unknown Speaker", "Kelly", "Ali"]
    assert text.dumps(t) == mixed


def test_a_clock_time_of_day_is_no_timed_name() -> None:
    """'3:26 P.M. EST' at the head and foot of White House remarks has the shape of a
    time and a name alone on a line, twice (briefing/whitehouse-remarks-2023-12-15-
    drug-costs.md): no speaker."""
    source = (
        "3:26 P.M. EST\n\nTHE PRESIDENT:  Well, thank you, David.\n\n"
        "MR. MITCHELL:  Thank you, Mr. President.\n\nTHE PRESIDENT:  So —\n\n3:40 P.M. EST\n"
    )
    t = _quiet(source)
    assert t.meta["text:convention"] == "colon"
    assert [turn.label for turn in t.turns] == ["THE PRESIDENT", "MR. MITCHELL", "THE PRESIDENT"]
    assert text.sniff(source).convention == "colon"


def test_a_sentence_shaped_like_a_mixed_case_label_among_capitals() -> None:
    """In a speech labelled in capitals, 'Financial Times: ...' printed once is a line
    of the speech (briefing/whitehouse-remarks-2023-04-20-economy.md), and so is a
    sentence opening 'Look, ...:' or 'Folks, ...:' (whitehouse-remarks-2021-12-21-
    covid-19.md); where a mixed-case name is labelled twice ('Senator:'), a one-off
    'Senator Greene:' is still a label (podcast/antonopoulos-2014-10-08-canada-senate.md)."""
    source = (
        "THE PRESIDENT: Hello.\n\nAUDIENCE MEMBER: Yes, sir!\n\nTHE PRESIDENT: And guess what?\n\n"
        "Financial Times: “Transformational Change.”\n\n"
        "Folks, that’s the agenda: spending cuts.\n\nLook, the bottom line is this: it works.\n\n"
        "THE PRESIDENT: Thank you.\n"
    )
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads(source)
    assert [turn.label for turn in t.turns] == [
        "THE PRESIDENT",
        "AUDIENCE MEMBER",
        "THE PRESIDENT",
        "THE PRESIDENT",
    ]
    senate = (
        "AA: One.\n\nSenator: Two.\n\nAA: Three.\n\nSenator: Four.\n\nAA: Five.\n\n"
        "Senator Greene: Six.\n\nAA: Seven.\n"
    )
    assert [turn.label for turn in _quiet(senate).turns][5] == "Senator Greene"
    # A full name giving initials that never recur is still a label among initials in
    # capitals (a London BitDevs seminar: "Sam Abbassi (SA): My name is Sam.").
    seminar = "MF: One.\n\nBM: Two.\n\nMF: Three.\n\nSam Abbassi (SA): Four.\n\nBM: Five.\n"
    assert [turn.label for turn in _quiet(seminar).turns][3] == "Sam Abbassi (SA)"


def test_the_examination_of_a_witness_in_a_paged_transcript() -> None:
    """Depositions and trial transcripts (the shape only: no real one with an open
    licence is in the corpus yet): margin line numbers, 'Q.' / 'A.' in the
    examination, 'BY MR. SMITH:' naming who asks from there on (no speech of its
    own), colloquy 'MR. JONES:' and 'THE WITNESS:'. Q. is the examining counsel, A. the
    witness."""
    page = [
        "                                                        12",
        " 1        Q.   And what was your position in 2010?",
        " 2        A.   I was the regional manager.",
        " 3             MR. JONES:  Objection, form.",
        " 4             THE WITNESS:  I was the manager for the",
        " 5   northeast region.",
        " 6   BY MR. SMITH:",
        " 7        Q.   Did you report to Mr. Brown?",
        " 8        A.   I did.",
        " 9             MR. SMITH:  Let us take a break.",
        "10             (Recess taken.)",
        "11   BY MR. SMITH:",
        "12        Q.   Were minutes kept?",
        "13        A.   Not that I know of.",
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = text.loads("\n".join(page) + "\n\f")
    assert "page furniture stripped" in str(caught[0].message)
    assert t.meta["text:convention"] == "court"
    assert [turn.label for turn in t.turns] == [
        "Q",
        "A",
        "MR. JONES",
        "THE WITNESS",
        "Q",
        "A",
        "MR. SMITH",
        "Q",
        "A",
    ]
    names = [t.speaker(turn.speaker_id).name for turn in t.turns]
    assert names[4:] == ["MR. SMITH", "THE WITNESS", "MR. SMITH", "MR. SMITH", "THE WITNESS"]
    assert names[1] == "THE WITNESS"
    assert t.turns[3].text.endswith("BY MR. SMITH:")  # the byline: text, every word kept
    # Without the page furniture (a transcript pasted as text), the same reading.
    plain = "\n".join(line[5:] for line in page[1:]) + "\n"
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        bare = text.loads(plain)
    assert [bare.speaker(turn.speaker_id).name for turn in bare.turns] == names
