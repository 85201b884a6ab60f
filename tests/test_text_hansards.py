"""Hansards of further parliaments: the label shapes the first-contact files showed.

Invented miniatures of the shapes real records print (the real files are in
tests/data/text/parliament/): the Commonwealth point-dash labels of the Fiji Hansard,
the full-width colon of Chinese records, Cyrillic stenograms, Malaysian offices with
their holder in square brackets, and lines shaped like labels that are speech or
running heads.
"""

from __future__ import annotations

import pytest

from debatekit import text
from quiet import quiet_loads as _quiet

POINT_DASH = """HON. V. PILLAY.- Mr. Speaker, Sir, I move that the report be noted.
HON. G. VEGNATHAN.- Mr. Speaker, Sir, I second the motion.
HON.  SPEAKER.: Honourable Members, the floor is open.
HON. L.D. TABUYA.- Thank you, Mr. Speaker.
(Chorus of interjections)
HON. GOVERNMENT MEMBER.: Hear, hear!
HON. SPEAKER.- Order!
HON. L.D. TABUYA.- I will move on.
HON. F.S. KOYA (Minister for Commerce).- Thank you, Mr. Speaker.
"""


def test_point_dash_labels_are_a_convention_of_their_own() -> None:
    assert text.sniff(POINT_DASH).convention == "point-dash"
    t = _quiet(POINT_DASH)
    assert [turn.speaker_id for turn in t.turns] == [
        "pillay",
        "vegnathan",
        "speaker",
        "tabuya",
        "member",
        "speaker",
        "tabuya",
        "koya",
    ]
    assert t.turns[2].text == "Honourable Members, the floor is open."
    assert t.speaker("koya").role == "Minister for Commerce"
    assert text.dumps(t) == POINT_DASH


def test_a_title_alone_is_no_italian_label() -> None:
    # The Italian 'MARIO ROSSI. text' shape no longer takes 'HON.' for a whole label.
    assert text.sniff(POINT_DASH).convention != "resoconto"
    italian = "PRESIDENTE. Ha facoltà di parlare.\nMARIO ROSSI. Grazie.\nPRESIDENTE. Prego.\n"
    assert text.sniff(italian).convention == "resoconto"


HAN = """出席議員：

主席曾鈺成議員

主席：行政長官現在進入會議廳。

陳偉業議員： “大話精 ”下台！

主席：陳偉業議員，立即返回座位。

我們要做好外來人口的管理工作。我強調：航運中心的概念包括空運和海運。
我強調：這是一行以幾個字和冒號開始的話。

陳偉業議員：打倒！
"""


def test_a_full_width_colon_label_counts_where_its_name_recurs() -> None:
    assert text.sniff(HAN).convention == "han-colon"
    t = text.loads(HAN)
    assert [turn.label for turn in t.turns] == ["主席", "陳偉業議員", "主席", "陳偉業議員"]
    # the heading (colon alone) and the speech line opening with '我強調：' are text
    assert t.front[0].startswith("出席議員：")
    assert "我強調：這是" in t.turns[2].text


STENOGRAM = """СТЕНОГРАМА

засідання Комітету

АРІСТОВ Ю.Ю. Доброго дня, шановні колеги!

ЦАБАЛЬ В.В. Кворум є.

АРІСТОВ Ю.Ю. Дякую. Прошу голосувати.

ГОЛОС ІЗ ЗАЛУ. Давайте окремо.

ЛАБА М.М. Юрію Юрійовичу, у мене запитання: а можемо доопрацювати?

ГОЛОВУЮЧИЙ. Шановні колеги.

І друга пропозиція. Додатково пропонується.
"""


