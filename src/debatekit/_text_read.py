"""Plain text: the reader (lines classified, grouped into paragraphs and turns)."""

from __future__ import annotations

import datetime as dt
import json as _json
import re
from collections import Counter
from itertools import repeat
from operator import attrgetter, eq, itemgetter, sub
from typing import cast

import attrs

from ._frozendict import EMPTY, FrozenDict
from ._io import decode_text
from ._model_build import _read_turn
from ._rules import is_interjecting
from ._text_classify import _Classifier
from ._text_front import _front_matter
from ._text_inline import _inline
from ._text_lex import _BLOCK, _BOILERPLATE, _IN_TURNS, _Label, _Row, _stage
from .errors import ParseError, ValidationError, _Warner
from .models import BodyItem, Incident, Speaker, Transcript, Turn

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
    # whether the label is printed "Name: " with the text after it on its line (then
    # the turn needs no record of its prefix; False: the turn looks at it)
    plain_prefix: bool = False


_UTF8 = frozenset(["utf-8", "utf8", "utf-8-sig"])


def _windows_1252(data: bytes, source: str | None, error: ParseError) -> str:
    """Bytes that are not UTF-8 read as Windows-1252 (what older Windows programs
    save: curly quotes as 0x92 and 0x93), with a warning at the first byte UTF-8
    refused; ``error`` (that refusal) where they are not Windows-1252 either."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # (one of its five unused bytes)
        raise error from None
    _Warner(source, False)(
        "not UTF-8: read as Windows-1252 (pass encoding= to say how the bytes are "
        "encoded); written back as UTF-8",
        error.lineno,
        error.colno,
    )
    return text


def _decode(
    s: str | bytes, source: str | None, strict: bool, encoding: str = "utf-8"
) -> tuple[str, dict[str, str]]:
    meta: dict[str, str] = {}
    if (isinstance(s, str) and s.startswith("\ufeff")) or (
        isinstance(s, (bytes, bytearray)) and bytes(s[:3]) == b"\xef\xbb\xbf"
    ):
        meta["text:bom"] = "yes"
    try:
        s = decode_text(s, source, encoding)
    except ParseError as error:
        if strict or isinstance(s, str) or encoding.replace("_", "-").lower() not in _UTF8:
            raise
        s = _windows_1252(bytes(s), source, error)
        meta["text:encoding"] = "cp1252"
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


# "BY MR. SMITH:" alone on its line: the counsel who examines the witness from here on.
_BYLINE_LINE = re.compile(
    r"[ \t]*BY ((?:MR|MRS|MS|MISS|DR)\.? [A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*):[ \t]*"
)


def _byline(piece: _Piece, examiner: str | None) -> str | None:
    """The examiner after ``piece``: the last byline in it, else ``examiner``."""
    for line, _ in piece.lines:
        if "BY " in line:
            for part in line.split("\n"):
                match = _BYLINE_LINE.fullmatch(part)
                if match:
                    examiner = match.group(1)
    return examiner


class _Reader(_Classifier):
    """Passes 2 and 3: lines grouped into pieces, pieces into the transcript."""

    # pass 2: group lines into pieces ---------------------------------------------------

    def _pieces(self, rows: list[_Row]) -> list[_Piece]:
        # (A blank line between lines of text: no line is a paragraph of its own.)
        line_mode = not self.blank_inside and _line_mode(rows)
        if line_mode:
            self.meta["text:layout"] = "lines"
        pieces = _Grouper(line_mode, self.text).group(rows)
        # (A paragraph can record an interjection only where the text says so.)
        interjecting = "interjecting" in self.text
        if not (self.interjections or interjecting):
            return pieces
        for piece in pieces:
            if piece.kind != "para" or piece.label is not None:
                continue
            if self.interjections and _parenthesised(piece):
                piece.kind = "stage"
            elif (
                interjecting
                and len(piece.lines) == 1
                and not piece.lines[0][1]
                and is_interjecting(piece.lines[0][0])
            ):
                piece.kind = "stage"  # a Hansard's 'Mr Tanner interjecting'
        return pieces

    # pass 3: build the transcript ------------------------------------------------------

    def read(self) -> Transcript:
        lines = self._classify()
        pieces = self._pieces(lines)
        labelled = [i for i, p in enumerate(pieces) if p.label is not None]
        self.last_label_line = pieces[labelled[-1]].lineno if labelled else 0
        body_start, back_start, back_break = _sections(pieces, labelled)
        front = [self._verbatim(p) for p in pieces[:body_start]]
        body_end = back_start - 1 if back_break is not None else back_start
        body = self._body(pieces, body_start, body_end, labelled)
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

    def _body(
        self, pieces: list[_Piece], body_start: int, body_end: int, labelled: list[int]
    ) -> list[BodyItem]:
        """The turns and stage directions of the pieces from ``body_start`` to
        ``body_end`` (``labelled``: the places of the pieces with a label)."""
        body: list[BodyItem] = []
        turn_label: _Label | None = None
        speaker = 0
        turn_pieces: list[_Piece] = []
        number = 0  # turns so far
        examiner: str | None = None  # who asks the Q. questions (an examination)
        # (Whether the document examines witnesses matters only to Q. and A. labels.)
        examining = (
            any(
                body_start <= i < body_end and cast(_Label, pieces[i].label).kind == "qa"
                for i in labelled
            )
            and self.examination
        )
        inside_to = inside = 0  # (pieces before inside_to: inside a speech or not)
        for k in range(body_start, body_end):
            piece = pieces[k]
            if piece.kind == "para":
                if examining:
                    examiner = _byline(piece, examiner)
                if piece.label is not None:
                    if turn_pieces:
                        number += 1
                        body.append(self._turn(speaker, turn_label, turn_pieces, number))
                    found = piece.label
                    if found.kind == "qa":  # (Q. and A. may stand for whom a byline names)
                        found = self._examined(found, examiner)
                    speaker = self._resolve(found, piece.lineno)
                    turn_label = piece.label
                    turn_pieces = [piece]
                elif turn_pieces:
                    turn_pieces.append(piece)
                else:
                    # Text after a stage direction: the last speaker goes on.
                    turn_label = None
                    turn_pieces = [piece]
                continue
            if turn_pieces:
                if k >= inside_to:
                    inside_to, inside = _inside(pieces, k, body_end)
                if inside:
                    # A stage direction or a rule (a table's) between two paragraphs
                    # of one speech: inside it.
                    turn_pieces.append(piece)
                    continue
                body.append(self._turn(speaker, turn_label, turn_pieces, number := number + 1))
                turn_pieces = []
            body.append(self._stage_incident(piece))
        if turn_pieces:
            body.append(self._turn(speaker, turn_label, turn_pieces, number := number + 1))
        return body

    def _examined(self, found: _Label, examiner: str | None) -> _Label:
        """In the examination of a witness, ``Q.`` is the counsel of the last byline
        (``BY MR. SMITH:``) and ``A.`` the witness (where ``THE WITNESS:`` speaks too)."""
        if found.kind != "qa" or not self.examination:  # (the caller asks for Q. and A.)
            return found
        if found.label == "Q" and examiner is not None:
            return attrs.evolve(found, label=examiner)
        if found.label == "A" and "THE WITNESS:" in self.text:
            return attrs.evolve(found, label="THE WITNESS")
        return found

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
        if not printed.startswith(("(", "[")):  # 'Mr Tanner interjecting'
            return Incident(kind="vocal", subtype="interjection", text=printed, printed=printed)
        content = printed[1 : -2 if printed.endswith(").") else -1].strip()
        found = _stage(content)
        kind, subtype = found if found else ("incident", None)
        incident = Incident(kind=kind, subtype=subtype, text=content, printed=printed)
        return self._named(incident)

    def _named(self, found: Incident) -> Incident:
        """``(Name [PARTY]: words)``, between speeches or inside one, attributed to that
        speaker where known (``who``); the printed name and party go to ``meta``."""
        named = _NAMED.match(found.text or "") if (found.printed or "")[:1] == "(" else None
        if named is None:
            return found
        meta = {"speaker": named["name"]}
        if named["party"]:
            meta["affiliation"] = named["party"]
        index = self.roster.find(named["name"])
        who = self.roster.people[index].id if index is not None else None
        kind, subtype = found.kind, found.subtype
        if subtype is None:
            kind, subtype = "vocal", "interjection"
        return attrs.evolve(found, kind=kind, subtype=subtype, who=who, meta=meta)

    def _turn(self, index: int, label: _Label | None, pieces: list[_Piece], number: int) -> Turn:
        paragraphs: list[str] = []
        incidents: list[Incident] = []
        base = 0
        weak_escapes = self.weak_escapes
        for piece in pieces:
            lines = piece.lines
            if not lines:
                continue
            if piece.kind != "para":
                incidents.append(self._interjection(piece, base + 2 if paragraphs else 0))
                continue
            if weak_escapes and any(flag == _IN_TURNS for _, flag in lines):
                lines = piece.lines = self._unescaped(piece)
            if paragraphs:
                base += 2
            joined = lines[0][0] if len(lines) == 1 else "\n".join(map(_LINE, lines))
            if "(" not in joined and "[" not in joined:
                # the usual paragraph: nothing inline to find (and mostly nothing to strip)
                para = joined.strip() if joined[:1].isspace() or joined[-1:].isspace() else joined
            else:
                para, found = _inline(lines, base, trusted=not self.checked)
                if not para:
                    para, found = "\n".join(line for line, _ in lines).strip(), []
                if found:
                    incidents.extend(found)
            paragraphs.append(para)
            base += len(para)
        meta: dict[str, str] = {}
        start = None
        printed_label: str | None = None
        if label is not None:
            head = pieces[0]
            printed_label = label.label
            start = label.time
            if head.lines:
                if not head.plain_prefix:  # (else known to be the usual "Name: ")
                    prefix = self.text[head.start : head.text_start]
                    if prefix != f"{printed_label}: ":
                        meta["text:prefix"] = prefix
            else:
                prefix = self.text[head.start : head.end]
                if prefix != f"{printed_label}:":
                    meta["text:prefix"] = prefix
        speaker_id = self.roster.people[index].id
        if not self.checked:  # (the usual turn, built straight away: see _built)
            trusted = _read_turn(
                f"u{number}",
                speaker_id,
                tuple(paragraphs),
                printed_label,
                start,
                tuple(incidents),
                FrozenDict(meta) if meta else EMPTY,
            )
            if trusted is not None:
                return trusted
        return self._built(
            f"u{number}", speaker_id, paragraphs, printed_label, start, incidents, meta
        )

    def _built(
        self,
        id: str,
        speaker_id: str,
        paragraphs: list[str],
        label: str | None,
        start: dt.timedelta | None,
        incidents: list[Incident],
        meta: dict[str, str],
    ) -> Turn:
        """The turn with the model's checks: where the text holds a lone surrogate
        (``checked``), or where what the reader does not guarantee fails the quick
        check of ``_read_turn`` (the usual turn is built without them, see
        :meth:`_turn`)."""
        if self.checked and not incidents and start is None and not meta:
            plain = Turn._plain(id, speaker_id, tuple(paragraphs), label)
            if plain is not None:
                return plain
        inline: tuple[Incident, ...] = tuple(incidents)
        return Turn(
            id=id,
            speaker_id=speaker_id,
            paragraphs=paragraphs,
            label=label,
            start=start,
            incidents=inline,
            meta=meta,
        )

    def _unescaped(self, piece: _Piece) -> list[tuple[str, int]]:
        """A paragraph's lines where a closing line is escaped (it would end the speech
        there): its backslash is text where it does not, but as the first line of a
        paragraph after the last label."""
        tail = piece.lineno > self.last_label_line
        return [
            ("\\" + line, 0) if flag == _IN_TURNS and not (tail and k == 0) else (line, flag)
            for k, (line, flag) in enumerate(piece.lines)
        ]

    def _interjection(self, piece: _Piece, offset: int) -> Incident:
        """A stage direction standing as a paragraph inside a turn, at ``offset``;
        ``(Name [PARTY]: words)`` is attributed to that speaker where known."""
        found = self._stage_incident(piece)
        return attrs.evolve(found, offset=offset, meta={**found.meta, "text:paragraph": "own"})

    def _layout(self, items: list[_Piece]) -> None:
        text = self.text
        starts = list(map(_START, items))
        ends = list(map(_END, items))
        if starts and starts[0] > 0:
            self.meta["text:lead"] = text[: starts[0]]
        tail = text[ends[-1] if ends else 0 :]
        if tail:
            self.meta["text:tail"] = tail
        default = "\n" if self.meta.get("text:layout") == "lines" else "\n\n"
        # (Every gap the default one, checked without a copy of each: their lengths,
        # then what they start with.)
        if all(map(eq, map(sub, starts[1:], ends), repeat(len(default)))) and all(
            map(text.startswith, repeat(default), ends[:-1])
        ):
            return
        gaps = [text[end:start] for end, start in zip(ends[:-1], starts[1:], strict=True)]
        common = Counter(gaps).most_common(1)[0][0]
        if all(g == common for g in gaps):
            self.meta["text:gap"] = common
        else:
            self.meta["text:gaps"] = _json.dumps(gaps)


_START = attrgetter("start")
_LINE = itemgetter(0)  # of a (line, escape strength) pair
_END = attrgetter("end")


def _sections(pieces: list[_Piece], labelled: list[int]) -> tuple[int, int, _Piece | None]:
    """Where the body starts, where the back matter starts, and the break before it.

    The body starts at the first label (with the stage directions right before it),
    or after the last break where there is no label; the back matter after a break
    or at a boilerplate paragraph after the last label.
    """
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
        if piece.kind == "para" and not piece.lines[0][1] and _BOILERPLATE.match(piece.lines[0][0]):
            back_start = i
            break
    return body_start, back_start, back_break


def _line_mode(rows: list[_Row]) -> bool:
    """Whether the document has no blank line between its first and last lines of
    text and long lines: one paragraph per line."""
    # (From both ends to the first row of text: most documents have a blank row soon after.)
    first = next((i for i, row in enumerate(rows) if row[0] != "blank"), None)
    if first is None:
        return False
    last = next(i for i in range(len(rows) - 1, first - 1, -1) if rows[i][0] != "blank")
    if not any(rows[i][0] == "blank" for i in range(first, last + 1)):
        lengths = sorted(
            len(line)
            for kind, _, run, _, _ in rows
            if kind in ("text", "label")
            for line in run.split("\n")
        )
        return bool(lengths) and lengths[len(lengths) // 2] >= 100
    return False


class _Grouper:
    """Rows grouped into pieces: paragraphs (a label's with it), stage directions
    and breaks, each with its span in the text."""

    def __init__(self, line_mode: bool, text: str) -> None:
        self.line_mode = line_mode  # every line a paragraph of its own
        self.text = text
        self.pieces: list[_Piece] = []
        self.current: _Piece | None = None  # the paragraph going on
        self.pending: _Piece | None = None  # a label whose text starts on the next line

    def group(self, rows: list[_Row]) -> list[_Piece]:
        pieces = self.pieces
        line_mode = self.line_mode
        for kind, start, line, detail, lineno in rows:
            if kind == "label":  # (the most frequent row, with runs)
                self.flush()
                self.label(cast(_Label, detail), start, line, lineno)  # a label row's label
                continue
            if kind == "blank":
                if self.current is not None:
                    pieces.append(self.current)
                    self.current = None
                continue
            if kind == "run":
                self.run(start, cast(int, detail), lineno)  # a run row's end
                continue
            if kind == "text" and detail is None and self.pending is None and not line_mode:
                # The usual case, inlined: plain lines start or continue a paragraph.
                if line[-1:].isspace() or line[:1].isspace():
                    stripped = line.rstrip()
                    end = start + len(stripped)
                    first = start + len(stripped) - len(stripped.lstrip())
                else:  # (no white space at either end: no copy of the lines to strip)
                    end = start + len(line)
                    first = start
                current = self.current
                if current is not None:
                    current.lines.append((line, False))
                    current.end = end
                else:
                    self.current = _Piece("para", first, end, [(line, False)], lineno, None, first)
                continue
            if kind in ("stage", "break"):
                self.flush()
                end = start + len(line.rstrip())
                first = start + len(line) - len(line.lstrip())
                pieces.append(_Piece(kind, first, end, [(line.strip(), False)], lineno))
            elif isinstance(detail, tuple):  # an escaped line: (text, strength)
                self.add_text(detail[0], start, detail[1], lineno)
            elif line_mode and "\n" in line:
                offset = start
                for n, part in enumerate(line.split("\n")):
                    self.add_text(part, offset, False, lineno + n)
                    offset += len(part) + 1
            else:
                self.add_text(line, start, False, lineno)
        self.flush()
        return pieces

    def run(self, pos: int, end: int, lineno: int) -> None:
        """The plain lines and empty lines of ``text[pos:end]`` (never in line mode):
        a paragraph per block of lines, the first continuing the paragraph going on
        (or giving a label waiting for its text its text) where no empty line is
        before it; as their rows one by one would (see _runs)."""
        pieces = self.pieces
        count = self.text.count
        current = self.current
        done = counted = pos  # where the previous block ended; newlines counted to
        for match in _BLOCK.finditer(self.text, pos, end):
            a, done = match.span()
            # (Blocks are apart by an empty line at least; the first one is after one
            # where it starts after pos.)
            if current is not None and a > counted:
                pieces.append(current)
                current = None
            lineno += count("\n", counted, a)
            counted = a
            block = match.group()
            if self.pending is not None:  # (only the first block can meet one)
                self.current = current
                self.add_text(block, a, False, lineno)
                current = self.current
            elif current is not None:
                current.lines.append((block, False))
                current.end = a + len(block.rstrip()) if block[-1:].isspace() else done
            elif block[-1:].isspace() or block[:1].isspace():
                stripped = block.rstrip()
                first = a + len(stripped) - len(stripped.lstrip())
                current = _Piece("para", first, a + len(stripped), [(block, False)], lineno)
                current.text_start = first
            else:  # (no white space at either end: no copy of the lines to strip)
                current = _Piece("para", a, done, [(block, False)], lineno, None, a)
        if current is not None and (done < end or pos == end):  # an empty line after
            pieces.append(current)
            current = None
        self.current = current

    def close(self) -> None:
        """End the paragraph going on."""
        if self.current is not None:
            self.pieces.append(self.current)
        self.current = None

    def flush(self) -> None:
        """End the paragraph going on, and a label still waiting for its text."""
        self.close()
        if self.pending is not None:
            self.pieces.append(self.pending)
            self.pending = None

    def label(self, found: _Label, start: int, line: str, lineno: int) -> None:
        rest = line[found.end :]
        end = start + (len(line.rstrip()) if line[-1:].isspace() else len(line))
        if found.rest_on_next_line or not rest or rest.isspace():
            self.pending = _Piece("para", start, end, [], lineno, found)
            return
        lead = len(rest) - len(rest.lstrip()) if rest[0].isspace() else 0
        printed = found.label
        # (The piece made at once: its text's start, and whether the label is printed
        # the usual "Name: " before it.)
        self.current = _Piece(
            "para",
            start,
            end,
            [(rest, False)],
            lineno,
            found,
            start + found.end + lead,
            found.end + lead == len(printed) + 2
            and line.startswith(printed)
            and line.startswith(": ", len(printed)),
        )
        if self.line_mode:
            self.close()

    def add_text(self, content: str, start: int, escaped: int, lineno: int) -> None:
        # An escaped line lost its backslash: the source line is one longer.
        end = start + bool(escaped) + len(content.rstrip())
        if self.pending is not None:
            current = self.current = self.pending
            self.pending = None
            current.lines.append((content, escaped))
            current.text_start = start + len(content) - len(content.lstrip())
            current.end = end
        elif self.current is None or self.line_mode:
            self.close()
            first = start + len(content) - len(content.lstrip())
            self.current = _Piece("para", first, end, [(content, escaped)], lineno, None, first)
        else:
            self.current.lines.append((content, escaped))
            self.current.end = end
        if self.line_mode:
            self.close()


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


def _inside(pieces: list[_Piece], k: int, end: int) -> tuple[int, bool]:
    """Whether the next piece from ``k`` on (to ``end``) that is not a stage direction
    or a rule is a paragraph without a label (so a stage direction or a rule there,
    such as the rules of a table a member inserts, stands inside a speech); and the
    index of that paragraph (``end`` if none): the answer holds for every piece before it."""
    while k < end and pieces[k].kind != "para":
        k += 1
    return k, k < end and pieces[k].label is None
