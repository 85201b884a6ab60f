"""The HTML view: debatekit.html.dumps/dump, and the page in a real headless browser.

The unit tests parse the page with lxml.html and check what a reader would see. The
tests marked ``browser`` open the page in headless Chromium (through chromedriver and
selenium) and click through it; they are skipped, saying why, where no Chromium and
chromedriver are installed (``apt-get install -y chromium chromium-driver``), and fail
instead where the environment variable ``DEBATEKIT_REQUIRE_BROWSER`` is set (for CI).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import lxml.html
import pytest
from hypothesis import given

import debatekit
from debatekit import Claim, FormatError, Incident, Relation, Speaker, Transcript, Turn
from strategies import transcripts

# -- test data ----------------------------------------------------------------------------

# (claim id, turn id, exact quote from the bundled dataset, kind). They nest, cross and
# span paragraphs on purpose.
_CLAIMS = [
    ("q1", "u2", "Would you put less priority on migration than most people", "question"),
    ("c-main", "u3", "the issue is not to downgrade it, but not to sacrifice other", "claim"),
    ("c-cross", "u3", "not to sacrifice other national interests and to be able to", "proposal"),
    ("c-concede", "u3", "Migration is important to very many people.", "concession"),
    ("c-prem", "u3", "successive Mexican governments, especially the current", "premise"),
    ("c-nested", "u3", "they can deflect pressure from other issues", "premise"),
    ("c-span", "u3", "tough conversations with the Mexican government.\n\nUnfortunately", "claim"),
    ("c-o1", "u5", "Mexico provides the most viable commercial solution", "claim"),
    ("c-ev", "u15", "the United States has had no meaningful law enforcement", "evidence"),
]
# c-prem runs to the end of its sentence, so that it holds c-nested.
_LONGER = {
    "c-prem": "the way the criminal groups are really taking over the country.",
    "c-ev": "[with either Mexico or China]",
    "c-main": "national interests",
    "c-cross": "separate it from other issues",
}
_RELATIONS = [
    ("r1", "answers", "u3", "u2"),
    ("r2", "supports", "c-prem", "c-main"),
    ("r3", "supports", "c-nested", "c-prem"),
    ("r4", "answers", "c-main", "q1"),
    ("r5", "rephrases", "c-cross", "c-main"),
    ("r6", "attacks", "c-o1", "c-concede"),
]


def annotated() -> Transcript:
    """The bundled dataset with claims at exact offsets, relations and incidents."""
    base = debatekit.datasets.load("us-mexico-2023")
    claims = []
    for cid, turn_id, quote, kind in _CLAIMS:
        text = base.turn(turn_id).text
        start = text.index(quote)
        end = start + len(quote)
        if cid in _LONGER:
            end = text.index(_LONGER[cid], start) + len(_LONGER[cid])
        claims.append(
            Claim(id=cid, turn_id=turn_id, start=start, end=end, text=text[start:end], kind=kind)
        )
    claims[0] = attrs.evolve(claims[0], stance="con", note="asked of Felbab-Brown")
    relations = [
        Relation(id=rid, kind=kind, source_id=s, target_id=t) for rid, kind, s, t in _RELATIONS
    ]
    u4 = base.turn("u4")
    laughter = Incident(kind="vocal", subtype="laughter", printed="(LAUGHTER)", offset=3)
    body = [attrs.evolve(item, incidents=[laughter]) if item is u4 else item for item in base.body]
    applause = Incident(kind="kinesic", subtype="applause", printed="(APPLAUSE)", id="e1")
    body.insert(1, applause)
    return attrs.evolve(base, body=body, claims=claims, relations=relations)


def parse(page: str) -> Any:
    return lxml.html.document_fromstring(page)


def classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def paragraph_texts(article: Any) -> list[str]:
    """The text of each paragraph of a turn, with the inline incident markers left out."""
    texts = []
    for p in article.xpath("./p[not(@class)]"):
        for marker in p.find_class("dk-inc"):
            marker.drop_tree()
        texts.append(p.text_content())
    return texts


def segments_of(doc: Any, claim_id: str) -> list[Any]:
    return [s for s in doc.find_class("dk-c") if claim_id in (s.get("data-claims") or "").split()]


def visible_text(turn: Turn, start: int, end: int) -> str:
    """The part of turn.text[start:end] that lies inside paragraphs (not between them)."""
    out, offset = [], 0
    for paragraph in turn.paragraphs:
        stop = offset + len(paragraph)
        out.append(turn.text[max(start, offset) : min(end, stop)])
        offset = stop + 2
    return "".join(out)


# -- unit tests ---------------------------------------------------------------------------


def test_annotated_fixture_quotes_are_exact():
    """The test claims are built from the real text, so every claim quotes its turn."""
    transcript = annotated()
    assert len(transcript.claims) == len(_CLAIMS)
    for claim in transcript.claims:
        assert transcript.turn(claim.turn_id).text[claim.start : claim.end] == claim.text


def test_page_is_a_complete_html_document():
    """dumps returns an HTML5 document whose title, language and heading are the event's."""
    transcript = annotated()
    page = debatekit.html.dumps(transcript)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.endswith("</html>\n")
    doc = parse(page)
    assert doc.findtext(".//title") == transcript.event.title
    assert doc.findtext(".//h1") == transcript.event.title
    assert doc.find(".//meta[@charset]").get("charset") == "utf-8"
    header = doc.find_class("dk-head")[0].text_content()
    assert transcript.event.subtitle in header
    assert transcript.event.publisher in header
    assert "14 December 2023" in header


