"""Who speaks: one person behind the many ways a transcript prints their name.

A transcript names one person in several forms: ``Mr. DOE`` and ``Senator Doe``,
``Dr. Angela Merkel, Bundeskanzlerin`` and ``Bundeskanzlerin Dr. Angela Merkel``,
``Dan Smith`` and ``Dan``, ``The PRESIDING OFFICER (Mr. Kyl)`` and, until the chair
changes, ``The PRESIDING OFFICER``. This module turns printed names into
:class:`~debatekit.Speaker` s, one per person, the other forms in ``aliases``. It knows
names, titles and roles, nothing about any file format: readers find the labels and
hand them over as strings (the text reader, the caption reader).

The API:

- :func:`split_label` -- a printed name into name, role, affiliation and extra facts.
- :func:`name_key` -- the matching key of a name (case, dots, titles, roles ignored).
- :class:`Roster` -- resolves labels, in document order, to people, and gives the
  :class:`~debatekit.Speaker` list; ids are minted by :func:`_rules.mint_speaker_id`.

>>> r = Roster()
>>> [r.resolve(x) for x in ["Dr. Angela Merkel, Bundeskanzlerin", "Präsident Lammert",
...                         "Bundeskanzlerin Dr. Angela Merkel", "MERKEL"]]
[0, 1, 0, 0]
>>> [(s.id, s.name, s.role, s.aliases) for s in r.speakers()]  # doctest: +NORMALIZE_WHITESPACE
[('merkel', 'Dr. Angela Merkel', 'Bundeskanzlerin', ('MERKEL',)),
 ('lammert', 'Lammert', 'Präsident', ())]
>>> r = Roster()
>>> [r.resolve(x) for x in ["The PRESIDING OFFICER (Mr. Kyl)", "Mr. BOND",
...  "The PRESIDING OFFICER", "The PRESIDING OFFICER (Mr. Ashcroft)", "The PRESIDING OFFICER"]]
[0, 1, 0, 2, 2]
>>> s = split_label("Müller (Frankfurt) (KPD)")
>>> s.name, s.affiliation, s.meta
('Müller', 'KPD', {'constituency': 'Frankfurt'})
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Mapping

import attrs

from ._rules import mint_speaker_id
from .models import Speaker

__all__ = [
    "FI_PARTIES",
    "PARTICIPANTS",
    "ROLE_WORDS",
    "TITLES",
    "UNKNOWN",
    "Roster",
    "SplitLabel",
    "name_key",
    "split_label",
    "strip_unsure",
]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Courtesy titles before a name; dropped from the matching key (``Mr. DOE`` = ``DOE``).
TITLES = _wordset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend hon honourable "
    "rt right m mm mme mlle monsieur madame herr frau abg abgeordneter abgeordnete "
    "senator sen representative rep congressman congresswoman delegate governor gov "
    "mayor judge justice chief general admiral rear colonel captain ambassador "
    "the der die le la les "
    # Austrian academic titles before a name (Mag. Wolfgang Sobotka, Dipl.-Ing. X)
    "mag ing di dipl dkfm mmag volksw kfm "
    # the theologian's doctorate of 1950s and 1960s Bundestag labels (Präsident D. Dr. X)
    "d "
    # Spanish, Catalan and Galician (El señor PRESIDENTE, La señora X), Dutch (De heer
    # Wilders, Mevrouw Van der Plas), Italian (On., Onorevole)
    "el los las señor señora sr sra don doña senyor senyora heer mevrouw on onorevole"
)

#: Words of an office printed before a name or instead of one. A label made only of
#: them and titles (``The CHAIRMAN``, ``M. le président``) names the office; before a
#: name they are the person's role (``Präsident Dr. Lammert``: role ``Präsident``).
ROLE_WORDS = _wordset(
    "president prime vice chairman chairwoman chair speaker presiding officer acting pro tempore "
    "secretary minister attorney solicitor commissioner director deputy moderator clerk "
    "präsident präsidentin vizepräsident vizepräsidentin alterspräsident "
    "alterspräsidentin bundeskanzler bundeskanzlerin bundesminister bundesministerin "
    "staatsminister staatsministerin staatssekretär staatssekretärin parl "
    "ministerpräsident ministerpräsidentin schriftführer schriftführerin "
    "président présidente vice-président vice-présidente ministre rapporteur "
    "secrétaire garde sceaux rapporteure questeur questeure premier première "
    "vizekanzler vizekanzlerin minister ministerin landesminister landesministerin "
    "senatorin bürgermeister bürgermeisterin landtagspräsident landtagspräsidentin "
    "zweite zweiter dritte dritter "
    # the Austrian Bundesrat's members and Land governments (Bundesrat Stefan Schennach,
    # Landesrätin X, Landeshauptmann X), the Scottish First Minister
    "bundesrat bundesrätin landesrat landesrätin landeshauptmann landeshauptfrau first "
    # chairs of the Baltic, Balkan, Turkish and Ukrainian records (PIRMININKĖ (V. X),
    # Sēdes vadītāja, Esimees, PREDSEDNIK, Predsjednik, BAŞKAN, ГОЛОВУЮЧИЙ)
    "pirmininkas pirmininkė pirmininko pirmininkės vadītājs vadītāja esimees aseesimees "
    "predsednik predsednica podpredsednik podpredsednica predsjednik predsjednica "
    "potpredsjednik potpredsjednica başkan başkanvekili головуючий головуюча "
    "presidente presidenta vicepresidente vicepresidenta ministro ministra consejero "
    "consejera portavoz voorzitter staatssecretaris sottosegretario sottosegretaria "
    # Nordic chairs and offices (Anf. 1 TALMANNEN, Presidenten, Statsrådet X,
    # Ålderspresident X, Formanden, Puhemies), Polish (Marszałek, Wicemarszałek,
    # Poseł X, Minister X, Sekretarz Stanu), Dutch (Minister, Staatssecretaris), Irish
    # (An Ceann Comhairle, An Leas-Cheann Comhairle, An Cathaoirleach)
    "talman talmannen presidenten statsråd statsrådet statsminister statsministern "
    "ålderspresident ålderspresidenten formand formanden næstformand næstformanden "
    "puhemies varapuhemies pääministeri ministeri forseti "
    "marszałek wicemarszałek poseł posłanka sekretarz podsekretarz stanu prezes "
    "przewodniczący przewodnicząca wiceprzewodniczący wiceprzewodnicząca "
    "ceann leas-cheann comhairle cathaoirleach leas-chathaoirleach "
    # Hungarian (ELNÖK, Korelnök), Czech (Předseda PSP X, Místopředseda PSP X, Poslankyně
    # X, Ministr X)
    "elnök elnöke alelnök korelnök jegyző "
    "předseda předsedkyně místopředseda místopředsedkyně psp poslanec poslankyně "
    "ministr ministryně"
)

#: Labels that name a participant by role, not by name: a label even if it occurs
#: once (``Question:`` from the audience), unlike a one-off one-word label (``Yes:``).
PARTICIPANTS = _wordset(
    "question questioner audience moderator host interviewer interviewee reporter "
    "participant unknown unidentified voice announcer narrator crowd caller guest"
)

#: Nouns a role label prints in lower case after its participant word: ``Audience
#: member:``, ``Unidentified speaker:``, ``Female voice:``, ``Audience question:``.
PARTICIPANT_NOUNS = _wordset("member members speaker speakers voice voices question participant")

#: The name of the speaker of a turn whose marker names no one (a bare ``>>``).
UNKNOWN = "Unknown"

_PAREN = re.compile(r"\s*\(([^()]*)\)")
# A party after a slash: "Annika Saarikko /kesk" (the Finnish Eduskunta).
_SLASH_PARTY = re.compile(r"[ \t]+/([^\W\d_][\w\-]{0,11})\Z")
# A label ending in one parenthesis: what stands before it, and its content.
_HELD = re.compile(r"([^()]*\S)\s*\(([^()]*)\)")
# A member's party printed bare after the name: "Abg. Andreas Stoch SPD", "Abg. Dr.
# Hans-Ulrich Rülke FDP/DVP", "Abg. Anton Baron AfD".
_BARE_PARTY = re.compile(
    r"(Abg\. [^()\[\],]+?) ((?:[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,9}/)?[A-ZÄÖÜ][A-Za-zÄÖÜ]*[A-ZÄÖÜ])"
)
#: The Eduskunta's party abbreviations, printed in lower case after a member's name on
#: its web pages ("Antero Laukkanen kd :", "Annika Saarikko /kesk:").
FI_PARTIES = frozenset(["kok", "kesk", "ps", "sd", "vihr", "vas", "r", "kd", "liik", "sin", "vkk"])
# An office with its holder in square brackets: "Menteri Kewangan [Tuan Lim Guan Eng]".
_HELD_SQUARE = re.compile(r"([^\[\]]*[^\W\d_][^\[\]]*?)\s*\[([^\[\]]*[^\W\d_][^\[\]]*)\]")
# A transcriber's low-confidence flag in a label ("Committee Counsel [?]:"), or an
# empty time bracket (the Storting's web reports print "Presidenten []:" where the
# link to the video's time is missing): not part of the name; the same person as
# the label without it.
# Between the names of a label naming several people: "A & B", "A, B, and C", "A + B".
_JOINT = re.compile(r"[ \t]*(?:,[ \t]*)?(?:&|\+|\band\b)[ \t]*|[ \t]*,[ \t]*")
_UNSURE = re.compile(r"[ \t]*(?:\[\?*\]|\(\?+\))")


def strip_unsure(label: str) -> str:
    """``label`` without its low-confidence flags (``[?]``, ``(?)``) and empty
    time brackets (``[]``)."""
    return _UNSURE.sub("", label) if "?" in label or "[]" in label else label


_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", ".": " "})
# A parenthesis holding a party or group: short, or mostly capitals (DIE LINKE, CDU/CSU).
_PARTY = re.compile(r"[A-ZÄÖÜ][\w/ .\-]{0,20}\Z")


@attrs.frozen
class SplitLabel:
    """A printed name taken apart: ``Dr. E F, Bundesminister der Finanzen`` ->
    name ``Dr. E F``, role ``Bundesminister der Finanzen``."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict)
    short: str | None = None  # initials given in parentheses: "Michael Folkson (MF)"


