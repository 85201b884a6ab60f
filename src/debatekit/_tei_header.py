"""The TEI reader, part 1: the root, the header, persons and their affiliations.

Part of the TEI reader (see :mod:`debatekit._tei_read`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from ._tei_base import (
    _T,
    Context,
    Element,
    Lists,
    _add,
    _attr_name,
    _date,
    _ref_id,
    attributes,
    lang_in_force,
    local,
    text_of,
    verbatim,
)
from ._tei_common import XI_INCLUDE, XML_ID, XML_LANG, is_partial_date
from .errors import ValidationError
from .models import Affiliation, Speaker


class HeaderReader:
    """Reads the root and the header; holds the state the whole reader shares."""

    def __init__(
        self,
        ctx: Context,
        lists: Lists | None = None,
        lookup: Callable[[], Lists | None] | None = None,
    ) -> None:
        self.ctx = ctx
        self.lists = lists
        self.lookup = lookup
        self.event_fields: dict[str, Any] = {}
        self.event_meta: dict[str, str] = {}
        self.language: str | None = None
        self.inline_persons: list[Speaker] = []
        self.declared: dict[str, Speaker] = {}
        self.referenced: dict[str, Speaker] = {}
        self.extras: dict[str | None, list[tuple[str, str | None, str]]] = {}
        self.anonymous: set[str] = set()
        self.event_extras: list[tuple[str, str | None, str]] = []
        self.transcript_extras: list[tuple[str, str | None, str]] = []
        self.whens: dict[str, Element] = {}
        self.times: dict[str, dt.timedelta | None] = {}
        self.unit: dict[str, str | None] = {}
        self.spans: list[Element] = []
        self.links: list[Element] = []
        self.pending_label: Element | None = None
        self.keep_texts = True
        self.lengths: dict[int, int] = {}  # id(inline incident) -> its length, until placed
        self.turn_texts: dict[str, str] = {}
        self.front: list[str] = []
        self.back: list[str] = []
        self.generated = 0
        self.root_meta: dict[str, str] = {}

    # -- header ------------------------------------------------------------------

    def root(self, root: Element) -> None:
        self.language = root.get(XML_LANG)
        for name, value in attributes(root):
            if name not in (XML_ID, XML_LANG):
                self.root_meta[_attr_name(name)] = value
        if root.get(XML_ID):
            self.root_meta["xml:id"] = root.get(XML_ID) or ""

    def header(self, header: Element) -> None:
        meta: dict[str, str] = dict(self.root_meta)
        fields: dict[str, Any] = {"language": self.language}
        file_desc = header.find(_T + "fileDesc")
        if file_desc is not None:
            self._file_desc(file_desc, fields, meta)
        profile = header.find(_T + "profileDesc")
        if profile is not None:
            self._profile(profile, fields, meta)
        for org_list in header.iter(_T + "listOrg"):
            if self.lists is None:
                self.lists = Lists()
            self.lists._orgs(org_list)
        for person in _persons(header):
            speaker = self.person(person)
            if speaker is not None and speaker.id not in self.declared:
                self.declared[speaker.id] = speaker
                self.inline_persons.append(speaker)
        _unmodelled(header, "teiHeader", meta)
        self.event_fields = fields
        self.event_meta = meta

    def _pick(self, els: list[Element]) -> tuple[Element | None, list[Element]]:
        """The element in the document's language (else the first), and the others."""
        if not els:
            return None, []
        chosen = next((e for e in els if e.get(XML_LANG) == self.language), els[0])
        return chosen, [e for e in els if e is not chosen]

    def _file_desc(self, fd: Element, fields: dict[str, Any], meta: dict[str, str]) -> None:
        ts = fd.find(_T + "titleStmt")
        if ts is not None:
            titles = ts.findall(_T + "title")
            for kind, field_name in (("main", "title"), ("sub", "subtitle")):
                chosen, others = self._pick([t for t in titles if t.get("type") == kind])
                if chosen is not None:
                    fields[field_name] = text_of(chosen)
                for other in others:
                    _add(meta, f"{field_name}@{other.get(XML_LANG) or ''}", text_of(other))
            if "title" not in fields:
                plain = [t for t in titles if t.get("type") is None and text_of(t)]
                if plain:
                    fields["title"] = text_of(plain[0])
            sponsor = ts.find(_T + "sponsor")
            if sponsor is not None:
                fields["organizer"] = text_of(sponsor)
            for i, meeting in enumerate(ts.findall(_T + "meeting"), 1):
                meta[f"meeting.{i}"] = text_of(meeting)
                for attr in ("n", "ana", "corresp"):
                    if meeting.get(attr) is not None:
                        meta[f"meeting.{i}.{attr}"] = meeting.get(attr) or ""
        pub = fd.find(_T + "publicationStmt")
        if pub is not None:
            publisher = pub.find(_T + "publisher")
            if publisher is not None:
                names = publisher.findall(_T + "orgName")
                chosen, _ = self._pick(names)
                fields["publisher"] = text_of(chosen if chosen is not None else publisher)
            date = pub.find(_T + "date")
            if date is not None:
                when = _date(date.get("when"))
                if when is not None:
                    fields["published"] = when
                else:
                    meta["published"] = date.get("when") or text_of(date)
            idno = pub.find(_T + "idno")
            if idno is not None:
                meta["publication.idno"] = text_of(idno)
            licence = pub.find(f"{_T}availability/{_T}licence")
            if licence is not None:
                meta["licence"] = licence.get("target") or text_of(licence)
        series = fd.find(f"{_T}seriesStmt/{_T}title")
        if series is not None:
            fields["series"] = text_of(series)
        credits = fd.findall(f"{_T}notesStmt/{_T}note[@type='credit']")
        if credits:
            fields["credits"] = tuple(text_of(c) for c in credits)
        edition = fd.find(f"{_T}editionStmt/{_T}edition")
        if edition is not None:
            meta["edition"] = text_of(edition)
        bibl = fd.find(f"{_T}sourceDesc/{_T}bibl")
        if bibl is not None:
            if len(bibl) == 0:
                fields["source"] = text_of(bibl)
            else:
                uri = bibl.find(f"{_T}idno[@type='URI']")
                if uri is not None:
                    fields["source"] = text_of(uri)
                title = bibl.find(_T + "title")
                if title is not None:
                    meta["source.title"] = text_of(title)
                date = bibl.find(_T + "date")
                if date is not None and date.get("when"):
                    meta["source.date"] = date.get("when") or ""

    def _profile(self, profile: Element, fields: dict[str, Any], meta: dict[str, str]) -> None:
        abstract = profile.findall(f"{_T}abstract/{_T}p")
        if abstract:
            fields["description"] = "\n\n".join(text_of(p) for p in abstract)
        setting = profile.find(f"{_T}settingDesc/{_T}setting")
        if setting is not None:
            place = setting.find(_T + "placeName")
            if place is not None:
                fields["place"] = text_of(place)
            names = setting.findall(_T + "name")
            parts = [text_of(n) for n in names if n.get("type") in ("city", "country")]
            if place is None and parts:
                fields["place"] = ", ".join(parts)
            for n in names:
                if n.get("type") not in ("city", "country"):
                    _add(meta, f"setting.{n.get('type') or 'name'}", text_of(n))
            date = setting.find(_T + "date")
            if date is not None:
                when, start, end = (_date(date.get(a)) for a in ("when", "from", "to"))
                if when is not None:
                    fields["date"] = when
                elif start is not None:
                    fields["date"] = start
                    if end is not None and end >= start:
                        fields["end_date"] = end
                else:
                    meta["setting.date"] = text_of(date)
            activity = setting.find(_T + "activity")
            if activity is not None:
                fields["kind"] = text_of(activity)

    def person(self, el: Element) -> Speaker | None:
        pid = el.get(XML_ID)
        if not pid:
            self.ctx.problem("person without xml:id", el)
            return None
        meta: dict[str, str] = {}
        names: list[str] = []
        aliases: list[str] = []
        affiliations: list[Affiliation] = []
        stated: str | None = None
        description: str | None = None
        for child in el:
            tag = local(child.tag)
            if tag == "persName":
                name = self._pers_name(child, meta)
                (aliases if child.get("type") == "alias" or names else names).append(name)
            elif tag == "affiliation":
                if child.get("type") == "stated":
                    stated = text_of(child)
                else:
                    aff = self._affiliation(child, meta, len(affiliations) + 1)
                    if aff is not None:
                        affiliations.append(aff)
            elif tag == "sex":
                meta["sex"] = child.get("value") or text_of(child)
            elif tag == "note" and child.get("type") == "description":
                description = text_of(child)
            elif tag == "birth":
                if child.get("when"):
                    meta["birth"] = child.get("when") or ""
                place = child.find(_T + "placeName")
                if place is not None:
                    meta["birthplace"] = text_of(place)
            elif tag == "idno":
                _add(meta, "idno", text_of(child))
            elif tag is not None:
                _add(
                    meta,
                    tag,
                    text_of(child) or " ".join(f"{k}={v}" for k, v in attributes(child)),
                )
        for extra_field, key, value in self.extras.get(pid, ()):
            if extra_field == "meta" and key is not None:
                meta[key] = value
        _pers_names(el, meta)
        for name in ("sex", "gender", "age"):
            if el.get(name) is not None:
                meta.setdefault(name, el.get(name) or "")
        role = el.get("role")
        for extra_field, _, value in self.extras.get(pid, ()):
            if extra_field == "role":
                role = value
        try:
            return Speaker(
                id=pid,
                name=names[0] if names else pid,
                role=role,
                affiliation=stated,
                description=description,
                aliases=aliases,
                affiliations=tuple(affiliations),
                meta=meta,
            )
        except ValidationError as exc:
            raise self.ctx.error(f"person {pid!r}: {exc}", el) from None

    def _pers_name(self, el: Element, meta: dict[str, str]) -> str:
        fore = [text_of(c) for c in el if local(c.tag) == "forename"]
        sur = [text_of(c) for c in el if local(c.tag) in ("surname", "nameLink")]
        for c in el:
            if local(c.tag) in ("roleName", "addName", "genName"):
                _add(meta, local(c.tag) or "", text_of(c))
        if fore or sur:
            # The first name's parts, for "Surname, Forename" (ParlaMint's Speaker_name).
            if "surname" not in meta and "forename" not in meta:
                for key, parts in _name_parts(el).items():
                    if any(parts):
                        meta[key] = " ".join(p for p in parts if p)
            return " ".join(p for p in fore + sur if p)
        return text_of(el)

    def _affiliation(self, el: Element, meta: dict[str, str], n: int) -> Affiliation | None:
        """A dated affiliation; what Affiliation has no field for goes to the speaker's
        ``meta["affiliation.<n>.<name>"]`` (ParlaMint's ``@ana`` term, ``@source``, notes)."""
        org = el.find(_T + "orgName")
        extra: dict[str, str] = {}
        for name, value in attributes(el):
            if name not in ("role", "ref", "from", "to"):
                extra[_attr_name(name)] = value
        for child in el:
            tag = local(child.tag)
            if child is org or (tag == "note" and child.get("type") in ("role", "ref")):
                continue
            if tag is not None:
                label = f"{tag}.{child.get('type')}" if child.get("type") else tag
                _add(extra, label, text_of(child))
        ref = el.get("ref")
        role = el.get("role")
        for note in el.findall(_T + "note"):
            if note.get("type") == "role":
                role = text_of(note)
            elif note.get("type") == "ref":
                ref = text_of(note)
        if org is not None:
            name = text_of(org)
        elif ref is not None:
            orgs = self.lists.orgs if self.lists is not None else {}
            found = orgs.get(_ref_id(ref))
            if found is None:
                self.ctx.problem(f"affiliation ref {ref!r} names no organisation in listOrg", el)
                found = _ref_id(ref) or ref
            name = found
        else:
            name = text_of(el) or (role or "")
        dates: list[str | None] = []
        for attr in ("from", "to"):
            date = el.get(attr)
            if date is not None and not is_partial_date(date):
                extra[attr] = date  # a time or a malformed date: kept as it is
                date = date[:10] if is_partial_date(date[:10]) else None
            dates.append(date)
        if not name:
            self.ctx.problem("affiliation without an organisation", el)
            return None
        for key, value in extra.items():
            meta[f"affiliation.{n}.{key}"] = value
        return Affiliation(name=name, role=role, ref=ref, start=dates[0], end=dates[1])


