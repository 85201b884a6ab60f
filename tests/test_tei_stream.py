"""The one-pass TEI reader (no tree held) against the tree reader, on every real file.

``tei.load(low_memory=True)`` (what the command line uses) reads a document in one pass
of a pull parser and falls back to the tree reader where the document needs it (a
``standOff`` or ``timeline``) or reading fails.
Both must give the same transcript and the same warnings, and every command-line
output of a ParlaMint session must be what the tree reader's transcript gives.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import debatekit
from debatekit import ParseError, ParseWarning, Turn, ValidationError, parlamint, tei
from debatekit._tei_base import Context
from debatekit._tei_common import normalize
from debatekit._tei_read import read_stream, read_tree
from debatekit._tei_safe import as_bytes, clean_prolog, parse_bytes
from debatekit.cli import main

DATA = Path(__file__).parent / "data"
PM = DATA / "parlamint"
PV_SESSION = PM / "ParlaMint-ES-PV" / "2019" / "ParlaMint-ES-PV_2019-12-20.xml"
PV_TXT = PV_SESSION.with_suffix(".txt")
GA_SAMPLE = PM / "ParlaMint-ES-GA" / "ParlaMint-ES-GA_2019-10-08-DSPG130.xml"
SESSIONS = sorted(p for p in PM.rglob("ParlaMint-ES-*_*.xml"))
XML_FILES = sorted((DATA / "tei").rglob("*.xml")) + SESSIONS


def _lookup(path: Path, ctx: Context) -> object:
    return lambda root: tei._lookup(str(path), root, ctx)


def _streamed(path: Path) -> tuple[debatekit.Transcript | None, list[str]]:
    ctx = Context(str(path), strict=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = clean_prolog(as_bytes(path.read_bytes()), str(path))
        found = read_stream(data, ctx, None, _lookup(path, ctx), huge_tree=False)
    return found, [str(w.message) for w in caught]


def _tree(path: Path) -> tuple[debatekit.Transcript, list[str]]:
    ctx = Context(str(path), strict=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        root = parse_bytes(path.read_bytes(), str(path), huge_tree=False).getroot()
        transcript = read_tree(root, ctx, None, tei._lookup(str(path), root, ctx))
    return transcript, [str(w.message) for w in caught]


def test_real_files_found() -> None:
    assert len(SESSIONS) >= 4
    assert len(XML_FILES) >= 20


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_one_pass_equals_tree(path: Path) -> None:
    """Where the one-pass reader reads a file, it gives the tree reader's transcript
    and warnings, in order; ParlaMint sessions are always read in one pass."""
    streamed, streamed_warnings = _streamed(path)
    if streamed is None:
        assert path not in SESSIONS
        return
    transcript, tree_warnings = _tree(path)
    assert streamed == transcript
    assert streamed_warnings == tree_warnings


def test_some_files_need_the_tree() -> None:
    """Files with a timeline or standOff go to the tree reader, and load as before."""
    needing = [p for p in XML_FILES if b"timeline" in p.read_bytes()]
    assert needing
    for path in needing:
        assert _streamed(path)[0] is None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert debatekit.read(path) == _tree(path)[0]


_WARNED_THEN_BROKEN = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc>
<particDesc><listPerson><person xml:id="p"><persName>P</persName></person></listPerson>
</particDesc></profileDesc></teiHeader><text><body>
<u who="#nobody"><seg>Hello.</seg></u>
<u who="#p"><seg>Broken</u></body></text></TEI>"""