def test_cyrillic_stenogram_labels() -> None:
    assert text.sniff(STENOGRAM).convention == "stenogram"
    t = _quiet(STENOGRAM)
    assert [turn.label for turn in t.turns] == [
        "АРІСТОВ Ю.Ю",
        "ЦАБАЛЬ В.В",
        "АРІСТОВ Ю.Ю",
        "ГОЛОС ІЗ ЗАЛУ",
        "ЛАБА М.М",
        "ГОЛОВУЮЧИЙ",
    ]
    # a sentence with a colon is speech; a one-letter word before a full stop no label
    assert t.turns[4].text.startswith("Юрію Юрійовичу, у мене запитання: а")
    assert t.turns[5].text.endswith("Додатково пропонується.")
    assert text.dumps(t) == STENOGRAM


MALAY = """  Timbalan Yang di-Pertua: Datuk Abdul Rahman bin Bakar.
  Datuk Abdul Rahman bin Bakar: Tuan Yang di-Pertua, saya ingin bertanya.
  Timbalan  Menteri  Perusahaan  Perladangan  dan  Komoditi  [Tuan  A.
Kohilan  Pillay  a/l  G.  Appu]:  Tuan  Yang  di-Pertua,  untuk  makluman  Ahli.
Puan GK Loga Chitra: Terima kasih Tuan Yang di-Pertua.
Tuan A. Kohilan Pillay a/l G. Appu: Terima kasih.
Datuk Saravanan a/l Murugan: Tuan Yang di-Pertua, sebenarnya masalah ini.
Timbalan Yang di-Pertua: Ya, apa pendirian kementerian?
Datuk Saravanan a/l Murugan: Sekian.
"""


def test_an_office_with_its_holder_in_square_brackets_wrapped_over_two_lines() -> None:
    t = _quiet(MALAY)
    assert len(t.turns) == 8
    minister = t.speaker(t.turns[2].speaker_id)
    assert minister.name == "Tuan A. Kohilan Pillay a/l G. Appu"
    assert minister.role == "Timbalan Menteri Perusahaan Perladangan dan Komoditi"
    assert t.turns[4].speaker_id == minister.id  # the holder named alone later
    assert t.turns[2].text.startswith("Tuan  Yang  di-Pertua,  untuk")
    # lower-case particles of Malay names and the chair's 'Yang di-Pertua'
    assert len({turn.speaker_id for turn in t.turns}) == 5
    assert text.dumps(t) == MALAY


def test_sentences_and_running_heads_shaped_like_labels_are_text() -> None:
    source = """MR SPEAKER: I call the Minister of Finance.

HON. P. POKINO: Thank you Mr Speaker.

Mr Speaker, I move:

That the Bill be now read a second time.

MR SPEAKER: Thank you.

Wednesday, 22 May 2013                          Take: 375

HON. P. POKINO: Thank you again.

Wednesday, 22 May 2013                          Take: 376

MR SPEAKER: Order.
"""
    t = text.loads(source)
    assert [turn.speaker_id for turn in t.turns] == [
        "speaker",
        "pokino",
        "speaker",
        "pokino",
        "speaker",
    ]
    assert "Mr Speaker, I move:" in t.turns[1].text
    assert "Take: 375" in t.turns[2].text


def test_the_member_moving_a_motion_speaks() -> None:
    source = """The SPEAKER: The Chief Whip.

The CHIEF WHIP OF THE MAJORITY PARTY moved: That the House limits the business.

The SPEAKER: Agreed to. The Chief Whip of the Opposition.

The CHIEF WHIP OF THE OPPOSITION: Hon Speaker, thank you.

The SPEAKER: Order!

The CHIEF WHIP OF THE MAJORITY PARTY: Thank you.
"""
    t = text.loads(source)
    assert len(t.turns) == 6
    assert t.turns[1].text == "That the House limits the business."
    assert t.turns[1].speaker_id == t.turns[5].speaker_id


