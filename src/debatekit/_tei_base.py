"""The TEI reader's shared ground: names, the reading context, text, person lists.

Part of the TEI reader (see :mod:`debatekit._tei_read`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from lxml import etree

from ._tei_common import (
    TEI_NS,
    XI_INCLUDE,
    XML_ID,
    XML_LANG,
    XML_SPACE,
    XML_WHITESPACE,
    XML_WS,
    normalize,
)
from ._tei_safe import parse_file
from .errors import ParseError, ParseWarning, _report

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
_WS = XML_WHITESPACE
_RELATION_ATTRS = frozenset(["name", "mutual", "active", "passive", "from", "to", "ana"])


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


_ALL_ATTRIBUTES = etree.XPath("@*")


def verbatim(el: Element) -> str:
    """``el`` as XML, kept as is: without its tail, and declaring only the namespaces it
    uses (not all those in scope, such as a root's ``xmlns:xi``), so that the string
    reads back the same from wherever the element is written."""
    xml: str = etree.tostring(el, encoding="unicode", with_tail=False)
    nsmap = el.nsmap
    if len(nsmap) > 1:  # (a string edit: no copy of the element)
        for prefix, uri in nsmap.items():
            if prefix is not None and f"{prefix}:" not in xml:
                xml = xml.replace(f' xmlns:{prefix}="{uri}"', "", 1)
    return xml


def attributes(el: Element) -> list[tuple[str, str]]:
    """An element's attributes as ``(name, value)`` pairs, in time linear in their number.

    lxml's ``attrib.items()`` looks each value up by name, which is quadratic in the
    number of attributes; an XPath ``@*`` walks them once.
    """
    if len(el.keys()) < 16:
        return el.items()  # (a new list)
    found = cast("list[Any]", _ALL_ATTRIBUTES(el))
    return [(str(a.attrname), str(a)) for a in found]


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
        #: Where lenient warnings wait, while a read that may be retried runs.
        self.deferred: list[ParseWarning] | None = None

    def problem(self, msg: str, el: Element | None = None, source: str | None = None) -> None:
        """Raise in strict mode; warn (and let the caller keep the item) in lenient mode."""
        line = el.sourceline if el is not None else None
        warning = ParseWarning(msg, source=source or self.source, lineno=line)
        if self.deferred is not None and not self.strict:
            self.deferred.append(warning)
            return
        _report(warning, strict=self.strict)

    def error(self, msg: str, el: Element | None = None) -> ParseError:
        return ParseError(msg, source=self.source, lineno=el.sourceline if el is not None else None)


# -- whitespace and text ---------------------------------------------------------------


def text_of(el: Element, preserve: bool = False) -> str:
    """The text content of an element: normalised, unless ``xml:space="preserve"``."""
    raw = "".join(_itertext(el)) if len(el) else el.text or ""
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
    # Piece by piece (the text between marks), not character by character: .ana
    # paragraphs carry a mark per sentence, and their text is long.
    out: list[str] = []
    marks: list[int] = []
    size = 0
    space = True  # the text so far ends in a space (or is empty): drop a leading one
    for piece in XML_WS.sub(" ", raw).split(_MARK):
        if space and piece[:1] == " ":
            piece = piece[1:]
        if piece:
            out.append(piece)
            size += len(piece)
            space = piece[-1] == " "
        marks.append(size)
    marks.pop()
    if space and size:
        out[-1] = out[-1][:-1]
        size -= 1
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
        # ParlaMint's corpus facts a session's metadata needs (see _tei_corpus).
        self.org_facts: dict[str, dict[str, str]] = {}
        self.relations: list[dict[str, str]] = []
        self.categories: dict[str, dict[str, str]] = {}
        self.languages: dict[str, str] = {}
        self.prefixes: dict[str, tuple[str, str]] = {}  # prefixDef: (match, replacement)

    def merge(self, other: Lists) -> None:
        """Add what ``other`` knows (its persons win; for the rest, what this lacks)."""
        self.persons.update(other.persons)
        for k, v in other.orgs.items():
            self.orgs.setdefault(k, v)
        for oid, facts in other.org_facts.items():
            self.org_facts.setdefault(oid, facts)
        self.relations.extend(r for r in other.relations if r not in self.relations)
        for cid, terms in other.categories.items():
            self.categories.setdefault(cid, terms)
        for key, name in other.languages.items():
            self.languages.setdefault(key, name)
        for ident, patterns in other.prefixes.items():
            self.prefixes.setdefault(ident, patterns)

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
        elif tag == "taxonomy":
            self._taxonomy(root)
        else:
            read_prefixes(root, self.prefixes)
            for el in root.iter(
                _T + "listPerson", _T + "listOrg", _T + "taxonomy", _T + "langUsage", XI_INCLUDE
            ):
                if el.tag == XI_INCLUDE:
                    parent = el.getparent()
                    where = local(parent.tag) if parent is not None else None
                    if where == "particDesc" or (where == "classDecl" and _present(el, source)):
                        # A taxonomy is optional to the reader: a missing one is no problem.
                        self.include(el, source, ctx, boundary)
                elif el.tag == _T + "listPerson":
                    self._persons(el, source)
                elif el.tag == _T + "listOrg":
                    self._orgs(el)
                elif el.tag == _T + "taxonomy":
                    self._taxonomy(el)
                else:
                    self._languages(el)
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
            facts = {k: org.get(k) or "" for k in ("role", "ana") if org.get(k)}
            for name in names:
                kind = "abb" if name.get("full") == "abb" else "name"
                lang = lang_in_force(name)
                # ParlaMint takes the last of two names of one kind and language.
                facts[f"{kind}@{lang}" if lang else kind] = text_of(name)
            orientation = _orientation(org)
            if orientation:
                facts["orientation"] = orientation
            self.org_facts.setdefault(oid, facts)
        for relation in el.iter(_T + "relation"):
            fields = {k: v for k, v in attributes(relation) if k in _RELATION_ATTRS}
            if fields.get("name") and fields not in self.relations:
                self.relations.append(fields)

    def _taxonomy(self, el: Element) -> None:
        """Each category's terms by language (the language in force), and, under the
        keys ``"taxonomy"`` and ``"within"``, the taxonomy's own terms and the ids of the
        categories it is nested in (ParlaMint keys rules by them: "Subcorpora",
        "Types of speakers", "Topics", categories within ``parla.organization``)."""
        for taxonomy in el.iter(_T + "taxonomy"):
            names = [text_of(t) for d in taxonomy.findall(_T + "desc") for t in d.iter(_T + "term")]
            for category in taxonomy.iter(_T + "category"):
                cid = category.get(XML_ID)
                if not cid or cid in self.categories:
                    continue
                terms: dict[str, str] = {}
                for desc in category.findall(_T + "catDesc"):
                    term = desc.find(_T + "term")
                    text = text_of(term if term is not None else desc)
                    lang = lang_in_force(desc)
                    if text and lang not in terms:
                        terms[lang] = text
                within = [a.get(XML_ID) or "" for a in category.iterancestors(_T + "category")]
                terms["taxonomy"] = "|".join(n for n in names if n)
                terms["within"] = " ".join(w for w in within if w)
                self.categories[cid] = terms

    def _languages(self, el: Element) -> None:
        for language in el.iter(_T + "language"):
            ident = language.get("ident")
            if ident:
                key = f"{ident}@{lang_in_force(language)}"
                self.languages.setdefault(key, text_of(language))


def lang_in_force(el: Element) -> str:
    """The ``xml:lang`` in force at ``el``: its own, else its nearest ancestor's (``""``
    if none states one)."""
    node: Element | None = el
    while node is not None:
        lang = node.get(XML_LANG)
        if lang is not None:
            return lang
        node = node.getparent()
    return ""


def _orientation(org: Element) -> str:
    """A party's political orientation as ParlaMint reads it: the ``@ana`` of its
    ``state[@type="politicalOrientation"]/state[@type="Wikipedia"]``, else of the
    ``encoder``'s state, else of any inner state."""
    found: dict[str, str] = {}
    for state in org.findall(_T + "state"):
        if state.get("type") != "politicalOrientation":
            continue
        for inner in state.iter(_T + "state"):
            if inner is not state and inner.get("ana"):
                found.setdefault(inner.get("type") or "", inner.get("ana") or "")
    for kind in ("Wikipedia", "encoder"):
        if kind in found:
            return found[kind]
    return " ".join(found.values())


def read_prefixes(el: Element, into: dict[str, tuple[str, str]]) -> None:
    """The ``prefixDef`` s under ``el``: private URI schemes (``ud-syn:X`` → ``#X``)."""
    for prefix in el.iter(_T + "prefixDef"):
        ident = prefix.get("ident")
        match, replace = prefix.get("matchPattern"), prefix.get("replacementPattern")
        if ident and match and replace is not None:
            into.setdefault(ident, (match, replace))


def _present(el: Element, source: str | None) -> bool:
    href = el.get("href") or ""
    if source is None or "://" in href or href.startswith("/"):
        return False
    return os.path.isfile(os.path.join(os.path.dirname(source), href))


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


def _wrapper(el: Element) -> bool:
    """The one division debatekit writes around the body: no trace in the model."""
    return el.tag == _T + "div" and el.keys() == ["type"] and el.get("type") == "debate"


def _preserved(el: Element) -> bool:
    node: Element | None = el
    while node is not None:
        space = node.get(XML_SPACE)
        if space is not None:
            return space == "preserve"
        node = node.getparent()
    return False