def test_failed_pass_warns_nothing_and_fails_as_tree() -> None:
    """A problem warned about before the pass fails is not warned twice (nor at all:
    the tree reader fails before reading), and the error is the tree reader's."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ParseError, match="malformed XML") as info:
            tei.loads(_WARNED_THEN_BROKEN, source="broken.xml", low_memory=True)
    assert caught == []
    assert info.value.lineno == 5


def test_fallback_warns_once() -> None:
    """A document that goes to the tree reader gives each warning once."""
    document = _WARNED_THEN_BROKEN.replace(b"<seg>Broken</u>", b"<seg>Fine</seg></u>")
    document = document.replace(b"</text>", b"</text><standOff/>")
    with pytest.warns(ParseWarning, match="names no person") as caught:
        transcript = tei.loads(document, low_memory=True)
    assert len(caught) == 1
    assert [t.speaker_id for t in transcript.turns] == ["nobody", "p"]


def _convert(*argv: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "debatekit", "convert", *argv], check=True, capture_output=True
    )


@pytest.mark.parametrize("path", [PV_SESSION, GA_SAMPLE], ids=["PV", "GA"])
def test_cli_outputs_equal_tree_reader(path: Path, tmp_path: Path) -> None:
    """``convert`` to text and to ParlaMint's export gives the bytes the tree reader's
    transcript gives, and ParlaMint's published .txt."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        transcript = _tree(path)[0]
        expected_text = debatekit.dumps(transcript, format="text")
        expected_meta = parlamint.meta_tsv(transcript)
    _convert(str(path), "-o", str(tmp_path / "s.txt"))
    assert (tmp_path / "s.txt").read_text("utf-8") == expected_text + (
        "" if expected_text.endswith("\n") else "\n"
    )
    _convert(str(path), "--to", "parlamint", "-o", str(tmp_path / "pm") + "/")
    written = tmp_path / "pm" / path.with_suffix(".txt").name
    assert written.read_text("utf-8") == parlamint.text(transcript)
    assert written.read_bytes() == path.with_suffix(".txt").read_bytes()
    meta = written.with_name(written.stem + "-meta.tsv")
    assert meta.read_text("utf-8") == expected_meta


@given(st.lists(st.text(alphabet=" \t\n\r\xa0ab.", min_size=1), min_size=1, max_size=5))
def test_plain_text_without_incidents_is_the_normalised_text(parts: list[str]) -> None:
    """plain_text's shortcut for a turn without incidents (paragraphs joined by a space)
    gives what the general rule gives: the turn's text, white space normalised."""
    try:
        turn = Turn(id="u", speaker_id="s", paragraphs=[p.strip() for p in parts])
    except ValidationError:
        assume(False)  # not a paragraph (empty, or a blank line inside)
    assert tei.plain_text(turn) == normalize(turn.text)


def test_cli_reads_a_session_without_its_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``convert`` never parses a ParlaMint session into a whole tree, for any output."""

    def no_tree(*args: object) -> None:
        raise AssertionError("the whole XML tree was built")

    monkeypatch.setattr(tei, "_parse_bytes", no_tree)
    for to in ("text", "parlamint", "json"):
        out = tmp_path / to
        out.mkdir()
        code = main(["convert", str(PV_SESSION), "--to", to, "-o", f"{out}/"])
        assert code == 0, capsys.readouterr().err
        assert len(list(out.iterdir())) == (2 if to == "parlamint" else 1)
    with pytest.raises(AssertionError):
        tei.loads(PV_SESSION.read_bytes())  # (the library's default reads the tree)


def test_low_memory_load_equals_load() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in SESSIONS:
            with open(path, "rb") as fp:
                streamed = tei.load(fp, low_memory=True)
            assert streamed == debatekit.read(path)


_META_TEXT = st.text(alphabet=st.sampled_from(["a", "é", "\ud800", " ", "."]), max_size=3)


@given(st.dictionaries(_META_TEXT, _META_TEXT | st.integers(), max_size=3))
def test_turn_meta_fast_check_agrees_with_the_full_check(meta: dict[str, object]) -> None:
    """A turn with metadata (every ParlaMint utterance) takes the model's fast check;
    it accepts exactly what the full check accepts (empty keys, lone surrogates and
    values that are not strings are refused, naming the key)."""
    good = all(
        key and isinstance(value, str) and "\ud800" not in key + value
        for key, value in meta.items()
    )
    if good:
        assert Turn(id="u", speaker_id="s", paragraphs=["Hello."], meta=meta).meta == meta
    else:
        with pytest.raises(ValidationError, match="meta"):
            Turn(id="u", speaker_id="s", paragraphs=["Hello."], meta=meta)