def test_title_option_overrides_event_title():
    """title= sets the page title and heading."""
    doc = parse(debatekit.html.dumps(annotated(), title="Migration & more"))
    assert doc.findtext(".//title") == "Migration & more"
    assert doc.findtext(".//h1") == "Migration & more"


def test_every_turn_is_shown_verbatim_in_order():
    """Each turn is an article with the turn's id, speaker, and its paragraphs verbatim."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    articles = doc.find_class("dk-turn")
    assert [a.get("id") for a in articles] == [t.id for t in transcript.turns]
    for article, turn in zip(articles, transcript.turns, strict=True):
        assert article.get("data-speaker") == turn.speaker_id
        assert article.findtext(".//h3/a") == transcript.speaker(turn.speaker_id).name
        assert paragraph_texts(article) == list(turn.paragraphs)


def test_every_claim_is_highlighted_with_its_exact_text():
    """Every claim's highlighted segments, in order, read as the claim's text."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    for claim in transcript.claims:
        pieces = segments_of(doc, claim.id)
        assert pieces, claim.id
        expected = visible_text(transcript.turn(claim.turn_id), claim.start, claim.end)
        assert "".join(p.text_content() for p in pieces) == expected
        assert claim.text.replace("\n\n", "") == expected
        # All pieces sit inside the claim's own turn.
        assert {p.xpath("ancestor::article")[0].get("id") for p in pieces} == {claim.turn_id}


def test_claim_spanning_two_paragraphs_is_highlighted_in_both():
    """A claim over a paragraph break is highlighted at the end of one and the start of the next."""
    doc = parse(debatekit.html.dumps(annotated()))
    pieces = segments_of(doc, "c-span")
    paragraphs = [p.getparent() for p in pieces]
    assert paragraphs[0] is not paragraphs[-1]
    assert len(set(paragraphs)) == 2
    assert pieces[0].text_content().endswith("Mexican government.")
    assert pieces[-1].text_content() == "Unfortunately"


def test_nested_claims_list_the_innermost_first():
    """Where claims nest, a segment lists every claim covering it, innermost first."""
    doc = parse(debatekit.html.dumps(annotated()))
    nested = segments_of(doc, "c-nested")
    assert [s.get("data-claims") for s in nested] == ["c-nested c-prem"]
    assert "dk-d2" in classes(nested[0])
    outer_only = [s for s in segments_of(doc, "c-prem") if s.get("data-claims") == "c-prem"]
    assert outer_only
    assert all("dk-d1" in classes(s) for s in outer_only)


def test_crossing_claims_share_only_their_overlap():
    """Two claims that overlap without nesting share exactly the overlapping text."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    main, cross = transcript.claim("c-main"), transcript.claim("c-cross")
    assert main.start < cross.start < main.end < cross.end
    shared = [s for s in segments_of(doc, "c-main") if "c-cross" in s.get("data-claims").split()]
    text = transcript.turn("u3").text
    assert "".join(s.text_content() for s in shared) == text[cross.start : main.end]


def test_each_claim_has_one_anchor_and_one_keyboard_stop():
    """Each claim gets an anchor before its first piece, which is focusable as a button."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    anchors = doc.find_class("dk-anchor")
    assert sorted(a.get("id") for a in anchors) == sorted(c.id for c in transcript.claims)
    for claim in transcript.claims:
        first = segments_of(doc, claim.id)[0]
        assert first.get("tabindex") == "0"
        assert first.get("role") == "button"
        assert first.get("aria-controls") == "dk:panel"


