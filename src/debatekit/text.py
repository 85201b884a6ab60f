"""Plain-text and Markdown transcripts: a reader for real-world conventions, a faithful writer.

A plain-text transcript is a run of paragraphs. Some start with a *speaker label*
(``"Name:"``); those start a turn. Paragraphs without a label continue the current
turn. What comes before the first label is *front matter* (credits, title,
introduction) and what follows the last turn's speech, from a closing line such as
``"Watch the whole event on YouTube."`` or a break line (``---``) on, is *back
matter*. Neither ever becomes a turn.

>>> from debatekit import text
>>> t = text.loads("Q&A\\n\\nHOLT: Good evening.\\n\\nTRUMP: Thank you.\\n\\nHOLT: Thanks.")
>>> [s.name for s in t.speakers], len(t.turns), t.front
(['HOLT', 'TRUMP'], 3, ('Q&A',))

Label conventions read in ``dialect="auto"`` (the default):

===============  ==========================================================
``colon``        ``Name:``, ``Name, role, affiliation:``, ``Mr. Cameron (Witney) (Con):``
``caps``         ``HOLT:``, ``MS. PSAKI:``, ``ANDERSON COOPER, CNN ANCHOR:``
``qa``           ``Q:``, ``A:``, ``Q.``, and a bare ``Q`` followed by a tab or two spaces
``markdown``     ``**Name:**`` and ``**Name**:``
``timestamp``    ``[00:12:31] Name:``, ``Name 00:01:02`` (text on the next line),
                 ``Name (00:01:02):``, ``Name: (00:22)`` (text on the next line)
===============  ==========================================================

A one-word label in mixed case that occurs only once (``"Look: ..."``) is kept as
text with a :class:`~debatekit.ParseWarning`; pass ``dialect=`` or ``speakers=`` to
accept it. Sentences that merely hold a colon, URLs and times are never labels, nor
are metadata keys such as ``Source:`` or ``Photo:``.

Stage directions (``(APPLAUSE)``, ``[crosstalk]``, ``(Laughter.)``, ``(inaudible)``)
on a line of their own become body :class:`~debatekit.Incident` s; inside a
paragraph they become zero-length incidents and leave the turn's text. An unknown
bracketed insertion (``[with either Mexico or China]``) stays in the text and is
recorded as a ``note``/``insertion`` incident over its span.

Exact round trip: the reader records in ``meta`` (keys starting with ``text:``)
whatever the writer needs to give the source back byte for byte: line endings, a
byte-order mark, white space between paragraphs, and each label as printed. So
``dumps(loads(s)) == s`` for the sources this module reads without warnings (that
spell no backslash escape otherwise than the writer does).

What plain text cannot carry, and :func:`dumps` leaves out: claims, relations,
speaker metadata and affiliations with periods, event fields other than those
printed in the front matter, turn ids and end times, incident metadata, and
zero-length incidents whose printed form is not a recognised stage direction. A
line that the reader would take for a label or a stage direction is written with a
leading backslash (``\\HOLT: ...``), which the reader removes; where names are
ambiguous, the writer adds the speaker id to the label (``Name {#id}:``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json as _json
import re
import warnings
from collections import Counter
from collections.abc import Mapping
from typing import IO, Literal, TypeAlias

import attrs

from ._io import check_binary, decode_text, source_name
from ._rules import BLANK_LINE, format_clock, parse_clock, stage_direction
from ._speakers import Roster
from .errors import ParseError, ValidationError, _Warner
from .models import BodyItem, Event, Incident, IncidentKind, Speaker, Transcript, Turn

__all__ = ["DIALECTS", "Dialect", "dump", "dumps", "load", "loads"]

#: The label conventions :func:`loads` knows; ``"auto"`` accepts all of them.
Dialect: TypeAlias = Literal["auto", "colon", "caps", "qa", "markdown", "timestamp"]
DIALECTS: tuple[str, ...] = ("auto", "colon", "caps", "qa", "markdown", "timestamp")

# -- lexical rules shared by the reader and the writer ---------------------------------

_WS = " \t\u00a0"
_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_LABEL = re.compile(
    rf"(?P<indent>[ \t]*)"
    rf"(?:(?P<lts>\[{_TS}\]|\({_TS}\)|{_TS})[ \t]+)?"
    rf"(?P<bold>\*\*)?"
    rf"(?P<label>[^\s:*\\\[(][^:\n]{{0,99}}?)"
    rf"(?:[ \t]+(?P<tts>\({_TS}\)|\[{_TS}\]|{_TS}))?"
    rf"(?(bold)(?:\*\*:|:\*\*)|:)"
    rf"(?:[ \t\u00a0]+(?P<ats>\({_TS}\))?[ \t]*$|[ \t\u00a0]+|$)"
)
# "Name 00:01:02" alone on its line: the text follows on the next lines.
_LABEL_TS_LINE = re.compile(
    rf"(?P<indent>[ \t]*)(?P<label>[^\s:*\\\[(][^:\n]{{0,99}}?)[ \t]+(?P<tts>\(?{_TS}\)?)[ \t]*$"
)
_QA = re.compile(
    r"(?P<indent>[ \t]*)(?P<label>Q|A)"
    r"(?:[.:][ \t\u00a0]+|:?[ \t\u00a0]*$|\t[ \t]*|[ \u00a0]{2,})"
)
_EXPLICIT = re.compile(r"(?P<name>\S.{0,119}?) \{#(?P<id>[^\W\d][\w.\-]{0,59})\}:(?:[ \t]+|$)")
_EXPLICIT_ESCAPED = re.compile(r"(.{1,120}?) \\(\{#[^\W\d][\w.\-]{0,59}\}:(?:[ \t]|$))")
# A label's colon is never further into its line than this (label, stamps, markup).
_LABEL_REACH = 200
# The start of every line that may be anything but plain text.
_SPECIAL_LINE = re.compile(
    rf"^(?:[^\S\n]+$|[ \t]*[(\[\\*#_\-QA]|[^\n]{{0,{_LABEL_REACH}}}:)", re.MULTILINE
)
_ANY_LINE = re.compile(r"^(?=.)", re.MULTILINE)
# A block of non-empty lines.
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
#: A classified line (or run of plain lines): kind, offset, text, detail, line number.
_Row: TypeAlias = "tuple[str, int, str, object, int]"
_STAGE_LINE = re.compile(r"[ \t]*(?:\(([^()\n]+)\)|\[([^\[\]\n]+)\])[ \t]*\Z")
_BREAK = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|(?:\* ){2,}\*|#{3,}|_{3,})[ \t]*\Z")
_INLINE = re.compile(r"\(([^()\n]{1,80})\)|\[([^\[\]\n]{1,120})\]")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_BOILERPLATE = re.compile(
    r"(?i:(?:view|watch|listen to|subscribe|download|read the full|click|visit)\b.{0,150}"
    r"\b(?:player|youtube|video|podcast|episode|transcript|recording|here|online|website"
    r"|newsletter|app|spotify)\b"
    r"|previously in\b|related (?:content|reading|links)\b|more from\b|see also\b"
    r"|copyright\b|©|this transcript (?:has|was|is)\b|transcript (?:by|provided|produced)\b)"
    r"|END\b|\(END\)|- ?END ?-"
)

_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "as",
        "if",
        "so",
        "and",
        "but",
        "or",
        "when",
        "while",
        "after",
        "before",
        "here",
        "there",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "we",
        "i",
        "you",
        "he",
        "she",
        "they",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "what",
        "why",
        "how",
        "who",
        "where",
        "yes",
        "no",
        "well",
        "now",
        "then",
        "also",
        "again",
        "first",
        "second",
        "third",
        "finally",
        "today",
        "tonight",
        "previously",
        "because",
        "since",
        "although",
        "though",
        "however",
        "meanwhile",
        "still",
        "even",
        "just",
        "only",
        "let",
        "please",
        "thank",
        "thanks",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "of",
        "the",
        "for",
        "and",
        "on",
        "st",
        "st.",
        "ter",
        "ten",
        "zu",
        "af",
    ]
)
_META_KEYS = frozenset(
    [
        "source",
        "sources",
        "photo",
        "photos",
        "photograph",
        "image",
        "images",
        "credit",
        "credits",
        "caption",
        "published",
        "posted",
        "updated",
        "date",
        "time",
        "location",
        "place",
        "tags",
        "topics",
        "category",
        "categories",
        "note",
        "notes",
        "editor's",
        "note",
        "editors",
        "note",
        "update",
        "correction",
        "subject",
        "re",
        "transcript",
        "link",
        "links",
        "url",
        "email",
        "e-mail",
        "phone",
        "tel",
        "fax",
        "related",
        "see",
        "also",
        "watch",
        "listen",
        "read",
        "more",
        "also",
        "filed",
        "under",
        "copyright",
        "video",
        "audio",
        "summary",
        "keywords",
        "by",
        "agenda",
        "warning",
        "disclaimer",
        "participants",
        "present",
        "speakers",
        "panelists",
        "contributors",
        "featuring",
        "guests",
        "attendees",
        "contents",
        "tl;dr",
    ]
) | {"editor's note", "editors note", "see also", "read more", "filed under", "photo credit"}
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "reverend",
        "hon",
        "honourable",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "gov",
        "governor",
        "judge",
        "justice",
        "secretary",
        "sec",
        "president",
        "vice",
        "chairman",
        "chairwoman",
        "chair",
        "minister",
        "ambassador",
        "general",
        "gen",
        "colonel",
        "col",
        "captain",
        "capt",
        "admiral",
        "adm",
        "mayor",
        "commissioner",
        "director",
        "deputy",
        "mme",
        "mlle",
        "herr",
        "frau",
        "the",
        "right",
    ]
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " "})


@functools.lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    """A matching key: case, apostrophes, dots, parentheticals and honorifics ignored."""
    name = _PAREN.sub(" ", name).translate(_APOSTROPHES).casefold().replace(".", " ")
    tokens = name.split()
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens.pop(0)
    return " ".join(tokens)


def _parts(label: str) -> list[str]:
    """``label`` split at its commas, except those inside parentheses."""
    parts: list[str] = []
    depth = start = 0
    for i, char in enumerate(label):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            parts.append(label[start:i].strip())
            start = i + 1
    parts.append(label[start:].strip())
    return parts


def _name_part(label: str) -> str:
    return _parts(label)[0] if "," in label else label.strip()


@functools.lru_cache(maxsize=4096)
def _name_shape(label: str) -> str | None:
    """``"caps"`` or ``"colon"`` if ``label`` looks like a speaker label, else ``None``."""
    name = _name_part(label)
    if not name or len(name) > 80:
        return None
    if "," in label and any(
        not part or len(part.split()) > 10 or any(q in part for q in '"“”«»')
        for part in _parts(label)[1:]
    ):
        return None
    bare = _PAREN.sub(" ", name).strip()
    if not bare or "(" in bare or ")" in bare:
        return None
    key = bare.translate(_APOSTROPHES).casefold().strip(". ")
    if key in _META_KEYS:
        return None
    tokens = bare.split()
    if not 1 <= len(tokens) <= 8:
        return None
    first = tokens[0].translate(_APOSTROPHES).casefold().strip(".")
    if len(tokens) > 1 and first in _STOP:
        return None
    if len(tokens) == 1 and first in _STOP:
        return None
    lower = 0
    for i, token in enumerate(tokens):
        head = token.lstrip("'’‘\"“(")
        if not head:
            return None
        if head[0].isupper():
            continue
        if head.isdigit() and i == len(tokens) - 1 and i > 0:
            continue
        if i > 0 and head.casefold() in _PARTICLES:
            lower += 1
            continue
        return None
    if lower * 2 >= len(tokens):
        return None
    if not any(c.isalpha() for c in bare):
        return None
    letters = [c for c in bare if c.isalpha()]
    return "caps" if all(not c.islower() for c in letters) else "colon"


@functools.lru_cache(maxsize=4096)
def _stage(content: str) -> tuple[IncidentKind, str | None] | None:
    """Kind and subtype if ``content`` (inside brackets) is a stage direction."""
    known = stage_direction(content)
    if known is not None:
        return known
    letters = [c for c in content if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        return "incident", None
    return None


def _parse_time(text: str) -> dt.timedelta | None:
    """A printed timestamp, in brackets or parentheses or bare, as a time."""
    return parse_clock(text.strip().removeprefix("[").removeprefix("(").rstrip("])"))


@attrs.frozen
class _Label:
    """A speaker label found at the start of a line."""

    label: str  # as printed, without colon, bold or timestamps
    end: int  # where the text starts, in the line
    kind: str  # "colon", "caps", "qa", "markdown", "timestamp", "explicit", "pattern"
    time: dt.timedelta | None = None
    explicit_id: str | None = None
    rest_on_next_line: bool = False


def _candidate(line: str, pattern: re.Pattern[str] | None = None) -> _Label | None:
    """The label at the start of ``line``, before any check against the rest of the text."""
    match = _EXPLICIT.match(line)
    if match:
        return _Label(match["name"], match.end(), "explicit", explicit_id=match["id"])
    if pattern is not None:
        match = pattern.match(line)
        if not match or not match.group("label"):
            return None
        groups = match.groupdict()
        time = _parse_time(groups["time"]) if groups.get("time") else None
        return _Label(match.group("label").strip(), match.end(), "pattern", time=time)
    match = _QA.match(line)
    if match:
        return _Label(match["label"], match.end(), "qa")
    match = _LABEL.match(line)
    if match:
        label = match["label"].rstrip()
        shape = _name_shape(label)
        if shape is None:
            return None
        stamp = match["lts"] or match["tts"] or match["ats"]
        kind = "markdown" if match["bold"] else "timestamp" if stamp else shape
        if label in ("Q", "A") and kind == "caps":
            kind = "qa"
        return _Label(
            label,
            match.end(),
            kind,
            time=_parse_time(stamp) if stamp else None,
            rest_on_next_line=bool(match["ats"]),
        )
    match = _LABEL_TS_LINE.match(line)
    if match:
        label = match["label"].rstrip()
        if _name_shape(label) is None:
            return None
        return _Label(
            label, len(line), "timestamp", time=_parse_time(match["tts"]), rest_on_next_line=True
        )
    return None


_LEAD_STAMP = re.compile(rf"(\[{_TS}\])[ \t]+")
_PLAIN_PREFIX = re.compile(r"[^\W\d_][^\d*:\n\[\]]*")
_PREFIX_LABELS: dict[str, _Label | None] = {}


def _usual_label(line: str) -> _Label | None:
    """:func:`_candidate` with a shortcut for the usual ``Name: text`` line.

    Where the line is a plain prefix (letters, no digits or markup), a colon, one
    space and text, the answer depends on the prefix only, so it is worked out once
    per prefix (a transcript repeats the same few labels) and reused.
    """
    colon = line.find(":", 1, _LABEL_REACH)
    if colon < 0:
        # Without a colon only "Q" and "A" labels remain possible.
        found_qa = _QA.match(line)
        return _Label(found_qa["label"], found_qa.end(), "qa") if found_qa else None
    if line[0] == "[":
        stamp = _LEAD_STAMP.match(line)
        if stamp:
            inner = _usual_label(line[stamp.end() :])
            if inner is None or inner.kind in ("explicit", "markdown", "qa", "timestamp"):
                return _candidate(line)
            return attrs.evolve(
                inner,
                end=inner.end + stamp.end(),
                kind="timestamp",
                time=_parse_time(stamp.group(1)),
            )
    if (
        colon > 0
        and line[colon + 1 : colon + 2] == " "
        and line[colon + 2 : colon + 3] not in ("", " ", "\t", "\u00a0", "(")
        and _PLAIN_PREFIX.fullmatch(line, 0, colon)
    ):
        prefix = line[:colon]
        if prefix in _PREFIX_LABELS:
            return _PREFIX_LABELS[prefix]
        found = _candidate(prefix + ": x")
        if len(_PREFIX_LABELS) < 4096:
            _PREFIX_LABELS[prefix] = found
        return found
    return _candidate(line)


def _special(line: str) -> bool:
    """Would the reader take ``line``, at the start of a line, for anything but text?"""
    return (
        _STAGE_LINE.match(line) is not None
        or _BREAK.match(line) is not None
        or _candidate(line) is not None
    )


_STRONG, _IN_TURNS = 1, 2


def _escape(line: str) -> tuple[str, int] | None:
    """The line without its escaping backslash, if it has one the writer put there.

    The writer escapes a line that would read as something else (a label, a stage
    direction, a break), and a line that starts with backslashes before such a
    line; so a backslash is an escape exactly when what follows the leading
    backslashes is such a line (strength ``_STRONG``). A closing line ("Watch it
    on YouTube") is escaped only inside turns, where it would end the speech
    (strength ``_IN_TURNS``): in front and back matter its backslash is text.
    """
    if line.startswith("\\"):
        rest = line[1:]
        core = rest.lstrip("\\")
        if _special(core):
            return rest, _STRONG
        if _BOILERPLATE.match(core):
            return rest, _IN_TURNS
    if "\\{#" in line:
        match = _EXPLICIT_ESCAPED.match(line)
        if match:
            plain = match.group(1) + " " + line[match.end(1) + 2 :]
            if _EXPLICIT.match(plain):
                return plain, _STRONG
    return None


# -- reading -------------------------------------------------------------------------


@attrs.define
class _Piece:
    """A paragraph (or a label line, a stage direction, a break) with its source span."""

    kind: str  # "para", "stage", "break"
    start: int  # offset in the text of its first character (label included)
    end: int  # offset after its last non-blank character
    lines: list[tuple[str, int]]  # (line text, escape strength or 0) of the paragraph
    lineno: int
    label: _Label | None = None
    text_start: int = 0  # where the paragraph's text starts (after the label)


def _decode(
    s: str | bytes, source: str | None, strict: bool, encoding: str = "utf-8"
) -> tuple[str, dict[str, str]]:
    meta: dict[str, str] = {}
    if (isinstance(s, str) and s.startswith("\ufeff")) or (
        isinstance(s, (bytes, bytearray)) and bytes(s[:3]) == b"\xef\xbb\xbf"
    ):
        meta["text:bom"] = "yes"
    s = decode_text(s, source, encoding)
    if "\r" in s:
        crlf = s.count("\r\n")
        if crlf and crlf == s.count("\n") and crlf == s.count("\r"):
            meta["text:newline"] = "crlf"
            s = s.replace("\r\n", "\n")
        elif "\n" not in s:  # classic Mac OS: CR alone, throughout
            meta["text:newline"] = "cr"
            s = s.replace("\r", "\n")
        else:
            lineno = s.count("\n", 0, s.find("\r")) + 1
            meta["text:newline"] = "mixed"
            s = s.replace("\r\n", "\n").replace("\r", "\n")
            _Warner(source, strict)(
                "mixed line endings (CR, LF, CRLF): read as LF and written back as LF", lineno
            )
    return s, meta


def loads(
    s: str | bytes,
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    dialect: Dialect = "auto",
    speakers: Mapping[str, Speaker | str] | None = None,
    label_pattern: str | re.Pattern[str] | None = None,
    encoding: str = "utf-8",
) -> Transcript:
    """Read a transcript from plain text or Markdown.

    Args:
        s: The text (``bytes`` are decoded as ``encoding``; UTF-8 with or without a BOM
            by default).
        source: A name for the input, shown in warnings and errors.
        strict: Raise a :class:`~debatekit.ParseError` where the lenient reader would
            warn and keep the text.
        dialect: Accept only one label convention (see the module docs); ``"auto"``
            accepts every one, and a one-word label only if it recurs.
        speakers: Known speakers: label (as printed, or any form that matches it) to a
            :class:`~debatekit.Speaker` (its id, name and role are used) or a name.
            A label in this map is always a label.
        label_pattern: A regular expression matched at the start of each line, with
            a group ``label`` (and optionally ``time``); it replaces the built-in
            label rules. The text starts where the match ends.
        encoding: How bytes are encoded, e.g. ``"cp1252"`` or ``"latin-1"`` for files
            saved by older Windows programs.

    Raises:
        ParseError: Bytes invalid in the encoding (with the byte offset), or
            (``strict=True``) the reader is unsure.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}: expected one of {', '.join(DIALECTS)}")
    text, meta = _decode(s, source, strict, encoding)
    warn = _Warner(source, strict)
    pattern = re.compile(label_pattern) if isinstance(label_pattern, str) else label_pattern
    if pattern is not None and "label" not in pattern.groupindex:
        raise ValueError("label_pattern needs a named group 'label'")
    return _Reader(text, meta, warn, dialect, speakers, pattern).read()


