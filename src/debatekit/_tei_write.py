"""Write a :class:`~debatekit.Transcript` as a TEI P5 document (see docs/formats/tei.md).

Every field of the model has a place: the natural TEI element where there is one, and
otherwise an ``<interp>`` in a ``<standOff>`` ``<interpGrp>`` that points at the object
(``corresp="#id"``). Text whose white space would change under XML white-space
normalisation is written with ``xml:space="preserve"``.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from ._rules import is_ncname
from ._tei_common import (
    CONTENT_KINDS,
    DESC_KINDS,
    GENERATED_IDS,
    SUBTYPE_ATTR,
    TEI_NS,
    TIMED_KINDS,
    WHO_KINDS,
    XML_ID,
    XML_LANG,
    XML_SPACE,
    encode_ana,
    format_seconds,
    is_language,
    is_normal,
    is_partial_date,
    is_pointer_list,
    is_token,
    is_token_list,
)
from ._tei_write_layer import SentenceWriter
from ._tei_write_parts import (
    _FRAGMENT_PARSER,
    _append,
    _block,
    _el,
    _fragment_order,
    _indent,
    _markup_element,
    _typed_paragraph,
    put_text,
)
from .errors import WriteError
from .models import Affiliation, Event, Incident, Markup, Sentence, Speaker, Transcript, Turn

_T = "{" + TEI_NS + "}"
_TRANS = frozenset(["smooth", "latching", "overlap", "pause"])
_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")
# Where header parts kept as XML go back, and which (empty: any) may go there.
_FRAGMENT_PARENTS: dict[str, frozenset[str]] = {
    "teiHeader/fileDesc/titleStmt": frozenset(
        ["respStmt", "funder", "author", "editor", "principal"]
    ),
    "teiHeader/fileDesc": frozenset(["extent"]),
    "teiHeader": frozenset(["encodingDesc", "revisionDesc"]),
    "teiHeader/profileDesc": frozenset(),
}
# An xsd:duration, what @dur holds ("PT2S").
_DURATION = re.compile(
    r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?\Z"
)

Element = etree._Element


class _Writer:
    def __init__(self, transcript: Transcript) -> None:
        self.t = transcript
        self.used: set[str] = set()
        for s in transcript.speakers:
            self.used.add(s.id)
        for item in transcript.body:
            if item.id is not None:
                self.used.add(item.id)
            if isinstance(item, Turn):
                self.used.update(i.id for i in item.incidents if i.id is not None)
        self.layer = SentenceWriter(self.used)
        for turn in transcript.turns:
            self.layer.reserve(turn.sentences)
        self.used.update(c.id for c in transcript.claims)
        self.used.update(r.id for r in transcript.relations)
        self.times: dict[dt.timedelta, str] = {}
        self.event_meta: dict[str, str] = {}
        self.origin: str | None = None
        # (target id or None, group type, anonymous?, [(field, key, value)])
        self.extras: list[tuple[str | None, str, bool, list[tuple[str, str | None, str]]]] = []

    def fresh(self, prefix: str) -> str:
        n = 0
        while f"{prefix}{n}" in self.used:
            n += 1
        self.used.add(f"{prefix}{n}")
        return f"{prefix}{n}"

    def claim_id(self, value: str | None) -> bool:
        """Reserve an id kept in metadata (a label's or a segment's); False if taken."""
        if value is None or not is_ncname(value) or value in self.used:
            return False
        self.used.add(value)
        return True

    def time(self, value: dt.timedelta) -> str:
        if self.origin is None:
            self.origin = self.fresh("T")
        if value not in self.times:
            self.times[value] = self.fresh("T")
        return "#" + self.times[value]

    def build(self) -> Element:
        t = self.t
        root = _el(None, "TEI")
        extras_event: list[tuple[str, str | None, str]] = []
        if t.event.language is not None:
            if is_language(t.event.language):
                root.set(XML_LANG, t.event.language)
            else:
                extras_event.append(("language", None, t.event.language))
        self.event_meta = dict(t.event.meta)
        root_id = self.event_meta.get("xml:id")
        if self.claim_id(root_id):
            root.set(XML_ID, self.event_meta.pop("xml:id"))
        root_ana = self.event_meta.get("ana")
        if root_ana is not None and is_pointer_list(root_ana):
            root.set("ana", self.event_meta.pop("ana"))
        header = _el(root, "teiHeader")
        self.header(header, t.event, extras_event)
        text = _el(root, "text")
        if t.front:
            front = _el(text, "front")
            for p in t.front:
                _el(front, "p", p)
        body = _el(text, "body")
        div = _el(body, "div", type="debate")
        self.body(div)
        if t.back:
            back = _el(text, "back")
            for p in t.back:
                _el(back, "p", p)
        extras_event += [("meta", k, v) for k, v in self.event_meta.items()]
        if extras_event:
            self.extras.insert(0, (None, "event", False, extras_event))
        if t.meta:
            self.extras.insert(
                0, (None, "transcript", False, [("meta", k, v) for k, v in t.meta.items()])
            )
        self.stand_off(root)
        return root

    # -- header ------------------------------------------------------------------

    def header(
        self, header: Element, event: Event, extras: list[tuple[str, str | None, str]]
    ) -> None:
        meta = self.event_meta
        fragments = self._fragments(meta)
        file_desc = _el(header, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        if event.title is None:
            _el(title_stmt, "title")
        else:
            _el(title_stmt, "title", event.title, type="main")
        self._other_titles(title_stmt, "title", "main", meta, event.language)
        if event.subtitle is not None:
            _el(title_stmt, "title", event.subtitle, type="sub")
        self._other_titles(title_stmt, "subtitle", "sub", meta, event.language)
        if event.organizer is not None:
            _el(title_stmt, "sponsor", event.organizer)
        self._meetings(title_stmt, meta)
        title_stmt.extend(fragments.pop("teiHeader/fileDesc/titleStmt", []))
        edition = meta.pop("edition", None)
        if edition is not None:
            _el(_el(file_desc, "editionStmt"), "edition", edition)
        file_desc.extend(fragments.pop("teiHeader/fileDesc", []))
        self._publication(file_desc, event, meta)
        if event.series is not None:
            _el(_el(file_desc, "seriesStmt"), "title", event.series)
        if event.credits:
            notes = _el(file_desc, "notesStmt")
            for credit in event.credits:
                _el(notes, "note", credit, type="credit")
        self._source_desc(file_desc, event, meta)
        top = fragments.pop("teiHeader", [])
        header.extend(el for el in top if el.tag == _T + "encodingDesc")
        profile = self._profile(event, meta, fragments)
        if len(profile):
            header.append(profile)
        header.extend(el for el in top if el.tag == _T + "revisionDesc")

    @staticmethod
    def _publication(file_desc: Element, event: Event, meta: dict[str, str]) -> None:
        pub = _el(file_desc, "publicationStmt")
        idno = meta.pop("publication.idno", None)
        licence = meta.pop("licence", None)
        if event.publisher is not None:
            _el(pub, "publisher", event.publisher)
        elif event.published is not None or idno is not None or licence is not None:
            _el(pub, "authority")
        else:
            _el(pub, "p")
        if idno is not None:
            _el(pub, "idno", idno)
        if licence is not None:
            _el(_el(pub, "availability"), "licence", licence)
        if event.published is not None:
            iso = event.published.isoformat()
            _el(pub, "date", iso, when=iso)

    @staticmethod
    def _source_desc(file_desc: Element, event: Event, meta: dict[str, str]) -> None:
        source_desc = _el(file_desc, "sourceDesc")
        source_title = meta.pop("source.title", None)
        source_date = meta.get("source.date")
        if source_date is not None and not _DATE.match(source_date):
            source_date = None
        if source_date is not None:
            meta.pop("source.date")
        if source_title is not None or source_date is not None:
            bibl = _el(source_desc, "bibl")
            if source_title is not None:
                _el(bibl, "title", source_title)
            if event.source is not None:
                _el(bibl, "idno", event.source, type="URI")
            if source_date is not None:
                _el(bibl, "date", source_date, when=source_date)
        elif event.source is not None:
            _el(source_desc, "bibl", event.source)
        else:
            _el(source_desc, "p")

    def _profile(
        self, event: Event, meta: dict[str, str], fragments: dict[str, list[Element]]
    ) -> Element:
        """``profileDesc``: the abstract, the setting, the speakers, kept fragments."""
        profile = etree.Element(_T + "profileDesc")
        if event.description is not None:
            _el(_el(profile, "abstract"), "p", event.description)
        names = [
            (key, key[len("setting.") :])
            for key in meta
            if key.startswith("setting.")
            and is_token(key[len("setting.") :])
            and "." not in key[len("setting.") :]
            and key[len("setting.") :] not in ("city", "country", "date")
        ]
        if names or any(x is not None for x in (event.place, event.date, event.kind)):
            setting = _el(_el(profile, "settingDesc"), "setting")
            for key, kind in names:
                _el(setting, "name", meta.pop(key), type=kind)
            if event.place is not None:
                _el(setting, "placeName", event.place)
            if event.date is not None:
                if event.end_date is None:
                    iso = event.date.isoformat()
                    _el(setting, "date", iso, when=iso)
                else:
                    start, end = event.date.isoformat(), event.end_date.isoformat()
                    _el(setting, "date", f"{start}/{end}", **{"from": start, "to": end})
            if event.kind is not None:
                _el(setting, "activity", event.kind)
        if self.t.speakers:
            people = _el(_el(profile, "particDesc"), "listPerson")
            for speaker in self.t.speakers:
                self.person(people, speaker)
        profile.extend(fragments.pop("teiHeader/profileDesc", []))
        return profile

    @staticmethod
    def _other_titles(
        parent: Element, field: str, kind: str, meta: dict[str, str], language: str | None
    ) -> None:
        """Titles in other languages, kept by the reader as ``title@en``."""
        for key in [k for k in meta if k.startswith(field + "@")]:
            lang = key[len(field) + 1 :]
            if is_language(lang) and lang != language:
                title = _el(parent, "title", meta.pop(key), type=kind)
                title.set(XML_LANG, lang)

    @staticmethod
    def _meetings(parent: Element, meta: dict[str, str]) -> None:
        """ParlaMint's ``meeting``s, kept by the reader as ``meeting.1``, ``meeting.1.n``..."""
        n = 1
        while f"meeting.{n}" in meta:
            key = f"meeting.{n}"
            meeting = _el(parent, "meeting", meta.pop(key))
            number = meta.pop(f"{key}.n", None)
            if number is not None:
                meeting.set("n", number)
            for attr in ("ana", "corresp"):
                value = meta.get(f"{key}.{attr}")
                if value is not None and is_pointer_list(value):
                    meeting.set(attr, meta.pop(f"{key}.{attr}"))
            n += 1

    @staticmethod
    def _fragments(meta: dict[str, str]) -> dict[str, list[Element]]:
        """Header parts kept as XML by the reader (``tei:<path>``), parsed back."""
        found: dict[str, list[Element]] = {path: [] for path in _FRAGMENT_PARENTS}
        for key in sorted((k for k in meta if k.startswith("tei:")), key=_fragment_order):
            path, _, name = key[len("tei:") :].rpartition("/")
            name = name.split(".")[0]
            allowed = _FRAGMENT_PARENTS.get(path)
            if allowed is None or (allowed and name not in allowed):
                continue
            try:
                el = etree.fromstring(meta[key], _FRAGMENT_PARSER)
            except etree.XMLSyntaxError:
                continue
            if el.tag != _T + name:
                continue
            el.tail = None
            found[path].append(el)
            del meta[key]
        return found

    def person(self, parent: Element, speaker: Speaker) -> None:
        person = _el(parent, "person")
        person.set(XML_ID, speaker.id)
        extras: list[tuple[str, str | None, str]] = []
        if speaker.role is not None:
            if is_token_list(speaker.role):
                person.set("role", speaker.role)
            else:
                extras.append(("role", None, speaker.role))
        meta = dict(speaker.meta)
        surname, forename = meta.get("surname"), meta.get("forename")
        if surname and forename and speaker.name == f"{forename} {surname}":
            # The name's parts, as read from a structured persName: written back so.
            name = _el(person, "persName")
            _el(name, "surname", meta.pop("surname"))
            _el(name, "forename", meta.pop("forename"))
        else:
            _el(person, "persName", speaker.name)
        for alias in speaker.aliases:
            _el(person, "persName", alias, type="alias")
        if speaker.affiliation is not None:
            _el(person, "affiliation", speaker.affiliation, type="stated")
        for affiliation in speaker.affiliations:
            self.affiliation(person, affiliation)
        sex = meta.pop("sex", None)
        if sex is not None:
            if is_token_list(sex):
                _el(person, "sex", value=sex)
            else:
                meta["sex"] = sex
        if speaker.description is not None:
            _el(person, "note", speaker.description, type="description")
        extras += [("meta", k, v) for k, v in meta.items()]
        if extras:
            self.extras.append((speaker.id, "object", False, extras))

    def affiliation(self, parent: Element, a: Affiliation) -> None:
        el = _el(parent, "affiliation")
        if a.role is not None and is_token_list(a.role):
            el.set("role", a.role)
        if a.ref is not None and is_token_list(a.ref) and " " not in a.ref:
            el.set("ref", a.ref)
        for name, value in (("from", a.start), ("to", a.end)):
            if value is not None and is_partial_date(value):
                el.set(name, value)
        _el(el, "orgName", a.name)
        if a.role is not None and "role" not in el.attrib:
            _el(el, "note", a.role, type="role")
        if a.ref is not None and "ref" not in el.attrib:
            _el(el, "note", a.ref, type="ref")

    # -- body --------------------------------------------------------------------

    def body(self, div: Element) -> None:
        items = self.t.body
        for i, item in enumerate(items):
            if isinstance(item, Turn):
                self.turn(div, item)
            else:
                el = self.incident(div, item)
                nxt = items[i + 1] if i + 1 < len(items) else None
                if (
                    item.kind == "note"
                    and el.get("type") == "speaker"
                    and isinstance(nxt, Turn)
                    and nxt.label is None
                ):
                    # Not the next turn's label: say so, or a reader would attach it.
                    el.set("subtype", "unattached")

    def turn(self, div: Element, turn: Turn) -> None:
        meta = dict(turn.meta)
        extras: list[tuple[str, str | None, str]] = []
        if turn.label is not None:
            note = _el(div, "note", turn.label, type="speaker")
            label_id = meta.pop("label-id", None)
            if label_id is not None and self.claim_id(label_id):
                note.set(XML_ID, label_id)
            elif label_id is not None:
                meta["label-id"] = label_id
        block, annotations = _block(meta)
        if block is not None:
            div.append(block)
        u = _el(div if block is None else block, "u", who="#" + turn.speaker_id)
        u.set(XML_ID, turn.id)
        if turn.start is not None:
            u.set("start", self.time(turn.start))
        if turn.end is not None:
            u.set("end", self.time(turn.end))
        if block is not None:
            for name in ("who", "start", "end"):
                value = u.get(name)
                if value is not None and block.get(name) is None:
                    block.set(name, value)
            block.extend(annotations)
        ana = meta.pop("ana", None)
        if ana is not None:
            if is_pointer_list(ana):
                u.set("ana", ana)
            else:
                meta["ana"] = ana
        trans = meta.pop("trans", None)
        if trans is not None:
            if trans in _TRANS:
                u.set("trans", trans)
            else:
                meta["trans"] = trans
        lang = meta.pop("xml:lang", None)
        if lang is not None:
            if is_language(lang):
                u.set(XML_LANG, lang)
            else:
                meta["xml:lang"] = lang
        seg_ids: list[str | None] = [None] * len(turn.paragraphs)
        raw_ids = meta.pop("seg-ids", None)
        if raw_ids is not None:
            parts = raw_ids.split(" ")
            if (
                len(parts) == len(turn.paragraphs)
                and len(set(parts)) == len(parts)
                and all(is_ncname(p) and p not in self.used for p in parts)
            ):
                self.used.update(parts)
                seg_ids = list(parts)
            else:
                meta["seg-ids"] = raw_ids
        seg_lang = meta.pop("seg-lang", None)
        if seg_lang is not None and not (turn.paragraphs and is_language(seg_lang)):
            meta["seg-lang"] = seg_lang
            seg_lang = None
        self.utterance(u, turn, seg_ids, seg_lang)
        extras += [("meta", k, v) for k, v in meta.items()]
        if extras:
            self.extras.append((turn.id, "object", False, extras))

    def utterance(
        self, u: Element, turn: Turn, seg_ids: list[str | None], seg_lang: str | None
    ) -> None:
        """One ``seg`` per paragraph; inline incidents where their offset says.

        An offset inside paragraph *i* (its ends included) goes inside its ``seg``; an
        offset between the two newlines that separate paragraphs goes between the segs.
        """
        incidents = list(turn.incidents)
        markup = turn.markup
        sentences = turn.sentences
        k = m = q = 0
        start = 0
        for i, paragraph in enumerate(turn.paragraphs):
            end = start + len(paragraph)
            while k < len(incidents) and (incidents[k].offset or 0) < start:
                self.incident(u, incidents[k])
                k += 1
            seg = _el(u, "seg")
            if seg_ids[i] is not None:
                seg.set(XML_ID, seg_ids[i] or "")
            if seg_lang is not None:
                seg.set(XML_LANG, seg_lang)
            if not is_normal(paragraph):
                seg.set(XML_SPACE, "preserve")
            found: list[Incident] = []
            while k < len(incidents) and (incidents[k].offset or 0) <= end:
                found.append(incidents[k])
                k += 1
            spans: list[Markup] = []
            while m < len(markup) and markup[m].offset <= end:
                spans.append(markup[m])
                m += 1
            if spans and _typed_paragraph(spans[0], start, end):
                for key, value in spans.pop(0).meta.items():  # (the seg's own attributes)
                    seg.set(key, value)
            inside: list[Sentence] = []
            while q < len(sentences) and sentences[q].offset <= end:
                inside.append(sentences[q])
                q += 1
            self._paragraph(seg, paragraph, start, found, spans, inside)
            start = end + 2
        for incident in incidents[k:]:
            self.incident(u, incident)

    def _paragraph(
        self,
        seg: Element,
        text: str,
        start: int,
        incidents: list[Incident],
        spans: list[Markup],
        sentences: list[Sentence],
    ) -> None:
        """A paragraph's text with its incidents, markup and sentences, nested as the
        spans say.

        At one offset, spans that end there close first, then incidents stand, then
        spans that start there open (the longer first), then a sentence (with the
        incidents inside it: see Turn's rules). No recursion: a stack of the open
        elements and where each ends.
        """
        stack: list[tuple[Element, int | None]] = [(seg, None)]
        pos = start
        k = s = q = 0
        never = start + len(text) + 1
        while True:
            top, top_end = stack[-1]
            at_inc = incidents[k].offset or 0 if k < len(incidents) else never
            at_span = spans[s].offset if s < len(spans) else never
            at_sent = sentences[q].offset if q < len(sentences) else never
            if top_end is not None and top_end <= min(at_inc, at_span, at_sent):
                _append(top, text[pos - start : top_end - start])
                pos = top_end
                stack.pop()
            elif at_inc <= at_span and at_inc <= at_sent and at_inc < never:
                _append(top, text[pos - start : at_inc - start])
                pos = at_inc
                self.incident(top, incidents[k])
                k += 1
            elif at_sent < at_span:
                _append(top, text[pos - start : at_sent - start])
                sentence = sentences[q]
                pos = sentence.end
                first = k
                while k < len(incidents) and (incidents[k].offset or 0) < pos:
                    k += 1
                self.layer.sentence(top, sentence, incidents[first:k], self.incident)
                q += 1
            elif at_span < never:
                _append(top, text[pos - start : at_span - start])
                pos = at_span
                inner = _markup_element(top, spans[s])
                if inner is not None:
                    stack.append((inner, spans[s].end))
                s += 1
            else:
                _append(top, text[pos - start :])
                return

    def incident(self, parent: Element, inc: Incident) -> Element:
        kind = inc.kind
        el = _el(parent, kind)
        extras: list[tuple[str, str | None, str]] = []
        if inc.id is not None:
            el.set(XML_ID, inc.id)
        if inc.subtype is not None:
            if is_token(inc.subtype):
                el.set(SUBTYPE_ATTR.get(kind, "type"), inc.subtype)
            else:
                extras.append(("subtype", None, inc.subtype))
        if inc.who is not None:
            if kind in WHO_KINDS:
                el.set("who", "#" + inc.who)
            else:
                extras.append(("who", None, inc.who))
        if inc.time is not None:
            el.set("start" if kind in TIMED_KINDS else "synch", self.time(inc.time))
        if inc.text is not None:
            if kind in DESC_KINDS:
                _el(el, "desc", inc.text)
            elif kind in CONTENT_KINDS and inc.text:
                put_text(el, inc.text)
            else:
                extras.append(("text", None, inc.text))
        if inc.printed is not None:
            extras.append(("printed", None, inc.printed))
        if inc.length:
            extras.append(("length", None, str(inc.length)))
        meta = dict(inc.meta)
        for key in ("dur", "extent", "ana"):
            value = meta.get(key)
            if value is None:
                continue
            if (
                (key == "ana" and is_pointer_list(value))
                or (key == "extent" and kind == "gap" and value and is_normal(value))
                or (key == "dur" and kind in TIMED_KINDS and _DURATION.match(value))
            ):
                el.set(key, meta.pop(key))
        extras += [("meta", k, v) for k, v in meta.items()]
        if extras:
            anonymous = inc.id is None
            target = self.fresh("dk.") if anonymous else inc.id
            el.set(XML_ID, target or "")
            self.extras.append((target, "object", anonymous, extras))
        return el

    # -- standOff ----------------------------------------------------------------

    def stand_off(self, root: Element) -> None:
        t = self.t
        groups: list[Element] = []
        if self.times:
            origin = self.origin or self.fresh("T")
            timeline = _el(None, "timeline", unit="s", origin="#" + origin)
            _el(timeline, "when").set(XML_ID, origin)
            for moment, wid in sorted(self.times.items()):
                when = _el(timeline, "when", interval=format_seconds(moment), since="#" + origin)
                when.set(XML_ID, wid)
            groups.append(timeline)
        if t.claims:
            spans = _el(None, "spanGrp", type="claims")
            for c in t.claims:
                span = _el(
                    spans,
                    "span",
                    ana=encode_ana(c.kind),
                    target=f"#string-range({c.turn_id},{c.start},{c.end - c.start})",
                )
                span.set(XML_ID, c.id)
                fields: list[tuple[str, str | None, str]] = []
                if c.stance is not None:
                    fields.append(("stance", None, c.stance))
                fields += [("topic", None, topic) for topic in c.topics]
                if c.proposition is not None:
                    fields.append(("proposition", None, c.proposition))
                if c.note is not None:
                    fields.append(("note", None, c.note))
                fields += [("meta", k, v) for k, v in c.meta.items()]
                if fields:
                    self.extras.append((c.id, "object", False, fields))
            groups.append(spans)
        if t.relations:
            links = _el(None, "linkGrp", type="relations")
            for r in t.relations:
                link = _el(
                    links, "link", ana=encode_ana(r.kind), target=f"#{r.source_id} #{r.target_id}"
                )
                link.set(XML_ID, r.id)
                fields = [("note", None, r.note)] if r.note is not None else []
                fields += [("meta", k, v) for k, v in r.meta.items()]
                if fields:
                    self.extras.append((r.id, "object", False, fields))
            groups.append(links)
        if self.layer.generated:
            made = _el(None, "interpGrp", type=GENERATED_IDS, subtype="anonymous")
            made.set("corresp", " ".join("#" + i for i in self.layer.generated))
            _el(made, "interp", "ids made up for dependency links, not part of the transcript")
            groups.append(made)
        for target, kind, anonymous, fields in self.extras:
            grp = _el(None, "interpGrp", type=kind)
            if target is not None:
                grp.set("corresp", "#" + target)
            if anonymous:
                grp.set("subtype", "anonymous")
            for name, key, value in fields:
                interp = _el(grp, "interp", type=name)
                if key is not None:
                    interp.set("n", key)
                interp.text = value
                interp.set(XML_SPACE, "preserve")
            groups.append(grp)
        if groups:
            # Before <text>, so that a streaming reader knows the annotations first.
            stand_off = _el(None, "standOff")
            stand_off.extend(groups)
            root.insert(1, stand_off)


def to_tree(transcript: Transcript) -> Element:
    """Build the TEI document of ``transcript``."""
    root = _Writer(transcript).build()
    _indent(root)
    return root


def to_string(transcript: Transcript) -> str:
    root = to_tree(transcript)
    try:
        body = etree.tostring(root, encoding="unicode")
    except ValueError as exc:  # pragma: no cover - lxml checks strings on assignment
        raise WriteError("tei", str(exc)) from None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
