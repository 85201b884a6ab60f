"""ParlaMint's linguistic layer (.ana TEI) read into the model and written back: real
files of three countries, token by token against the source XML."""

from __future__ import annotations

import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

import debatekit
from debatekit import LossWarning, Transcript, tei
from strategies import transcripts

DATA = Path(__file__).parent / "data" / "parlamint"
# Other countries' samples sit beside, not inside, the ParlaMint corpus folder (whose
# sessions tests and docs read as one corpus).
MORE = Path(__file__).parent / "data" / "parlamint-ana"
ANA = [
    DATA / "ParlaMint-ES-PV" / "2019" / "ParlaMint-ES-PV_2019-12-20.ana.xml",
    MORE / "ParlaMint-PT" / "ParlaMint-PT_2022-03-15.ana.xml",
    MORE / "ParlaMint-SI" / "ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.ana.xml",
]
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _surface(root: etree._Element) -> list[etree._Element]:
    """The surface tokens of a TEI document: w and pc not inside another w."""
    return [
        el
        for el in root.iter(T + "w", T + "pc")
        if el.getparent().tag != T + "w"  # type: ignore[union-attr]
    ]


def _model_tokens(transcript: Transcript) -> list[debatekit.Token]:
    return [t for turn in transcript.turns for s in turn.sentences for t in s.tokens]


@pytest.mark.parametrize("path", ANA, ids=lambda p: p.parent.name)
def test_every_token_of_the_source_is_in_the_model_once_in_order(path: Path) -> None:
    """No word lost or glued: the surface tokens of the .ana are the model's, in order,
    each the text of its turn at its offset; multiword tokens keep their parts."""
    transcript = debatekit.read(path)
    source = _surface(etree.parse(str(path)).getroot())
    model = _model_tokens(transcript)
    assert [("".join(el.itertext()), el.get(XML_ID)) for el in source] == [
        (t.form, t.id) for t in model
    ]
    assert [[p.get("norm") for p in el.iter(T + "w") if p is not el] for el in source] == [
        [p.form for p in t.parts] for t in model
    ]
    for turn in transcript.turns:
        for sentence in turn.sentences:
            for token in sentence.tokens:
                assert turn.text[token.offset : token.end] == token.form


@pytest.mark.parametrize("path", ANA, ids=lambda p: p.parent.name)
def test_the_layer_is_what_the_source_says(path: Path) -> None:
    """lemma, UPOS, features, XPOS, heads and relations, entities: as in the TEI."""
    transcript = debatekit.read(path)
    root = etree.parse(str(path)).getroot()
    words = {w.get(XML_ID): w for w in root.iter(T + "w", T + "pc")}
    for turn in transcript.turns:
        for sentence in turn.sentences:
            s = root.find(f".//{T}s[@{XML_ID}='{sentence.id}']")
            assert s is not None
            links = {
                link.get("target").split()[1][1:]: link  # type: ignore[union-attr]
                for link in s.iter(T + "link")
            }
            ids = [sentence.id] + [w.id for w in sentence.words]
            for word in sentence.words:
                el = words[word.id]
                msd = el.get("msd", "")
                assert word.lemma == el.get("lemma")
                assert word.upos == msd.split("|")[0].removeprefix("UPosTag=")
                assert (word.feats or "") == "|".join(msd.split("|")[1:])
                assert word.xpos == (
                    el.get("pos") or el.get("ana", "").removeprefix("mte:") or None
                )
                link = links[word.id]
                assert ids[word.head or 0] == link.get("target").split()[0][1:]  # type: ignore[union-attr]
                assert word.deprel == link.get("ana").removeprefix("ud-syn:").replace("_", ":")  # type: ignore[union-attr]
            names = [
                (n.get("type"), [w.get(XML_ID) for w in n.iter(T + "w", T + "pc")])
                for n in s.iter(T + "name")
            ]
            assert names == [
                (e.kind, [t.id for t in sentence.tokens[e.start : e.end]])
                for e in sentence.entities
            ]


@pytest.mark.parametrize("path", ANA, ids=lambda p: p.parent.name)
def test_ana_written_back_is_valid_and_the_same_token_by_token(
    path: Path, rng: etree.RelaxNG
) -> None:
    """read → write (valid against tei_all) → read is equal; the written tokens, their
    attributes, links and names are the source's."""
    transcript = debatekit.read(path)
    document = tei.dumps(transcript)
    written = etree.fromstring(document.encode("utf-8"))
    assert rng.validate(written), str(rng.error_log)
    assert tei.loads(document) == transcript
    source = etree.parse(str(path)).getroot()

    def tokens(root: etree._Element) -> list[tuple[str, dict[str, str], str]]:
        return [
            (str(el.tag), dict(el.attrib), (el.text or "").strip())
            for el in root.iter(T + "w", T + "pc")
        ]

    def links(root: etree._Element) -> set[tuple[str | None, str | None]]:
        return {(link.get("ana"), link.get("target")) for link in root.iter(T + "link")}

    def names(root: etree._Element) -> list[tuple[str | None, list[str | None]]]:
        return [
            (n.get("type"), [w.get(XML_ID) for w in n.iter(T + "w", T + "pc")])
            for s in root.iter(T + "s")
            for n in s.iter(T + "name")
        ]

    assert tokens(written) == tokens(source)
    assert links(written) == links(source)
    assert names(written) == names(source)


