"""The plain-text writer's fast paths write exactly what its full line checks write.

The writer passes over a speech's paragraphs that the reader's line filter would pass
over (no label, stage direction, break or escape can be read in them), and hands a
whole speech to the join as written text when no white space lies on its lines.
These tests write the same transcripts with the fast paths turned off (every
paragraph then goes through the per-line checks of ``_Writer._para``) and compare.
"""

from __future__ import annotations

import warnings
from unittest import mock

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from debatekit import Speaker, Transcript, Turn, ValidationError, text
from debatekit import _text_write as tw
from strategies import transcript_texts, transcripts

#: Pieces of speech that sit on either side of what the line filter stops at.
_SPEECH = [
    *"ab QA:()[]\\*-#_{}1. ",
    "\n",
    "Jane Doe: ",
    "Q ",
    "A  ",
    "(APPLAUSE)",
    "[crosstalk]",
    "---",
    "{#x}: ",
    "\r",
    "\u00a0",
    "Watch it on YouTube",
    "END",
    "x" * 120,
]


def _both(transcript: Transcript) -> tuple[str, str]:
    """``text.dumps`` as written, and with the fast paths turned off."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = text.dumps(transcript)
        with mock.patch.object(tw, "_plain_speech", return_value=False):
            full = text.dumps(transcript)
    return fast, full


@st.composite
def _speeches(draw: st.DrawFn) -> Transcript:
    turns = []
    for n in range(draw(st.integers(1, 5))):
        paragraphs = draw(
            st.lists(
                st.lists(st.sampled_from(_SPEECH), min_size=1, max_size=12).map(
                    lambda parts: "".join(parts).strip()
                ),
                min_size=1,
                max_size=3,
            )
        )
        turns.append((f"u{n + 1}", draw(st.sampled_from(["a", "b"])), paragraphs))
    try:
        return Transcript(
            speakers=[Speaker(id="a", name="Jane Doe"), Speaker(id="b", name="HOLT")],
            body=[Turn(id=i, speaker_id=s, paragraphs=p) for i, s, p in turns],
        )
    except ValidationError:
        assume(False)
        raise


@settings(max_examples=max(50, settings().max_examples * 2))
@given(_speeches())
def test_fast_paths_write_what_the_line_checks_write(transcript: Transcript) -> None:
    fast, full = _both(transcript)
    assert fast == full


@settings(max_examples=max(20, settings().max_examples // 2))
@given(transcripts(annotated=False))
def test_fast_paths_agree_on_generated_transcripts(transcript: Transcript) -> None:
    fast, full = _both(transcript)
    assert fast == full


@given(transcript_texts())
def test_fast_paths_agree_on_transcripts_read_from_text(source: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        transcript = text.loads(source)
    fast, full = _both(transcript)
    assert fast == full


def test_a_speech_is_handed_over_whole_only_with_bare_lines() -> None:
    """Counted steps, not time: with uniform gaps a plain speech is checked once as a
    whole; with white space on their lines paragraphs go through the checks."""
    turns = [Turn(id="u1", speaker_id="a", paragraphs=["one", "two", "three"])]
    plain = Transcript(speakers=[Speaker(id="a", name="Jane Doe")], body=turns)
    indented = Transcript(speakers=plain.speakers, body=turns, meta={"text:gap": "\n\n  "})
    counts = []
    for transcript in (plain, indented):
        original = tw._Writer._para
        with mock.patch.object(tw._Writer, "_para", autospec=True, side_effect=original) as para:
            written = text.dumps(transcript)
        counts.append(para.call_count)
        assert written.startswith("Jane Doe: one")
    # (Indented, the two paragraphs after the first are checked line by line; the
    # first, on the label's line, has no white space on it.)
    assert counts == [0, 2]
