"""The linguistic layer of a turn: sentences, tokens, syntactic words, dependencies
and named entities, as ParlaMint's ``.ana`` TEI and CoNLL-U carry them.

A :class:`~debatekit.Turn` may hold :class:`Sentence` s; a sentence holds
:class:`Token` s (surface tokens: what is written, in order) and :class:`Entity` s
(named entities over runs of its tokens). A token that is several syntactic words
(Spanish ``del`` = ``de`` + ``el``, a *multiword token*) holds them in
:attr:`Token.parts`; :attr:`Sentence.words` lists the syntactic words, and
:attr:`Token.head` indexes into that list as CoNLL-U's HEAD column does (1-based,
0 for the root).

Every token is anchored in :attr:`Turn.text <debatekit.Turn.text>`: its ``form`` is
the slice of the text at its ``offset``. The turn's text stays what the plain
reading gives (word counts, claims, plain text and the ParlaMint text export use
it); the layer adds to it and never changes it.

How the layer relates to the rest of the model:

- A TEI ``name`` inside a sentence (``s``) is an :class:`Entity`; a ``name``
  outside any sentence stays :class:`~debatekit.Markup` (``kind="name"``).
- Incidents inside a sentence (a ``note`` or ``vocal`` between two tokens) stay
  :class:`~debatekit.Incident` s of the turn, at their offset; they are not tokens.
- Ids (``xml:id``) of sentences and tokens share the transcript's one id space.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol

import attrs
from attrs import field, frozen

from ._checks import SURROGATE_SEARCH as _SURROGATE_SEARCH
from ._checks import check_attribute_names, check_id, check_items, check_meta, check_strings
from ._checks import raise_problems as _raise
from ._frozendict import EMPTY, FrozenDict, frozen_mapping
from ._rules import are_ncnames, is_ncname
from .errors import Problem

__all__ = ["VERBATIM", "Entity", "Sentence", "Token", "check_layer_fits", "check_sentences"]

#: The prefix of a :attr:`Sentence.meta` key whose value is an element of the TEI ``s``
#: kept verbatim as XML (``tei:measure``, ``tei:linkGrp``), not an attribute.
VERBATIM = "tei:"


class _Span(Protocol):
    """What check_layer_fits reads of a markup span."""

    @property
    def offset(self) -> int: ...
    @property
    def length(self) -> int: ...


class _Placed(Protocol):
    """What check_layer_fits reads of an incident."""

    @property
    def offset(self) -> int | None: ...


_TOKEN_STRINGS = ("form", "lemma", "upos", "xpos", "feats", "deprel")


def _tokens(value: Iterable[Token]) -> tuple[Token, ...]:
    return value if type(value) is tuple else tuple(value)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return value if type(value) is tuple else tuple(value)


def _good_form(form: object) -> bool:
    """A token's form: a non-empty string without white space at either end."""
    return (
        type(form) is str
        and form != ""
        and not form[0].isspace()
        and not form[-1].isspace()
        and (form.isascii() or _SURROGATE_SEARCH(form) is None)
    )


def _fine(value: object) -> bool:
    """None, or a string without a lone surrogate (what check_strings accepts)."""
    return value is None or (
        type(value) is str and (value.isascii() or _SURROGATE_SEARCH(value) is None)
    )


