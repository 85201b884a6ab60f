"""The plain-text reader on the label forms of the textleg round's held-out files.

Each test is one convention seen in a real file first read as a held-out file (named in
the test; the files are under tests/data/text/ with their sources), cut down to the
lines that show it: legislative records and hearings, court and inquiry hearings,
briefings, TV and radio news, and lines that only look like labels.
"""

from __future__ import annotations

import warnings

from debatekit import text
from quiet import quiet_loads as _quiet


def test_an_unnamed_speaker_in_parentheses_and_a_star_paging_mark() -> None:
    """CQ transcripts (the Kavanaugh hearing, legislative/): '(UNKNOWN):' for a voice the
    transcriber could not name, '[*]' marking the start of the printed record before a
    label; both kept in the label's printed prefix, so the text writes back as read."""
    source = (
        "[*] GRASSLEY: This morning we continue our hearing.\n"
        "FORD: Thank you.\n"
        "(UNKNOWN): A Coke or something?\n"
        "(LAUGHTER)\n"
        "GRASSLEY: Without objection.\n"
        "(UNKNOWN): Thank you, Senator.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == [
        "GRASSLEY",
        "FORD",
        "UNKNOWN",
        "GRASSLEY",
        "UNKNOWN",
    ]
    assert t.turns[0].text == "This morning we continue our hearing."
    assert t.turns[0].meta["text:prefix"] == "[*] GRASSLEY: "
    assert len({turn.speaker_id for turn in t.turns}) == 3
    assert text.dumps(t) == source


