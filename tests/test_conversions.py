"""What each conversion keeps: the statements of docs/conversions.md, checked.

For each lossy format, the bundled debate is written and read back, and the set of fields
that differ is compared with the documented list. A change that loses more (or less) than
documented fails here.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import attrs
import pytest

import debatekit
from debatekit import ParseWarning, Transcript

DATASET = debatekit.datasets.load("us-mexico-2023")
TIMED = attrs.evolve(
    DATASET,
    body=[
        attrs.evolve(
            item, start=dt.timedelta(seconds=60 * i), end=dt.timedelta(seconds=60 * i + 50)
        )
        for i, item in enumerate(DATASET.body)
    ],
)
CAPTIONS_LOSE = {
    "body[].incidents",
    "body[].label",
    "body[].meta",
    "body[].paragraphs",
    "claims",
    "event.credits",
    "event.description",
    "event.kind",
    "event.published",
    "event.publisher",
    "event.series",
    "event.source",
    "event.subtitle",
    "meta",
    "relations",
    "speakers[].affiliation",
    "speakers[].aliases",
    "speakers[].description",
    "speakers[].role",
}


# SRT has no comments (front and back matter, the title, the language) and no way to
# write a bracket as text, so the editorial insertion "[with either Mexico or China]"
# comes back as an incident (as many incidents, other fields).
SRT_ALSO_LOSES = {
    "front",
    "back",
    "event.title",
    "event.language",
    *(f"body[].incidents[].{name}" for name in ("kind", "subtype", "offset", "length", "meta")),
}


def differences(a: Any, b: Any, path: str = "") -> set[str]:
    """The paths of the fields that differ (``[]`` stands for every item of a list)."""
    if type(a) is not type(b):
        return {path or "$"}
    if attrs.has(type(a)):
        found: set[str] = set()
        for field in attrs.fields(type(a)):
            sub = f"{path}.{field.name}" if path else field.name
            found |= differences(getattr(a, field.name), getattr(b, field.name), sub)
        return found
    if isinstance(a, tuple):
        if len(a) != len(b):
            return {path}
        found = set()
        for x, y in zip(a, b, strict=True):
            found |= differences(x, y, path + "[]")
        return found
    return set() if a == b else {path}


def round_trip(transcript: Transcript, format_: str) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        return debatekit.loads(debatekit.dumps(transcript, format=format_), format=format_)


@pytest.mark.parametrize("format_", ["json", "tei", "aif"])
def test_lossless_formats_keep_everything(format_: str) -> None:
    """JSON, TEI and AIF (with its extension key) give back an equal transcript."""
    assert differences(DATASET, round_trip(DATASET, format_)) == set()
    assert round_trip(DATASET, format_) == DATASET


@pytest.mark.parametrize(
    ("format_", "source", "lost"),
    [
        (
            "text",
            DATASET,
            {
                "claims",
                "relations",
                "event.publisher",
                "event.series",
                "event.source",
                "event.language",
                "speakers[].aliases",
                "meta",
            },
        ),
        ("vtt", TIMED, CAPTIONS_LOSE),
        ("srt", TIMED, CAPTIONS_LOSE - {"body[].incidents"} | SRT_ALSO_LOSES),
    ],
)
def test_lossy_formats_lose_what_the_docs_say(
    format_: str, source: Transcript, lost: set[str]
) -> None:
    """Plain text and captions lose exactly the fields docs/conversions.md lists."""
    assert differences(source, round_trip(source, format_)) == lost


def test_captions_keep_speakers_order_and_times() -> None:
    """Captions keep who speaks, in which order, when, and the words."""
    back = round_trip(TIMED, "vtt")
    assert [t.speaker_id for t in back.turns] == [t.speaker_id for t in TIMED.turns]
    assert [(t.start, t.end) for t in back.turns] == [(t.start, t.end) for t in TIMED.turns]
    assert [" ".join(t.text.split()) for t in back.turns] == [
        " ".join(t.text.split()) for t in TIMED.turns
    ]
    assert [s.name for s in back.speakers] == [s.name for s in TIMED.speakers]


def test_aif_without_extension_loses_the_documented_fields() -> None:
    """Plain AIF keeps speakers' names, the turns' texts, one claim per I-node with its
    proposition, and the relations but "answers", not the rest (docs/formats/aif.md)."""
    back = debatekit.aif.loads(debatekit.aif.dumps(DATASET, extension=False))
    assert [s.name for s in back.speakers] == [s.name for s in DATASET.speakers]
    assert [t.text for t in back.turns] == [t.text for t in DATASET.turns]
    # An I-node's text comes back as the proposition, or, where those words are in the
    # turn, as the claim's text.
    assert [c.proposition or c.text for c in back.claims] == [c.proposition for c in DATASET.claims]

    # answers between turns become AIF transitions (TA), which plain AIF reads as turn order
    # and kinds fold into AIF's three schemes (RA, CA, MA): rebuts comes back as disagrees
    def family(kind: str) -> str:
        if kind in debatekit.arguments.SUPPORT_KINDS:
            return "support"
        return "attack" if kind in debatekit.arguments.ATTACK_KINDS else kind

    kept = [
        (family(r.kind), r.source_id, r.target_id) for r in DATASET.relations if r.kind != "answers"
    ]
    assert [(family(r.kind), r.source_id, r.target_id) for r in back.relations] == kept
    lost = differences(DATASET, back)
    assert {"event.title", "front", "back", "claims[].kind", "claims[].start"} <= lost
    assert "body[].paragraphs" not in lost


def test_html_is_output_only(tmp_path: Any) -> None:
    """HTML is written, never read back."""
    path = tmp_path / "t.html"
    debatekit.write(DATASET, path)
    with pytest.raises(debatekit.FormatError, match="output-only"):
        debatekit.read(path)
