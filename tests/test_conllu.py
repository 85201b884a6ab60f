"""CoNLL-U (debatekit.conllu): ParlaMint's published files read and written back byte for
byte, checked with the ``conllu`` package, round trips, located errors, the CLI."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import conllu as conllu_package
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import debatekit
from debatekit import LossWarning, ParseError, ParseWarning, Sentence, Token, Turn, conllu
from debatekit.cli import main

DATA = Path(__file__).parent / "data" / "conllu"
#: ParlaMint's own CoNLL-U files (see data/conllu/SOURCE.md).
PUBLISHED = sorted(DATA.rglob("*.conllu"))


def test_the_published_files_are_here() -> None:
    assert [p.name for p in PUBLISHED] == [
        "ParlaMint-ES-GA_2019-10-08-DSPG130.conllu",
        "ParlaMint-ES-PV_2019-12-20-eu.conllu",
    ]


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_published_files_are_written_back_byte_for_byte(path: Path) -> None:
    """ParlaMint's CoNLL-U, read and written again, is the same bytes."""
    transcript = debatekit.read(path)
    assert conllu.dumps(transcript) == path.read_text("utf-8")


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_reading_builds_turns_paragraphs_sentences_and_offsets(path: Path) -> None:
    """One turn per ``newdoc``, one paragraph per ``newpar``; each token is the text at
    its offset, and each sentence's ``# text`` is the text from its first to its last
    token."""
    source = path.read_text("utf-8")
    transcript = debatekit.read(path)
    assert [t.id for t in transcript.turns] == [
        line.split(" = ")[1] for line in source.splitlines() if line.startswith("# newdoc id")
    ]
    assert sum(len(t.paragraphs) for t in transcript.turns) == source.count("# newpar id")
    parsed = conllu_package.parse(source)
    sentences = [s for t in transcript.turns for s in t.sentences]
    assert [s.id for s in sentences] == [p.metadata["sent_id"] for p in parsed]
    for turn in transcript.turns:
        for sentence in turn.sentences:
            for token in sentence.tokens:
                assert turn.text[token.offset : token.end] == token.form
    for sentence, expected, turn in zip(
        sentences, parsed, [t for t in transcript.turns for _ in t.sentences], strict=True
    ):
        assert turn.text[sentence.offset : sentence.end] == expected.metadata["text"]


def test_entities_and_multiword_tokens() -> None:
    """NER tags become entities over surface tokens; a range line becomes a token with
    its syntactic words as parts, which carry the syntax."""
    es_pv = debatekit.read(DATA / "ParlaMint-ES-PV" / "ParlaMint-ES-PV_2019-12-20-eu.conllu")
    sentence = es_pv.turns[0].sentences[3]  # seg2.s2
    names = [
        (e.kind, " ".join(t.form for t in sentence.tokens[e.start : e.end]))
        for e in sentence.entities
    ]
    assert names == [("PER", "Nerea Kortajarena Ibañez"), ("ORG", "EH Bildu"), ("LOC", "EAEn")]
    es_ga = debatekit.read(DATA / "ParlaMint-ES-GA" / "ParlaMint-ES-GA_2019-10-08-DSPG130.conllu")
    third = es_ga.turns[0].sentences[2]
    token = third.tokens[3]
    assert token.form == "ábrese"
    assert [(p.form, p.lemma, p.upos, p.head, p.deprel) for p in token.parts] == [
        ("abre", "abrir", "VERB", 0, "root"),
        ("se", "se", "PRON", 4, "expl"),
    ]
    assert [w.form for w in third.words] == ["Bos", "días", ",", "abre", "se", "a", "sesión", "."]
    assert es_ga.turns[0].paragraphs[2] == "Bos días, ábrese a sesión."


def _none(value: object) -> object:
    return None if value == "_" else value


