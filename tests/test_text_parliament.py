"""Parliamentary conventions of the plain-text reader, one family at a time.

Invented miniatures of the shapes real protocols print (the real files are in
tests/data/text/parliament/): Westminster Hansards with collective interjections and
question-paper labels, Australian em-dash labels, Austrian Nationalrat labels and
separators, French offices as labels, and short excerpts where no name repeats.
"""

from __future__ import annotations

import warnings

import pytest

from debatekit import Turn, captions, text
from debatekit._rules import is_collective
from quiet import quiet_loads as _quiet

WESTMINSTER = """Mr SPEAKER: Order. Questions to the Prime Minister.

The Prime Minister (Boris Johnson): We will get it done.

Hon. Members: Hear, hear!

The Prime Minister: And we will.

Some hon. Members: More!

Sir Keir Starmer (Holborn and St Pancras) (Lab): No.

An hon. Member: Resign!

Mr SPEAKER: Order.
"""


def test_collective_labels_are_interjections_in_the_speech() -> None:
    t = _quiet(WESTMINSTER)
    assert [turn.speaker_id for turn in t.turns] == [
        "speaker",
        "johnson",
        "johnson",
        "starmer",
        "speaker",
    ]
    assert "Hon. Members: Hear, hear!" in t.turns[1].text
    assert text.dumps(t) == WESTMINSTER


@pytest.mark.parametrize(
    ("label", "collective"),
    [
        ("Hon. Members", True),
        ("Some hon. members", True),
        ("An hon. Member", True),
        ("Opposition members", True),
        ("Des voix", True),
        ("Une voix", True),
        ("Hon. Member for Bath", False),
        ("Mr Speaker", False),
        ("Members", True),
        ("Voix", False),
    ],
)
def test_is_collective(label: str, collective: bool) -> None:
    assert is_collective(label) is collective


def test_canadian_french_des_voix_is_not_a_speaker() -> None:
    source = (
        "Le Président: À l’ordre.\n\n"
        "M. Pierre Poilievre (chef de l’opposition, PCC): Monsieur le Président.\n\n"
        "Des voix: Bravo!\n\n"
        "M. Pierre Poilievre: Merci.\n\n"
        "Le Président: La parole est au premier ministre.\n"
    )
    t = _quiet(source)
    assert len(t.turns) == 4
    assert len({turn.speaker_id for turn in t.turns}) == 2


def test_australian_em_dash_labels() -> None:
    source = (
        "The SPEAKER —I now put the question.\n\n"
        "Mr Tanner —Mr Speaker, I rise on a point of order.\n\n"
        "Mr Tanner interjecting\n\n"
        "The SPEAKER —The member will resume his seat.\n\n"
        "Mr RUDD (Griffith—Leader of the Opposition) (2.05 pm)—My question is to the"
        " Prime Minister.\n\n"
        "The SPEAKER —The Prime Minister.\n"
    )
    assert text.sniff(source).convention == "hansard-dash"
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == [
        "speaker",
        "tanner",
        "speaker",
        "rudd",
        "speaker",
    ]
    interjections = [x for x in t.body if not isinstance(x, Turn)]
    assert [(x.kind, x.printed) for x in interjections] == [("vocal", "Mr Tanner interjecting")]
    assert text.dumps(t) == source


def test_question_paper_label_is_the_member() -> None:
    source = (
        "1. ANDREW LITTLE (Leader of the Opposition) to the Prime Minister : Does he"
        " stand by his statement?\n\n"
        "Rt Hon JOHN KEY (Prime Minister): Yes.\n\n"
        "Andrew Little : Why?\n\n"
        "Rt Hon JOHN KEY : Because.\n"
    )
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == ["little", "key", "little", "key"]
    assert t.turns[0].text == "Does he stand by his statement?"
    assert text.dumps(t) == source


