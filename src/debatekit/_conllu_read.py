"""The CoNLL-U reader: lines to sentences, paragraphs and turns (see :mod:`debatekit.conllu`).

One pass over the lines. A block of lines up to a blank line is a sentence: its comments,
then its word lines. ``# newdoc`` starts a turn, ``# newpar`` a paragraph; the turn's text
is rebuilt from the surface forms (a space after each, unless ``SpaceAfter=No``), and each
token keeps its offset in that text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._linguistic import Entity, Sentence, Token
from ._rules import is_ncname, to_ncname
from ._tei_common import normalize as normalize_space
from .errors import ParseError, ValidationError, _Warner
from .models import Event, Speaker, Transcript, Turn

__all__ = ["DOC_KEY", "NER_KEY", "PAR_KEY", "SENTIMENT", "UNKNOWN", "Reader", "sentence_text"]

#: The transcript metadata that says a file had no NER tags, no ``# newdoc`` lines, no
#: ``# newpar`` lines (``"false"``), so that none are written back.
NER_KEY, DOC_KEY, PAR_KEY = "conllu:ner", "conllu:newdoc", "conllu:newpar"
#: ParlaMint 5.0's sentiment comments, of a speech (after ``# newdoc``) or a sentence.
SENTIMENT = ("senti_3", "senti_6", "senti_n")
#: The speaker of every turn read from CoNLL-U, which names no speakers.
UNKNOWN = Speaker(id="_unknown", name="Unknown", meta={"placeholder": "true"})

_INT = re.compile(r"[1-9][0-9]*\Z")
_RANGE = re.compile(r"([1-9][0-9]*)-([1-9][0-9]*)\Z")
_EMPTY_NODE = re.compile(r"[0-9]+\.[1-9][0-9]*\Z")
_HEAD = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_NER = re.compile(r"([BI])-(.+)\Z")


@attrs.define
class _Row:
    """One word line or range line: its fields and where it is."""

    fields: list[str]
    lineno: int
    line: str

    def col(self, index: int) -> int:
        """The 1-based column where field ``index`` (0-based) starts."""
        return sum(len(f) + 1 for f in self.fields[:index]) + 1


@attrs.define
class _Paragraph:
    id: str | None
    lang: str | None
    base: int  # where the paragraph starts in the turn's text
    pieces: list[str] = attrs.field(factory=list)
    size: int = 0
    space: bool = False  # a space is due before the next token
    sentences: list[Sentence] = attrs.field(factory=list)

    def place(self, form: str, space_after: bool) -> int:
        """Append a surface form to the text; its offset in the turn's text."""
        if self.space:
            self.pieces.append(" ")
            self.size += 1
        offset = self.base + self.size
        self.pieces.append(form)
        self.size += len(form)
        self.space = space_after
        return offset


@attrs.define
class _Turn:
    id: str
    lineno: int
    paragraphs: list[_Paragraph] = attrs.field(factory=list)
    size: int = 0  # the length of the text of the closed paragraphs, with their breaks
    meta: dict[str, str] = attrs.field(factory=dict)  # the speech's sentiment comments


