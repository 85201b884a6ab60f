"""Hansards of further parliaments: the label shapes the first-contact files showed.

Invented miniatures of the shapes real records print (the real files are in
tests/data/text/parliament/): the Commonwealth point-dash labels of the Fiji Hansard,
the full-width colon of Chinese records, Cyrillic stenograms, Malaysian offices with
their holder in square brackets, and lines shaped like labels that are speech or
running heads.
"""

from __future__ import annotations

import warnings

from debatekit import Transcript, text


def _quiet(source: str, **kwargs: str) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return text.loads(source, **kwargs)


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
