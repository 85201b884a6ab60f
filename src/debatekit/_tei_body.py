"""The TEI reader, part 3: the body, its utterances and incidents.

Part of the TEI reader (see :mod:`debatekit._tei_read`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any, cast

import attrs
from lxml import etree

from ._frozendict import adopt
from ._rules import is_ncname
from ._tei_base import (
    _DIV_TAGS,
    _MARK,
    _PARA_TAGS,
    _SKIP_INLINE,
    _T,
    _TOKEN_TAGS,
    _WS,
    Element,
    _add,
    _attr_name,
    _itertext,
    _preserved,
    _ref_id,
    _wrapper,
    attributes,
    local,
    normalize_marked,
    raw_marked,
    text_of,
    verbatim,
)
from ._tei_common import (
    CONTENT_KINDS,
    DESC_KINDS,
    INCIDENT_TAGS,
    MILESTONE_TAGS,
    SUBTYPE_ATTR,
    TEI_NS,
    XML_ID,
    XML_LANG,
    XML_SPACE,
    normalize,
)
from ._tei_corpus import corpus_meta
from ._tei_markup import Close, Event, Open, choice, deletion, element_meta, place, unplaced
from ._tei_tokens import PendingSentence, TokenReader
from .errors import ValidationError
from .models import Event as EventModel
from .models import Incident, Markup, Sentence, Speaker, Transcript, Turn

_U = _T + "u"
_BLOCK = _T + "annotationBlock"
_SP = _T + "sp"
_SEG = _T + "seg"
# The attributes of an annotationBlock its utterances take when they have none.
_TIMED_BY_BLOCK = frozenset(["who", "start", "end"])
_NOTE = _T + "note"
_DESC = _T + "desc"
_TIMELINE = _T + "timeline"
# The elements read as incidents inside an utterance (see _inline).
_INLINE_INCIDENT_TAGS = frozenset(_T + name for name in INCIDENT_TAGS | MILESTONE_TAGS)
# The attributes of an utterance that are no meta of its turn.
_TURN_ATTRS = frozenset([XML_ID, "who", "start", "end"])
# What _content reads of an utterance: paragraphs, incidents, markup, sentences, and
# each paragraph's seg id and language.
_Content = tuple[
    list[str], list[Incident], list[Markup], list[Sentence], list[str | None], list[str | None]
]


class Reader(TokenReader):
    """Turns TEI elements into model objects; fed in document order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_who: dict[str, str] = {}  # a plain "#id" who -> the speaker id
        self.space_parent: Element | None = None  # the last utterance's parent
        self.space_kept = False  # and whether white space is literal in it

    # -- body --------------------------------------------------------------------

    def body_child(self, el: Element, out: list[Turn | Incident]) -> None:
        """Add the model items of one child of a body division to ``out``, in order."""
        tag = el.tag
        if tag == _U:
            label, self.pending_label = self.pending_label, None
            out.append(self.turn(el, label))
            return
        if tag == _BLOCK and el.find(_U) is not None:
            self.block(el, out)
            return
        if tag == _SP:
            self.speech(el, out)
            return
        if self.pending_label is not None:
            self.flush(out)
        if tag in _DIV_TAGS:
            if not _wrapper(el):
                out.append(self.division(el))
            for child in el:
                child_tag = child.tag
                if child_tag == _U:  # the common child, without a call of its own
                    label, self.pending_label = self.pending_label, None
                    out.append(self.turn(child, label))
                elif isinstance(child_tag, str):
                    self.body_child(child, out)
            self.flush(out)
        elif tag == _NOTE and el.get("type") == "speaker" and el.get("subtype") != "unattached":
            self.pending_label = el
        elif tag == _TIMELINE:
            self.timeline(el)
        elif isinstance(tag, str):
            out.append(self.incident(el, body=True))

    def block(self, el: Element, out: list[Turn | Incident]) -> None:
        """ISO 24624's ``annotationBlock``: its utterances are turns, spoken by the
        block's ``who`` and timed by its ``start`` and ``end`` where they say neither.
        The first turn keeps the block verbatim: ``tei:annotationBlock``, the element
        with its other attributes, and ``tei:annotationBlock/NAME``, each other child
        (the annotations: ``spanGrp``); the writer puts them back around the turn."""
        utterances = [child for child in el if child.tag == _U]
        first = utterances[0]
        inherit: dict[str, str] = {}
        shell = etree.Element(el.tag, nsmap={None: TEI_NS})
        for name, value in el.attrib.items():
            if name in _TIMED_BY_BLOCK and first.get(name) in (None, value):
                inherit[name] = value
            else:
                shell.set(name, value)
        kept = {"tei:annotationBlock": verbatim(shell)}
        for child in el:
            if child.tag != _U and isinstance(child.tag, str):
                _add(kept, f"tei:annotationBlock/{local(child.tag)}", verbatim(child))
        for u in utterances:
            label, self.pending_label = self.pending_label, None
            out.append(self.turn(u, label, inherit, kept if u is first else None))

    def speech(self, el: Element, out: list[Turn | Incident]) -> None:
        """A speech of a performance text (``sp``, as in drama): a turn, its ``speaker``
        the turn's label, its paragraphs (``p``, ``ab``) the turn's; verse lines and
        stage directions inside are phrase markup (``l``, ``stage``). ``meta["element"]``
        says it was an ``sp``: the writer writes a ``u``."""
        self.flush(out)
        speaker = el.find(_T + "speaker")
        if speaker is not None:  # the label, not the text (its tail stays)
            if speaker.tail:
                before = speaker.getprevious()
                if before is None:
                    el.text = (el.text or "") + speaker.tail
                else:
                    before.tail = (before.tail or "") + speaker.tail
            el.remove(speaker)
        out.append(self.turn(el, speaker, None, {"element": "sp"}))

    def division(self, el: Element) -> Incident:
        """A division's start, kept as an ``anchor`` with the div's attributes."""
        meta = {"element": local(el.tag) or "div"}
        meta.update((_attr_name(k), v) for k, v in attributes(el))
        return Incident(kind="anchor", subtype="div", meta=meta)

    def flush(self, out: list[Turn | Incident]) -> None:
        """Add a speaker label that labels no utterance to ``out``, as a note."""
        if self.pending_label is not None:
            out.append(self.incident(self.pending_label, body=True))
            self.pending_label = None

    def _who(self, value: str | None, el: Element) -> str | None:
        if value is None:
            return None
        wid = _ref_id(value)
        if not wid:
            return None
        if wid in self.declared or wid in self.referenced:
            return wid
        lists = self.lists
        if (lists is None or wid not in lists.persons) and self.lookup is not None:
            found = self.lookup()
            self.lookup = None
            if found is not None:
                if lists is None:
                    self.lists = lists = found
                else:
                    lists.merge(found)
        if lists is not None and wid in lists.persons:
            person, source = lists.persons[wid]
            saved = self.ctx.source
            self.ctx.source = source or saved
            try:
                speaker = self.person(person)
            finally:
                self.ctx.source = saved
            if speaker is not None:
                self.referenced[wid] = speaker
                return wid
        if self.ctx.strict or self.declared or (lists is not None and lists.persons):
            # TEI does not require a listPerson: without one, no warning.
            self.ctx.problem(f"who={value!r} names no person in listPerson", el)
        try:
            self.referenced[wid] = Speaker(id=wid, name=wid, meta={"unresolved": "true"})
        except ValidationError:
            self.ctx.problem(f"who={value!r} is no usable speaker id: speaker unknown", el)
            return None
        return wid

    def turn(
        self,
        u: Element,
        label: Element | None,
        inherit: dict[str, str] | None = None,
        kept: dict[str, str] | None = None,
    ) -> Turn:
        """The turn of ``u``; ``inherit``: who, start and end of its annotationBlock,
        ``kept``: the block's parts for the turn's meta (see :meth:`block`)."""
        meta: dict[str, str] = {}
        special: dict[str, str] = {}  # xml:id, who, start, end: read once
        for name, value in attributes(u):
            if name in _TURN_ATTRS:
                special[name] = value
            else:
                meta[_attr_name(name)] = value
        if inherit:
            special = {**inherit, **special}
        if kept:
            meta.update(kept)
        uid = special.get(XML_ID)
        if not uid:
            self.generated += 1
            uid = f"_u{self.generated}"
        who_attr = special.get("who")
        who = self.known_who.get(who_attr) if who_attr else None
        if who is None:
            who = self._speaker(who_attr, u, meta)
        label_text: str | None = None
        if label is not None:
            label_text = text_of(label)
            label_id = label.get(XML_ID)
            if label_id is not None:
                meta["label-id"] = label_id
        preserve = self._space_preserved(u)
        plain = None if preserve else self._plain_content(u)
        if plain is not None:
            paragraphs, incidents, seg_ids, seg_langs = plain
            markup: list[Markup] = []
            sentences: list[Sentence] = []
        else:
            read = self._content(u, preserve)
            paragraphs, incidents, markup, sentences, seg_ids, seg_langs = read
        if seg_ids and len(seg_ids) == len(paragraphs) and all(seg_ids):
            meta["seg-ids"] = " ".join(cast("list[str]", seg_ids))
        if (
            seg_langs
            and len(seg_langs) == len(paragraphs)
            and seg_langs.count(seg_langs[0]) == len(seg_langs)
        ):
            lang = seg_langs[0]
            if lang is not None:
                meta["seg-lang"] = lang
        elif any(seg_langs):  # segments in several languages (ParlaMint: "Multilingual")
            meta["seg-langs"] = " ".join(dict.fromkeys(lang for lang in seg_langs if lang))
        # ParlaMint 5.0: the speech's sentiment. (The fast path reads only utterances of
        # paragraphs and incidents, so only an utterance it declined can hold one.)
        for measure in u.iterchildren(_T + "measure") if plain is None else ():
            _add(meta, "tei:measure", verbatim(measure))
        for extra_field, key, value in self.extras.get(uid, ()):
            if extra_field == "meta" and key is not None:
                meta[key] = value
        start = end = None
        if "start" in special or "end" in special:
            start = self.time(special.get("start"), u)
            end = self.time(special.get("end"), u)
            for attr, when in (("start", start), ("end", end)):
                if when is None and attr in special:
                    meta[attr] = special[attr]  # a pointer that names no time: kept
        turn: Turn | None = None
        if not (incidents or markup or sentences) and start is None and end is None:
            # (Paragraphs read by the fast path are normalised: see Turn._parsed.)
            build = Turn._plain if plain is None else Turn._parsed
            turn = build(uid, who, tuple(paragraphs), label_text, adopt(meta))
        if turn is None:
            content = (paragraphs, incidents, markup, sentences)
            turn = self._general_turn(u, uid, who, label_text, (start, end), meta, content)
        if self.keep_texts:
            self.turn_texts.setdefault(uid, turn.text)
        return turn

    def _speaker(self, who_attr: str | None, u: Element, meta: dict[str, str]) -> str:
        """The speaker an utterance's ``who`` names (a placeholder where none), its
        further pointers kept in ``meta``; a plain ``#id`` once known is remembered."""
        who = self._who(who_attr, u)
        if who is None:
            who = "_unknown"
            if who not in self.referenced:
                self.referenced[who] = Speaker(id=who, name="Unknown", meta={"placeholder": "true"})
        elif who_attr == "#" + who:  # _who gives the same from now on
            self.known_who[who_attr] = who
        if who_attr and len(who_attr.split()) > 1:
            meta["who"] = who_attr
        return who

    def _space_preserved(self, u: Element) -> bool:
        """Whether white space is literal in ``u`` (its parent's answer remembered)."""
        space = u.get(XML_SPACE)
        if space is not None:
            return space == "preserve"
        parent = u.getparent()
        if parent is None:
            return False
        if parent is not self.space_parent:
            self.space_parent, self.space_kept = parent, _preserved(parent)
        return self.space_kept

    def _general_turn(
        self,
        u: Element,
        uid: str,
        who: str,
        label_text: str | None,
        times: tuple[dt.timedelta | None, dt.timedelta | None],
        meta: dict[str, str],
        content: tuple[list[str], list[Incident], list[Markup], list[Sentence]],
    ) -> Turn:
        """The turn built the general way, which names every problem."""
        start, end = times
        paragraphs, incidents, markup, sentences = content
        try:
            turn = Turn(
                id=uid,
                speaker_id=who,
                paragraphs=paragraphs,
                label=label_text,
                start=start,
                end=end,
                incidents=tuple(incidents),
                markup=tuple(markup),
                meta=meta,
                sentences=tuple(sentences),
            )
        except ValidationError as exc:
            if self.ctx.strict:
                raise self.ctx.error(f"utterance {uid!r}: {exc}", u) from None
            self.ctx.problem(f"utterance {uid!r}: {exc}; white space normalised", u)
            fixed, kept, spans, layer, _, _ = self._content(u, preserve=False, force=True)
            turn = Turn(
                id=uid,
                speaker_id=who,
                paragraphs=fixed,
                label=label_text,
                start=start,
                end=end if start is None or end is None or end >= start else None,
                incidents=tuple(kept),
                markup=tuple(spans),
                meta=meta,
            )
            if layer:
                try:
                    turn = attrs.evolve(turn, sentences=tuple(layer))
                except ValidationError as again:
                    self.ctx.problem(f"utterance {uid!r}: {again}; sentences not kept", u)
        return turn

    def _plain_content(
        self, u: Element
    ) -> tuple[list[str], list[Incident], list[str | None], list[str | None]] | None:
        """What :meth:`_content` reads of the common utterance, in one loop: paragraphs
        (``seg``, ``p``, ``ab`` without ``xml:space``) of text and incidents (``note``,
        ``vocal``, a milestone, ...), with incidents between them, and only white space
        around them. ``None`` for any other utterance (nothing read, nothing reported):
        :meth:`_content` then reads it the general way.
        """
        text = u.text
        if text and text.strip(_WS):
            return None
        paragraphs: list[str] = []
        seg_ids: list[str | None] = []
        seg_langs: list[str | None] = []
        # The incidents: (paragraph, mark in it) or (paragraphs before it, -1).
        inline: list[tuple[int, int, Element]] = []
        for child in u:
            tail = child.tail
            if tail and tail.strip(_WS):
                return None
            tag = child.tag
            if tag in _PARA_TAGS:
                seg_id = seg_lang = None
                found = child.items()
                if len(found) == 1 and found[0][0] == XML_ID:
                    seg_id = found[0][1]
                elif found:
                    if child.get(XML_SPACE) is not None or _typed(child):
                        return None
                    seg_id = child.get(XML_ID)
                    seg_lang = child.get(XML_LANG)
                if not len(child):
                    text = normalize(child.text or "")
                else:
                    read = _marked_paragraph(child)
                    if read is None:
                        return None
                    text, marks, elements = read
                    where = len(paragraphs)
                    inline.extend(
                        (where, mark, el) if text else (where, -1, el)
                        for mark, el in zip(marks, elements, strict=True)
                    )
                if text:
                    paragraphs.append(text)
                    seg_ids.append(seg_id)
                    seg_langs.append(seg_lang)
            elif tag in _INLINE_INCIDENT_TAGS:
                inline.append((len(paragraphs), -1, child))
            elif isinstance(tag, str):
                return None
        incidents = self._offset_incidents(paragraphs, inline) if inline else []
        return paragraphs, incidents, seg_ids, seg_langs

    def _offset_incidents(
        self, paragraphs: list[str], inline: list[tuple[int, int, Element]]
    ) -> list[Incident]:
        """The incidents :meth:`_plain_content` found, at their offsets (as
        :meth:`_placed_items` places them)."""
        count = len(paragraphs)
        ends = [0, *itertools.accumulate(len(p) + 2 for p in paragraphs)]
        incidents: list[Incident] = []
        for where, mark, el in inline:
            if mark >= 0:  # in paragraph `where`
                offset = ends[where] + mark
            elif not where:  # before the first paragraph
                offset = 0
            else:  # after paragraph `where - 1`: at its end, or one further if another follows
                offset = ends[where] - (2 if where == count else 1)
            incidents.append(self.incident(el, body=False, offset=offset))
        return incidents

    def _content(
        self, u: Element, preserve: bool, force: bool = False, mixed: bool = False
    ) -> _Content:
        """Paragraphs, inline incidents and markup of an utterance (see the offset rules).

        A ``seg``, ``p`` or ``ab`` child is a paragraph, unless the utterance also has
        text of its own: then it is phrase markup in one paragraph.
        """
        self.lengths.clear()  # lengths only live from an item's reading to its placing
        # Items: (text, [(mark, event)]) for a paragraph, or an incident between them.
        items: list[tuple[str, list[tuple[int, Event]]] | Incident] = []
        seg_ids: list[str | None] = []
        seg_langs: list[str | None] = []
        direct: list[str] = []
        direct_events: list[Event] = []

        def paragraph(parts: list[str], events: list[Event], keep: bool, el: Element) -> None:
            text, marks = self._finish("".join(parts), keep)
            if text:
                items.append((text, list(zip(marks, events, strict=True))))
                seg_ids.append(el.get(XML_ID) if el is not u else None)
                seg_langs.append(el.get(XML_LANG) if el is not u else None)
            else:
                items.extend(unplaced(events))

        def flush_direct() -> None:
            if direct_events or direct:
                paragraph(direct, direct_events, preserve, u)
            direct.clear()
            direct_events.clear()

        if u.text and u.text.strip(_WS):
            direct.append(u.text)
            mixed = True
        saw_paragraph = False
        for child in u:
            tag = child.tag
            if tag in _PARA_TAGS and not mixed:
                saw_paragraph = True
                if direct_events or direct:
                    flush_direct()
                typed = _typed(child)
                plain = not len(child) and (force or not preserve) and not typed
                if plain:  # the common case: plain text; its attributes read once
                    found_attrs = child.items()
                    seg_id = seg_lang = None
                    if len(found_attrs) == 1 and found_attrs[0][0] == XML_ID:
                        seg_id = found_attrs[0][1]
                    elif found_attrs:
                        plain = force or child.get(XML_SPACE) is None
                        seg_id = child.get(XML_ID)
                        seg_lang = child.get(XML_LANG)
                if plain:
                    text = normalize(child.text or "")
                    if text:
                        items.append((text, []))
                        seg_ids.append(seg_id)
                        seg_langs.append(seg_lang)
                else:
                    parts, found = self._marked_paragraph(child, typed)
                    keep = not force and (preserve or child.get(XML_SPACE) == "preserve")
                    paragraph(parts, found, keep, child)
            elif isinstance(tag, str):
                self._inline(child, direct, direct_events, tokens=False)
            tail = child.tail
            if tail and not mixed and tail.strip(_WS):
                if saw_paragraph:  # text of its own after all: read it again as such
                    return self._content(u, preserve, force, mixed=True)
                mixed = True
            if tail and (direct_events or direct or mixed):
                direct.append(tail)
        flush_direct()
        paragraphs, incidents, markup, sentences = self._placed_items(items)
        return paragraphs, incidents, markup, sentences, seg_ids, seg_langs

    def _marked_paragraph(self, child: Element, typed: bool) -> tuple[list[str], list[Event]]:
        """The text parts and markup events of a paragraph element with markup inside
        or attributes of its own (``typed``: then a span over the whole paragraph)."""
        parts: list[str] = []
        found: list[Event] = []
        if typed:  # (a typed seg: a span over the whole paragraph)
            opened = Open(local(child.tag) or "seg", _own_meta(child))
            found.append(opened)
            parts.append(_MARK)
        self._collect(child, parts, found, tokens=False)
        if typed:
            found.append(Close(opened))
            parts.append(_MARK)
        return parts, found

    def _placed_items(
        self, items: list[tuple[str, list[tuple[int, Event]]] | Incident]
    ) -> tuple[list[str], list[Incident], list[Markup], list[Sentence]]:
        """Paragraphs, and incidents, markup and sentences at their offsets into the
        turn's text."""
        paragraphs: list[str] = []
        incidents: list[Incident] = []
        markup: list[Markup] = []
        sentences: list[Sentence] = []
        pos = 0
        n_paras = sum(1 for item in items if isinstance(item, tuple))
        seen = 0
        for item in items:
            if isinstance(item, tuple):
                text, marked = item
                base = pos + 2 if paragraphs else 0
                if marked:
                    pending = [(m, e) for m, e in marked if isinstance(e, PendingSentence)]
                    if pending:
                        sentences += self.place_sentences(text, base, pending)
                        marked = [(m, e) for m, e in marked if not isinstance(e, PendingSentence)]
                    found, spans = place(marked, base)
                    incidents.extend(self._placed(inc, base + mark) for mark, inc in found)
                    markup.extend(spans)
                paragraphs.append(text)
                pos = base + len(text)
                seen += 1
            else:
                if not paragraphs:
                    offset = 0
                elif seen == n_paras:
                    offset = pos
                else:
                    offset = pos + 1
                incidents.append(self._placed(item, offset))
        return paragraphs, incidents, markup, sentences

    def _placed(self, inc: Incident, offset: int) -> Incident:
        return attrs.evolve(inc, offset=offset, length=self.lengths.pop(id(inc), 0))

    @staticmethod
    def _finish(raw: str, preserve: bool) -> tuple[str, list[int]]:
        return raw_marked(raw) if preserve else normalize_marked(raw)

    def _collect(self, el: Element, parts: list[str], found: list[Event], tokens: bool) -> None:
        if el.text and not tokens:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                self._inline(child, parts, found, tokens)
            if child.tail and not tokens:
                parts.append(child.tail)

    def _inline(self, child: Element, parts: list[str], found: list[Event], tokens: bool) -> None:
        tag = child.tag
        name = local(tag)
        if name in INCIDENT_TAGS or name in MILESTONE_TAGS:
            found.append(self.incident(child, body=False))
            parts.append(_MARK)
        elif tag in _TOKEN_TAGS:
            parts.append("".join(_itertext(child)))
            if child.get("join") != "right":
                parts.append(" ")
        elif name == "s" and _tokenized(child):
            self.sentence(child, parts, found)
        elif tag in _SKIP_INLINE:
            return
        elif name is None or tokens:
            self._collect(child, parts, found, tokens)
        else:
            self._phrase(child, name, parts, found)

    def _phrase(self, el: Element, name: str, parts: list[str], found: list[Event]) -> None:
        """Phrase-level markup: a span over what the element holds (see _tei_markup)."""
        content: Element | None = el
        if name == "choice":
            opened, content, dropped = choice(el)
            if opened.alternative_kind is None:
                self.ctx.problem("<choice> with a single reading: read as plain text", el)
                if content is not None:
                    self._collect(content, parts, found, tokens=False)
                return
            if dropped:
                self.ctx.problem(f"<choice>: {dropped} further reading(s) not kept", el)
        elif name == "del":
            opened, content = deletion(el), None
        else:
            opened = Open(name, element_meta(el))
        for key in [k for k in opened.meta if not is_ncname(k.removeprefix("xml:"))]:
            self.ctx.problem(f"<{name}>: attribute {key!r} not kept (not a TEI name)", el)
            del opened.meta[key]
        found.append(opened)
        parts.append(_MARK)
        if content is not None:
            self._collect(content, parts, found, tokens=False)
        found.append(Close(opened))
        parts.append(_MARK)

    def incident(self, el: Element, *, body: bool, offset: int | None = None) -> Incident:
        """The incident ``el``; inside a turn, placed at ``offset`` where it is known
        (else :meth:`_placed` places it once the turn's text is)."""
        name = local(el.tag)
        kind = name or "note"
        meta: dict[str, str] = {}
        subtype_attr: str | None = SUBTYPE_ATTR.get(kind, "type")
        text: str | None = None
        if name not in INCIDENT_TAGS:
            meta["element"] = name if name is not None else _attr_name(str(el.tag))
            kind = "anchor" if name in MILESTONE_TAGS else "note"
            subtype_attr = None
            content = text_of(el)
            text = content or None
        subtype = el.get(subtype_attr) if subtype_attr else None
        iid = el.get(XML_ID)
        who_attr = el.get("who")
        time_attr = el.get("start") if el.get("start") is not None else el.get("synch")
        for name, value in attributes(el):
            if name in (XML_ID, "who", "start", "synch", subtype_attr):
                continue
            if kind == "note" and name == "subtype" and value == "unattached":
                continue
            meta[_attr_name(name)] = value
        if kind in DESC_KINDS:
            descs = list(el.iterchildren(_DESC))  # (findall parses its path each time)
            if descs:
                text = text_of(descs[0])
                if descs[0].get(XML_LANG):
                    meta["desc-lang"] = descs[0].get(XML_LANG) or ""
                for other in descs[1:]:
                    _add(meta, f"desc@{other.get(XML_LANG) or ''}", text_of(other))
        elif kind in CONTENT_KINDS and "element" not in meta:
            text = text_of(el) or None
        printed: str | None = None
        length: str | None = None
        who = self._who(who_attr, el) if who_attr else None
        for extra_field, key, value in self.extras.get(iid or "\x00", ()):
            if extra_field == "meta" and key is not None:
                meta[key] = value
            elif extra_field == "subtype":
                subtype = value
            elif extra_field == "text":
                text = value
            elif extra_field == "printed":
                printed = value
            elif extra_field == "who":
                who = self._who(value, el)
            elif extra_field == "length":
                length = value
        if iid in self.anonymous:
            iid = None
        if length is not None and (body or not length.isdigit()):
            self.ctx.problem(f"<{kind}>: length {length!r} needs a place in a turn", el)
            meta["length"] = length
            length = None
        time = self.time(time_attr, el)
        if time is None and time_attr is not None:
            meta["start" if el.get("start") is not None else "synch"] = time_attr  # kept
        try:
            incident = Incident(
                kind=kind,  # type: ignore[arg-type]
                subtype=subtype,
                text=text,
                printed=printed,
                who=who,
                id=iid,
                offset=offset,
                length=int(length) if offset is not None and length is not None else 0,
                time=time,
                meta=adopt(meta),  # (the dict, built here, is not copied)
            )
        except ValidationError as exc:
            raise self.ctx.error(f"<{kind}>: {exc}", el) from None
        if length is not None and offset is None:
            self.lengths[id(incident)] = int(length)
        return incident

    # -- the end -----------------------------------------------------------------

    def front_back(self, el: Element, into: list[str]) -> None:
        for p in el.iter(_T + "p"):
            text = text_of(p)
            if text:
                into.append(text)

    def finish(self, body: list[Turn | Incident]) -> Transcript:
        fields = dict(self.event_fields or {"language": self.language})
        meta = dict(self.event_meta or self.root_meta)
        for name, key, value in self.event_extras:
            if name == "meta" and key is not None:
                meta[key] = value
            elif name == "language":
                fields["language"] = value
        try:
            event = EventModel(**fields, meta=meta)
        except (ValidationError, TypeError) as exc:
            raise self.ctx.error(f"teiHeader: {exc}") from None
        speakers = self.inline_persons + [
            s for k, s in self.referenced.items() if k not in self.declared
        ]
        claims = [c for c in (self._claim(span) for span in self.spans) if c is not None]
        relations = [r for r in (self._relation(link) for link in self.links) if r is not None]
        transcript_meta = corpus_meta(self.lists, meta, speakers, body)
        transcript_meta.update(
            (key, value) for name, key, value in self.transcript_extras if name == "meta" and key
        )
        try:
            return Transcript(
                event=event,
                speakers=tuple(speakers),
                body=tuple(body),
                claims=tuple(claims),
                relations=tuple(relations),
                front=self.front,
                back=self.back,
                meta=transcript_meta,
            )
        except ValidationError as exc:
            raise self.ctx.error(str(exc)) from None


