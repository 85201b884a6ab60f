"""The TEI reader, the linguistic layer: ``s``, ``w``, ``pc``, ``name`` and UD-SYN
``linkGrp`` (ParlaMint's ``.ana`` files) as :class:`~debatekit.Sentence` s of a turn.

While an utterance is read, each ``s`` leaves one mark in its paragraph's text (where
it starts) and a :class:`PendingSentence` beside the incidents; its tokens' places are
known relative to that mark (each form, then one space unless ``join="right"``), so once
white space is normalised the mark's place gives every token's offset.

How TEI maps to the model (see :class:`~debatekit.Token`): ``xml:id`` → ``id``,
``lemma``, ``pos`` → ``xpos``, ``msd`` → ``upos`` (its ``UPosTag``) and ``feats`` (the
rest), ``join="right"`` → ``space_after=False``, ``pc`` → ``punct``, a ``w`` inside a
``w`` → a part of a multiword token (its form from ``norm``), any other attribute →
``meta``. A ``msd`` that does not read back the same from ``upos`` and ``feats`` (its
``UPosTag`` not first, or none) is kept whole in ``meta["msd"]``; a ``join="right"``
that the text contradicts (white space between two sentences) in ``meta["join"]``.
UD-SYN links give ``head`` and ``deprel``: ``ana="ud-syn:X"`` is resolved through the
document's (or its corpus root's) ``prefixDef`` to a taxonomy category whose term is
the relation (``acl_relcl`` → ``acl:relcl``); without that category, ParlaMint's
convention (``_`` for UD's ``:``) applies. A ``linkGrp`` of another type, and any
other element inside ``s`` that holds no token (a sentiment ``measure``), is kept
verbatim, as XML, in the sentence's meta under ``tei:`` and its name
(``meta["tei:measure"]``, ``tei:linkGrp.2``, ...); markup around tokens inside an ``s``
is reported and not kept (the model's markup covers whole sentences), its tokens are.

Part of the TEI reader (see :mod:`debatekit._tei_read`).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ._linguistic import VERBATIM, Sentence, Token, _plain_entities, _plain_layer, _Row
from ._tei_base import (
    _T,
    _TOKEN_TAGS,
    Element,
    Lists,
    _add,
    _attr_name,
    _itertext,
    _preserved,
    attributes,
    local,
    read_prefixes,
    verbatim,
)
from ._tei_common import INCIDENT_TAGS, MILESTONE_TAGS, XML_ID, XML_SPACE, normalize
from ._tei_standoff import StandOffReader
from .errors import ValidationError

__all__ = ["UD_SYN", "PendingSentence", "TokenReader"]

#: The ``type`` of the ``linkGrp`` that holds Universal Dependencies relations.
UD_SYN = "UD-SYN"
_W = _T + "w"
_PC = _T + "pc"
_NAME = _T + "name"
_LINK_GRP = _T + "linkGrp"
_LINK = _T + "link"
# Attributes a token's fields hold; the rest go to meta.
_TOKEN_ATTRS = frozenset([XML_ID, "lemma", "pos", "msd", "join"])
_UPOS = "UPosTag="
_UPOS_SIZE = len(_UPOS)
#: The prefix of a MULTEXT-East morphosyntactic tag in a token's ``ana``.
MTE = "mte:"


@attrs.define(eq=False, slots=True)
class PendingToken:
    """A token read from TEI, its offset still relative to its sentence's start."""

    form: str
    rel: int
    attrs: dict[str, str]
    punct: bool
    parts: list[PendingToken]


@attrs.define(eq=False, slots=True)
class PendingSentence:
    """An ``s`` read, waiting for its place in the paragraph (its mark)."""

    element: Element
    id: str | None = None
    # A row per common token (see _linguistic._plain_layer), a PendingToken per other.
    tokens: list[_Row | PendingToken] = attrs.field(factory=list)
    entities: list[tuple[str, int, int, dict[str, str]]] = attrs.field(factory=list)
    links: list[Element] = attrs.field(factory=list)
    meta: dict[str, str] = attrs.field(factory=dict)
    ids: dict[str, int] = attrs.field(factory=dict)  # word ids -> word numbers (1-based)
    size: int = 0  # characters read so far, from the sentence's start
    words: int = 0  # syntactic words read so far
    last: int = -1  # where in the paragraph's parts the last token's text is
    first: int = 0  # where in the paragraph's parts the sentence's text starts
    text: str = ""  # the tokens' text (forms and the spaces between): its place is checked
    general: bool = False  # a token is not a row: the sentence is built the general way


