"""The rules every format shares, each defined once.

Models, readers and writers import these instead of keeping their own copies: two
definitions of one rule drift apart, and a transcript that one module accepts is then
refused (or silently changed) by another.

- **Ids** are XML NCNames exactly as the Namespaces in XML 1.0 recommendation defines
  them, so every id survives a trip through TEI's ``xml:id``.
- **White space**: a line is blank when every character on it is white space
  (``str.isspace``, so a no-break space counts); a blank line ends a paragraph.
- **Clock times** (``01:02:03.450``, ``2:03``, ``00:00:01,000``) and their bounds.
- **Stage directions**: the vocabulary that says which bracketed words are applause,
  laughter, an interjection, ... in every language we read.
- **Speaker ids**: how an id is minted from a speaker's name.

>>> is_ncname("a·b"), is_ncname("²x"), is_ncname("_x-1.2"), is_ncname("a:b")
(True, False, True, False)
>>> parse_clock("1:02:03.5"), format_clock(parse_clock("1:02:03.5"))
(datetime.timedelta(seconds=3723, microseconds=500000), '01:02:03.500')
>>> stage_direction("Beifall bei der SPD"), stage_direction("Booing")
(('kinesic', 'applause'), ('vocal', 'booing'))
>>> mint_speaker_id("JOSÉ PÉREZ", set()), mint_speaker_id("José Pérez", {"perez"})
('perez', 'jose-perez')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Container
from typing import Literal, TypeAlias

__all__ = [
    "BLANK_LINE",
    "CLOCK",
    "MAX_TIME",
    "NCNAME",
    "STAGE_VOCABULARY",
    "IncidentKind",
    "are_ncnames",
    "clock_from_parts",
    "format_clock",
    "is_blank",
    "is_collective",
    "is_interjecting",
    "is_ncname",
    "mint_speaker_id",
    "parse_clock",
    "stage_direction",
    "to_ncname",
]

# The categories of non-speech content. They follow the TEI "spoken" module, so that
# every TEI element has a home, and every plain-text stage direction fits one of them:
#
# ``vocal``      a sound made by someone: laughter, shouting, crosstalk, an interjection
# ``kinesic``    a movement or gesture: applause, standing, nodding
# ``incident``   anything else that happens: a phone rings, a member leaves the room
# ``pause``      a silence, with its duration in ``meta["dur"]`` where known
# ``gap``        something left out of the transcript (inaudible, redacted, omitted)
# ``note``       an editorial note; with a non-zero ``length``, an editorial insertion
#                that stays in the turn's text, such as ``[with either Mexico or China]``
# ``shift``      a change in how someone speaks (loudness, tempo, language)
# ``writing``    written text shown or read out during the event (slides, captions)
# ``anchor``     a point in time or a reference point, e.g. a printed timestamp
IncidentKind: TypeAlias = Literal[
    "vocal", "kinesic", "incident", "pause", "gap", "note", "shift", "writing", "anchor"
]

# -- ids --------------------------------------------------------------------------------

# NameStartChar of XML 1.0 (fifth edition) without ":" (Namespaces in XML: NCName).
_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
#: An NCName, as a regular expression to build others with (``{#id}`` labels).
NCNAME = f"[{_NAME_START}][{_NAME_CHAR}]*"
_NCNAME = re.compile(NCNAME)
_NCNAME_MATCH = _NCNAME.fullmatch
_NOT_NAME_CHARS = re.compile(f"[^{_NAME_CHAR}]+")
_NCNAME_LINES = re.compile(f"(?:{NCNAME}\n)*").fullmatch
_ASCII_NAME_CHARS = bytes(c for c in range(128) if _NCNAME_MATCH("a" + chr(c)))
_BAD_ASCII_START = re.compile(r"\n[-.0-9\n]").search


def is_ncname(text: str) -> bool:
    """Whether ``text`` is an XML NCName (what ``xml:id`` and our ids accept)."""
    # The common case without the regex: an ASCII identifier is an NCName.
    if text.isascii() and text.isidentifier():
        return True
    return _NCNAME_MATCH(text) is not None


def are_ncnames(texts: list[object]) -> bool:
    """Whether every item of ``texts`` is a ``str`` and an XML NCName (:func:`is_ncname`
    over many, most of it a few passes in C: a large body's turn ids, a sentence's
    token ids)."""
    if not set(map(type, texts)) <= {str}:
        return False
    strings: list[str] = texts  # type: ignore[assignment]
    joined = "".join(strings)
    if joined.isascii():
        if all(map(str.isidentifier, strings)):
            return True
        # ASCII names (ParlaMint's ids hold "-" and "."): [A-Za-z_][A-Za-z0-9_.-]*, so
        # no other character, and no line starting with "-", "." or a digit, or empty.
        if joined.encode("ascii").translate(None, _ASCII_NAME_CHARS):
            return False
        return _BAD_ASCII_START("\n" + "\n".join(strings) + "\n") is None
    # One regex over them all, a name a line (a name holds no newline: a text that
    # does makes more lines than texts, and is refused).
    lines = "\n".join(strings) + "\n"
    return lines.count("\n") == len(strings) and _NCNAME_LINES(lines) is not None


def to_ncname(text: str, prefix: str, /) -> str:
    """``text`` made an NCName: runs of other characters become ``-``, and ``prefix``
    (itself an NCName) goes in front where the start is not a name start."""
    if is_ncname(text):
        return text
    cleaned = _NOT_NAME_CHARS.sub("-", text).strip("-")
    return cleaned if is_ncname(cleaned) else f"{prefix}-{cleaned}" if cleaned else prefix


# -- white space ------------------------------------------------------------------------

#: A blank line inside a text: a newline, white space other than newlines, a newline.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def is_blank(line: str) -> bool:
    """Whether ``line`` (without its newline) is blank: empty, or only white space."""
    return not line or line.isspace()


# -- clock times ------------------------------------------------------------------------

#: The latest time a transcript may hold: 99,999 hours (about eleven years of
#: recording). Later times are refused where they are read, so that no writer meets a
#: time it cannot print and no arithmetic overflows.
MAX_TIME = dt.timedelta(hours=99_999)

#: A clock time: ``[H+:]MM:SS[.,fraction]``, four groups (hours, minutes, seconds,
#: fraction). Hours may have any number of digits; :func:`clock_from_parts` bounds them.
CLOCK = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,9}))?"
_CLOCK = re.compile(CLOCK)


def clock_from_parts(
    hours: str | None, minutes: str, seconds: str, fraction: str | None
) -> dt.timedelta | None:
    """The time the groups of :data:`CLOCK` spell, or ``None`` if it is not a time.

    Minutes and seconds must be below 60 when hours are given (``75:30`` alone is 75
    minutes); the fraction is read to the microsecond; times past :data:`MAX_TIME` are
    not times.
    """
    if len(hours or "") > 6:
        return None
    h, m, s = int(hours or 0), int(minutes), int(seconds)
    if s >= 60 or (hours is not None and m >= 60):
        return None
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    value = dt.timedelta(hours=h, minutes=m, seconds=s, microseconds=micro)
    return value if value <= MAX_TIME else None


def parse_clock(text: str) -> dt.timedelta | None:
    """``"1:02:03.5"`` as a timedelta, or ``None`` if ``text`` is not a clock time."""
    match = _CLOCK.fullmatch(text.strip())
    return clock_from_parts(*match.groups()) if match else None


def format_clock(
    value: dt.timedelta, *, sep: str = ".", millis: bool | None = None, short: bool = False
) -> str:
    """``HH:MM:SS`` and, when ``millis`` (or, by default, when non-zero), ``.mmm``.

    Milliseconds are rounded; ``sep`` is the decimal separator (``","`` for SRT).
    ``short`` is the form shown to readers: no hours when there are none, and no
    leading zero on the first field (``"4:05"``, ``"1:02:03.500"``).
    """
    total = round(value / dt.timedelta(milliseconds=1))
    hours, rest = divmod(total, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, ms = divmod(rest, 1000)
    if short:
        text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    else:
        text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if millis or (millis is None and ms):
        text += f"{sep}{ms:03d}"
    return text


# -- stage directions -------------------------------------------------------------------

#: First word of a stage direction (case-folded) -> (incident kind, subtype), for every
#: language we read: English transcripts and captions, German Plenarprotokolle,
#: French comptes rendus.
STAGE_VOCABULARY: dict[str, tuple[IncidentKind, str]] = {
    # applause and other gestures
    "applause": ("kinesic", "applause"),
    "applauding": ("kinesic", "applause"),
    "clapping": ("kinesic", "applause"),
    "beifall": ("kinesic", "applause"),
    "applaus": ("kinesic", "applause"),
    "applaudissements": ("kinesic", "applause"),
    "standing": ("kinesic", "standing"),
    # voices
    "laughter": ("vocal", "laughter"),
    "laughs": ("vocal", "laughter"),
    "laughing": ("vocal", "laughter"),
    "laugh": ("vocal", "laughter"),
    "chuckles": ("vocal", "laughter"),
    "chuckling": ("vocal", "laughter"),
    "heiterkeit": ("vocal", "laughter"),
    "lachen": ("vocal", "laughter"),
    "rires": ("vocal", "laughter"),
    "sourires": ("vocal", "laughter"),
    "crosstalk": ("vocal", "crosstalk"),
    "cross-talk": ("vocal", "crosstalk"),
    "overlapping": ("vocal", "crosstalk"),
    "cheers": ("vocal", "cheering"),
    "cheering": ("vocal", "cheering"),
    "booing": ("vocal", "booing"),
    "boos": ("vocal", "booing"),
    "groans": ("vocal", "groan"),
    "sighs": ("vocal", "sigh"),
    "coughs": ("vocal", "cough"),
    "coughing": ("vocal", "cough"),
    "gasps": ("vocal", "gasp"),
    "sniffs": ("vocal", "sniff"),
    "whispers": ("vocal", "whisper"),
    "whispering": ("vocal", "whisper"),
    "sings": ("vocal", "singing"),
    "singing": ("vocal", "singing"),
    "interruption": ("vocal", "interruption"),
    "interruptions": ("vocal", "interruption"),
    "interjection": ("vocal", "interruption"),
    "zuruf": ("vocal", "interjection"),
    "zurufe": ("vocal", "interjection"),
    "zwischenruf": ("vocal", "interjection"),
    "zwischenrufe": ("vocal", "interjection"),
    "widerspruch": ("vocal", "dissent"),
    # a protocol's interjections by a named member or a group ("(Abg. Kollross: Nein!)",
    # "(Ruf bei der SPÖ: ...)", "(Rufe: ...)") and reactions with their adjective first
    # ("(Allgemeiner Beifall.)", "(Anhaltende Zwischenrufe ...)", "(Heftiger Widerspruch
    # ...)", "(Weitere Zurufe ...)")
    "abg": ("vocal", "interjection"),
    "ruf": ("vocal", "interjection"),
    "rufe": ("vocal", "interjection"),
    "bravorufe": ("vocal", "cheering"),
    "allgemeiner": ("kinesic", "applause"),
    "lebhafter": ("kinesic", "applause"),
    "anhaltender": ("kinesic", "applause"),
    "anhaltende": ("vocal", "interjection"),
    "weitere": ("vocal", "interjection"),
    "heftiger": ("vocal", "dissent"),
    "unruhe": ("vocal", "noise"),
    "exclamations": ("vocal", "interjection"),
    "protestations": ("vocal", "dissent"),
    "murmures": ("vocal", "noise"),
    "bruit": ("vocal", "noise"),
    "hear": ("vocal", "hear-hear"),
    # what could not be heard
    "inaudible": ("gap", "inaudible"),
    "unintelligible": ("gap", "inaudible"),
    "indiscernible": ("gap", "inaudible"),
    "unclear": ("gap", "inaudible"),
    "indistinct": ("gap", "inaudible"),
    # silence and sounds
    "pause": ("pause", "pause"),
    "silence": ("pause", "silence"),
    "music": ("incident", "music"),
    "♪": ("incident", "music"),  # captions print music as ♪ ... ♪
    "jingle": ("incident", "music"),
    "sponsor": ("incident", "break"),
    "bell": ("incident", "bell"),
    "begin": ("incident", "clip"),
    "end": ("incident", "clip"),
    "video": ("incident", "clip"),
    "audio": ("incident", "clip"),
    "commercial": ("incident", "break"),
    "break": ("incident", "break"),
    "recess": ("incident", "break"),
    # language and interpretation
    "through": ("shift", "interpretation"),
    "translated": ("shift", "interpretation"),
    "speaking": ("shift", "language"),
    "foreign": ("shift", "language"),  # YouTube's auto-captions: [Foreign]
    "in": ("shift", "language"),
}
_STRIP = ".,;:!?-–—\"'“”«»"


def stage_direction(content: str) -> tuple[IncidentKind, str] | None:
    """Kind and subtype if ``content`` (what stands inside the brackets) is a known
    stage direction: its first word is in :data:`STAGE_VOCABULARY`."""
    words = content.split(None, 1)
    if not words:
        return None
    return STAGE_VOCABULARY.get(words[0].strip(_STRIP).casefold())


# A label that names a group rather than a speaker: Westminster Hansards' 'Hon. Members:
# Hear, hear!', 'Some hon. members:', 'An hon. member:', 'Opposition members
# interjecting', the Canadian French 'Des voix: Bravo!', 'Une voix:', the Senate of
# Canada's 'Hon. Senators: Agreed.', 'Some Hon. Senators:'. What follows is an
# interjection in the current speech, never a turn or a speaker of its own.
_COLLECTIVE = re.compile(
    r"(?:(?:some|an|several|many|all|the|other|opposition|government)[ \t]+)?"
    r"(?:(?:right[ \t]+)?hon(?:\.|ourable)?[ \t]+)?(?:members?|voices|senators)"
    r"|(?:des|une|plusieurs|quelques|de[ \t]+nombreuses)[ \t]+voix",
    re.IGNORECASE,
)


def is_collective(label: str) -> bool:
    """Whether a printed label names a group (``Hon. Members``, ``Des voix``)."""
    return _COLLECTIVE.fullmatch(" ".join(label.split())) is not None


# A line that records an interjection without its words, as Australian and New Zealand
# Hansards print it: 'Mr Tanner interjecting', 'Opposition members interjecting—'.
_INTERJECTING = re.compile(
    r"[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|members?))*[ \t]+interjecting[ \t]*[—–-]?"
)


def is_interjecting(line: str) -> bool:
    """Whether ``line`` (stripped) records an unheard interjection (``Mr X interjecting``)."""
    return "interjecting" in line and _INTERJECTING.fullmatch(line.strip()) is not None


# -- speaker ids ------------------------------------------------------------------------

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = str.maketrans({"’": "", "‘": "", "'": "", "`": "", "´": ""})
# Ids the TEI writer mints for utterances (u1, u2, ...): never a speaker's.
_TURN_LIKE = re.compile(r"u\d+\Z")


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _NOT_SLUG.sub("-", ascii_).strip("-")


def mint_speaker_id(name: str, taken: Container[str], /) -> str:
    """A new speaker id for ``name``, not in ``taken``.

    The surname (the name's last word; ``Felbab-Brown`` is one; the word before
    ``of`` in ``BROWN of California``) folded to lower-case ASCII; if that is taken,
    the whole name joined with ``-``; then a number:
    ``"JOSÉ PÉREZ"`` -> ``"perez"``. Ids that could clash with utterance ids
    (``u12``) or that start with a digit get an ``s-`` prefix; a name with no letters
    or digits becomes ``speaker``.
    """
    whole = _slug(name)
    words = name.split()
    if "of" in words[1:-1]:
        # "Mr. BROWN of California": the member's state follows the surname.
        words = words[: words.index("of", 1)]
    last = _slug(words[-1]) if words else ""
    options = [last, whole] if last != whole else [whole]
    options = [_safe(option) for option in options if option] or ["speaker"]
    for option in options:
        if option not in taken:
            return option
    base = options[-1]
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _safe(slug: str) -> str:
    if not slug[0].isalpha() or _TURN_LIKE.match(slug):
        return "s-" + slug
    return slug
