"""ParlaMint's own per-session exports: ``NAME.txt`` and ``NAME-meta.tsv``.

ParlaMint publishes, beside each session's TEI, a plain-text file (one line per
utterance: ``ID<TAB>text``) and a metadata table (one row per utterance, a header
row first) giving each utterance's sitting, speaker and party at the sitting's date.
This module writes both from a transcript read from ParlaMint TEI
(:func:`debatekit.tei.load` keeps the corpus facts they need, see
:attr:`Transcript.meta`).

>>> from debatekit import parlamint
>>> parlamint.COLUMNS[:4]
('Text_ID', 'ID', 'Title', 'Date')
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from . import _losses
from ._io import atomic_write, no_gc
from ._tei_common import normalize
from .models import Speaker, Transcript, Turn
from .tei import plain_text, read_corpus

__all__ = ["COLUMNS", "export", "meta_rows", "meta_tsv", "text", "write"]

#: The columns of ParlaMint's ``-meta.tsv``, in its order.
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
)

_MISSING = "-"
_LEVELS = {
    "parla.term": "Term",
    "parla.session": "Session",
    "parla.meeting": "Meeting",
    "parla.sitting": "Sitting",
    "parla.agenda": "Agenda",
}
_NOT_BODY = frozenset(
    [*_LEVELS, "parla.supranational", "parla.national", "parla.regional", "parla.local"]
)
_PARTY_ROLES = ("politicalParty", "parliamentaryGroup")
_SAMPLE_MARK = re.compile(r"\s*\[ParlaMint[^\]]*\]\s*\Z")
_PathLike = str | os.PathLike[str]


def _ids(value: str | None) -> list[str]:
    return [v.rsplit("#", 1)[-1] for v in (value or "").split() if v.rsplit("#", 1)[-1]]


class _Session:
    """What every row of one session shares, and the corpus facts to look up."""

    def __init__(self, transcript: Transcript) -> None:
        event = transcript.event
        self.meta: Mapping[str, str] = transcript.meta
        self.lang = event.language or "en"
        self.day = event.date.isoformat() if event.date else None
        title = event.subtitle or _SAMPLE_MARK.sub("", event.title or "")
        levels = dict.fromkeys(_LEVELS.values(), _MISSING)
        body = _MISSING
        for key, value in event.meta.items():
            if key.startswith("meeting.") and key.count(".") == 1:
                for cid in _ids(event.meta.get(f"{key}.ana")):
                    if cid in _LEVELS:
                        levels[_LEVELS[cid]] = value
                    elif cid.startswith("parla.") and cid not in _NOT_BODY and body == _MISSING:
                        body = self.term(cid)
        subcorpus = [cid for cid in _ids(event.meta.get("ana")) if not cid.startswith("parla.")]
        self.shared = {
            "Text_ID": event.meta.get("xml:id", _MISSING),
            "Title": title or _MISSING,
            "Date": self.day or _MISSING,
            "Body": body,
            **levels,
            "Subcorpus": ";".join(self.term(c) for c in subcorpus) or _MISSING,
        }

    def term(self, cid: str) -> str:
        """A category's term in the session's language, else in English."""
        for lang in (self.lang, "en"):
            found = self.meta.get(f"category.{cid}@{lang}")
            if found:
                return found
        return _MISSING

    def org(self, oid: str, fact: str) -> str:
        for key in (f"org.{oid}.{fact}@{self.lang}", f"org.{oid}.{fact}"):
            if self.meta.get(key):
                return self.meta[key]
        prefix = f"org.{oid}.{fact}@"
        return next((v for k, v in self.meta.items() if k.startswith(prefix)), "")

    def holds(self, start: str | None, end: str | None) -> bool:
        """Whether a period (ISO dates, possibly partial: ``"2019"``) includes the sitting's
        date; an open end, or an unknown sitting date, always does."""
        day = self.day
        if day is None:
            return True
        start, end = (start or "")[:10], (end or "")[:10]
        return (not start or start <= day[: len(start)]) and (not end or day[: len(end)] <= end)

    def status(self, oid: str) -> str:
        """Coalition or Opposition at the sitting's date, from the listOrg relations."""
        get = self.meta.get
        n = 1
        while f"relation.{n}.name" in self.meta:
            key = f"relation.{n}."
            if self.holds(get(key + "from"), get(key + "to")):
                name = get(key + "name")
                if name == "coalition" and oid in _ids(get(key + "mutual")):
                    return "Coalition"
                if name == "opposition" and oid in _ids(get(key + "active")):
                    return "Opposition"
            n += 1
        return _MISSING

    def orientation(self, oid: str) -> str | None:
        """The party's political orientation (the first stated), as a taxonomy term."""
        stated = _ids(f"{self.org(oid, 'orientation')} {self.org(oid, 'ana')}")
        found = [c for c in stated if c.startswith("orientation.")]
        return self.term(found[0]) if found else None

    def speaker(self, speaker: Speaker | None) -> dict[str, str]:
        if speaker is None:
            return dict.fromkeys(COLUMNS[13:], _MISSING)
        now = [a for a in speaker.affiliations if self.holds(a.start, a.end)]
        refs = [(a.role, _ids(a.ref)[0] if _ids(a.ref) else "") for a in now]
        mp = any(r == "member" and self.org(o, "role") == "parliament" for r, o in refs)
        minister = any(r == "minister" for r, _ in refs)
        parties = list(
            dict.fromkeys(
                o for r, o in refs if r == "member" and self.org(o, "role") in _PARTY_ROLES
            )
        )
        orientation = [found for found in map(self.orientation, parties) if found]
        meta = speaker.meta
        surname, forename = meta.get("surname"), meta.get("forename")
        name = f"{surname}, {forename}" if surname and forename else surname or speaker.name
        return {
            "Speaker_MP": "MP" if mp else "notMP",
            "Speaker_minister": "Minister" if minister else "notMinister",
            "Speaker_party": ";".join(self.org(o, "abb") or self.org(o, "name") for o in parties)
            or _MISSING,
            "Speaker_party_name": ";".join(self.org(o, "name") for o in parties) or _MISSING,
            "Party_status": ";".join(self.status(o) for o in parties) or _MISSING,
            "Party_orientation": ";".join(orientation) or _MISSING,
            "Speaker_ID": speaker.id,
            "Speaker_name": name,
            "Speaker_gender": meta.get("sex") or _MISSING,
            "Speaker_birth": (meta.get("birth") or _MISSING)[:4],
        }


