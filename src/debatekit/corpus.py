"""Corpora: many transcripts, opened lazily, filtered, and exported as analysis tables.

>>> from debatekit import corpus
>>> c = corpus.open(["debates/"])                        # doctest: +SKIP
>>> recent = c.filter(date_from=datetime.date(2020, 1, 1), party="EAJ-PNV")  # doctest: +SKIP
>>> recent.to_parquet("tables/")                          # doctest: +SKIP

Nothing is read when a corpus is opened: iterating reads one transcript at a time,
so a corpus of any size fits in memory. Exports run on an *engine*:

- ``None`` (the default): in this process, one file after another;
- ``"processes"``: a pool of worker processes on this machine (``workers=N``);
- ``"dask"`` or a ``distributed.Client``: Dask (optional extra ``dask``): Dask's local
  scheduler on a pool of ``workers`` processes (the pool of ``"processes"``), or the
  cluster behind the client; one task per file (small files in batches). Results are the
  same as ``None``'s.

Tables need pyarrow (extra ``arrow``) for Parquet and pandas for DataFrames.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from . import _convokit, _tables
from ._io import atomic_write, check_not_empty, format_for, read, readable, suffix_for, write
from ._optional import import_optional
from ._tables import COLUMNS, TABLES
from .errors import DebatekitError, ParseError
from .models import Speaker, Transcript

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = ["COLUMNS", "TABLES", "Corpus", "Engine", "Filter", "Source", "open"]

#: Where work runs: ``None``, ``"processes"``, ``"dask"`` or a ``distributed.Client``.
Engine: TypeAlias = Any

_GLOB_CHARS = frozenset("*?[")
# Files in a corpus folder that document it rather than record a debate (ParlaMint ships
# 00README.txt; data folders have README.md, SOURCE.md, LICENSE.txt, ...).
_DOCUMENTATION = re.compile(
    r"(00)?(readme|source|sources|licen[cs]e|copying|changelog|changes|contributing|notice)\b",
    re.IGNORECASE,
)


@attrs.frozen
class Source:
    """One transcript of a corpus, not yet read: a file and the format to read it with.

    Attributes:
        path: The file.
        name: The transcript's name in the corpus (unique; the ``transcript`` column).
        format: The format, or ``None`` to choose it from the suffix.
        options: Keyword options for the format's reader, as pairs (for a ParlaMint
            session: ``("lists", (root,))``, the corpus root that holds its speakers).
    """

    path: str
    name: str
    format: str | None = None
    options: tuple[tuple[str, Any], ...] = ()

    def read(self) -> Transcript:
        """Read the transcript."""
        return read(self.path, format=self.format, **dict(self.options))


@attrs.frozen
class Filter:
    """Keep the transcripts that match every criterion given (``None`` matches anything).

    Picklable, so that worker processes can apply it.

    Attributes:
        date_from: The event's date is on or after this day.
        date_to: The event's date is on or before this day.
        speaker: A speaker's id, name or alias equals this (case-insensitive).
        party: A speaker's affiliation, or an affiliation's name or ``ref``, equals this
            (case-insensitive).
        kind: The event's kind equals this (case-insensitive).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    speaker: str | None = None
    party: str | None = None
    kind: str | None = None

    def __call__(self, transcript: Transcript) -> bool:
        event = transcript.event
        day = event.date or event.published
        if self.date_from is not None and (day is None or day < self.date_from):
            return False
        if self.date_to is not None and (day is None or day > self.date_to):
            return False
        if self.kind is not None and (event.kind or "").casefold() != self.kind.casefold():
            return False
        if self.speaker is not None:
            wanted = self.speaker.casefold()
            if not any(
                wanted in {s.id.casefold(), s.name.casefold(), *(a.casefold() for a in s.aliases)}
                for s in transcript.speakers
            ):
                return False
        if self.party is not None:
            wanted = self.party.casefold().lstrip("#")
            if not any(wanted in _party_keys(s) for s in transcript.speakers):
                return False
        return True