def load(
    fp: IO[bytes],
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    dialect: Dialect = "auto",
    speakers: Mapping[str, Speaker | str] | None = None,
    label_pattern: str | re.Pattern[str] | None = None,
    encoding: str = "utf-8",
) -> Transcript:
    """Read a transcript from a binary file object; see :func:`loads`."""
    check_binary(fp, "rb")
    return loads(
        fp.read(),
        source=source if source is not None else source_name(fp),
        strict=strict,
        dialect=dialect,
        speakers=speakers,
        label_pattern=label_pattern,
        encoding=encoding,
    )


class _Reader:
    def __init__(
        self,
        text: str,
        meta: dict[str, str],
        warn: _Warner,
        dialect: str,
        speaker_map: Mapping[str, Speaker | str] | None,
        pattern: re.Pattern[str] | None,
    ) -> None:
        self.text = text
        self.meta = meta
        self.warn = warn
        self.dialect = dialect
        self.pattern = pattern
        self.roster = Roster(speaker_map)
        self.last_label_line = 0
        self.weak_escapes = False  # any escaped closing line (see _escape)?

    # pass 1: classify lines ----------------------------------------------------------

    def _classify(self) -> list[_Row]:
        """One row per line that needs a look; runs of plain lines come as one row.

        A row is (kind, offset, text, detail, line number); kinds: blank, text,
        stage, break, label. A regular expression finds the lines that may be
        anything but text (blank, bracket or escape first, a colon near the start,
        an explicit id), so plain lines cost no Python work of their own.
        """
        out: list[_Row] = []
        counts: Counter[str] = Counter()
        shapes: Counter[str] = Counter()
        keys: dict[str, str] = {}
        candidates: list[int] = []  # where the possible labels are in out
        pattern = self.pattern
        text = self.text
        size = len(text)
        pos = 0
        lineno = 1
        finder = _ANY_LINE if pattern is not None else _SPECIAL_LINE
        append = out.append
        find = text.find
        for match in finder.finditer(text):
            start = match.start()
            if start > pos:
                run = text[pos : start - 1]
                if "\n" in run:
                    lineno = _runs(out, run, pos, lineno)
                else:  # the usual run: one plain line, or one empty line
                    append(("text" if run else "blank", pos, run, None, lineno))
                    lineno += 1
            stop = find("\n", start)
            if stop < 0:
                stop = size
            line = text[start:stop]
            pos = stop + 1
            row = lineno
            lineno += 1
            first = line[:1]
            if first == " " or first == "\t":
                first = line.lstrip(" \t")[:1]
            if not first or (first.isspace() and not line.strip()):
                append(("blank", start, line, None, row))
                continue
            brace = "{#" in line
            if brace and _EXPLICIT.match(line):
                candidates.append(len(out))
                append(("cand", start, line, _candidate(line), row))
                continue
            if first == "\\" or (brace and "\\{#" in line):
                plain = _escape(line)
                if plain is not None:
                    self.weak_escapes |= plain[1] == _IN_TURNS
                    append(("text", start, line, plain, row))
                    continue
            if first in "([":
                if _STAGE_LINE.match(line):
                    append(("stage", start, line, None, row))
                    continue
                split = _lead_stage(line, pattern)
                if split is not None:
                    # "(APPLAUSE) CLINTON: How are you?": directions, then a label.
                    groups, at, opening = split
                    for offset, group in groups:
                        append(("stage", start + offset, group, None, row))
                    candidates.append(len(out))
                    append(("cand", start + at, line[at:], opening, row))
                    key = keys.get(opening.label)
                    if key is None:
                        key = keys[opening.label] = _norm(_name_part(opening.label))
                    counts[key] += 1
                    shapes[opening.kind] += 1
                    continue
            if first in "-*#_" and _BREAK.match(line):
                append(("break", start, line, None, row))
                continue
            if pattern is None and first not in "QA" and line.find(":", 0, _LABEL_REACH) < 0:
                append(("text", start, line, None, row))
                continue
            label = _candidate(line, pattern) if pattern is not None else _usual_label(line)
            if label is not None:
                candidates.append(len(out))
                append(("cand", start, line, label, row))
                key = keys.get(label.label)
                if key is None:
                    key = keys[label.label] = _norm(_name_part(label.label))
                counts[key] += 1
                shapes[label.kind] += 1
                continue
            append(("text", start, line, None, row))
        if pos < size:
            _runs(out, text[pos:], pos, lineno)
        surnames = {key.split()[-1] for key in counts if len(key.split()) > 1} | {
            _norm(k).split()[-1] for k in self.roster.known if _norm(k)
        }
        kinds: Counter[str] = Counter()
        accepted: set[tuple[str, str, bool]] = set()  # labels known to pass
        result = out
        for i in candidates:
            _, start, line, detail, row = out[i]
            assert isinstance(detail, _Label)
            seen = (detail.label, detail.kind, detail.time is None)
            if seen in accepted:
                kinds[detail.kind] += 1
                out[i] = ("label", start, line, detail, row)
            elif self._accept(detail, counts, surnames, shapes, row):
                accepted.add(seen)
                kinds[detail.kind] += 1
                out[i] = ("label", start, line, detail, row)
            else:
                out[i] = ("text", start, line, None, row)
        # A heading such as "HOST:" alone on its line, in a list of participants
        # before the first speech, is front matter when speeches carry their text
        # on the label's line.
        first_inline = next(
            (
                i
                for i, (kind, _, line, found, _) in enumerate(result)
                if kind == "label"
                and isinstance(found, _Label)
                and _bare_heading(line, found) is False
            ),
            None,
        )
        if first_inline is not None:
            for i in range(first_inline):
                kind, start, line, head, row = result[i]
                if kind == "label" and isinstance(head, _Label) and _bare_heading(line, head):
                    kinds[head.kind] -= 1
                    result[i] = ("text", start, line, None, row)
        kinds = +kinds
        if kinds:
            self.meta["text:dialect"] = kinds.most_common(1)[0][0]
        return result

    def _accept(
        self,
        found: _Label,
        counts: Counter[str],
        surnames: set[str],
        shapes: Counter[str],
        lineno: int,
    ) -> bool:
        if found.kind in ("explicit", "pattern"):
            return True
        key = _norm(_name_part(found.label))
        if self.roster.is_known(found.label):
            return True
        dialect = self.dialect
        if dialect != "auto":
            if dialect == "timestamp":
                return found.time is not None
            if dialect == "caps" and found.kind == "timestamp":
                return _name_shape(found.label) == "caps"
            return found.kind == dialect or (dialect == "colon" and found.kind == "caps")
        if found.kind == "qa":
            return True
        single = len(_PAREN.sub(" ", _name_part(found.label)).split()) <= 1
        if not single or "," in found.label or found.time is not None:
            return True
        if found.kind == "markdown" or counts[key] >= 2 or key in surnames:
            return True
        if found.kind == "caps" and shapes["caps"] >= 2:
            return True
        self.warn(
            f"{found.label + ':'!r} looks like a speaker label but occurs only once; "
            "kept as text (pass dialect= or speakers= to take it as a label)",
            lineno,
            1,
        )
        return False

    # pass 2: group lines into pieces ---------------------------------------------------

    def _pieces(self, rows: list[_Row]) -> list[_Piece]:
        nonblank = [i for i, row in enumerate(rows) if row[0] != "blank"]
        line_mode = False
        if nonblank and not any(row[0] == "blank" for row in rows[nonblank[0] : nonblank[-1] + 1]):
            lengths = sorted(
                len(line)
                for kind, _, run, _, _ in rows
                if kind in ("text", "label")
                for line in run.split("\n")
            )
            line_mode = bool(lengths) and lengths[len(lengths) // 2] >= 100
        if line_mode:
            self.meta["text:layout"] = "lines"
        pieces: list[_Piece] = []
        current: _Piece | None = None
        pending_label: _Piece | None = None

        def close() -> None:
            nonlocal current
            if current is not None:
                pieces.append(current)
            current = None

        def add_text(content: str, start: int, escaped: int, lineno: int) -> None:
            nonlocal current, pending_label
            # An escaped line lost its backslash: the source line is one longer.
            end = start + bool(escaped) + len(content.rstrip())
            if pending_label is not None:
                current = pending_label
                pending_label = None
                current.lines.append((content, escaped))
                current.text_start = start + len(content) - len(content.lstrip())
                current.end = end
            elif current is None or line_mode:
                close()
                first = start + len(content) - len(content.lstrip())
                current = _Piece("para", first, end, [(content, escaped)], lineno, None, first)
            else:
                current.lines.append((content, escaped))
                current.end = end
            if line_mode:
                close()

        for kind, start, line, detail, lineno in rows:
            if kind == "blank":
                if current is not None:
                    pieces.append(current)
                    current = None
                continue
            if kind == "text" and detail is None and pending_label is None and not line_mode:
                # The usual case, inlined: plain lines start or continue a paragraph.
                stripped = line.rstrip()
                end = start + len(stripped)
                if current is not None:
                    current.lines.append((line, False))
                    current.end = end
                else:
                    first = start + len(stripped) - len(stripped.lstrip())
                    current = _Piece("para", first, end, [(line, False)], lineno, None, first)
                continue
            if kind in ("stage", "break"):
                close()
                if pending_label is not None:
                    pieces.append(pending_label)
                    pending_label = None
                end = start + len(line.rstrip())
                first = start + len(line) - len(line.lstrip())
                pieces.append(_Piece(kind, first, end, [(line.strip(), False)], lineno))
                continue
            if kind == "label":
                close()
                if pending_label is not None:
                    pieces.append(pending_label)
                    pending_label = None
                assert isinstance(detail, _Label)
                rest = line[detail.end :]
                piece = _Piece("para", start, start + len(line.rstrip()), [], lineno, detail)
                if detail.rest_on_next_line or not rest.strip():
                    pending_label = piece
                    continue
                piece.lines.append((rest, False))
                piece.text_start = start + detail.end + len(rest) - len(rest.lstrip())
                current = piece
                if line_mode:
                    close()
                continue
            if isinstance(detail, tuple):  # an escaped line: (text, strength)
                add_text(detail[0], start, detail[1], lineno)
            elif line_mode and "\n" in line:
                offset = start
                for n, part in enumerate(line.split("\n")):
                    add_text(part, offset, False, lineno + n)
                    offset += len(part) + 1
            else:
                add_text(line, start, False, lineno)
        close()
        if pending_label is not None:
            pieces.append(pending_label)
        return pieces

    # pass 3: build the transcript ------------------------------------------------------

    def read(self) -> Transcript:
        lines = self._classify()
        pieces = self._pieces(lines)
        labelled = [i for i, p in enumerate(pieces) if p.label is not None]
        self.last_label_line = pieces[labelled[-1]].lineno if labelled else 0
        breaks = [i for i, p in enumerate(pieces) if p.kind == "break"]
        if labelled:
            anchor, scan_from = labelled[0], labelled[-1] + 1
        elif breaks:
            anchor = scan_from = breaks[-1]
        else:
            anchor = scan_from = len(pieces)
        # Stage directions right before the first label (or the end) belong to the body.
        body_start = anchor
        while body_start > 0 and pieces[body_start - 1].kind == "stage":
            body_start -= 1
        back_start = len(pieces)
        back_break: _Piece | None = None
        for i in range(scan_from, len(pieces)):
            piece = pieces[i]
            if piece.kind == "break":
                if i + 1 < len(pieces):  # a break with nothing after it stays in the body
                    back_start, back_break = i + 1, piece
                break
            if (
                piece.kind == "para"
                and not piece.lines[0][1]
                and _BOILERPLATE.match(piece.lines[0][0])
            ):
                back_start = i
                break
        front = [self._verbatim(p) for p in pieces[:body_start]]
        body: list[BodyItem] = []
        turn_label: _Label | None = None
        speaker: int | None = None
        turn_pieces: list[_Piece] = []
        number = 0

        def finish() -> None:
            nonlocal turn_pieces, number
            if turn_pieces:
                assert speaker is not None
                number += 1
                body.append(self._turn(speaker, turn_label, turn_pieces, number))
            turn_pieces = []

        body_end = back_start - 1 if back_break is not None else back_start
        for piece in pieces[body_start:body_end]:
            if piece.kind != "para":
                finish()
                body.append(self._stage_incident(piece))
            elif piece.label is not None:
                finish()
                speaker = self._resolve(piece.label, piece.lineno)
                turn_label = piece.label
                turn_pieces = [piece]
            elif turn_pieces:
                turn_pieces.append(piece)
            else:
                # Text after a stage direction: the last speaker goes on.
                assert speaker is not None
                turn_label = None
                turn_pieces = [piece]
        finish()
        if back_break is not None:
            self.meta["text:back-break"] = back_break.lines[0][0]
        back = [self._verbatim(p) for p in pieces[back_start:]]
        if not labelled and self.text.strip():
            self.warn("no speaker labels found: the text is kept as front and back matter", None)
        self._layout(pieces)  # front, body, break and back: every piece, in order
        event, speakers = _front_matter(front, self.roster.speakers())
        people: tuple[Speaker, ...] = tuple(speakers)
        items: tuple[BodyItem, ...] = tuple(body)
        try:
            return Transcript(
                event=event,
                speakers=people,
                body=items,
                front=front,
                back=back,
                meta=self.meta,
            )
        except ValidationError as exc:  # pragma: no cover - the reader builds valid models
            raise ParseError(f"could not build a valid transcript: {exc}") from None

    def _resolve(self, found: _Label, lineno: int) -> int:
        def ambiguous(message: str) -> None:
            self.warn(message, lineno)

        return self.roster.resolve(
            found.label, explicit_id=found.explicit_id, on_ambiguous=ambiguous
        )

    def _verbatim(self, piece: _Piece) -> str:
        """A front or back paragraph, where only a strong escape is one."""
        return "\n".join(
            "\\" + line if escaped == _IN_TURNS else line for line, escaped in piece.lines
        ).strip()

    def _stage_incident(self, piece: _Piece) -> Incident:
        printed = piece.lines[0][0]
        if piece.kind == "break":
            return Incident(kind="incident", subtype="section-break", printed=printed)
        content = printed[1:-1].strip()
        found = _stage(content)
        kind, subtype = found if found else ("incident", None)
        return Incident(kind=kind, subtype=subtype, text=content, printed=printed)

    def _turn(self, index: int, label: _Label | None, pieces: list[_Piece], number: int) -> Turn:
        person = self.roster.people[index]
        paragraphs: list[str] = []
        incidents: list[Incident] = []
        base = 0
        for piece in pieces:
            if not piece.lines:
                continue
            if self.weak_escapes and any(flag == _IN_TURNS for _, flag in piece.lines):
                # A closing line is escaped only where it would end the speech: as
                # the first line of a paragraph after the last label.
                tail = piece.lineno > self.last_label_line
                piece.lines = [
                    ("\\" + line, 0)
                    if flag == _IN_TURNS and not (tail and k == 0)
                    else (line, flag)
                    for k, (line, flag) in enumerate(piece.lines)
                ]
            if paragraphs:
                base += 2
            only = piece.lines[0][0] if len(piece.lines) == 1 else None
            if only is not None and "(" not in only and "[" not in only:
                para = only.strip()  # the usual paragraph: nothing inline to find
            else:
                para, found = _inline(piece.lines, base)
                if not para:
                    para, found = "\n".join(line for line, _ in piece.lines).strip(), []
                incidents.extend(found)
            paragraphs.append(para)
            base += len(para)
        meta: dict[str, str] = {}
        start = None
        printed_label: str | None = None
        if label is not None:
            head = pieces[0]
            prefix = (
                self.text[head.start : head.text_start]
                if head.lines
                else self.text[head.start : head.end]
            )
            printed_label = label.label
            start = label.time
            if prefix != (f"{printed_label}: " if head.lines else f"{printed_label}:"):
                meta["text:prefix"] = prefix
        inline: tuple[Incident, ...] = tuple(incidents)
        return Turn(
            id=f"u{number}",
            speaker_id=person.id,
            paragraphs=paragraphs,
            label=printed_label,
            start=start,
            incidents=inline,
            meta=meta,
        )

    def _layout(self, items: list[_Piece]) -> None:
        gaps: list[str] = []
        previous = 0
        for i, piece in enumerate(items):
            gap = self.text[previous : piece.start]
            if i == 0:
                if gap:
                    self.meta["text:lead"] = gap
            else:
                gaps.append(gap)
            previous = piece.end
        tail = self.text[previous:]
        if tail:
            self.meta["text:tail"] = tail
        default = "\n" if self.meta.get("text:layout") == "lines" else "\n\n"
        if any(g != default for g in gaps):
            common = Counter(gaps).most_common(1)[0][0]
            if all(g == common for g in gaps):
                self.meta["text:gap"] = common
            else:
                self.meta["text:gaps"] = _json.dumps(gaps)


_LEAD_GROUP = re.compile(r"[ \t]*(\([^()\n]{1,80}\)|\[[^\[\]\n]{1,80}\])")


def _lead_stage(
    line: str, pattern: re.Pattern[str] | None
) -> tuple[list[tuple[int, str]], int, _Label] | None:
    """Stage directions that open a line before a speaker label, and the label."""
    groups: list[tuple[int, str]] = []
    pos = 0
    while True:
        match = _LEAD_GROUP.match(line, pos)
        if not match or _stage(match.group(1)[1:-1]) is None:
            break
        groups.append((match.start(1), match.group(1)))
        pos = match.end()
    if not groups:
        return None
    at = pos + len(line[pos:]) - len(line[pos:].lstrip(" \t"))
    if at == pos or at >= len(line):
        return None
    label = _candidate(line[at:], pattern)
    if label is None or label.kind == "explicit":
        return None
    return groups, at, label


def _runs(out: list[_Row], run: str, pos: int, lineno: int) -> int:
    """Add the rows of plain lines and empty lines ``run`` (at ``pos``) holds.

    Returns the line number after the run.
    """
    if "\n" not in run:
        out.append(("text" if run else "blank", pos, run, None, lineno))
        return lineno + 1
    done = 0  # where the previous block ended
    counted = 0  # newlines before this offset are counted in lineno
    for match in _BLOCK.finditer(run):
        a, b = match.span()
        if a > done:
            out.append(("blank", pos + done, "", None, lineno))
        lineno += run.count("\n", counted, a)
        counted = a
        out.append(("text", pos + a, match.group(), None, lineno))
        done = b
    if done < len(run):
        out.append(("blank", pos + done, "", None, lineno))
    return lineno + run.count("\n", counted) + 1


def _bare_heading(line: str, found: _Label) -> bool | None:
    """True for a label alone on its line; False for one followed by text; None else."""
    if found.kind in ("explicit", "pattern") or found.time is not None:
        return None
    if found.rest_on_next_line:
        return None
    return not line[found.end :].strip()


def _inline(lines: list[tuple[str, int]], base: int = 0) -> tuple[str, list[Incident]]:
    """The paragraph text of ``lines`` and its inline incidents.

    Incident offsets count from ``base``: where the paragraph starts in its turn.
    """
    joined = "\n".join(line for line, _ in lines) if len(lines) > 1 else lines[0][0]
    if "(" not in joined and "[" not in joined:
        return joined.strip(), []
    if lines[0][0][:1].isspace():
        # The paragraph starts at its first character; its indentation is layout.
        lines = [(lines[0][0].lstrip(), lines[0][1]), *lines[1:]]
    out: list[str] = []
    incidents: list[Incident] = []
    size = 0
    for n, (line, escaped_line) in enumerate(lines):
        if n:
            out.append("\n")
            size += 1
        pos = 0
        for match in _INLINE.finditer(line):
            a, b = match.span()
            if a < pos or (a == 0 and escaped_line):
                continue  # a line escaped as a whole: its opening brackets are text
            content = match.group(1) if match.group(1) is not None else match.group(2)
            found = _stage(content)
            if a > 0 and line[a - 1] == "\\" and (found or match.group(2) is not None):
                if found:
                    piece = line[pos : a - 1] + match.group(0)
                    out.append(piece)
                    size += len(piece)
                    pos = b
                continue
            if found:
                before = line[pos:a]
                meta: dict[str, str] = {}
                kept = before.rstrip(_WS)
                if kept != before and (kept or pos > 0 or n > 0 or out):
                    meta["text:before"] = before[len(kept) :]
                    before = kept
                elif a == 0 and n == 0:
                    after = line[b:]
                    space = after[: len(after) - len(after.lstrip(_WS))]
                    if space:
                        meta["text:after"] = space
                        b += len(space)
                out.append(before)
                size += len(before)
                kind, subtype = found
                incidents.append(
                    Incident(
                        kind=kind,
                        subtype=subtype,
                        text=content.strip(),
                        printed=match.group(0),
                        offset=base + size,
                        meta=meta,
                    )
                )
                pos = b
            elif match.group(2) is not None:
                before = line[pos:a]
                out.append(before + match.group(0))
                incidents.append(
                    Incident(
                        kind="note",
                        subtype="insertion",
                        text=content.strip(),
                        printed=match.group(0),
                        offset=base + size + len(before),
                        length=b - a,
                    )
                )
                size += len(before) + b - a
                pos = b
        rest = line[pos:]
        out.append(rest)
        size += len(rest)
    text = "".join(out)
    stripped = text.strip()
    if stripped != text:
        incidents = _edge_space(incidents, text, base)
    return stripped, incidents


def _edge_space(incidents: list[Incident], text: str, base: int) -> list[Incident]:
    """Move the white space that ``text`` loses at its ends into its incidents.

    Stage directions at the start or the end of a paragraph leave white space there
    once they are taken out; the paragraph cannot keep it, so the incidents next to
    it record it (``text:before``/``text:after``) and the writer puts it back.
    """
    lead = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    metas = [dict(i.meta) for i in incidents]
    offsets = [(i.offset or 0) - base for i in incidents]
    heads = [k for k, i in enumerate(incidents) if i.length == 0 and offsets[k] <= lead]
    tails = [
        k for k, i in enumerate(incidents) if i.length == 0 and offsets[k] >= end and k not in heads
    ]
    for group, start in ((heads, 0), (tails, end)):
        previous = start
        for k in group:
            metas[k]["text:before"] = text[previous : offsets[k]] + metas[k].get("text:before", "")
            previous = offsets[k]
        if group and group is heads:
            # White space after the last one (the paragraph's very end belongs to
            # the layout around the paragraph, not to it).
            k = group[-1]
            metas[k]["text:after"] = metas[k].get("text:after", "") + text[previous:lead]
    result: list[Incident] = []
    for k, incident in enumerate(incidents):
        if k in heads:
            offset = 0
        elif k in tails:
            offset = end - lead
        else:
            offset = offsets[k] - lead
        meta = {key: value for key, value in metas[k].items() if value}
        result.append(attrs.evolve(incident, offset=base + offset, meta=meta))
    return result


# -- front matter ---------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATE = re.compile(
    r"(?i)(?P<label>published|posted|updated|released|date|recorded|delivered)?[\s:]*(?:on\s+)?"
    r"(?:(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+)\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d\d-\d\d))\.?\Z"
)
_CREDIT = re.compile(
    r"(?i)(?:source|photo(?:graph)?|image|credit|photo credit|illustration)s?\s*:\s*\S"
)
_KINDS = frozenset(
    [
        "q&a",
        "transcript",
        "interview",
        "debate",
        "speech",
        "remarks",
        "podcast",
        "testimony",
        "hearing",
        "event",
        "panel",
        "roundtable",
    ]
) | {"press briefing", "press conference", "panel discussion"}


