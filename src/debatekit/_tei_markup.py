"""The TEI reader, phrase-level markup: ``choice``, ``del``, ``hi``, ``name``, ... as
:class:`~debatekit.Markup` spans over a turn's text.

While an utterance is read, each markup element leaves two marks in its text (where it
opens and where it closes) and an :class:`Open` / :class:`Close` event beside the
incidents; once white space is normalised, the marks' places give the spans.

Part of the TEI reader (see :mod:`debatekit._tei_read`).
"""

from __future__ import annotations

import attrs

from ._tei_base import Element, _attr_name, attributes, local, text_of
from ._tei_common import READING_OF
from ._tei_tokens import PendingSentence
from .models import Incident, Markup

_READINGS = frozenset(READING_OF.values())


@attrs.define(eq=False)
class Open:
    """Where a markup element opens (its mark is the span's start)."""

    kind: str
    meta: dict[str, str]
    alternative: str | None = None
    alternative_kind: str | None = None


@attrs.define(eq=False)
class Close:
    """Where the markup element ``opened`` closes."""

    opened: Open


Event = Incident | Open | Close | PendingSentence


def element_meta(el: Element) -> dict[str, str]:
    """An element's attributes by their TEI names (``xml:lang``, ``type``, ...)."""
    return {_attr_name(k): v for k, v in attributes(el)}


def choice(el: Element) -> tuple[Open, Element | None, int]:
    """A ``choice``: its event, the child holding the text's reading, and how many
    further readings it has that the model cannot keep (reported by the caller)."""
    children = [c for c in el if local(c.tag) is not None]
    reading = next((c for c in children if local(c.tag) in _READINGS), None)
    if reading is None and children:
        reading = children[0]
    others = [c for c in children if c is not reading]
    opened = Open("choice", element_meta(el))
    if others:
        opened.alternative = text_of(others[0])
        opened.alternative_kind = local(others[0].tag)
    return opened, reading, max(len(others) - 1, 0)


def deletion(el: Element) -> Open:
    """A ``del``: it covers no text; what was deleted is its alternative."""
    return Open("del", element_meta(el), alternative=text_of(el))


def place(
    marked: list[tuple[int, Event]], base: int
) -> tuple[list[tuple[int, Incident]], list[Markup]]:
    """Split a paragraph's events into incidents (with their marks) and markup spans
    (offsets from ``base``), the spans ordered by offset, the longer first."""
    incidents: list[tuple[int, Incident]] = []
    starts: dict[int, int] = {}
    spans: list[tuple[int, Markup]] = []
    order: dict[int, int] = {}
    for mark, event in marked:
        if isinstance(event, Incident):
            incidents.append((mark, event))
        elif isinstance(event, Open):
            starts[id(event)] = mark
            order[id(event)] = len(order)
        elif isinstance(event, Close):
            opened = event.opened
            start = starts.pop(id(opened))
            span = Markup(
                kind=opened.kind,
                offset=base + start,
                length=0 if opened.kind == "del" else mark - start,
                alternative=opened.alternative,
                alternative_kind=opened.alternative_kind,
                meta=opened.meta,
            )
            spans.append((order[id(opened)], span))
    spans.sort(key=lambda item: (item[1].offset, -item[1].length, item[0]))
    return incidents, [span for _, span in spans]


def unplaced(events: list[Event]) -> list[Incident]:
    """Events of a paragraph with no text: incidents stay; markup that holds words (a
    deletion, a choice's other reading) becomes a note that names its element."""
    kept: list[Incident] = []
    for event in events:
        if isinstance(event, Incident):
            kept.append(event)
        elif isinstance(event, Open) and event.alternative:
            meta = {"element": event.kind, **event.meta}
            kept.append(Incident(kind="note", text=event.alternative, meta=meta))
    return kept
