"""Hostile and broken input, for every format debatekit reads.

Whatever bytes or text a reader gets, it either returns a valid transcript or raises a
documented ``DebatekitError`` subclass: never another exception from deep inside. The
inputs are arbitrary text and bytes, and mutations of the real files under
``tests/data`` (bytes flipped, cut, repeated or inserted). Inputs that once broke a
reader are kept in ``tests/data/fuzz/<format>/`` and replayed.
"""

from __future__ import annotations

import datetime as dt
import warnings
from importlib import import_module
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import debatekit
from debatekit import DebatekitError, ParseWarning
from debatekit._io import FORMATS, SUFFIXES, readable

DATA = Path(__file__).parent / "data"
READABLE = [f for f in debatekit.formats() if hasattr(import_module(FORMATS[f]), "load")]


#: Readers with a lenient mode, fuzzed in both modes.
LENIENT = {"text", "vtt", "srt", "tei", "aif"}


def seeds(format_: str) -> list[Path]:
    """The real test files of a format (by suffix, or in a folder named after it)."""
    suffixes = {suffix for suffix, name in SUFFIXES.items() if name == format_}
    return sorted(
        p
        for p in DATA.rglob("*")
        if p.is_file()
        and "fuzz" not in p.parts
        and (p.suffix.lower() in suffixes or (p.parent.name == format_ and p.suffix != ".md"))
    )


def attempt(data: str | bytes, format_: str, strict: bool | None = None) -> None:
    """Read ``data``; only a DebatekitError may escape, and a result must be valid."""
    options = {} if strict is None else {"strict": strict}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        try:
            transcript = debatekit.loads(data, format=format_, source="fuzz", **options)
        except DebatekitError:
            return
    # What was read is a valid transcript: it survives the lossless format.
    assert debatekit.json.loads(debatekit.json.dumps(transcript)) == transcript


FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
_DEBATE = debatekit.datasets.load("us-mexico-2023")
TIMED = attrs.evolve(  # with times, so that captions can be written too
    _DEBATE,
    body=[
        attrs.evolve(x, start=dt.timedelta(seconds=9 * i), end=dt.timedelta(seconds=9 * i + 8))
        for i, x in enumerate(_DEBATE.body)
    ],
)


@pytest.mark.parametrize("format_", READABLE)
@FUZZ
@given(data=st.text(max_size=2000))
def test_arbitrary_text(format_: str, data: str) -> None:
    """Any text gives a transcript or a DebatekitError."""
    attempt(data, format_)


@pytest.mark.parametrize("format_", READABLE)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(format_: str, data: bytes) -> None:
    """Any bytes give a transcript or a DebatekitError."""
    attempt(data, format_)


@st.composite
def mutations(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few random edits: flips, cuts, repeats, insertions."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            data.extend(draw(st.binary(min_size=1, max_size=16)))
            continue
        at = draw(st.integers(0, len(data) - 1))
        end = min(len(data), at + draw(st.integers(1, 64)))
        operation = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "truncate"]))
        if operation == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif operation == "cut":
            del data[at:end]
        elif operation == "repeat":
            data[at:at] = data[at:end] * draw(st.integers(1, 3))
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16)) or b"<"
        else:
            del data[at:]
    return bytes(data)


SEEDS = [(fmt, path) for fmt in READABLE for path in seeds(fmt)]


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("format_", sorted(LENIENT & set(READABLE)))
@FUZZ
@given(data=st.data())
def test_mutated_bundled_debate(format_: str, strict: bool, data: st.DataObject) -> None:
    """The bundled debate written in each format, then damaged, in strict and lenient
    mode: a transcript or a DebatekitError."""
    original = debatekit.dumps(TIMED, format=format_).encode("utf-8")
    attempt(data.draw(mutations(original), label="mutated"), format_, strict)


@pytest.mark.parametrize(
    ("format_", "path"), SEEDS, ids=[str(p.relative_to(DATA)) for _, p in SEEDS]
)
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_mutated_real_files(format_: str, path: Path, data: st.DataObject) -> None:
    """Real files with random damage give a transcript or a DebatekitError."""
    original = path.read_bytes()[:200_000]
    attempt(data.draw(mutations(original), label="mutated"), format_)


