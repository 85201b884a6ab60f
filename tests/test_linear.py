"""Every reader is linear in its input: doubling an adversarial input at most about
doubles the work (see tests/linear.py for how it is measured: a ratio of CPU times in
one run, not a time limit). Each case is a shape that once was, or could be, worse
than linear: long runs of one delimiter, many attributes, deep repetition, many
items that refer to each other."""

from __future__ import annotations

import json as stdlib_json
from collections.abc import Callable

import pytest

import debatekit
from linear import assert_linear


def _reader(format_: str, **options: object) -> Callable[[bytes], object]:
    return lambda data: debatekit.loads(data, format=format_, **options)


def _json_turns(n: int) -> bytes:
    speakers = [{"id": "a", "name": "A"}]
    body = [
        {"type": "turn", "id": f"u{i}", "speaker_id": "a", "paragraphs": ["x"]} for i in range(n)
    ]
    return stdlib_json.dumps(
        {"format": "debatekit", "version": "1.0", "speakers": speakers, "body": body}
    ).encode()


def _json_escapes(n: int) -> bytes:
    text = "\\ud83d\\ude00 \\\\ud800 " * n  # pairs and escaped backslashes, no lone one
    return (
        '{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}],'
        ' "body": [{"type": "turn", "id": "u", "speaker_id": "a", "paragraphs": ["'
        + text
        + 'x"]}]}'
    ).encode()


def _aif_chain(n: int) -> bytes:
    nodes = [{"nodeID": str(i), "text": f"A: claim {i}", "type": "L"} for i in range(n)]
    edges = [{"edgeID": str(i), "fromID": str(i), "toID": str(i + 1)} for i in range(n - 1)]
    locutions = [{"nodeID": str(i), "personID": "1"} for i in range(n)]
    return stdlib_json.dumps({"nodes": nodes, "edges": edges, "locutions": locutions}).encode()


def _aif_fan(n: int) -> bytes:
    """One transition with n locutions before it and n after: n * n orderings."""
    nodes = [{"nodeID": f"L{i}", "text": f"A: claim {i}", "type": "L"} for i in range(2 * n)]
    nodes.append({"nodeID": "T", "text": "Default Transition", "type": "TA"})
    edges = [{"edgeID": f"a{i}", "fromID": f"L{i}", "toID": "T"} for i in range(n)]
    edges += [{"edgeID": f"b{i}", "fromID": "T", "toID": f"L{n + i}"} for i in range(n)]
    locutions = [{"nodeID": f"L{i}", "personID": "1"} for i in range(2 * n)]
    return stdlib_json.dumps({"nodes": nodes, "edges": edges, "locutions": locutions}).encode()


def _aif_surrogates(n: int) -> bytes:
    return (
        '{"nodes": [{"nodeID": "1", "text": "A: ' + "\\ud800 " * n + '", "type": "L"}],'
        ' "edges": [], "locutions": [{"nodeID": "1", "personID": "1"}]}'
    ).encode()


_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div>{}</div></body></text></TEI>'


def _tei_attributes(n: int) -> bytes:
    # 16 per step: the quadratic part shows only past a few thousand attributes.
    attributes = " ".join(f'a{i}="x"' for i in range(16 * n))
    return _TEI.format(f'<u who="#a" {attributes}><seg>x</seg></u>').encode()


def _tei_turns(n: int) -> bytes:
    return _TEI.format(
        '<u who="#a"><seg>x <vocal><desc>laughs</desc></vocal> y</seg></u>' * n
    ).encode()


def _vtt(line: str) -> Callable[[int], bytes]:
    return lambda n: f"WEBVTT\n\n00:00.000 --> 00:01.000\n{line * n}\n".encode()


def _vtt_cues(n: int) -> bytes:
    return ("WEBVTT\n\n" + "00:00.000 --> 00:01.000\n<v A>hi <b>x</b></v>\n\n" * n).encode()


def _srt(line: str) -> Callable[[int], bytes]:
    return lambda n: f"1\n00:00:00,000 --> 00:00:01,000\n{line * n}\n".encode()


def _srt_cues(n: int) -> bytes:
    return "".join(
        f"{i}\n00:00:{i % 60:02},000 --> 00:00:{i % 60:02},500\nA: hi\n\n" for i in range(n)
    ).encode()


CASES = [
    pytest.param("json", _json_turns, _reader("json"), id="json-many-turns"),
    pytest.param("json", _json_escapes, _reader("json"), id="json-surrogate-escapes"),
    pytest.param("json", lambda n: b"[" * n, _reader("json"), id="json-deep-nesting"),
    pytest.param("aif", _aif_chain, _reader("aif"), id="aif-edge-chain"),
    pytest.param("aif", _aif_fan, _reader("aif"), id="aif-transition-fan"),
    pytest.param("aif", _aif_surrogates, _reader("aif"), id="aif-lenient-lone-surrogates"),
    pytest.param("aif", lambda n: b"[" * n, _reader("aif"), id="aif-deep-nesting"),
    pytest.param("tei", _tei_turns, _reader("tei", strict=False), id="tei-many-turns"),
    pytest.param(
        "tei",
        _tei_attributes,
        _reader("tei", strict=False),
        id="tei-attributes",
    ),
    pytest.param("text", lambda n: b"[00:00] " * n, _reader("text"), id="text-timestamps"),
    pytest.param("text", lambda n: b"A: " + b"(" * n, _reader("text"), id="text-parens"),
    pytest.param("text", lambda n: b"[" * n, _reader("text"), id="text-brackets"),
    pytest.param("text", lambda n: b"MR. X: y\n" * n, _reader("text"), id="text-labels"),
    pytest.param("text", lambda n: b"A:" * n, _reader("text"), id="text-colons"),
    pytest.param("vtt", _vtt("<"), _reader("vtt"), id="vtt-open-angles"),
    pytest.param("vtt", _vtt("<b>"), _reader("vtt"), id="vtt-tags"),
    pytest.param("vtt", _vtt_cues, _reader("vtt"), id="vtt-many-cues"),
    pytest.param("srt", _srt("<"), _reader("srt"), id="srt-open-angles"),
    pytest.param("srt", _srt_cues, _reader("srt"), id="srt-many-cues"),
]


@pytest.mark.parametrize(("format_", "make", "run"), CASES)
def test_reader_is_linear(
    format_: str, make: Callable[[int], bytes], run: Callable[[bytes], object]
) -> None:
    assert_linear(make, run, n=500)


def test_every_readable_format_has_a_linear_case() -> None:
    formats = {p.values[0] for p in CASES}
    assert formats == {"json", "aif", "tei", "text", "vtt", "srt"}
