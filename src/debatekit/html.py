"""debatekit's HTML view: one self-contained page to read a transcript and its argument.

The page shows the event, the speakers (with their turns, words and share of words),
every turn with its claims highlighted by kind, and the stage directions between
turns. Selecting a highlighted passage (a click, or Enter on the keyboard) opens a
panel with the claims at that point and what each one supports, attacks or answers,
with links that scroll to the other end of each relation. A list of every claim and
its relations closes the page, so that everything stays readable without JavaScript.

The file needs no network and no other file: the style sheet and the small script are
inline, and a Content-Security-Policy allows exactly those two and nothing else.
Every text from the transcript is escaped, so a turn that reads ``<script>`` shows
that text and runs nothing.

HTML is an output format: :func:`debatekit.read` refuses ``.html`` files.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import IO

from . import _losses
from ._html_markup import Child as _Child
from ._html_markup import Html as _Html
from ._html_markup import el as _el
from ._html_markup import join as _join
from ._html_markup import text as _text
from ._io import check_binary, check_transcript
from ._rules import format_clock
from .models import Claim, Incident, Relation, Speaker, Transcript, Turn

__all__ = ["dump", "dumps"]

# Page-internal ids hold a colon, which no transcript id (an XML NCName) can hold, so
# they never clash with the ids of turns, claims and speakers used as HTML ids.
_PANEL_ID = "dk:panel"
_CARD_PREFIX = "dk:card:"

# Claim kinds the annotation guidelines use, in the order of the colour palette.
_KNOWN_KINDS = ("claim", "premise", "evidence", "proposal", "question", "concession")
# (background, foreground) pairs: the first six belong to the known kinds, the rest
# are handed out in turn to other kinds.
_PALETTE = (
    ("#dbeafe", "#1d4ed8"),
    ("#dcfce7", "#15803d"),
    ("#ccfbf1", "#0f766e"),
    ("#ede9fe", "#6d28d9"),
    ("#fef3c7", "#b45309"),
    ("#fce7f3", "#be185d"),
    ("#ffedd5", "#c2410c"),
    ("#e0e7ff", "#4338ca"),
    ("#ecfccb", "#4d7c0f"),
    ("#fee2e2", "#b91c1c"),
    ("#cffafe", "#0e7490"),
    ("#f1f5f9", "#334155"),
)
_SPEAKER_COLOURS = (
    "#2563eb",
    "#d97706",
    "#059669",
    "#9333ea",
    "#dc2626",
    "#0891b2",
    "#65a30d",
    "#db2777",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SNIPPET = 90


def _date(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1].rstrip() + "…"


def _incident_label(incident: Incident) -> str:
    """The words shown for an incident: as printed, else its description, else its type."""
    if incident.printed:
        return incident.printed
    return f"({incident.text or incident.subtype or incident.kind})"


def _incident_title(incident: Incident, names: Mapping[str, str]) -> str:
    parts = [incident.kind + (f": {incident.subtype}" if incident.subtype else "")]
    if incident.text and incident.text != incident.printed:
        parts.append(incident.text)
    if incident.who is not None:
        parts.append(f"by {names.get(incident.who, incident.who)}")
    if incident.time is not None:
        parts.append(f"at {format_clock(incident.time, short=True)}")
    return " — ".join(parts)


class _Page:
    """Everything the page needs to know about a transcript, computed once."""

    def __init__(self, transcript: Transcript) -> None:
        self.t = transcript
        self.names = {s.id: s.name for s in transcript.speakers}
        self.speaker_index = {s.id: i for i, s in enumerate(transcript.speakers)}
        self.turns = {turn.id: turn for turn in transcript.turns}
        self.turn_order = {turn.id: i for i, turn in enumerate(transcript.turns)}
        self.claims = {claim.id: claim for claim in transcript.claims}
        present = {claim.kind for claim in transcript.claims}
        known = [kind for kind in _KNOWN_KINDS if kind in present]
        others = sorted(present - set(known))
        self.kinds = known + others
        self.kind_class = {kind: f"dk-k{i}" for i, kind in enumerate(self.kinds)}
        self.kind_colour = {kind: _PALETTE[_KNOWN_KINDS.index(kind)] for kind in known} | {
            kind: _PALETTE[len(_KNOWN_KINDS) + i % (len(_PALETTE) - len(_KNOWN_KINDS))]
            for i, kind in enumerate(others)
        }
        self.claims_in: dict[str, list[Claim]] = defaultdict(list)
        for claim in transcript.claims:
            self.claims_in[claim.turn_id].append(claim)
        self.outgoing: dict[str, list[Relation]] = defaultdict(list)
        self.incoming: dict[str, list[Relation]] = defaultdict(list)
        for relation in transcript.relations:
            self.outgoing[relation.source_id].append(relation)
            self.incoming[relation.target_id].append(relation)
        # Claims with at least one character outside the blank lines between paragraphs
        # get highlighted text; the others are reachable through their card only.
        self.visible = {
            claim.id
            for claim in transcript.claims
            if any(
                start < end
                for start, end in _clip(claim.start, claim.end, self.turns[claim.turn_id])
            )
        }

    # -- helpers -------------------------------------------------------------------

    def ordered_claims(self) -> list[Claim]:
        return sorted(
            self.t.claims, key=lambda c: (self.turn_order[c.turn_id], c.start, -c.end, c.id)
        )

    def href(self, id_: str) -> str:
        if id_ in self.claims and id_ not in self.visible:
            return "#" + _CARD_PREFIX + id_
        return "#" + id_

    def endpoint(self, id_: str) -> _Html:
        """A link to a claim or turn, with a few words that say what it is."""
        claim = self.claims.get(id_)
        if claim is not None:
            return _join(
                [
                    _el(
                        "a",
                        {"href": self.href(id_), "class": "dk-go", "data-go": id_},
                        _el(
                            "span", {"class": f"dk-chip {self.kind_class[claim.kind]}"}, claim.kind
                        ),
                        " ",
                        id_,
                    ),
                    " ",
                    _el("q", {"class": "dk-snippet"}, _snippet(claim.text)),
                ]
            )
        turn = self.turns[id_]
        return _join(
            [
                _el("a", {"href": "#" + id_, "class": "dk-go-turn"}, f"turn {id_}"),
                " ",
                _el("span", {"class": "dk-who"}, f"({self.names[turn.speaker_id]})"),
            ]
        )

    def relation_items(self, id_: str) -> list[_Html]:
        items: list[_Html] = []
        for relation in self.outgoing.get(id_, ()):
            items.append(
                _el(
                    "li",
                    {"class": "dk-out", "data-relation": relation.id},
                    _el("span", {"class": "dk-rk"}, relation.kind),
                    " ",
                    self.endpoint(relation.target_id),
                    self.relation_note(relation),
                )
            )
        for relation in self.incoming.get(id_, ()):
            items.append(
                _el(
                    "li",
                    {"class": "dk-in", "data-relation": relation.id},
                    self.endpoint(relation.source_id),
                    " ",
                    _el("span", {"class": "dk-rk"}, relation.kind),
                    " this",
                    self.relation_note(relation),
                )
            )
        return items

    @staticmethod
    def relation_note(relation: Relation) -> _Html | None:
        if relation.note is None:
            return None
        return _el("span", {"class": "dk-rnote"}, " — ", relation.note)

    def related(self, id_: str) -> list[str]:
        ids = [r.target_id for r in self.outgoing.get(id_, ())]
        ids += [r.source_id for r in self.incoming.get(id_, ())]
        return list(dict.fromkeys(i for i in ids if i in self.claims))

    def claim_title(self, claim: Claim) -> str:
        """A hover text: the claim's kind and id, and its relations in words."""
        parts = [f"{claim.kind} {claim.id}"]
        parts += [f"{r.kind} {r.target_id}" for r in self.outgoing.get(claim.id, ())]
        parts += [f"{r.source_id} {r.kind} this" for r in self.incoming.get(claim.id, ())]
        return "; ".join(parts)