# Header elements the reader maps to model fields; anything else below them is kept,
# as XML, in Event.meta["tei:<path>"].
_MODELLED = {
    "teiHeader": {"fileDesc", "profileDesc"},
    "fileDesc": {
        "titleStmt",
        "editionStmt",
        "publicationStmt",
        "seriesStmt",
        "notesStmt",
        "sourceDesc",
    },
    "titleStmt": {"title", "sponsor", "meeting"},
    "editionStmt": {"edition"},
    "publicationStmt": {"publisher", "authority", "date", "idno", "availability", "p"},
    "notesStmt": {"note"},
    "sourceDesc": {"bibl", "p"},
    "profileDesc": {"abstract", "settingDesc", "particDesc"},
    "settingDesc": {"setting"},
    "setting": {"name", "placeName", "date", "activity"},
    "particDesc": {"listPerson", "listOrg", "person"},
}


def _persons(header: Element) -> Iterator[Element]:
    """The persons a header declares: in a ``listPerson``, or right in a ``particDesc``
    (as TEI allows and EXMARaLDA's ISO TEI export writes them)."""
    for el in header.iter(_T + "listPerson", _T + "particDesc"):
        if el.tag == _T + "particDesc":
            yield from el.iterchildren(_T + "person")
        else:
            yield from el.iter(_T + "person")