def _compare(written: str, transcript: debatekit.Transcript) -> int:
    """Every word line that the ``conllu`` package parses equals the model's token or
    syntactic word, field by field; the number of words compared."""
    sentences = [s for t in transcript.turns for s in t.sentences]
    parsed = conllu_package.parse(written)
    assert len(parsed) == len(sentences)
    compared = 0
    for sentence, token_list in zip(sentences, parsed, strict=True):
        assert token_list.metadata["sent_id"] == sentence.id
        surface = [t for t in token_list if isinstance(t["id"], int) or len(t["id"]) == 3]
        assert [t["form"] for t in surface if not isinstance(t["id"], int)] == [
            t.form for t in sentence.tokens if t.parts
        ]
        words = [t for t in token_list if isinstance(t["id"], int)]
        assert len(words) == len(sentence.words)
        for word, row in zip(sentence.words, words, strict=True):
            feats = "|".join(f"{k}={v}" for k, v in (row["feats"] or {}).items()) or None
            expected = word.feats and "|".join(sorted(word.feats.split("|"), key=str.lower))
            assert row["form"] == word.form
            assert row["lemma"] == (word.lemma or (word.form if word.punct else "_"))
            assert _none(row["upos"]) == word.upos
            assert _none(row["xpos"]) == word.xpos
            assert feats == expected  # sorted, as CoNLL-U has them
            assert row["head"] == word.head
            assert _none(row["deprel"]) == word.deprel
            compared += 1
        tags = ["O"] * len(sentence.tokens)
        for e in sentence.entities:
            tags[e.start : e.end] = [f"B-{e.kind}"] + [f"I-{e.kind}"] * (e.end - e.start - 1)
        ranges = [t for t in token_list if not isinstance(t["id"], int)]
        lines = iter(ranges)
        misc = []
        for token in sentence.tokens:
            row = next(lines) if token.parts else words[sentence.words.index(token)]
            misc.append(row["misc"])
        assert [m["NER"] for m in misc] == tags
        assert [m.get("SpaceAfter") != "No" for m in misc] == [
            t.space_after for t in sentence.tokens
        ]
    return compared


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_the_conllu_package_reads_what_is_written(path: Path) -> None:
    """The output parses with the ``conllu`` package, word for word the model."""
    transcript = debatekit.read(path)
    assert _compare(conllu.dumps(transcript), transcript) > 0


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_file_objects_and_the_registry(path: Path, tmp_path: Path) -> None:
    """load/dump on binary files, and read/write by the ``.conllu`` suffix."""
    with path.open("rb") as fp:
        transcript = conllu.load(fp)
    buffer = io.BytesIO()
    conllu.dump(transcript, buffer)
    assert buffer.getvalue() == path.read_bytes()
    out = tmp_path / "out.conllu"
    debatekit.write(transcript, out)
    assert out.read_bytes() == path.read_bytes()
    assert debatekit.loads(path.read_bytes(), format="conllu") == transcript


# -- from ParlaMint's .ana TEI -------------------------------------------------------

#: Each .ana session beside ParlaMint's CoNLL-U of it.
PAIRS = [(p, next(p.parent.glob("*.conllu"))) for p in sorted(DATA.rglob("*.ana.xml"))]


def _read_ana(path: Path) -> debatekit.Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)  # a session read without its root
        return debatekit.read(path)


@pytest.mark.parametrize(("ana", "published"), PAIRS, ids=lambda p: p.name)
def test_ana_to_conllu_is_parlamints_file(ana: Path, published: Path) -> None:
    """TEI .ana -> CoNLL-U gives ParlaMint's published CoNLL-U of it, byte for byte
    (Basque: XPOS from ``pos``, named entities; Galician: multiword tokens, no XPOS,
    ``pc`` without a lemma, the language inherited from ``TEI/@xml:lang``)."""
    transcript = _read_ana(ana)
    with pytest.warns(LossWarning, match=r"^conllu cannot carry .*incidents between turns"):
        written = conllu.dumps(transcript)
    assert written == published.read_text("utf-8")


@pytest.mark.parametrize(("ana", "published"), PAIRS, ids=lambda p: p.name)
def test_ana_and_conllu_agree_token_by_token(ana: Path, published: Path) -> None:
    """The conllu package reads the output as the .ana's tokens, field by field (form,
    lemma, UPOS, XPOS, FEATS, HEAD, DEPREL, SpaceAfter, NER); and the model read back from
    CoNLL-U has the .ana's sentences, tokens and entities (but the tokens' TEI ids)."""
    transcript = _read_ana(ana)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        written = conllu.dumps(transcript)
    assert _compare(written, transcript) == sum(
        1
        for line in published.read_text("utf-8").splitlines()
        if line[:1].isdigit() and line.split("\t", 1)[0].isdigit()
    )
    back = conllu.loads(written)

    def layer(t: debatekit.Transcript) -> list[object]:
        return [
            (
                s.id,
                [(e.kind, e.start, e.end) for e in s.entities],
                [
                    (w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.punct)
                    for w in s.words
                ],
                [(k.form, k.space_after, len(k.parts)) for k in s.tokens],
            )
            for turn in t.turns
            for s in turn.sentences
        ]

    assert layer(back) == layer(transcript)
    assert [t.id for t in back.turns] == [t.id for t in transcript.turns if t.sentences]