def meta_rows(transcript: Transcript, /) -> list[dict[str, str]]:
    """One dict per utterance, keyed by :data:`COLUMNS`, as ParlaMint's ``-meta.tsv``.

    Speaker facts are those at the sitting's date: the affiliations then current,
    the party's coalition or opposition status from the listOrg relations then in
    force. A value the source does not give is ``"-"``.
    """
    shared, rows = _rows(transcript)
    out: list[dict[str, str]] = []
    for turn_id, lang, role, speaker in rows:
        row = {**shared, "ID": turn_id, "Lang": lang, "Speaker_role": role, **speaker}
        out.append({c: row[c] for c in COLUMNS})
    return out


#: Where the per-utterance columns stand in :data:`COLUMNS`: the session's own before
#: and between them, then the speaker's.
_ID, _LANG, _ROLE, _SPEAKER = 1, 11, 12, 13


def _rows(
    transcript: Transcript,
) -> tuple[dict[str, str], Iterator[tuple[str, str, str, dict[str, str]]]]:
    """What every row shares, and per utterance: its id, language, speaker role, and
    its speaker's columns (one dict per speaker, the same object for each of their
    utterances)."""
    session = _Session(transcript)
    by_id = {s.id: s for s in transcript.speakers}
    speakers: dict[str | None, dict[str, str]] = {}

    def rows() -> Iterator[tuple[str, str, str, dict[str, str]]]:
        for turn in transcript.turns:
            speaker = speakers.get(turn.speaker_id)
            if speaker is None:
                speaker = speakers[turn.speaker_id] = session.speaker(
                    by_id.get(turn.speaker_id or "")
                )
            lang = turn.meta.get("xml:lang") or turn.meta.get("seg-lang") or session.lang
            role = [session.term(c) for c in _ids(turn.meta.get("ana"))]
            yield (
                turn.id,
                session.meta.get(f"language.{lang}@{session.lang}", lang),
                ";".join(r for r in role if r != _MISSING) or _MISSING,
                speaker,
            )

    return session.shared, rows()


