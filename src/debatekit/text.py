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

import re
import warnings
from collections.abc import Mapping
from typing import IO, Literal, TypeAlias

import attrs

from . import _losses
from ._io import check_binary, check_transcript, no_gc, source_name
from ._text_conventions import CONVENTIONS, Convention
from ._text_sniff import Sniffed, sniff_text
from ._text_write import _Writer
from .errors import _Warner
from .models import Speaker, Transcript

__all__ = [
    "CONVENTIONS",
    "DIALECTS",
    "Convention",
    "Dialect",
    "Sniffed",
    "dump",
    "dumps",
    "load",
    "loads",
    "sniff",
]

#: The label conventions :func:`loads` knows; ``"auto"`` accepts all of them.
Dialect: TypeAlias = Literal["auto", "colon", "caps", "qa", "markdown", "timestamp"]
DIALECTS: tuple[str, ...] = ("auto", "colon", "caps", "qa", "markdown", "timestamp")


def loads(
    s: str | bytes,
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    convention: str = "auto",
    speakers: Mapping[str, Speaker | str] | None = None,
    label_pattern: str | re.Pattern[str] | None = None,
    encoding: str = "utf-8",
    dialect: str | None = None,
) -> Transcript:
    """Read a transcript from plain text or Markdown.

    Args:
        s: The text (``bytes`` are decoded as ``encoding``; UTF-8 with or without a BOM
            by default).
        source: A name for the input, shown in warnings and errors.
        strict: Raise a :class:`~debatekit.ParseError` where the lenient reader would
            warn and keep the text.
        convention: The name of a convention in :data:`CONVENTIONS` to read with
            (its labels are then always labels), or ``"auto"`` (the default) to take
            the one :func:`sniff` finds.
        speakers: Known speakers: label (as printed, or any form that matches it) to a
            :class:`~debatekit.Speaker` (its id, name and role are used) or a name.
            A label in this map is always a label.
        label_pattern: A regular expression matched at the start of each line, with
            a group ``label`` (and optionally ``time``); it replaces the convention's
            label rules. The text starts where the match ends.
        encoding: How bytes are encoded, e.g. ``"cp1252"`` or ``"latin-1"`` for files
            saved by older Windows programs.
        dialect: Deprecated: the name of one of the built-in colon rules
            (``colon``, ``caps``, ``qa``, ``markdown``, ``timestamp``); use
            ``convention=``.

    Raises:
        ParseError: Bytes invalid in the encoding (with the byte offset), or
            (``strict=True``) the reader is unsure. (Lenient, bytes that are not UTF-8
            where UTF-8 was expected are read as Windows-1252, with a warning.)
        ValueError: An unknown convention or an invalid ``label_pattern``.
    """
    chosen = _convention(convention, dialect)
    pattern = _pattern(label_pattern)
    with no_gc():  # linear in the size (see no_gc)
        return _read(s, source, strict, chosen, speakers, pattern, encoding)


def _read(
    s: str | bytes,
    source: str | None,
    strict: bool,
    chosen: Convention | None,
    speakers: Mapping[str, Speaker | str] | None,
    pattern: re.Pattern[str] | None,
    encoding: str,
) -> Transcript:
    # (The reader's parts loaded where used: a conversion to text needs only the writer.)
    from ._text_pages import c1_controls, strip_pages
    from ._text_read import _decode, _Reader

    text, meta = _decode(s, source, strict, encoding)
    warn = _Warner(source, strict)
    forced = chosen is not None
    if chosen is None:
        chosen = CONVENTIONS[sniff_text(text).convention]
    if chosen.pages:
        paged = strip_pages(text)
        if paged.count:
            warn(
                f"page furniture stripped: {paged.numbers} margin line numbers, "
                f"{len(paged.furniture)} running heads, footers and page numbers, "
                f"{paged.controls} control characters (the text will not be written "
                "back byte for byte)",
                None,
            )
            meta["text:furniture"] = str(paged.count)
        text = paged.text
    text, controls, surrogates = c1_controls(text)
    if controls:
        warn(
            f"{controls} C1 control characters read as the Windows-1252 characters of"
            " their bytes (U+0080 as €, U+0096 as –; the text will not be written back"
            " byte for byte)",
            None,
        )
    meta["text:convention"] = chosen.name
    label = pattern or chosen.label
    reader = _Reader(text, meta, warn, chosen, speakers, label, forced=forced, checked=surrogates)
    return reader.read()