# Invented miniatures of the label shapes of further parliaments (what a real record of
# each prints, a few turns long): the convention sniffed, the turns and the speakers.
MINIATURES: dict[str, str] = {
    "bw": """Präsidentin Muhterem Aras: Meine Damen und Herren, ich eröffne die Sitzung.
Das Wort erteile ich Herrn Abg. Stoch.
Abg. Andreas Stoch SPD: Frau Präsidentin, meine Damen und Herren!
(Beifall bei der SPD – Abg. Anton Baron AfD: Unsinn!)
Das ist so.
Präsidentin Muhterem Aras: Für die Fraktion GRÜNE spricht Herr Abg. Schwarz.
Abg. Andreas Schwarz GRÜNE: Frau Präsidentin, liebe Kolleginnen und Kollegen!
(Beifall bei den Grünen)
Präsidentin Muhterem Aras: Für die FDP/DVP spricht Herr Abg. Dr. Rülke.
Abg. Dr. Hans-Ulrich Rülke FDP/DVP: Frau Präsidentin! Herr Ministerpräsident!
Präsidentin Muhterem Aras: Das Wort hat Herr Ministerpräsident Kretschmann.
Ministerpräsident Winfried Kretschmann: Frau Präsidentin, meine Damen und Herren!
Abg. Andreas Stoch SPD: Eine Frage noch.
""",
    "sh": """Präsident Klaus Schlie:
Ich eröffne die Sitzung.
Tobias Koch [CDU]:
Herr Präsident! Meine sehr geehrten Damen und Herren!
(Beifall CDU, BÜNDNIS 90/DIE GRÜNEN und FDP)
Präsident Klaus Schlie:
Das Wort hat die Abgeordnete Serpil Midyatli.
Serpil Midyatli [SPD]:
Herr Präsident! Liebe Kolleginnen und Kollegen!
(Zuruf Tobias Koch [CDU])
Präsident Klaus Schlie:
Danke. Das Wort hat Tobias Koch.
Tobias Koch [CDU]:
Noch einmal.
""",
    "th": """Präsidentin Pommer:
Ich eröffne die Sitzung.
Abgeordneter Bühl, CDU:
Frau Präsidentin, meine sehr geehrten Damen und Herren!
(Beifall CDU)
Präsidentin Pommer:
Als Nächste hat Abgeordnete Henfling das Wort.
Abgeordnete Henfling, BÜNDNIS 90/DIE GRÜNEN:
Vielen Dank, Frau Präsidentin.
(Zwischenruf Abg. Bühl, CDU: Das stimmt nicht!)
Präsidentin Pommer:
Danke schön. Abgeordneter Bühl.
Abgeordneter Bühl, CDU:
Noch einmal.
""",
    "sn": """Präsident Dr. Matthias Rößler: Meine Damen und Herren! Ich eröffne die Sitzung.
Rico Gebhardt, DIE LINKE: Herr Präsident! Meine Damen und Herren!
(Beifall bei den LINKEN)
Präsident Dr. Matthias Rößler: Jetzt spricht die CDU-Fraktion.
Christian Hartmann, CDU: Herr Präsident! Liebe Kolleginnen und Kollegen!
Präsident Dr. Matthias Rößler: Herr Gebhardt, bitte.
Rico Gebhardt, DIE LINKE: Danke.
Michael Kretschmer, Ministerpräsident: Herr Präsident!
""",
    "atbr": """Präsident Karl Bader: Ich eröffne die Sitzung.
Zu Wort gemeldet ist Bundesrat Stefan Schennach. – Bitte.
Bundesrat Stefan Schennach (SPÖ, Wien): Herr Präsident! Frau Ministerin!
Präsident Karl Bader: Zu Wort gemeldet ist Bundesrätin Eder-Gitschthaler. – Bitte.
Bundesrätin Dr. Andrea Eder-Gitschthaler (ÖVP, Salzburg): Herr Präsident!
(Beifall bei der ÖVP.)
Präsident Karl Bader: Zu Wort gemeldet ist Frau Bundesministerin Edtstadler. – Bitte.
Bundesministerin für EU und Verfassung im Bundeskanzleramt Mag. Karoline Edtstadler: Herr Präsident!
Bundesrat Stefan Schennach (SPÖ, Wien): Noch einmal.
""",
    "ch": """Präsidentin (Kälin Irène, Präsidentin): Ich eröffne die Sitzung.
Aeschi Thomas (V, ZG): Frau Präsidentin, wir lehnen das ab.
Wermuth Cédric (S, AG): Die SP-Fraktion unterstützt den Antrag.
Keller-Sutter Karin, Bundesrätin: Der Bundesrat beantragt Ihnen Zustimmung.
Präsidentin (Kälin Irène, Präsidentin): Wir stimmen ab.
Aeschi Thomas (V, ZG): Eine Frage.
""",
    "chfr": """Président (Candinas Martin, président): La séance est ouverte.
Maillard Pierre-Yves (S, VD): Nous soutenons la proposition.
Nantermod Philippe (RL, VS): Le groupe libéral-radical la rejette.
Berset Alain, conseiller fédéral: Le Conseil fédéral vous invite à accepter.
Président (Candinas Martin, président): Nous passons au vote.
Maillard Pierre-Yves (S, VD): Merci.
""",
    "an": """M. le président. La séance est ouverte.
(La séance est ouverte à quinze heures.)
M. le président. La parole est à Mme Mathilde Panot.
Mme Mathilde Panot. Monsieur le Premier ministre, votre gouvernement a échoué.
(Applaudissements sur les bancs du groupe LFI-NUPES.)
M. Pierre Cordier. C'est faux !
M. le président. La parole est à M. le Premier ministre.
M. Gabriel Attal, Premier ministre. Madame la présidente Panot, je vous réponds.
(Applaudissements sur les bancs du groupe RE.)
Mme Mathilde Panot. Et alors ?
M. le président. La parole est à Mme Aurore Bergé, ministre déléguée.
Mme Aurore Bergé, ministre déléguée chargée de l'égalité. Merci.
""",
    "qc": """Le Président: Alors, bonjour à tous. Nous allons débuter nos travaux.
M. Legault: Merci, M. le Président. Je veux saluer mes collègues.
Des voix: Bravo!
Le Président: Merci. M. le chef de l'opposition officielle.
M. St-Pierre Plamondon: M. le Président, le premier ministre s'est trompé.
Le Vice-Président (M. Picard): En terminant.
M. Legault: M. le Président, ce n'est pas vrai.
Mme Rizqy: Question de règlement.
""",
    "senato": """PRESIDENTE. Ha chiesto di intervenire il senatore Malan. Ne ha facoltà.
MALAN (FdI). Signor Presidente, intervengo sull'ordine dei lavori.
PRESIDENTE. Ha chiesto di intervenire la senatrice Malpezzi. Ne ha facoltà.
MALPEZZI (PD-IDP). Signor Presidente, il nostro Gruppo voterà contro.
CALDEROLI, ministro per gli affari regionali e le autonomie. Signor Presidente, il Governo accoglie.
MALAN (FdI). Grazie.
PRESIDENTE. Passiamo alla votazione.
""",
    "tr": """BAŞKAN – Sayın milletvekilleri, 45'inci Birleşimini açıyorum.
Gündem dışı ilk söz, Sayın Engin Altay'a aittir.
ENGİN ALTAY (İstanbul) – Sayın Başkan, değerli milletvekilleri...
(CHP sıralarından alkışlar)
BAŞKAN – Teşekkür ederiz Sayın Altay.
ABDULHAMİT GÜL (Gaziantep) – Sayın Başkan, teşekkür ediyorum.
ENGİN ALTAY (İstanbul) – Yerimden bir söz istiyorum.
BAŞKAN – Buyurun.
""",
    "lt": """PIRMININKĖ (V. ČMILYTĖ-NIELSEN). Gerbiami kolegos, pradedame posėdį.
A. ANUŠAUSKAS (TS-LKDF). Dėkoju, posėdžio pirmininke.
PIRMININKĖ. Ačiū. Kviečiu R. Karbauskį.
R. KARBAUSKIS (LVŽSF). Gerbiama pirmininke, kolegos.
A. ANUŠAUSKAS (TS-LKDF). Dar kartą.
PIRMININKĖ. Ačiū.
""",
    "lv": """Sēdes vadītāja. Labrīt, godātie deputāti! Sākam sēdi.
Vārds deputātam Jānim Dombravam.
J.Dombrava (NA). Godātā Saeimas priekšsēdētāja! Kolēģi!
Sēdes vadītāja. Paldies. Vārds deputātei Ingai Goldbergai.
I.Goldberga (AS). Cienījamie kolēģi!
J.Dombrava (NA). Vēl viens jautājums.
Sēdes vadītāja. Paldies.
""",
    "gr": """ΠΡΟΕΔΡΕΥΩΝ (Νικήτας Κακλαμάνης): Κυρίες και κύριοι συνάδελφοι, αρχίζει η συνεδρίαση.
Τον λόγο έχει ο κ. Μητσοτάκης.
ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ (Πρόεδρος της Κυβέρνησης): Κύριε Πρόεδρε, κυρίες και κύριοι βουλευτές.
(Χειροκροτήματα από την πτέρυγα της Νέας Δημοκρατίας)
ΠΡΟΕΔΡΕΥΩΝ (Νικήτας Κακλαμάνης): Ευχαριστούμε. Τον λόγο έχει ο κ. Ανδρουλάκης.
ΝΙΚΟΛΑΟΣ ΑΝΔΡΟΥΛΑΚΗΣ (Πρόεδρος του ΠΑΣΟΚ-Κινήματος Αλλαγής): Κύριε Πρόεδρε.
ΚΥΡΙΑΚΟΣ ΜΗΤΣΟΤΑΚΗΣ (Πρόεδρος της Κυβέρνησης): Απαντώ.
""",
    "sco": """The Presiding Officer (Alison Johnstone): Good afternoon.
Douglas Ross (Highlands and Islands) (Con): To ask the First Minister.
The First Minister (Nicola Sturgeon): Engagements to take forward the Government's programme.
Douglas Ross: The First Minister is wrong.
The First Minister: No, I am not.
Members: Hear, hear.
The Presiding Officer: Order.
""",
    "lok": """HON. SPEAKER: Now, Question Hour. Question No. 201, Shri Rahul Gandhi.
SHRI RAHUL GANDHI (RAE BARELI): Sir, my question is about unemployment.
THE MINISTER OF LABOUR AND EMPLOYMENT (SHRI BHUPENDER YADAV): Sir, the answer is laid on the Table.
HON. SPEAKER: Supplementary question.
SHRI RAHUL GANDHI (RAE BARELI): Sir, the minister has not answered.
SHRI BHUPENDER YADAV: Sir, I have answered.
HON. SPEAKER: Next question.
""",
    "nrw": """Präsident André Kuper: Meine sehr geehrten Damen und Herren, ich eröffne die Sitzung.
Ich erteile Herrn Kutschaty das Wort.
Thomas Kutschaty (SPD): Herr Präsident! Meine Damen und Herren!
(Beifall von der SPD – Zuruf von Josef Hovenjürgen [CDU])
Präsident André Kuper: Vielen Dank. Jetzt spricht der Ministerpräsident.
Hendrik Wüst, Ministerpräsident: Herr Präsident! Meine Damen und Herren!
(Beifall von der CDU und den GRÜNEN)
Vizepräsidentin Carina Gödecke: Das Wort hat Herr Kutschaty.
Thomas Kutschaty (SPD): Danke.
""",
    "br": """Präsident Dr. Dietmar Woidke: Ich eröffne die 1030. Sitzung des Bundesrates.
Dr. Markus Söder (Bayern): Herr Präsident! Meine sehr verehrten Damen und Herren!
Präsident Dr. Dietmar Woidke: Vielen Dank! – Das Wort hat Hendrik Wüst (Nordrhein-Westfalen).
Hendrik Wüst (Nordrhein-Westfalen): Herr Präsident! Meine Damen und Herren!
Dr. Markus Söder (Bayern): Noch ein Satz.
Präsident Dr. Dietmar Woidke: Danke.
""",
    "lu": """M. le Président.- La séance est ouverte.
Je donne la parole à l'honorable Monsieur Fernand Etgen.
M. Fernand Etgen (DP).- Här President, léif Kolleginnen a Kollegen, merci.
M. le Président.- Merci. La parole est à Madame la Ministre.
Mme Paulette Lenert, Ministre de la Santé.- Här President, merci.
M. Fernand Etgen (DP).- Nach eng Fro.
M. le Président.- Merci.
""",
    "cy": """Y Llywydd / The Presiding Officer: Prynhawn da. Croeso i bawb i'r Cyfarfod Llawn.
Andrew RT Davies: Diolch, Llywydd. First Minister, will you apologise?
Y Prif Weinidog / The First Minister: No, I will not.
Andrew RT Davies: First Minister, that is not good enough.
Y Llywydd / The Presiding Officer: Rhun ap Iorwerth.
Rhun ap Iorwerth: Diolch, Llywydd.
Y Prif Weinidog / The First Minister: Thank you.
""",
    "hi": """माननीय अध्यक्ष: प्रश्न संख्या 201, श्री राहुल गांधी।
श्री राहुल गांधी (रायबरेली): अध्यक्ष महोदय, मेरा प्रश्न बेरोज़गारी के बारे में है।
श्रम और रोजगार मंत्री (श्री भूपेंद्र यादव): अध्यक्ष महोदय, उत्तर सभा पटल पर रख दिया गया है।
माननीय अध्यक्ष: पूरक प्रश्न।
श्री राहुल गांधी (रायबरेली): मंत्री जी ने उत्तर नहीं दिया।
माननीय अध्यक्ष: अगला प्रश्न।
""",
    "he": """היו"ר אמיר אוחנה: אני פותח את הישיבה.
יאיר לפיד (יש עתיד): אדוני היושב-ראש, חברי הכנסת.
היו"ר אמיר אוחנה: תודה רבה. חבר הכנסת גולדקנופף.
יצחק גולדקנופף (יהדות התורה): אדוני היושב-ראש.
יאיר לפיד (יש עתיד): תודה.
""",
    "ni": """Mr Speaker: Order. Members will take their ease.
Mr Allister: Will the First Minister tell the House why?
The First Minister (Mrs O'Neill): I thank the Member for his question.
Mr Allister: That is not an answer.
Mr Speaker: Order.
The First Minister: I have answered.
""",
    "hr": """PREDSJEDNIK: Poštovane kolegice i kolege, otvaram sjednicu.
Riječ ima zastupnik Peđa Grbin.
GRBIN, PEĐA (SDP): Hvala lijepa, gospodine predsjedniče.
PREDSJEDNIK: Hvala. Replika, zastupnik Bačić.
BAČIĆ, BRANKO (HDZ): Hvala lijepa.
GRBIN, PEĐA (SDP): Odgovor na repliku.
PREDSJEDNIK: Hvala.
""",
    "eu": """La PRESIDENTA (Tejeria Otermin): Egun on. Hasiera emango diogu osoko bilkurari.
El señor PRADALES GIL: Eskerrik asko, presidente andrea.
La PRESIDENTA (Tejeria Otermin): Eskerrik asko. Otxandiano jauna.
El señor OTXANDIANO KORTAJARENA: Eskerrik asko.
El señor PRADALES GIL: Eskerrik asko.
""",
}


