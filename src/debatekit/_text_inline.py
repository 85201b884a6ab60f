"""Plain text: stage directions and insertions inside a paragraph (``(APPLAUSE)``,
``[inaudible]``), taken out of its text as incidents at their offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ._frozendict import EMPTY, FrozenDict
from ._model_build import _read_incident
from ._rules import BLANK_LINE, is_blank
from ._text_lex import _INLINE, _WS, _stage
from .models import Incident, IncidentKind


def _inline(
    lines: list[tuple[str, int]],
    base: int = 0,
    fold: frozenset[int] = frozenset(),
    *,
    trusted: bool = False,
) -> tuple[str, list[Incident]]:
    """The paragraph text of ``lines`` and its inline incidents.

    Incident offsets count from ``base``: where the paragraph starts in its turn.
    A line between two lines of text that would be blank once its stage directions
    are out (``\u00a0(APPLAUSE)``: blank by :func:`~debatekit._rules.is_blank`) is
    folded (its number in ``fold``): its white space and line end go to its last
    incident (``text:after``), so a paragraph never holds a blank line. ``trusted``:
    the text holds no lone surrogate (the stage directions are then built without
    the checks of what that guarantees, see ``_read_incident``).
    """
    joined = "\n".join(line for line, _ in lines) if len(lines) > 1 else lines[0][0]
    if "(" not in joined and "[" not in joined:
        return joined.strip(), []
    if len(lines) != joined.count("\n") + 1:  # runs of plain lines come as one
        lines = [(part, flag) for line, flag in lines for part in line.split("\n")]
    if lines[0][0][:1].isspace():
        # The paragraph starts at its first character; its indentation is layout.
        lines = [(lines[0][0].lstrip(), lines[0][1]), *lines[1:]]
    out: list[str] = []
    incidents: list[Incident] = []
    size = 0
    produced: list[str] = []  # each line's text, stage directions taken out
    for n, (line, escaped_line) in enumerate(lines):
        if n and n - 1 not in fold:
            out.append("\n")
            size += 1
        if "(" not in line and "[" not in line and n not in fold:  # (nothing to take out)
            out.append(line)
            size += len(line)
            produced.append(line)
            continue
        mark = len(out)
        size = _line_out(line, escaped_line, n > 0, base, size, out, incidents, trusted)
        produced.append("".join(out[mark:]))
        if n in fold:  # only white space is left of it (see below)
            del out[mark:]
            size -= len(produced[-1])
            meta = {**incidents[-1].meta, "text:after": produced[-1] + "\n"}
            incidents[-1] = attrs.evolve(incidents[-1], meta=meta)
    text = "".join(out)
    stripped = text.strip()
    if not fold and BLANK_LINE.search(stripped):
        # Only a line between two lines of text is blank inside the paragraph, and
        # only once a stage direction is out of it (blank lines end paragraphs).
        said = [not is_blank(p) for p in produced]
        inner = frozenset(
            n
            for n, p in enumerate(produced)
            if not said[n] and any(said[:n]) and any(said[n + 1 :])
        )
        return _inline(lines, base, inner, trusted=trusted)
    if stripped != text:
        incidents = _edge_space(incidents, text, base)
    return stripped, incidents


def _line_out(
    line: str,
    escaped_line: int,
    later: bool,
    base: int,
    size: int,
    out: list[str],
    incidents: list[Incident],
    trusted: bool = False,
) -> int:
    """Take the stage directions and insertions out of one line of a paragraph.

    Its text goes to ``out``, its incidents (offsets from ``base``) to
    ``incidents``; ``size`` is the length of the paragraph text before it and
    ``later`` whether it is not the paragraph's first line; ``trusted``: see
    :func:`_inline`. Returns the length after it.
    """
    pos = 0
    for match in _inline_matches(line):
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
            if kept != before and (kept or pos > 0 or later or out):
                meta["text:before"] = before[len(kept) :]
                before = kept
            elif a == 0 and not later:
                after = line[b:]
                space = after[: len(after) - len(after.lstrip(_WS))]
                if space:
                    meta["text:after"] = space
                    b += len(space)
            out.append(before)
            size += len(before)
            kind, subtype = found
            incidents.append(
                _stage_incident(kind, subtype, content, match.group(0), base + size, meta, trusted)
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
    return size + len(rest)


def _stage_incident(
    kind: IncidentKind,
    subtype: str | None,
    content: str,
    printed: str,
    offset: int,
    meta: dict[str, str],
    trusted: bool,
) -> Incident:
    """The incident of a stage direction found in a line (see :func:`_line_out`)."""
    if trusted:
        return _read_incident(
            kind, subtype, content.strip(), printed, offset, FrozenDict(meta) if meta else EMPTY
        )
    return Incident(
        kind=kind, subtype=subtype, text=content.strip(), printed=printed, offset=offset, meta=meta
    )


def _inline_matches(line: str) -> Iterator[re.Match[str]]:
    """The matches of ``_INLINE`` in ``line``, as ``finditer`` gives them: every match
    opens with a bracket, so each is tried only where one is, found at the speed of a
    plain search (the look-behind still sees the character before it), not at every
    character."""
    find = line.find
    pos = 0
    paren, square = find("("), find("[")  # the next of each kind (-1: no more)
    while True:
        if 0 <= paren < pos:
            paren = find("(", pos)
        if 0 <= square < pos:
            square = find("[", pos)
        at = paren if square < 0 or 0 <= paren < square else square
        if at < 0:
            return
        match = _INLINE.match(line, at)
        if match is None:
            pos = at + 1
        else:
            yield match
            pos = match.end()


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
