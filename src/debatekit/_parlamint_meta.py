"""ParlaMint's ``-meta.tsv`` columns: how each value is worked out from a session read
from ParlaMint TEI and the corpus facts it keeps (see :mod:`debatekit._tei_corpus`).

The rules are those of ParlaMint's own export (its XSLT library, release 5.0), stated
here as facts:

- a value in several languages is taken in the session's language (``TEI/@xml:lang``),
  else in a ``-Latn`` spelling, else in another non-English language, else in English,
  else the first stated;
- Title: the subtitle (several in the session's language: ``|``-joined), else the main
  title without its trailing ``[...]`` stamp;
- Body: the categories within ``parla.organization`` named by the meetings' ``@ana``
  whose English term is Unicameralism, Upper house, Lower house or Committee;
- Term, Session, Meeting, Sitting, Agenda: the text (else ``@n``) of the meetings whose
  ``@ana`` contains ``#parla.term`` and so on;
- Subcorpus: the ``Subcorpora`` categories of ``TEI/@ana``, ``,``-joined;
- Lang: the language of the utterance's segments (``Multilingual`` for several), else
  of the utterance, named by the corpus ``langUsage``;
- Speaker_role: the ``Types of speakers`` categories of ``u/@ana``;
- speaker facts at the sitting's date (``setting/date/@when``; partial dates count from
  their first day): the organisations of the affiliations with role member,
  candidateMP, president, vicePresident, secretary or representative then in force;
  MP if one is a ``parliament``; Minister if an affiliation with role ``minister`` is
  in force; the parliamentary groups' names (else the political parties'), ``;``-joined;
  Coalition or Opposition from the ``listRelation`` then in force; the groups' (else
  the parties') political orientation;
- Topic: the ``Topics`` categories that ``u/@ana``'s extended pointers (``topic:X``)
  name, ``|``-joined.

A value the source lacks is ``-``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .models import Speaker, Transcript, Turn

__all__ = ["COLUMNS", "MISSING", "Session"]

#: The columns of ParlaMint's ``-meta.tsv`` (release 5.0), in its order.
COLUMNS: tuple[str, ...] = (
    "Text_ID",
    "ID",
    "Title",
    "Date",
    "Body",
    "Term",
    "Session",
    "Meeting",
    "Sitting",
    "Agenda",
    "Subcorpus",
    "Lang",
    "Speaker_role",
    "Speaker_MP",
    "Speaker_minister",
    "Speaker_party",
    "Speaker_party_name",
    "Party_status",
    "Party_orientation",
    "Speaker_ID",
    "Speaker_name",
    "Speaker_gender",
    "Speaker_birth",
    "Topic",
)

MISSING = "-"
_LEVELS = {
    "Term": "#parla.term",
    "Session": "#parla.session",
    "Meeting": "#parla.meeting",
    "Sitting": "#parla.sitting",
    "Agenda": "#parla.agenda",
}
_BODIES = frozenset(["Unicameralism", "Upper house", "Lower house", "Committee"])
_PARTY_REFS = frozenset(
    ["member", "candidateMP", "president", "vicePresident", "secretary", "representative"]
)
_STAMP = re.compile(r"\s*\[.+\]\Z")
_DAY = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?")
_SPEAKER_COLUMNS = COLUMNS[COLUMNS.index("Speaker_MP") : COLUMNS.index("Topic")]


def _ids(value: str | None) -> list[str]:
    return [v.rsplit("#", 1)[-1] for v in (value or "").split() if v.rsplit("#", 1)[-1]]


def _space(value: str) -> str:
    return " ".join(value.split())


def day(value: str | None) -> str | None:
    """A date as ParlaMint compares it: ``"2019"`` is ``"2019-01-01"``, a time dropped."""
    found = _DAY.match(value or "")
    if not found:
        return None
    year, month, dom = found.groups()
    return f"{year}-{month or '01'}-{dom or '01'}"


def localised(by_lang: Mapping[str, str], lang: str) -> str:
    """The value in ``lang`` (also where no language is stated), else in a ``-Latn``
    spelling, else in another language but English, else English, else the first."""
    items = [(k, v) for k, v in by_lang.items() if v.strip()]
    for test in (
        lambda k: k == lang,
        lambda k: k == "",
        lambda k: k.endswith("-Latn"),
        lambda k: k not in ("en", lang),
        lambda k: k == "en",
    ):
        for k, v in items:
            if test(k):
                return v
    return items[0][1] if items else ""


class Session:
    """What every row of one session shares, and the corpus facts to look up."""

    def __init__(self, transcript: Transcript) -> None:
        event = transcript.event
        self.meta: Mapping[str, str] = transcript.meta
        # "kind.id@lang" keys by (kind.id): {lang: value}, read once
        self.by_lang: dict[str, dict[str, str]] = {}
        for key, value in self.meta.items():
            if key.startswith(("category.", "language.", "org.")) and "@" in key:
                name, lang = key.rsplit("@", 1)
                self.by_lang.setdefault(name, {})[lang] = value
        # an organisation's facts are "org.<id>.<fact>" (ids hold dots, facts none)
        self.orgs = {k.rsplit(".", 1)[0][4:] for k in self.meta if k.startswith("org.")}
        self.event_meta = event.meta
        self.lang = event.language or ""
        self.day = day(event.date.isoformat()) if event.date else None
        text_id = (event.meta.get("xml:id") or MISSING).removesuffix(".ana")
        self.shared = {
            "Text_ID": text_id,
            "Title": self._title(transcript),
            "Date": event.date.isoformat() if event.date else MISSING,
            "Body": self._body(),
            **{column: self._level(ref) for column, ref in _LEVELS.items()},
            "Subcorpus": ",".join(self.terms(event.meta.get("ana"), "Subcorpora")),
        }

    # -- the corpus facts ------------------------------------------------------------

    def term(self, cid: str) -> str:
        """A category's term, localised (``""`` for an unknown category)."""
        return localised(self.by_lang.get(f"category.{cid}", {}), self.lang)

    def terms(self, pointers: str | None, taxonomy: str) -> list[str]:
        """The localised terms of the categories of ``taxonomy`` that ``pointers`` name."""
        out = []
        for cid in _ids(pointers):
            if taxonomy in self.meta.get(f"category.{cid}#taxonomy", "").split("|"):
                out.append(self.term(cid))
        return out

    def org(self, oid: str, kind: str) -> str:
        """An organisation's ``name`` or ``abb``, localised (ParlaMint falls back on the
        id's last part when the organisation has no name of that kind)."""
        if oid not in self.orgs:
            return ""
        found = dict(self.by_lang.get(f"org.{oid}.{kind}", {}))
        if f"org.{oid}.{kind}" in self.meta:
            found[""] = self.meta[f"org.{oid}.{kind}"]
        return localised(found, self.lang) or re.sub(r".+?\.", "", oid)

    def holds(self, start: str | None, end: str | None) -> bool:
        """Whether a period includes the sitting's date (ParlaMint's between-dates)."""
        when, start, end = self.day, day(start), day(end)
        if when is None:
            return True
        return (start is None or start <= when) and (end is None or when <= end)

    # -- the session's columns -------------------------------------------------------

    def _title(self, transcript: Transcript) -> str:
        event = transcript.event
        if event.subtitle:
            key = f"subtitle@{self.lang}"
            same = [v for k, v in event.meta.items() if k == key or k.startswith(key + ".")]
            return "|".join(_space(t) for t in [event.subtitle, *same])
        title = _STAMP.sub("", _space(event.title or ""))
        return title or MISSING

    def _meetings(self) -> list[tuple[str, str, str]]:
        """Each meeting's (text, @n, @ana), in order."""
        out = []
        n = 1
        while f"meeting.{n}" in self.event_meta or f"meeting.{n}.ana" in self.event_meta:
            get = self.event_meta.get
            key = f"meeting.{n}"
            out.append((get(key, ""), get(key + ".n", ""), get(key + ".ana", "")))
            n += 1
        return out

    def _body(self) -> str:
        refs = dict.fromkeys(c for _, _, ana in self._meetings() for c in _ids(ana))
        bodies = []
        for cid in refs:
            within = self.meta.get(f"category.{cid}#within", "").split()
            english = self.meta.get(f"category.{cid}@en", "")
            if "parla.organization" in within and english in _BODIES:
                bodies.append(self.term(cid))
        return "|".join(bodies) or MISSING

    def _level(self, ref: str) -> str:
        found = [(text, n) for text, n, ana in self._meetings() if ref in ana]
        if not found:
            return MISSING
        if found[0][0].strip():
            return " ".join(text for text, _ in found)
        return found[0][1] or MISSING

    # -- per utterance ---------------------------------------------------------------

    def language(self, turn: Turn) -> str:
        langs = (turn.meta.get("seg-langs") or turn.meta.get("seg-lang") or "").split()
        if len(langs) > 1:
            return "Multilingual"
        ident = langs[0] if langs else turn.meta.get("xml:lang") or self.lang
        return localised(self.by_lang.get(f"language.{ident}", {}), self.lang) or MISSING

    def topic(self, turn: Turn) -> str:
        pointers = sorted((turn.meta.get("ana") or "").split())
        extended = " ".join(p.split(":", 1)[1] for p in pointers if ":" in p)
        return "|".join(self.terms(extended, "Topics")) or MISSING

    def speaker(self, speaker: Speaker | None) -> dict[str, str]:
        meta = speaker.meta if speaker is not None else {}
        if speaker is None or meta.get("placeholder"):  # an utterance without @who
            return dict.fromkeys(_SPEAKER_COLUMNS, MISSING)
        if meta.get("unresolved"):  # @who names no person the corpus lists
            return {**dict.fromkeys(_SPEAKER_COLUMNS, MISSING), "Speaker_ID": speaker.id}
        now = [a for a in speaker.affiliations if self.holds(a.start, a.end)]
        refs = list(dict.fromkeys(i for a in now if a.role in _PARTY_REFS for i in _ids(a.ref)))
        roles = {oid: self.meta.get(f"org.{oid}.role", "") for oid in refs}
        groups = [o for o in refs if roles[o] == "parliamentaryGroup"]
        parties = groups or [o for o in refs if roles[o] == "politicalParty"]
        return {
            "Speaker_MP": "MP" if "parliament" in roles.values() else "notMP",
            "Speaker_minister": "Minister"
            if any(a.role == "minister" for a in now)
            else "notMinister",
            "Speaker_party": ";".join(self.org(o, "abb") for o in parties) or MISSING,
            "Speaker_party_name": ";".join(self.org(o, "name") for o in parties) or MISSING,
            "Party_status": self._status(refs),
            "Party_orientation": self._orientation(groups)
            or self._orientation([o for o in refs if roles[o] == "politicalParty"])
            or MISSING,
            "Speaker_ID": speaker.id,
            "Speaker_name": self._name(speaker),
            "Speaker_gender": _space(meta.get("sex", "")) or MISSING,
            "Speaker_birth": re.sub(r"-.+", "", meta.get("birth", "")).strip() or MISSING,
        }

    def _relations(self) -> Iterable[Mapping[str, str]]:
        n = 1
        while f"relation.{n}.name" in self.meta:
            key = f"relation.{n}."
            yield {k[len(key) :]: v for k, v in self.meta.items() if k.startswith(key)}
            n += 1

    def _status(self, refs: list[str]) -> str:
        """Coalition or Opposition at the sitting's date: the first that holds."""
        now = [r for r in self._relations() if self.holds(r.get("from"), r.get("to"))]
        found = []
        for name, members, label in (
            ("coalition", "mutual", "Coalition"),
            ("opposition", "active", "Opposition"),
        ):
            for relation in now:
                if relation.get("name") == name:
                    found += [label for oid in _ids(relation.get(members)) if oid in refs]
        return found[0] if found else MISSING

    def _orientation(self, orgs: list[str]) -> str:
        terms = []
        for oid in orgs:
            stated = _ids(self.meta.get(f"org.{oid}.orientation"))
            terms.append(self.term(stated[0]) if stated else "")
        joined = ";".join(dict.fromkeys(terms))
        return re.sub(r"^;+|;+$", "", joined)

    def _name(self, speaker: Speaker) -> str:
        """ParlaMint's "Surname, Forename Patronym": of the person's names (where the
        person has several, ``persName.<n>.*``) those of the sitting's date, in the
        session's language (the first of a language)."""
        meta: Mapping[str, str] = speaker.meta
        by_lang: dict[str, Mapping[str, str]] = {}
        numbers = {k.split(".")[1] for k in meta if k.startswith("persName.")}
        for n in sorted(numbers, key=lambda n: int(n) if n.isdigit() else 0):
            prefix = f"persName.{n}."
            parts = {k[len(prefix) :]: v for k, v in meta.items() if k.startswith(prefix)}
            if self.holds(parts.get("from"), parts.get("to")):
                by_lang.setdefault(parts.get("lang", ""), parts)
        if by_lang:
            order = list(by_lang)
            chosen = localised({lang: str(i) for i, lang in enumerate(order)}, self.lang)
            meta = by_lang[order[int(chosen)]]
        return _formatted(meta) or _space(speaker.name) or MISSING


def _formatted(parts: Mapping[str, str]) -> str:
    given = _space(f"{parts.get('forename', '')} {parts.get('patronym', '')}")
    return ", ".join(p for p in (_space(parts.get("surname", "")), given) if p)