def _commas(label: str) -> list[str]:
    """``label`` split at its commas, except those inside parentheses."""
    parts: list[str] = []
    depth = start = 0
    for i, char in enumerate(label):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "," and depth == 0:
            parts.append(label[start:i].strip())
            start = i + 1
    parts.append(label[start:].strip())
    return parts


def _words(text: str) -> list[str]:
    return text.translate(_FOLD).casefold().split()


# Words that open a German office's portfolio after the office ("für Justiz").
_PORTFOLIO = frozenset(["für", "im", "beim", "der", "des", "ohne"])


def _role_prefix(name: str) -> tuple[str | None, str]:
    """``("Präsident", "Dr. Lammert")`` from ``"Präsident Dr. Lammert"``: the leading
    role words, if a name follows them; else ``(None, name)``."""
    tokens = name.split()
    i = 0
    while i < len(tokens) - 1 and _words(tokens[i]) and _words(tokens[i])[0] in ROLE_WORDS:
        i += 1
    if i == 0 or i == len(tokens):
        return None, name
    if tokens[i] in _PORTFOLIO and i + 1 < len(tokens):
        # The portfolio between the office and the name: "Bundesministerin für EU und
        # Verfassung im Bundeskanzleramt Mag. Karoline Edtstadler" (up to a title), or
        # "Bundesminister für Inneres Gerhard Karner" (the last two words the name).
        titled = [
            k for k in range(i + 1, len(tokens)) if (w := _words(tokens[k])) and w[0] in TITLES
        ]
        i = titled[0] if titled else max(i + 1, len(tokens) - 2)
    rest = tokens[i:]
    if all(w in ROLE_WORDS or w in TITLES for w in _words(" ".join(rest))):
        return None, name
    if not any(c.isalpha() for c in "".join(rest)):
        # A number is no name: "Speaker 1", "Member 3" of a diarised transcript.
        return None, name
    return " ".join(tokens[:i]), " ".join(rest)