def _unmodelled(el: Element, path: str, meta: dict[str, str]) -> None:
    known = _MODELLED.get(local(el.tag) or "", set())
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = local(child.tag)
        if name in known:
            if name in _MODELLED:
                _unmodelled(child, f"{path}/{name}", meta)
        elif child.tag != XI_INCLUDE:
            _add(meta, f"tei:{path}/{name or child.tag}", verbatim(child))


def _name_parts(el: Element) -> dict[str, list[str]]:
    """A ``persName``'s parts as ParlaMint orders them: the surnames (a ``nameLink``
    counts when a surname or another ``nameLink`` follows it), the forenames, and the
    patronyms (``surname[@type="patronym"]``, which follow the forenames)."""
    children = [c for c in el if local(c.tag) is not None]
    parts: dict[str, list[str]] = {"surname": [], "forename": [], "patronym": []}
    for i, c in enumerate(children):
        tag = local(c.tag)
        if tag == "surname":
            key = "patronym" if c.get("type") == "patronym" else "surname"
            parts[key].append(text_of(c))
        elif tag == "forename":
            parts["forename"].append(text_of(c))
        elif tag == "nameLink" and _next_tag(children, i) in ("surname", "nameLink"):
            parts["surname"].append(text_of(c))
    return parts


def _next_tag(children: list[Element], i: int) -> str | None:
    return local(children[i + 1].tag) if i + 1 < len(children) else None


def _pers_names(person: Element, meta: dict[str, str]) -> None:
    """A person with several names (in several languages, or changed at a date): each
    ``persName``'s parts, language and period as ``persName.<n>.<what>``, for ParlaMint's
    name at the sitting's date in the session's language."""
    names = [c for c in person if local(c.tag) == "persName" and c.get("type") != "alias"]
    if len(names) < 2:
        return
    for n, name in enumerate(names, 1):
        for key, parts in _name_parts(name).items():
            if any(parts):
                meta[f"persName.{n}.{key}"] = " ".join(p for p in parts if p)
        for key, value in (
            ("lang", lang_in_force(name)),
            ("from", name.get("from")),
            ("to", name.get("to")),
        ):
            if value:
                meta[f"persName.{n}.{key}"] = value