def _party_keys(speaker: Speaker) -> set[str]:
    """What ``filter(party=...)`` matches for a speaker, case-folded: the affiliation,
    each affiliation's name and ``ref`` (with or without its ``#``), and the ref's
    local part after its type, which ParlaMint builds from the abbreviation
    (``#party.PPdeG`` -> ``PPdeG``, its ``orgName full="abb"``)."""
    keys = {speaker.affiliation.casefold()} if speaker.affiliation else set()
    for a in speaker.affiliations:
        keys.add(a.name.casefold())
        if a.ref:
            ref = a.ref.casefold().lstrip("#")
            keys.add(ref)
            if "." in ref:
                keys.add(ref.partition(".")[2])
    return keys


@attrs.frozen
class _Found:
    path: Path
    options: tuple[tuple[str, Any], ...] = ()
    format: str | None = None  # a root's sessions are TEI whatever their suffix


def _is_tei(path: Path, format_: str | None) -> bool:
    return (format_for(path, format_) if format_ or readable(path.name) else None) == "tei"


_MISSING = "xi:include target not found: "
_SHOWN = 3  # missing sessions named in the summary


def _sessions(path: Path, strict: bool, allow_outside: bool) -> tuple[str, ...]:
    """:func:`tei.sessions`, with the root's missing sessions summarised: ONE warning
    (lenient) or ONE error (strict) giving their count and the first few names, and the
    option that reads the rest (a ParlaMint sample ships a few of hundreds of sessions)."""
    from . import tei
    from .errors import ParseWarning, _report

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ParseWarning)
        members = tei.sessions(path, strict=False, allow_outside=allow_outside)
    missing: list[ParseWarning] = []
    for note in caught:
        message = note.message
        if isinstance(message, ParseWarning) and message.msg.startswith(_MISSING):
            missing.append(message)
        elif isinstance(message, ParseWarning):
            _report(message, strict=strict)
        else:  # pragma: no cover - only ParseWarnings are recorded
            warnings.warn(message, stacklevel=2)
    if missing:
        names = [m.msg.removeprefix(_MISSING) for m in missing]
        shown = ", ".join(names[:_SHOWN]) + (", ..." if len(names) > _SHOWN else "")
        total = len(names) + len(members)
        msg = f"{len(names)} of the {total} sessions it includes are missing ({shown})"
        exist = f"the {len(members)} that exist{'s' if len(members) == 1 else ''}"
        if strict:
            msg += f"; to read {exist}, use --lenient (strict=False)"
        else:
            msg += f"; reading {exist}"
        first = missing[0]
        _report(ParseWarning(msg, source=first.source, lineno=first.lineno), strict=strict)
    return members


def _check_xml(path: Path) -> None:
    """Say plainly why a named ``.xml`` file holds nothing: it is empty, or not XML."""
    with path.open("rb") as fp:
        check_not_empty(fp, str(path))
        head = fp.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"<"):
        raise ParseError(
            "not XML: an XML document starts with '<'", source=str(path), lineno=1, colno=1
        )


def _expand(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    format_: str | None,
    strict: bool,
    allow_outside: bool = False,
) -> list[_Found]:
    """Every transcript file the paths name.

    In a folder, files that document it (``README``, ``00README``, ``SOURCE``,
    ``LICENSE``, ``CHANGELOG``, ... with any suffix) are not transcripts and are skipped;
    name one explicitly to read it anyway. XML files are looked at for what they hold:
    a ParlaMint corpus root (``teiCorpus``) stands for its sessions, each read with the
    root for its speakers; a session a root in the same search already includes is not
    listed twice; other XML (a listPerson, a taxonomy) is not a transcript and is
    skipped in folders and patterns. In a folder or pattern, ``X.ana.xml`` is skipped
    where ``X.xml`` is there too (ParlaMint ships both: the same sessions, with and
    without linguistic annotation).
    """

    items = [paths] if isinstance(paths, (str, os.PathLike)) else _path_list(paths)
    found: list[_Found] = []
    for item in items:
        text = os.fspath(item)
        files, named = _files_named(text, allow_outside)
        found.extend(_found_in(files, named, text, format_, strict, allow_outside))
    return found