def _clip(start: int, end: int, turn: Turn) -> list[tuple[int, int]]:
    """The parts of ``start..end`` that fall inside each paragraph of ``turn``."""
    parts = []
    offset = 0
    for paragraph in turn.paragraphs:
        stop = offset + len(paragraph)
        parts.append((max(start, offset), min(end, stop)))
        offset = stop + 2
    return parts


# -- the page --------------------------------------------------------------------------


def dumps(transcript: Transcript, /, *, title: str | None = None) -> str:
    """Render ``transcript`` as one self-contained HTML page.

    Args:
        transcript: The transcript.
        title: The page title; by default the event's title, else ``"Transcript"``.

    Returns:
        An HTML5 document (``<!DOCTYPE html>`` first), ending in a newline.
    """
    check_transcript(transcript)
    _losses.warn(transcript, "html")
    page = _Page(transcript)
    event = transcript.event
    heading = title if title is not None else event.title or "Transcript"
    style = _STYLE + _kind_style(page) + _speaker_style(transcript.speakers)
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha256(style)}'; script-src '{_sha256(_SCRIPT)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    head = _el(
        "head",
        None,
        _el("meta", {"charset": "utf-8"}),
        _el("meta", {"http-equiv": "Content-Security-Policy", "content": csp}),
        _el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        _el("meta", {"name": "referrer", "content": "no-referrer"}),
        _el("meta", {"name": "color-scheme", "content": "light dark"}),
        _el("meta", {"name": "generator", "content": "debatekit"}),
        _el("title", None, heading),
        _el("link", {"rel": "icon", "href": "data:,"}),
        _el("style", None, _Html(style)),
    )
    main = _el(
        "main",
        {"class": "dk-main", "id": "dk:main"},
        _printed("Printed before the transcript", transcript.front, "dk-front"),
        _el(
            "section",
            {"class": "dk-body", "aria-label": "Transcript"},
            _join(_body_item(page, item) for item in transcript.body),
        ),
        _printed("Printed after the transcript", transcript.back, "dk-back"),
        _claims_section(page),
        _metadata(transcript),
    )
    side = _el(
        "aside",
        {"class": "dk-side", "aria-label": "Claims and speakers"},
        _panel() if transcript.claims else None,
        _legend(page),
        _speakers_section(page),
    )
    body = _el(
        "body",
        None,
        _el("a", {"class": "dk-skip", "href": "#dk:main"}, "Skip to the transcript"),
        _header(transcript, heading),
        _el("div", {"class": "dk-layout"}, main, side),
        _el(
            "footer",
            {"class": "dk-foot"},
            "Made with debatekit. This page works offline and loads nothing from the network.",
        ),
        _el("script", None, _Html(_SCRIPT)),
    )
    lang = {"lang": event.language} if event.language else {}
    return "<!DOCTYPE html>\n" + _el("html", lang, head, body) + "\n"


def dump(transcript: Transcript, fp: IO[bytes], /, *, title: str | None = None) -> None:
    """Write the page of :func:`dumps` as UTF-8 to a binary file."""
    check_binary(fp, "wb")
    fp.write(dumps(transcript, title=title).encode("utf-8"))


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _kind_style(page: _Page) -> str:
    return "".join(
        f".{page.kind_class[kind]}{{--bg:{bg};--fg:{fg}}}"
        for kind, (bg, fg) in page.kind_colour.items()
    )


def _speaker_style(speakers: Sequence[Speaker]) -> str:
    count = min(len(speakers), len(_SPEAKER_COLOURS))
    return "".join(f".dk-s{i}{{--sp:{_SPEAKER_COLOURS[i]}}}" for i in range(count))


def _speaker_class(page: _Page, speaker_id: str) -> str:
    return f"dk-s{page.speaker_index[speaker_id] % len(_SPEAKER_COLOURS)}"


def _header(transcript: Transcript, heading: str) -> _Html:
    event = transcript.event
    kicker = [event.kind, event.series]
    if event.date is not None:
        when = _date(event.date)
        if event.end_date is not None and event.end_date != event.date:
            when += f" – {_date(event.end_date)}"
        kicker.append(when)
    kicker.append(event.place)
    facts: list[_Html] = []
    if event.published is not None and event.published != event.date:
        facts.append(_el("span", None, "Published ", _date(event.published)))
    for label, value in (("by", event.publisher), ("organised by", event.organizer)):
        if value:
            facts.append(_el("span", None, f"{label} {value}"))
    return _el(
        "header",
        {"class": "dk-head"},
        _el("p", {"class": "dk-kicker"}, " · ".join(k for k in kicker if k))
        if any(kicker)
        else None,
        _el("h1", None, heading),
        _el("p", {"class": "dk-sub"}, event.subtitle) if event.subtitle else None,
        _el("p", {"class": "dk-facts"}, _join(facts, " · ")) if facts else None,
        _el("p", {"class": "dk-desc"}, event.description) if event.description else None,
        _source(event.source),
        _el("p", {"class": "dk-credits"}, _join(event.credits, " · ")) if event.credits else None,
    )


def _source(source: str | None) -> _Html | None:
    if not source:
        return None
    if source.startswith(("https://", "http://")) and not any(c.isspace() for c in source):
        target: _Child = _el("a", {"href": source, "rel": "noopener noreferrer"}, source)
    else:
        target = source
    return _el("p", {"class": "dk-source"}, "Source: ", target)


def _printed(label: str, paragraphs: Sequence[str], cls: str) -> _Html | None:
    if not paragraphs:
        return None
    return _el(
        "details",
        {"class": f"dk-printed {cls}"},
        _el("summary", None, f"{label} ({len(paragraphs)} paragraphs)"),
        _join(_el("p", None, p) for p in paragraphs),
    )


def _speakers_section(page: _Page) -> _Html | None:
    items = []
    for stats, speaker in zip(page.t.speaker_stats(), page.t.speakers, strict=True):
        about = ", ".join(a for a in (speaker.role, speaker.affiliation) if a)
        share = f"{stats.share:.0%}"
        items.append(
            _el(
                "li",
                {"id": speaker.id, "class": f"dk-sp {_speaker_class(page, speaker.id)}"},
                _el(
                    "p",
                    {"class": "dk-sp-name"},
                    _el("span", {"class": "dk-dot", "aria-hidden": "true"}),
                    _el("span", {"class": "dk-name"}, speaker.name),
                    _el("span", {"class": "dk-share"}, share),
                ),
                _el("p", {"class": "dk-about"}, about) if about else None,
                _el("p", {"class": "dk-about"}, speaker.description)
                if speaker.description
                else None,
                _el(
                    "p",
                    {"class": "dk-sp-stats"},
                    _el("span", {"class": "dk-turns"}, _plural(stats.turns, "turn")),
                    " · ",
                    _el("span", {"class": "dk-words"}, _plural(stats.words, "word")),
                    " · ",
                    _el(
                        "meter",
                        {
                            "min": "0",
                            "max": "1",
                            "value": f"{stats.share:.4f}",
                            "title": f"{share} of all words",
                        },
                        share,
                    ),
                ),
            )
        )
    if not items:
        return None
    return _el(
        "section",
        {"class": "dk-box dk-speakers", "aria-labelledby": "dk:speakers"},
        _el("h2", {"id": "dk:speakers"}, "Speakers"),
        _el("ul", None, _join(items)),
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _legend(page: _Page) -> _Html | None:
    if not page.kinds:
        return None
    counts: dict[str, int] = defaultdict(int)
    for claim in page.t.claims:
        counts[claim.kind] += 1
    items = [
        _el(
            "li",
            None,
            _el("span", {"class": f"dk-chip {page.kind_class[kind]}"}, kind),
            f" {counts[kind]}",
        )
        for kind in page.kinds
    ]
    relations = len(page.t.relations)
    return _el(
        "section",
        {"class": "dk-box dk-legend", "aria-labelledby": "dk:legend"},
        _el("h2", {"id": "dk:legend"}, "Claims by kind"),
        _el("ul", None, _join(items)),
        _el(
            "p",
            {"class": "dk-hint"},
            f"{len(page.t.claims)} claims, {relations} relation{'s' if relations != 1 else ''}. "
            "Select a highlighted passage to see what it supports, attacks or answers. "
            "A thicker underline marks a claim inside another claim.",
        ),
    )


def _panel() -> _Html:
    return _el(
        "section",
        {
            "id": _PANEL_ID,
            "class": "dk-panel",
            "aria-labelledby": "dk:panel-title",
            "tabindex": "-1",
            "hidden": True,
        },
        _el(
            "div",
            {"class": "dk-panel-head"},
            _el("h2", {"id": "dk:panel-title"}, "Selected claim"),
            _el(
                "button",
                {"type": "button", "class": "dk-close", "aria-label": "Close the claim panel"},
                "×",
            ),
        ),
        _el("div", {"class": "dk-panel-body", "aria-live": "polite"}),
    )


def _body_item(page: _Page, item: Turn | Incident) -> _Html:
    if isinstance(item, Incident):
        return _el(
            "p",
            {
                "class": f"dk-stage dk-i-{item.kind}",
                "id": item.id,
                "role": "note",
                "title": _incident_title(item, page.names),
            },
            _incident_label(item),
        )
    return _turn(page, item)


def _turn(page: _Page, turn: Turn) -> _Html:
    speaker = page.t.speaker(turn.speaker_id)
    times = ""
    if turn.start is not None or turn.end is not None:
        start = format_clock(turn.start, short=True) if turn.start is not None else ""
        end = format_clock(turn.end, short=True) if turn.end is not None else ""
        times = f"{start}–{end}" if end else start
    head = _el(
        "header",
        {"class": "dk-turn-head"},
        _el(
            "h3",
            {"id": f"dk:h:{turn.id}", "title": turn.label},
            _el("a", {"href": "#" + speaker.id, "class": "dk-speaker"}, speaker.name),
        ),
        _el("span", {"class": "dk-role"}, speaker.role) if speaker.role else None,
        _el("span", {"class": "dk-label"}, f"as printed: {turn.label}")
        if turn.label and not turn.label.startswith(speaker.name)
        else None,
        _el("span", {"class": "dk-time"}, times) if times else None,
        _el(
            "a",
            {"class": "dk-permalink", "href": "#" + turn.id, "title": "Link to this turn"},
            turn.id,
        ),
    )
    relations = page.relation_items(turn.id)
    return _el(
        "article",
        {
            "class": f"dk-turn {_speaker_class(page, turn.speaker_id)}",
            "id": turn.id,
            "aria-labelledby": f"dk:h:{turn.id}",
            "data-speaker": turn.speaker_id,
        },
        head,
        _turn_text(page, turn),
        _el("ul", {"class": "dk-rels dk-turn-rels"}, _join(relations)) if relations else None,
    )


def _turn_text(page: _Page, turn: Turn) -> _Html:
    """The paragraphs of a turn, cut into segments at every claim and incident boundary."""
    claims = page.claims_in.get(turn.id, [])
    spans = [i for i in turn.incidents if i.length and i.offset is not None]
    points = [i for i in turn.incidents if not i.length and i.offset is not None]
    # A span incident that covers only the blank line between two paragraphs has no
    # visible text to mark: show it where it starts, as a point.
    for incident in list(spans):
        parts = _clip(incident.offset or 0, (incident.offset or 0) + incident.length, turn)
        if not any(a < b for a, b in parts):
            spans.remove(incident)
            points.append(incident)
    points.sort(key=lambda i: i.offset or 0)
    started: set[str] = set()
    blocks: list[_Html] = []
    offset = 0
    for index, paragraph in enumerate(turn.paragraphs):
        stop = offset + len(paragraph)
        last = index == len(turn.paragraphs) - 1
        here = [i for i in points if offset <= (i.offset or 0) <= stop]
        between = [] if last else [i for i in points if stop < (i.offset or 0) < stop + 2]
        blocks.append(
            _el("p", None, _paragraph(page, paragraph, offset, claims, spans, here, started))
        )
        if between:
            blocks.append(
                _el("p", {"class": "dk-between"}, _join(_marker(page, i) for i in between))
            )
        offset = stop + 2
    if not turn.paragraphs and points:
        blocks.append(_el("p", {"class": "dk-between"}, _join(_marker(page, i) for i in points)))
    return _join(blocks)


def _marker(page: _Page, incident: Incident) -> _Html:
    return _el(
        "span",
        {
            "class": f"dk-inc dk-i-{incident.kind}",
            "id": incident.id,
            "role": "note",
            "title": _incident_title(incident, page.names),
        },
        _incident_label(incident),
    )


def _paragraph(
    page: _Page,
    paragraph: str,
    offset: int,
    claims: Sequence[Claim],
    spans: Sequence[Incident],
    points: Sequence[Incident],
    started: set[str],
) -> _Html:
    stop = offset + len(paragraph)
    cuts = {offset, stop}
    for claim in claims:
        cuts.update(x for x in (claim.start, claim.end) if offset < x < stop)
    for incident in spans:
        ends = (incident.offset or 0, (incident.offset or 0) + incident.length)
        cuts.update(x for x in ends if offset < x < stop)
    for incident in points:
        cuts.add(incident.offset or 0)
    bounds = sorted(cuts)
    out: list[_Html] = []
    for a, b in zip(bounds, [*bounds[1:], None], strict=True):
        out.extend(_marker(page, i) for i in points if i.offset == a)
        if b is None or a == b:
            continue
        text = paragraph[a - offset : b - offset]
        covering = sorted(
            (c for c in claims if c.start <= a and b <= c.end),
            key=lambda c: (c.end - c.start, -c.start, c.id),
        )
        marking = [i for i in spans if (i.offset or 0) <= a and b <= (i.offset or 0) + i.length]
        out.append(_segment(page, text, covering, marking, started))
    return _join(out)


def _segment(
    page: _Page,
    text: str,
    covering: Sequence[Claim],
    marking: Sequence[Incident],
    started: set[str],
) -> _Html:
    if not covering and not marking:
        return _Html(_text(text))
    classes: list[str] = []
    attrs: dict[str, str | bool | None] = {}
    titles: list[str] = []
    anchors: list[_Html] = []
    if covering:
        innermost = covering[0]
        classes += ["dk-c", page.kind_class[innermost.kind], f"dk-d{min(len(covering), 3)}"]
        attrs["data-claims"] = " ".join(c.id for c in covering)
        titles += [page.claim_title(c) for c in covering]
        new = [c.id for c in covering if c.id not in started]
        if new:
            # The first visible piece of a claim: its anchor, and a keyboard stop.
            started.update(new)
            anchors = [_el("span", {"class": "dk-anchor", "id": cid}) for cid in sorted(new)]
            attrs |= {"tabindex": "0", "role": "button", "aria-controls": _PANEL_ID}
    if marking:
        classes.append("dk-ins")
        titles += [_incident_title(i, page.names) for i in marking]
        ids = " ".join(i.id for i in marking if i.id)
        attrs["data-incidents"] = ids or None
    attrs = {"class": " ".join(classes), **attrs, "title": "\n".join(titles)}
    return _join([*anchors, _el("span", attrs, text)])


def _claims_section(page: _Page) -> _Html | None:
    if not page.t.claims:
        return None
    cards = [_card(page, claim) for claim in page.ordered_claims()]
    return _el(
        "section",
        {"class": "dk-claims", "aria-labelledby": "dk:claims"},
        _el("h2", {"id": "dk:claims"}, f"Claims and relations ({len(cards)})"),
        _el("ol", {"class": "dk-cards"}, _join(cards)),
    )


def _card(page: _Page, claim: Claim) -> _Html:
    turn = page.turns[claim.turn_id]
    facts: list[_Child] = [
        _el("span", {"class": f"dk-chip {page.kind_class[claim.kind]}"}, claim.kind),
        _el("a", {"href": page.href(claim.id), "class": "dk-go", "data-go": claim.id}, claim.id),
        _el(
            "span",
            None,
            page.names[turn.speaker_id],
            ", ",
            _el("a", {"href": "#" + turn.id}, f"turn {turn.id}"),
        ),
    ]
    if claim.stance:
        facts.append(_el("span", None, f"stance: {claim.stance}"))
    if claim.topics:
        facts.append(_el("span", None, "topics: " + ", ".join(claim.topics)))
    relations = page.relation_items(claim.id)
    meta = (
        _el(
            "dl",
            {"class": "dk-meta"},
            _join(
                _join([_el("dt", None, key), _el("dd", None, value)])
                for key, value in claim.meta.items()
            ),
        )
        if claim.meta
        else None
    )
    return _el(
        "li",
        {
            "class": "dk-card",
            "id": _CARD_PREFIX + claim.id,
            "data-claim": claim.id,
            "data-related": " ".join(page.related(claim.id)) or None,
        },
        _el("p", {"class": "dk-card-head"}, _join(facts, " ")),
        _el("blockquote", {"class": "dk-quote"}, claim.text),
        _el("p", {"class": "dk-prop"}, _el("b", None, "Proposition: "), claim.proposition)
        if claim.proposition
        else None,
        _el("p", {"class": "dk-note"}, _el("b", None, "Note: "), claim.note)
        if claim.note
        else None,
        meta,
        _el("ul", {"class": "dk-rels"}, _join(relations))
        if relations
        else _el("p", {"class": "dk-norel"}, "No relations."),
    )


def _metadata(transcript: Transcript) -> _Html | None:
    rows = [(f"event: {k}", v) for k, v in transcript.event.meta.items()]
    rows += list(transcript.meta.items())
    if not rows:
        return None
    return _el(
        "details",
        {"class": "dk-printed dk-metadata"},
        _el("summary", None, "Metadata"),
        _el(
            "dl",
            {"class": "dk-meta"},
            _join(_join([_el("dt", None, k), _el("dd", None, v)]) for k, v in rows),
        ),
    )


def _asset(name: str) -> str:
    """A file of the page's furniture, shipped in ``debatekit/_assets/html``."""
    folder = resources.files("debatekit").joinpath("_assets").joinpath("html")
    return folder.joinpath(name).read_text("utf-8")


#: The page's style sheet and script, read once. The script is kept small and
#: dependency-free: every claim segment carries ``data-claims`` (the ids of the claims
#: covering it, innermost first); every claim has a card ``dk:card:ID`` in the list at
#: the end of the page, which the panel shows a copy of.
_STYLE = _asset("page.css")
_SCRIPT = _asset("page.js")