def test_austrian_nationalrat_labels_and_separators() -> None:
    source = (
        "Präsident Mag. Wolfgang Sobotka: Wir kommen zur Abstimmung.\n\n"
        "*****\n\n"
        "Nächster Redner: Herr Abgeordneter Mag. Molterer. Wunschredezeit: 4 Minuten.\n\n"
        "14.03\n\n"
        "Abgeordneter Mag. Wilhelm Molterer (ÖVP) (zur Geschäftsbehandlung): Herr"
        " Präsident! (Beifall bei der ÖVP.)\n\n"
        "Präsident Mag. Wolfgang Sobotka: Danke.\n\n"
        "Bundesminister für Finanzen Dr. Magnus Brunner, LL.M.: Meine Damen und Herren!\n"
    )
    assert text.sniff(source).convention == "plenarprotokoll"
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == ["sobotka", "molterer", "sobotka", "brunner"]
    assert t.speaker("sobotka").role == "Präsident"
    assert [i.printed for i in t.turns[0].incidents] == ["*****"]
    assert text.dumps(t) == source


@pytest.mark.parametrize(
    "label",
    [
        "M. le président de la commission des affaires sociales",
        "Mme la ministre déléguée",
        "M. le secrétaire d’État",
        "Mme la rapporteure générale",
        "M. Gabriel Attal, Premier ministre",
        "M. Éric Woerth, président de la commission des finances, de l’économie générale"
        " et du contrôle budgétaire",
    ],
)
def test_french_offices_are_labels(label: str) -> None:
    source = f"M. le président. La parole est à M. X.\n{label}. Je vous remercie.\n"
    t = _quiet(source, convention="compte-rendu")
    assert [turn.label for turn in t.turns] == ["M. le président", label]


def test_a_short_excerpt_is_sniffed_by_the_shape_of_its_labels() -> None:
    """Two labels, each printed once: the French shape is the only evidence."""
    source = (
        "M. le président. La parole est à M. le ministre.\n"
        "M. Gérald Darmanin, ministre de l’action et des comptes publics. Madame la"
        " sénatrice, votre question a deux parties.\n"
    )
    assert text.sniff(source).convention == "compte-rendu"
    t = _quiet(source)
    assert len(t.turns) == 2
    assert t.speaker(t.turns[1].speaker_id).role == "ministre de l’action et des comptes publics"


def test_vtt_chevrons_written_as_references_are_speaker_changes() -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&gt;&gt;&gt; GOOD MORNING.\n\n"
        "00:00:02.000 --> 00:00:03.000\n&gt;&gt; JUAREZ?\n\n"
        "00:00:03.000 --> 00:00:04.000\n&gt;&gt; HERE.\n"
    )
    t = captions.loads(vtt)
    assert [turn.text for turn in t.turns] == ["GOOD MORNING.", "JUAREZ?", "HERE."]
    assert captions.dumps(t) == vtt


def test_an_empty_cue_is_dropped_with_a_warning() -> None:
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:00.000\n\n\n00:00:01.000 --> 00:00:02.000\n>> Hi.\n"
    with pytest.warns(UserWarning, match="without text"):
        t = captions.loads(vtt)
    assert [turn.text for turn in t.turns] == ["Hi."]


def test_belgian_intervention_numbers_are_not_names() -> None:
    source = (
        "01.01  Peter De Roover (N-VA): Mijnheer de minister, mijn vraag.\n\n"
        "01.02  Minister Vincent Van Quickenborne: Ik antwoord.\n\n"
        "01.03  Peter De Roover (N-VA): Dank u.\n"
    )
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == ["roover", "quickenborne", "roover"]
    assert t.turns[0].text == "Mijnheer de minister, mijn vraag."
    assert text.dumps(t) == source