def _built_again(transcript: Transcript) -> list[debatekit.Sentence]:
    """Every sentence of ``transcript`` built again the general way (Token, Entity and
    Sentence's ``__init__``, each check run), and its turns re-checked."""
    again = []
    for turn in transcript.turns:
        for sentence in turn.sentences:
            tokens = [
                attrs.evolve(t, parts=[attrs.evolve(p) for p in t.parts]) for t in sentence.tokens
            ]
            entities = [attrs.evolve(e) for e in sentence.entities]
            again.append(attrs.evolve(sentence, tokens=tokens, entities=entities))
        attrs.evolve(turn)  # the turn's checks of its sentences against its text
    attrs.evolve(transcript)  # the id space
    return again


@pytest.mark.parametrize("path", [*ANA, *sorted((DATA.parent / "conllu").rglob("*.ana.xml"))])
def test_what_the_reader_builds_passes_the_full_validation(path: Path) -> None:
    """The .ana reader builds common tokens and sentences on a trusted path
    (_linguistic._plain_layer): each is what the general way, every check run, builds."""
    transcript = debatekit.read(path)
    sentences = [s for turn in transcript.turns for s in turn.sentences]
    assert sentences
    assert _built_again(transcript) == sentences


def test_the_turn_text_is_the_plain_sessions() -> None:
    """The linguistic layer changes nothing in the text: .ana and plain session agree."""
    ana = debatekit.read(ANA[0])
    plain = debatekit.read(ANA[0].with_name(ANA[0].name.replace(".ana", "")))
    assert [t.text for t in ana.turns] == [t.text for t in plain.turns]
    assert not any(t.sentences for t in plain.turns)


def test_multiword_tokens_and_mte_xpos() -> None:
    """Portuguese "do" = de + o; Slovenian XPOS from MULTEXT-East ana, UPOS from msd."""
    pt = debatekit.read(ANA[1])
    do = next(t for t in _model_tokens(pt) if t.form == "do")
    assert [(p.form, p.lemma, p.upos, p.deprel) for p in do.parts] == [
        ("de", "de", "ADP", "orphan"),
        ("o", "o", "DET", "obj"),
    ]
    assert do.head is None
    assert do.lemma is None
    si = debatekit.read(ANA[2])
    first = _model_tokens(si)[0]
    assert (first.form, first.upos, first.xpos) == ("Spoštovane", "ADJ", "Appfpn")
    assert first.feats == "Case=Nom|Degree=Pos|Gender=Fem|Number=Plur|VerbForm=Part"
    sentence = si.turns[0].sentences[0]
    assert sentence.meta["tei:measure"].startswith("<measure ")
    assert 'quantity="4.052"' in sentence.meta["tei:measure"]