@frozen(kw_only=True)
class Token:
    """A token of a sentence: a word or a punctuation mark, with its annotation.

    The fields follow CoNLL-U's columns and ParlaMint's TEI (``w``, ``pc``).

    Attributes:
        form: The surface form, exactly as in the turn's text. For a part of a
            multiword token (see :attr:`parts`), its syntactic form (TEI ``norm``),
            which need not be in the text.
        offset: Where the token starts in :attr:`Turn.text <debatekit.Turn.text>`;
            a part has the offset of its multiword token.
        id: The token's ``xml:id``, where it has one.
        lemma: The lemma (TEI ``lemma``, CoNLL-U LEMMA).
        upos: The Universal POS tag (the ``UPosTag`` of TEI ``msd``, CoNLL-U UPOS).
        xpos: The language-specific tag (TEI ``pos``, CoNLL-U XPOS).
        feats: Universal features as CoNLL-U writes them (``Case=Nom|Number=Sing``):
            TEI ``msd`` without its ``UPosTag=`` feature.
        head: The syntactic head, as CoNLL-U's HEAD: a 1-based index into
            :attr:`Sentence.words`, 0 for the root, ``None`` where not parsed (and
            always for a multiword token, whose parts carry the syntax).
        deprel: The Universal Dependencies relation to the head, in UD's spelling
            (``nsubj``, ``acl:relcl``).
        space_after: False where no space follows (TEI ``join="right"``, CoNLL-U
            ``SpaceAfter=No``): the next token of the paragraph starts at :attr:`end`.
        punct: True for punctuation (TEI ``pc`` rather than ``w``).
        parts: The syntactic words of a multiword token (TEI ``w`` inside ``w``,
            a CoNLL-U range line); empty for an ordinary token.
        meta: Any other attribute of the TEI element, by its TEI name.
    """

    form: str
    offset: int
    id: str | None = None
    lemma: str | None = None
    upos: str | None = None
    xpos: str | None = None
    feats: str | None = None
    head: int | None = None
    deprel: str | None = None
    space_after: bool = True
    punct: bool = False
    parts: tuple[Token, ...] = field(default=(), converter=_tokens)
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    @property
    def end(self) -> int:
        """The offset after the token's surface form."""
        return self.offset + len(self.form)

    def __attrs_post_init__(self) -> None:
        # Fast path (this runs once per token of large corpora); the full check below
        # finds and names every problem.
        head = self.head
        if (
            type(self.offset) is int
            and self.offset >= 0
            and not self.parts
            and not self.meta
            and _good_form(self.form)
            and (head is None or (type(head) is int and head >= 0))
            and (self.deprel is None or (head is not None and _fine(self.deprel)))
            and (self.id is None or (type(self.id) is str and is_ncname(self.id)))
            and self.upos != ""
            and self.deprel != ""
            and _fine(self.lemma)
            and _fine(self.upos)
            and _fine(self.xpos)
            and _fine(self.feats)
        ):
            return
        problems: list[Problem] = []
        if not _good_form(self.form):
            problems.append(
                Problem(
                    "form",
                    f"invalid form {self.form!r}: expected a non-empty string "
                    "without white space at either end",
                )
            )
        if type(self.offset) is not int or self.offset < 0:
            problems.append(Problem("offset", f"invalid offset {self.offset!r}"))
        if self.id is not None:
            check_id(problems, "id", self.id)
        check_strings(problems, self, _TOKEN_STRINGS[1:])
        for name in ("upos", "deprel"):
            if getattr(self, name) == "":
                problems.append(Problem(name, f"empty {name}: use None"))
        if head is not None and (type(head) is not int or head < 0):
            problems.append(Problem("head", f"invalid head {head!r}: expected an index >= 0"))
        if self.deprel is not None and head is None:
            problems.append(Problem("deprel", "a relation needs a head"))
        if self.parts:
            _check_parts(problems, self)
        check_meta(problems, "meta", self.meta)
        check_attribute_names(problems, "meta", self.meta)
        _raise(problems)


_new = object.__new__
# The setters of Token's slots, for _plain_layer (in this order; a test checks it).
_TOKEN_FIELDS = (
    "form",
    "offset",
    "id",
    "lemma",
    "upos",
    "xpos",
    "feats",
    "head",
    "deprel",
    "space_after",
    "punct",
    "parts",
    "meta",
)
_TOKEN_SETTERS = tuple(Token.__dict__[name].__set__ for name in _TOKEN_FIELDS)


_Row = tuple[str, int, str | None, str | None, str | None, str | None, str | None, bool, bool]