def test_austrian_second_and_third_presidents() -> None:
    source = (
        "Zweite Präsidentin Doris Bures: Zu Wort gelangt Frau Abgeordnete Mag. Dr. Maria"
        " Theresia Fekter.\n\n"
        "Abgeordnete Mag. Dr. Maria Theresia Fekter (ÖVP): Frau Präsidentin!\n\n"
        "Dritter Präsident Ing. Norbert Hofer: Danke.\n\n"
        "Zweite Präsidentin Doris Bures: Bitte.\n"
    )
    assert text.sniff(source).convention == "plenarprotokoll"
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == ["bures", "fekter", "hofer", "bures"]
    assert t.speaker("bures").role == "Zweite Präsidentin"


def test_french_minister_with_a_long_portfolio() -> None:
    source = (
        "M.\u00a0le président. La parole est à M. le ministre de l’économie, des finances"
        " et de la souveraineté industrielle et numérique.\n"
        "M. le ministre de l’économie, des finances et de la souveraineté industrielle et"
        " numérique. Monsieur le député, merci.\n"
        "M. le président. La parole est à M. Charles de Courson.\n"
        "M. Charles de Courson. Merci.\n"
    )
    t = _quiet(source, convention="compte-rendu")
    assert len(t.turns) == 4
    assert t.turns[1].text == "Monsieur le député, merci."


def test_bundestag_of_the_1960s_theologian_title() -> None:
    """'Präsident D. Dr. Gerstenmaier' (the D. of a doctorate in theology) is a label,
    and the same person as 'D. Dr. Gerstenmaier, Präsident'."""
    source = (
        "Präsident D. Dr. Gerstenmaier: Die Sitzung ist eröffnet.\n\n"
        "Dr. Dehler (FDP): Herr Präsident!\n\n"
        "(Beifall bei der FDP)\n\n"
        "D. Dr. Gerstenmaier, Präsident: Bitte.\n\n"
        "Wehner (SPD): Meine Damen und Herren!\n"
    )
    t = _quiet(source)
    assert [turn.speaker_id for turn in t.turns] == [
        "gerstenmaier",
        "dehler",
        "gerstenmaier",
        "wehner",
    ]
    assert t.speaker("gerstenmaier").role == "Präsident"


def test_interjecting_lines_are_incidents_inside_the_speech() -> None:
    source = (
        "MR BARR: As I was saying, we believe—\n\n"
        "Opposition members interjecting—\n\n"
        "We believe in investment.\n\n"
        "MADAM SPEAKER: Order.\n"
    )
    t = _quiet(source)
    assert len(t.turns) == 2
    assert [(i.kind, i.printed) for i in t.turns[0].incidents] == [
        ("vocal", "Opposition members interjecting—")
    ]
    assert text.dumps(t) == source


def test_uk_hansard_as_its_website_prints_it() -> None:
    """hansard.parliament.uk: the speaker alone on a line, no colon, the speech below;
    an office with the holder in brackets; a heading in between is no speaker."""
    source = (
        "Engagements\n\n"
        "Q1. Mrs Flick Drummond (Meon Valley) (Con)\n"
        "If he will list his official engagements for Wednesday 6 March.\n\n"
        "The Prime Minister (Rishi Sunak)\n"
        "This morning, I had meetings with ministerial colleagues and others.\n\n"
        "Mrs Drummond\n"
        "Will my right hon. Friend join me in welcoming the Budget?\n\n"
        "The Prime Minister\n"
        "I will.\n\n"
        "Stephen Flynn (Aberdeen South) (SNP)\n"
        "Does he agree that the economy is in trouble?\n\n"
        "The Prime Minister\n"
        "No, I do not.\n\n"
        "Mr Speaker\n"
        "Order.\n"
    )
    assert text.sniff(source).convention == "hansard-lines"
    t = text.loads(source)
    assert t.front == ("Engagements",)
    assert [s.name for s in t.speakers] == [
        "Mrs Flick Drummond",
        "Rishi Sunak",
        "Stephen Flynn",
        "Mr Speaker",
    ]
    assert [turn.speaker_id for turn in t.turns] == [
        "drummond",
        "sunak",
        "drummond",
        "sunak",
        "flynn",
        "sunak",
        "speaker",
    ]
    assert t.speakers[1].role == "The Prime Minister"
    assert t.turns[0].text == "If he will list his official engagements for Wednesday 6 March."
    assert text.dumps(t) == source