RELCL = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>
</fileDesc><encodingDesc><listPrefixDef>
<prefixDef ident="rel" matchPattern="(.+)" replacementPattern="#syn.$1"/></listPrefixDef>
<classDecl><taxonomy xml:id="syn"><category xml:id="syn.acl_relcl"><catDesc><term>acl:relcl</term>
</catDesc></category><category xml:id="syn.weird_one"><catDesc><term>weird-one</term></catDesc>
</category></taxonomy></classDecl></encodingDesc></teiHeader>
<text><body><u who="#a" xml:id="u1"><seg><s xml:id="s1">
<w xml:id="w1">men</w><w xml:id="w2">who</w><w xml:id="w3" join="right">left</w>
<pc xml:id="w4">.</pc>
<linkGrp type="UD-SYN" targFunc="head argument">
<link ana="rel:acl_relcl" target="#w1 #w3"/><link ana="rel:weird_one" target="#w3 #w2"/>
<link ana="ud-syn:root" target="#s1 #w1"/><link ana="ud-syn:nmod_poss" target="#w1 #w4"/>
</linkGrp><linkGrp type="JOS-SYN"><link ana="jos-syn:Atr" target="#w1 #w2"/></linkGrp>
</s></seg></u></body></text></TEI>"""


def test_relations_are_named_through_the_prefix_definition() -> None:
    """ana="rel:X" resolves through the header's prefixDef to a taxonomy category and its
    term; an undeclared prefix falls back to ParlaMint's "_" for ":"; another linkGrp
    type is kept verbatim and written back."""
    transcript = tei.loads(RELCL)
    sentence = transcript.turns[0].sentences[0]
    assert [(w.form, w.head, w.deprel) for w in sentence.words] == [
        ("men", 0, "root"),
        ("who", 3, "weird-one"),
        ("left", 1, "acl:relcl"),
        (".", 1, "nmod:poss"),
    ]
    assert sentence.meta["tei:linkGrp"].startswith("<linkGrp ")
    again = tei.loads(tei.dumps(transcript))
    assert again.turns[0].sentences[0].meta == sentence.meta


def test_ids_made_up_for_links_are_not_kept() -> None:
    """Words without ids that a link needs get made-up ids in the TEI, dropped on reading."""
    token = debatekit.Token
    turn = debatekit.Turn(
        id="u1",
        speaker_id="a",
        paragraphs=["Hola amigos."],
        sentences=[
            debatekit.Sentence(
                tokens=[
                    token(form="Hola", offset=0, head=0, deprel="root"),
                    token(form="amigos", offset=5, head=1, deprel="vocative", space_after=False),
                    token(form=".", offset=11, head=1, deprel="punct", punct=True),
                ]
            )
        ],
    )
    transcript = Transcript(speakers=[debatekit.Speaker(id="a", name="A")], body=[turn])
    document = tei.dumps(transcript)
    assert 'type="generated-ids"' in document
    assert tei.loads(document) == transcript


@pytest.mark.parametrize("format_", ["text", "vtt", "srt", "html", "parlamint"])
def test_formats_without_the_layer_say_so(format_: str) -> None:
    """Writing an .ana transcript where sentences have no place warns and names them."""
    transcript = debatekit.read(ANA[0])
    if format_ in ("vtt", "srt"):
        import datetime as dt

        import attrs

        transcript = attrs.evolve(
            transcript,
            body=[
                attrs.evolve(t, start=dt.timedelta(seconds=i), end=dt.timedelta(seconds=i + 1))
                if isinstance(t, debatekit.Turn)
                else t
                for i, t in enumerate(transcript.body)
            ],
        )
    with pytest.warns(LossWarning) as caught:
        debatekit.dumps(transcript, format=format_)
    assert any("sentences" in str(w.message) for w in caught)


@settings(max_examples=max(1, settings().max_examples // 2))
@given(transcripts(with_sentences=True, with_markup=True))
def test_drawn_layers_round_trip_through_tei_json_and_aif(
    rng: etree.RelaxNG, transcript: Transcript
) -> None:
    """Any valid layer (multiword tokens, heads, entities, incidents between tokens)
    survives TEI (valid against tei_all), JSON and AIF."""
    document = tei.dumps(transcript)
    assert rng.validate(etree.fromstring(document.encode("utf-8"))), str(rng.error_log)
    read = tei.loads(document)
    assert read == transcript
    assert _built_again(read) == [s for turn in read.turns for s in turn.sentences]
    assert debatekit.json.loads(debatekit.json.dumps(transcript)) == transcript
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        assert debatekit.aif.loads(debatekit.aif.dumps(transcript)) == transcript


def _one_turn(seg: str) -> str:
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div>'
        f'<u who="#a" xml:id="u1">{seg}</u></div></body></text></TEI>'
    )


def test_space_after_a_sentence_follows_the_text() -> None:
    """Inside a sentence, a token's space_after is its join; after its last token, the
    text says: literal white space without a space after the sentence gives False, and a
    join="right" that white space between two sentences contradicts is kept in meta."""
    literal = tei.loads(
        _one_turn('<seg xml:space="preserve"><s xml:id="s1"><w>a</w><w>b</w></s>x</seg>')
    )
    turn = literal.turns[0]
    assert turn.text == "a bx"
    assert [(t.form, t.space_after, dict(t.meta)) for t in turn.sentences[0].tokens] == [
        ("a", True, {}),
        ("b", False, {}),
    ]
    contradicted = tei.loads(
        _one_turn('<seg><s><w>a</w><w join="right">b</w></s> <s><w>c</w></s></seg>')
    )
    turn = contradicted.turns[0]
    assert turn.text == "a b c"
    assert [[(t.form, t.space_after, dict(t.meta)) for t in s.tokens] for s in turn.sentences] == [
        [("a", True, {}), ("b", True, {"join": "right"})],
        [("c", True, {})],
    ]
    assert tei.loads(tei.dumps(contradicted)) == contradicted