def _files_named(text: str, allow_outside: bool) -> tuple[list[Path], bool]:
    """The files one path, folder or pattern names, and whether it named one file
    (then it is read whatever it is called)."""
    if _GLOB_CHARS & set(text) and not Path(text).exists():
        files = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
        if not files:
            raise DebatekitError(f"{text}: no file matches this pattern")
        files = [p for p in files if p.is_file()]
    elif Path(text).is_dir():
        files = sorted(
            p
            for p in Path(text).rglob("*")
            if p.is_file()
            and readable(p.name)
            and not p.name.startswith(".")
            and not _DOCUMENTATION.match(p.name)
        )
        if not allow_outside:
            _refuse_outside(files, Path(text))
    elif Path(text).is_file():
        return [Path(text)], True
    else:
        raise DebatekitError(f"{text}: no such file or folder")
    names = {p.name for p in files}
    files = [
        p for p in files if not (p.name.endswith(".ana.xml") and p.name[:-8] + ".xml" in names)
    ]
    return files, False


def _found_in(
    files: list[Path],
    named: bool,
    text: str,
    format_: str | None,
    strict: bool,
    allow_outside: bool,
) -> list[_Found]:
    """The transcripts among ``files``: corpus roots stand for their sessions, and a
    session a root includes is not listed twice."""
    claimed: set[Path] = set()
    roots: list[tuple[Path, tuple[str, ...]]] = []
    plain: list[Path] = []
    for path in files:
        if not _is_tei(path, format_):
            plain.append(path)
            continue
        members = _sessions(path, strict, allow_outside)
        if members == (str(path),):
            plain.append(path)
        elif members:
            roots.append((path, members))
            claimed.update(Path(m).resolve() for m in members)
        elif named:
            _check_xml(path)
            raise DebatekitError(
                f"{text}: no transcript here: neither a TEI document nor a corpus "
                "root with sessions that exist"
            )
    tei_options: tuple[tuple[str, Any], ...] = (("strict", strict),)
    if allow_outside:
        tei_options += (("allow_outside", True),)
    found: list[_Found] = []
    for path in plain:
        if _is_tei(path, format_):
            if path.resolve() not in claimed:
                found.append(_Found(path, tei_options))
        else:
            found.append(_Found(path))
    for root, members in roots:
        options = (("lists", (str(root),)), *tei_options)
        found.extend(_Found(Path(m), options, "tei") for m in members)
    return found


def _path_list(paths: object) -> list[str | os.PathLike[str]]:
    """Several paths, checked: wrong API use is a TypeError that says what was meant."""
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise TypeError(
            "expected a path, a pattern, or several (a list), got " + type(paths).__name__
        )
    items = list(paths)
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"expected a path or a pattern, got {type(item).__name__}")
    return items


def _refuse_outside(files: list[Path], folder: Path) -> None:
    """Refuse a file of a folder that is a symbolic link to a file outside it."""
    top = os.path.realpath(folder)
    for path in files:
        real = os.path.realpath(path)
        if os.path.commonpath([real, top]) != top:
            raise DebatekitError(
                f"{path}: a link to a file outside the folder {folder}, refused "
                "(allow it with allow_outside=True, or --allow-outside-root on the "
                "command line)"
            )


def _names(paths: Sequence[Path]) -> list[str]:
    """Short unique names, always relative: the file stem; where stems clash, the path from
    the files' common folder without its suffix; where those clash too (``a.xml`` beside
    ``a.txt``), with it; a file listed twice gets ``#2``, ``#3``."""
    stems = [p.name.split(".")[0] or p.stem for p in paths]
    if len(set(stems)) == len(stems):
        return stems
    resolved = [p.resolve() for p in paths]
    common = Path(os.path.commonpath([str(p.parent) for p in resolved]))
    names = [p.relative_to(common).with_suffix("").as_posix() for p in resolved]
    if len(set(names)) != len(names):
        names = [p.relative_to(common).as_posix() for p in resolved]
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return unique