def _date(line: str) -> tuple[str | None, dt.date] | None:
    match = _DATE.match(line.strip())
    if not match:
        return None
    try:
        if match["iso"]:
            day = dt.date.fromisoformat(match["iso"])
        else:
            month_name = (match["month"] or match["month2"] or "").casefold()
            month = _MONTHS.get(month_name) or next(
                (
                    v
                    for k, v in _MONTHS.items()
                    if len(month_name) >= 3 and k.startswith(month_name)
                ),
                0,
            )
            if not month:
                return None
            day = dt.date(
                int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"])
            )
    except ValueError:
        return None
    label = match["label"]
    return (label.casefold() if label else None), day


def _front_matter(front: list[str], speakers: list[Speaker]) -> tuple[Event, list[Speaker]]:
    """Event fields stated in the front matter; roles from the introduction."""
    credits: list[str] = []
    kind: str | None = None
    published: dt.date | None = None
    date: dt.date | None = None
    description: str | None = None
    plain: list[int] = []
    names = [s.name for s in speakers if len(s.name.split()) > 1]
    yaml, skip = _yaml_front(front)
    for i, paragraph in enumerate(front):
        if i in skip:
            continue
        lines = paragraph.split("\n")
        special = True
        for line in lines:
            stripped = line.strip()
            found = _date(stripped)
            if _CREDIT.match(stripped):
                credits.append(stripped)
            elif stripped.casefold() in _KINDS and kind is None:
                kind = stripped
            elif found is not None:
                label, day = found
                if label in ("published", "posted", "released", "updated"):
                    published = published or day
                else:
                    date = date or day
            else:
                special = False
        if special:
            continue
        if description is None and len(paragraph) >= 100 and any(n in paragraph for n in names):
            description = paragraph
        elif len(lines) == 1 and len(paragraph) <= 200 and description is None:
            plain.append(i)
    title = front[plain[0]] if plain else None
    subtitle = front[plain[1]] if len(plain) > 1 and plain[1] == plain[0] + 1 else None
    if yaml.get("title"):
        title, subtitle = yaml["title"], None
    if date is None and "date" in yaml:
        found_date = _date(yaml["date"][:10])
        date = found_date[1] if found_date else None
    if title is not None and title.endswith(".") and subtitle is None and len(title) > 120:
        title = None
    if description is not None:
        speakers = [_introduced(s, description) for s in speakers]
    event = Event(
        title=title,
        subtitle=subtitle,
        kind=kind,
        date=date,
        published=published,
        description=description,
        credits=credits,
        source=yaml.get("source_url") or yaml.get("url") or yaml.get("source"),
    )
    return event, speakers