def test_claim_kinds_get_a_colour_class_and_a_legend():
    """Segments take the colour class of their innermost claim's kind; the legend counts kinds."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    legend = doc.find_class("dk-legend")[0]
    chips = {c.text_content(): c for c in legend.find_class("dk-chip")}
    kinds = {c.kind for c in transcript.claims}
    assert set(chips) == kinds
    for kind, chip in chips.items():
        count = sum(1 for c in transcript.claims if c.kind == kind)
        assert chip.tail.strip() == str(count)
    for claim in transcript.claims:
        colour = (classes(chips[claim.kind]) - {"dk-chip"}).pop()
        innermost = [
            s for s in segments_of(doc, claim.id) if s.get("data-claims").split()[0] == claim.id
        ]
        assert innermost
        assert all(colour in classes(s) for s in innermost)
    style = doc.findtext(".//style")
    assert all(f".{(classes(c) - {'dk-chip'}).pop()}{{--bg:" in style for c in chips.values())


def test_claim_cards_list_relations_both_ways():
    """Each claim's card names what it supports/answers and what supports/attacks it."""
    doc = parse(debatekit.html.dumps(annotated()))
    card = doc.get_element_by_id("dk:card:c-prem")
    outgoing = [
        (li.findtext(".//span[@class='dk-rk']"), li.find(".//a").get("data-go"))
        for li in card.find_class("dk-out")
    ]
    incoming = [
        (li.findtext(".//span[@class='dk-rk']"), li.find(".//a").get("data-go"))
        for li in card.find_class("dk-in")
    ]
    assert outgoing == [("supports", "c-main")]
    assert incoming == [("supports", "c-nested")]
    assert card.get("data-related") == "c-main c-nested"
    main = doc.get_element_by_id("dk:card:c-main")
    assert [li.find(".//a").get("data-go") for li in main.find_class("dk-in")] == [
        "c-prem",
        "c-cross",
    ]
    assert "Would you put less priority" in main.find_class("dk-out")[0].text_content()
    lonely = doc.get_element_by_id("dk:card:c-ev")
    assert lonely.find_class("dk-norel")