@pytest.mark.parametrize(
    ("name", "convention", "turns", "speakers"),
    [
        ("bw", "plenarprotokoll", 9, 5),
        ("sh", "plenarprotokoll", 6, 3),
        ("th", "plenarprotokoll", 6, 3),
        ("sn", "plenarprotokoll", 7, 4),
        ("atbr", "plenarprotokoll", 7, 4),
        ("ch", "plenarprotokoll", 6, 4),
        ("chfr", "plenarprotokoll", 6, 4),
        ("an", "compte-rendu", 9, 5),
        ("qc", "colon", 7, 5),
        ("senato", "resoconto", 7, 4),
        ("tr", "tutanak", 6, 3),
        ("lt", "resoconto", 6, 3),
        ("lv", "saeima", 6, 3),
        ("gr", "colon", 5, 3),
        ("sco", "colon", 6, 3),
        ("lok", "colon", 7, 3),
        ("nrw", "plenarprotokoll", 6, 4),
        ("br", "plenarprotokoll", 6, 3),
        ("lu", "compte-rendu", 6, 3),
        ("cy", "colon", 7, 4),
        ("hi", "colon", 6, 3),
        ("he", "colon", 5, 3),
        ("ni", "colon", 6, 3),
        ("hr", "colon", 6, 3),
        ("eu", "colon", 5, 3),
    ],
)
def test_label_shapes_of_further_parliaments(
    name: str, convention: str, turns: int, speakers: int
) -> None:
    source = MINIATURES[name]
    t = text.loads(source)
    assert t.meta["text:convention"] == convention
    assert len(t.turns) == turns
    assert len({turn.speaker_id for turn in t.turns}) == speakers


