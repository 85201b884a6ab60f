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
from collections.abc import Iterator
from pathlib import Path

from . import _losses
from ._io import atomic_write, no_gc
from ._parlamint_meta import COLUMNS, MISSING, Session
from ._tei_common import normalize
from .models import Transcript, Turn
from .tei import plain_text, read_corpus

__all__ = ["COLUMNS", "export", "meta_rows", "meta_tsv", "text", "write"]

_PathLike = str | os.PathLike[str]


def meta_rows(transcript: Transcript, /) -> list[dict[str, str]]:
    """One dict per utterance, keyed by :data:`COLUMNS`, as ParlaMint's ``-meta.tsv``.

    Speaker facts are those at the sitting's date: the affiliations then current,
    the party's coalition or opposition status from the listOrg relations then in
    force. A value the source does not give is ``"-"``. The rules are ParlaMint's
    (release 5.0), listed in ``docs/formats/parlamint.md``.
    """
    shared, rows = _rows(transcript)
    out: list[dict[str, str]] = []
    for turn_id, lang, role, speaker, topic in rows:
        row = {
            **shared,
            "ID": turn_id,
            "Lang": lang,
            "Speaker_role": role,
            **speaker,
            "Topic": topic,
        }
        out.append({c: row[c] for c in COLUMNS})
    return out


#: Where the per-utterance columns stand in :data:`COLUMNS`: the session's own before
#: and between them, then the speaker's, then the topic.
_ID, _LANG, _SPEAKER, _TOPIC = (
    COLUMNS.index("ID"),
    COLUMNS.index("Lang"),
    COLUMNS.index("Speaker_MP"),
    COLUMNS.index("Topic"),
)
_Row = tuple[str, str, str, dict[str, str], str]


def _rows(transcript: Transcript) -> tuple[dict[str, str], Iterator[_Row]]:
    """What every row shares, and per utterance: its id, language, speaker role, its
    speaker's columns (one dict per speaker, the same object for each of their
    utterances) and its topic."""
    session = Session(transcript)
    by_id = {s.id: s for s in transcript.speakers}
    speakers: dict[str | None, dict[str, str]] = {}

    # (A role and a topic depend on the utterance's @ana alone, its language on its
    # language attributes alone: each worked out once per distinct value.)
    by_ana: dict[str | None, tuple[str, str]] = {}
    by_langs: dict[tuple[str | None, ...], str] = {}

    def rows() -> Iterator[_Row]:
        for turn in transcript.turns:
            speaker = speakers.get(turn.speaker_id)
            if speaker is None:
                speaker = speakers[turn.speaker_id] = session.speaker(
                    by_id.get(turn.speaker_id or "")
                )
            meta = turn.meta
            ana = meta.get("ana")
            found = by_ana.get(ana)
            if found is None:
                role = "".join(session.terms(ana, "Types of speakers")) or MISSING
                found = by_ana[ana] = role, session.topic(turn)
            langs = meta.get("seg-langs"), meta.get("seg-lang"), meta.get("xml:lang")
            lang = by_langs.get(langs)
            if lang is None:
                lang = by_langs[langs] = session.language(turn)
            yield turn.id, lang, found[0], speaker, found[1]

    return session.shared, rows()


def _cell(value: str) -> str:
    return normalize(value) or MISSING


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
    for turn_id, lang, role, speaker, topic in rows:
        own = joined.get(id(speaker))
        if own is None:
            own = joined[id(speaker)] = "\t".join(
                cell(speaker[c]) for c in COLUMNS[_SPEAKER:_TOPIC]
            )
        lines.append(
            f"{first}\t{_cell(turn_id)}\t{middle}\t{cell(lang)}\t{cell(role)}\t{own}\t{cell(topic)}"
        )
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
    """Write ``path`` (the ``.txt``) and the ``-meta.tsv`` beside it; return both paths.

    ParlaMint names both after the session, also when made from its linguistically
    annotated file: ``X.ana.txt`` is written as ``X.txt``, beside ``X-meta.tsv``.
    """
    target = Path(path)
    stem = target.name[: -len(target.suffix)] if target.suffix else target.name
    if stem.endswith(".ana"):
        stem = stem.removesuffix(".ana")
        target = target.with_name(stem + target.suffix)
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
        name = (transcript.event.meta.get("xml:id") or f"session-{n}").removesuffix(".ana")
        written += write(transcript, out / f"{name}.txt")
    return written