def open(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    /,
    *,
    format: str | None = None,
    engine: Engine = None,
    workers: int | None = None,
    strict: bool = False,
    allow_outside: bool = False,
) -> Corpus:
    """Open files, folders (searched recursively) or glob patterns as a lazy corpus.

    A ParlaMint corpus root stands for its sessions (see :func:`debatekit.tei.sessions`),
    each read with the root's speakers and organisations.

    Args:
        paths: One path or pattern, or several.
        format: Read every file as this format instead of choosing by suffix.
        strict: ``False`` (the default, as for every reader) warns with a
            :class:`~debatekit.ParseWarning` and goes on where it can (a corpus root's
            missing sessions: one warning per root); ``True`` makes each such problem a
            :class:`~debatekit.ParseError`. See docs/errors.md.
        engine: Where exports run (see the module documentation).
        workers: The number of worker processes for ``engine="processes"`` or ``"dask"``
            (default: one per core).
        allow_outside: Read files outside a folder's tree or a corpus root's folder
            too: a symbolic link in a folder to a file elsewhere, a root's
            ``xi:include`` of ``../other/s.xml``. By default a corpus is the tree of
            its folder (or its root's folder), symbolic links resolved, and such a
            file is refused, never opened.

    Raises:
        DebatekitError: A path does not exist or a pattern matches nothing, or (unless
            ``allow_outside``) a file is outside the corpus folder.
    """
    found = _expand(paths, format, strict, allow_outside)
    names = _names([f.path for f in found])
    sources = tuple(
        Source(path=str(f.path), name=n, format=f.format or format, options=f.options)
        for f, n in zip(found, names, strict=True)
    )
    return Corpus(sources=sources, engine=engine, workers=workers)


def _source_of(item: Source | tuple[int, Source]) -> Source:
    """The source of a task's item (a source, or a numbered one)."""
    return item[1] if isinstance(item, tuple) else item


def _read_matching(
    source: Source, filters: tuple[Callable[[Transcript], bool], ...]
) -> Transcript | None:
    transcript = source.read()
    return transcript if all(f(transcript) for f in filters) else None


@attrs.frozen
class _RowsTask:
    """Read one source and return its table rows (or None if a filter drops it)."""

    filters: tuple[Callable[[Transcript], bool], ...]

    def __call__(self, source: Source) -> dict[str, list[dict[str, Any]]] | None:
        transcript = _read_matching(source, self.filters)
        return None if transcript is None else _tables.rows(source.name, transcript)


@attrs.frozen
class _PartTask:
    """Read one source and write its rows as one Parquet part per table."""

    filters: tuple[Callable[[Transcript], bool], ...]
    folder: str

    def __call__(self, indexed: tuple[int, Source]) -> int:
        index, source = indexed
        result = _RowsTask(self.filters)(source)
        if result is None:
            return 0
        for table in _tables.TABLES:
            target = Path(self.folder, table, f"part-{index:06d}.parquet")
            _write_parquet(result[table], table, target)
        return 1


@attrs.frozen
class _ConvertTask:
    """Read one source and write it in another format."""

    filters: tuple[Callable[[Transcript], bool], ...]
    folder: str
    to: str

    def __call__(self, source: Source) -> str | None:
        transcript = _read_matching(source, self.filters)
        if transcript is None:
            return None
        folder = Path(self.folder).resolve()
        target = (folder / (source.name + suffix_for(self.to))).resolve()
        if folder not in target.parents:  # a name is always relative; make sure of it
            raise DebatekitError(f"{source.name}: would be written outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        write(transcript, target, format=self.to)
        return str(target)


def _arrow_type(name: str) -> pyarrow.DataType:
    import pyarrow as pa

    types: dict[str, pyarrow.DataType] = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list<string>": pa.list_(pa.string()),
    }
    return types[name]


