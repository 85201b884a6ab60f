"""ParlaMint's published exports of further countries (tests/data/parlamint-samples): the
``.txt`` byte for byte, and the ``-meta.tsv`` columns a session file alone determines.

Each folder holds one official sample session of a country, as ParlaMint published it,
with the ``.txt`` (and where copied, the ``-meta.tsv``) made from it; see SOURCE.md there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import debatekit
from debatekit import parlamint, tei

SAMPLES = Path(__file__).parent / "data" / "parlamint-samples"
SESSIONS = sorted(SAMPLES.glob("*/ParlaMint-*.xml"))
WITH_META = [s for s in SESSIONS if s.with_name(f"{s.stem}-meta.tsv").is_file()]

# The columns a session file gives by itself (the others need the corpus root's lists and
# taxonomies, which these samples do not copy).
SESSION_COLUMNS = (
    "Text_ID",
    "ID",
    "Title",
    "Date",
    "Term",
    "Session",
    "Meeting",
    "Sitting",
    "Agenda",
    "Speaker_ID",
)


def _table(text: str) -> tuple[list[str], list[dict[str, str]]]:
    lines = text.splitlines()
    header = lines[0].split("\t")
    return header, [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_the_samples_are_there() -> None:
    """Seven countries, four scripts: Croatian, Czech, Catalan/Spanish (Latin), Greek, Hebrew,
    Ukrainian and Bulgarian (Cyrillic)."""
    assert {s.parent.name for s in SESSIONS} >= {"BG", "CZ", "ES-CT", "GR", "HR", "IL", "UA"}
    assert len(WITH_META) >= 4


@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: p.parent.name)
def test_text_equals_published_export(session: Path) -> None:
    published = session.with_suffix(".txt").read_bytes()
    assert parlamint.text(debatekit.read(session, strict=False)).encode("utf-8") == published


@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: p.parent.name)
def test_cli_writes_the_published_text(session: Path, tmp_path: Path) -> None:
    written = parlamint.export(session, tmp_path)
    assert written[0].read_bytes() == session.with_suffix(".txt").read_bytes()


@pytest.mark.parametrize("session", WITH_META, ids=lambda p: p.parent.name)
def test_session_columns_equal_published_meta(session: Path) -> None:
    header, published = _table(session.with_name(f"{session.stem}-meta.tsv").read_text("utf-8"))
    # ParlaMint 5.0 adds Topic as the last column; the 4.x exports stop before it.
    assert tuple(header) == parlamint.COLUMNS[: len(header)]
    ours = parlamint.meta_rows(debatekit.read(session, strict=False))
    assert [r["ID"] for r in ours] == [r["ID"] for r in published]
    for mine, theirs in zip(ours, published, strict=True):
        assert {c: mine[c] for c in SESSION_COLUMNS} == {c: theirs[c] for c in SESSION_COLUMNS}


WITH_TAXONOMIES = [s for s in WITH_META if (s.parent / "corpus").is_dir()]
# and those the corpus taxonomies and langUsage give (copied for these samples)
TAXONOMY_COLUMNS = ("Body", "Subcorpus", "Lang", "Speaker_role")


@pytest.mark.parametrize("session", WITH_TAXONOMIES, ids=lambda p: p.parent.name)
def test_taxonomy_columns_equal_published_meta(session: Path) -> None:
    """Body, Subcorpus, Lang and Speaker_role: the taxonomies' terms and the langUsage's
    names in the session's language, as ParlaMint localises them."""
    _, published = _table(session.with_name(f"{session.stem}-meta.tsv").read_text("utf-8"))
    lists = sorted((session.parent / "corpus").glob("*.xml"))
    ours = parlamint.meta_rows(tei.loads(session.read_bytes(), lists=lists, strict=False))
    columns = SESSION_COLUMNS + TAXONOMY_COLUMNS
    for mine, theirs in zip(ours, published, strict=True):
        assert {c: mine[c] for c in columns} == {c: theirs[c] for c in columns}


def test_title_is_the_subtitle_in_the_session_language() -> None:
    """ParlaMint's Title: the subtitle in the session's language, not the English one."""
    (session,) = [s for s in WITH_META if s.parent.name == "IL"]
    rows = parlamint.meta_rows(debatekit.read(session, strict=False))
    assert {r["Title"] for r in rows} == {
        "17_ptv_135742.doc: ועדת החוקה, חוק ומשפט, 2008-03-03 12:00"
    }
    # no topic is named by these utterances: "-", as published
    assert {r["Topic"] for r in rows} == {"-"}


def test_an_ana_session_is_named_after_the_session(tmp_path: Path) -> None:
    """ParlaMint names the exports of X.ana.xml X.txt and X-meta.tsv."""
    ana = SAMPLES.parent / "parlamint-ana" / "ParlaMint-SI"
    (session,) = ana.glob("*.ana.xml")
    with pytest.warns(debatekit.LossWarning):
        written = parlamint.export(session, tmp_path)
    stem = session.name.removesuffix(".ana.xml")
    assert [p.name for p in written] == [f"{stem}.txt", f"{stem}-meta.tsv"]