def test_card_shows_claim_details():
    """A card shows the claim's kind, speaker, turn, text, stance and note."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    card = doc.get_element_by_id("dk:card:q1")
    text = card.text_content()
    assert "question" in text
    assert "Christopher S. Chivvis" in text
    assert "stance: con" in text
    assert "asked of Felbab-Brown" in text
    assert card.findtext(".//blockquote") == transcript.claim("q1").text
    assert card.find(".//a[@href='#u2']") is not None


def test_turn_relations_are_listed_on_the_turn():
    """A relation between turns ("u3 answers u2") is listed on both turns."""
    doc = parse(debatekit.html.dumps(annotated()))
    u3 = doc.get_element_by_id("u3").find_class("dk-turn-rels")[0]
    assert u3.find_class("dk-out")[0].text_content().startswith("answers turn u2")
    u2 = doc.get_element_by_id("u2").find_class("dk-turn-rels")[0]
    assert u2.find_class("dk-in")[0].text_content().startswith("turn u3")


def test_links_point_at_elements_of_the_page():
    """Every in-page link (#...) points at an element of the page."""
    doc = parse(debatekit.html.dumps(annotated()))
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    targets = {a.get("href")[1:] for a in doc.iter("a") if a.get("href", "").startswith("#")}
    assert targets
    assert targets <= ids


def test_inline_and_body_incidents_are_shown_in_place():
    """Applause between turns is a stage direction; laughter sits at its offset in the turn."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    body = doc.find_class("dk-body")[0]
    first_three = [e for e in body if e.tag in ("article", "p")][:3]
    assert [e.get("id") for e in first_three] == ["u1", "e1", "u2"]
    assert first_three[1].text_content() == "(APPLAUSE)"
    assert "dk-stage" in classes(first_three[1])
    p = doc.get_element_by_id("u4").xpath("./p")[0]
    marker = p.find_class("dk-inc")[0]
    assert marker.text_content() == "(LAUGHTER)"
    assert p.text == transcript.turn("u4").text[:3]
    assert "vocal: laughter" in marker.get("title")


def test_insertion_marks_its_span_of_text():
    """A note with a length marks the span it covers, which stays in the text."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    insertion = transcript.turn("u15").incidents[0]
    marked = doc.get_element_by_id("u15").find_class("dk-ins")
    assert "".join(m.text_content() for m in marked) == "[with either Mexico or China]"
    assert all("note: insertion" in m.get("title") for m in marked)
    assert insertion.printed == "[with either Mexico or China]"
    # The insertion lies inside claim c-ev: its segment is both.
    assert all("c-ev" in m.get("data-claims").split() for m in marked)


def test_positions_between_paragraphs():
    """Incidents and claims that touch the blank line between paragraphs keep their place."""
    turn = Turn(
        id="u1",
        speaker_id="s1",
        paragraphs=["Alpha beta.", "Gamma delta."],
        incidents=[
            Incident(kind="note", subtype="insertion", offset=6, length=9),  # "beta.\n\nGa"
            Incident(kind="pause", offset=12),  # between the two line feeds
            Incident(kind="vocal", printed="(APPLAUSE)", offset=13),  # start of paragraph 2
        ],
    )
    empty = Turn(id="u2", speaker_id="s1", incidents=[Incident(kind="gap", offset=0)])
    blank = Claim(id="c1", turn_id="u1", start=11, end=12, text="\n")
    whole = Claim(id="c2", turn_id="u1", start=0, end=25, text=turn.text)
    transcript = Transcript(
        speakers=[Speaker(id="s1", name="A")],
        body=[turn, empty],
        claims=[blank, whole],
        relations=[Relation(id="r1", kind="supports", source_id="c1", target_id="c2")],
    )
    doc = parse(debatekit.html.dumps(transcript))
    article = doc.get_element_by_id("u1")
    first, between, second = article.findall("p")
    assert [a.get("id") for a in first.find_class("dk-anchor")] == ["c2"]
    assert between.get("class") == "dk-between"
    assert between.text_content() == "(pause)"
    assert second[0].text_content() == "(APPLAUSE)"
    assert [m.text_content() for m in article.find_class("dk-ins")] == ["beta.", "Ga"]
    assert paragraph_texts(article) == list(turn.paragraphs)
    # c1 covers only the blank line: no highlight, and links to it lead to its card.
    assert not segments_of(doc, "c1")
    assert "".join(s.text_content() for s in segments_of(doc, "c2")) == "Alpha beta.Gamma delta."
    links = doc.xpath("//a[@data-go='c1']")
    assert links
    assert {a.get("href") for a in links} == {"#dk:card:c1"}
    assert doc.get_element_by_id("u2").text_content().endswith("(gap)")


def test_event_dates_and_turn_times_are_readable():
    """Dates show as "3 March 2021", turn times as m:ss or h:mm:ss from the recording start."""
    turn = Turn(
        id="u1",
        speaker_id="s1",
        paragraphs=["Hi."],
        start=dt.timedelta(seconds=65),
        end=dt.timedelta(hours=1, seconds=2.5),
    )
    transcript = Transcript(
        event=debatekit.Event(
            kind="debate", date=dt.date(2021, 3, 3), end_date=dt.date(2021, 3, 4), place="Bilbao"
        ),
        speakers=[Speaker(id="s1", name="A", role="chair")],
        body=[turn],
    )
    doc = parse(debatekit.html.dumps(transcript))
    assert doc.find_class("dk-kicker")[0].text_content() == (
        "debate · 3 March 2021 – 4 March 2021 · Bilbao"
    )
    assert doc.find_class("dk-time")[0].text_content() == "1:05–1:00:02.500"
    assert doc.find_class("dk-role")[0].text_content() == "chair"


def test_speaker_list_shows_turns_words_and_share():
    """The speaker list has one entry per speaker with Transcript.speaker_stats() figures."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    entries = doc.find_class("dk-speakers")[0].findall(".//li")
    assert [e.get("id") for e in entries] == [s.id for s in transcript.speakers]
    for stats, entry in zip(transcript.speaker_stats(), entries, strict=True):
        assert entry.find_class("dk-name")[0].text_content() == stats.name
        turns = entry.find_class("dk-turns")[0].text_content()
        words = entry.find_class("dk-words")[0].text_content()
        assert turns.split()[0] == str(stats.turns)
        assert words.split()[0] == str(stats.words)
        assert entry.find_class("dk-share")[0].text_content() == f"{stats.share:.0%}"
        assert float(entry.find(".//meter").get("value")) == pytest.approx(stats.share, abs=1e-4)
    assert "1 turn" in entries[0].text_content()


def test_front_and_back_matter_are_kept_folded():
    """Paragraphs printed before and after the transcript are in folded sections."""
    transcript = annotated()
    doc = parse(debatekit.html.dumps(transcript))
    front = doc.find_class("dk-front")[0]
    assert front.tag == "details"
    assert [p.text_content() for p in front.findall("p")] == list(transcript.front)
    back = doc.find_class("dk-back")[0]
    assert [p.text_content() for p in back.findall("p")] == list(transcript.back)


def test_page_is_self_contained_with_a_strict_policy():
    """No external resource; a CSP allows only the inline style and script, by hash."""
    page = debatekit.html.dumps(annotated())
    doc = parse(page)
    assert not [e for e in doc.iter() if e.get("src")]
    assert not doc.xpath("//link[@rel='stylesheet']")
    hrefs = [e.get("href") for e in doc.iter() if e.get("href")]
    assert all(h.startswith(("#", "data:")) for h in hrefs)
    csp = doc.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in csp

    def sha(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    (style,) = doc.findall(".//style")
    (script,) = doc.findall(".//script")
    assert f"style-src 'sha256-{sha(style.text)}'" in csp
    assert f"script-src 'sha256-{sha(script.text)}'" in csp


_EVIL = '<script>alert("x")</script><img src=x onerror="alert(1)">&amp; "\' </p>'


def evil() -> Transcript:
    """A transcript with markup in every text field a page shows."""
    text = f"Hello {_EVIL} world"
    turn = Turn(
        id="u1",
        speaker_id="s1",
        paragraphs=[text, _EVIL],
        label=f'"><script>alert(2)</script>{_EVIL}',
        incidents=[Incident(kind="note", printed=_EVIL, text=_EVIL, offset=5)],
    )
    start = text.index("<script>")
    return Transcript(
        event=debatekit.Event(
            title=_EVIL,
            subtitle=_EVIL,
            description=_EVIL,
            source=_EVIL,
            credits=[_EVIL],
            meta={_EVIL: _EVIL},
        ),
        speakers=[Speaker(id="s1", name=_EVIL, role=_EVIL, affiliation=_EVIL)],
        body=[turn, Incident(kind="incident", printed=_EVIL, text=_EVIL)],
        claims=[
            Claim(
                id="c1",
                turn_id="u1",
                start=start,
                end=start + 30,
                text=text[start : start + 30],
                kind=_EVIL,
                note=_EVIL,
                proposition=_EVIL,
                meta={"k": _EVIL},
            ),
        ],
        relations=[Relation(id="r1", kind=_EVIL, source_id="c1", target_id="u1", note=_EVIL)],
        front=[_EVIL],
        back=[_EVIL],
        meta={"x": _EVIL},
    )


def test_markup_in_the_transcript_shows_as_text():
    """A transcript holding <script> and attribute breakouts yields text, never markup."""
    transcript = evil()
    page = debatekit.html.dumps(transcript)
    doc = parse(page)
    assert len(doc.findall(".//script")) == 1
    assert not doc.findall(".//img")
    assert not [e for e in doc.iter() if any(k.startswith("on") for k in e.attrib)]
    assert doc.findtext(".//title") == _EVIL
    assert doc.findtext(".//h1") == _EVIL
    article = doc.get_element_by_id("u1")
    assert paragraph_texts(article) == list(transcript.turns[0].paragraphs)
    assert article.find(".//h3").get("title") == transcript.turns[0].label
    assert doc.get_element_by_id("s1").find_class("dk-name")[0].text_content() == _EVIL
    whole = doc.text_content()
    assert whole.count(_EVIL) >= 12
    assert doc.find_class("dk-legend")[0].find_class("dk-chip")[0].text_content() == _EVIL


def test_control_characters_show_as_symbols():
    """Control characters, which HTML cannot hold, show as their Control Pictures symbol."""
    turn = Turn(id="u1", speaker_id="s1", paragraphs=["bell\x07 and \x1b escape"])
    transcript = Transcript(speakers=[Speaker(id="s1", name="A")], body=[turn])
    doc = parse(debatekit.html.dumps(transcript))
    assert paragraph_texts(doc.get_element_by_id("u1")) == ["bell\u2407 and \u241b escape"]


def test_page_without_claims_has_no_panel_or_legend():
    """Without claims the page is a plain reading view: no legend, panel or claim list."""
    annotated = debatekit.datasets.load("us-mexico-2023")
    transcript = attrs.evolve(annotated, claims=(), relations=())
    doc = parse(debatekit.html.dumps(transcript))
    assert not doc.find_class("dk-legend")
    assert not doc.find_class("dk-panel")
    assert not doc.find_class("dk-claims")
    assert not doc.find_class("dk-c")
    assert len(doc.find_class("dk-turn")) == len(transcript.turns)


def test_empty_transcript_renders():
    """An empty transcript still gives a valid page titled "Transcript"."""
    doc = parse(debatekit.html.dumps(Transcript()))
    assert doc.findtext(".//h1") == "Transcript"
    assert not doc.find_class("dk-turn")


def test_dump_writes_utf8_bytes():
    """dump writes the same page as UTF-8 to a binary file."""
    transcript = annotated()
    buffer = io.BytesIO()
    debatekit.html.dump(transcript, buffer, title="T")
    assert buffer.getvalue() == debatekit.html.dumps(transcript, title="T").encode("utf-8")


def test_dump_refuses_a_text_file():
    """dump names the fix when given a text-mode file."""
    with pytest.raises(TypeError, match=r"open\(path, 'wb'\)"):
        debatekit.html.dump(annotated(), io.StringIO())


def test_write_picks_html_from_the_suffix(tmp_path: Path):
    """debatekit.write to a .html file writes the page; format="html" does the same."""
    transcript = annotated()
    debatekit.write(transcript, tmp_path / "page.html")
    debatekit.write(transcript, tmp_path / "page.out", format="html")
    expected = debatekit.html.dumps(transcript)
    assert (tmp_path / "page.html").read_text("utf-8") == expected
    assert (tmp_path / "page.out").read_text("utf-8") == expected


def test_read_refuses_html(tmp_path: Path):
    """debatekit.read on a .html file says that HTML is an output-only format."""
    path = tmp_path / "page.html"
    debatekit.write(annotated(), path)
    with pytest.raises(FormatError, match="html is an output-only format"):
        debatekit.read(path)
    with pytest.raises(FormatError, match="output-only"):
        debatekit.read(tmp_path / "x.json", format="html")


@given(transcripts(max_turns=3))  # three body items are enough; drawing more is slow
def test_any_transcript_renders_and_keeps_its_text(transcript: Transcript):
    """For any transcript the page parses, shows each paragraph verbatim and every claim."""
    page = debatekit.html.dumps(transcript)
    doc = parse(page)
    assert len(doc.findall(".//script")) == 1
    articles = doc.find_class("dk-turn")
    assert [a.get("id") for a in articles] == [t.id for t in transcript.turns]
    for article, turn in zip(articles, transcript.turns, strict=True):
        assert paragraph_texts(article) == list(turn.paragraphs)
    for speaker in transcript.speakers:
        entry = doc.get_element_by_id(speaker.id)
        assert entry.find_class("dk-name")[0].text_content() == speaker.name
    for claim in transcript.claims:
        card = doc.get_element_by_id(f"dk:card:{claim.id}")
        assert card.findtext(".//blockquote") == claim.text
        expected = visible_text(transcript.turn(claim.turn_id), claim.start, claim.end)
        pieces = segments_of(doc, claim.id)
        assert "".join(p.text_content() for p in pieces) == expected
    for relation in transcript.relations:
        assert doc.xpath(f"//li[@data-relation='{relation.id}']")


# -- the page in a real browser -----------------------------------------------------------

_INSTALL = "apt-get install -y chromium chromium-driver"


def _find_chromium() -> tuple[str, str] | None:
    binary = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome", "chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    driver = shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by chromedriver; skipped where neither is installed."""
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed: pip install -e '.[test]'"
    )
    found = _find_chromium()
    if found is None:
        reason = f"no Chromium and chromedriver on PATH: install them with `{_INSTALL}`"
        if os.environ.get("DEBATEKIT_REQUIRE_BROWSER"):  # CI sets it: never skip silently
            pytest.fail(reason)
        pytest.skip(reason)
    binary, driver_path = found
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="debatekit-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--window-size=1280,900",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def page_url(tmp_path: Path) -> Any:
    def write(transcript: Transcript) -> str:
        path = tmp_path / "page.html"
        debatekit.write(transcript, path)
        return path.resolve().as_uri()

    return write


