"""CoNLL-U: the linguistic layer of a transcript (sentences, tokens, dependencies, named
entities) in the conventions of ParlaMint's own CoNLL-U files.

>>> from debatekit import conllu
>>> t = conllu.loads(
...     "# newdoc id = u1\\n# newpar id = u1.p1\\n# sent_id = u1.s1\\n# text = Thank you.\\n"
...     "1\\tThank\\tthank\\tVERB\\t_\\t_\\t0\\troot\\t_\\tNER=O\\n"
...     "2\\tyou\\tyou\\tPRON\\t_\\tCase=Acc\\t1\\tobj\\t_\\tNER=O|SpaceAfter=No\\n"
...     "3\\t.\\t.\\tPUNCT\\t_\\t_\\t1\\tpunct\\t_\\tNER=O\\n\\n"
... )
>>> t.turns[0].text, [w.lemma for w in t.turns[0].sentences[0].words]
('Thank you.', ['thank', 'you', None])

What :func:`dumps` writes, as ParlaMint's ``parlamint2conllu.xsl`` does for an ``.ana``
file (see docs/formats/conllu.md):

- ``# newdoc id =`` the turn's id (TEI ``u/@xml:id``), for each turn with sentences
  (none for a transcript read from a CoNLL-U file without ``# newdoc``, and likewise
  ``# newpar``), then the speech's sentiment comments (see ``# senti_3`` below);
- ``# newpar id =`` the paragraph's id (TEI ``seg/@xml:id``, kept by the TEI reader in
  the turn's ``seg-ids`` metadata), then ``# lang =`` its language (the sentence's
  ``xml:lang``, else the turn's ``seg-lang``, else the event's language);
- ``# sent_id =`` the sentence's id (else its ``n``); ParlaMint 5.0's sentiment, where
  the sentence has a sentiment ``measure``: ``# senti_3 =`` the term of its category's
  parent, ``# senti_6 =`` its category's term (both from the corpus taxonomy, in the
  session's language) and ``# senti_n =`` its ``@quantity``; then ``# text =`` the
  forms, a space after each unless ``SpaceAfter=No``, with white space runs made one
  space;
- one line per word: ID, FORM, LEMMA (the form for punctuation without a lemma), UPOS,
  XPOS, FEATS (sorted, case-insensitively), HEAD, DEPREL (UD spelling: ``nsubj:pass``),
  DEPS, MISC (``NER=B-PER``/``I-PER``/``O``, then ``SpaceAfter=No``); a multiword
  token is a range line (``4-5  á  _ ...``) whose MISC holds its NER tag and
  SpaceAfter, followed by its syntactic words with MISC ``_``;
- a blank line after each sentence.

:func:`loads` reads any CoNLL-U file: ``# newdoc`` starts a turn, ``# newpar`` a paragraph
(a file without them is one turn, one paragraph), each sentence's tokens rebuild the
text (a space after each unless ``SpaceAfter=No``), and every token keeps its offset in
that text. CoNLL-U names no speakers: every turn is said by one placeholder speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from typing import IO

from . import _losses
from ._conllu_read import DOC_KEY, NER_KEY, PAR_KEY, SENTIMENT, Reader, sentence_text
from ._io import check_binary, check_transcript, decode_text, source_name
from ._linguistic import Sentence, Token
from ._parlamint_meta import localised
from .errors import ParseError, WriteError
from .models import Transcript, Turn

__all__ = ["dump", "dumps", "load", "loads"]


def loads(s: str | bytes, /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript from a CoNLL-U document.

    Args:
        s: The document (``bytes`` are decoded as UTF-8, with or without a BOM).
        source: A name for the input, shown in error messages (a file name).
        strict: Raise a :class:`~debatekit.ParseError` where the lenient reader warns:
            an empty node (enhanced dependencies), a comment that is not
            ``key = value``, a document id that is no XML name (a sentence id that is
            none, such as ``1``, is kept as the sentence's ``n`` and written back).

    Raises:
        ParseError: A line that is not CoNLL-U (not 10 fields, a word id out of
            sequence, a HEAD past the sentence, a bad NER tag, an empty FORM), with its
            line and column.
    """
    text = decode_text(s, source)
    if not text.strip():
        raise ParseError("empty file", source=source, lineno=1, colno=1)
    return Reader(text, source, strict).read()