class Reader:
    """Read one CoNLL-U document; :meth:`read` gives the transcript."""

    def __init__(self, text: str, source: str | None, strict: bool) -> None:
        self.text, self.source, self.strict = text, source, strict
        self.warn = _Warner(source, strict, colno=1)
        self.turns: list[Turn] = []
        self.turn: _Turn | None = None
        self.paragraph: _Paragraph | None = None
        self.par_pending: tuple[str | None, int] | None = None  # a "# newpar" not yet used
        self.ids: set[str] = set()
        self.langs: set[str | None] = set()
        # whether a NER tag, a "# newdoc", a "# newpar" was seen: not to add them back
        self.seen = {NER_KEY: False, DOC_KEY: False, PAR_KEY: False}
        self.dropped: dict[str, tuple[int, int]] = {}  # what -> (count, first line)

    def error(self, msg: str, lineno: int, colno: int = 1) -> ParseError:
        return ParseError(msg, source=self.source, lineno=lineno, colno=colno)

    def drop(self, what: str, lineno: int) -> None:
        """Something the model has no place for: counted, for one warning per kind at
        the end (strict: an error at the first)."""
        if self.strict:
            raise self.error(f"{what} cannot be kept (strict)", lineno)
        count, first = self.dropped.get(what, (0, lineno))
        self.dropped[what] = (count + 1, first)

    # -- structure ----------------------------------------------------------------------

    def read(self) -> Transcript:
        block: list[tuple[int, str]] = []
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for lineno, line in enumerate(lines, 1):
            line = line.removesuffix("\r")
            if line.strip():
                block.append((lineno, line))
            elif block:
                self.block(block)
                block = []
        if block:
            self.block(block)
        self.close_turn()
        for what, (count, first) in self.dropped.items():
            self.warn(f"{count} {what} not kept (the first at line {first})", first)
        langs = self.langs - {None}
        event = Event(language=langs.pop()) if len(self.langs) == 1 and langs else Event()
        speakers = (UNKNOWN,) if self.turns else ()
        meta = {key: "false" for key, seen in self.seen.items() if not seen}
        try:
            return Transcript(event=event, speakers=speakers, body=self.turns, meta=meta)
        except ValidationError as exc:  # ids that clash between turns and sentences
            raise ParseError(str(exc), source=self.source) from None

    def new_turn(self, value: str | None, lineno: int) -> None:
        self.close_turn()
        given = value or f"u{len(self.turns) + 1}"
        uid = to_ncname(given, "u")
        if uid != given:
            self.warn(f"document id {given!r} is no XML name: the turn's id is {uid!r}", lineno)
        if uid in self.ids:
            raise self.error(f"document id {uid!r} is used twice", lineno)
        self.ids.add(uid)
        self.turn = _Turn(uid, lineno)

    def new_paragraph(self, pid: str | None, lang: str | None) -> _Paragraph:
        if self.turn is None:
            self.turn = _Turn(f"u{len(self.turns) + 1}", 0)
        self.close_paragraph()
        turn = self.turn
        base = turn.size + 2 if turn.paragraphs else 0
        self.paragraph = _Paragraph(pid, lang, base)
        return self.paragraph

    def close_paragraph(self) -> None:
        paragraph, turn = self.paragraph, self.turn
        self.paragraph = None
        if paragraph is None or turn is None or not paragraph.sentences:
            return
        turn.paragraphs.append(paragraph)
        turn.size = paragraph.base + paragraph.size

    def close_turn(self) -> None:
        self.close_paragraph()
        turn = self.turn
        self.turn = None
        if turn is None:
            return
        paragraphs = turn.paragraphs
        meta: dict[str, str] = dict(turn.meta)
        ids = [p.id for p in paragraphs]
        if paragraphs and all(ids):
            meta["seg-ids"] = " ".join(i or "" for i in ids)
        langs = {p.lang for p in paragraphs}
        self.langs |= langs
        sentences = [s for p in paragraphs for s in p.sentences]
        if len(langs) == 1 and None not in langs:
            meta["seg-lang"] = langs.pop() or ""
        elif len(langs) > 1:  # mixed: each sentence says its own
            sentences = [
                attrs.evolve(s, meta={**s.meta, "xml:lang": p.lang}) if p.lang else s
                for p in paragraphs
                for s in p.sentences
            ]
        texts = ["".join(p.pieces).rstrip(" ") for p in paragraphs]
        try:
            built = Turn(
                id=turn.id,
                speaker_id=UNKNOWN.id,
                paragraphs=texts,
                meta=meta,
                sentences=sentences,
            )
        except ValidationError as exc:
            raise self.error(f"document {turn.id!r}: {exc}", turn.lineno) from None
        self.turns.append(built)

    # -- one sentence -------------------------------------------------------------------

    def block(self, block: list[tuple[int, str]]) -> None:
        """One block of non-blank lines: comments, then word lines."""
        comments: dict[str, str] = {}
        rows: list[_Row] = []
        lang: str | None = None
        of_turn = False  # right after "# newdoc": ParlaMint's speech sentiment
        for lineno, line in block:
            if line.startswith("#"):
                if rows:
                    raise self.error("a comment after the word lines of a sentence", lineno)
                key, value = self.comment(line, lineno)
                if key == "newdoc":
                    self.seen[DOC_KEY] = True
                    self.new_turn(value, lineno)
                    of_turn = True
                    continue
                if key in SENTIMENT and of_turn and self.turn is not None:
                    self.turn.meta[key] = value or ""
                    continue
                of_turn = False
                if key == "newpar":
                    self.seen[PAR_KEY] = True
                    self.par_pending = (value, lineno)
                elif key == "lang":
                    lang = value
                elif key in ("sent_id", "text") or key in SENTIMENT:
                    comments[key] = value or ""
                elif key is not None:
                    self.drop("sentence comments", lineno)
                continue
            fields = line.split("\t")
            if len(fields) != 10:
                raise self.error(
                    f"expected 10 tab-separated fields, found {len(fields)}",
                    lineno,
                    len(line) + 1 if len(fields) < 10 else len("\t".join(fields[:10])) + 1,
                )
            rows.append(_Row(fields, lineno, line))
        if not rows:
            if comments:
                self.warn("comments without a sentence: ignored", block[0][0])
            return
        paragraph = self.paragraph
        if self.par_pending is not None or paragraph is None:
            pid, _ = self.par_pending or (None, 0)
            self.par_pending = None
            paragraph = self.new_paragraph(pid, lang)
        elif lang is not None and paragraph.lang is None:
            paragraph.lang = lang
        self.sentence(paragraph, comments, rows)

    def comment(self, line: str, lineno: int) -> tuple[str | None, str | None]:
        """A comment line as (key, value): ``# key = value``, ``# newdoc``; other
        comments give (None, None) after a warning."""
        body = line[1:].strip()
        key, eq, value = body.partition("=")
        key = key.strip()
        if not eq:
            if body in ("newdoc", "newpar"):
                return body, None
            if body.startswith(("newdoc id ", "newpar id ")):
                return body[:6], body[9:].strip() or None
            if body:
                self.warn(f"comment {body[:40]!r} is not 'key = value': ignored", lineno)
            return None, None
        if key in ("newdoc id", "newpar id"):
            return key[:6], value.strip() or None
        if not is_ncname(key):
            self.warn(f"comment key {key!r} is no XML name: the comment is ignored", lineno)
            return None, None
        return key, value.strip()

    def sentence(self, paragraph: _Paragraph, comments: dict[str, str], rows: list[_Row]) -> None:
        tokens, tags = self.tokens(paragraph, rows)
        sid = comments.pop("sent_id", None)
        if sid is not None and not is_ncname(sid):  # "1": kept as TEI's n, written back
            comments["n"] = sid
            sid = None
        if sid is not None:
            if sid in self.ids or (self.turn is not None and sid == self.turn.id):
                raise self.error(f"sent_id {sid!r} is used twice", rows[0].lineno - 1)
            self.ids.add(sid)
        text = comments.pop("text", None)
        if text is not None and text != sentence_text(tokens):
            self.drop("'# text' lines other than the forms give", rows[0].lineno - 1)
        try:
            entities = _entities(tags)
            built = Sentence(id=sid, tokens=tokens, entities=entities, meta=comments)
        except ValidationError as exc:
            raise self.error(f"sentence: {exc}", rows[0].lineno) from None
        paragraph.sentences.append(built)

    def tokens(
        self, paragraph: _Paragraph, rows: list[_Row]
    ) -> tuple[list[Token], list[tuple[str | None, _Row]]]:
        """The surface tokens of a sentence, and each one's NER tag."""
        tokens: list[Token] = []
        tags: list[tuple[str | None, _Row]] = []
        expected = 1  # the next word id
        words = sum(1 for r in rows if _INT.match(r.fields[0]))
        i = 0
        while i < len(rows):
            row = rows[i]
            wid = row.fields[0]
            if _EMPTY_NODE.match(wid):
                self.warn(f"empty node {wid} (enhanced dependencies): ignored", row.lineno)
                i += 1
                continue
            found = _RANGE.match(wid)
            if found:
                first, last = int(found[1]), int(found[2])
                if first != expected or last <= first:
                    raise self.error(
                        f"range {wid}: expected a range from word {expected} on", row.lineno
                    )
                parts_rows = rows[i + 1 : i + 2 + last - first]
                ids = [r.fields[0] for r in parts_rows]
                if ids != [str(n) for n in range(first, last + 1)]:
                    raise self.error(
                        f"range {wid} is not followed by words {first} to {last}", row.lineno
                    )
                misc, space_after, tag = self.misc(row)
                form = self.form(row)
                offset = paragraph.place(form, space_after)
                parts = [self.word(r, offset, words, self.form(r)) for r in parts_rows]
                token = self.build(
                    row, form=form, offset=offset, space_after=space_after, parts=parts, misc=misc
                )
                expected = last + 1
                i += 2 + last - first
            elif _INT.match(wid):
                if int(wid) != expected:
                    raise self.error(f"word id {wid}: expected {expected}", row.lineno)
                misc, space_after, tag = self.misc(row)
                form = self.form(row)
                offset = paragraph.place(form, space_after)
                token = self.word(row, offset, words, form, space_after=space_after, misc=misc)
                expected += 1
                i += 1
            else:
                raise self.error(
                    f"invalid word id {wid!r}: expected a number, a range (3-4) or an empty node",
                    row.lineno,
                )
            tokens.append(token)
            tags.append((tag, row))
        return tokens, tags

    def form(self, row: _Row) -> str:
        form = row.fields[1]
        if not form or form != form.strip():
            raise self.error(
                f"invalid FORM {form!r}: expected a non-empty form without white space at "
                "either end",
                row.lineno,
                row.col(1),
            )
        return form

    def word(
        self,
        row: _Row,
        offset: int,
        size: int,
        form: str,
        *,
        space_after: bool = True,
        misc: str | None = None,
    ) -> Token:
        """A syntactic word (a plain token, or a part of a multiword token)."""
        f = row.fields
        head: int | None = None
        if f[6] != "_":
            if not _HEAD.match(f[6]) or int(f[6]) > size:
                raise self.error(
                    f"invalid HEAD {f[6]!r}: expected 0 to {size} or _", row.lineno, row.col(6)
                )
            head = int(f[6])
        upos = None if f[3] == "_" else f[3]
        lemma = None if f[2] == "_" and form != "_" else f[2]
        punct = upos == "PUNCT"
        if punct and lemma == form:
            lemma = None  # as ParlaMint's pc: the writer gives the form back
        if f[8] != "_":
            self.drop("DEPS values (enhanced dependencies)", row.lineno)
        if misc:
            self.drop("MISC items other than NER and SpaceAfter", row.lineno)
        return self.build(
            row,
            form=form,
            offset=offset,
            lemma=lemma,
            upos=upos,
            xpos=None if f[4] == "_" else f[4],
            feats=None if f[5] == "_" else f[5],
            head=head,
            deprel=None if f[7] == "_" else f[7],
            space_after=space_after,
            punct=punct,
        )

    def build(self, row: _Row, *, misc: str | None = None, **fields: object) -> Token:
        if misc:
            self.drop("MISC items other than NER and SpaceAfter", row.lineno)
        try:
            return Token(**fields)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise self.error(f"word {row.fields[0]}: {exc}", row.lineno) from None

    def misc(self, row: _Row) -> tuple[str | None, bool, str | None]:
        """MISC as (the other entries, SpaceAfter, the NER tag)."""
        value = row.fields[9]
        if value == "_":
            return None, True, None
        rest: list[str] = []
        space_after, tag = True, None
        for item in value.split("|"):
            if item == "SpaceAfter=No":
                space_after = False
            elif item.startswith("NER="):
                tag = item[4:]
                self.seen[NER_KEY] = True
                if tag != "O" and not _NER.match(tag):
                    raise self.error(
                        f"invalid NER tag {tag!r}: expected O, B-TYPE or I-TYPE",
                        row.lineno,
                        row.col(9) + row.fields[9].index(item),
                    )
            else:
                rest.append(item)
        return "|".join(rest) or None, space_after, tag


def sentence_text(tokens: Sequence[Token]) -> str:
    """A sentence's ``# text``: the forms, a space after each unless ``SpaceAfter=No``,
    runs of white space made one space (ParlaMint's ``normalize-space``)."""
    return normalize_space("".join(t.form + " " if t.space_after else t.form for t in tokens))


def _entities(tags: list[tuple[str | None, _Row]]) -> list[Entity]:
    """Named entities from the IOB tags of the surface tokens (``I-`` after another type,
    or after ``O``, starts an entity as ``B-`` does)."""
    entities: list[Entity] = []
    start: int | None = None
    kind = ""
    for i, tag in enumerate([t for t, _ in tags] + ["O"]):
        found = _NER.match(tag) if tag else None
        continues = found is not None and found[1] == "I" and found[2] == kind
        if start is not None and not continues:
            entities.append(Entity(kind=kind, start=start, end=i))
            start = None
        if found is not None and not continues:
            start, kind = i, found[2]
    return entities