_YAML_LINE = re.compile(r"([A-Za-z_][\w\-]*):[ \t]*(.*)\Z")


def _yaml_front(front: list[str]) -> tuple[dict[str, str], set[int]]:
    """Keys of a YAML front-matter block (``---`` ... ``---``) at the start, if any."""
    if not front or front[0] != "---":
        return {}, set()
    end = next((i for i in range(1, len(front)) if front[i] == "---"), None)
    if end is None:
        return {}, set()
    values: dict[str, str] = {}
    for paragraph in front[1:end]:
        for line in paragraph.split("\n"):
            match = _YAML_LINE.match(line.strip())
            if match:
                value = match.group(2).strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                values[match.group(1).casefold()] = value.replace("\\_", "_")
    return values, set(range(end + 1))


def _introduced(speaker: Speaker, text: str) -> Speaker:
    """Role, affiliation and title of ``speaker`` as the introduction states them."""
    name = re.escape(speaker.name)
    changes: dict[str, str | None] = {}
    after = re.search(
        name + r",\s+(?P<role>[^,;.()]+?)\s+(?:at|of)\s+(?:the\s+)?"
        r"(?P<org>[A-Z][^,;()]*?)(?=[,;.]|\s+to\s|$)",
        text,
    )
    if after:
        if speaker.role is None:
            changes["role"] = after["role"].strip()
        if speaker.affiliation is None:
            changes["affiliation"] = after["org"].strip()
    before = re.search(
        r"(?:^|[,;.]\s+|\b[a-z]+\s+)(?P<title>(?:[A-Z][\w’'.\-]*\s+){1,6})" + name, text
    )
    if before and speaker.description is None:
        title = before["title"].strip()
        if _norm(title) and title.split()[0].casefold() not in _STOP:
            changes["description"] = title
    if not changes:
        return speaker
    return attrs.evolve(
        speaker,
        role=changes.get("role", speaker.role),
        affiliation=changes.get("affiliation", speaker.affiliation),
        description=changes.get("description", speaker.description),
    )