def load(fp: IO[bytes], /, *, source: str | None = None, strict: bool = False) -> Transcript:
    """Read a transcript from a binary file object; see :func:`loads`."""
    check_binary(fp, "rb")
    name = source if source is not None else source_name(fp)
    return loads(fp.read(), source=name, strict=strict)


def dumps(transcript: Transcript, /, *, ner: bool | None = None) -> str:
    """Write the sentences of ``transcript`` as CoNLL-U, in ParlaMint's conventions.

    Args:
        transcript: The transcript; turns without sentences are left out (a
            :class:`~debatekit.LossWarning` counts them).
        ner: Write ``NER=`` tags in MISC (``O`` outside named entities), as ParlaMint
            does; by default, unless the transcript was read from a CoNLL-U file
            without them (its ``conllu:ner`` metadata is ``"false"``).

    Returns:
        The document: each sentence ends with a blank line ("" without sentences).

    Raises:
        WriteError: A field holds a tab or a line break, which CoNLL-U cannot hold.
    """
    check_transcript(transcript)
    _losses.warn(transcript, "conllu")
    turns = [t for t in transcript.turns if t.sentences]
    meta = transcript.meta
    if ner is None:
        ner = meta.get(NER_KEY) != "false"
    layout = (meta.get(DOC_KEY) != "false", meta.get(PAR_KEY) != "false")
    lines: list[str] = []
    senti = _Sentiment(meta)
    for turn in turns:
        _turn(lines, turn, transcript.event.language, ner, layout, senti)
    return "\n".join(lines) + "\n" if lines else ""


def dump(transcript: Transcript, fp: IO[bytes], /, *, ner: bool | None = None) -> None:
    """Write ``transcript`` as UTF-8 CoNLL-U to a binary file; see :func:`dumps`."""
    check_binary(fp, "wb")
    fp.write(dumps(transcript, ner=ner).encode("utf-8"))


def _turn(
    lines: list[str],
    turn: Turn,
    language: str | None,
    ner: bool,
    layout: tuple[bool, bool],
    senti: _Sentiment,
) -> None:
    """A turn's lines; ``layout``: whether to write ``# newdoc`` and ``# newpar`` lines."""
    documents, paragraphs = layout
    if documents:
        lines.append(f"# newdoc id = {turn.id}")
        for key, value in senti.comments(turn.meta):
            lines.append(_comment(key, value, f"turn {turn.id!r}"))
    starts: list[int] = []
    at = 0
    for paragraph in turn.paragraphs:
        starts.append(at)
        at += len(paragraph) + 2
    seg_ids = turn.meta.get("seg-ids", "").split()
    if len(seg_ids) != len(turn.paragraphs):
        seg_ids = []
    default_lang = turn.meta.get("seg-lang") or language
    current = -1
    for j, sentence in enumerate(turn.sentences):
        where = f"turn {turn.id!r}, sentence {j}"
        index = bisect_right(starts, sentence.offset) - 1
        if index != current and paragraphs:
            current = index
            lines.append(f"# newpar id = {seg_ids[index]}" if seg_ids else "# newpar")
            lang = sentence.meta.get("xml:lang") or default_lang
            if lang:
                lines.append(_comment("lang", lang, where))
        _sentence(lines, sentence, ner, where, senti)


