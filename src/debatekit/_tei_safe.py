"""Safe XML parsing for the TEI reader: no entities, no DTD, no network.

lxml is asked never to resolve entities, load a DTD or touch the network. On top of
that, the document's prolog is read here before lxml sees it: a DTD internal subset
(where entities, external entities and parameter entities are declared) is refused,
and a DOCTYPE that only names an external DTD is blanked out, so that no parser
option can ever make libxml2 open it. Blanking keeps every byte's line and column.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import IO

from lxml import etree

from .errors import ParseError

_CHUNK = 1 << 16
_DECL = re.compile(rb"\A\s*<\?xml[^>]*\?>")


class _Incomplete(Exception):
    """The prolog runs past the bytes read so far."""


def parser(huge_tree: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge_tree,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def pull_parser(huge_tree: bool, tags: list[str]) -> etree.XMLPullParser:
    """A parser reporting the start and end of the elements named ``tags`` only."""
    # A pull parser, not iterparse: iterparse keeps every xml:id in libxml2's ID
    # table whatever collect_ids says, so its memory grows with the file.
    return etree.XMLPullParser(
        events=("start", "end"),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=huge_tree,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _refuse(data: bytes, pos: int, source: str | None) -> ParseError:
    return ParseError(
        "a DTD internal subset is not allowed: debatekit does not expand entities "
        "(XXE and entity-expansion attacks)",
        source=source,
        lineno=data.count(b"\n", 0, pos) + 1,
        colno=pos - data.rfind(b"\n", 0, pos),
    )


def clean_prolog(data: bytes, source: str | None, final: bool = True) -> bytes:
    """``data`` with its DOCTYPE blanked out; refuse a DTD internal subset.

    Raises:
        ParseError: The DOCTYPE has an internal subset (``[...]``).
        _Incomplete: ``final`` is false and the prolog does not end within ``data``.
    """
    i = 3 if data.startswith(codecs.BOM_UTF8) else 0
    n = len(data)
    while True:
        while i < n and data[i] in b" \t\r\n":
            i += 1
        if data.startswith(b"<?", i):
            end, step = data.find(b"?>", i + 2), 2
        elif data.startswith(b"<!--", i):
            end, step = data.find(b"-->", i + 4), 3
        elif data.startswith(b"<!DOCTYPE", i):
            end, step = _doctype_end(data, i, source), 1
            if end >= 0:
                blank = bytes(b if b in b"\r\n" else 32 for b in data[i : end + 1])
                data = data[:i] + blank + data[end + 1 :]
        elif i >= n and not final:
            raise _Incomplete
        else:
            return data
        if end < 0:
            if final:
                return data  # unterminated: lxml reports it where it is
            raise _Incomplete
        i = end + step


def _doctype_end(data: bytes, start: int, source: str | None) -> int:
    quote = 0
    for k in range(start + 9, len(data)):
        c = data[k]
        if quote:
            if c == quote:
                quote = 0
        elif c in b"\"'":
            quote = c
        elif c == 0x5B:  # "["
            raise _refuse(data, start, source)
        elif c == 0x3E:  # ">"
            return k
    return -1


def _utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(data) > 1 and 0 in data[:2])


def as_bytes(s: str | bytes) -> bytes:
    """The document as bytes lxml can parse, declaration and encoding consistent."""
    if isinstance(s, (bytes, bytearray)):
        data = bytes(s)
        if not _utf16(data):
            return data
        try:
            s = data.decode(
                "utf-32" if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else "utf-16"
            )
        except UnicodeDecodeError as exc:
            raise ParseError(f"cannot decode the document: {exc.reason}") from None
    # Decoded text: blank out the declaration (it may name another encoding), keeping
    # columns, and hand lxml UTF-8.
    data = s.lstrip("\ufeff").encode("utf-8")
    match = _DECL.match(data)
    if match:
        data = b" " * match.end() + data[match.end() :]
    return data


def parse_bytes(data: bytes, source: str | None, huge_tree: bool) -> etree._ElementTree:
    """Parse a whole document safely; errors name the source, line and column."""
    data = clean_prolog(as_bytes(data), source)
    xml_parser = parser(huge_tree)
    try:
        root = etree.fromstring(data, xml_parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, source, xml_parser.error_log) from None
    return root.getroottree()


def parse_file(path: str, huge_tree: bool = False) -> etree._ElementTree:
    with open(path, "rb") as fp:
        return parse_bytes(fp.read(), path, huge_tree)


def chunks(fp: IO[bytes], source: str | None) -> Iterator[bytes]:
    """A binary file in chunks, its prolog cleaned (see :func:`clean_prolog`)."""
    head = b""
    while True:
        chunk = fp.read(_CHUNK)
        head += chunk
        if _utf16(head[:2]):
            raise ParseError("the streaming reader reads UTF-8 files", source=source, lineno=1)
        try:
            head = clean_prolog(head, source, final=not chunk)
            break
        except _Incomplete:
            continue
    yield head
    while chunk := fp.read(_CHUNK):
        yield chunk


def syntax_error(
    exc: etree.XMLSyntaxError, source: str | None, log: etree._ListErrorLog | None = None
) -> ParseError:
    """The first fatal error lxml logged (earlier entries may be mere warnings)."""
    # The parser's own log is exact for a whole-document parse; a pull parser leaves
    # it empty and reports through the exception's log.
    fatal = [e for e in (log or ()) if e.level == etree.ErrorLevels.FATAL]
    if not fatal:  # that log also holds earlier parses' errors: the last is ours
        fatal = [e for e in exc.error_log if e.level == etree.ErrorLevels.FATAL][-1:]
    line: int | None
    col: int | None
    if fatal:
        line, col, msg = fatal[0].line, fatal[0].column, fatal[0].message
    else:
        line, col = exc.position
        msg = str(exc.msg or exc)
    msg = re.sub(r",? line \d+, column \d+\s*$", "", msg).strip() or "not well-formed"
    if "XML_PARSE_HUGE" in msg:  # libxml2's own words: say what debatekit's option is
        msg = re.sub(r",?\s*(try|use) XML_PARSE_HUGE( option)?", "", msg).strip()
        msg += " (a safety limit: for a trusted file, read it with huge_tree=True)"
    return ParseError(f"malformed XML: {msg}", source=source, lineno=line, colno=col or None)