@functools.lru_cache(maxsize=4096)
def split_label(label: str) -> SplitLabel:
    """Name, role, affiliation and extra facts of a printed speaker name.

    Commas separate name, role and affiliation (``Name, role, affiliation``); a
    parenthesis holds a party (``(SPD)``, ``(DIE LINKE)``), a constituency before a
    party (``(Frankfurt) (KPD)``), or, after an office, the person who holds it
    (``The PRESIDING OFFICER (Mr. Kyl)``); leading role words are the role
    (``Präsident Dr. Lammert``).
    """
    label = html.unescape(label) if "&" in label else label
    label = strip_unsure(label)
    if label.endswith("]"):
        held = _HELD_SQUARE.fullmatch(label)
        if held is not None and _PARTY.match(held[2]) and len(held[2]) <= 20:
            # "Tobias Koch [CDU]" (the Schleswig-Holstein Landtag): a party, as in
            # parentheses
            label = f"{held[1]} ({held[2]})"
        elif held is not None:
            # "Timbalan Menteri Perusahaan Perladangan dan Komoditi [Tuan A. Kohilan
            # Pillay a/l G. Appu]" (the Malaysian Hansard): the office, then its holder
            return SplitLabel(" ".join(held[2].split()), " ".join(held[1].split()))
        elif "[" not in label:
            # the end of "Office [Holder]:" wrapped over two lines: the holder's name
            label = label[:-1].rstrip()
    bare_party = _BARE_PARTY.fullmatch(label) if label.startswith("Abg. ") else None
    if bare_party is not None:
        # "Abg. Dr. Hans-Ulrich Rülke FDP/DVP" (the Baden-Württemberg Landtag)
        return SplitLabel(bare_party[1], None, bare_party[2])
    whole = _HELD.fullmatch(label) if "," in label else None
    if whole is not None and _holder(whole[1], whole[2]) and _words(whole[1])[0] in _ARTICLES:
        # An office with a comma inside, then its holder: "El señor VICEPRESIDENTE
        # DEL GOBIERNO Y CONSEJERO DE EDUCACIÓN, UNIVERSIDADES Y SOSTENIBILIDAD (Pérez
        # García)".
        return SplitLabel(whole[2], whole[1])
    parts = _commas(label)
    # (A member moving a motion: "Mr. X (Riding, Party) moved".)
    head = parts[0].removesuffix(" moved").rstrip() if len(parts) == 1 else parts[0]
    meta: dict[str, str] = {}
    role = parts[1] or None if len(parts) > 1 else None
    affiliation = ", ".join(parts[2:]) or None if len(parts) > 2 else None
    party = head.rsplit(" ", 1)
    if len(party) == 2 and party[1] in FI_PARTIES and " " in party[0].strip():
        head, affiliation = party[0].rstrip(), affiliation or party[1]
    slash = _SLASH_PARTY.search(head)
    if slash is not None:
        # "Annika Saarikko /kesk" (the Finnish Eduskunta): the party after a slash
        affiliation = affiliation or slash[1]
        head = head[: slash.start()]
    parens = [p.strip() for p in _PAREN.findall(head)]
    bare = _PAREN.sub(" ", head).strip() or head.strip()
    if len(parens) == 1 and _holder(bare, parens[0]):
        return SplitLabel(parens[0], role or bare, affiliation, meta)
    if len(parens) >= 2:
        meta["constituency"] = ", ".join(parens[:-1])
        affiliation = affiliation or parens[-1]
    elif len(parens) == 1:
        if _initials(bare, parens[0]):
            return SplitLabel(bare, role, affiliation, meta, short=parens[0])
        if _PARTY.match(parens[0]) and (len(parens[0]) <= 8 or parens[0].isupper()):
            affiliation = affiliation or parens[0]
        elif not role and _words(parens[0])[:1] and _words(parens[0])[0] in ROLE_WORDS:
            # "HON. F.S. KOYA (Minister for Commerce, Trade, Tourism and Transport)",
            # "Rt Hon JOHN KEY (Prime Minister)": an office, the speaker's role
            role = parens[0]
        else:
            meta["qualifier"] = parens[0]
    prefix, bare = _role_prefix(bare)
    if prefix is not None:
        role = f"{prefix}, {role}" if role else prefix
    return SplitLabel(bare, role, affiliation, meta)