def test_a_stage_direction_in_parentheses_before_a_colon_is_no_speaker() -> None:
    """'(LAUGHTER): ...' names no one: the parenthesised label is a person's only."""
    t = _quiet("SMITH: Hello.\n\n(LAUGHTER)\n\nJONES: Hi.\n\nSMITH: Bye.\n")
    assert [turn.label for turn in t.turns] == ["SMITH", "JONES", "SMITH"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = text.loads("SMITH: Hello.\n\n(LAUGHTER): and more.\n\nJONES: Hi.\n\nSMITH: Bye.\n")
    assert [turn.label for turn in t.turns] == ["SMITH", "JONES", "SMITH"]
    assert "and more." in t.turns[0].text  # ((LAUGHTER) an incident of the turn)
    assert [i.printed for i in t.turns[0].incidents] == ["(LAUGHTER)"]


def test_numbered_voices_are_distinct_speakers() -> None:
    """NPR and CNN number the voices they cannot name ('AI-GENERATED VOICE #1:',
    'UNIDENTIFIED MALE #2:'; npr-planet-money excerpt, broadcast/): each number one
    speaker, each printed once among its siblings still a label."""
    source = (
        "MALONE: Here it is.\n\n"
        "AI-GENERATED VOICE #1: (As Joe Rogan) How's it going?\n\n"
        "AI-GENERATED VOICE #2: (As Steve Jobs) Great to be on the show.\n\n"
        "MALONE: And then a song.\n\n"
        "AI-GENERATED VOICE #3: (As Drake, rapping) I came in.\n\n"
        "MALONE: So yeah.\n"
    )
    t = _quiet(source)
    assert len(t.turns) == 6
    assert len({turn.speaker_id for turn in t.turns}) == 4
    assert text.dumps(t) == source


def test_a_numbered_title_printed_once_is_still_text() -> None:
    """'PR #14477: Add ...' printed once is a title, as 'PR 14477:' is."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = text.loads(
            "Jane Doe: Hello.\n\nPR #14477: Add a flag.\n\nJohn Roe: Yes.\n\nJane Doe: Ok."
        )
    assert [turn.label for turn in t.turns] == ["Jane Doe", "John Roe", "Jane Doe"]


def test_a_hearings_list_of_panels_is_no_speaker() -> None:
    """A Commons oral-evidence page lists its panels 'I: ...', 'II: ...' and its
    'Witnesses:' before 'Q82 Chair:' (uk-oral-evidence excerpt, legislative/)."""
    source = (
        "Witnesses\n"
        "I: Esther Webber, Political Reporter, The Times; and Carole Walker, BBC.\n"
        "II: Rt Hon Andrea Leadsom MP, Leader of the House.\n"
        "Witnesses: Carole Walker and Esther Webber.\n"
        "Q82 Chair: Good afternoon.\n"
        "Esther Webber: I am Esther Webber.\n"
        "Carole Walker: Hello.\n"
        "Chair: Thank you very much.\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ('Witnesses:' printed once: kept, with a warning)
        t = text.loads(source)
    assert [turn.label for turn in t.turns] == ["Chair", "Esther Webber", "Carole Walker", "Chair"]
    assert t.turns[0].text == "Good afternoon."


def test_an_interviewers_initial_that_recurs_is_a_label() -> None:
    """'I:' (interviewer) and 'R:' (respondent) in research interviews: one Roman
    numeral, recurring, is a speaker."""
    t = _quiet("I: How did it start?\n\nR: Slowly.\n\nI: And then?\n\nR: Quickly.\n")
    assert [turn.label for turn in t.turns] == ["I", "R", "I", "R"]


def test_a_hearings_header_list_of_witnesses_is_no_speaker() -> None:
    """'WITNESSES: CHRISTINE BLASEY FORD, ...' heads a CQ hearing transcript; the first
    speech is the chairman's."""
    source = (
        "SPEAKERS: SEN. CHARLES E. GRASSLEY, R-IOWA, CHAIRMAN\n"
        "SEN. DIANNE FEINSTEIN, D-CALIF., RANKING MEMBER\n"
        "WITNESSES: CHRISTINE BLASEY FORD, KAVANAUGH ACCUSER\n"
        "GRASSLEY: This morning we continue.\n"
        "FEINSTEIN: Thank you.\n"
        "GRASSLEY: Dr. Ford.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == ["GRASSLEY", "FEINSTEIN", "GRASSLEY"]
    assert t.front[-1].endswith("WITNESSES: CHRISTINE BLASEY FORD, KAVANAUGH ACCUSER")


def test_margin_line_numbers_indented_like_a_state_senate_transcript() -> None:
    """New York State Senate hearings (nysenate-hearing excerpt, legislative/) print
    the margin numbers six or seven spaces in, the labels deeper, a page number at the
    right margin; the participant list of the cover is no speech."""
    cover = [
        "",
        "       1      BEFORE THE NEW YORK STATE SENATE",
        "              STANDING COMMITTEE ON AGING",
        "       2",
        "       3      PRESIDING:",
        "       4         Senator David J. Valesky",
        "       5         Chair",
        "       6",
        "       7      ROUNDTABLE PARTICIPANTS:",
        "       8      Jane Doe",
        "       9      John Roe",
        "      10",
        "      11",
    ]
    page = [
        "                                                                   4",
        "       1             SENATOR VALESKY:  I want to welcome everyone",
        "       2      to this meeting.",
        "       3             MS. DOE:  Jane Doe, for the association.",
        "       4             Thank you for having us.",
        "       5             MR. McNALLY:  David McNally, AARP.",
        "       6             SENATOR VALESKY:  Thank you.",
        "       7",
        "       8",
        "       9",
        "      10",
        "      11",
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = text.loads("\n".join(cover) + "\n\f" + "\n".join(page) + "\n\f")
    assert "page furniture stripped" in str(caught[0].message)
    assert [turn.label for turn in t.turns] == [
        "SENATOR VALESKY",
        "MS. DOE",
        "MR. McNALLY",
        "SENATOR VALESKY",
    ]
    assert t.turns[0].text == "I want to welcome everyone\nto this meeting."
    assert t.turns[1].paragraphs == ("Jane Doe, for the association.", "Thank you for having us.")


def test_a_surname_in_capitals_after_a_prefix_is_a_label_in_capitals() -> None:
    """'SENATOR DeFRANCISCO:' among labels in capitals (nysenate-session, legislative/)
    is one of them, printed once or not."""
    source = (
        "ACTING PRESIDENT MEIER:  The Senate will come to order.\n\n"
        "SENATOR SKELOS:  Mr. President.\n\n"
        "ACTING PRESIDENT MEIER:  Senator DeFrancisco.\n\n"
        "SENATOR DeFRANCISCO:  Thank you, Mr. President.\n\n"
        "ACTING PRESIDENT MEIER:  Thank you.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns][3] == "SENATOR DeFRANCISCO"
    assert len({turn.speaker_id for turn in t.turns}) == 3


def test_a_congressional_record_speech_copied_without_its_indentation() -> None:
    """A Congressional Record speech taken out of HTML without the GPO's paragraph
    indentation (congress-scope copy, false-labels/): 'Mr. PRICE of Georgia.' in
    capitals is the label; the paragraphs opening 'Mr. Speaker, ...' are its speech."""
    source = (
        "# THE OFFICIAL TRUTH SQUAD\n"
        "`Mr. PRICE of Georgia — 20 March 2007`\n\n"
        "---\n\n"
        "Mr. PRICE of Georgia. Mr. Speaker, I thank the Speaker so much for \n"
        "the opportunity to come and address the House once again.\n\n"
        "Mr. Speaker, that is a little concerning. We have men and women who \n"
        "serve.\n\n"
        "Mr. Speaker, that is a fact.\n"
    )
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads(source)
    assert t.meta["text:convention"] == "congressional"
    assert [turn.label for turn in t.turns] == ["Mr. PRICE of Georgia"]
    assert len(t.turns[0].paragraphs) == 3
    # Prose in mixed case at the start of a line is still no label.
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads("Mr. Smith. He came.\n\nMr. Jones. He went.\n", convention="congressional")
    assert not t.turns


def test_a_label_in_capitals_wrapped_over_two_lines_of_a_printed_page() -> None:
    """New York State Senate hearings print a witness's name and office as the label,
    wrapped where the line is full, the colon on the second line (MTA hearing, 2020):
    one label, one speaker, who is also 'Mr. UTANO' (title in mixed case, surname in
    capitals) later."""
    lines = [
        "                                                                   9",
        " 1                 SENATOR KENNEDY:  Mr. Utano, please.",
        " 2                 MR. ANTHONY UTANO, PRESIDENT, TRANSPORT",
        " 3      WORKERS LOCAL 100:            I guess I'll go first.",
        " 4      They're all muted so I get first shot.",
        " 5                 SENATOR KENNEDY:  Thank you.",
        " 6                 Mr. UTANO:  Thank you, Senator.",
        " 7                 CROSS-EXAMINATION",
        " 8      BY MR. SMITH:",
        " 9                 SENATOR KENNEDY:  Go ahead.",
        "10",
        "11",
    ]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads("\n".join(lines) + "\n\f")
    assert [turn.label for turn in t.turns] == [
        "SENATOR KENNEDY",
        "MR. ANTHONY UTANO, PRESIDENT, TRANSPORT WORKERS LOCAL 100",
        "SENATOR KENNEDY",
        "Mr. UTANO",
        "SENATOR KENNEDY",
    ]
    assert t.turns[1].text == "I guess I'll go first.\nThey're all muted so I get first shot."
    assert t.turns[1].speaker_id == t.turns[3].speaker_id
    assert t.turns[3].text.endswith("BY MR. SMITH:")  # (no comma: not a wrapped label)


def test_the_senate_of_canadas_collective_answer_is_no_speaker() -> None:
    """'Hon. Senators: Agreed.' (sencanada committee excerpt, legislative/) answers the
    chair together: an interjection in the current turn, as 'Hon. Members:' is."""
    from debatekit._rules import is_collective

    assert is_collective("Hon. Senators")
    assert is_collective("Some Hon. Senators")
    assert not is_collective("Senator Comeau")
    source = (
        "Mr. Maurel: Is it your pleasure, honourable senators, to adopt the motion?\n\n"
        "Hon. Senators: Agreed.\n\n"
        "Mr. Maurel: I now invite Senator Losier-Cool to take the chair.\n\n"
        "The Chairman: Thank you very much, Mr. Maurel.\n\n"
        "Senator Comeau: Honourable senators, I move.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == [
        "Mr. Maurel",
        "Mr. Maurel",
        "The Chairman",
        "Senator Comeau",
    ]
    assert "Hon. Senators: Agreed." in t.turns[0].text


def test_a_guests_label_wrapped_after_a_comma_one_sentence_per_line() -> None:
    """PBS NewsHour copies print a sentence per line and wrap a guest's long label
    after a comma (pbs-newshour excerpt, broadcast/): 'BRYAN MCKUNE, Manager of Pilot
    Development,' / 'Alaska Airlines: It's being ...' is one label, written back so."""
    source = (
        "JUDY WOODRUFF: Good evening.\n"
        "The airline industry is booming.\n"
        "BRYAN MCKUNE, Manager of Pilot Development,\n"
        "Alaska Airlines: It's being very competitive,\n"
        "and there's only so many.\n"
        "JUDY WOODRUFF: All that and more.\n"
        "YAMICHE ALCINDOR: A new day.\n"
        "JUDY WOODRUFF: Thank you, Yamiche.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == [
        "JUDY WOODRUFF",
        "BRYAN MCKUNE, Manager of Pilot Development, Alaska Airlines",
        "JUDY WOODRUFF",
        "YAMICHE ALCINDOR",
        "JUDY WOODRUFF",
    ]
    assert t.turns[0].text == "Good evening.\nThe airline industry is booming."
    assert t.turns[1].text == "It's being very competitive,\nand there's only so many."
    assert text.dumps(t) == source
    # A line of speech that ends with a comma before a label is no part of it.
    t = _quiet("JANE DOE: Hello.\nAnd then, as I said,\nJOHN ROE: Indeed.\nJANE DOE: Good.\n")
    assert [turn.label for turn in t.turns] == ["JANE DOE", "JOHN ROE", "JANE DOE"]
    assert t.turns[0].text == "Hello.\nAnd then, as I said,"


def test_caption_lines_listed_with_bullets() -> None:
    """A caption site lists every line of a PBS NewsHour transcript as '  • ...'
    (voicetube excerpt, broadcast/): the bullet is layout; a name in capitals may carry
    a long office ('DONALD TRUMP, Former President of the United States (R) and Current
    U.S. Presidential Candidate:', alone on its line)."""
    source = (
        "  • GEOFF BENNETT: Good evening.\n\n"
        "  • I'm Geoff Bennett.\n\n"
        "  • AMNA NAWAZ: And I'm Amna Nawaz.\n\n"
        "  • DONALD TRUMP, Former President of the United States (R) and Current U.S."
        " Presidential Candidate:\n\n"
        "  • Essentially, you cannot take somebody out of a race.\n\n"
        "  • GEOFF BENNETT: And William Brangham joins us now.\n"
    )
    t = _quiet(source)
    assert [t.speaker(turn.speaker_id).name for turn in t.turns] == [
        "GEOFF BENNETT",
        "AMNA NAWAZ",
        "DONALD TRUMP",
        "GEOFF BENNETT",
    ]
    assert t.turns[0].text == "Good evening.\n\n• I'm Geoff Bennett."
    assert text.dumps(t) == source


def test_a_line_of_speech_ending_with_a_comma_is_no_wrapped_label() -> None:
    """One name in capitals and words in lower case after the comma are speech."""
    source = (
        "CLINTON: Thank you.\n"
        "TRUMP, we're going to win,\n"
        "HOLT: Secretary Clinton.\n"
        "CLINTON: Yes.\n"
        "HOLT: Thank you.\n"
    )
    t = _quiet(source)
    assert [turn.label for turn in t.turns] == ["CLINTON", "HOLT", "CLINTON", "HOLT"]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads("SMITH: Hi.\n\n(NOTE): the tape ends here.\n\nJONES: Bye.\n\nSMITH: Ok.")
    assert [turn.label for turn in t.turns] == ["SMITH", "JONES", "SMITH"]