def test_european_parliament_verbatim_report() -> None:
    """The European Parliament's CRE: 'Name, on behalf of the X Group. – text', in any
    language; the same member with a group in brackets is one speaker; a German
    sentence ending in '. – ' is no label."""
    source = (
        "1. Opening of the sitting\n\n"
        "President. – The next item is the debate on the European Council.\n\n"
        "Hadja Lahbib, President-in-Office of the Council. – Madam President, honourable"
        " Members.\n\n"
        "Manfred Weber, on behalf of the PPE Group. – Madam President, dear colleagues.\n\n"
        "(Applause)\n\n"
        "Iratxe García Pérez, en nombre del Grupo S&D. – Señora presidenta.\n\n"
        "Manfred Weber (PPE). – Madam President, a point of order.\n\n"
        "President. – Thank you, Mr Weber.\n"
    )
    assert text.sniff(source).convention == "europarl"
    t = text.loads(source)
    assert [s.name for s in t.speakers] == [
        "President",
        "Hadja Lahbib",
        "Manfred Weber",
        "Iratxe García Pérez",
    ]
    assert [turn.speaker_id for turn in t.turns][2:5] == ["weber", "perez", "weber"]
    assert t.speakers[2].role == "on behalf of the PPE Group"
    assert text.dumps(t) == source
    sentence = "Ich bitte jene Damen und Herren, die zustimmen, um ein Zeichen. – Das ist so.\n"
    assert text.sniff(sentence * 3).convention != "europarl"


def test_spanish_dutch_and_italian_labels() -> None:
    """Labels with a title or an office in lower case ('El señor PRESIDENTE:', 'De
    voorzitter:'), an office with its holder in brackets ('La señora MINISTRA DE
    HACIENDA (Montero Cuadrado):'), and the Italian record's 'PRESIDENTE. text'."""
    spanish = (
        "El señor PRESIDENTE: Se abre la sesión.\n\n"
        "La señora MINISTRA DE HACIENDA (Montero Cuadrado): Gracias, señor presidente.\n\n"
        "El señor PRESIDENTE: Muchas gracias, señora ministra.\n\n"
        "La señora MINISTRA DE HACIENDA (Montero Cuadrado): Señoría.\n"
    )
    t = text.loads(spanish)
    assert [(s.name, s.role) for s in t.speakers] == [
        ("El señor PRESIDENTE", None),
        ("Montero Cuadrado", "La señora MINISTRA DE HACIENDA"),
    ]
    assert len(t.turns) == 4
    assert text.dumps(t) == spanish
    portuguese = "O Sr. Presidente (Augusto Santos Silva): — Está aberta a sessão.\n"
    speaker = text.loads(portuguese * 2).speakers[0]
    assert (speaker.name, speaker.role) == ("Augusto Santos Silva", "O Sr. Presidente")
    dutch = (
        "De voorzitter:\nIk open de vergadering.\n\n"
        "Mevrouw Van der Plas (BBB):\nDank u wel, voorzitter.\n\n"
        "De voorzitter:\nDank u wel.\n\n"
        "Mevrouw Van der Plas (BBB):\nGraag gedaan.\n"
    )
    t = text.loads(dutch)
    assert [s.name for s in t.speakers] == ["De voorzitter", "Mevrouw Van der Plas"]
    assert len(t.turns) == 4
    italian = (
        "PRESIDENTE. Ha facoltà di parlare l'onorevole Rossi.\n\n"
        "MARIO ROSSI. Grazie, Presidente. Intervengo brevemente.\n\n"
        "PRESIDENTE. Ha facoltà di parlare la Presidente del Consiglio.\n\n"
        "GIORGIA MELONI, Presidente del Consiglio dei ministri. Signor Presidente.\n\n"
        "PRESIDENTE. La seduta è tolta.\n"
    )
    assert text.sniff(italian).convention == "resoconto"
    t = text.loads(italian)
    assert [turn.speaker_id for turn in t.turns] == [
        "presidente",
        "rossi",
        "presidente",
        "meloni",
        "presidente",
    ]
    assert t.speakers[2].role == "Presidente del Consiglio dei ministri"
    assert text.dumps(t) == italian


