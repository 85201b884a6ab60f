"""Read TEI P5 transcripts and ParlaMint sessions into the model (see docs/formats/tei.md).

The reader works on one element at a time, so that the same code serves the tree
reader (:func:`read_tree`) and the streaming reader (:func:`iter_items`): the header,
the standOff annotations, then each child of the body's divisions, in document order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
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
from .errors import DebatekitError
from .models import Incident, Transcript, Turn

__all__ = [
    "Context",
    "Lists",
    "Reader",
    "find_lists",
    "folder_of",
    "iter_items",
    "local",
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
    body_items: list[Turn | Incident] = []
    text = root.find(_T + "text")
    if text is not None:
        for part in text:
            name = local(part.tag)
            if name == "body":
                for child in part:
                    if isinstance(child.tag, str):
                        body_items.extend(reader.body_child(child))
                body_items.extend(reader.flush())
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
    context = _pull(parser, fp, ctx.source)
    in_body = False
    started = False
    try:
        for event, el in context:
            tag = el.tag
            if event == "start":
                if not started:
                    started = True
                    dtd = el.getroottree().docinfo.internalDTD
                    if dtd is not None and list(dtd.iterentities()):
                        raise ctx.error("a DTD internal subset is not allowed", el)
                    if local(tag) != "TEI":
                        raise ctx.error("iter_body() reads one TEI session file", el)
                    reader.root(el)
                elif tag == _T + "body":
                    in_body = True
                elif in_body and tag in _DIV_TAGS:
                    yield from reader.flush()
                    if not _wrapper(el):
                        yield reader.division(el)
                continue
            if tag == _T + "teiHeader":
                reader.header(el)
            elif tag == _T + "standOff":
                reader.stand_off(el)
            elif tag == _T + "body":
                in_body = False
                yield from reader.flush()
            elif in_body and tag in _DIV_TAGS:
                yield from reader.flush()
            elif in_body:
                parent = el.getparent()
                if parent is None or (parent.tag != _T + "body" and parent.tag not in _DIV_TAGS):
                    continue
                if isinstance(tag, str):
                    yield from reader.body_child(el)
                if reader.pending_label is el:
                    continue  # freed with the utterance it labels
            else:
                continue
            el.clear(keep_tail=True)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, ctx.source, parser.error_log) from None
    except DebatekitError:
        raise


def _pull(
    parser: etree.XMLPullParser, fp: IO[bytes] | str, source: str | None
) -> Iterator[tuple[str, Element]]:
    """Feed the file to the parser in chunks, prolog cleaned, and hand out its events."""
    etree.clear_error_log()
    with contextlib.ExitStack() as stack:
        f = stack.enter_context(open(fp, "rb")) if isinstance(fp, str) else fp
        for chunk in chunks(f, source):
            parser.feed(chunk)
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()
