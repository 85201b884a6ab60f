"""Names, whitespace rules and value checks shared by the TEI reader and writer."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from urllib.parse import quote, unquote

from ._rules import is_ncname

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
XML_LANG = "{" + XML_NS + "}lang"
XML_SPACE = "{" + XML_NS + "}space"
XI_INCLUDE = "{" + XI_NS + "}include"

#: TEI elements that hold non-speech content, one per incident kind.
INCIDENT_TAGS = frozenset(
    ["vocal", "kinesic", "incident", "pause", "gap", "note", "shift", "writing", "anchor"]
)
#: Empty TEI milestones kept as ``anchor`` incidents (``meta["element"]`` names them).
MILESTONE_TAGS = frozenset(["pb", "lb", "cb", "milestone", "gb"])
#: Incident elements whose description is a ``<desc>`` child.
DESC_KINDS = frozenset(["vocal", "kinesic", "incident", "gap"])
#: Incident elements whose text is their own content.
CONTENT_KINDS = frozenset(["note", "writing"])
#: Incident elements with ``@who`` (att.ascribed).
WHO_KINDS = frozenset(["vocal", "kinesic", "incident", "pause", "writing", "shift"])
#: Incident elements with ``@start`` (att.timed); the others use ``@synch``.
TIMED_KINDS = frozenset(["vocal", "kinesic", "incident", "pause", "gap", "writing"])
#: The element in a ``choice`` that holds the text's reading, by the element of the
#: other reading (TEI's pairs; any other pair keeps its first element as the reading).
READING_OF = {"orig": "reg", "sic": "corr", "abbr": "expan"}
#: The attribute that holds an incident's subtype, per element.
SUBTYPE_ATTR = {"gap": "reason", "shift": "feature"}

#: The ``type`` of the ``interpGrp`` listing ids the writer made up for dependency
#: links (``subtype="anonymous"``): the reader drops them again.
GENERATED_IDS = "generated-ids"

#: XML white space, the only characters XPath's normalize-space() collapses.
XML_WHITESPACE = " \t\n\r"
XML_WS = re.compile(f"[{XML_WHITESPACE}]+")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")
_PARTIAL_DATE = re.compile(r"-?\d{4}(-\d\d(-\d\d)?)?\Z")


def normalize(text: str) -> str:
    """Collapse XML white space runs to one space and strip, as ``normalize-space()``."""
    if (
        "  " not in text
        and "\n" not in text
        and "\t" not in text
        and "\r" not in text
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text
    return XML_WS.sub(" ", text).strip(" ")


def is_normal(text: str) -> bool:
    """Whether ``text`` reads back unchanged under :func:`normalize`."""
    return normalize(text) == text


def is_token(text: str) -> bool:
    """A TEI ``teidata.enumerated`` token: no spaces, separators or control characters."""
    return bool(text) and all(unicodedata.category(c)[0] not in "CZ" for c in text)


def is_token_list(text: str) -> bool:
    """Tokens separated by single spaces, so that the attribute reads back as is."""
    parts = text.split(" ")
    return all(is_token(p) for p in parts)


def is_language(text: str) -> bool:
    return bool(_LANGUAGE.match(text))


def is_pointer_list(text: str) -> bool:
    """``#id`` pointers separated by single spaces (what ParlaMint's ``@ana`` holds)."""
    parts = text.split(" ")
    return all(p.startswith("#") and is_ncname(p[1:]) for p in parts)


def is_partial_date(text: str) -> bool:
    return bool(_PARTIAL_DATE.match(text))


def encode_ana(value: str) -> str:
    """A free label (a claim kind, a relation kind) as an ``@ana`` pointer."""
    return "#" + quote(value, safe="")


def decode_ana(value: str) -> str:
    return unquote(value[1:] if value.startswith("#") else value)


def format_seconds(value: dt.timedelta) -> str:
    """Seconds as an exact decimal (``12.5``), for ``when/@interval``."""
    micro = value // dt.timedelta(microseconds=1)
    whole, frac = divmod(micro, 1_000_000)
    return f"{whole}.{frac:06d}".rstrip("0").rstrip(".") if frac else str(whole)


_UNITS: dict[str, Decimal] = {
    "s": Decimal(1),
    "ms": Decimal("0.001"),
    "min": Decimal(60),
    "h": Decimal(3600),
    "d": Decimal(86400),
}


#: An interval TEI's ``teidata.numeric`` allows: a decimal, optionally signed, with an
#: optional exponent (``12.5``, ``-5``, ``1e3``).
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")
#: The largest interval read (about 3 million years): a timedelta holds no more.
_MAX_SECONDS = Decimal(10) ** 14


def parse_interval(text: str, unit: str | None) -> dt.timedelta:
    """An interval in ``unit`` (seconds by default) as a timedelta, exactly.

    Raises:
        ValueError: Not a number, an unknown unit, or too large for a timedelta; the
            message says which.
    """
    factor = _UNITS.get(unit or "s")
    if factor is None:
        raise ValueError(f"unknown time unit {unit!r}: expected one of " + ", ".join(_UNITS))
    value = text.strip()
    if not _NUMBER.match(value):
        raise ValueError(f"interval {text!r} is not a number")
    number = Decimal(value)
    if number.adjusted() > 20 or abs(number * factor) > _MAX_SECONDS:
        raise ValueError(f"interval {text!r} is too large")
    micro = (number * factor * 1_000_000).to_integral_value()
    return dt.timedelta(microseconds=int(micro))