def test_swedish_speech_numbers_are_not_names() -> None:
    """The Riksdag numbers every speech ('Anf. 12 NAME (S):'): the number stays in the
    printed prefix, an office before the name goes to the role."""
    source = (
        "Anf. 1 TALMANNEN:\nJag vill hälsa alla välkomna.\n\n"
        "Anf. 2 ALF SVENSSON (kd):\nHerr talman!\n\n"
        "Anf. 3 Statsminister GÖRAN PERSSON (s):\nHerr talman! Tack.\n\n"
        "Anf. 4 ALF SVENSSON (kd):\nTack.\n"
    )
    t = _quiet(source)
    assert [s.name for s in t.speakers] == ["TALMANNEN", "ALF SVENSSON", "GÖRAN PERSSON"]
    assert t.speakers[2].role == "Statsminister"
    assert [turn.speaker_id for turn in t.turns][1::2] == ["svensson", "svensson"]
    assert text.dumps(t) == source


def test_storting_labels_lists_and_header() -> None:
    """The Storting's web reports: 'Presidenten []:' (an empty time bracket, no part
    of the name), a list of substitutes shaped like labels ('For Oslo: ...'), and a
    header line naming the chair before the first speech, which is no turn."""
    source = (
        "Dato: 22.10.2024\nPresident: Masud Gharahkhani\n\n"
        "Presidenten []: Følgende vararepresentanter tar nå sete:\n\n"
        "For Oslo: Sissel Dagslet\n\n"
        "Carl I. Hagen (FrP) []: Jeg tillater meg å foreslå dette.\n\n"
        "Presidenten []: Forslaget vil bli behandlet.\n"
    )
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        t = text.loads(source)
    assert [s.name for s in t.speakers] == ["Presidenten", "Carl I. Hagen"]
    assert [turn.label for turn in t.turns] == [
        "Presidenten []",
        "Carl I. Hagen (FrP) []",
        "Presidenten []",
    ]
    assert "For Oslo: Sissel Dagslet" in t.turns[0].text
    assert t.speakers[1].affiliation == "FrP"


def test_a_sentence_is_no_label_role() -> None:
    """'Voorzitter, dank u wel. Toekomst voor Groningen: dat klinkt ...' holds a
    sentence where a label's role would stand: it is text of the current speech."""
    source = (
        "De voorzitter:\n\nHet woord is aan mevrouw Beckerman.\n\n"
        "Mevrouw Beckerman (SP):\n\n"
        "Voorzitter, dank u wel. Toekomst voor Groningen: dat klinkt geweldig.\n\n"
        "De voorzitter:\n\nDank u wel.\n\n"
        "Mevrouw Beckerman (SP):\n\nVoorzitter. Nog een motie.\n"
    )
    t = _quiet(source)
    assert len(t.turns) == 4
    assert t.turns[1].text.startswith("Voorzitter, dank u wel. Toekomst voor Groningen:")
    assert text.dumps(t) == source


