"""Read TEI P5 transcripts and ParlaMint sessions into the model (see docs/formats/tei.md).

The reader works on one element at a time, so that the same code serves the tree
reader (:func:`read_tree`) and the streaming reader (:func:`iter_items`): the header,
the standOff annotations, then each child of the body's divisions, in document order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs
from lxml import etree

from ._tei_common import (
    CONTENT_KINDS,
    DESC_KINDS,
    INCIDENT_TAGS,
    MILESTONE_TAGS,
    SUBTYPE_ATTR,
    TEI_NS,
    XI_INCLUDE,
    XML_ID,
    XML_LANG,
    XML_SPACE,
    decode_ana,
    is_partial_date,
    normalize,
    parse_interval,
)
from ._tei_safe import chunks, parse_file, pull_parser, syntax_error
from .errors import DebatekitError, ParseError, ParseWarning, ValidationError, _report
from .models import Affiliation, Claim, Event, Incident, Relation, Speaker, Transcript, Turn

Element = etree._Element
_T = "{" + TEI_NS + "}"
_MARK = "\x00"  # cannot occur in XML text: marks where an inline incident stood
_PARA_TAGS = frozenset([_T + "seg", _T + "p", _T + "ab"])
_TOKEN_TAGS = frozenset([_T + "w", _T + "pc"])
_SKIP_INLINE = frozenset(
    _T + t for t in ("linkGrp", "spanGrp", "interpGrp", "timeline", "fs", "join", "link")
)
_DIV_TAGS = frozenset(_T + t for t in ("div", "div1", "div2", "div3", "div4", "div5"))
_STRING_RANGE = re.compile(r"#string-range\(([^,()]+),(\d+),(\d+)\)\Z")
_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")
_WS = " \t\n\r"


def local(tag: object) -> str | None:
    """The local name of a TEI element (``None`` for comments and other namespaces)."""
    if isinstance(tag, str) and tag.startswith(_T):
        return tag[len(_T) :]
    return None


def _ref_id(value: str) -> str:
    """The id a pointer names: ``#X``, ``file.xml#X`` or a bare ``X``."""
    value = value.strip().split()[0] if value.strip() else ""
    return value.rsplit("#", 1)[-1]


def _date(value: str | None) -> dt.date | None:
    if value and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _add(meta: dict[str, str], key: str, value: str) -> None:
    """Add a metadata value, numbering repeated keys: ``idno``, ``idno.2``, ..."""
    if key not in meta:
        meta[key] = value
        return
    n = 2
    while f"{key}.{n}" in meta:
        n += 1
    meta[f"{key}.{n}"] = value


def _attr_name(name: str) -> str:
    if name.startswith("{"):
        ns, _, rest = name[1:].partition("}")
        return ("xml:" if ns == "http://www.w3.org/XML/1998/namespace" else ns + ":") + rest
    return name


class Context:
    """Where we read from and how strictly: builds errors and warnings."""

    def __init__(self, source: str | None, strict: bool, allow_outside: bool = False) -> None:
        self.source = source
        self.strict = strict
        self.allow_outside = allow_outside  # xi:include may leave the corpus folder

    def problem(self, msg: str, el: Element | None = None, source: str | None = None) -> None:
        """Raise in strict mode; warn (and let the caller keep the item) in lenient mode."""
        line = el.sourceline if el is not None else None
        _report(ParseWarning(msg, source=source or self.source, lineno=line), strict=self.strict)

    def error(self, msg: str, el: Element | None = None) -> ParseError:
        return ParseError(msg, source=self.source, lineno=el.sourceline if el is not None else None)


# -- whitespace and text ---------------------------------------------------------------


def text_of(el: Element, preserve: bool = False) -> str:
    """The text content of an element: normalised, unless ``xml:space="preserve"``."""
    raw = "".join(_itertext(el))
    if preserve or el.get(XML_SPACE) == "preserve":
        return raw
    return normalize(raw)


def _itertext(el: Element) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str):
            yield from _itertext(child)
        if child.tail:
            yield child.tail