def _tokenized(s: Element) -> bool:
    """Whether a sentence is the linguistic layer's (its words are ``w`` and ``pc``
    tokens); one of text (``<s>So I said</s>``) is phrase markup, its words kept."""
    text = s.text
    return not (text and text.strip(_WS)) and next(s.iter(*_TOKEN_TAGS), None) is not None


#: The attributes of a paragraph the turn keeps apart (seg-ids, seg-lang, white space).
_PARAGRAPH_ATTRS = frozenset([XML_ID, XML_LANG, XML_SPACE])


def _typed(el: Element) -> bool:
    """A ``seg`` paragraph with attributes of its own (``type``, ``subtype``, ``ana``...,
    as ISO 24624's ``seg type="utterance"``): read as a span over the paragraph."""
    return el.tag == _SEG and any(k not in _PARAGRAPH_ATTRS for k in el.attrib)


def _own_meta(el: Element) -> dict[str, str]:
    """A typed paragraph's attributes, less those the turn keeps apart."""
    own = element_meta(el)
    return {k: v for k, v in own.items() if k not in ("xml:id", "xml:lang", "xml:space")}


def _marked_paragraph(el: Element) -> tuple[str, list[int], list[Element]] | None:
    """A paragraph whose children are all incidents: its text normalised, where each
    incident stands in it, and the incidents' elements; ``None`` for any other."""
    parts = [el.text or ""]
    elements: list[Element] = []
    for child in el:
        tag = child.tag
        if tag in _INLINE_INCIDENT_TAGS:
            parts.append(_MARK)
            elements.append(child)
        elif isinstance(tag, str):
            return None
        tail = child.tail
        if tail:
            parts.append(tail)
    text, marks = normalize_marked("".join(parts))
    return text, marks, elements
