"""Read TEI P5 transcripts and ParlaMint sessions into the model (see docs/formats/tei.md).

The reader works on one element at a time, so that the same code serves the tree
reader (:func:`read_tree`) and the streaming reader (:func:`iter_items`): the header,
the standOff annotations, then each child of the body's divisions, in document order.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from typing import IO, Any

from lxml import etree

from ._tei_base import (
    _DIV_TAGS,
    _T,
    Context,
    Element,
    Lists,
    _attr_name,
    _wrapper,
    find_lists,
    folder_of,
    local,
    resolve_include,
)
from ._tei_body import Reader
from ._tei_safe import chunks, pull_parser, syntax_error
from .errors import DebatekitError, ParseWarning, _report
from .models import Incident, Transcript, Turn

__all__ = [
    "Context",
    "Lists",
    "Reader",
    "find_lists",
    "folder_of",
    "iter_items",
    "local",
    "read_stream",
    "read_tree",
    "resolve_include",
]


# -- whole documents ------------------------------------------------------------------


def read_tree(root: Element, ctx: Context, lists: Lists | None, lookup: Any) -> Transcript:
    """Read a parsed TEI document."""
    tag = local(root.tag)
    if tag == "teiCorpus":
        raise ctx.error("a teiCorpus root: read it with debatekit.tei.read_corpus()", root)
    if tag != "TEI":
        raise ctx.error(f"expected a TEI document, found <{_attr_name(str(root.tag))}>", root)
    reader = Reader(ctx, lists, lookup)
    reader.root(root)
    header = root.find(_T + "teiHeader")
    for stand_off in root.iter(_T + "standOff"):
        reader.stand_off(stand_off)
    for timeline in root.iter(_T + "timeline"):
        reader.timeline(timeline)
    if header is not None:
        reader.header(header)
    reader.keep_texts = bool(reader.spans)  # only claims need the turns' texts
    body_items: list[Turn | Incident] = []
    text = root.find(_T + "text")
    if text is not None:
        for part in text:
            name = local(part.tag)
            if name == "body":
                for child in part:
                    if isinstance(child.tag, str):
                        reader.body_child(child, body_items)
                reader.flush(body_items)
            elif name == "front":
                reader.front_back(part, reader.front)
            elif name == "back":
                reader.front_back(part, reader.back)
    return reader.finish(body_items)


def iter_items(
    fp: IO[bytes] | str, ctx: Context, lists: Lists | None, lookup: Any, huge_tree: bool
) -> Iterator[Turn | Incident]:
    """Stream the body items of one session file; each element is freed once read."""
    reader = Reader(ctx, lists, lookup)
    reader.keep_texts = False
    parser = pull_parser(huge_tree)
    walk = _Walk(reader, ctx, whole=False)
    try:
        yield from walk.items(_pull(parser, fp, ctx.source))
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, ctx.source, parser.error_log) from None


#: Parts of a document the one-pass reader cannot place as the tree reader does (they
#: annotate or time the body, wherever they stand): their names send it to the tree.
_NEEDS_TREE = (b"standOff", b"timeline")


def read_stream(
    data: bytes, ctx: Context, lists: Lists | None, lookup_for: Any, huge_tree: bool
) -> Transcript | None:
    """Read a whole document in one pass of a pull parser, never holding its tree.

    The same transcript as :func:`read_tree`, or ``None`` where the document needs the
    tree reader: it names a ``standOff`` or a ``timeline``, or reading fails (the tree
    reader then gives the error as it always does). Problems found on the way are
    warned about only once the pass has succeeded, so that a fallback warns once.
    """
    if any(name in data for name in _NEEDS_TREE):
        return None
    deferred: list[ParseWarning] = []
    ctx.deferred = deferred
    reader = Reader(ctx, lists, None)
    reader.keep_texts = False  # (no standOff: no claim needs the turns' texts)
    parser = pull_parser(huge_tree)
    walk = _Walk(reader, ctx, whole=True, lookup_for=lookup_for)
    try:
        body = list(walk.items(_feed(parser, data)))
        transcript = reader.finish(body)
    except (etree.XMLSyntaxError, DebatekitError):
        return None
    finally:
        ctx.deferred = None
    for warning in deferred:
        _report(warning, strict=False)
    return transcript


class _Walk:
    """The events of one document, read element by element: header, front, body, back.

    ``whole``: read the front and back matter too, and only the parts the tree reader
    reads (the root's first ``text`` and its ``body``); otherwise only the body items,
    of the first body found. Every element read is freed, with the siblings before it.
    Depths are counted, so that the inside of an utterance (most of the events) costs
    one comparison per event.
    """

    def __init__(self, reader: Reader, ctx: Context, whole: bool, lookup_for: Any = None) -> None:
        self.reader, self.ctx, self.whole, self.lookup_for = reader, ctx, whole, lookup_for
        self.root: Element | None = None
        self.text_depth = 0  # the depth of the root's first <text> while it is open
        self.texts = 0
        self.header: Element | None = None
        # The depths of the body and the divisions open in it (innermost last).
        self.levels: list[int] = []

    def _root(self, el: Element) -> None:
        self.root = el
        dtd = el.getroottree().docinfo.internalDTD
        if dtd is not None and list(dtd.iterentities()):
            raise self.ctx.error("a DTD internal subset is not allowed", el)
        if local(el.tag) != "TEI":
            raise self.ctx.error("iter_body() reads one TEI session file", el)
        self.reader.root(el)
        if self.lookup_for is not None:
            self.reader.lookup = self.lookup_for(el)

    def _outside(self, el: Element, depth: int) -> None:
        """A start outside the body: note the root's first text, its header, a body."""
        tag = el.tag
        if depth == 2 and tag == _T + "text":
            self.texts += 1
            if self.texts == 1:
                self.text_depth = 2
        elif depth == 2 and tag == _T + "teiHeader" and self.header is None:
            self.header = el
        elif tag == _T + "body" and (
            (self.text_depth and depth == 3) if self.whole else not self.levels
        ):
            self.levels.append(depth)

    def _end_outside(self, el: Element, depth: int) -> bool:
        """An end outside the body; whether the element was read (and is to be freed)."""
        tag = el.tag
        if el is self.header:
            self.reader.header(el)
        elif tag == _T + "standOff" and not self.whole:
            self.reader.stand_off(el)
        elif self.whole and self.text_depth and depth == 3 and tag == _T + "front":
            self.reader.front_back(el, self.reader.front)
        elif self.whole and self.text_depth and depth == 3 and tag == _T + "back":
            self.reader.front_back(el, self.reader.back)
        else:
            if depth == self.text_depth:
                self.text_depth = 0
            return False
        return True

    def items(self, events: Iterator[tuple[str, Element]]) -> Iterator[Turn | Incident]:
        reader = self.reader
        levels = self.levels
        out: list[Turn | Incident] = []  # the items of one body child
        depth = 0
        inside = 0  # the depth of the body child being read, whose inside is skipped
        for event, el in events:
            if event == "start":
                depth += 1
                if inside:
                    continue
                if not levels:
                    if self.root is None:
                        self._root(el)
                    else:
                        self._outside(el, depth)
                elif depth == levels[-1] + 1:
                    if el.tag in _DIV_TAGS:
                        levels.append(depth)
                        reader.flush(out)
                        yield from out
                        out.clear()
                        if not _wrapper(el):
                            yield reader.division(el)
                    else:
                        inside = depth
                continue
            depth -= 1
            if inside:
                if depth + 1 != inside:
                    continue
                inside = 0
                if isinstance(el.tag, str):
                    reader.body_child(el, out)
                    if out:
                        yield from out
                        out.clear()
                if reader.pending_label is el:
                    continue  # freed with the utterance it labels
            elif levels and depth + 1 == levels[-1]:
                levels.pop()  # the body, or a division in it
                reader.flush(out)
                yield from out
                out.clear()
            elif levels or not self._end_outside(el, depth + 1):
                continue
            el.clear(keep_tail=True)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]