def _initials(name: str, inner: str) -> bool:
    """Whether ``inner`` is the initials of ``name``: ``MF`` for Michael Folkson,
    ``E`` for Emzy (the reader then also knows the speaker by them)."""
    if not inner.isalnum() or not inner[:1].isupper() or len(inner) > 4:
        return False
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return False
    printed = "".join(w[0] for w in words)  # "AvW" for Aaron van Wirdum, as printed
    firsts = printed.upper()
    if inner in (firsts, firsts[0] + firsts[-1], printed):
        return True
    # A word that is initials already gives all of them ("AJT" for AJ Towns), and each
    # part of a hyphenated name its own ("JLP" for Jean-Luc Picard).
    parts = [p for w in words for p in w.split("-") if p[:1].isalpha()]
    spelled = "".join(p if p.isupper() and len(p) <= 3 else p[0] for p in parts).upper()
    if inner.upper() == spelled and len(spelled) > 1:
        return True
    # One word: its letters in order, from the first ("G43" for "Ghost43").
    rest = iter(words[0].upper())
    return len(words) == 1 and inner[0] == words[0][0].upper() and all(c in rest for c in inner)


def _holder(office: str, inner: str) -> bool:
    """Whether ``inner`` names the person holding ``office``, as in ``The PRESIDING
    OFFICER (Mr. Kyl)`` or ``The Prime Minister (Mr David Cameron)``."""
    words = _words(inner)
    if not words or not inner[:1].isupper():
        return False
    person = words[0] in TITLES or len(words) > 1
    first = _words(office)[:1]
    return person and (_office(office) or (bool(first) and first[0] in _ARTICLES))