# -- writing --------------------------------------------------------------------------


def dumps(transcript: Transcript, /) -> str:
    """Write ``transcript`` as a plain-text transcript.

    Front matter first, then ``"Name, role: text"`` at a speaker's first turn and
    ``"Name: text"`` afterwards (or each turn's :attr:`~debatekit.Turn.label` as
    printed), a blank line between paragraphs, stage directions on their own lines,
    and the back matter. Layout recorded by :func:`loads` in ``meta`` is honoured, so
    ``dumps(loads(s)) == s``. See the module docs for what plain text cannot carry.

    Returns:
        The text; it ends with a newline only if the source read did.
    """
    natural = _Writer(transcript, safe=False).render()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            again = loads(natural)
        except (ParseError, ValidationError):  # pragma: no cover - defensive
            again = None
    if again is not None and _same(transcript, again):
        return natural
    return _Writer(transcript, safe=True).render()


def dump(transcript: Transcript, fp: IO[bytes], /) -> None:
    """Write ``transcript`` as UTF-8 text to a binary file; see :func:`dumps`."""
    check_binary(fp, "wb")
    data = dumps(transcript)
    if not data.endswith("\n"):
        data += "\n"
    fp.write(data.encode("utf-8"))


def _same(a: Transcript, b: Transcript) -> bool:
    """Whether ``b`` keeps what plain text promises to keep of ``a``."""
    if [s.name for s in a.speakers if a.turns_by(s.id)] != [s.name for s in b.speakers]:
        return False
    if a.front != b.front or a.back != b.back or len(a.turns) != len(b.turns):
        return False
    ids_a = [t.speaker_id for t in a.turns]
    ids_b = [t.speaker_id for t in b.turns]
    mapping: dict[str, str] = {}
    for x, y in zip(ids_a, ids_b, strict=True):
        if mapping.setdefault(x, y) != y:
            return False
    if len(set(mapping.values())) != len(mapping):
        return False
    return all(x.paragraphs == y.paragraphs for x, y in zip(a.turns, b.turns, strict=True))


