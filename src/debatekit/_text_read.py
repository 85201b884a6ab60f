"""Plain text: the reader (lines classified, grouped into paragraphs and turns)."""

from __future__ import annotations

import json as _json
import re
from collections import Counter
from collections.abc import Mapping
from typing import cast

import attrs

from ._io import decode_text
from ._rules import BLANK_LINE, is_blank
from ._speakers import PARTICIPANTS, Roster, split_label
from ._speakers import name_key as _norm
from ._text_conventions import Convention
from ._text_front import _front_matter
from ._text_lex import (
    _ANY_LINE,
    _BLOCK,
    _BOILERPLATE,
    _BREAK,
    _EXPLICIT,
    _IN_TURNS,
    _INLINE,
    _LABEL_REACH,
    _PAREN,
    _SPECIAL_LINE,
    _STAGE_LINE,
    _WS,
    _bare_heading,
    _candidate,
    _escape,
    _Label,
    _name_part,
    _name_shape,
    _Row,
    _stage,
    _usual_label,
    _wrapped_label,
)
from .errors import ParseError, ValidationError, _Warner
from .models import BodyItem, Incident, Speaker, Transcript, Turn

# -- reading -------------------------------------------------------------------------


def _timed(shapes: Counter[str]) -> bool:
    """Whether most of a document's labels carry a time (``[00:01:43] Name:``)."""
    timed = shapes["timestamp"]
    return timed >= 2 and timed * 2 > sum(shapes.values())


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