# An office introduced by an article is an office whatever words follow ("The
# Secretary of State for Health (Mr X)", "La señora MINISTRA DE HACIENDA (Montero
# Cuadrado)", "O Sr. Presidente (Augusto Santos Silva)").
_ARTICLES = frozenset(("the", "el", "la", "los", "las", "der", "die", "le", "les", "il", "o", "a"))


def _office(name: str) -> bool:
    """Whether ``name`` names an office only (``The PRESIDING OFFICER``)."""
    words = _words(name)
    return bool(words) and all(w in ROLE_WORDS or w in TITLES for w in words)


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """The key two forms of one name share: case, dots, apostrophes, parentheses,
    leading titles and role words ignored (``Präsident Dr. LAMMERT`` -> ``lammert``).
    A name made only of titles and role words keeps them (``the chairman``)."""
    words = _words(_PAREN.sub(" ", name))
    i = 0
    while i < len(words) - 1 and (words[i] in TITLES or words[i] in ROLE_WORDS):
        i += 1
    rest = words[i:]
    if len(rest) == 1 and (rest[0] in ROLE_WORDS or rest[0] in TITLES):
        return " ".join(words)
    return " ".join(rest)


def _typo_of(known: list[str], words: list[str]) -> bool:
    """Whether the name key ``words`` is ``known`` with a typo in one word: the surname
    (:func:`_one_typo`), or a first name of 3+ letters before the same surname."""
    if len(known) != len(words):
        return False
    diff = [i for i, (a, b) in enumerate(zip(known, words, strict=True)) if a != b]
    if len(diff) != 1:
        return False
    at = diff[0]
    if at == len(words) - 1:
        return _one_typo(known[at], words[at])
    return _one_typo(known[at], words[at], least=3)


def _one_typo(a: str, b: str, least: int = 6) -> bool:
    """Whether ``a`` and ``b`` differ by one typo, a letter added or dropped or two
    neighbours swapped, both at least ``least`` letters long. A changed letter is not a
    typo here: it is how distinct surnames differ (Jensen, Jansen)."""
    if a == b or min(len(a), len(b)) < least or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    if len(a) == len(b):
        return a[:2] == b[1::-1] and a[2:] == b[2:]
    return a[1:] == b or b[1:] == a


@attrs.define
class _Person:
    id: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    aliases: list[str] = attrs.Factory(list)
    meta: dict[str, str] = attrs.Factory(dict)
    keys: set[str] = attrs.Factory(set)
    office: str | None = None  # key of the office a bare office label stands for
    fixed: bool = False