class _Sentiment:
    """A sentence's ``# senti_3``, ``# senti_6`` and ``# senti_n`` comments (ParlaMint
    5.0): from its sentiment ``measure`` (its ``@ana`` category's term, the parent
    category's term, its ``@quantity``), or as read from a CoNLL-U file."""

    def __init__(self, meta: Mapping[str, str]) -> None:
        self.meta = meta

    def term(self, cid: str) -> str:
        """A category's term, in English as ParlaMint writes it here."""
        prefix = f"category.{cid}@"
        found = {k[len(prefix) :]: v for k, v in self.meta.items() if k.startswith(prefix)}
        return localised(found, "en")

    def comments(self, meta: Mapping[str, str]) -> list[tuple[str, str]]:
        """For a sentence's or a turn's metadata."""
        read = [(k, meta[k]) for k in SENTIMENT if k in meta]
        if read:
            return read
        found = _SENTI_MEASURE.search(meta.get("tei:measure", ""))
        if found is None:
            return []
        attrs = dict(_ATTR.findall(found.group(0)))
        cid = attrs.get("ana", "").split(":", 1)[-1].rsplit("#", 1)[-1]
        parent = self.meta.get(f"category.{cid}#within", "").split()
        out = [
            ("senti_3", self.term(parent[0]) if parent else ""),
            ("senti_6", self.term(cid) if cid else ""),
            ("senti_n", attrs.get("quantity", "")),
        ]
        return [(k, v) for k, v in out if v]


_SENTI_MEASURE = re.compile(r"<measure\b[^>]*\btype=\"sentiment\"[^>]*>")
_ATTR = re.compile(r'\b([\w:]+)="([^"]*)"')


def _comment(key: str, value: str, where: str) -> str:
    if "\n" in value or "\r" in value:
        raise WriteError("conllu", f"comment {key!r} holds a line break", path=where)
    return f"# {key} = {value}"


def _sentence(
    lines: list[str], sentence: Sentence, ner: bool, where: str, senti: _Sentiment
) -> None:
    meta = sentence.meta
    sid = sentence.id if sentence.id is not None else meta.get("n")
    if sid is not None:
        lines.append(_comment("sent_id", sid, where))
    for key, value in senti.comments(meta):
        lines.append(_comment(key, value, where))
    lines.append(_comment("text", sentence_text(sentence.tokens), where))
    tags = _iob(sentence) if ner else None
    n = 0
    for i, token in enumerate(sentence.tokens):
        misc = _misc(token, tags[i] if tags is not None else None)
        if token.parts:
            first = n + 1
            n += len(token.parts)
            lines.append(_line(f"{first}-{n}\t{token.form}\t_\t_\t_\t_\t_\t_\t_\t{misc}", where))
            for k, part in enumerate(token.parts):
                lines.append(_word(first + k, part, "_", where))
        else:
            n += 1
            lines.append(_word(n, token, misc, where))
    lines.append("")


def _iob(sentence: Sentence) -> list[str]:
    """Each surface token's NER tag; a nested entity's tags win over its parent's."""
    tags = ["O"] * len(sentence.tokens)
    for entity in sentence.entities:
        tags[entity.start] = f"B-{entity.kind}"
        for i in range(entity.start + 1, entity.end):
            tags[i] = f"I-{entity.kind}"
    return tags


def _misc(token: Token, tag: str | None) -> str:
    items = [] if tag is None else [f"NER={tag}"]
    if not token.space_after:
        items.append("SpaceAfter=No")
    return "|".join(items) or "_"


def _word(n: int, token: Token, misc: str, where: str) -> str:
    form = token.form
    lemma = token.lemma or (form if token.punct else "_")
    feats = "|".join(sorted(token.feats.split("|"), key=str.lower)) if token.feats else "_"
    head = "_" if token.head is None else str(token.head)
    line = (
        f"{n}\t{form}\t{lemma}\t{token.upos or '_'}\t{token.xpos or '_'}\t{feats}\t{head}"
        f"\t{token.deprel or '_'}\t_\t{misc}"
    )
    return _line(line, where)


def _line(line: str, where: str) -> str:
    if line.count("\t") != 9 or "\n" in line or "\r" in line:
        raise WriteError(
            "conllu",
            f"a field of {line.split(chr(9))[1]!r} holds a tab or a line break",
            path=where,
        )
    return line
