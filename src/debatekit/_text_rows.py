"""Plain text: the rows of plain lines, and labels that run over two lines (the line
before a label, or after it, holds part of it), for the reader's first pass and, where
one rule serves both, the writer."""

from __future__ import annotations

import attrs

from ._text_lex import (
    _BLOCK,
    _candidate,
    _Label,
    _Row,
    _usual_label,
    _wraps_onto,
)
from ._text_names import (
    _name_shape,
)


def _in_parenthesis(out: list[_Row], start: int) -> bool:
    """Whether the line at ``start`` continues a paragraph right before it that opens a
    parenthesis it does not close (an interjection wrapped over lines)."""
    if not out or out[-1][0] != "text":
        return False
    _, at, prev, _, _ = out[-1]
    if at + len(prev) != start - 1 or "(" not in prev:
        return False
    return prev.count("(") > prev.count(")")


def _bracket_head(out: list[_Row], start: int, line: str) -> tuple[_Label, int, int] | None:
    """The label printed over two lines where ``line`` (at ``start``) holds the end of
    it: an office with its holder in square brackets (the Malaysian Hansard's "Timbalan
    Menteri ... [Tuan A." / "Kohilan Pillay a/l G. Appu]: text"), or a name whose colon
    stands alone on the next line (the Eduskunta's web page: "Puhemies Paula Risikko" /
    ":"). The label, where it starts and its line number; the first line is taken off
    the text row before."""
    if "[" in line[: line.find("]")] or not out or out[-1][0] != "text":
        return None
    _, at, prev, _, lineno = out[-1]
    if at + len(prev) != start - 1:
        return None  # (not the line right before)
    cut = prev.rfind("\n")
    last = prev[cut + 1 :]
    if not _wraps_onto(last, line):
        return None
    found = _usual_label(f"{last} {line}")
    if found is None or found.end <= len(last):
        return None
    if cut < 0:
        out.pop()
    else:
        out[-1] = ("text", at, prev[:cut], None, lineno)
    return found, at + cut + 1, lineno + prev.count("\n")


def _runs(out: list[_Row], text: str, pos: int, end: int, lineno: int) -> int:
    """Add the rows of the plain lines and empty lines of ``text[pos:end]``.

    Returns the line number after them.
    """
    if text.find("\n", pos, end) < 0:
        run = text[pos:end]
        out.append(("text" if run else "blank", pos, run, None, lineno))
        return lineno + 1
    append = out.append
    count = text.count
    done = pos  # where the previous block ended
    counted = pos  # newlines before this offset are counted in lineno
    for match in _BLOCK.finditer(text, pos, end):
        a, b = match.span()
        if a > done:
            append(("blank", done, "", None, lineno))
        lineno += count("\n", counted, a)
        counted = a
        append(("text", a, match.group(), None, lineno))
        done = b
    if done < end:
        append(("blank", done, "", None, lineno))
    return lineno + count("\n", counted, end) + 1


def _open_run(out: list[_Row], text: str, start: int) -> None:
    """Where the last row of ``out`` is a run of plain lines (see :meth:`_scan`) whose
    last line, right before a label at ``start``, is text: that run as the rows of its
    blocks, so that the rules of a label wrapped over lines see the line before it.
    (A label after a blank line, the usual case, leaves the run whole.)"""
    _, pos, _, end, lineno = out[-1]
    if end != start - 1 or end <= pos or text[end - 1] == "\n":
        return
    out.pop()
    _runs(out, text, pos, end, lineno)


def _wrapped_caps(
    out: list[_Row], line: str, found: _Label, paged: bool
) -> tuple[_Label, int, int] | None:
    """A label wrapped over the last line of the last row of ``out`` and ``line``
    (:func:`wrapped_label`): that line taken off the row; the label, the start and the
    line number of its first line; else None (``out`` untouched)."""
    _, start, run, _, row = out[-1]
    cut = run.rfind("\n")
    opens = cut < 0 and (len(out) < 2 or out[-2][0] == "blank")
    joined = wrapped_label(run[cut + 1 :], line, page_head=paged and opens, found=found)
    if joined is None:
        return None
    if cut < 0:
        out.pop()
    else:
        out[-1] = ("text", start, run[:cut], None, row)
        row += run.count("\n", 0, cut + 1)
        start += cut + 1
    return joined, start, row


def wrapped_label(
    first: str, line: str, *, page_head: bool = False, found: _Label | None = None
) -> _Label | None:
    """A label in capitals that a line length wrapped over two lines, the name and
    office on ``first``, the colon on ``line``: "BRYAN MCKUNE, Manager of Pilot
    Development," / "Alaska Airlines: It's being ..." (``first`` ends with the comma),
    or at the head of a paragraph of a printed page, all in capitals, "MR. ANTHONY
    UTANO, PRESIDENT, TRANSPORT" / "WORKERS LOCAL 100:  I guess ..." (``page_head``).
    Its ``end`` counts in ``first + "\\n" + line``. ``found``: the label of ``line``
    if known. The reader and the writer ask the same question (one rule for both)."""
    name = first.strip()
    comma = name.find(",")
    if comma < 1 or ":" in name:
        return None
    if not name.endswith(",") and not (page_head and name.isupper()):
        return None
    # (a first and last name in capitals, then offices that open with a capital: no
    # line of speech such as "TRUMP, we're going to win,")
    if len(name[:comma].split()) < 2 or _name_shape(name[:comma]) != "caps":
        return None
    if not all(part.strip()[:1].isupper() for part in name[comma + 1 :].split(",") if part.strip()):
        return None
    found = found or _candidate(line)
    if found is None or found.time is not None or found.kind == "explicit":
        return None
    joined = _candidate(f"{name} {line.lstrip()}")
    if joined is None or joined.label != f"{name} {found.label}" or joined.kind != "caps":
        return None
    return attrs.evolve(joined, end=len(first) + 1 + found.end)