class Roster:
    """Resolves printed names, in document order, to people.

    ``known`` maps a printed form (or any form with the same :func:`name_key`) to a
    :class:`~debatekit.Speaker` or a name: those labels always resolve to that person.
    :meth:`resolve` returns the person's index (stable, in order of first
    appearance); :meth:`speakers` the :class:`~debatekit.Speaker` list. Matching, in
    order: an explicit id; the same key; a surname (last word) or a first name (first
    word) of exactly one person seen so far; a bare office (``The CHAIRMAN``) for whoever
    last held it. Where several people match, the one who spoke last is taken and
    ``on_ambiguous`` (if given) is called with a message.
    """

    def __init__(self, known: Mapping[str, Speaker | str] | None = None) -> None:
        self.people: list[_Person] = []
        self.by_key: dict[str, list[int]] = {}
        self.by_id: dict[str, int] = {}
        self.last_used: dict[int, int] = {}
        self.office_holder: dict[str, int] = {}
        self.settled: dict[str, int] = {}
        self.clock = 0
        self.known: dict[str, Speaker | str] = {}
        for label, value in (known or {}).items():
            self.known[label] = value
            self.known.setdefault(name_key(label), value)

    def is_known(self, label: str) -> bool:
        """Whether ``label`` is one of the ``known`` forms."""
        return label in self.known or name_key(split_label(label).name) in self.known

    def find(self, label: str) -> int | None:
        """The index of the person ``label`` names, if already known (nothing added)."""
        hits = self.by_key.get(name_key(split_label(label).name), [])
        return hits[0] if len(hits) == 1 else None

    def resolve(
        self,
        label: str,
        *,
        explicit_id: str | None = None,
        on_ambiguous: Callable[[str], None] | None = None,
    ) -> int:
        """The index of the person ``label`` names (a new person if nobody matches)."""
        if explicit_id is not None:
            index = self.by_id.get(explicit_id)
            if index is None:
                index = self._add(_Person(explicit_id, label, fixed=True))
            return self._touch(index)
        settled = self.settled.get(label)
        if settled is not None:
            return self._touch(settled)
        known = self.known.get(label) or self.known.get(name_key(split_label(label).name))
        if known is not None:
            # Settled: a name given as a plain string must not mint a second person.
            index = self.settled[label] = self._known(known, label)
            return self._touch(index)
        index = self._joint(label)
        if index is None:
            index = self._match(label, on_ambiguous)
        if index is None:
            index = self._create(label)
            self.settled[label] = index
        return self._touch(index)

    def _match(self, label: str, on_ambiguous: Callable[[str], None] | None) -> int | None:
        split = split_label(label)
        key = name_key(split.name)
        office = name_key(split.role) if split.role and _office(split.role) else None
        if _office(split.name) and not split.role:
            holder = self.office_holder.get(key)
            if holder is not None:
                return holder
        hits = self.by_key.get(key, [])
        exact = len(hits) == 1
        if not hits and len(key.split()) == 1 and not key.isdigit():
            # (a number is no surname: "Speaker 1" is not "Audience 1")
            hits = self._by_word(key)
        if not hits and len(key.split()) > 1:
            hits = self._surname_first(key, split.name)
        if not hits:
            hits = self._misspelt(key)
        if not hits and 2 <= len(split.name) <= 4 and split.name.isupper():
            hits = self._initialled(split.name)
        if not hits:
            return None
        if len(hits) > 1:
            hits = sorted(hits, key=lambda i: self.last_used.get(i, 0))
            if on_ambiguous is not None:
                names = ", ".join(repr(self.people[i].name) for i in hits)
                on_ambiguous(
                    f"label {label!r} may be any of {names}; "
                    f"took {self.people[hits[-1]].name!r}, who spoke last"
                )
        index = hits[-1]
        if exact:
            self.settled[label] = index
        self._alias(index, label, split)
        if office is not None:
            self.office_holder[office] = index
        return index

    def _joint(self, label: str) -> int | None:
        """The first person of a label naming two or more people already known, who
        speak together (``Adam Garrett-Harris & Safia Abdalla``, ``Jen, Jason and
        Safia``): no new person; the label stays as printed on the turn."""
        parts = [part for part in _JOINT.split(label) if part and part.strip()]
        if len(parts) < 2:
            return None
        found = [self.find(part) for part in parts]
        if any(index is None for index in found):
            return None
        return found[0]

    def _by_word(self, word: str) -> list[int]:
        """People with ``word`` as surname, or else as first name, of a longer key
        (never a participant word: ``Audience`` is not ``Audience Member 2``)."""
        for position in (-1, 0) if word not in PARTICIPANTS else (-1,):
            hits = [
                i
                for i, p in enumerate(self.people)
                if not p.fixed
                and any(len(k.split()) > 1 and k.split()[position] == word for k in p.keys)
            ]
            if hits:
                return hits
        return []

    def _surname_first(self, key: str, name: str) -> list[int]:
        """The one person known so far by the surname alone whom a full name ends
        with (``BLITZER:`` before ``WOLF BLITZER, CNN ANCHOR:``), or else by the first
        name alone whom it starts with (``Kirk:`` before ``Kirk Shillingford:``); the
        full name then becomes their name, the short form an alias."""
        words = key.split()
        hits: list[int] = []
        # (A participant word or a number is neither: 'Audience' is not 'Audience
        # Member 2', nor '1' the surname of 'Speaker 1'.)
        # (Nor is a name of several, 'Procter & Gamble', a first name's full form.)
        joint = len(_JOINT.split(name)) > 1
        for word in (words[-1], words[0]):
            if word in PARTICIPANTS or word.isdigit() or (joint and word == words[0]):
                continue
            hits = [
                i
                for i in self.by_key.get(word, [])
                if not self.people[i].fixed
                and all(" " not in k for k in self.people[i].keys)
                and not _office(self.people[i].name)  # 'Senator:' is not 'Senator M'
            ]
            if hits:
                break
        if len(hits) != 1:
            return []
        person = self.people[hits[0]]
        person.aliases.append(person.name)
        person.name = name
        return hits

    def _initialled(self, initials: str) -> list[int]:
        """The one person named in full whose initials ``initials`` are, undeclared
        (``Devin Becker:`` once, then ``DB:`` throughout an oral history)."""
        hits = [
            i
            for i, p in enumerate(self.people)
            if not p.fixed and len(p.name.split()) > 1 and _initials(p.name, initials)
        ]
        return hits if len(hits) == 1 else []

    def _misspelt(self, key: str) -> list[int]:
        """The one person whose key differs from ``key`` by a typo in one word (a
        letter added or dropped or two swapped): in the surname, a word of 6+ letters
        (``POLOWCYZK`` for ``POLOWCZYK``); in a first name, where the surname is the
        same (``Mrk Erhardt`` for ``Mark Erhardt``)."""
        words = key.split()
        if not words:
            return []
        hits = {
            i
            for k, people in self.by_key.items()
            for i in people
            if not self.people[i].fixed and _typo_of(k.split(), words)
        }
        return list(hits) if len(hits) == 1 else []

    def _new_id(self, name: str) -> str:
        return mint_speaker_id(name_key(name) or name, self.by_id)

    def _add(self, person: _Person) -> int:
        index = len(self.people)
        self.people.append(person)
        self.by_id[person.id] = index
        for key in person.keys:
            self.by_key.setdefault(key, []).append(index)
        return index

    def _alias(self, index: int, label: str, split: SplitLabel) -> None:
        person = self.people[index]
        name = split.name
        if name != person.name and name not in person.aliases:
            person.aliases.append(name)
        key = name_key(name)
        if key and key not in person.keys:
            person.keys.add(key)
            self.by_key.setdefault(key, []).append(index)
        if person.role is None and split.role and not _office(split.name):
            person.role = split.role
        if person.affiliation is None and split.affiliation:
            person.affiliation = split.affiliation

    def _touch(self, index: int) -> int:
        self.clock += 1
        self.last_used[index] = self.clock
        return index

    def _known(self, value: Speaker | str, label: str) -> int:
        if isinstance(value, str):
            value = Speaker(id=self._new_id(value), name=value)
        index = self.by_id.get(value.id)
        if index is None:
            person = _Person(
                value.id,
                value.name,
                value.role,
                value.affiliation,
                value.description,
                list(value.aliases),
                dict(value.meta),
                {name_key(value.name)},
                fixed=True,
            )
            index = self._add(person)
        split = split_label(label)
        if split.name != value.name:
            self._alias(index, label, split)
        return index

    def _create(self, label: str) -> int:
        split = split_label(label)
        person = _Person("", split.name, split.role, split.affiliation, meta=dict(split.meta))
        person.id = self._new_id(split.name)
        person.keys = {k for k in {name_key(split.name)} if k}
        if split.short:
            person.aliases.append(split.short)
            person.keys.add(name_key(split.short))
        index = self._add(person)
        if split.role and _office(split.role):
            self.office_holder[name_key(split.role)] = index
        return index

    def speakers(self) -> list[Speaker]:
        """One :class:`~debatekit.Speaker` per person, in order of first appearance."""
        return [
            Speaker(
                id=p.id,
                name=p.name,
                role=p.role,
                affiliation=p.affiliation,
                description=p.description,
                aliases=tuple(p.aliases),
                meta=p.meta,
            )
            for p in self.people
        ]