def normalize_marked(raw: str) -> tuple[str, list[int]]:
    """Normalise white space as ParlaMint does and return where each mark stood.

    ``a <x/> b`` reads as ``a b`` with the mark after the space; an element without
    white space around it (``a<x/>b``) stays exactly between the two characters.
    """
    if _MARK not in raw:
        return normalize(raw), []
    out: list[str] = []
    marks: list[int] = []
    for ch in re.sub(r"[ \t\n\r]+", " ", raw):
        if ch == _MARK:
            marks.append(len(out))
        elif ch == " " and (not out or out[-1] == " "):
            continue
        else:
            out.append(ch)
    if out and out[-1] == " ":
        out.pop()
    size = len(out)
    return "".join(out), [min(m, size) for m in marks]


def raw_marked(raw: str) -> tuple[str, list[int]]:
    marks: list[int] = []
    out: list[str] = []
    for piece in raw.split(_MARK):
        out.append(piece)
        marks.append(sum(map(len, out)))
    marks.pop()
    return "".join(out), marks


# -- lists of persons and organisations --------------------------------------------------


class Lists:
    """Persons and organisations known from the corpus (its root, listPerson, listOrg)."""

    def __init__(self) -> None:
        self.persons: dict[str, tuple[Element, str | None]] = {}
        self.orgs: dict[str, str] = {}
        self.sources: list[str] = []

    def add_tree(
        self, root: Element, source: str | None, ctx: Context, boundary: str | None = None
    ) -> None:
        """Take every listPerson / listOrg in ``root``, following ``xi:include``s (inside
        ``boundary``, by default the folder of ``source``: see :func:`resolve_include`)."""
        tag = local(root.tag)
        if tag == "listPerson":
            self._persons(root, source)
        elif tag == "listOrg":
            self._orgs(root)
        else:
            for el in root.iter(_T + "listPerson", _T + "listOrg", XI_INCLUDE):
                if el.tag == XI_INCLUDE:
                    parent = el.getparent()
                    if parent is not None and local(parent.tag) == "particDesc":
                        self.include(el, source, ctx, boundary)
                elif el.tag == _T + "listPerson":
                    self._persons(el, source)
                else:
                    self._orgs(el)
        if source:
            self.sources.append(source)

    def include(
        self, el: Element, source: str | None, ctx: Context, boundary: str | None = None
    ) -> None:
        path = resolve_include(el, source, ctx, boundary)
        if path is None:
            return
        self.add_tree(parse_file(path).getroot(), path, ctx, boundary or folder_of(source))

    def _persons(self, el: Element, source: str | None) -> None:
        for person in el.iter(_T + "person"):
            pid = person.get(XML_ID)
            if pid:
                self.persons.setdefault(pid, (person, source))

    def _orgs(self, el: Element) -> None:
        for org in el.iter(_T + "org"):
            oid = org.get(XML_ID)
            if not oid:
                continue
            names = org.findall(_T + "orgName")
            full = [n for n in names if n.get("full") == "yes"] or names
            if full:
                self.orgs.setdefault(oid, text_of(full[0]))


def resolve_include(
    el: Element, source: str | None, ctx: Context, boundary: str | None = None
) -> str | None:
    """The local file an ``xi:include`` names, or ``None`` (after reporting) if missing
    or refused. Only relative paths inside ``boundary`` (by default the folder of
    ``source``; symbolic links resolved) are followed, unless ``ctx.allow_outside``;
    a refused file is never opened, so no message can quote its content."""
    href = el.get("href")
    if not href or source is None:
        ctx.problem(f"cannot resolve xi:include href={href!r}", el, source)
        return None
    if "://" in href or href.startswith("/") or re.match(r"[A-Za-z]:", href):
        ctx.problem(f"xi:include of {href!r} refused: only relative local files", el, source)
        return None
    path = os.path.join(os.path.dirname(source), href)
    if not ctx.allow_outside and not inside(path, boundary or folder_of(source)):
        ctx.problem(
            f"xi:include of {href!r} refused: outside the corpus folder "
            f"{boundary or folder_of(source)} (allow it with allow_outside=True, "
            "or --allow-outside-root on the command line)",
            el,
            source,
        )
        return None
    if not os.path.isfile(path):
        ctx.problem(f"xi:include target not found: {href}", el, source)
        return None
    return path