@pytest.mark.parametrize(("ana", "published"), PAIRS, ids=lambda p: p.name)
def test_what_a_round_trip_through_conllu_loses_is_named(ana: Path, published: Path) -> None:
    """.ana -> CoNLL-U -> model: the turns come back with their paragraphs and their whole
    linguistic layer; what differs is what the warning names (speaker, label, metadata,
    the tokens' TEI ids)."""
    from tests.test_conversions import differences

    transcript = _read_ana(ana)
    with pytest.warns(LossWarning) as caught:
        written = conllu.dumps(transcript)
    back = conllu.loads(written)
    lost = differences(transcript.turns, back.turns, "turns")
    assert lost <= {
        "turns[].speaker_id",
        "turns[].label",
        "turns[].meta",
        "turns[].sentences[].tokens[].id",
        "turns[].sentences[].tokens[].parts[].id",
    }
    assert "turns[].sentences[].tokens[].id" in lost
    message = str(caught[0].message)
    assert "1 speaker" in message
    assert "token fields (id)" in message
    assert "field (label)" in message or "fields (label)" in message


#: ParlaMint sessions of other countries, without a published CoNLL-U here (Portuguese:
#: features out of order in ``msd``; Slovenian: MULTEXT-East XPOS from ``ana``).
OTHER_ANA = sorted((DATA.parent / "parlamint-ana").glob("ParlaMint-*/*.ana.xml"))


@pytest.mark.parametrize("ana", OTHER_ANA, ids=lambda p: p.name)
def test_other_ana_sessions_are_written_word_for_word(ana: Path) -> None:
    """Portuguese and Slovenian .ana sessions: the conllu package reads the output as
    the .ana's words (FEATS sorted); dumps -> loads -> dumps is stable."""
    transcript = _read_ana(ana)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        written = conllu.dumps(transcript)
    assert _compare(written, transcript) > 0
    assert conllu.dumps(conllu.loads(written)) == written