EDUSKUNTA = """Ensimmäinen käsittely
Puhemies Paula Risikko
:

Ensimmäiseen käsittelyyn esitellään päiväjärjestyksen 3. asia.

Keskustelu
14.42
Antero Laukkanen kd :

Arvoisa rouva puhemies! Tämä herättää tunteita.

Puhemies Paula Risikko
:

Kiitos.
"""


def test_a_colon_alone_on_the_next_line_and_a_party_in_lower_case() -> None:
    t = text.loads(EDUSKUNTA)
    assert [turn.label for turn in t.turns] == [
        "Puhemies Paula Risikko",
        "Antero Laukkanen kd",
        "Puhemies Paula Risikko",
    ]
    risikko = t.speaker(t.turns[0].speaker_id)
    assert (risikko.name, risikko.role) == ("Paula Risikko", "Puhemies")
    laukkanen = t.speaker(t.turns[1].speaker_id)
    assert (laukkanen.name, laukkanen.affiliation) == ("Antero Laukkanen", "kd")
    assert t.turns[0].text.startswith("Ensimmäiseen käsittelyyn")
    assert text.dumps(t) == EDUSKUNTA


def test_an_office_with_its_portfolio_before_the_name() -> None:
    source = """Präsident Karl Bader: Zu Wort gemeldet ist die Frau Bundesministerin.
Bundesministerin für EU und Verfassung im Bundeskanzleramt Mag. Karoline Edtstadler: Danke.
Präsident Karl Bader: Der Herr Bundesminister.
Bundesminister für Inneres Gerhard Karner: Herr Präsident!
Bundesministerin Mag. Karoline Edtstadler: Noch ein Satz.
"""
    t = text.loads(source)
    edtstadler = t.speaker(t.turns[1].speaker_id)
    assert edtstadler.name == "Mag. Karoline Edtstadler"
    assert edtstadler.role == "Bundesministerin für EU und Verfassung im Bundeskanzleramt"
    assert t.turns[4].speaker_id == edtstadler.id
    karner = t.speaker(t.turns[3].speaker_id)
    assert (karner.name, karner.role) == ("Gerhard Karner", "Bundesminister für Inneres")
