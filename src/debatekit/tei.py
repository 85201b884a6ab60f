"""debatekit's TEI format: TEI P5 transcriptions of speech and ParlaMint corpora.

Read a TEI document (``<TEI>``) into a :class:`~debatekit.Transcript`, write one back
as TEI P5 that validates against ``tei_all``, and read whole ParlaMint corpora::

    >>> from debatekit import tei
    >>> transcript = tei.loads(tei.dumps(transcript))          # doctest: +SKIP
    >>> for session in tei.read_corpus("ParlaMint-ES-PV.xml"):  # doctest: +SKIP
    ...     print(session.event.date, len(session.turns))

The mapping between TEI and the model is documented in ``docs/formats/tei.md``.

The parser never resolves entities, never loads a DTD and never touches the
network: a document with a DTD internal subset (where entities are declared) is
refused before parsing, and a DOCTYPE that names an external DTD is ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import IO

from lxml import etree

from . import _losses
from ._io import check_binary, check_document, check_transcript, gc_paused, source_name
from ._tei_common import XI_INCLUDE, normalize
from ._tei_read import (
    Context,
    Lists,
    find_lists,
    folder_of,
    iter_items,
    local,
    read_stream,
    read_tree,
    resolve_include,
)
from ._tei_safe import as_bytes, clean_prolog, parse_bytes, parse_file
from .errors import ParseError, WriteError
from .models import Incident, Transcript, Turn

__all__ = [
    "dump",
    "dumps",
    "iter_body",
    "iter_turns",
    "load",
    "loads",
    "plain_text",
    "read_corpus",
    "sessions",
]

_PathLike = str | os.PathLike[str]


def _parse_bytes(data: bytes, ctx: Context, huge_tree: bool) -> etree._ElementTree:
    tree = parse_bytes(data, ctx.source, huge_tree)
    # Defence in depth: clean_prolog() blanked any DOCTYPE, so neither can be here.
    info = tree.docinfo
    if info.internalDTD is not None or info.externalDTD is not None:  # pragma: no cover
        raise ParseError("a DTD is not allowed", source=ctx.source, lineno=1)
    return tree


def _lists(paths: Iterable[_PathLike] | None, ctx: Context) -> Lists | None:
    if paths is None:
        return None
    lists = Lists()
    for path in paths:
        name = os.fspath(path)
        lists.add_tree(parse_file(name).getroot(), name, ctx)
    return lists


def _lookup(source: str | None, root: etree._Element, ctx: Context) -> object:
    if source is None or not os.path.isfile(source):
        return None
    session_id = root.get("{http://www.w3.org/XML/1998/namespace}id")
    return lambda: find_lists(source, session_id, ctx)


@gc_paused  # linear in the size (see _io.no_gc); the reader makes no cyclic garbage
def loads(
    s: str | bytes,
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    lists: Iterable[_PathLike] | None = None,
    huge_tree: bool = False,
    allow_outside: bool = False,
    low_memory: bool = False,
) -> Transcript:
    """Read a transcript from a TEI document.

    Args:
        s: The document (``bytes`` in the encoding the XML declaration names).
        source: A name for the input, shown in error messages (a file name). When
            it names a file, speakers not declared in the document are looked up in
            the ParlaMint corpus lists beside it or one folder up.
        strict: ``False`` (the default) reads every document valid against
            ``tei_all``: a problem (an undeclared speaker, a dangling pointer, a
            value debatekit cannot read) is a :class:`~debatekit.ParseWarning` and the
            data is kept as well as it can be; ``True`` raises
            :class:`~debatekit.ParseError` instead.
        lists: Files holding the corpus ``listPerson`` / ``listOrg`` (or a corpus
            root that includes them), for a ParlaMint session read on its own.
        huge_tree: Lift libxml2's limits on text size and depth (trusted input only).
        allow_outside: Follow the corpus lists' ``xi:include`` s outside their
            folder too (by default they are refused: a corpus is a folder's tree).
        low_memory: Read the document in one pass, never holding its whole XML tree:
            the same transcript, in about a third of the memory and some more time
            (the command line reads sessions so). A document with a ``standOff`` or
            a ``timeline`` is read the usual way.

    Raises:
        ParseError: Malformed XML, a DTD internal subset, or a model invariant
            the document breaks; in strict mode also an utterance whose ``@who``
            names no person, a dangling pointer or an unreadable value. The message
            names the file, line and column.
    """
    check_document(s)
    ctx = Context(source, strict, allow_outside)
    data = as_bytes(s)
    given = _lists(lists, ctx)
    if low_memory:
        # One pass of a pull parser, no tree held (see read_stream); the tree reader
        # where the document needs it, or to report a problem as it always has.
        streamed = read_stream(
            clean_prolog(data, ctx.source),
            ctx,
            given,
            lambda root: _lookup(source, root, ctx),
            huge_tree,
        )
        if streamed is not None:
            return streamed
    tree = _parse_bytes(data, ctx, huge_tree)
    root = tree.getroot()
    return read_tree(root, ctx, given, _lookup(source, root, ctx))


def load(
    fp: IO[bytes],
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    lists: Iterable[_PathLike] | None = None,
    huge_tree: bool = False,
    allow_outside: bool = False,
    low_memory: bool = False,
) -> Transcript:
    """Read a transcript from a binary file object; see :func:`loads`."""
    check_binary(fp, "rb")
    return loads(
        fp.read(),
        source=source if source is not None else source_name(fp),
        strict=strict,
        lists=lists,
        huge_tree=huge_tree,
        allow_outside=allow_outside,
        low_memory=low_memory,
    )


def dumps(transcript: Transcript, /) -> str:
    """Serialise ``transcript`` as a TEI P5 document (UTF-8 declaration, final newline).

    Raises:
        WriteError: A string holds a character XML cannot represent (a control
            character such as ``\\x01``).
    """
    check_transcript(transcript)
    _losses.warn(transcript, "tei")
    from ._tei_write import to_string  # (loaded where used: reading needs no writer)

    try:
        return to_string(transcript)
    except ValueError as exc:
        raise WriteError("tei", str(exc)) from None


def dump(transcript: Transcript, fp: IO[bytes], /) -> None:
    """Write ``transcript`` as TEI (UTF-8) to a binary file."""
    check_binary(fp, "wb")
    fp.write(dumps(transcript).encode("utf-8"))


def iter_body(
    path: _PathLike | IO[bytes],
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    lists: Iterable[_PathLike] | None = None,
    huge_tree: bool = False,
) -> Iterator[Turn | Incident]:
    """Stream the turns and body-level incidents of one large TEI session file.

    Each utterance is built and then freed, so memory stays flat however large the
    file. Claims and relations (which point back at turns) are not read.

    Args:
        path: The file (a path or a binary file object).
        source, strict, lists, huge_tree: As for :func:`loads`.
    """
    if isinstance(path, (str, os.PathLike)):
        name = os.fspath(path)
        ctx = Context(source or name, strict)
        fp: IO[bytes] | str = name
    else:
        check_binary(path, "rb")
        ctx = Context(source or source_name(path), strict)
        fp = path
    given = _lists(lists, ctx)
    src = ctx.source

    def lookup() -> Lists | None:
        if src is None or not os.path.isfile(src):
            return None
        return find_lists(src, None, ctx)

    return iter_items(fp, ctx, given, lookup, huge_tree)


def iter_turns(
    path: _PathLike | IO[bytes],
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    lists: Iterable[_PathLike] | None = None,
    huge_tree: bool = False,
) -> Iterator[Turn]:
    """Stream only the turns of one large TEI session file; see :func:`iter_body`."""
    for item in iter_body(path, source=source, strict=strict, lists=lists, huge_tree=huge_tree):
        if isinstance(item, Turn):
            yield item


def read_corpus(
    path: _PathLike,
    /,
    *,
    strict: bool = False,
    huge_tree: bool = False,
    allow_outside: bool = False,
) -> Iterator[Transcript]:
    """Read a ParlaMint corpus root (``teiCorpus``): one transcript per session, lazily.

    The root's ``xi:include`` s are followed by hand (lxml's XInclude is never used):
    only relative local paths inside the root's folder tree (symbolic links resolved)
    are opened, unless ``allow_outside``. Persons and organisations come from the
    root (inline, as older releases have them, or included files).

    Raises:
        ParseError: Malformed XML anywhere, or an ``xi:include`` whose target is
            missing (in lenient mode: a warning, and the session is skipped).
    """
    name = os.fspath(path)
    ctx = Context(name, strict, allow_outside)
    root = parse_file(name, huge_tree).getroot()
    if local(root.tag) == "TEI":
        yield read_tree(root, ctx, None, _lookup(name, root, ctx))
        return
    if local(root.tag) != "teiCorpus":
        raise ParseError(f"expected a teiCorpus root, found <{root.tag!s}>", source=name, lineno=1)
    lists = Lists()
    header = root.find("{http://www.tei-c.org/ns/1.0}teiHeader")
    if header is not None:
        for include in header.iter(XI_INCLUDE):
            target = resolve_include(include, name, ctx)
            parent = include.getparent()
            if target is not None and parent is not None and local(parent.tag) == "particDesc":
                lists.add_tree(
                    parse_file(target, huge_tree).getroot(), target, ctx, folder_of(name)
                )
        lists.add_tree(header, name, ctx)
    for child in root:
        if child.tag == XI_INCLUDE:
            target = resolve_include(child, name, ctx)
            if target is None:
                continue
            sub = Context(target, strict)
            tree = parse_file(target, huge_tree)
            yield read_tree(tree.getroot(), sub, lists, None)
        elif local(child.tag) == "TEI":
            yield read_tree(child, ctx, lists, None)


_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")


def _root_name(path: str) -> str | None:
    """The local name of a file's root element, from its first bytes (no full parse)."""
    with open(path, "rb") as fp:
        head = fp.read(65536)
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            text = head[2:].decode(codec, errors="ignore")
            break
    else:
        text = head.decode("utf-8", errors="ignore")
    text = re.sub(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", "", text, flags=re.S)
    found = _ROOT_TAG.search(text)
    return found.group(1).rpartition(":")[2] if found else None


def sessions(
    path: _PathLike, /, *, strict: bool = False, allow_outside: bool = False
) -> tuple[str, ...]:
    """The session files of a ParlaMint corpus root, in order; ``(path,)`` for a session
    (a ``TEI`` document); ``()`` for any other XML file (a ``listPerson``, a taxonomy).

    Use it to open each session on its own, with the root for its speakers:
    ``tei.load(fp, lists=[root])``. :func:`debatekit.corpus.open` does that for you.

    Only sessions inside the root's folder tree (symbolic links resolved) are listed,
    unless ``allow_outside``; a session must be an XML file.

    Raises:
        ParseError: Malformed XML, or (in strict mode) a session include whose target
            is missing, outside the root's folder, or not an ``.xml`` file; in
            lenient mode a warning, and the session is left out.
    """
    name = os.fspath(path)
    kind = _root_name(name)
    if kind == "TEI":
        return (name,)
    if kind != "teiCorpus":
        return ()
    ctx = Context(name, strict, allow_outside)
    root = parse_file(name).getroot()
    found = []
    for child in root:
        if child.tag == XI_INCLUDE:
            target = resolve_include(child, name, ctx)
            if target is None:
                continue
            if not target.lower().endswith(".xml"):
                ctx.problem(
                    f"xi:include of {child.get('href')!r}: not a TEI session "
                    "(a session is an .xml file)",
                    child,
                )
                continue
            found.append(target)
    return tuple(found)


_BRACKETED = frozenset(["note", "gap", "vocal", "kinesic", "incident"])


def plain_text(turn: Turn, /) -> str:
    """The turn as one line of ParlaMint's per-utterance text export.

    Paragraphs are joined by a space; notes, gaps, vocal, kinesic and incident
    items stand where they occurred as ``[[text]]``; written text is inlined;
    pauses, shifts and anchors leave no trace; white space is normalised.

    >>> from debatekit import Incident, Turn
    >>> turn = Turn(id="u1", speaker_id="s1", paragraphs=["Order.", "Thank you."],
    ...             incidents=[Incident(kind="kinesic", text="Applause", offset=6)])
    >>> plain_text(turn)
    'Order. [[Applause]] Thank you.'
    """
    if not turn.incidents:
        # (The same text: normalising collapses the blank lines between paragraphs.)
        return normalize(" ".join(turn.paragraphs))
    text = turn.text
    pieces: list[str] = []
    pos = 0
    for incident in turn.incidents:
        offset = incident.offset or 0
        pieces.append(text[pos:offset])
        pos = offset
        if incident.kind in _BRACKETED:
            pieces.append(f" [[{normalize(incident.text or '')}]] ")
        elif incident.kind == "writing" and incident.text:
            pieces.append(f" {incident.text} ")
    pieces.append(text[pos:])
    return normalize("".join(pieces))