def test_convert_ana_to_conllu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``debatekit convert X.ana.xml --to conllu`` prints ParlaMint's CoNLL-U; ``-o
    X.conllu`` writes it (the format from the suffix)."""
    ana, published = PAIRS[0]
    assert main(["convert", str(ana), "--to", "conllu", "--lenient"]) == 0
    printed, err = capsys.readouterr()
    assert printed == published.read_text("utf-8")
    assert "conllu cannot carry" in err
    out = tmp_path / "session.conllu"
    assert main(["convert", str(ana), "-o", str(out), "--lenient"]) == 0
    assert out.read_bytes() == published.read_bytes()


# -- round trips on generated sentences ---------------------------------------------

_FORM = st.text(alphabet="abcdeñáßXYZ019.,-_\"'", min_size=1, max_size=6)
_UPOS = st.sampled_from(["NOUN", "VERB", "ADP", "DET", "PUNCT", "PROPN", "_"])
_DEPREL = st.sampled_from(["root", "nsubj", "nsubj:pass", "acl:relcl", "flat:name", "punct"])
_FEATS = st.lists(
    st.sampled_from(["Case=Nom", "Number=Sing", "Number[abs]=Plur", "Gender=Fem", "Mood=Ind"]),
    unique=True,
    max_size=3,
)


@st.composite
def _word(draw: st.DrawFn, n: int, size: int, form: str) -> list[str]:
    upos = draw(_UPOS)
    lemma = draw(st.one_of(_FORM, st.just("_"))) if upos != "PUNCT" else form
    if lemma == "_" and form == "_":
        lemma = "x"
    feats = "|".join(sorted(draw(_FEATS), key=str.lower)) or "_"
    head = draw(st.sampled_from([h for h in range(size + 1) if h != n] + ["_"]))
    deprel = draw(_DEPREL) if head != "_" else "_"
    xpos = draw(st.sampled_from(["_", "Ncms", upos]))
    return [str(n), form, lemma, upos, xpos, feats, str(head), deprel, "_"]


@st.composite
def _sentence(draw: st.DrawFn, sid: str) -> str:
    """One sentence in canonical CoNLL-U (what the writer writes), as text."""
    surface = draw(
        st.lists(st.tuples(_FORM, st.booleans(), st.integers(1, 3)), min_size=1, max_size=8)
    )
    size = sum(parts for _, _, parts in surface)
    tags: list[str] = []
    while len(tags) < len(surface):
        run = draw(st.integers(1, len(surface) - len(tags)))
        kind = draw(st.sampled_from(["O", "PER", "ORG"]))
        tags += ["O"] * run if kind == "O" else [f"B-{kind}"] + [f"I-{kind}"] * (run - 1)
    lines, text, n = [], "", 0
    for (form, space, parts), tag in zip(surface, tags, strict=True):
        misc = f"NER={tag}" + ("" if space else "|SpaceAfter=No")
        text += form + (" " if space else "")
        if parts == 1:
            n += 1
            lines.append("\t".join([*draw(_word(n, size, form)), misc]))
            continue
        lines.append("\t".join([f"{n + 1}-{n + parts}", form, *"_" * 7, misc]))
        for _ in range(parts):
            n += 1
            part = draw(_FORM)
            lines.append("\t".join([*draw(_word(n, size, part)), "_"]))
    header = [f"# sent_id = {sid}", f"# text = {' '.join(text.split())}"]
    return "\n".join(header + lines) + "\n\n"


@st.composite
def _document(draw: st.DrawFn) -> str:
    out, k = [], 0
    for d in range(draw(st.integers(1, 3))):
        out.append(f"# newdoc id = d{d}\n")
        for p in range(draw(st.integers(1, 2))):
            out.append(f"# newpar id = d{d}.p{p}\n# lang = {draw(st.sampled_from(['es', 'eu']))}\n")
            for _ in range(draw(st.integers(1, 2))):
                k += 1
                out.append(draw(_sentence(f"s{k}")))
    return "".join(out)


@settings(max_examples=40, deadline=None)
@given(_document())
def test_generated_documents_round_trip(document: str) -> None:
    """Canonical CoNLL-U (sorted features, IOB tags, ``# text`` from the forms) reads and
    writes back unchanged; the model read back from the output equals the first; the
    ``conllu`` package reads the output word for word as the model."""
    transcript = conllu.loads(document)
    written = conllu.dumps(transcript)
    assert written == document
    assert conllu.loads(written) == transcript
    _compare(written, transcript)


def test_a_model_built_in_python_is_written_and_read_back() -> None:
    """Sentences made in Python (no ids, no paragraph ids) round-trip: dumps, loads,
    dumps is stable and the tokens come back."""
    tokens = [
        Token(form="Hola", offset=0, lemma="hola", upos="INTJ", head=0, deprel="root"),
        Token(
            form="del",
            offset=5,
            parts=[
                Token(form="de", offset=5, lemma="de", upos="ADP", head=4, deprel="case"),
                Token(form="el", offset=5, lemma="el", upos="DET", head=4, deprel="det"),
            ],
        ),
        Token(
            form="pueblo",
            offset=9,
            lemma="pueblo",
            upos="NOUN",
            head=1,
            deprel="nmod",
            space_after=False,
        ),
        Token(form="!", offset=15, upos="PUNCT", punct=True, head=1, deprel="punct"),
    ]
    turn = Turn(
        id="t1",
        speaker_id="a",
        paragraphs=["Hola del pueblo!"],
        sentences=[Sentence(tokens=tokens)],
    )
    transcript = debatekit.Transcript(speakers=[debatekit.Speaker(id="a", name="Ana")], body=[turn])
    with pytest.warns(LossWarning, match="1 speaker"):
        written = conllu.dumps(transcript)
    assert "2-3\tdel\t_" in written
    assert "5\t!\t!\tPUNCT" in written
    back = conllu.loads(written)
    assert back.turns[0].paragraphs == turn.paragraphs
    assert back.turns[0].sentences[0].tokens == turn.sentences[0].tokens
    assert conllu.dumps(back) == written


# -- errors ---------------------------------------------------------------------------

GOOD = (
    "# sent_id = s1\n# text = a b\n"
    "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n"
)


@pytest.mark.parametrize(
    ("text", "lineno", "colno", "message"),
    [
        (GOOD.replace("\t_\t_\n2", "\t_\n2"), 3, 21, "expected 10 tab-separated fields, found 9"),
        (GOOD.replace("\n2\tb", "\n3\tb"), 4, 1, "word id 3: expected 2"),
        (GOOD.replace("\t1\tdep", "\t7\tdep"), 4, 13, "invalid HEAD '7': expected 0 to 2 or _"),
        (GOOD.replace("\t1\tdep", "\tx\tdep"), 4, 13, "invalid HEAD 'x'"),
        (GOOD.replace("2\tb\tb", "2\t\tb"), 4, 3, "invalid FORM ''"),
        (GOOD.replace("1\ta\ta", "one\ta\ta"), 3, 1, "invalid word id 'one'"),
        (GOOD.replace("dep\t_\t_", "dep\t_\tNER=X-PER"), 4, 21, "invalid NER tag 'X-PER'"),
        (GOOD.replace("1\ta\ta", "1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta"), 3, 1, "range 1-3"),
        (GOOD + "# late = comment\n", 5, 1, "a comment after the word lines"),
        (GOOD + "\n" + GOOD, 7, 1, "sent_id 's1' is used twice"),
    ],
)
def test_bad_lines_are_located(text: str, lineno: int, colno: int, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        conllu.loads(text, source="bad.conllu")
    error = caught.value
    assert (error.source, error.lineno, error.colno) == ("bad.conllu", lineno, colno)
    assert message in error.msg
    assert str(error).startswith(f"bad.conllu:{lineno}:{colno}: ")


def test_lenient_and_strict() -> None:
    """What the lenient reader passes over with a warning, the strict one refuses."""
    odd = "# just a remark\n" + GOOD.replace(
        "2\tb\tb", "1.1\tx\tx\tX\t_\t_\t_\t_\t1:dep\t_\n2\tb\tb"
    )
    with pytest.warns(ParseWarning) as caught:
        transcript = conllu.loads(odd)
    assert [str(w.message).split(": ", 1)[1] for w in caught] == [
        "comment 'just a remark' is not 'key = value': ignored",
        "empty node 1.1 (enhanced dependencies): ignored",
    ]
    assert transcript.turns[0].text == "a b"
    with pytest.raises(ParseError, match=r"<string>:1:1: comment 'just a remark'"):
        conllu.loads(odd, strict=True)


def test_empty_and_binary_input() -> None:
    with pytest.raises(ParseError, match="empty file"):
        conllu.loads(" \n\n")
    with pytest.raises(ParseError, match="invalid UTF-8"):
        conllu.loads(b"1\t\xff")
    with pytest.raises(TypeError, match="binary"):
        conllu.load(io.StringIO(GOOD))  # type: ignore[arg-type]


def test_a_tab_inside_a_field_cannot_be_written() -> None:
    token = Token(form="a\tb", offset=0)
    turn = Turn(id="t1", speaker_id="a", paragraphs=["a\tb"], sentences=[Sentence(tokens=[token])])
    transcript = debatekit.Transcript(speakers=[debatekit.Speaker(id="a", name="A")], body=[turn])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        with pytest.raises(debatekit.WriteError, match="conllu: turn 't1', sentence 0"):
            conllu.dumps(transcript)


def test_what_conllu_cannot_carry_is_named() -> None:
    """The bundled debate has no tokens: every turn, the speakers, the claims are named."""
    dataset = debatekit.datasets.load("us-mexico-2023")
    with pytest.warns(LossWarning) as caught:
        assert conllu.dumps(dataset) == ""
    message = str(caught[0].message)
    assert message.startswith("conllu cannot carry ")
    assert "18 turns without tokens" in message
    assert "149 claims" in message
    assert "speakers" in message


# -- the command line ---------------------------------------------------------------


def test_convert_to_conllu_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``convert X --to conllu`` prints the file; ``-o X.conllu`` writes it by suffix;
    CoNLL-U converts to JSON and back unchanged."""
    source = DATA / "ParlaMint-ES-PV" / "ParlaMint-ES-PV_2019-12-20-eu.conllu"
    as_json = tmp_path / "s.json"
    assert main(["convert", str(source), "-o", str(as_json)]) == 0
    out = tmp_path / "again.conllu"
    assert main(["convert", str(as_json), "-o", str(out)]) == 0
    assert out.read_bytes() == source.read_bytes()
    capsys.readouterr()
    assert main(["convert", str(as_json), "--to", "conllu"]) == 0
    assert capsys.readouterr().out == source.read_text("utf-8")


def test_convert_reports_a_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.conllu"
    bad.write_text(GOOD.replace("\t1\tdep", "\t9\tdep"), "utf-8")
    assert main(["convert", str(bad), "--to", "json"]) == 1
    assert f"{bad}:4:13: invalid HEAD '9'" in capsys.readouterr().err


# -- the tokens table ---------------------------------------------------------------


def test_tokens_table_has_a_row_per_syntactic_word(tmp_path: Path) -> None:
    """corpus tables: one ``tokens`` row per CoNLL-U word line, multiword parts with
    their surface form, entities by kind; it joins the turns table and goes to Parquet."""
    pd = pytest.importorskip("pandas")
    pq = pytest.importorskip("pyarrow.parquet")
    c = debatekit.corpus.open(str(DATA / "**" / "*.conllu"))
    frames = c.to_pandas()
    tokens = frames["tokens"]
    word_lines = sum(
        1
        for p in PUBLISHED
        for line in p.read_text("utf-8").splitlines()
        if line[:1].isdigit() and line.split("\t", 1)[0].isdigit()
    )
    assert len(tokens) == word_lines == 249 + 18
    parts = tokens[tokens.multiword == "ábrese"]
    assert list(parts.token) == ["abre", "se"]
    assert list(parts.word) == [4, 5]
    assert list(parts["head"]) == [0, 4]
    people = tokens[tokens.entity == "PER"]
    assert list(people.token[:3]) == ["Nerea", "Kortajarena", "Ibañez"]
    joined = tokens.merge(frames["turns"], on=["transcript", "turn_id"])
    assert len(joined) == len(tokens)
    assert isinstance(joined, pd.DataFrame)
    paths = c.to_parquet(tmp_path)
    assert pq.read_table(paths["tokens"]).num_rows == len(tokens)


def test_a_universal_dependencies_file() -> None:
    """A treebank-style file (no newdoc or newpar, numeric sentence ids, no NER) reads as
    one turn and is written back without the newdoc, newpar and NER it did not have; DEPS,
    MISC items other than NER and SpaceAfter, and other sentence comments have no place in
    the model (nor in TEI): one warning per kind says how many are not kept."""
    document = (
        "# sent_id = 1\n# text = Hello world!\n"
        "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n"
        "2\tworld\tworld\tNOUN\tNN\tNumber=Sing\t1\tvocative\t_\tSpaceAfter=No\n"
        "3\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
        "# sent_id = 2\n# text = Bye.\n"
        "1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
        "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        transcript = conllu.loads(document)
        assert conllu.dumps(transcript) == document
    assert [s.meta["n"] for s in transcript.turns[0].sentences] == ["1", "2"]
    assert [t.text for t in transcript.turns] == ["Hello world! Bye."]
    richer = (
        document.replace("# text = Bye.", "# text_en = Bye.\n# text = Bye.")
        .replace("\troot\t_\t_", "\troot\t0:root\tTranslit=hello", 1)
        .replace("\tvocative\t_\t", "\tvocative\t1:vocative\t")
    )
    with pytest.warns(ParseWarning) as caught:
        again = conllu.loads(richer)
    assert sorted(str(w.message).split(": ", 1)[1] for w in caught) == [
        "1 MISC items other than NER and SpaceAfter not kept (the first at line 3)",
        "1 sentence comments not kept (the first at line 8)",
        "2 DEPS values (enhanced dependencies) not kept (the first at line 3)",
    ]
    assert again == transcript
    with pytest.raises(ParseError, match=r"<string>:3:1: DEPS values .* cannot be kept"):
        conllu.loads(richer, strict=True)


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.name)
def test_conllu_to_tei_is_valid_and_reads_back(path: Path, rng: etree.RelaxNG) -> None:
    """ParlaMint's CoNLL-U, read and written as TEI: valid against tei_all, and read back
    as the same transcript (the linguistic layer as ``s``, ``w``, ``pc``, ``name``, links)."""
    schema = rng
    transcript = debatekit.read(path)
    written = debatekit.tei.dumps(transcript)
    assert schema.validate(etree.fromstring(written.encode("utf-8"))), schema.error_log
    assert debatekit.tei.loads(written) == transcript