def _errors(driver: Any) -> list[dict[str, Any]]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def _open(driver: Any, url: str, width: int = 1280, height: int = 900) -> None:
    driver.set_window_size(width, height)
    driver.get_log("browser")  # forget what earlier pages logged
    driver.get(url)


@pytest.mark.browser
def test_browser_page_loads_without_console_errors(browser, page_url):
    """The page loads in Chromium with nothing in the console: no CSP refusal, no error."""
    _open(browser, page_url(annotated()))
    assert browser.title == annotated().event.title
    assert browser.execute_script("return document.readyState") == "complete"
    assert _errors(browser) == []


@pytest.mark.browser
def test_browser_highlights_every_claim(browser, page_url):
    """Every claim has highlighted segments, coloured by kind, visible to the reader."""
    transcript = annotated()
    _open(browser, page_url(transcript))
    shown = browser.execute_script(
        """
        const ids = new Set();
        document.querySelectorAll('.dk-c').forEach((e) => {
          if (e.getClientRects().length) e.dataset.claims.split(' ').forEach((i) => ids.add(i));
        });
        return [...ids].sort();
        """
    )
    assert shown == sorted(c.id for c in transcript.claims)
    colours = browser.execute_script(
        """
        const bg = (id) => getComputedStyle(
          document.querySelector('.dk-c[data-claims^="' + id + '"]')).backgroundColor;
        return [bg('c-prem'), bg('c-ev'), getComputedStyle(document.body).backgroundColor];
        """
    )
    premise, evidence, page = colours
    assert len({premise, evidence, page}) == 3
    assert "rgba(0, 0, 0, 0)" not in colours
    assert _errors(browser) == []