def folder_of(source: str | None) -> str:
    """The real folder of a file (symbolic links resolved): a corpus's boundary."""
    return os.path.dirname(os.path.realpath(source or "."))


def inside(path: str, folder: str) -> bool:
    """Whether ``path``, symbolic links resolved, is in ``folder``'s tree."""
    real, top = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, top]) == top
    except ValueError:  # another drive (Windows)
        return False


def find_lists(source: str, session_id: str | None, ctx: Context) -> Lists | None:
    """The corpus lists for a session file read alone: beside it or one folder up."""
    here = Path(source).resolve().parent
    prefix = session_id.split("_")[0] if session_id and "_" in session_id else None
    for folder in (here, here.parent):
        lists = Lists()
        if prefix:
            for name in (f"{prefix}.xml", f"{prefix}.ana.xml"):
                root = folder / name
                if root.is_file():
                    lists.add_tree(parse_file(str(root)).getroot(), str(root), ctx)
                    if lists.persons:
                        return lists
        for pattern in ("*listPerson*.xml", "*listOrg*.xml"):
            for path in sorted(folder.glob(pattern)):
                lists.add_tree(parse_file(str(path)).getroot(), str(path), ctx)
        if lists.persons:
            return lists
    return None


# -- the reader --------------------------------------------------------------------------