def _plain_layer(
    id: str | None,
    rows: list[_Row],
    heads: list[tuple[int, str | None] | None],
    start: int,
    entities: list[Entity],
    meta: dict[str, str],
) -> Sentence | None:
    """The common sentence of a reader (tokens without parts or meta), its tokens and
    itself built in one loop, without the general ``__init__``; ``None`` where a check
    fails (the caller then builds it the general way, which names every problem).

    ``rows`` are ``(form, rel, id, lemma, upos, xpos, feats, space_after, punct)``,
    each token's offset ``start + rel``; ``heads[i]`` is ``(head, deprel)`` of
    ``rows[i]``, or ``None``. This is the trusted path of the ``.ana`` reader, which
    builds millions of tokens: it checks here what the reader cannot know (ids are
    NCNames, heads are words of the sentence other than the word itself, a relation is
    not empty, the entities nest; the sentence's meta),
    and takes as given what the reader's rows are by construction (see
    ``_tei_tokens.TokenReader._read_token``): forms non-empty without white space at
    either end, at offsets in order (``rel`` grows by each form); strings read by
    lxml, so without a lone surrogate (XML cannot carry one); a non-empty UPOS; heads
    ``int`` s from 0. tests/test_fast_paths.py checks that what it builds
    is what ``__init__`` builds, and tests/test_tei_tokens.py that every sentence the
    reader builds passes the full validation.
    """
    ids: list[object] = [row[2] for row in rows if row[2] is not None]
    if id is not None:
        ids.append(id)
    if not are_ncnames(ids):  # all at once: most of it one regex
        return None
    (
        set_form,
        set_offset,
        set_id,
        set_lemma,
        set_upos,
        set_xpos,
        set_feats,
        set_head,
        set_deprel,
        set_space_after,
        set_punct,
        set_parts,
        set_meta,
    ) = _TOKEN_SETTERS
    new = _new
    tokens: list[Token] = []
    add = tokens.append
    size = len(rows)
    for word, ((form, rel, id_, lemma, upos, xpos, feats, space_after, punct), found) in enumerate(
        zip(rows, heads, strict=True), 1
    ):
        add(token := new(Token))
        if found is None:
            set_head(token, None)
            set_deprel(token, None)
        else:
            head, deprel = found
            if head == word or head > size or deprel == "":
                return None
            set_head(token, head)
            set_deprel(token, deprel)
        set_form(token, form)
        set_offset(token, start + rel)
        set_id(token, id_)
        set_lemma(token, lemma)
        set_upos(token, upos)
        set_xpos(token, xpos)
        set_feats(token, feats)
        set_space_after(token, space_after)
        set_punct(token, punct)
        set_parts(token, ())
        set_meta(token, EMPTY)
    return _plain_sentence(id, tokens, entities, meta)


def _check_parts(problems: list[Problem], token: Token) -> None:
    """The parts of a multiword token: plain tokens at its offset; it has no syntax."""
    if not check_items(problems, "parts", token.parts, Token):
        return
    if len(token.parts) < 2:
        problems.append(Problem("parts", "a multiword token has at least two parts"))
    for i, part in enumerate(token.parts):
        if part.parts:
            problems.append(Problem(f"parts[{i}].parts", "a part has no parts of its own"))
        if part.offset != token.offset:
            problems.append(
                Problem(
                    f"parts[{i}].offset",
                    f"offset {part.offset} is not its token's offset {token.offset}",
                )
            )
    if token.head is not None or token.deprel is not None:
        problems.append(
            Problem("head", "a multiword token has no head or deprel: its parts have them")
        )
    if token.punct:
        problems.append(Problem("punct", "a multiword token is a word (TEI w), not a pc"))


@frozen(kw_only=True)
class Entity:
    """A named entity: a run of tokens of one sentence (TEI ``name`` inside ``s``).

    Attributes:
        kind: The entity type, TEI ``name/@type``: ParlaMint uses ``PER``, ``LOC``,
            ``ORG`` and ``MISC``.
        start: The index of its first token in :attr:`Sentence.tokens`.
        end: The index after its last token (exclusive).
        meta: Any other attribute of the TEI ``name``, by its TEI name.
    """

    kind: str
    start: int
    end: int
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        kind: object = self.kind
        if not isinstance(kind, str) or not kind.strip():
            problems.append(Problem("kind", f"invalid kind {kind!r}"))
        check_strings(problems, self, ("kind",))
        if type(self.start) is not int or self.start < 0:
            problems.append(Problem("start", f"invalid start {self.start!r}"))
        elif type(self.end) is not int or self.end <= self.start:
            problems.append(Problem("end", f"end {self.end!r} is not after start {self.start}"))
        check_meta(problems, "meta", self.meta)
        check_attribute_names(problems, "meta", self.meta)
        _raise(problems)


