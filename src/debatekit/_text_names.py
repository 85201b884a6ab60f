"""Plain text: what the name part of a speaker label looks like (the words a name may
hold, those it may not, and the shape of the whole: in capitals or in mixed case)."""

from __future__ import annotations

import functools
import re

from ._speakers import (
    FI_PARTIES,
    PARTICIPANT_NOUNS,
    PARTICIPANTS,
    ROLE_WORDS,
    TITLES,
    _commas,
    strip_unsure,
)

# A sentence inside what would be a label's role: "Voorzitter, dank u wel. Toekomst
# voor Groningen: dat klinkt ..." (a word in lower case, a full stop, a capital), or
# an exclamation or a question.
_SENTENCE = re.compile(r"(?<![\w.])[^\W\d_A-Z\u00c0-\u00de]{2,}\.[ \t]+[A-Z\u00c0-\u00de]|[!?]")

_PAREN = re.compile(r"\s*\(([^()]*)\)")

# A party after a slash, as the Finnish Eduskunta prints it: "Annika Saarikko /kesk:".
_SLASH_PARTY = re.compile(r"[ \t]+/[^\W\d_][\w\-]{0,11}\Z")

_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "as",
        "if",
        "so",
        "and",
        "but",
        "or",
        "when",
        "while",
        "after",
        "before",
        "here",
        "there",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "we",
        "i",
        "you",
        "he",
        "she",
        "they",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "what",
        "why",
        "how",
        "who",
        "where",
        "yes",
        "no",
        "well",
        "now",
        "then",
        "also",
        "again",
        "first",
        "second",
        "third",
        "finally",
        "today",
        "tonight",
        "previously",
        "because",
        "since",
        "although",
        "though",
        "however",
        "meanwhile",
        "still",
        "even",
        "just",
        "only",
        "let",
        "please",
        "thank",
        "thanks",
        # a preposition opens a list line, never a name ("For Oslo: Sissel Dagslet",
        # the Storting's list of substitutes taking their seats)
        "for",
    ]
)

# Words that open a sentence of speech before a comma, where a label would have a name
# and a role: "Look, the bottom line is this: ...", "Folks, that's the agenda: ...".
_OPENERS = _STOP | frozenset(
    ["look", "listen", "folks", "really", "remember", "okay", "ok", "oh", "again", "anyway"]
)

# Pronouns that open a sentence after a comma where a label would print a role: "Mr
# Speaker, I move:" inside a minister's speech (the Cook Islands Hansard).
_PRONOUNS = frozenset(["I", "We", "we", "You", "you", "Je", "Nous", "Ich", "Wir", "Ik"])


def _pronoun_after_comma(label: str) -> bool:
    """Whether what follows the first comma of ``label`` opens with a pronoun."""
    parts = _commas(label)
    words = parts[1].split() if len(parts) > 1 else []
    return bool(words) and words[0] in _PRONOUNS


# Days of the week: the name part of a running head "Wednesday, 22 May 2013 Take: 375"
# (the South African Hansard's take header), never of a speaker.
_WEEKDAY_NAMES = (
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche"
)

_WEEKDAYS = frozenset(_WEEKDAY_NAMES.split())

# Titles and offices a label may print in lower case after its first word.
_OFFICE_WORDS = TITLES | ROLE_WORDS

_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "dos",
        "das",
        "van",
        "von",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "of",
        "the",
        "for",
        "and",
        "on",
        "st",
        "st.",
        "ter",
        "ten",
        "zu",
        "af",
        # Malay: "Datuk Saravanan a/l Murugan" (son of), "a/p" (daughter of), "binti"
        "dan",
        # Welsh: "Rhun ap Iorwerth"
        "ap",
        "ab",
        "a/l",
        "a/p",
        "binti",
        "bt",
        "bte",
    ]
)

_META_KEYS = frozenset(
    [
        "source",
        "sources",
        "photo",
        "photos",
        "photograph",
        "image",
        "images",
        "credit",
        "credits",
        "caption",
        "published",
        "posted",
        "updated",
        "date",
        "time",
        "location",
        "place",
        "tags",
        "topics",
        "category",
        "categories",
        "note",
        "notes",
        "editor's",
        "note",
        "editors",
        "note",
        "update",
        "correction",
        "subject",
        "re",
        "transcript",
        "link",
        "links",
        "url",
        "email",
        "e-mail",
        "phone",
        "tel",
        "fax",
        "related",
        "see",
        "also",
        "watch",
        "listen",
        "read",
        "more",
        "also",
        "filed",
        "under",
        "copyright",
        "video",
        "audio",
        "summary",
        "keywords",
        "by",
        "agenda",
        "warning",
        "disclaimer",
        "participants",
        "present",
        "speakers",
        # (a hearing's header lists them: "WITNESSES: CHRISTINE BLASEY FORD, ...")
        "witnesses",
        "panelists",
        "contributors",
        "featuring",
        "guests",
        "attendees",
        "contents",
        "tl;dr",
    ]
) | {"editor's note", "editors note", "see also", "read more", "filed under", "photo credit"}

#: Metadata words that, printed in capitals like the labels of a transcript, name a
#: group answering together ("PARTICIPANTS:  Thank you." in a White House
#: roundtable); before the first speech they are still metadata (a debate's
#: "PARTICIPANTS: Former Secretary of State ..."), see the classifier.
COLLECTIVE = frozenset(["participants", "panelists"])

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " "})