def _convention(name: str, dialect: str | None) -> Convention | None:
    """The convention asked for (``None``: sniff), from ``convention=`` or the
    deprecated ``dialect=``."""
    if dialect is not None:
        warnings.warn(
            "text.loads(dialect=...) is deprecated; use convention=...",
            DeprecationWarning,
            stacklevel=3,
        )
        if dialect not in DIALECTS:
            raise ValueError(f"unknown dialect {dialect!r}: expected one of {', '.join(DIALECTS)}")
        if dialect != "auto":
            return attrs.evolve(CONVENTIONS["colon"], name=dialect, dialect=dialect)
    if name == "auto":
        return None
    if name not in CONVENTIONS:
        raise ValueError(
            f"unknown convention {name!r}: expected 'auto' or one of {', '.join(CONVENTIONS)}"
        )
    return CONVENTIONS[name]


def _pattern(label_pattern: str | re.Pattern[str] | None) -> re.Pattern[str] | None:
    if label_pattern is None or isinstance(label_pattern, re.Pattern):
        pattern = label_pattern
    elif isinstance(label_pattern, str):
        try:
            pattern = re.compile(label_pattern)
        except re.error as exc:
            raise ValueError(f"label_pattern is not a valid regular expression: {exc}") from None
    else:
        raise TypeError(
            f"label_pattern must be a str or a compiled pattern, not {type(label_pattern).__name__}"
        )
    if pattern is not None and "label" not in pattern.groupindex:
        raise ValueError("label_pattern needs a named group 'label'")
    return pattern


def load(
    fp: IO[bytes],
    /,
    *,
    source: str | None = None,
    strict: bool = False,
    convention: str = "auto",
    speakers: Mapping[str, Speaker | str] | None = None,
    label_pattern: str | re.Pattern[str] | None = None,
    encoding: str = "utf-8",
    dialect: str | None = None,
) -> Transcript:
    """Read a transcript from a binary file object; see :func:`loads`."""
    check_binary(fp, "rb")
    return loads(
        fp.read(),
        source=source if source is not None else source_name(fp),
        strict=strict,
        convention=convention,
        speakers=speakers,
        label_pattern=label_pattern,
        encoding=encoding,
        dialect=dialect,
    )


def sniff(source: str | bytes, /, *, encoding: str = "utf-8") -> Sniffed:
    """Which convention in :data:`CONVENTIONS` the text follows, with the evidence.

    >>> found = sniff("  Mr. DOE. I yield.\\n  Mr. ROE. Thank you.\\n  Mr. DOE. Yes.\\n")
    >>> found.convention, found.labels, found.speakers, found.runner_up
    ('congressional', 3, 2, 'colon')
    """
    from ._text_read import _decode

    text, _ = _decode(source, None, False, encoding)
    return sniff_text(text)


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
    check_transcript(transcript)
    # (The collector paused, as for reading: the writer builds many small objects
    # and no cycle, and each of its passes would walk the whole transcript.)
    with no_gc():
        writer = _Writer(transcript, safe=False)
        _losses.warn(transcript, "text", unread=writer.unread_ids())
        return writer.render()


def dump(transcript: Transcript, fp: IO[bytes], /) -> None:
    """Write ``transcript`` as UTF-8 text to a binary file; see :func:`dumps` (the
    file ends with a newline only if the text read did)."""
    check_binary(fp, "wb")
    fp.write(dumps(transcript).encode("utf-8"))
