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
        _text(reader, text, body_items)
    return reader.finish(body_items)


def _text(reader: Reader, text: Element, body_items: list[Turn | Incident]) -> None:
    """Read a ``text`` (or a ``group`` of texts, each in turn) into ``body_items``."""
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
        elif name in ("group", "text"):  # a composite text: its texts one after another
            _text(reader, part, body_items)


def iter_items(
    fp: IO[bytes] | str, ctx: Context, lists: Lists | None, lookup: Any, huge_tree: bool
) -> Iterator[Turn | Incident]:
    """Stream the body items of one session file; each element is freed once read."""
    reader = Reader(ctx, lists, lookup)
    reader.keep_texts = False
    parser = pull_parser(huge_tree, STRUCTURE)
    walk = _Walk(reader, ctx, whole=False)
    try:
        yield from walk.items(_pull(parser, fp, ctx.source))
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, ctx.source, parser.error_log) from None


#: Parts of a document the one-pass reader cannot place as the tree reader does (they
#: annotate or time the body, wherever they stand; a group holds several bodies): their
#: names send it to the tree.
_NEEDS_TREE = (b"standOff", b"timeline", b"<group")


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
    parser = pull_parser(huge_tree, STRUCTURE)
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
    """The structure of one document, followed as it is parsed: header, front, body, back.

    ``whole``: read the front and back matter too, and only the parts the tree reader
    reads (the root's first ``text`` and its ``body``); otherwise only the body items,
    of a body found outside any other. The parser reports only the structure's elements
    (see :data:`STRUCTURE`), so that an utterance's inside costs no Python at all: the
    children of the innermost open division are read once complete (when the next
    division starts, when it ends, and after each piece fed, all but its last child),
    and freed; so is every other part once read.
    """

    def __init__(self, reader: Reader, ctx: Context, whole: bool, lookup_for: Any = None) -> None:
        self.reader, self.ctx, self.whole, self.lookup_for = reader, ctx, whole, lookup_for
        self.root: Element | None = None
        self.text: Element | None = None  # the root's first <text>
        self.header: Element | None = None
        # The body and the divisions open in it (innermost last).
        self.levels: list[Element] = []

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

    def _start(self, el: Element, out: list[Turn | Incident]) -> None:
        tag, levels = el.tag, self.levels
        if levels:
            if tag in _DIV_TAGS and el.getparent() is levels[-1]:
                self._children(levels[-1], out, stop=el)
                self.reader.flush(out)
                if not _wrapper(el):
                    out.append(self.reader.division(el))
                levels.append(el)
            return  # (else inside a body child: read with it)
        parent = el.getparent()
        if tag == _TEXT and parent is self.root and self.text is None:
            self.text = el
        elif tag == _HEADER and parent is self.root and self.header is None:
            self.header = el
        elif tag == _BODY and (not self.whole or (self.text is not None and parent is self.text)):
            levels.append(el)

    def _end(self, el: Element, out: list[Turn | Incident]) -> None:
        levels, reader = self.levels, self.reader
        if levels:
            if el is levels[-1]:  # the body, or a division in it: read, and removed
                self._children(el, out)
                levels.pop()
                reader.flush(out)
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    parent.remove(el)
            return
        tag = el.tag
        if el is self.header:
            reader.header(el)
        elif tag == _STAND_OFF and not self.whole:
            reader.stand_off(el)
        elif tag == _TIMELINE and not self.whole:  # outside the body (ISO 24624: in text)
            reader.timeline(el)
        elif self.whole and tag == _FRONT and el.getparent() is self.text:
            reader.front_back(el, reader.front)
        elif self.whole and tag == _BACK and el.getparent() is self.text:
            reader.front_back(el, reader.back)
        else:
            return
        _free(el)

    def _children(
        self,
        container: Element,
        out: list[Turn | Incident],
        stop: Element | None = None,
        keep_last: bool = False,
    ) -> None:
        """Read the children of ``container`` (those before ``stop``; all but the last
        one with ``keep_last``) into ``out``, and free them: removed together once no
        Python object refers to them any more, in C (a label kept for the utterance it
        labels stays alive, moved out of the tree, as with ``remove()``)."""
        del container[: self._read_children(container, out, stop, keep_last)]

    def _read_children(
        self, container: Element, out: list[Turn | Incident], stop: Element | None, keep_last: bool
    ) -> int:
        """How many children :meth:`_children` read, their content freed."""
        reader = self.reader
        children = list(container)
        if keep_last:
            children = children[:-1]
        done = 0
        for child in children:
            if child is stop:
                break
            if isinstance(child.tag, str):
                reader.body_child(child, out)
            if child is not reader.pending_label:  # (freed with the utterance it labels)
                child.clear()
            done += 1
        return done

    def items(self, batches: Iterator[Iterator[tuple[str, Element]]]) -> Iterator[Turn | Incident]:
        out: list[Turn | Incident] = []  # the items read, until handed out
        levels = self.levels
        for batch in batches:
            for event, el in batch:
                if self.root is None:
                    self._root(el.getroottree().getroot())
                if event == "start":
                    self._start(el, out)
                elif event == "end":
                    self._end(el, out)
                if out:
                    yield from out
                    out.clear()
            if levels:  # what is complete of the division being parsed
                self._children(levels[-1], out, keep_last=True)
                yield from out
                out.clear()


_TEXT, _HEADER, _BODY, _FRONT, _BACK, _STAND_OFF, _TIMELINE = (
    _T + name for name in ("text", "teiHeader", "body", "front", "back", "standOff", "timeline")
)
#: The elements whose events the one-pass reader follows: the document's structure.
STRUCTURE = sorted(
    {_T + "TEI", _TEXT, _HEADER, _BODY, _FRONT, _BACK, _STAND_OFF, _TIMELINE} | _DIV_TAGS
)


def _free(el: Element) -> None:
    """Free an element read, with the siblings before it."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _feed(parser: etree.XMLPullParser, data: bytes) -> Iterator[Iterator[tuple[str, Element]]]:
    """Feed a document held in memory to the parser in slices, and hand out its events."""
    return _events(parser, (data[start : start + _SLICE] for start in range(0, len(data), _SLICE)))


_SLICE = 1 << 20


def _pull(
    parser: etree.XMLPullParser, fp: IO[bytes] | str, source: str | None
) -> Iterator[Iterator[tuple[str, Element]]]:
    """Feed the file to the parser in chunks, prolog cleaned, and hand out its events."""
    with contextlib.ExitStack() as stack:
        f = stack.enter_context(open(fp, "rb")) if isinstance(fp, str) else fp
        yield from _events(parser, chunks(f, source))


def _events(
    parser: etree.XMLPullParser, pieces: Iterable[bytes]
) -> Iterator[Iterator[tuple[str, Element]]]:
    """The parser's events as it is fed, in batches (one per piece); the last batch
    ends with ``("close", root)``."""
    etree.clear_error_log()
    for piece in pieces:
        parser.feed(piece)
        yield parser.read_events()
    root = parser.close()
    yield itertools.chain(parser.read_events(), [("close", root)])
