"""The words of a TEI body, a reference independent of debatekit's reader, and the
words of the model read from it (tests/test_tei_examples.py, tests/test_tei_wild.py).

The source's words are those of its text nodes: each utterance's text (its string
value, less what TEI keeps apart from what was said), and each piece kept apart (an
incident's description, a note, a deletion, another reading, an annotation). Tokens
follow their ``join``: ``join="right"`` (``"left"``) glues a token to the next
(previous) one, as ParlaMint's ``.ana`` files say where no space was.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from debatekit import Incident, Transcript, Turn

TEI = "{http://www.tei-c.org/ns/1.0}"

# What the reference keeps apart from the text of an utterance, as TEI means it:
# non-speech content and the readings that are not the text's.
_APART = {
    "vocal", "kinesic", "incident", "pause", "gap", "note", "shift", "writing", "anchor",
    "del", "spanGrp", "linkGrp", "timeline", "interpGrp",
}  # fmt: skip
_READINGS = ("reg", "corr", "expan")
_PARAGRAPHS = {"seg", "p", "ab"}
# Containers of utterances: divisions, and ISO 24624's block of an utterance and its
# annotations.
_CONTAINERS = {"div", "div1", "div2", "div3", "div4", "div5", "annotationBlock"}
_TOKENS = {"w", "pc"}


def _name(el: etree._Element) -> str:
    return etree.QName(el).localname


def _string(el: etree._Element) -> str:
    """XPath's string value of an element."""
    return "".join(el.itertext())


def _mixed(u: etree._Element) -> bool:
    """An utterance with text of its own: its seg, p, ab are phrases, not paragraphs."""
    return any(t.strip() for t in [u.text or "", *(c.tail or "" for c in u)])


def _joined(child: etree._Element) -> bool:
    """Whether no word boundary follows the token ``child``: its ``join="right"``, or
    the next token's ``join="left"``."""
    if _name(child) in _TOKENS and child.get("join") == "right":
        return True
    nxt = child.getnext()
    return nxt is not None and isinstance(nxt.tag, str) and nxt.get("join") == "left"


def _utterance(el: etree._Element, text: list[str], apart: list[str]) -> None:
    """The utterance's own text into ``text``; every piece kept apart into ``apart``."""
    if el.text:
        text.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            name = _name(child)
            if name in _APART:
                apart.append(_string(child))
            elif name == "choice":
                options = [c for c in child if isinstance(c.tag, str)]
                reading = next((c for c in options if _name(c) in _READINGS), options[0])
                apart.extend(_string(c) for c in options if c is not reading)
                _utterance(reading, text, apart)
            elif name in _PARAGRAPHS and el.tag == TEI + "u" and not _mixed(el):
                apart.append("".join(text))  # a paragraph ends the text before it
                text.clear()
                inner: list[str] = []
                _utterance(child, inner, apart)
                apart.append("".join(inner))
            else:
                _utterance(child, text, apart)
        if child.tail:
            tail = child.tail
            if isinstance(child.tag, str) and not tail.strip() and _joined(child):
                continue
            text.append(tail)


def source_words(body: etree._Element) -> Counter[str]:
    """The words of the body's text nodes (see the module's docstring)."""
    units: list[str] = []
    todo = [body]
    while todo:
        for child in todo.pop():
            if not isinstance(child.tag, str):
                continue
            name = _name(child)
            if name in _CONTAINERS:
                todo.append(child)
            elif name == "u":
                text: list[str] = []
                _utterance(child, text, units)
                units.append("".join(text))
            else:
                units.append(_string(child))
    return Counter(word for unit in units for word in unit.split())


def _incident_words(incident: Incident) -> list[str]:
    texts = [incident.text or ""]
    texts += [v for k, v in incident.meta.items() if k.startswith("desc@")]
    return [w for text in texts for w in text.split()]


def _kept_xml_words(meta: object) -> list[str]:
    """The words of TEI elements a turn keeps verbatim (``tei:NAME`` keys)."""
    words: list[str] = []
    for key, value in dict(meta).items():  # type: ignore[call-overload]
        if key.startswith("tei:") and value.startswith("<"):
            words += _string(etree.fromstring(value)).split()
    return words


def model_words(transcript: Transcript) -> Counter[str]:
    """The words of the model: its turns' text, labels, other readings, incidents and
    the TEI annotations a turn keeps verbatim."""
    words: list[str] = []
    for item in transcript.body:
        if isinstance(item, Turn):
            words += item.text.split() + (item.label or "").split()
            words += [w for m in item.markup for w in (m.alternative or "").split()]
            words += _kept_xml_words(item.meta)
            for incident in item.incidents:
                words += _incident_words(incident)
        else:
            words += _incident_words(item)
    return Counter(words)
