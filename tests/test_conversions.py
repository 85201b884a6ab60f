"""What each conversion keeps: the statements of docs/conversions.md, checked.

For each lossy format, the bundled debate is written and read back, and the set of fields
that differ is compared with the documented list. A change that loses more (or less) than
documented fails here.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import debatekit
from debatekit import LossWarning, ParseWarning, Transcript, _losses

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


ROOT = Path(__file__).parents[1]


def test_the_docs_show_the_losses_table() -> None:
    """docs/conversions.md shows exactly the table the warnings come from."""
    page = (ROOT / "docs" / "conversions.md").read_text("utf-8")
    start = page.index("-->\n", page.index("<!-- losses table")) + 4
    assert page[start : page.index("<!-- end of losses table -->")] == _losses.markdown()
    assert set(_losses.LOSSES) >= set(debatekit.formats()) - {"aif"} | {"aif"}


def _body(path: str) -> str:
    """A table path in the vocabulary of differences(): turns and incidents are body items."""
    return (
        path.replace("turns[].incidents[]", "body[].incidents")
        .replace("turns[]", "body[]")
        .replace("incidents[]", "body[]")
    )


@pytest.mark.parametrize(
    ("format_", "source"),
    [("text", DATASET), ("text", TIMED), ("vtt", TIMED), ("srt", TIMED), ("html", DATASET)],
)
def test_what_a_round_trip_loses_is_in_the_table(format_: str, source: Transcript) -> None:
    """No silent loss: every field a round trip changes is one the table names, and the
    warning (one per write) names the format."""
    table = {_body(p) for p in _losses.paths(format_)}
    with pytest.warns(LossWarning) as caught:
        written = debatekit.dumps(source, format=format_)
    assert len(caught) == 1
    assert str(caught[0].message).startswith(f"{format_} cannot carry ")
    if format_ != "html":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParseWarning)
            back = debatekit.loads(written, format=format_)
        lost = differences(source, back)
        assert lost
        # A path in the table covers the fields below it (``body[].incidents`` lost
        # covers each incident's ``kind``).
        covered = table | {"body"}
        assert {
            p for p in lost if not any(p == t or p.startswith((t + ".", t + "[")) for t in covered)
        } == set()


def test_the_warning_counts_what_is_dropped() -> None:
    """The warning lists each kind of thing dropped with its count, in the table's order."""
    with pytest.warns(LossWarning) as caught:
        debatekit.text.dumps(DATASET)
    warning = caught[0].message
    assert isinstance(warning, LossWarning)
    assert warning.format == "text"
    counts = {loss.many: loss.count for loss in warning.losses}
    assert counts["claims"] == len(DATASET.claims) == 149
    assert counts["relations"] == len(DATASET.relations)
    event = next(loss for loss in warning.losses if loss.many == "event fields")
    assert event.names == ("publisher", "series", "source", "language")
    # Without front matter, the fields text recovers from it are lost too.
    bare = attrs.evolve(DATASET, front=())
    event = next(x for x in _losses.losses(bare, "text") if x.many == "event fields")
    assert {"title", "credits"} <= set(event.names)


@pytest.mark.parametrize("format_", ["json", "tei", "aif"])
def test_lossless_formats_do_not_warn(format_: str) -> None:
    """JSON, TEI and AIF with its extension carry everything: no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        debatekit.dumps(DATASET, format=format_)


def test_plain_aif_warns_and_a_transcript_with_nothing_to_lose_does_not() -> None:
    """AIF without the extension says so; a bare transcript writes to text silently."""
    with pytest.warns(LossWarning, match=r"^aif \(extension=False\) cannot carry .*18 turn"):
        debatekit.aif.dumps(DATASET, extension=False)
    # (Its ids are the ones the text reader mints again: the surname, u1.)
    bare = Transcript(
        speakers=[debatekit.Speaker(id="ann", name="Ann")],
        body=[debatekit.Turn(id="u1", speaker_id="ann", paragraphs=["Hello."])],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        debatekit.text.dumps(bare)


def test_text_reports_incidents_it_cannot_print() -> None:
    """An incident inside a turn with no stage direction the reader would read back (a
    TEI ``vocal`` "snorts") is not printed by the text writer: the warning counts it."""
    from debatekit import Incident, Speaker, Turn

    snort = Incident(kind="vocal", text="snorts", offset=7)
    applause = Incident(kind="kinesic", subtype="applause", offset=0, printed="(APPLAUSE)")
    transcript = Transcript(
        speakers=[Speaker(id="lee", name="Ann Lee")],
        body=[
            Turn(id="u1", speaker_id="lee", paragraphs=["I think so."], incidents=[snort]),
            Turn(id="u2", speaker_id="lee", paragraphs=["Thank you."], incidents=[applause]),
        ],
    )
    with pytest.warns(LossWarning) as caught:
        written = debatekit.dumps(transcript, format="text")
    assert "(APPLAUSE)" in written
    assert str(caught[0].message).startswith("text cannot carry 1 incident inside a turn")