def test_spanish_office_label_with_a_comma() -> None:
    """The diario-de-sesiones convention: a long office label with a comma inside and
    its holder in brackets, which the colon rules' length limits refuse; a sentence
    of the chair's with commas and a colon stays text."""
    source = (
        "El señor PRESIDENTE: Continuando, señorías, con el orden del día.\n"
        "Permítanme, señorías, darles la bienvenida a los directivos, al presidente y a"
        " quienes le acompañan: don Ángel Ferrera.\n"
        "El señor VICEPRESIDENTE DEL GOBIERNO Y CONSEJERO DE EDUCACIÓN, UNIVERSIDADES Y"
        " SOSTENIBILIDAD (Pérez García): Señor presidente, señorías.\n"
    )
    assert text.sniff(source).convention == "diario-de-sesiones"
    t = _quiet(source)
    assert len(t.turns) == 2
    speaker = t.speakers[1]
    assert speaker.name == "Pérez García"
    assert speaker.role is not None
    assert speaker.role.endswith("UNIVERSIDADES Y SOSTENIBILIDAD")
    assert text.dumps(t) == source


def test_separator_dashes_belong_to_the_label() -> None:
    """'O Sr. Presidente: — text' (Portuguese DAR) and 'M. X .  - text' (the Sénat's
    analytical report): the dash is the label's, not the first word of the speech."""
    portuguese = (
        "O Sr. Fernando Negrão (PSD): — É para uma interpelação à Mesa.\n\n"
        "O Sr. Presidente: — Vamos esperar.\n\n"
        "O Sr. Fernando Negrão (PSD): — São 10 segundos.\n"
    )
    t = _quiet(portuguese)
    assert [turn.text for turn in t.turns][:2] == [
        "É para uma interpelação à Mesa.",
        "Vamos esperar.",
    ]
    assert text.dumps(t) == portuguese
    french = (
        "M. le président.  - L'ordre du jour appelle les questions d'actualité.\n\n"
        "M. Pierre-Yves Collombat .  - Après les paroles du Premier ministre.\n\n"
        "M. Bernard Cazeneuve, Premier ministre .  - Une parole exige une réponse.\n"
    )
    t = _quiet(french)
    assert [(s.name, s.role) for s in t.speakers][1:] == [
        ("M. Pierre-Yves Collombat", None),
        ("M. Bernard Cazeneuve", "Premier ministre"),
    ]
    assert t.turns[1].text == "Après les paroles du Premier ministre."
    assert text.dumps(t) == french


def test_an_office_with_its_holder_is_a_label_once() -> None:
    """'Forseti (Guðjón Guðmundsson):' printed once names the office and its holder:
    a label (a one-word label printed once would be text)."""
    t = _quiet("[17:06]\n\nForseti (Guðjón Guðmundsson):\n\nForseti verður að kveða upp úr.\n")
    assert [(s.name, s.role) for s in t.speakers] == [("Guðjón Guðmundsson", "Forseti")]


def test_finnish_party_after_a_slash() -> None:
    t = _quiet(
        "Annika Saarikko /kesk:\n\nArvoisa puhemies!\n\n"
        "Pääministeri Jyrki Katainen /kok:\n\nKiitos.\n"
    )
    assert [(s.name, s.role, s.affiliation) for s in t.speakers] == [
        ("Annika Saarikko", None, "kesk"),
        ("Jyrki Katainen", "Pääministeri", "kok"),
    ]


def test_a_colon_phrase_does_not_veto_a_family_convention() -> None:
    """A paragraph opening 'Mit anderen Worten: ...' is no colon label, so it does not
    keep the European Parliament's labels (indented on its pages) from being read."""
    source = (
        "  President. – Dear colleagues, a round of political speakers.\n"
        "  René Aust, im Namen der ESN-Fraktion. – Frau Präsidentin! Europa kann mehr.\n"
        "Mit anderen Worten: Diese EU-Kommission will mehr davon (2019/2801(RSP)).\n"
    )
    assert text.sniff(source).convention == "europarl"
    t = _quiet(source)
    assert [s.name for s in t.speakers] == ["President", "René Aust"]
    assert not t.turns[1].incidents  # '(RSP)' glued to a number is no stage direction
    assert text.dumps(t) == source


