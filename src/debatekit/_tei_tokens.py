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

from ._linguistic import VERBATIM, Entity, Sentence, Token, _plain_sentence, _plain_tokens
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
from ._tei_common import INCIDENT_TAGS, MILESTONE_TAGS, XML_ID, normalize
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
    tokens: list[PendingToken] = attrs.field(factory=list)
    entities: list[tuple[str, int, int, dict[str, str]]] = attrs.field(factory=list)
    links: list[Element] = attrs.field(factory=list)
    meta: dict[str, str] = attrs.field(factory=dict)
    size: int = 0  # characters read so far, from the sentence's start
    last: int = -1  # where in the paragraph's parts the last token's text is


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
        self.msds: dict[str, tuple[str, str | None] | tuple[()]] = {}  # see _clean_msd

    def header(self, header: Element) -> None:
        super().header(header)
        read_prefixes(header, self.prefixes)
        for taxonomy in header.iter(_T + "taxonomy"):
            self.own._taxonomy(taxonomy)

    def sentence(self, s: Element, parts: list[str], found: list[Any]) -> None:
        """Read one ``s``: its text goes to ``parts`` (as before), its layer to ``found``."""
        pending = PendingSentence(s)
        pending.meta = {_attr_name(k): v for k, v in attributes(s) if k != XML_ID}
        found.append(pending)
        parts.append("\x00")
        self._sentence_children(s, pending, parts, found)
        if pending.last >= 0 and _preserved(s) and parts[pending.last].endswith(" "):
            # White space is literal here: what follows the sentence is in its tail.
            parts[pending.last] = parts[pending.last][:-1]

    def _sentence_children(
        self, el: Element, pending: PendingSentence, parts: list[str], found: list[Any]
    ) -> None:
        add_token = pending.tokens.append
        add_part = parts.append
        size = pending.size  # kept in a local while tokens follow one another
        for child in el:
            tag = child.tag
            if tag in _TOKEN_TAGS:
                text = child.text
                if text and not len(child) and (form := normalize(text)):
                    # The common token, its text alone: what _token reads, inline.
                    items = child.items() if len(child.keys()) < 16 else attributes(child)
                    token = PendingToken(form, size, dict(items), tag == _PC, [])
                else:
                    found_token = self._token(child, size)
                    if found_token is None:
                        continue
                    token = found_token
                    form = token.form
                add_token(token)
                pending.last = len(parts)
                if token.attrs.get("join") == "right":
                    add_part(form)
                    size += len(form)
                else:
                    add_part(form + " ")
                    size += len(form) + 1
                continue
            pending.size = size
            self._sentence_child(child, tag, pending, parts, found)
            size = pending.size
        pending.size = size

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
                if pending.element.get(XML_ID) or pending.meta:
                    self.ctx.problem("<s> without tokens: not kept", pending.element)
                continue
            built = self._built(text, base, mark, pending)
            if built is not None:
                sentences.append(built)
        return sentences

    def _built(self, text: str, base: int, mark: int, pending: PendingSentence) -> Sentence | None:
        tokens = pending.tokens
        starts = text.startswith
        ids: dict[str, int] = {}  # word ids -> word numbers, for the links
        if (sid := pending.element.get(XML_ID)) is not None:
            ids[sid] = 0
        n = 0
        for token in tokens:
            if not starts(token.form, mark + token.rel):
                self.ctx.problem(
                    f"<s>: token {token.form!r} is not at its place in the text "
                    "(markup inside the sentence?): its layer is not kept",
                    pending.element,
                )
                return None
            if token.parts:
                for word in token.parts:
                    n += 1
                    wid = word.attrs.get(XML_ID)
                    if wid is not None:
                        ids[wid] = n
            else:
                n += 1
                wid = token.attrs.get(XML_ID)
                if wid is not None:
                    ids[wid] = n
        heads = self._heads(pending, ids)
        built = self._plain_built(text, base, mark, tokens, heads) or []
        n = 0
        size = len(text)
        for token in tokens if not built else ():
            # space_after follows the text (the model's rule); a join="right" the text
            # contradicts (white space between two sentences) is kept in meta.
            parts: list[Token] = []
            for part in token.parts:
                n += 1
                parts.append(self._model(part, base + mark, True, heads.get(n), False))
            if not token.parts:
                n += 1
            joined = token.attrs.get("join") == "right"
            end = mark + token.rel + len(token.form)
            space_after = text[end].isspace() if end < size else not joined
            built.append(
                self._model(
                    token,
                    base + mark,
                    space_after,
                    None if token.parts else heads.get(n),
                    joined and space_after,
                    tuple(parts),
                )
            )
        entities = [Entity(kind=k, start=s, end=e, meta=m) for k, s, e, m in pending.entities]
        entities.sort(key=lambda e: (e.start, -e.end))
        if sid in self.anonymous:
            sid = None  # made up by the writer for the links
        if not pending.meta:
            fast = _plain_sentence(sid, built, entities)
            if fast is not None:
                return fast
        try:
            return Sentence(id=sid, tokens=built, entities=entities, meta=pending.meta)
        except ValidationError as exc:
            self.ctx.problem(f"<s>: {exc}; its layer is not kept", pending.element)
            return None

    def _plain_built(
        self,
        text: str,
        base: int,
        mark: int,
        tokens: list[PendingToken],
        heads: dict[int, tuple[int, str | None]],
    ) -> list[Token] | None:
        """The tokens of :meth:`_built` where each is common (no parts, only the
        attributes a token's fields hold, a ``msd`` that splits cleanly, a ``join`` the
        text agrees with), built by one call of ``_linguistic._plain_tokens``; ``None``
        where any is not: :meth:`_model` then builds them the general way."""
        rows: list[tuple[object, ...]] = []
        add = rows.append
        size = len(text)
        start = base + mark
        anonymous = self.anonymous
        fields = _TOKEN_ATTRS
        msds = self.msds
        for n, token in enumerate(tokens, 1):
            meta = token.attrs
            if token.parts or not meta.keys() <= fields:
                return None
            form = token.form
            end = mark + token.rel + len(form)
            join = meta.get("join")
            if end < size:
                space_after = text[end].isspace()
                if join is not None and (join != "right" or space_after):
                    return None  # kept in meta
            elif join is not None and join != "right":
                return None
            else:
                space_after = join is None
            msd = meta.get("msd")
            upos = feats = None
            if msd is not None:
                split = msds.get(msd)
                if split is None:
                    split = msds[msd] = _clean_msd(msd)
                if not split:
                    return None  # does not read back the same: kept in meta
                upos, feats = split
            tid = meta.get(XML_ID)
            head = heads.get(n)
            add(
                (
                    form,
                    start + token.rel,
                    None if tid in anonymous else tid,
                    meta.get("lemma"),
                    upos,
                    meta.get("pos"),
                    feats,
                    head[0] if head else None,
                    head[1] if head else None,
                    space_after,
                    token.punct,
                )
            )
        return _plain_tokens(rows)

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

    def _heads(
        self, pending: PendingSentence, ids: dict[str, int]
    ) -> dict[int, tuple[int, str | None]]:
        """Word number (1-based) → (head, relation), from the sentence's UD-SYN links."""
        heads: dict[int, tuple[int, str | None]] = {}
        deprels = self.deprels
        get = ids.get
        for group in pending.links:
            for link in group.iter(_LINK):
                found = link.get("target")
                target = found.split() if found else ()
                ana = link.get("ana")
                if len(target) != 2:
                    self.ctx.problem("UD-SYN <link> without two targets: not kept", link)
                    continue
                head = get(target[0].removeprefix("#"))
                word = get(target[1].removeprefix("#"))
                if head is None or not word:
                    self.ctx.problem(
                        f"UD-SYN <link> target={link.get('target')!r}: not words of "
                        "its sentence, not kept",
                        link,
                    )
                    continue
                heads[word] = (head, (deprels.get(ana) or self.deprel(ana)) if ana else None)
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