def _split_msd(msd: str) -> tuple[str | None, str | None]:
    """``UPosTag=NOUN|Case=Nom`` → ``("NOUN", "Case=Nom")``; no UPosTag → ``(None, msd)``."""
    if not msd.startswith(_UPOS):
        return None, msd
    upos, _, feats = msd[len(_UPOS) :].partition("|")
    return upos or None, feats or None


def _clean_msd(msd: str) -> tuple[str, str | None] | tuple[()]:
    """``msd`` as ``(upos, feats)`` where it reads back the same from them (its
    ``UPosTag`` first); ``()`` where it does not (it is then kept in meta)."""
    if not msd.startswith(_UPOS):
        return ()
    upos, bar, feats = msd[_UPOS_SIZE:].partition("|")
    if not upos or (bar and not feats):
        return ()
    return upos, feats or None


def _join_msd(upos: str | None, feats: str | None) -> str | None:
    """What :func:`_split_msd` split, put together again."""
    if upos is None:
        return feats
    return _UPOS + upos + ("|" + feats if feats else "")


def _xpos(attributes: dict[str, str]) -> str | None:
    """XPOS: ``pos``; without it, a MULTEXT-East tag in ``ana`` (``mte:Ncmsn``, the XPOS
    of ParlaMint's South Slavic corpora), which stays in meta too."""
    pos = attributes.get("pos")
    if pos is None:
        ana = attributes.get("ana", "")
        if ana.startswith(MTE) and " " not in ana and len(ana) > len(MTE):
            return ana[len(MTE) :]
    return pos


def _form(text: str) -> str:
    """A token's text normalised, where that gives a form (no other white space at either
    end); ``""`` where it does not (the general way then reads and reports it)."""
    form = normalize(text)
    return "" if form and (form[0].isspace() or form[-1].isspace()) else form


def _pending(row: _Row) -> PendingToken:
    """A row of a common token as the general way reads it."""
    form, rel, tid, lemma, upos, xpos, feats, space_after, punct = row
    read = {XML_ID: tid, "lemma": lemma, "pos": xpos, "msd": _join_msd(upos, feats)}
    read["join"] = None if space_after else "right"
    return PendingToken(form, rel, {k: v for k, v in read.items() if v is not None}, punct, [])


def _anonymous(row: _Row) -> _Row:
    """A row without the id the writer made up (for the links)."""
    return (row[0], row[1], None, *row[3:])


def _pattern(match: str, replace: str) -> tuple[re.Pattern[str], str] | None:
    """A prefixDef's patterns as a Python regex and template (``$1`` → ``\\1``)."""
    try:
        return re.compile(match), re.sub(r"\$(\d)", r"\\\1", replace)
    except re.error:
        return None