def _name_part(label: str) -> str:
    label = strip_unsure(label)
    return _commas(label)[0] if "," in label else label.strip()


_CAPS_PREFIX = re.compile(
    r"\b(?:(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)(?=[A-Z]{2})"
    # (and a title in mixed case before a name in capitals: "Mr. FOYE", "Dr. McNALLY")
    r"|(?:Mr|Mrs|Ms|Dr)\.(?= (?:Mc|Mac|De)?[A-Z]{2}))"
)


@functools.lru_cache(maxsize=4096)
def _name_shape(label: str) -> str | None:
    """``"caps"`` or ``"colon"`` if ``label`` looks like a speaker label, else ``None``."""
    name = _name_part(label)
    if name.endswith("]") and "[" in name:
        name = name[: name.rfind("[")].rstrip()  # "Office [Holder]": the office is checked
    if not name or len(name) > 80:
        return None
    # (A name in capitals may carry a long office: "DONALD TRUMP, Former President of
    # the United States (R) and Current U.S. Presidential Candidate", PBS.)
    longest = 16 if "," in label and name.isupper() else 10
    if "," in label and any(
        not part
        or len(part.split()) > longest
        or any(q in part for q in '"“”«»')
        or _SENTENCE.search(part) is not None
        for part in _commas(label)[1:]
    ):
        return None
    bare = _SLASH_PARTY.sub("", _PAREN.sub(" ", name)).strip()
    # "Mr. Gilles Duceppe (Laurier-Sainte-Marie, BQ) moved:", "The CHIEF WHIP OF THE
    # MAJORITY PARTY moved: That the House ...": the member moving a motion speaks.
    bare = bare.removesuffix(" moved").rstrip()
    if not bare or "(" in bare or ")" in bare:
        return None
    if "," in label and bare.translate(_APOSTROPHES).casefold() in _OPENERS:
        return None  # "Look, the bottom line is this:": speech, no name and role
    if "," in label and _pronoun_after_comma(label):
        return None  # "Mr Speaker, I move:": a sentence addressing the chair, no role
    key = bare.translate(_APOSTROPHES).casefold().strip(". ")
    if key in _WEEKDAYS and any(c.isdigit() for c in label):
        return None  # "Wednesday, 22 May 2013    Take: 375": a running head, no speaker
    if key in _META_KEYS and not (key in COLLECTIVE and bare.isupper()):
        return None
    tokens = bare.split()
    if not 1 <= len(tokens) <= 8:
        return None
    first = tokens[0].translate(_APOSTROPHES).casefold().strip(".")
    if len(tokens) > 1 and first.removesuffix("'s") in _STOP:
        return None  # (or a stop word run into "is": "Let's Not Speculate: ..." is a title)
    # (Initials such as "AT:" or "IN:" in capitals are not the stop word.)
    if len(tokens) == 1 and first in _STOP and not (tokens[0].isupper() and len(tokens[0]) <= 3):
        return None
    if len(tokens) > 2 and tokens[-1] in FI_PARTIES:
        tokens = tokens[:-1]  # "Antero Laukkanen kd" (the Eduskunta's web page)
    lower = _lower_words(tokens, first)
    if lower is None or lower * 2 >= len(tokens):
        return None
    if not any(c.isalpha() for c in bare):
        return None
    letters = [c for c in bare if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return "colon"  # (no capitals to print it in: a script without case)
    if all(not c.islower() for c in letters):
        return "caps"
    # A surname in capitals after a prefix in mixed case is a name in capitals:
    # "MR. McNALLY", "SENATOR DeFRANCISCO", "Mr. FOYE" (as the Congressional Record
    # prints them).
    return "caps" if _CAPS_PREFIX.sub("", bare).isupper() else "colon"


def _lower_words(tokens: list[str], first: str) -> int | None:
    """How many words of a label's name (``tokens``, the first casefolded ``first``)
    are particles in lower case ("van", "de"); ``None`` where a word is no part of
    a name (a word in lower case that is no particle, title, office or role)."""
    lower = 0
    for i, token in enumerate(tokens):
        head = token.lstrip("'’‘\"“(")
        if not head:
            return None
        if head[0].isupper() or (head[0].isalpha() and not head[0].islower()):
            continue  # (a script without case: "माननीय अध्यक्ष", 'היו"ר')
        if token == "/" and 0 < i < len(tokens) - 1:
            continue  # Welsh and English: "Y Llywydd / The Presiding Officer"
        if i == len(tokens) - 1 and i > 0 and head.removeprefix("#").isdigit():
            continue  # a number after the name: "Audience 9", "UNIDENTIFIED MALE #2" (NPR, CNN)
        if i > 0 and head.casefold() in _PARTICLES:
            lower += 1
            continue
        if (
            i > 0
            and "-" in head
            and head.split("-", 1)[0] in _PARTICLES
            and head.split("-", 1)[1][:1].isupper()
        ):
            continue  # "Tuan Yang di-Pertua" (the Malaysian chair), "Ould al-Ghazouani"
        if i > 0 and head.casefold().strip(".") in _OFFICE_WORDS:
            # a title or an office in lower case: "El señor PRESIDENTE", "De voorzitter"
            continue
        if i > 0 and first in PARTICIPANTS and head.casefold() in PARTICIPANT_NOUNS:
            continue  # a role in lower case: "Audience member", "Unidentified speaker"
        return None
    return lower
