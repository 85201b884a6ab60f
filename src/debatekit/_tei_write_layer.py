"""The TEI writer, the linguistic layer: a :class:`~debatekit.Sentence` as ParlaMint's
``s`` with ``w`` / ``pc`` tokens, ``name`` entities and a UD-SYN ``linkGrp``.

The reverse of :mod:`debatekit._tei_tokens` (see there for the mapping). Tokens carry
their spacing in ``join="right"``, so no white space is written inside an ``s``.
Words and sentences that a dependency link must point at but that have no id get one
(``dk.w0``, ...); the document lists them as generated, and the reader drops them again.

Part of the TEI writer (see :mod:`debatekit._tei_write`).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ._linguistic import VERBATIM, Sentence, Token
from ._tei_common import XML_ID, XML_NS, T
from .models import Incident

__all__ = ["SentenceWriter", "ud_syn_ana"]

_XML = "{" + XML_NS + "}"
Element = etree._Element


def ud_syn_ana(deprel: str) -> str:
    """A UD relation as ParlaMint's link ``ana``: ``acl:relcl`` → ``ud-syn:acl_relcl``."""
    return "ud-syn:" + deprel.replace(":", "_")


def _set_meta(el: Element, meta: dict[str, str]) -> None:
    for key, value in meta.items():
        el.set(_XML + key[4:] if key.startswith("xml:") else key, value)


class SentenceWriter:
    """Writes sentences; ``used`` is the document's set of ids (shared with the writer)."""

    def __init__(self, used: set[str]) -> None:
        self.used = used
        self.generated: list[str] = []
        self._next = 0

    def reserve(self, sentences: tuple[Sentence, ...]) -> None:
        """Take the ids of ``sentences`` and their words (before any id is made up)."""
        used = self.used
        for sentence in sentences:
            if sentence.id is not None:
                used.add(sentence.id)
            for token in sentence.tokens:
                if token.id is not None:
                    used.add(token.id)
                for part in token.parts:
                    if part.id is not None:
                        used.add(part.id)

    def _fresh(self) -> str:
        while f"dk.w{self._next}" in self.used:
            self._next += 1
        made = f"dk.w{self._next}"
        self.used.add(made)
        self.generated.append(made)
        return made

    def sentence(
        self,
        parent: Element,
        sentence: Sentence,
        incidents: list[Incident],
        write_incident: Callable[[Element, Incident], Element],
    ) -> None:
        """Append ``<s>`` to ``parent``; ``incidents`` stand inside it, between tokens."""
        s = etree.SubElement(parent, T + "s")
        meta = dict(sentence.meta)
        verbatim = [meta.pop(k) for k in list(meta) if k.startswith(VERBATIM)]
        _set_meta(s, meta)
        words = sentence.words
        parsed = any(w.head is not None for w in words)
        sid = sentence.id
        if sid is None and parsed and any(w.head == 0 for w in words):
            sid = self._fresh()
        if sid is not None:
            s.set(XML_ID, sid)
        ids: list[str | None] = [w.id for w in words]
        if parsed:
            needed = {w.head for w in words if w.head} | {
                n for n, w in enumerate(words, 1) if w.head is not None
            }
            for n in needed:
                if ids[n - 1] is None:
                    ids[n - 1] = self._fresh()
        stack: list[tuple[Element, int]] = [(s, len(sentence.tokens))]
        entities = sentence.entities
        e = k = n = 0
        for i, token in enumerate(sentence.tokens):
            while stack[-1][1] <= i:
                stack.pop()
            while e < len(entities) and entities[e].start == i:
                entity = entities[e]
                name = etree.SubElement(stack[-1][0], T + "name", type=entity.kind)
                _set_meta(name, dict(entity.meta))
                stack.append((name, entity.end))
                e += 1
            while k < len(incidents) and (incidents[k].offset or 0) <= token.offset:
                write_incident(stack[-1][0], incidents[k])
                k += 1
            n = self._token(stack[-1][0], token, ids, n)
        for incident in incidents[k:]:
            write_incident(s, incident)
        if parsed:
            self._links(s, words, ids, sid)
        for xml in verbatim:
            s.append(etree.fromstring(xml))

    def _token(self, parent: Element, token: Token, ids: list[str | None], n: int) -> int:
        """Write one token (its parts inside it); ``n`` words so far, returned updated."""
        el = etree.SubElement(parent, T + ("pc" if token.punct else "w"))
        if token.parts:
            if token.id is not None:
                el.set(XML_ID, token.id)
            self._fields(el, token)
            el.text = token.form
            for part in token.parts:
                inner = etree.SubElement(el, T + "w")
                wid = ids[n]
                if wid is not None:
                    inner.set(XML_ID, wid)
                inner.set("norm", part.form)
                self._fields(inner, part)
                n += 1
            return n
        wid = ids[n]
        if wid is not None:
            el.set(XML_ID, wid)
        self._fields(el, token)
        el.text = token.form
        return n + 1

    @staticmethod
    def _fields(el: Element, token: Token) -> None:
        meta = dict(token.meta)
        if token.lemma is not None:
            el.set("lemma", token.lemma)
        if token.xpos is not None and meta.get("ana") != "mte:" + token.xpos:
            el.set("pos", token.xpos)  # else the ana in meta says it (see _tei_tokens)
        msd = meta.pop("msd", None)
        if msd is None and token.upos is not None:
            msd = "UPosTag=" + token.upos + ("|" + token.feats if token.feats else "")
        elif msd is None and token.feats is not None:
            msd = token.feats
        if msd is not None:
            el.set("msd", msd)
        join = meta.pop("join", None)
        if join is None and not token.space_after:
            join = "right"
        if join is not None:
            el.set("join", join)
        _set_meta(el, meta)

    @staticmethod
    def _links(
        s: Element, words: tuple[Token, ...], ids: list[str | None], sid: str | None
    ) -> None:
        group = etree.SubElement(s, T + "linkGrp", targFunc="head argument", type="UD-SYN")
        for n, word in enumerate(words):
            if word.head is None:
                continue
            head = sid if word.head == 0 else ids[word.head - 1]
            link = etree.SubElement(group, T + "link")
            if word.deprel is not None:
                link.set("ana", ud_syn_ana(word.deprel))
            link.set("target", f"#{head} #{ids[n]}")