REGRESSIONS = sorted(p for p in (DATA / "fuzz").rglob("*") if p.is_file() and p.suffix != ".md")


def test_regression_inputs() -> None:
    """Inputs that once broke a reader now give a transcript or a DebatekitError.

    One test over the whole folder (an empty folder passes: nothing has broken yet);
    a failure names the file.
    """
    for path in REGRESSIONS:
        try:
            attempt(path.read_bytes(), path.parent.name)
        except BaseException as exc:
            raise AssertionError(f"{path.relative_to(DATA)}: {exc!r}") from exc


def test_every_readable_format_is_fuzzed() -> None:
    """The fuzz tests cover every format that can be read."""
    readable_formats = {name for suffix, name in SUFFIXES.items() if readable(suffix)}
    assert readable_formats <= set(READABLE)
    assert READABLE


# -- XML attacks beyond those in test_tei.py (billion laughs, XXE, external DTDs) --------

_TEI_HEAD = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
_TEI_TAIL = "</body></text></TEI>"


def _xml_cases() -> list[tuple[str, bytes, str]]:
    big = 12_000_000  # over libxml2's 10,000,000-byte limit for one text or attribute
    quadratic = (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "'
        + "x" * 50_000
        + '">]>\n'
        + _TEI_HEAD
        + '<u who="#a"><seg>'
        + "&a;" * 50_000
        + "</seg></u>"
        + _TEI_TAIL
    )
    nested = _TEI_HEAD + '<u who="#a">' + "<seg>" * 100_000 + "x" + "</seg>" * 100_000 + "</u>"
    attribute = _TEI_HEAD + '<u who="#a" n="' + "x" * big + '"><seg>x</seg></u>' + _TEI_TAIL
    text = _TEI_HEAD + '<u who="#a"><seg>' + "x " * (big // 2) + "</seg></u>" + _TEI_TAIL
    parameter = (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n'
        + _TEI_HEAD
        + _TEI_TAIL
    )
    return [
        ("quadratic blow-up", quadratic.encode(), "DTD internal subset is not allowed"),
        ("deeply nested elements", (nested + _TEI_TAIL).encode(), "huge_tree=True"),
        ("enormous attribute", attribute.encode(), "huge_tree=True"),
        ("enormous text node", text.encode(), "huge_tree=True"),
        ("parameter entity", parameter.encode(), "DTD internal subset is not allowed"),
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"), _xml_cases(), ids=[c[0] for c in _xml_cases()]
)
def test_xml_attacks_are_refused_with_a_parse_error(name: str, data: bytes, message: str) -> None:
    """Each attack gives a ParseError that says where; nothing is expanded or read."""
    with pytest.raises(debatekit.ParseError) as info:
        debatekit.loads(data, format="tei", source="attack.xml")
    assert info.value.source == "attack.xml"
    assert message in str(info.value)
    assert "root:" not in str(info.value)  # /etc/passwd was not read into a message


# -- encodings ---------------------------------------------------------------------------

_WINDOWS = "MR. O’NEIL: We can’t go on — “not like this”.\r\nMS. DÍAZ: Agreed.\r\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_with_an_explicit_encoding(tmp_path: Path, encoding: str) -> None:
    """Text saved as cp1252 or latin-1 reads with encoding=..., through read() too."""
    text = _WINDOWS if encoding == "cp1252" else _WINDOWS.replace("’", "'").replace("—", "-")
    text = text.replace("“", '"').replace("”", '"') if encoding == "latin-1" else text
    path = tmp_path / "debate.txt"
    path.write_bytes(text.encode(encoding))
    t = debatekit.read(path, encoding=encoding)
    assert [s.name for s in t.speakers][1] in {"Díaz", "DÍAZ", "Ms. Díaz", "MS. DÍAZ"}
    assert t.turns[0].paragraphs[0].startswith("We can")
    with pytest.raises(debatekit.ParseError) as info:
        debatekit.read(path, strict=True)  # UTF-8 by default: the first non-ASCII byte
    data = text.encode(encoding)
    first = next(i for i, b in enumerate(data) if b > 127)
    assert f"invalid UTF-8 at byte {first}" in str(info.value)
    line_start = data.rfind(b"\n", 0, first) + 1
    where = (data.count(b"\n", 0, first) + 1, first - line_start + 1)
    assert (info.value.lineno, info.value.colno) == where
    # Lenient: read as Windows-1252 (which latin-1 text of these characters also is),
    # with a warning at that byte.
    with pytest.warns(debatekit.ParseWarning, match="not UTF-8: read as Windows-1252") as caught:
        lenient = debatekit.read(path)
    assert (caught[0].message.lineno, caught[0].message.colno) == where  # type: ignore[union-attr]
    assert lenient.turns[0].paragraphs == t.turns[0].paragraphs


def test_captions_in_cp1252() -> None:
    """An SRT file in cp1252 reads with encoding='cp1252'."""
    srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nJosé: ¡Olé!\r\n"
    t = debatekit.captions.loads(srt.encode("cp1252"), encoding="cp1252")
    assert t.turns[0].paragraphs == ("¡Olé!",)
    assert t.speakers[0].name == "José"


@pytest.mark.parametrize("format_", ["json", "text", "tei", "srt"])
def test_utf8_with_and_without_bom(format_: str) -> None:
    """UTF-8 with a byte-order mark reads like UTF-8 without one."""
    t = debatekit.datasets.load("us-mexico-2023")
    if format_ == "srt":
        t = debatekit.captions.loads("1\n00:00:01,000 --> 00:00:02,000\nAna: Hola.\n")
    data = debatekit.dumps(t, format=format_).encode("utf-8")
    plain = debatekit.loads(data, format=format_)
    with_bom = debatekit.loads(b"\xef\xbb\xbf" + data, format=format_)
    assert with_bom.turns == plain.turns
    assert [s.name for s in with_bom.speakers] == [s.name for s in plain.speakers]


def test_utf16_tei() -> None:
    """TEI written as UTF-16 (with its XML declaration) reads to the same transcript."""
    t = debatekit.datasets.load("us-mexico-2023")
    xml = debatekit.tei.dumps(t).replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    assert debatekit.tei.loads(xml.encode("utf-16")) == t


def test_unknown_encoding_is_a_clear_error() -> None:
    """A codec Python does not know is named in the error."""
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        debatekit.text.loads(b"A: hi", encoding="klingon")


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings(ending: str) -> None:
    """LF, CRLF and classic-Mac CR files read to the same turns, without a warning,
    and are written back with their own line endings."""
    text = "ANA: One.\n\nBEN: Two.\nStill two.\n".replace("\n", ending)
    t = debatekit.text.loads(text.encode())
    assert [turn.paragraphs for turn in t.turns] == [("One.",), ("Two.\nStill two.",)]
    assert debatekit.text.dumps(t) == text


def test_mixed_line_endings_warn_with_the_line() -> None:
    """Mixed line endings read, with a warning that names the first odd line."""
    with pytest.warns(ParseWarning, match=r"^fuzz:2: mixed line endings"):
        debatekit.text.loads(b"ANA: One.\nBEN: Two.\r\n", source="fuzz")


@pytest.mark.parametrize(
    ("format_", "data"),
    [
        ("text", b"A: x\r\nB: y\n"),
        (
            "tei",
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div>'
            b'<u who="#a" start="#nowhere"><seg>Hello.</seg></u></div></body></text></TEI>',
        ),
        ("srt", b"1\n00:00:01,000 --> 00:00:02,000\nA: x\n\n2\nbroken\n"),
    ],
)
def test_warnings_point_at_the_callers_code(format_: str, data: bytes) -> None:
    """A lenient reader's warning is attributed to the line that called debatekit, so
    that warnings filters by module and the printed location mean the user's code."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        debatekit.loads(data, format=format_, strict=False, source="x")
    assert caught, "expected at least one warning"
    assert {Path(w.filename).name for w in caught} == {"test_hostile.py"}
