"""Hostile and broken input, for every format debatekit reads.

Whatever bytes or text a reader gets, it either returns a valid transcript or raises a
documented ``DebatekitError`` subclass: never another exception from deep inside. The
inputs are arbitrary text and bytes, and mutations of the real files under
``tests/data`` (bytes flipped, cut, repeated or inserted). Inputs that once broke a
reader are kept in ``tests/data/fuzz/<format>/`` and replayed.
"""

from __future__ import annotations

import warnings
from importlib import import_module
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import debatekit
from debatekit import DebatekitError, ParseWarning
from debatekit._io import FORMATS, SUFFIXES, readable

DATA = Path(__file__).parent / "data"
READABLE = [f for f in debatekit.formats() if hasattr(import_module(FORMATS[f]), "load")]


def seeds(format_: str) -> list[Path]:
    """The real test files of a format (the corpus the mutations start from)."""
    suffixes = {suffix for suffix, name in SUFFIXES.items() if name == format_}
    return sorted(
        p
        for p in DATA.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes and "fuzz" not in p.parts
    )


def attempt(data: str | bytes, format_: str) -> None:
    """Read ``data``; only a DebatekitError may escape, and a result must be valid."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        try:
            transcript = debatekit.loads(data, format=format_, source="fuzz")
        except DebatekitError:
            return
    # What was read is a valid transcript: it survives the lossless format.
    assert debatekit.json.loads(debatekit.json.dumps(transcript)) == transcript


FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


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


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_regression_inputs(path: Path) -> None:
    """Inputs that once broke a reader now give a transcript or a DebatekitError."""
    attempt(path.read_bytes(), path.parent.name)


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