class Reader:
    """Turns TEI elements into model objects; fed in document order."""

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
        for name, value in root.attrib.items():
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
        for person_list in header.iter(_T + "listPerson"):
            for person in person_list.iter(_T + "person"):
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
                    text_of(child) or " ".join(f"{k}={v}" for k, v in child.attrib.items()),
                )
        for extra_field, key, value in self.extras.get(pid, ()):
            if extra_field == "meta" and key is not None:
                meta[key] = value
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
            return " ".join(p for p in fore + sur if p)
        return text_of(el)

    def _affiliation(self, el: Element, meta: dict[str, str], n: int) -> Affiliation | None:
        """A dated affiliation; what Affiliation has no field for goes to the speaker's
        ``meta["affiliation.<n>.<name>"]`` (ParlaMint's ``@ana`` term, ``@source``, notes)."""
        org = el.find(_T + "orgName")
        extra: dict[str, str] = {}
        for name, value in el.attrib.items():
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

    # -- standOff ----------------------------------------------------------------

    def stand_off(self, el: Element) -> None:
        for grp in el.iter(_T + "interpGrp"):
            fields = [
                (i.get("type") or "", i.get("n"), text_of(i, preserve=True))
                for i in grp.iter(_T + "interp")
            ]
            target = grp.get("corresp")
            if grp.get("type") == "transcript" and target is None:
                self.transcript_extras += fields
            elif grp.get("type") == "event" and target is None:
                self.event_extras += fields
            elif target is not None:
                tid = _ref_id(target)
                self.extras.setdefault(tid, []).extend(fields)
                if grp.get("subtype") == "anonymous":
                    self.anonymous.add(tid)
            else:
                self.ctx.problem("interpGrp without a target", grp)
        for timeline in el.iter(_T + "timeline"):
            self.timeline(timeline)
        self.spans += el.iter(_T + "span")
        self.links += el.iter(_T + "link")

    def timeline(self, timeline: Element) -> None:
        unit = timeline.get("unit")
        for when in timeline.iter(_T + "when"):
            wid = when.get(XML_ID)
            if wid:
                self.whens[wid] = when
                self.unit[wid] = when.get("unit") or unit

    def time(self, pointer: str | None, el: Element) -> dt.timedelta | None:
        if pointer is None:
            return None
        wid = _ref_id(pointer)
        if wid in self.times:
            return self.times[wid]
        self.times[wid] = None  # guards against cycles
        when = self.whens.get(wid)
        result: dt.timedelta | None = None
        if when is None:
            self.ctx.problem(f"time pointer {pointer!r} names no <when>", el)
        elif when.get("interval") is None:
            result = dt.timedelta(0)
        else:
            interval = parse_interval(when.get("interval") or "", self.unit.get(wid))
            base = self.time(when.get("since"), when) if when.get("since") else dt.timedelta(0)
            if interval is not None and base is not None:
                result = base + interval
        self.times[wid] = result
        return result

    # -- body --------------------------------------------------------------------

    def body_child(self, el: Element) -> Iterator[Turn | Incident]:
        """The model items of one child of a body division, in order."""
        tag = local(el.tag)
        if tag == "u":
            label, self.pending_label = self.pending_label, None
            yield self.turn(el, label)
            return
        yield from self.flush()
        if el.tag in _DIV_TAGS:
            if not _wrapper(el):
                yield self.division(el)
            for child in el:
                if isinstance(child.tag, str):
                    yield from self.body_child(child)
            yield from self.flush()
        elif tag == "note" and el.get("type") == "speaker" and el.get("subtype") != "unattached":
            self.pending_label = el
        elif tag in INCIDENT_TAGS or tag in MILESTONE_TAGS:
            yield self.incident(el, body=True)
        elif tag == "timeline":
            self.timeline(el)
        elif isinstance(el.tag, str):
            yield self.incident(el, body=True)

    def division(self, el: Element) -> Incident:
        """A division's start, kept as an ``anchor`` with the div's attributes."""
        meta = {"element": local(el.tag) or "div"}
        meta.update((_attr_name(k), v) for k, v in el.attrib.items())
        return Incident(kind="anchor", subtype="div", meta=meta)

    def flush(self) -> Iterator[Incident]:
        if self.pending_label is not None:
            yield self.incident(self.pending_label, body=True)
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
                    lists.persons.update(found.persons)
                    for k, v in found.orgs.items():
                        lists.orgs.setdefault(k, v)
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
        self.ctx.problem(f"who={value!r} names no person in listPerson", el)
        self.referenced[wid] = Speaker(id=wid, name=wid, meta={"unresolved": "true"})
        return wid

    def turn(self, u: Element, label: Element | None) -> Turn:
        uid = u.get(XML_ID)
        if not uid:
            self.generated += 1
            uid = f"_u{self.generated}"
        meta: dict[str, str] = {}
        for name, value in u.attrib.items():
            if name not in (XML_ID, "who", "start", "end"):
                meta[_attr_name(name)] = value
        who = self._who(u.get("who"), u)
        if who is None:
            who = "_unknown"
            if who not in self.referenced:
                self.referenced[who] = Speaker(id=who, name="Unknown", meta={"placeholder": "true"})
        if u.get("who") and len(u.get("who", "").split()) > 1:
            meta["who"] = u.get("who") or ""
        label_text: str | None = None
        if label is not None:
            label_text = text_of(label)
            label_id = label.get(XML_ID)
            if label_id is not None:
                meta["label-id"] = label_id
        preserve = _preserved(u)
        paragraphs, incidents, seg_ids, seg_langs = self._content(u, preserve)
        if seg_ids and len(seg_ids) == len(paragraphs) and all(seg_ids):
            meta["seg-ids"] = " ".join(i or "" for i in seg_ids)
        if seg_langs and len(set(seg_langs)) == 1 and len(seg_langs) == len(paragraphs):
            lang = seg_langs[0]
            if lang is not None:
                meta["seg-lang"] = lang
        for extra_field, key, value in self.extras.get(uid, ()):
            if extra_field == "meta" and key is not None:
                meta[key] = value
        start = self.time(u.get("start"), u)
        end = self.time(u.get("end"), u)
        try:
            turn = Turn(
                id=uid,
                speaker_id=who,
                paragraphs=paragraphs,
                label=label_text,
                start=start,
                end=end,
                incidents=tuple(incidents),
                meta=meta,
            )
        except ValidationError as exc:
            if self.ctx.strict:
                raise self.ctx.error(f"utterance {uid!r}: {exc}", u) from None
            self.ctx.problem(f"utterance {uid!r}: {exc}; white space normalised", u)
            fixed, kept, _, _ = self._content(u, preserve=False, force=True)
            turn = Turn(
                id=uid,
                speaker_id=who,
                paragraphs=fixed,
                label=label_text,
                start=start,
                end=end if start is None or end is None or end >= start else None,
                incidents=tuple(kept),
                meta=meta,
            )
        if self.keep_texts:
            self.turn_texts.setdefault(uid, turn.text)
        return turn

    def _content(
        self, u: Element, preserve: bool, force: bool = False
    ) -> tuple[list[str], list[Incident], list[str | None], list[str | None]]:
        """Paragraphs and inline incidents of an utterance (see the offset rules)."""
        self.lengths.clear()  # lengths only live from an item's reading to its placing
        # Items: ("p", text, [(mark, incident)]) or ("i", incident): between paragraphs.
        items: list[tuple[str, str, list[tuple[int, Incident]]] | Incident] = []
        seg_ids: list[str | None] = []
        seg_langs: list[str | None] = []
        direct: list[str] = []
        direct_inc: list[Incident] = []

        def flush_direct() -> None:
            if not direct_inc and not direct:
                return
            text, marks = self._finish("".join(direct), preserve)
            if text:
                items.append(("p", text, list(zip(marks, direct_inc, strict=True))))
                seg_ids.append(None)
                seg_langs.append(None)
            else:
                items.extend(direct_inc)
            direct.clear()
            direct_inc.clear()

        if u.text and u.text.strip(_WS):
            direct.append(u.text)
        for child in u:
            if child.tag in _PARA_TAGS:
                flush_direct()
                if not len(child) and (force or (not preserve and child.get(XML_SPACE) is None)):
                    text = normalize(child.text or "")  # the common case: plain text
                    if text:
                        items.append(("p", text, []))
                        seg_ids.append(child.get(XML_ID))
                        seg_langs.append(child.get(XML_LANG))
                    continue
                parts: list[str] = []
                found: list[Incident] = []
                self._collect(child, parts, found, tokens=False)
                keep = not force and (preserve or child.get(XML_SPACE) == "preserve")
                text, marks = self._finish("".join(parts), keep)
                if text:
                    items.append(("p", text, list(zip(marks, found, strict=True))))
                    seg_ids.append(child.get(XML_ID))
                    seg_langs.append(child.get(XML_LANG))
                else:
                    items.extend(found)
            elif isinstance(child.tag, str):
                self._inline(child, direct, direct_inc, tokens=False)
            tail = child.tail
            if tail and (direct_inc or direct or tail.strip(_WS)):
                direct.append(tail)
        flush_direct()
        paragraphs: list[str] = []
        incidents: list[Incident] = []
        pos = 0
        n_paras = sum(1 for item in items if isinstance(item, tuple))
        seen = 0
        for item in items:
            if isinstance(item, tuple):
                _, text, marked = item
                base = pos + 2 if paragraphs else 0
                for mark, inc in marked:
                    incidents.append(self._placed(inc, base + mark))
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
        return paragraphs, incidents, seg_ids, seg_langs

    def _placed(self, inc: Incident, offset: int) -> Incident:
        return attrs.evolve(inc, offset=offset, length=self.lengths.pop(id(inc), 0))

    @staticmethod
    def _finish(raw: str, preserve: bool) -> tuple[str, list[int]]:
        return raw_marked(raw) if preserve else normalize_marked(raw)

    def _collect(self, el: Element, parts: list[str], found: list[Incident], tokens: bool) -> None:
        if el.text and not tokens:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                self._inline(child, parts, found, tokens)
            if child.tail and not tokens:
                parts.append(child.tail)

    def _inline(
        self, child: Element, parts: list[str], found: list[Incident], tokens: bool
    ) -> None:
        tag = child.tag
        name = local(tag)
        if name in INCIDENT_TAGS or name in MILESTONE_TAGS:
            found.append(self.incident(child, body=False))
            parts.append(_MARK)
        elif tag in _TOKEN_TAGS:
            parts.append("".join(_itertext(child)))
            if child.get("join") != "right":
                parts.append(" ")
        elif name == "s":
            self._collect(child, parts, found, tokens=True)
        elif tag in _SKIP_INLINE:
            return
        else:
            self._collect(child, parts, found, tokens)

    def incident(self, el: Element, *, body: bool) -> Incident:
        kind = local(el.tag) or "note"
        meta: dict[str, str] = {}
        subtype_attr: str | None = SUBTYPE_ATTR.get(kind, "type")
        text: str | None = None
        name = local(el.tag)
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
        for name, value in el.attrib.items():
            if name in (XML_ID, "who", "start", "synch", subtype_attr):
                continue
            if kind == "note" and name == "subtype" and value == "unattached":
                continue
            meta[_attr_name(name)] = value
        if kind in DESC_KINDS:
            descs = el.findall(_T + "desc")
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
        try:
            incident = Incident(
                kind=kind,  # type: ignore[arg-type]
                subtype=subtype,
                text=text,
                printed=printed,
                who=who,
                id=iid,
                offset=None,
                time=self.time(time_attr, el),
                meta=meta,
            )
        except ValidationError as exc:
            raise self.ctx.error(f"<{kind}>: {exc}", el) from None
        if length is not None:
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
            event = Event(**fields, meta=meta)
        except (ValidationError, TypeError) as exc:
            raise self.ctx.error(f"teiHeader: {exc}") from None
        speakers = self.inline_persons + [
            s for k, s in self.referenced.items() if k not in self.declared
        ]
        claims = [c for c in (self._claim(span) for span in self.spans) if c is not None]
        relations = [r for r in (self._relation(link) for link in self.links) if r is not None]
        transcript_meta = {
            key: value for name, key, value in self.transcript_extras if name == "meta" and key
        }
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

    def _claim(self, span: Element) -> Claim | None:
        cid = span.get(XML_ID)
        match = _STRING_RANGE.match(span.get("target") or "")
        if not cid or match is None:
            self.ctx.problem(
                "span without xml:id or #string-range(turn,offset,length) target", span
            )
            return None
        turn_id, start, length = match.group(1), int(match.group(2)), int(match.group(3))
        text = self.turn_texts.get(turn_id)
        if text is None or start + length > len(text):
            self.ctx.problem(f"span {cid!r} points outside turn {turn_id!r}", span)
            return None
        fields: dict[str, Any] = {"topics": []}
        meta: dict[str, str] = {}
        for name, key, value in self.extras.get(cid, ()):
            if name == "topic":
                fields["topics"].append(value)
            elif name == "meta" and key is not None:
                meta[key] = value
            elif name in ("stance", "proposition", "note"):
                fields[name] = value
        try:
            return Claim(
                id=cid,
                turn_id=turn_id,
                start=start,
                end=start + length,
                text=text[start : start + length],
                kind=decode_ana(span.get("ana") or "#claim"),
                meta=meta,
                **fields,
            )
        except ValidationError as exc:
            raise self.ctx.error(f"span {cid!r}: {exc}", span) from None

    def _relation(self, link: Element) -> Relation | None:
        rid = link.get(XML_ID)
        targets = (link.get("target") or "").split()
        if not rid or len(targets) != 2:
            self.ctx.problem("link without xml:id or two targets", link)
            return None
        note: str | None = None
        meta: dict[str, str] = {}
        for name, key, value in self.extras.get(rid, ()):
            if name == "note":
                note = value
            elif name == "meta" and key is not None:
                meta[key] = value
        try:
            return Relation(
                id=rid,
                kind=decode_ana(link.get("ana") or link.get("type") or "#related"),
                source_id=_ref_id(targets[0]),
                target_id=_ref_id(targets[1]),
                note=note,
                meta=meta,
            )
        except ValidationError as exc:
            raise self.ctx.error(f"link {rid!r}: {exc}", link) from None


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
    "particDesc": {"listPerson", "listOrg"},
}


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
            xml = etree.tostring(child, encoding="unicode", with_tail=False)
            _add(meta, f"tei:{path}/{name or child.tag}", xml)


