"""Compare debatekit's ParlaMint exports with ParlaMint's published files in the tests' data.

Usage::

    PYTHONPATH=src python tools/parlamint_compare.py

For each sample session of ``tests/data/parlamint-samples`` it prints whether the ``.txt``
is byte-identical, whether the ``-meta.tsv`` header is ParlaMint's, and which columns
that the session file (and, where copied, the corpus taxonomies) determine differ from
the published rows; then how many lines of the SI CoNLL-U differ from the published file.
Run it with another checkout's ``src`` on ``PYTHONPATH`` to measure that version.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import debatekit
from debatekit import conllu, parlamint, tei

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SESSION_COLUMNS = ("Text_ID", "ID", "Title", "Date", "Term", "Session", "Meeting", "Sitting")
SESSION_COLUMNS += ("Agenda", "Speaker_ID")
TAXONOMY_COLUMNS = ("Body", "Subcorpus", "Lang", "Speaker_role")


def _table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    lines = path.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    return header, [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def _session(xml: Path) -> str:
    corpus = sorted((xml.parent / "corpus").glob("*.xml"))
    transcript = (
        tei.loads(xml.read_bytes(), lists=corpus, strict=False)
        if corpus
        else debatekit.read(xml, strict=False)
    )
    same = parlamint.text(transcript).encode("utf-8") == xml.with_suffix(".txt").read_bytes()
    report = f"{xml.parent.name}: txt {'identical' if same else 'DIFFERS'}"
    meta = xml.with_name(f"{xml.stem}-meta.tsv")
    if meta.is_file():
        header, published = _table(meta)
        columns = SESSION_COLUMNS + (TAXONOMY_COLUMNS if corpus else ())
        rows = parlamint.meta_rows(transcript)
        bad = sorted(
            {c for a, b in zip(rows, published, strict=False) for c in columns if a.get(c) != b[c]}
        )
        good = tuple(header) == tuple(parlamint.COLUMNS)[: len(header)]
        report += f"; header {'as published' if good else 'DIFFERS'}"
        report += f"; of {len(columns)} columns compared, differing: {bad or 'none'}"
    return report


def _conllu() -> str:
    ana = DATA / "parlamint-ana" / "ParlaMint-SI"
    si = DATA / "conllu-sentiment" / "ParlaMint-SI"
    (session,) = ana.glob("*.ana.xml")
    taxonomy = si / "ParlaMint-taxonomy-sentiment.ana.xml"
    ours = conllu.dumps(tei.loads(session.read_bytes(), lists=[taxonomy])).splitlines()
    (published_file,) = si.glob("*.conllu")
    published = published_file.read_text("utf-8").splitlines()
    differ = sum(a != b for a, b in zip(ours, published, strict=False)) + abs(
        len(ours) - len(published)
    )
    return f"SI conllu: {differ} of {len(published)} lines differ"


def main() -> None:
    warnings.simplefilter("ignore")
    for xml in sorted((DATA / "parlamint-samples").glob("*/ParlaMint-*.xml")):
        print(_session(xml))
    print(_conllu())


if __name__ == "__main__":
    main()
