"""Escapes the fuzzer (tools/fuzz.py) found in the caption, TEI and text readers and
writers (issue 12 items 1-4), kept as reproducers: only a DebatekitError may come out of
reading and writing.
"""

from __future__ import annotations

import contextlib
import warnings

import pytest

import debatekit
from debatekit import DebatekitError

WRITERS = ["json", "tei", "text", "vtt", "srt", "aif", "html"]


def _read_and_write(data: bytes, format_: str, strict: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            transcript = debatekit.loads(data, format=format_, strict=strict)
        except DebatekitError:
            return
        for writer in WRITERS:
            with contextlib.suppress(DebatekitError):
                debatekit.dumps(transcript, format=writer)


_CUES = (
    b'{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}],'
    b' "body": [{"type": "turn", "id": "u", "speaker_id": "a", "paragraphs": ["x"],'
    b' "start": 0, "end": 1, "meta": {"captions:cues": "[[0,1,1e999]]"}}]}'
)
_INTERVAL = (
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
    b'<timeline><when xml:id="T0" absolute="2020-01-01T00:00:00"/>'
    b'<when xml:id="T1" interval="99999999999999999999" since="#T0"/></timeline>'
    b'<u who="#a" start="#T1"><seg>x</seg></u></body></text></TEI>'
)
_HUGE_CUE = b"1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nhi\n"


@pytest.mark.parametrize(
    ("format_", "data", "strict"),
    [
        pytest.param(
            "json",
            _CUES,
            True,
            id="vtt-writer-cues-1e999",
        ),
        pytest.param(
            "srt",
            _HUGE_CUE,
            False,
            id="srt-huge-hours",  # passes since main's _rules bound clock times
        ),
        pytest.param("srt", _HUGE_CUE, True, id="srt-huge-hours-strict"),
        pytest.param(
            "tei",
            _INTERVAL,
            False,
            id="tei-huge-interval",
        ),
        pytest.param(
            "text",
            b"[00:00] " * 1000,
            False,
            id="text-timestamp-run",
        ),
    ],
)
def test_only_library_errors_come_out(format_: str, data: bytes, strict: bool) -> None:
    _read_and_write(data, format_, strict)