def _wrapper(el: Element) -> bool:
    """The one division debatekit writes around the body: no trace in the model."""
    return el.tag == _T + "div" and dict(el.attrib) == {"type": "debate"}


def _preserved(el: Element) -> bool:
    node: Element | None = el
    while node is not None:
        space = node.get(XML_SPACE)
        if space is not None:
            return space == "preserve"
        node = node.getparent()
    return False


# -- whole documents ------------------------------------------------------------------


def read_tree(root: Element, ctx: Context, lists: Lists | None, lookup: Any) -> Transcript:
    """Read a parsed TEI document."""
    tag = local(root.tag)
    if tag == "teiCorpus":
        raise ctx.error("a teiCorpus root: read it with debatekit.tei.read_corpus()", root)
    if tag != "TEI":
        raise ctx.error(f"expected a TEI document, found <{_attr_name(str(root.tag))}>", root)
    reader = Reader(ctx, lists, lookup)
    reader.root(root)
    header = root.find(_T + "teiHeader")
    for stand_off in root.iter(_T + "standOff"):
        reader.stand_off(stand_off)
    for timeline in root.iter(_T + "timeline"):
        reader.timeline(timeline)
    if header is not None:
        reader.header(header)
    body_items: list[Turn | Incident] = []
    text = root.find(_T + "text")
    if text is not None:
        for part in text:
            name = local(part.tag)
            if name == "body":
                for child in part:
                    if isinstance(child.tag, str):
                        body_items.extend(reader.body_child(child))
                body_items.extend(reader.flush())
            elif name == "front":
                reader.front_back(part, reader.front)
            elif name == "back":
                reader.front_back(part, reader.back)
    return reader.finish(body_items)


