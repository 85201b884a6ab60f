"""Every real plain-text transcript under tests/data/text/<family>/ against its truth file.

One parametrised test per file (in the style of tomli's data-driven tests): the reader
must find the hand-counted turns (within 5%) and distinct speakers (within 10%), the
first speaker and the first line; keep every word of the source somewhere in the model
(turn text, incidents, labels, front and back matter) except page furniture it reports
as stripped; and a file read without warnings must be written back byte for byte.

Caption files (``.srt``, ``.vtt``) in ``captions/`` are tested with the caption reader
elsewhere. The truth format is described in tests/data/text/README.md.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from pathlib import Path

import pytest

from debatekit import Incident, Speaker, Transcript, text
from debatekit._text_pages import strip_pages

DATA = Path(__file__).parent / "data" / "text"
CAPTIONS = {".srt", ".vtt"}
_WORD = re.compile(r"\w+")

#: Files the reader does not read right yet, and why (the test must fail on them: a
#: fix turns the expected failure into an error, so this list stays honest).
KNOWN: dict[str, str] = {
    "chambre-deputes-1881-01-11.txt": "labels that run on after ')' in mid-line (OCR)",
    "chambre-deputes-1881-01-11-p2.txt": "labels that run on after ')' in mid-line (OCR)",
    "eduskunta-ptk-109-2013-sote.txt": "a minister's label printed without its colon",
    "ukcovidinquiry-2024-03-06-taj.rst": (
        "counsel labelled by name once, then 'Counsel Inquiry'; the witness once 'The Witness'"
    ),
    "gcp-podcast-180-firebase.md": "the first label inside a Hugo shortcode: '{{< transcript"
    " \"[MUSIC PLAYING] NAME: ...'",
}


def _cases() -> list[object]:
    cases: list[object] = []
    for truth in sorted(DATA.glob("*/*.truth.json")):
        stem = truth.name.removesuffix(".truth.json")
        sources = [
            p
            for p in truth.parent.glob(stem + ".*")
            if p != truth and p.suffix not in CAPTIONS and not p.name.endswith(".json")
        ]
        for source in sources:
            marks = []
            if source.name in KNOWN:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[source.name]))
            cases.append(
                pytest.param(source, truth, id=f"{truth.parent.name}/{source.name}", marks=marks)
            )
    return cases


CASES = _cases()


def _read(path: Path) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with open(path, "rb") as fp:
            transcript = text.load(fp)
    return transcript, [str(w.message) for w in caught]


def _norm(value: str) -> str:
    return " ".join(value.replace("\u00ad", "").split())


def _is(truth_name: str, speaker: Speaker) -> bool:
    """Whether the truth's display name is one of the forms of ``speaker``."""
    printed = _norm(truth_name).casefold()
    forms = [speaker.name, *speaker.aliases]
    return any(_norm(form).casefold() in printed for form in forms if form)


def _model_words(t: Transcript) -> Counter[str]:
    parts: list[str] = [*t.front, *t.back]
    for item in t.body:
        if isinstance(item, Incident):
            parts += [item.printed or "", item.text or ""]
            continue
        parts += [item.meta.get("text:prefix", ""), item.label or "", item.text]
        parts += [i.printed or "" for i in item.incidents if not i.length]
    return Counter(_WORD.findall("\n".join(parts)))


def test_the_corpus_is_there() -> None:
    """At least 30 real files in at least three languages (the data helper's corpus)."""
    truths = [json.loads(p.read_text("utf-8")) for p in DATA.glob("*/*.truth.json")]
    assert len(CASES) >= 25
    assert len({t["language"] for t in truths}) >= 3


@pytest.mark.parametrize(
    "source",
    [case.values[0] for case in CASES],  # type: ignore[attr-defined]
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_the_readers_turns_pass_the_models_full_check(source: Path) -> None:
    """The reader builds its turns without the model re-checking what it guarantees by
    construction (ids, paragraphs, labels: ``_read_turn``; the stage directions inside
    paragraphs: ``_read_incident``); every turn it builds passes the full check all the
    same, on every file (those it does not read right yet too)."""
    t, _ = _read(source)
    for turn in t.turns:
        turn._check_all()
        for incident in turn.incidents:  # (stage directions in a paragraph: _read_incident)
            incident._check_all()
    assert t.turns or source.name in KNOWN


@pytest.mark.parametrize(("source", "truth_path"), CASES)
def test_real_transcript(source: Path, truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text("utf-8"))
    t, messages = _read(source)
    turns = len(t.turns)
    speakers = {turn.speaker_id for turn in t.turns}
    assert abs(turns - truth["turns"]) <= 0.05 * truth["turns"], (turns, truth["turns"])
    assert abs(len(speakers) - truth["speakers"]) <= 0.1 * truth["speakers"], (
        sorted(speakers),
        truth["speaker_names"],
    )
    first = t.turns[0]
    assert _is(truth["first_speaker"], t.speaker(first.speaker_id)), truth["first_speaker"]
    assert _norm(first.text).startswith(_norm(truth["first_line"])), first.text[:200]

    raw = source.read_bytes()
    # (A file saved by an older Windows program is read as Windows-1252, with a warning.)
    decoded = raw.decode(t.meta.get("text:encoding", "utf-8-sig"))
    missing = Counter(_WORD.findall(decoded)) - _model_words(t)
    if "text:furniture" in t.meta:
        paged = strip_pages(decoded.replace("\r\n", "\n"))
        assert int(t.meta["text:furniture"]) == paged.count
        missing -= Counter(_WORD.findall("\n".join(paged.furniture)))
        missing -= Counter(_WORD.findall(decoded)) & Counter(
            w for w in _WORD.findall(decoded) if w.isdigit()
        )  # margin line numbers
    assert not missing, sorted(missing)[:20]

    if not messages:
        assert text.dumps(t).encode("utf-8") == raw
