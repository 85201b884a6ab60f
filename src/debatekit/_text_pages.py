"""Plain text: page furniture of transcripts printed on numbered pages.

Court reporters number every line of a page in the margin (1 to 25), print a running
head and a footer with the reporter's name and the page number, and text extracted
from such PDFs (``pdftotext -layout``) keeps all of it, with form feeds between pages
and often a blank line between lines. None of it is speech. :func:`strip_pages`
gives the text back as paragraphs of speech: margin numbers, every line without one
(heads, footers, page numbers), form feeds and other control characters removed,
double spacing undone, a paragraph started where a line is indented deeper than the
page's body text, runs of layout spaces made one.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

import attrs

__all__ = ["Paged", "c1_controls", "margin_numbered", "strip_pages"]

_MARGIN = re.compile(r"[ \t]{0,10}(\d{1,2})(?=[ \t]|$)")
# A line that may start with a margin number, found after the line end before it (a
# search for a literal skips to it at once).
_MARGIN_LINES = re.compile(r"\n[ \t]{0,10}\d")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]{2,}")
_C1 = re.compile(r"[\x80-\x84\x86-\x9f]")  # not U+0085, a line break (NEL)
# The same characters in UTF-8: a search in bytes starts from the lead byte (a fast
# scan for one byte), where the search in text tries a class at every character.
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")


def _windows_1252(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: nothing there
        return ""


def c1_controls(text: str) -> tuple[str, int, bool]:
    """``text`` with C1 control characters (U+0080-U+009F but NEL) read as the Windows-1252
    characters whose bytes they are (text taken out of PDFs prints the euro sign
    and dashes so: U+0080 is €, U+0096 is –); how many were replaced; and whether
    ``text`` holds a lone surrogate (known from the same encoding: the model refuses
    one, and a reader that knows there is none can skip looking for it in each
    string). Control characters never reach the model."""
    if text.isascii():
        return text, 0, False
    try:
        data = text.encode("utf-8")
        surrogates = False
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
        surrogates = True
    if _C1_UTF8.search(data) is None:
        return text, 0, surrogates
    return (*_C1.subn(_windows_1252, text), surrogates)


@attrs.frozen
class Paged:
    """Text with its page furniture stripped, and what was stripped.

    Attributes:
        text: The speech, one paragraph per block, blank lines between.
        furniture: The stripped lines (heads, footers, page numbers), as printed.
        numbers: How many margin line numbers were stripped.
        controls: How many control characters (form feeds, ...) were removed.
    """

    text: str
    furniture: tuple[str, ...]
    numbers: int
    controls: int

    @property
    def count(self) -> int:
        """Everything stripped: furniture lines, margin numbers, control characters."""
        return len(self.furniture) + self.numbers + self.controls


def margin_numbered(text: str) -> bool:
    """Whether ``text`` comes from pages with numbered lines: most of its pages (split
    at form feeds) have a margin line number on most non-blank lines (an index or a
    cover page at the end or start does not count against it)."""
    # A cheap test first: a numbered page has six numbered lines at least, five of them
    # after a line end (all but the page's first).
    if sum(1 for _ in islice(_MARGIN_LINES.finditer(text), 5)) < 5:
        return False
    pages = text.split("\f")
    numbered_pages = sum(_numbered(page) for page in pages)
    return numbered_pages > 0 and numbered_pages * 2 >= len([p for p in pages if p.strip()])


def _numbered(page: str) -> bool:
    lines = [line for line in page.split("\n") if line.strip()]
    if len(lines) < 10:
        return False
    numbered = 0
    for line in lines:
        match = _MARGIN.match(line)
        if match and 1 <= int(match.group(1)) <= 30:
            numbered += 1
    return numbered >= 0.6 * len(lines)


def strip_pages(text: str) -> Paged:
    """``text`` without its page furniture (see the module docs)."""
    cleaned, controls = _CONTROL.subn(lambda m: "\n" if m.group() == "\f" else "", text)
    furniture: list[str] = []
    numbers = 0
    rows: list[str | None] = []  # content after the margin number; None: an empty line
    for line in cleaned.split("\n"):
        match = _MARGIN.match(line)
        if match is None or not 1 <= int(match.group(1)) <= 30:
            if line.strip():
                furniture.append(line.strip())
            continue
        numbers += 1
        rest = line[match.end() :]
        rows.append(rest if rest.strip() else None)
    indents = Counter(len(r) - len(r.lstrip()) for r in rows if r is not None)
    body = min(
        (indent for indent, n in indents.items() if n >= max(indents.values()) / 4),
        default=0,
    )
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for row in rows:
        deeper = row is not None and len(row) - len(row.lstrip()) >= body + 4
        if (row is None or deeper) and current:
            paragraphs.append(current)
            current = []
        if row is not None:
            current.append(_SPACES.sub(" ", row.strip()))
    if current:
        paragraphs.append(current)
    out = "\n\n".join("\n".join(p) for p in paragraphs)
    return Paged(out + "\n" if out else "", tuple(furniture), numbers, controls)