def iter_items(
    fp: IO[bytes] | str, ctx: Context, lists: Lists | None, lookup: Any, huge_tree: bool
) -> Iterator[Turn | Incident]:
    """Stream the body items of one session file; each element is freed once read."""
    reader = Reader(ctx, lists, lookup)
    reader.keep_texts = False
    parser = pull_parser(huge_tree)
    context = _pull(parser, fp, ctx.source)
    in_body = False
    started = False
    try:
        for event, el in context:
            tag = el.tag
            if event == "start":
                if not started:
                    started = True
                    dtd = el.getroottree().docinfo.internalDTD
                    if dtd is not None and list(dtd.iterentities()):
                        raise ctx.error("a DTD internal subset is not allowed", el)
                    if local(tag) != "TEI":
                        raise ctx.error("iter_body() reads one TEI session file", el)
                    reader.root(el)
                elif tag == _T + "body":
                    in_body = True
                elif in_body and tag in _DIV_TAGS:
                    yield from reader.flush()
                    if not _wrapper(el):
                        yield reader.division(el)
                continue
            if tag == _T + "teiHeader":
                reader.header(el)
            elif tag == _T + "standOff":
                reader.stand_off(el)
            elif tag == _T + "body":
                in_body = False
                yield from reader.flush()
            elif in_body and tag in _DIV_TAGS:
                yield from reader.flush()
            elif in_body:
                parent = el.getparent()
                if parent is None or (parent.tag != _T + "body" and parent.tag not in _DIV_TAGS):
                    continue
                if isinstance(tag, str):
                    yield from reader.body_child(el)
                if reader.pending_label is el:
                    continue  # freed with the utterance it labels
            else:
                continue
            el.clear(keep_tail=True)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, ctx.source, parser.error_log) from None
    except DebatekitError:
        raise


def _pull(
    parser: etree.XMLPullParser, fp: IO[bytes] | str, source: str | None
) -> Iterator[tuple[str, Element]]:
    """Feed the file to the parser in chunks, prolog cleaned, and hand out its events."""
    etree.clear_error_log()
    with contextlib.ExitStack() as stack:
        f = stack.enter_context(open(fp, "rb")) if isinstance(fp, str) else fp
        for chunk in chunks(f, source):
            parser.feed(chunk)
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()