def _arrow_schema(table: str) -> pyarrow.Schema:
    import pyarrow as pa

    return pa.schema([(c, _arrow_type(t)) for c, t in _tables.COLUMNS[table].items()])


def _arrow_table(rows: list[dict[str, Any]], table: str) -> pyarrow.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=_arrow_schema(table))


def _write_parquet(rows: list[dict[str, Any]], table: str, target: Path) -> None:
    import io

    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(_arrow_table(rows, table), buffer)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buffer.getvalue())


def _need(module: str, extra: str) -> None:
    import_optional(module, extra)


@attrs.frozen
class Corpus:
    """A lazy collection of transcripts; see :func:`open`.

    Iterating reads one transcript at a time. :meth:`filter` returns a new corpus;
    nothing is read until you iterate, count or export.
    """

    sources: tuple[Source, ...]
    filters: tuple[Callable[[Transcript], bool], ...] = ()
    engine: Engine = None
    workers: int | None = None

    # -- reading ---------------------------------------------------------------------

    def items(self) -> Iterator[tuple[str, Transcript]]:
        """Each transcript that passes the filters, with its name, in order."""
        for source in self.sources:
            transcript = _read_matching(source, self.filters)
            if transcript is not None:
                yield source.name, transcript

    def __iter__(self) -> Iterator[Transcript]:
        return (transcript for _, transcript in self.items())

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        """How many transcripts pass the filters (reads them only if there are filters)."""
        if not self.filters:
            return len(self.sources)
        return sum(1 for _ in self.items())

    def names(self) -> tuple[str, ...]:
        """The names of the sources (before filtering)."""
        return tuple(source.name for source in self.sources)

    def filter(
        self,
        where: Callable[[Transcript], bool] | None = None,
        /,
        *,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        speaker: str | None = None,
        party: str | None = None,
        kind: str | None = None,
    ) -> Corpus:
        """A corpus of the transcripts that match (see :class:`Filter`) and ``where``.

        ``where`` must be picklable (a module-level function, not a lambda) for the
        ``"processes"`` engine; Dask pickles lambdas too.
        """
        new: list[Callable[[Transcript], bool]] = []
        criteria = Filter(
            date_from=date_from, date_to=date_to, speaker=speaker, party=party, kind=kind
        )
        if criteria != Filter():
            new.append(criteria)
        if where is not None:
            new.append(where)
        return attrs.evolve(self, filters=self.filters + tuple(new))

    def with_engine(self, engine: Engine, *, workers: int | None = None) -> Corpus:
        """The same corpus, with exports run on another engine."""
        return attrs.evolve(self, engine=engine, workers=workers)

    # -- running on the engine -------------------------------------------------------

    def _map(self, task: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        engine = self.engine
        if engine is None or len(items) <= 1:
            return [task(item) for item in items]
        # (The engines are imported when used: reading a corpus needs neither.)
        if engine == "processes":
            from ._workers import worker_pool

            with worker_pool(self.workers) as pool:
                return list(pool.map(task, items))
        from . import _dask

        sizes = [_dask.file_size(_source_of(item).path) for item in items]
        if engine == "dask":
            with _dask.local(self.workers) as local:
                return list(_dask.run(local, task, items, sizes))
        if _dask.is_client(engine):
            return list(_dask.run(engine, task, items, sizes))
        raise DebatekitError(
            f"unknown engine {engine!r}: expected None, 'processes', 'dask' or a Dask client"
        )

    def _rows(self) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in _tables.TABLES}
        for result in self._map(_RowsTask(self.filters), self.sources):
            if result is not None:
                for table in _tables.TABLES:
                    tables[table].extend(result[table])
        return tables

    # -- exports ---------------------------------------------------------------------

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table as a list of row dicts: see ``docs/corpus.md`` for the columns."""
        return self._rows()

    def to_arrow(self) -> dict[str, pyarrow.Table]:
        """Every table as a ``pyarrow.Table`` with a fixed schema (extra ``arrow``)."""
        _need("pyarrow", "arrow")
        return {name: _arrow_table(rows, name) for name, rows in self._rows().items()}

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """Every table as a pandas DataFrame, in a dict keyed by table name, in the
        order of :data:`TABLES` (``corpus.to_pandas()["turns"]``); extra ``pandas``.

        Columns have the types of :meth:`to_arrow`'s schema; date columns are
        ``datetime64`` (a missing date is ``NaT``).
        """
        _need("pandas", "pandas")
        _need("pyarrow", "pandas")
        return {
            name: table.to_pandas(date_as_object=False) for name, table in self.to_arrow().items()
        }

    def to_parquet(
        self, folder: str | os.PathLike[str], /, *, partitioned: bool | None = None
    ) -> dict[str, Path]:
        """Write one Parquet table per kind into ``folder`` (extra ``arrow``).

        Args:
            folder: Created if missing.
            partitioned: ``False`` writes ``folder/turns.parquet`` and so on; ``True``
                writes a folder per table with one part per source file
                (``folder/turns/part-000000.parquet``), written by the workers
                themselves, which is what scales on a cluster. The default is
                ``True`` on Dask and ``False`` otherwise. Both read back as the same
                rows, in the same order (``pyarrow.parquet.read_table(folder/"turns")``).

        Returns:
            Each table's name and the path written.
        """
        _need("pyarrow", "arrow")
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        if partitioned is None:
            partitioned = self.engine not in (None, "processes")
        if partitioned:
            for table in _tables.TABLES:
                (out / table).mkdir(exist_ok=True)
                for stale in (out / table).glob("part-*.parquet"):
                    stale.unlink()
            self._map(_PartTask(self.filters, str(out)), list(enumerate(self.sources)))
            for table in _tables.TABLES:  # an empty corpus still gets an (empty) part
                if not any((out / table).glob("part-*.parquet")):
                    _write_parquet([], table, out / table / "part-000000.parquet")
            return {table: out / table for table in _tables.TABLES}
        paths: dict[str, Path] = {}
        for table, rows in self._rows().items():
            paths[table] = out / f"{table}.parquet"
            _write_parquet(rows, table, paths[table])
        return paths

    def to_convokit(self, folder: str | os.PathLike[str], /, *, name: str | None = None) -> Path:
        """Write the corpus in ConvoKit's corpus folder format; see ``docs/corpus.md``.

        One conversation per transcript, one utterance per turn, every speaker once.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        files = _convokit.files(self.items(), name=name or out.name)
        for filename, text in files.items():
            atomic_write(out / filename, text.encode("utf-8"))
        return out

    def convert(self, folder: str | os.PathLike[str], /, *, to: str) -> list[Path]:
        """Write every transcript into ``folder`` in format ``to`` (on the engine).

        Returns:
            The files written, in corpus order.
        """
        Path(folder).mkdir(parents=True, exist_ok=True)
        results = self._map(_ConvertTask(self.filters, os.fspath(folder), to), self.sources)
        return [Path(r) for r in results if r is not None]

    def summary(self) -> dict[str, int]:
        """Counts over the corpus: transcripts, speakers (distinct ids), turns, words, ..."""
        totals = {"transcripts": 0, "turns": 0, "words": 0, "claims": 0, "relations": 0}
        speakers: set[str] = set()
        for transcript in self:
            totals["transcripts"] += 1
            totals["turns"] += len(transcript.turns)
            totals["words"] += sum(s.words for s in transcript.speaker_stats())
            totals["claims"] += len(transcript.claims)
            totals["relations"] += len(transcript.relations)
            speakers.update(s.id for s in transcript.speakers)
        return {**totals, "speakers": len(speakers)}