def test_theyworkforyou_style_pages() -> None:
    """KildareStreet (the Dáil) and TheyWorkForYou print no colon: the portrait's
    alternative text runs into the name on one line, the speech below."""
    source = (
        "Photo of Mary HarneyMary Harney (Dublin Mid West, Progressive Democrats)\n"
        "Link to this: Individually | In context\n\nIt is proposed to take No. 18.\n\n"
        "Photo of Rory O'HanlonRory O'Hanlon (Cavan-Monaghan, Ceann Comhairle)\n"
        "Link to this: Individually | In context\n\nIs the proposal agreed to? Agreed.\n"
    )
    assert text.sniff(source).convention == "photo-name"
    t = _quiet(source)
    assert [s.name for s in t.speakers] == ["Mary Harney", "Rory O'Hanlon"]
    assert text.dumps(t) == source


def test_a_named_interjection_between_speeches_is_attributed() -> None:
    """'(Poseł X: words)' standing between two speeches names who interjected, as one
    inside a speech does: the printed name in ``meta``, ``who`` where X speaks."""
    source = (
        "Poseł Marek Matuszewski:\n\n    Wysoka Izbo!\n\n"
        "    (Poseł Dorota Arciszewska: Właśnie.)\n\n"
        "    Wicemarszałek Elżbieta Radziszewska:\n\n    Panie pośle.\n\n"
        "    (Poseł Marek Matuszewski: Ale pani marszałek...)\n\n"
        "    Poseł Dorota Arciszewska:\n\n    Dziękuję.\n"
    )
    t = _quiet(source)
    between = [item for item in t.body if not isinstance(item, Turn)]
    assert [(i.kind, i.subtype, i.meta["speaker"]) for i in between] == [
        ("vocal", "interjection", "Poseł Dorota Arciszewska"),
        ("vocal", "interjection", "Poseł Marek Matuszewski"),
    ]
    assert [i.who for i in between] == [None, "matuszewski"]
    assert t.speaker("matuszewski").role == "Poseł"
    assert text.dumps(t) == source


def test_an_office_printed_once_and_a_long_hungarian_label() -> None:
    """The chair's office alone ('ELNÖK:') is a label even printed once; a member's
    label may list his offices over 130 characters, with a space before the colon."""
    office = "Az ülés kezdete.\n\nELNÖK : Tisztelt Képviselőtársaim! Az ülést megnyitom.\n"
    assert [turn.label for turn in _quiet(office).turns] == ["ELNÖK"]
    member = (
        "LEZSÁK SÁNDOR, az oktatási és tudományos bizottság elnöke, a napirendi pont"
        " előadója; valamint az MDF képviselőcsoportja részéről : Köszönöm a szót.\n\n"
        "ELNÖK: Elnök úr, ezt lehetővé teszem.\n"
    )
    t = _quiet(member)
    assert [(s.name, s.role) for s in t.speakers] == [
        ("LEZSÁK SÁNDOR", "az oktatási és tudományos bizottság elnöke"),
        ("ELNÖK", None),
    ]
    assert t.turns[0].text == "Köszönöm a szót."


def test_a_stage_direction_closed_by_a_full_stop() -> None:
    """Spanish records close a stage direction with a full stop: '(Rumores en la
    sala).' standing as a paragraph is an incident, written back as printed."""
    source = (
        "El señor PRESIDENTE: Para su defensa, el señor Déniz.\n\n"
        "(Rumores en la sala).\n\n"
        "El señor DÉNIZ RAMÍREZ: Gracias, señor presidente.\n\n(Aplausos).\n\nSigo.\n\n"
        "El señor PRESIDENTE: Gracias.\n"
    )
    t = _quiet(source)
    body = [item for item in t.body if not isinstance(item, Turn)]
    assert [(i.printed, i.text) for i in body] == [("(Rumores en la sala).", "Rumores en la sala")]
    assert [(i.printed, i.text) for i in t.turns[1].incidents] == [("(Aplausos).", "Aplausos")]
    assert text.dumps(t) == source