class _Reader:
    def __init__(
        self,
        text: str,
        meta: dict[str, str],
        warn: _Warner,
        convention: Convention,
        speaker_map: Mapping[str, Speaker | str] | None,
        pattern: re.Pattern[str] | None,
        *,
        forced: bool = False,
    ) -> None:
        self.text = text
        self.meta = meta
        self.warn = warn
        self.dialect = convention.dialect
        self.forced = forced  # the convention was asked for: its labels are labels
        self.interjections = convention.interjections
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

        def tally(label: _Label) -> None:
            """Count a possible label's name (its key worked out once) and its shape."""
            key = keys.get(label.label)
            if key is None:
                key = keys[label.label] = _norm(_name_part(label.label))
            counts[key] += 1
            shapes[label.kind] += 1

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
            if start < pos:  # the second line of a wrapped label, taken with the first
                continue
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
                    tally(opening)
                    continue
            if first in "-*#_" and _BREAK.match(line):
                append(("break", start, line, None, row))
                continue
            if pattern is None and first not in "QA" and line.find(":", 0, _LABEL_REACH) < 0:
                append(("text", start, line, None, row))
                continue
            label = _candidate(line, pattern) if pattern is not None else _usual_label(line)
            if label is None and pattern is not None and out and out[-1][0] == "blank":
                # A label alone on its line may wrap over two lines (PDF text).
                after = find("\n", pos) if pos < size else -1
                if after > pos:
                    label = _wrapped_label(line, text[pos:after], pattern)
                    if label is not None:
                        line = text[start:after]
                        pos = after + 1
                        lineno += 1
            if label is not None:
                candidates.append(len(out))
                append(("cand", start, line, label, row))
                tally(label)
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
            _, start, line, found, row = out[i]
            detail = cast(_Label, found)  # candidates are the rows holding a label
            seen = (detail.label, detail.kind, detail.time is None)
            if seen in accepted:
                kinds[detail.kind] += 1
                out[i] = ("label", start, line, detail, row)
            elif self._accept(detail, counts, surnames, shapes, row, line):
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
        line: str,
    ) -> bool:
        if found.kind in ("explicit", "pattern"):
            return True
        key = _norm(_name_part(found.label))
        if self.roster.is_known(found.label):
            return True
        bare = _PAREN.sub(" ", _name_part(found.label)).split()
        dialect = self.dialect
        if self.forced and dialect == "auto":
            return True
        if dialect != "auto":
            if dialect == "timestamp":
                return found.time is not None
            if dialect == "caps" and found.kind == "timestamp":
                return _name_shape(found.label) == "caps"
            return found.kind == dialect or (dialect == "colon" and found.kind == "caps")
        if found.kind == "qa":
            # "Q Thanks": a bare Q and one plain space is a label only where it
            # recurs (never "A lot more to say": too many sentences open so).
            return not found.loose or counts[key] >= 2
        if found.time is None and counts[key] < 2 and _timed(shapes):
            # Where labels carry times, an untimed one printed once (a title line
            # "NYC Council, Committee of the Whole: ...") is text.
            return self._once(found, lineno)
        single = len(bare) <= 1
        if not single or "," in found.label or found.time is not None:
            return True
        if key in PARTICIPANTS:
            return True  # "Question:", "Audience:": a role label, even if only once
        short = split_label(found.label).short
        if short is not None and counts[_norm(short)] >= 1:
            return True  # "Emzy (E):" introduces the label "E:"
        if found.kind == "markdown" or counts[key] >= 2 or key in surnames:
            return True
        if found.kind == "caps" and shapes["caps"] >= 2:
            return True
        return self._once(found, lineno)

    def _once(self, found: _Label, lineno: int) -> bool:
        """Keep a once-printed label as text, with a warning; False."""
        self.warn(
            f"{found.label + ':'!r} looks like a speaker label but occurs only once; "
            "kept as text (pass convention= or speakers= to take it as a label)",
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
                detail = cast(_Label, detail)  # a label row holds its label
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
        if self.interjections:
            for piece in pieces:
                if piece.kind == "para" and piece.label is None and _parenthesised(piece):
                    piece.kind = "stage"
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
                number += 1
                who = cast(int, speaker)  # a turn's pieces follow its label
                body.append(self._turn(who, turn_label, turn_pieces, number))
            turn_pieces = []

        body_end = back_start - 1 if back_break is not None else back_start
        inside = _inside_turns(pieces, body_start, body_end)
        for k in range(body_start, body_end):
            piece = pieces[k]
            if piece.kind == "stage" and turn_pieces and inside[k]:
                # A stage direction between two paragraphs of one speech: inside it.
                turn_pieces.append(piece)
            elif piece.kind != "para":
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
        # The piece ends before the trailing spaces of its last line (the gap holds them).
        printed = "\n".join(line for line, _ in piece.lines).rstrip(" \t")
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
            if piece.kind == "stage":
                incidents.append(self._interjection(piece, base + 2 if paragraphs else 0))
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

    def _interjection(self, piece: _Piece, offset: int) -> Incident:
        """A stage direction standing as a paragraph inside a turn, at ``offset``;
        ``(Name [PARTY]: words)`` is attributed to that speaker where known."""
        found = self._stage_incident(piece)
        meta = {"text:paragraph": "own"}
        who = None
        named = _NAMED.match(found.text or "")
        if named is not None:
            meta["speaker"] = named["name"]
            if named["party"]:
                meta["affiliation"] = named["party"]
            index = self.roster.find(named["name"])
            who = self.roster.people[index].id if index is not None else None
        kind, subtype = found.kind, found.subtype
        if named is not None and found.subtype is None:
            kind, subtype = "vocal", "interjection"
        return attrs.evolve(found, kind=kind, subtype=subtype, who=who, offset=offset, meta=meta)

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


# An interjection that names its speaker: "Volker Kauder [CDU/CSU]: Eben!",
# "Abg. Dr. Horlacher: Sollen ...".
_NAMED = re.compile(r"(?P<name>[^\W\d][^:()\[\]\n]{1,60}?)(?: \[(?P<party>[^\]\n]{1,30})\])? ?: ")


def _parenthesised(piece: _Piece) -> bool:
    """Whether a paragraph of several lines is one parenthesis: an interjection."""
    if len(piece.lines) < 2 or any(escaped for _, escaped in piece.lines):
        return False
    text = "\n".join(line for line, _ in piece.lines).strip()
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _inside_turns(pieces: list[_Piece], start: int, end: int) -> list[bool]:
    """For each piece, whether the next piece that is not a stage direction is a
    paragraph without a label (so a stage direction there stands inside a speech)."""
    inside = [False] * len(pieces)
    going_on = False
    for k in range(end - 1, start - 1, -1):
        piece = pieces[k]
        if piece.kind == "para":
            going_on = piece.label is None
        elif piece.kind == "break":
            going_on = False
        inside[k] = going_on
    return inside


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


def _inline(
    lines: list[tuple[str, int]], base: int = 0, fold: frozenset[int] = frozenset()
) -> tuple[str, list[Incident]]:
    """The paragraph text of ``lines`` and its inline incidents.

    Incident offsets count from ``base``: where the paragraph starts in its turn.
    A line between two lines of text that would be blank once its stage directions
    are out (``\u00a0(APPLAUSE)``: blank by :func:`~debatekit._rules.is_blank`) is
    folded (its number in ``fold``): its white space and line end go to its last
    incident (``text:after``), so a paragraph never holds a blank line.
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
        mark = len(out)
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
        return _inline(lines, base, inner)
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