@pytest.mark.browser
def test_browser_click_on_a_claim_reveals_its_relations(browser, page_url):
    """Clicking a claim opens the panel with its card and relations, and marks related claims."""
    from selenium.webdriver.common.by import By

    _open(browser, page_url(annotated()))
    panel = browser.find_element(By.ID, "dk:panel")
    assert not panel.is_displayed()
    segment = browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="c-prem"]')
    segment.click()
    assert panel.is_displayed()
    cards = panel.find_elements(By.CSS_SELECTOR, ".dk-card")
    assert [c.get_attribute("data-claim") for c in cards] == ["c-prem"]
    links = [a.get_attribute("data-go") for a in panel.find_elements(By.CSS_SELECTOR, "a.dk-go")]
    assert set(links) == {"c-prem", "c-main", "c-nested"}
    assert "supports" in panel.text
    marked = browser.execute_script(
        """
        const ids = (cls) => [...new Set([...document.querySelectorAll('.' + cls)]
          .flatMap((e) => e.dataset.claims.split(' ')))].sort();
        return [ids('dk-sel'), ids('dk-rel')];
        """
    )
    # Selected: the pieces of c-prem (one of which also belongs to c-nested).
    assert "c-prem" in marked[0]
    assert {"c-main", "c-nested"} <= set(marked[1])
    assert _errors(browser) == []