class _Writer:
    def __init__(self, transcript: Transcript, *, safe: bool) -> None:
        self.t = transcript
        self.safe = safe
        self.meta = transcript.meta
        self.headings_ok = False

    def render(self) -> str:
        t = self.t
        # The reader takes "HOST:" alone on a front line for a heading, not a
        # label, when the speeches that follow carry text on their label's line.
        self.headings_ok = any(turn.paragraphs for turn in t.turns)
        # Items are written text, or paragraphs to escape once the white space
        # before them is known: (prefix, paragraph, region, at line start, tail).
        items: list[str | tuple[str, str, str, bool, bool]] = [
            # The tail flag of a front paragraph: it and all after it are stage
            # directions, which the reader would take into the body.
            ("", p, "front", True, all(_STAGE_LINE.match(q) for q in t.front[j:]))
            for j, p in enumerate(t.front)
        ]
        names = Counter(_norm(s.name) for s in t.speakers)
        # Which turns are written without a label (a speaker going on after a stage
        # direction), and from which paragraph on the reader looks for back matter.
        plan: list[tuple[BodyItem, bool]] = []
        previous: Turn | None = None
        after_incident = False
        for item in t.body:
            if isinstance(item, Incident):
                plan.append((item, False))
                after_incident = True
                continue
            going_on = (
                not self.safe
                and item.label is None
                and previous is not None
                and previous.speaker_id == item.speaker_id
                and after_incident
            )
            plan.append((item, going_on))
            previous, after_incident = item, False
        last_labelled = max(
            (i for i, (item, on) in enumerate(plan) if isinstance(item, Turn) and not on),
            default=-1,
        )
        seen: set[str] = set()
        for i, (item, going_on) in enumerate(plan):
            if isinstance(item, Incident):
                items.append(self._stage(item))
                continue
            prefix = "" if going_on else self._prefix(item, item.speaker_id in seen, names)
            seen.add(item.speaker_id)
            paragraphs = self._paragraphs(item)
            for k, paragraph in enumerate(paragraphs):
                at_line_start = k > 0 or not prefix or prefix.endswith("\n")
                tail = i >= last_labelled and (k > 0 or not prefix)
                items.append((prefix if k == 0 else "", paragraph, "turn", at_line_start, tail))
            if not paragraphs:
                items.append(prefix.rstrip(" "))
        if t.back:
            mark = self.meta.get("text:back-break")
            if mark is None or not _BREAK.match(mark) or self.safe:
                first = t.back[0].split("\n")[0]
                mark = None if not self.safe and _BOILERPLATE.match(first) else "---"
            if mark is not None:
                items.append(mark)
            items.extend(("", p, "back", True, False) for p in t.back)
        return self._join(items)

    def _join(self, items: list[str | tuple[str, str, str, bool, bool]]) -> str:
        meta = {} if self.safe else self.meta
        default = "\n" if meta.get("text:layout") == "lines" else "\n\n"
        count = max(len(items) - 1, 0)
        gaps: list[str] = []
        if "text:gaps" in meta:
            try:
                loaded = _json.loads(meta["text:gaps"])
            except ValueError:
                loaded = None
            if isinstance(loaded, list) and all(isinstance(g, str) for g in loaded):
                gaps = loaded
        if len(gaps) != count or not all(_is_gap(g) for g in gaps):
            gap = meta.get("text:gap", default)
            gaps = [gap if _is_gap(gap) else default] * count
        lead, tail = meta.get("text:lead", ""), meta.get("text:tail", "")
        lead = lead if not lead.strip() else ""
        out = [lead]
        for i, item in enumerate(items):
            before = gaps[i - 1] if i else lead
            if i:
                out.append(before)
            if isinstance(item, str):
                out.append(item)
            else:
                prefix, paragraph, region, at_line_start, trailing = item
                indent = before[before.rfind("\n") + 1 :] if at_line_start and not prefix else ""
                after = gaps[i] if i < count else tail
                cut = after.find("\n")
                trail = after if cut < 0 else after[:cut]
                out.append(
                    prefix + self._para(paragraph, region, at_line_start, trailing, indent, trail)
                )
        out.append(tail if not tail.strip() else "")
        text = "".join(out)
        if meta.get("text:newline") == "crlf":
            text = text.replace("\n", "\r\n")
        elif meta.get("text:newline") == "cr":
            text = text.replace("\n", "\r")
        if meta.get("text:bom") == "yes":
            text = "\ufeff" + text
        return text

    def _prefix(self, turn: Turn, seen: bool, names: Counter[str]) -> str:
        speaker = self.t.speaker(turn.speaker_id)
        explicit = f"{speaker.name} {{#{speaker.id}}}: "
        if self.safe or names[_norm(speaker.name)] > 1:
            return explicit
        stored = turn.meta.get("text:prefix")
        if stored is not None and turn.label is not None:
            # A label with no text after it ("A." alone) is judged as if text followed.
            first = stored.split("\n")[0]
            found = _candidate(first) or _candidate(first + " x")
            if (
                found is not None
                and found.label == turn.label
                and not stored.strip(" \t").startswith("\n")
            ):
                return stored
        label = turn.label
        if label is None:
            parts = (speaker.name, speaker.role, speaker.affiliation) if not seen else ()
            label = ", ".join(x for x in parts if x) or speaker.name
        stamp = f"[{format_clock(turn.start)}] " if turn.start is not None else ""
        return f"{stamp}{label}: "

    def _stage(self, incident: Incident) -> str:
        printed = incident.printed
        if (
            printed is not None
            and printed == printed.strip()
            and (_STAGE_LINE.match(printed) or _BREAK.match(printed))
        ):
            return printed
        desc = incident.text or incident.subtype or incident.kind
        desc = re.sub(r"[\[\]\n]+", " ", desc).strip() or incident.kind
        return f"[{desc}]"

    def _paragraphs(self, turn: Turn) -> list[str]:
        """The turn's paragraphs with inline incidents put back and brackets escaped.

        Bracketed groups that the reader would take for stage directions are found
        in the text as written (incidents in place), as the reader sees it; those
        that are not the incidents get a backslash, unless the paragraph holds
        nothing else (the reader then keeps it as text whole).
        """
        text = turn.text
        inserts: list[tuple[int, int, str, str, str]] = []
        for incident in turn.incidents:
            printed = incident.printed
            if incident.length or incident.offset is None or printed is None:
                continue
            if not _INLINE.fullmatch(printed) or _stage(printed[1:-1]) is None:
                continue
            before = incident.meta.get("text:before", "")
            after = incident.meta.get("text:after", "")
            if not _is_space(before) or not _is_space(after):
                before = after = ""
            inserts.append((incident.offset, len(inserts), before, printed, after))
        if not inserts and "(" not in text and "[" not in text:
            return list(turn.paragraphs)
        out: list[str] = []
        marks: set[int] = set()  # where the incidents stand in the written text
        pos = size = 0
        for offset, _, before, printed, after in sorted(inserts):
            out.append(text[pos:offset] + before)
            size += offset - pos + len(before)
            marks.add(size)
            out.append(printed + after)
            size += len(printed) + len(after)
            pos = offset
        out.append(text[pos:])
        written = "".join(out)
        escapes: list[int] = []
        base = 0
        for paragraph in written.split("\n\n"):
            groups = [
                m
                for m in _INLINE.finditer(paragraph)
                if _stage(m.group(1) if m.group(1) is not None else m.group(2)) is not None
            ]
            rest = _INLINE.sub(
                lambda m: "" if _stage(m.group(1) or m.group(2) or "") is not None else m.group(0),
                paragraph,
            )
            ours = [m for m in groups if base + m.start() not in marks]
            if rest.strip() or len(ours) < len(groups):
                # (A paragraph of nothing but stage directions that are its text is
                # kept whole by the reader: no escapes needed.)
                escapes.extend(base + m.start() for m in ours)
            base += len(paragraph) + 2
        for at in reversed(escapes):
            written = written[:at] + "\\" + written[at:]
        return written.split("\n\n")

    def _para(
        self,
        paragraph: str,
        region: str,
        at_line_start: bool = True,
        tail: bool = False,
        indent: str = "",
        trail: str = "",
    ) -> str:
        """Escape the lines of ``paragraph`` that the reader would not take for text.

        ``indent`` and ``trail`` are the white space written before the first line and
        after the last: the reader sees those lines with it, and a backslash escapes
        only at the very start of a line.
        """
        out: list[str] = []
        lines = paragraph.split("\n")
        last = len(lines) - 1
        for n, line in enumerate(lines):
            if n == 0 and not at_line_start:
                out.append(line)
                continue
            indented = n == 0 and bool(indent)
            # The line as the reader will see it, with the white space around it.
            probe = (indent if indented else "") + line + (trail if n == last else "")
            match = _EXPLICIT.match(probe)
            if match and not indented:
                cut = match.start("id") - 2
                out.append(line[:cut] + "\\" + line[cut:])
                continue
            if (
                region == "turn"
                and not indented
                and line.startswith(("\\(", "\\["))
                and _STAGE_LINE.match(probe[1:])
                and _stage(line[2:].strip()[:-1]) is not None
            ):
                # A stage direction kept as text: the one backslash that escapes its
                # opening bracket also escapes the line.
                out.append(line)
                continue
            if probe.startswith("\\"):
                # Only where the reader would take the backslash for an escape.
                escaped_line = _escape(probe)
                escape = escaped_line is not None and (
                    escaped_line[1] == _STRONG or (region == "turn" and tail and n == 0)
                )
            elif region == "turn" or self.safe:
                escape = _special(probe) or (tail and n == 0 and bool(_BOILERPLATE.match(probe)))
            else:
                found = _candidate(probe)
                escape = found is not None and not (
                    region == "front" and self.headings_ok and _bare_heading(probe, found)
                )
                if not escape and (_STAGE_LINE.match(probe) or _BREAK.match(probe)):
                    # The reader splits a paragraph at such a line, and takes the
                    # stage directions that end the front matter into the body.
                    escape = last > 0 or (region == "front" and tail)
            # An indented line that would not read as text cannot be escaped here
            # (the escape must open the line); the writer's check then falls back.
            out.append("\\" + line if escape else line)
        return "\n".join(out)


def _is_space(space: str) -> bool:
    """White space that fits inside a paragraph: no blank line in it."""
    return not space.strip() and BLANK_LINE.search(space) is None


def _is_gap(gap: str) -> bool:
    """White space that can stand between two written items (recorded by the reader;
    the writer's check of its own output catches a gap that no longer fits)."""
    return not gap.strip()