@frozen(kw_only=True)
class Sentence:
    """A sentence of a turn (TEI ``s``): its tokens and named entities.

    Attributes:
        id: The sentence's ``xml:id`` (CoNLL-U ``# sent_id``), where it has one.
        tokens: The surface tokens, in order of offset, not overlapping; at least one.
        entities: Named entities over its tokens, in order of ``start`` (the longer
            first), nested or apart, never crossing.
        meta: Any other attribute of the TEI ``s``, by its TEI name; and, under
            ``tei:`` and their name (``tei:measure``, ``tei:linkGrp.2``), elements of
            the ``s`` that hold no token and that the model does not name, kept
            verbatim as XML (a sentiment ``measure``, a ``linkGrp`` other than UD-SYN).
    """

    id: str | None = None
    tokens: tuple[Token, ...] = field(default=(), converter=_tokens)
    entities: tuple[Entity, ...] = field(default=(), converter=_entities)
    meta: FrozenDict[str, str] = field(default=EMPTY, converter=frozen_mapping)

    @property
    def offset(self) -> int:
        """Where the sentence starts in the turn's text: its first token's offset."""
        return self.tokens[0].offset

    @property
    def end(self) -> int:
        """The offset after its last token."""
        return self.tokens[-1].end

    @property
    def words(self) -> tuple[Token, ...]:
        """The syntactic words: each token, or its parts where it has parts, in order.

        :attr:`Token.head` indexes into this tuple, 1-based (CoNLL-U's word ids).
        """
        if not any(token.parts for token in self.tokens):
            return self.tokens
        return tuple(w for token in self.tokens for w in (token.parts or (token,)))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.id is not None:
            check_id(problems, "id", self.id)
        if not check_items(problems, "tokens", self.tokens, Token) or not check_items(
            problems, "entities", self.entities, Entity
        ):
            _raise(problems)
        if not self.tokens:
            problems.append(Problem("tokens", "a sentence has at least one token"))
        _check_order(problems, self.tokens)
        _check_heads(problems, self)
        if self.entities:
            _check_entities(problems, self)
        check_meta(problems, "meta", self.meta)
        attributes = {k: v for k, v in self.meta.items() if not k.startswith(VERBATIM)}
        check_attribute_names(problems, "meta", attributes)
        _raise(problems)


def _plain_sentence(
    id: str | None, tokens: list[Token], entities: list[Entity], meta: dict[str, str]
) -> Sentence | None:
    """The sentence of :func:`_plain_layer`, its fields set without the general
    ``__init__``: what its tokens are by construction is not checked again; its
    entities and meta are."""
    if not tokens:
        return None
    sentence = _new(Sentence)
    set_id, set_tokens, set_entities, set_meta = _SENTENCE_SETTERS
    set_id(sentence, id)
    set_tokens(sentence, tuple(tokens))
    set_entities(sentence, tuple(entities))
    frozen = frozen_mapping(meta) if meta else EMPTY
    set_meta(sentence, frozen)
    if entities or meta:
        problems: list[Problem] = []
        if any(type(entity) is not Entity for entity in entities):
            return None
        _check_entities(problems, sentence)
        if meta:
            check_meta(problems, "meta", frozen)
            attributes = {k: v for k, v in frozen.items() if not k.startswith(VERBATIM)}
            check_attribute_names(problems, "meta", attributes)
        if problems:
            return None
    return sentence