class TokenReader(StandOffReader):
    """Reads ``s`` elements into pending sentences and places them in a turn."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.prefixes: dict[str, tuple[str, str]] = {}  # the document's own prefixDefs
        self.deprels: dict[str, str] = {}  # a link's ana -> its UD relation
        self.own = Lists()  # the document's own taxonomies (the corpus's are in lists)
        # Each msd's (upos, feats), () where it is kept in meta (see _clean_msd).
        self.msds: dict[str | None, tuple[str | None, str | None] | tuple[()]] = {
            None: (None, None)
        }
        self._s_parent: Element | None = None  # an s's parent, and whether it keeps space
        self._s_kept = False

    def header(self, header: Element) -> None:
        super().header(header)
        read_prefixes(header, self.prefixes)
        for taxonomy in header.iter(_T + "taxonomy"):
            self.own._taxonomy(taxonomy)

    def sentence(self, s: Element, parts: list[str], found: list[Any]) -> None:
        """Read one ``s``: its text goes to ``parts`` (as before), its layer to ``found``."""
        sid = s.get(XML_ID)
        pending = PendingSentence(s, sid)
        if len(s.attrib) > (sid is not None):
            pending.meta = {_attr_name(k): v for k, v in attributes(s) if k != XML_ID}
        if sid is not None:
            pending.ids[sid] = 0  # the root's head
        found.append(pending)
        parts.append("\x00")
        pending.first = len(parts)
        self._sentence_children(s, pending, parts, found)
        last = pending.last
        if last >= 0 and parts[last].endswith(" ") and self._preserved_s(s):
            # White space is literal here: what follows the sentence is in its tail.
            parts[last] = parts[last][:-1]
        text = "".join(parts[pending.first :])
        if "\x00" in text:  # incidents between its tokens
            text = text.replace("\x00", "")
        pending.text = text[:-1] if text.endswith(" ") else text

    def _preserved_s(self, s: Element) -> bool:
        """Whether white space is literal in ``s`` (its parent's answer remembered)."""
        space = s.get(XML_SPACE)
        if space is not None:
            return space == "preserve"
        parent = s.getparent()
        if parent is None:
            return False
        if parent is not self._s_parent:
            self._s_parent, self._s_kept = parent, _preserved(parent)
        return self._s_kept

    def _sentence_children(
        self, el: Element, pending: PendingSentence, parts: list[str], found: list[Any]
    ) -> None:
        add_token = pending.tokens.append
        add_part = parts.append
        ids = pending.ids
        msds = self.msds
        size = pending.size  # kept in locals while tokens follow one another
        words = pending.words
        last = pending.last
        for child in el:
            tag = child.tag
            if tag in _TOKEN_TAGS:
                text = child.text
                if text and not len(child):
                    # The common token (see _linguistic._plain_layer for what its row is
                    # sure to be): its text alone, attributes a token's fields hold.
                    tid = child.get(XML_ID)
                    msd = child.get("msd")
                    join = child.get("join")
                    lemma = child.get("lemma")
                    pos = child.get("pos")
                    split = msds.get(msd)
                    if split is None:
                        split = msds[msd] = _clean_msd(msd)  # type: ignore[arg-type]
                    if (
                        split
                        and (join is None or join == "right")
                        and len(child.attrib) == 5 - (tid, msd, join, lemma, pos).count(None)
                        and (
                            form := text if " " not in text and text.isprintable() else _form(text)
                        )
                    ):
                        words += 1
                        if tid is not None:
                            ids[tid] = words
                        last = len(parts)
                        upos, feats = split
                        if join is None:
                            add_token((form, size, tid, lemma, upos, pos, feats, True, tag == _PC))
                            add_part(form + " ")
                            size += len(form) + 1
                        else:
                            add_token((form, size, tid, lemma, upos, pos, feats, False, tag == _PC))
                            add_part(form)
                            size += len(form)
                        continue
                pending.size, pending.words, pending.last = size, words, last
                self._general_token(child, pending, parts)
                size, words, last = pending.size, pending.words, pending.last
                continue
            pending.size, pending.words, pending.last = size, words, last
            self._sentence_child(child, tag, pending, parts, found)
            size, words, last = pending.size, pending.words, pending.last
        pending.size, pending.words, pending.last = size, words, last

    def _general_token(self, child: Element, pending: PendingSentence, parts: list[str]) -> None:
        """A token the common reading declines (parts, other attributes, a ``msd`` kept
        in meta, ...): read the general way; its sentence is then built so."""
        token = self._token(child, pending.size)
        if token is None:
            return
        pending.general = True
        pending.tokens.append(token)
        ids = pending.ids
        for word in token.parts or (token,):
            pending.words += 1
            wid = word.attrs.get(XML_ID)
            if wid is not None:
                ids[wid] = pending.words
        pending.last = len(parts)
        form = token.form
        if token.attrs.get("join") == "right":
            parts.append(form)
            pending.size += len(form)
        else:
            parts.append(form + " ")
            pending.size += len(form) + 1

    def _sentence_child(
        self,
        child: Element,
        tag: object,
        pending: PendingSentence,
        parts: list[str],
        found: list[Any],
    ) -> None:
        """A child of an ``s`` (or of a ``name`` in it) other than a token."""
        if tag == _NAME:
            start = len(pending.tokens)
            meta = {_attr_name(k): v for k, v in attributes(child)}
            kind = meta.pop("type", None)
            slot = len(pending.entities)
            pending.entities.append(("", start, start, meta))
            self._sentence_children(child, pending, parts, found)
            if kind is None:
                self.ctx.problem("<name> inside <s> without a type: read as MISC", child)
                kind = "MISC"
            if len(pending.tokens) == start:
                self.ctx.problem("<name> inside <s> holds no token: not kept", child)
                del pending.entities[slot]
            else:
                pending.entities[slot] = (kind, start, len(pending.tokens), meta)
        elif tag == _LINK_GRP:
            if child.get("type") == UD_SYN:
                pending.links.append(child)
            else:
                _add(pending.meta, VERBATIM + "linkGrp", verbatim(child))
        elif isinstance(tag, str):
            self._inline_in_sentence(child, pending, parts, found)

    def _inline_in_sentence(
        self, child: Element, pending: PendingSentence, parts: list[str], found: list[Any]
    ) -> None:
        """An element in an ``s`` other than a token, a name or a linkGrp: an incident
        stays one; other markup is not kept (the model's markup covers whole sentences),
        its tokens are."""
        name = local(child.tag)
        if name in INCIDENT_TAGS or name in MILESTONE_TAGS:
            self._inline(child, parts, found, tokens=True)
            return
        if name is not None and next(child.iter(_W, _PC), None) is None:
            # No tokens inside (a sentiment <measure>, ...): kept verbatim.
            _add(pending.meta, VERBATIM + name, verbatim(child))
            return
        self.ctx.problem(
            f"<{name or _attr_name(str(child.tag))}> inside <s>: "
            "the element is not kept, its tokens are",
            child,
        )
        self._sentence_children(child, pending, parts, found)

    def _inline(self, child: Element, parts: list[str], found: list[Any], tokens: bool) -> None:
        raise NotImplementedError  # the body reader's

    def _token(self, el: Element, rel: int) -> PendingToken | None:
        if not len(el):  # the common token: its text alone
            form = normalize(el.text or "")
            parts: list[PendingToken | None] = []
        else:
            form = normalize("".join(_itertext(el)))
            parts = [self._part(child, rel) for child in el if child.tag == _W]
        if not form:
            self.ctx.problem(f"<{local(el.tag)}> without text: not kept as a token", el)
            return None
        meta = dict(el.items()) if len(el.keys()) < 16 else dict(attributes(el))
        return PendingToken(form, rel, meta, el.tag == _PC, [p for p in parts if p is not None])

    def _part(self, el: Element, rel: int) -> PendingToken | None:
        meta = dict(el.items())
        form = meta.pop("norm", None) or normalize("".join(_itertext(el)))
        if not form:
            self.ctx.problem("<w> inside <w> without norm or text: not kept", el)
            return None
        return PendingToken(form, rel, meta, False, [])

    # -- placing ----------------------------------------------------------------------

    def place_sentences(
        self, text: str, base: int, marked: list[tuple[int, PendingSentence]]
    ) -> list[Sentence]:
        """The sentences of one paragraph (``text``, at ``base`` in the turn's text)."""
        sentences: list[Sentence] = []
        for mark, pending in marked:
            if not pending.tokens:
                if pending.id or pending.meta:
                    self.ctx.problem("<s> without tokens: not kept", pending.element)
                continue
            built = self._built(text, base, mark, pending)
            if built is not None:
                sentences.append(built)
        return sentences

    def _built(self, text: str, base: int, mark: int, pending: PendingSentence) -> Sentence | None:
        if not text.startswith(pending.text, mark) and not self._in_place(text, mark, pending):
            return None
        tokens = pending.tokens
        heads = self._heads(pending)
        entities = _plain_entities(pending.entities) if pending.entities else []
        anonymous = self.anonymous
        sid = None if pending.id in anonymous else pending.id  # made up for the links
        if not pending.general:
            rows: list[_Row] = tokens  # type: ignore[assignment]
            last = rows[-1]
            end = mark + last[1] + len(last[0])
            if end < len(text) and text[end].isspace() != last[7]:
                if last[7]:  # white space is literal and none follows: the text says so
                    rows = [*rows[:-1], (*last[:7], False, last[8])]
                else:  # a join="right" the text contradicts: kept in meta
                    pending.general = True
            if not pending.general:
                if anonymous:
                    rows = [_anonymous(row) if row[2] in anonymous else row for row in rows]
                found = _plain_layer(sid, rows, heads, base + mark, entities, pending.meta)
                if found is not None:
                    return found
        built = self._general_tokens(text, base + mark, mark, tokens, heads)
        try:
            return Sentence(id=sid, tokens=built, entities=entities, meta=pending.meta)
        except ValidationError as exc:
            self.ctx.problem(f"<s>: {exc}; its layer is not kept", pending.element)
            return None

    def _in_place(self, text: str, mark: int, pending: PendingSentence) -> bool:
        """Whether each token is at its place in ``text`` where the sentence's text as a
        whole is not (white space is literal); the problem reported where one is not."""
        for token in pending.tokens:
            form, rel = (token.form, token.rel) if isinstance(token, PendingToken) else token[:2]
            if not text.startswith(form, mark + rel):
                self.ctx.problem(
                    f"<s>: token {form!r} is not at its place in the text "
                    "(markup inside the sentence?): its layer is not kept",
                    pending.element,
                )
                return False
        return True

    def _general_tokens(
        self,
        text: str,
        start: int,
        mark: int,
        tokens: list[_Row | PendingToken],
        heads: list[tuple[int, str | None] | None],
    ) -> list[Token]:
        """The tokens of a sentence built the general way, which names every problem."""
        built: list[Token] = []
        n = 0
        size = len(text)
        for found in tokens:
            token = found if isinstance(found, PendingToken) else _pending(found)
            # space_after follows the text (the model's rule); a join="right" the text
            # contradicts (white space between two sentences) is kept in meta.
            parts: list[Token] = []
            for part in token.parts:
                n += 1
                parts.append(self._model(part, start, True, heads[n - 1], False))
            if not token.parts:
                n += 1
            joined = token.attrs.get("join") == "right"
            end = mark + token.rel + len(token.form)
            space_after = text[end].isspace() if end < size else not joined
            built.append(
                self._model(
                    token,
                    start,
                    space_after,
                    None if token.parts else heads[n - 1],
                    joined and space_after,
                    tuple(parts),
                )
            )
        return built

    def _model(
        self,
        token: PendingToken,
        start: int,
        space_after: bool,
        head: tuple[int, str | None] | None,
        keep_join: bool,
        parts: tuple[Token, ...] = (),
    ) -> Token:
        meta = token.attrs
        other = {_attr_name(k): v for k, v in meta.items() if k not in _TOKEN_ATTRS}
        upos = feats = None
        msd = meta.get("msd")
        if msd is not None:
            upos, feats = _split_msd(msd)
            if _join_msd(upos, feats) != msd or (upos is None and "=" not in msd):
                other["msd"] = msd
                upos = feats = None
        if keep_join or meta.get("join", "right") != "right":
            other["join"] = meta["join"]
        return Token(
            form=token.form,
            offset=start + token.rel,
            id=None if (tid := meta.get(XML_ID)) in self.anonymous else tid,
            lemma=meta.get("lemma"),
            upos=upos,
            xpos=_xpos(meta),
            feats=feats,
            head=head[0] if head else None,
            deprel=head[1] if head else None,
            space_after=space_after,
            punct=token.punct,
            parts=parts,
            meta=other,
        )

    def _heads(self, pending: PendingSentence) -> list[tuple[int, str | None] | None]:
        """(head, relation) of each word (``[n - 1]`` for word ``n``), from the
        sentence's UD-SYN links; ``None`` where no link names the word."""
        heads: list[tuple[int, str | None] | None] = [None] * pending.words
        if not pending.links:
            return heads
        deprels = self.deprels
        get = pending.ids.get
        for group in pending.links:
            for link in group.iter(_LINK):
                found = link.get("target")
                try:
                    head_ref, word_ref = found.split()  # type: ignore[union-attr]
                except (AttributeError, ValueError):  # none, or not two
                    self.ctx.problem("UD-SYN <link> without two targets: not kept", link)
                    continue
                head = get(head_ref.removeprefix("#"))
                word = get(word_ref.removeprefix("#"))
                if head is None or not word:
                    self.ctx.problem(
                        f"UD-SYN <link> target={found!r}: not words of its sentence, not kept",
                        link,
                    )
                    continue
                ana = link.get("ana")
                heads[word - 1] = (head, (deprels.get(ana) or self.deprel(ana)) if ana else None)
        return heads

    def deprel(self, ana: str) -> str:
        """The UD relation a link's ``ana`` names (``ud-syn:acl_relcl`` → ``acl:relcl``)."""
        found = self.deprels.get(ana)
        if found is not None:
            return found
        prefix, colon, rest = ana.partition(":")
        pointer = rest if colon else ana
        lists = self.lists
        found_def = self.prefixes.get(prefix) or (lists.prefixes.get(prefix) if lists else None)
        compiled = _pattern(*found_def) if colon and found_def else None
        if compiled is not None and compiled[0].fullmatch(rest):
            pointer = compiled[0].sub(compiled[1], rest)
        local_id = pointer.rsplit("#", 1)[-1]
        term = None
        if pointer.startswith("#"):  # a pointer to a category
            category = self.own.categories.get(local_id) or (
                lists.categories.get(local_id) if lists is not None else None
            )
            term = (category.get("en") or next(iter(category.values()), None)) if category else None
        found = self.deprels[ana] = term or local_id.replace("_", ":")
        return found