def _feed(parser: etree.XMLPullParser, data: bytes) -> Iterator[tuple[str, Element]]:
    """Feed a document held in memory to the parser in slices, and hand out its events."""
    return _events(parser, (data[start : start + _SLICE] for start in range(0, len(data), _SLICE)))


_SLICE = 1 << 20


def _pull(
    parser: etree.XMLPullParser, fp: IO[bytes] | str, source: str | None
) -> Iterator[tuple[str, Element]]:
    """Feed the file to the parser in chunks, prolog cleaned, and hand out its events."""
    with contextlib.ExitStack() as stack:
        f = stack.enter_context(open(fp, "rb")) if isinstance(fp, str) else fp
        yield from _events(parser, chunks(f, source))


def _events(parser: etree.XMLPullParser, pieces: Iterable[bytes]) -> Iterator[tuple[str, Element]]:
    """The parser's events as it is fed: the batches after each piece, chained in C (a
    generator frame per event would cost as much as the parse)."""
    etree.clear_error_log()
    return itertools.chain.from_iterable(_batches(parser, pieces))


def _batches(
    parser: etree.XMLPullParser, pieces: Iterable[bytes]
) -> Iterator[Iterator[tuple[str, Element]]]:
    for piece in pieces:
        parser.feed(piece)
        yield parser.read_events()
    parser.close()
    yield parser.read_events()