def _cell(value: str) -> str:
    return normalize(value) or _MISSING


def meta_tsv(transcript: Transcript, /) -> str:
    """ParlaMint's ``-meta.tsv`` of the session: a header row, one row per utterance."""
    shared, rows = _rows(transcript)
    cells: dict[str, str] = {}  # (most values repeat from row to row: each cell once)

    def cell(value: str) -> str:
        found = cells.get(value)
        if found is None:
            found = cells[value] = _cell(value)
        return found

    # (The session's columns joined once, each speaker's once: a row adds its own.)
    first = cell(shared[COLUMNS[0]])
    middle = "\t".join(cell(shared[c]) for c in COLUMNS[_ID + 1 : _LANG])
    joined: dict[int, str] = {}
    lines = ["\t".join(COLUMNS)]
    for turn_id, lang, role, speaker in rows:
        own = joined.get(id(speaker))
        if own is None:
            own = joined[id(speaker)] = "\t".join(cell(speaker[c]) for c in COLUMNS[_SPEAKER:])
        lines.append(f"{first}\t{_cell(turn_id)}\t{middle}\t{cell(lang)}\t{cell(role)}\t{own}")
    return "\n".join(lines) + "\n"


def text(transcript: Transcript, /) -> str:
    """ParlaMint's ``.txt`` of the session: ``ID<TAB>text`` per utterance.

    The text is :func:`debatekit.tei.plain_text`: notes, gaps, vocal, kinesic and
    incident items inline as ``[[...]]``, white space normalised.
    """
    turns: list[Turn] = list(transcript.turns)
    return "".join(f"{t.id}\t{plain_text(t)}\n" for t in turns)


def dumps(transcript: Transcript, /) -> str:
    """The ``.txt`` export (what ``debatekit convert --to parlamint`` prints)."""
    _losses.warn(transcript, "parlamint")
    return text(transcript)


def write(transcript: Transcript, path: _PathLike, /) -> list[Path]:
    """Write ``path`` (the ``.txt``) and the ``-meta.tsv`` beside it; return both paths."""
    target = Path(path)
    stem = target.name[: -len(target.suffix)] if target.suffix else target.name
    meta = target.with_name(f"{stem}-meta.tsv")
    with no_gc():  # (many small objects and no cycle, as for reading: see no_gc)
        _losses.warn(transcript, "parlamint")
        data = text(transcript).encode("utf-8"), meta_tsv(transcript).encode("utf-8")
    atomic_write(target, data[0])
    atomic_write(meta, data[1])
    return [target, meta]


def export(source: Transcript | _PathLike, folder: _PathLike, /) -> list[Path]:
    """Write ParlaMint's ``NAME.txt`` and ``NAME-meta.tsv`` of each session into ``folder``.

    Args:
        source: A transcript, or a ParlaMint session file or corpus root
            (``teiCorpus``), whose sessions are all exported.
        folder: Where to write (created if needed). ``NAME`` is the session's id.

    Returns:
        The files written, in order.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    transcripts = [source] if isinstance(source, Transcript) else read_corpus(source)
    written: list[Path] = []
    for n, transcript in enumerate(transcripts, 1):
        name = transcript.event.meta.get("xml:id") or f"session-{n}"
        written += write(transcript, out / f"{name}.txt")
    return written
