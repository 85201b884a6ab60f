"""The TEI writer's element-level parts (see :mod:`debatekit._tei_write`): making
elements, the elements of phrase markup, the parts the reader kept verbatim parsed back
(``annotationBlock``), and indentation where white space means nothing."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ._tei_common import READING_OF, TEI_NS, XML_NS, XML_SPACE, is_normal
from .models import Markup

_T = "{" + TEI_NS + "}"
Element = etree._Element

_FRAGMENT_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
)


def _el(parent: Element | None, tag: str, text: str | None = None, **attrs: str) -> Element:
    """A TEI element (appended to ``parent``) holding ``text`` exactly."""
    if parent is None:
        el = etree.Element(_T + tag, nsmap={None: TEI_NS})
    else:
        el = etree.SubElement(parent, _T + tag)
    for key, value in attrs.items():
        el.set(key, value)
    if text is not None:
        put_text(el, text)
    return el


def put_text(el: Element, text: str) -> None:
    """Set the text, marking it ``xml:space="preserve"`` where normalising would change it."""
    el.text = text
    if not is_normal(text):
        el.set(XML_SPACE, "preserve")


_BLOCK = frozenset(
    _T + tag
    for tag in [
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "publicationStmt",
        "seriesStmt",
        "notesStmt",
        "sourceDesc",
        "profileDesc",
        "abstract",
        "settingDesc",
        "setting",
        "particDesc",
        "listPerson",
        "person",
        "affiliation",
        "text",
        "front",
        "body",
        "back",
        "div",
        "annotationBlock",
        "u",
        "standOff",
        "timeline",
        "spanGrp",
        "linkGrp",
        "interpGrp",
    ]
)


def _append(el: Element, text: str) -> None:
    """Text after what ``el`` holds so far."""
    if not text:
        return
    if len(el):
        last = el[-1]
        last.tail = (last.tail or "") + text
    else:
        el.text = (el.text or "") + text


def _typed_paragraph(span: Markup, start: int, end: int) -> bool:
    """Whether ``span`` is a ``seg`` over the whole paragraph ``start:end`` whose
    attributes the paragraph's ``seg`` can carry: the reader's typed paragraph."""
    return (
        span.kind == "seg"
        and span.offset == start
        and span.end == end
        and start < end
        and bool(span.meta)
        and not any(key.startswith("xml:") for key in span.meta)
    )


def _markup_element(parent: Element, span: Markup) -> Element | None:
    """The element of a markup span, and the element its text goes in (``None``: none,
    as a ``del``, whose content is the deleted text)."""
    el = _el(parent, span.kind)
    for key, value in span.meta.items():
        el.set("{" + XML_NS + "}" + key[4:] if key.startswith("xml:") else key, value)
    if span.kind == "del":
        if span.alternative:
            put_text(el, span.alternative)
        return None
    if span.kind == "choice" and span.alternative_kind is not None:
        other = _el(el, span.alternative_kind)
        if span.alternative:
            put_text(other, span.alternative)
        kind = READING_OF.get(span.alternative_kind, span.alternative_kind)
        return _el(el, kind)
    return el


_ANNOTATION_BLOCK = _T + "annotationBlock"


def _indent(el: Element, level: int = 0) -> None:
    """Indent only where white space means nothing: inside structural elements."""
    if el.tag not in _BLOCK or len(el) == 0 or (el.text and el.text.strip()):
        return
    parent = el.getparent()
    if parent is not None and parent.tag == _ANNOTATION_BLOCK and el.tag != _T + "u":
        return  # an annotation kept verbatim (see _block)
    if el.get(XML_SPACE) == "preserve":
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    children: Iterator[Element] = iter(el)
    for child in children:
        _indent(child, level + 1)
        if child.tail and child.tail.strip():  # mixed content: leave it alone
            return
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def _block(meta: dict[str, str]) -> tuple[Element | None, list[Element]]:
    """A turn's ISO 24624 ``annotationBlock`` and its annotations, kept verbatim by the
    reader (``tei:annotationBlock``, ``tei:annotationBlock/NAME``), parsed back and
    taken out of ``meta``; ``(None, [])`` where the turn has none (or it is no block)."""
    raw = meta.get("tei:annotationBlock")
    if raw is None:
        return None, []
    try:
        block = etree.fromstring(raw, _FRAGMENT_PARSER)
    except etree.XMLSyntaxError:
        return None, []
    if block.tag != _T + "annotationBlock" or len(block) or block.text:
        return None, []
    del meta["tei:annotationBlock"]
    annotations: list[Element] = []
    prefix = "tei:annotationBlock/"
    for key in sorted((k for k in meta if k.startswith(prefix)), key=_fragment_order):
        try:
            el = etree.fromstring(meta[key], _FRAGMENT_PARSER)
        except etree.XMLSyntaxError:
            continue
        if el.tag == _T + key[len(prefix) :].split(".")[0]:
            el.tail = None
            annotations.append(el)
            del meta[key]
    return block, annotations


def _fragment_order(key: str) -> tuple[str, int]:
    base, _, number = key.rpartition(".")
    if number.isdigit() and "/" not in number:
        return base, int(number)
    return key, 1