@pytest.mark.browser
def test_browser_hover_outlines_the_claim_and_its_relations(browser, page_url):
    """Hovering a piece marks every piece of its claim, and the claims it relates to."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _open(browser, page_url(annotated()))
    segment = browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="c-cross"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", segment)
    ActionChains(browser).move_to_element(segment).perform()
    hovered = browser.execute_script(
        """
        const ids = (cls) => [...new Set([...document.querySelectorAll('.' + cls)]
          .map((e) => e.dataset.claims.split(' ')[0]))].sort();
        return [ids('dk-hover'), ids('dk-hover-rel'),
                document.querySelectorAll('.dk-hover').length];
        """
    )
    pieces = browser.execute_script(
        "return document.querySelectorAll('.dk-c[data-claims~=\"c-cross\"]').length"
    )
    # c-cross overlaps c-main: the shared piece lists c-cross or c-main first.
    assert "c-cross" in hovered[0]
    assert hovered[2] == pieces
    assert "c-main" in hovered[1]
    assert _errors(browser) == []


@pytest.mark.browser
def test_browser_nested_click_lists_every_claim_there(browser, page_url):
    """Clicking inside nested claims shows both cards, the innermost first."""
    from selenium.webdriver.common.by import By

    _open(browser, page_url(annotated()))
    browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="c-nested c-prem"]').click()
    panel = browser.find_element(By.ID, "dk:panel")
    cards = panel.find_elements(By.CSS_SELECTOR, ".dk-card")
    assert [c.get_attribute("data-claim") for c in cards] == ["c-nested", "c-prem"]
    assert panel.find_element(By.TAG_NAME, "h2").text == "2 claims here"


@pytest.mark.browser
def test_browser_relation_link_moves_to_the_related_claim(browser, page_url):
    """A relation link in the panel selects the related claim and moves focus to it."""
    from selenium.webdriver.common.by import By

    _open(browser, page_url(annotated()))
    browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="c-prem"]').click()
    panel = browser.find_element(By.ID, "dk:panel")
    panel.find_element(By.CSS_SELECTOR, '.dk-out a[data-go="c-main"]').click()
    cards = panel.find_elements(By.CSS_SELECTOR, ".dk-card")
    assert [c.get_attribute("data-claim") for c in cards] == ["c-main"]
    focused = browser.execute_script("return document.activeElement.dataset.claims")
    assert focused.split()[0] == "c-main"
    assert _errors(browser) == []


@pytest.mark.browser
def test_browser_keyboard_opens_and_closes_the_panel(browser, page_url):
    """Enter on a focused claim opens the panel; Escape closes it and returns focus."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, page_url(annotated()))
    first = browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="q1"]')
    browser.execute_script("arguments[0].focus()", first)
    first.send_keys(Keys.ENTER)
    panel = browser.find_element(By.ID, "dk:panel")
    assert panel.is_displayed()
    assert "Would you put less priority" in panel.text
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not panel.is_displayed()
    assert browser.execute_script("return document.activeElement.dataset.claims") == "q1"