def _plain_entities(found: list[tuple[str, int, int, dict[str, str]]]) -> list[Entity]:
    """A reader's entities from ``(kind, start, end, meta)``, in order of start (the
    longer first). The common one (no meta, a kind not blank) is built without the
    general ``__init__``: a reader's are sure to run from ``start`` to a greater ``end``
    and to have a kind read by lxml (no lone surrogate). Others are built the general
    way, which names every problem. (tests/test_fast_paths.py checks they agree.)"""
    entities: list[Entity] = []
    add = entities.append
    set_kind, set_start, set_end, set_meta = _ENTITY_SETTERS
    for kind, start, end, meta in found:
        if meta or not kind.strip():
            add(Entity(kind=kind, start=start, end=end, meta=meta))
            continue
        add(entity := _new(Entity))
        set_kind(entity, kind)
        set_start(entity, start)
        set_end(entity, end)
        set_meta(entity, EMPTY)
    if len(entities) > 1:
        entities.sort(key=lambda e: (e.start, -e.end))
    return entities


# The setters of Entity's slots, for _plain_entities (in this order; a test checks it).
_ENTITY_FIELDS = ("kind", "start", "end", "meta")
_ENTITY_SETTERS = tuple(Entity.__dict__[name].__set__ for name in _ENTITY_FIELDS)


# The setters of Sentence's slots, for _plain_sentence (in this order; a test checks it).
_SENTENCE_FIELDS = ("id", "tokens", "entities", "meta")
_SENTENCE_SETTERS = tuple(Sentence.__dict__[name].__set__ for name in _SENTENCE_FIELDS)


def _check_order(problems: list[Problem], tokens: tuple[Token, ...]) -> None:
    end = 0
    for i, token in enumerate(tokens):
        if token.offset < end:
            problems.append(
                Problem(
                    f"tokens[{i}].offset",
                    f"offset {token.offset} is before the end {end} of the token before",
                )
            )
        end = token.offset + len(token.form)


def _check_heads(problems: list[Problem], sentence: Sentence) -> None:
    words = sentence.words
    size = len(words)
    for i, word in enumerate(words):
        if word.head is not None and word.head > size:
            problems.append(
                Problem(
                    f"words[{i}].head",
                    f"head {word.head} is past the sentence's {size} words",
                )
            )
        elif word.head == i + 1:
            problems.append(Problem(f"words[{i}].head", "a word is not its own head"))


def _check_entities(problems: list[Problem], sentence: Sentence) -> None:
    size = len(sentence.tokens)
    open_ends: list[int] = []
    previous = (0, -size)
    for i, entity in enumerate(sentence.entities):
        path = f"entities[{i}]"
        if entity.end > size:
            problems.append(
                Problem(f"{path}.end", f"end {entity.end} is past the sentence's {size} tokens")
            )
        key = (entity.start, -entity.end)
        if key < previous:
            problems.append(Problem(path, "out of order: keep entities by start, the longer first"))
        previous = key
        while open_ends and open_ends[-1] <= entity.start:
            open_ends.pop()
        if open_ends and entity.end > open_ends[-1]:
            problems.append(
                Problem(path, f"tokens {entity.start}..{entity.end} cross another entity")
            )
        open_ends.append(entity.end)


def check_sentences(
    problems: list[Problem], paragraphs: tuple[str, ...], sentences: tuple[Sentence, ...]
) -> None:
    """A turn's sentences against its text (Turn's check; one pass over the tokens).

    Each token's form is the text at its offset; tokens (across sentences) come in
    order without overlap; inside its paragraph, a token is followed by white space
    exactly when it has ``space_after``; inside a sentence, by one space or nothing;
    each sentence lies in one paragraph.
    """
    if not check_items(problems, "sentences", sentences, Sentence):
        return
    text = "\n\n".join(paragraphs)
    starts = text.startswith
    bounds: list[int] = []  # the end of each paragraph
    pos = -2
    for paragraph in paragraphs:
        pos += len(paragraph) + 2
        bounds.append(pos)
    index = 0  # the paragraph of the sentence
    end = 0
    for i, sentence in enumerate(sentences):
        path = f"sentences[{i}]"
        first = sentence.tokens[0].offset
        while index < len(bounds) - 1 and first > bounds[index]:
            index += 1
        limit = bounds[index] if bounds else 0
        if not bounds or sentence.tokens[-1].end > limit:
            problems.append(Problem(path, f"{first}..{sentence.end} is not inside one paragraph"))
        space: bool | None = None  # the space_after of the token before
        for j, token in enumerate(sentence.tokens):
            offset = token.offset
            form = token.form
            if offset < end:
                problems.append(
                    Problem(
                        f"{path}.tokens[{j}].offset",
                        f"offset {offset} is before the end {end} of the token before",
                    )
                )
            elif not starts(form, offset):
                problems.append(
                    Problem(
                        f"{path}.tokens[{j}].form",
                        f"{form!r} is not the text at {offset}: "
                        f"{text[offset : offset + len(form)]!r}",
                    )
                )
            if space is None:
                pass
            elif offset - end != space:
                problems.append(
                    Problem(
                        f"{path}.tokens[{j}].offset",
                        f"{offset - end} characters after the token before, which has "
                        f"space_after={space}: inside a sentence, tokens "
                        "are one space apart, or none",
                    )
                )
            elif space and text[end] != " ":
                problems.append(
                    Problem(
                        f"{path}.tokens[{j}].offset", "the token before is not followed by a space"
                    )
                )
            end = offset + len(form)
            space = token.space_after
            if end < limit and text[end].isspace() != space:
                problems.append(
                    Problem(
                        f"{path}.tokens[{j}].space_after",
                        f"is {space} but the text after the token is {text[end : end + 3]!r}",
                    )
                )


def check_layer_fits(
    problems: list[Problem],
    text: str,
    sentences: tuple[Sentence, ...],
    markup: tuple[_Span, ...],
    incidents: tuple[_Placed, ...],
) -> None:
    """Markup and incidents fit the sentences, so that TEI can nest them.

    A markup span contains a sentence whole or lies outside it (it does not start, end
    or stand inside one: TEI's ``s`` holds tokens, names and incidents); an incident
    inside a sentence stands at the start of one of its tokens (between two tokens,
    where TEI puts it). Where a space follows a sentence, nothing stands between the
    sentence and the space: TEI's tokens carry that space (no ``join="right"``), so
    what follows the ``s`` comes after it.
    """
    starts = [sentence.offset for sentence in sentences]
    glued = set()  # ends of sentences a space follows: no place for anything there
    for sentence in sentences:
        last = sentence.tokens[-1]
        end = sentence.end
        if end < len(text) and text[end] == " " and last.meta.get("join") != "right":
            glued.add(end)
    for i, span in enumerate(markup):
        end = span.offset + span.length
        j = bisect_right(starts, span.offset) - 1
        if span.offset in glued or end in glued:
            problems.append(
                Problem(
                    f"markup[{i}]",
                    f"span {span.offset}..{end} starts or ends between a sentence and the "
                    "space after it",
                )
            )
            continue
        for sentence in sentences[max(j, 0) :]:
            if sentence.offset >= end and (span.length or sentence.offset > span.offset):
                break
            inside = sentence.offset < span.offset < sentence.end or (
                sentence.offset < end < sentence.end
            )
            if inside:
                problems.append(
                    Problem(
                        f"markup[{i}]",
                        f"span {span.offset}..{end} starts or ends inside the sentence at "
                        f"{sentence.offset}..{sentence.end}: markup covers whole sentences",
                    )
                )
                break
    for i, incident in enumerate(incidents):
        offset = incident.offset
        if offset is None:
            continue
        if offset in glued:
            problems.append(
                Problem(
                    f"incidents[{i}].offset",
                    f"{offset} is between a sentence and the space after it",
                )
            )
            continue
        j = bisect_right(starts, offset) - 1
        if j < 0 or offset >= sentences[j].end or offset == starts[j]:
            continue
        if not any(token.offset == offset for token in sentences[j].tokens):
            problems.append(
                Problem(
                    f"incidents[{i}].offset",
                    f"{offset} is inside the sentence at {starts[j]}..{sentences[j].end} "
                    "but not at the start of one of its tokens",
                )
            )


def _resolve() -> None:
    for cls in (Token, Entity, Sentence):
        attrs.resolve_types(cls)


_resolve()