@pytest.mark.browser
def test_browser_page_reads_without_javascript(browser, page_url):
    """With scripts off, claims are still highlighted and the claim list links to them."""
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _open(browser, page_url(annotated()))
        piece = browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="c-main"]')
        assert piece.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
        assert piece.get_attribute("title") == (
            "claim c-main; answers q1; c-prem supports this; c-cross rephrases this"
        )
        piece.click()
        assert not browser.find_element(By.ID, "dk:panel").is_displayed()
        card = browser.find_element(By.ID, "dk:card:c-prem")
        assert card.is_displayed()
        card.find_element(By.CSS_SELECTOR, '.dk-out a[data-go="c-main"]').click()
        assert browser.current_url.endswith("#c-main")
        target = browser.find_element(By.CSS_SELECTOR, ".dk-anchor:target + .dk-c")
        assert target.get_attribute("data-claims").split()[0] == "c-main"
        assert target.value_of_css_property("outline-style") == "solid"
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.browser
def test_browser_phone_width_has_no_sideways_scroll(browser, page_url):
    """At phone width (390 px) nothing overflows sideways and the panel is a bottom sheet."""
    from selenium.webdriver.common.by import By

    _open(browser, page_url(annotated()), 390, 844)
    assert browser.execute_script("return window.innerWidth") <= 400
    width = browser.execute_script("return document.documentElement.clientWidth")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    browser.find_element(By.CSS_SELECTOR, '.dk-c[data-claims="c-ev"]').click()
    panel = browser.find_element(By.ID, "dk:panel")
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return [getComputedStyle(arguments[0]).position, r.bottom, window.innerHeight, r.width]",
        panel,
    )
    position, bottom, height, panel_width = box
    assert position == "fixed"
    assert bottom == pytest.approx(height, abs=1)
    assert panel_width == pytest.approx(width, abs=1)


@pytest.mark.browser
def test_browser_runs_no_script_from_the_transcript(browser, page_url):
    """Markup in the transcript is shown as text in the browser and runs nothing."""
    _open(browser, page_url(evil()))
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.images.length") == 0
    heading = browser.execute_script("return document.querySelector('h1').textContent")
    assert heading == _EVIL
    assert _errors(browser) == []
