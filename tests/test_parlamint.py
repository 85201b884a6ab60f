"""ParlaMint's per-session exports (.txt and -meta.tsv) against ParlaMint's published files."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import debatekit
from debatekit import parlamint, tei
from debatekit._tables import rows

PM = Path(__file__).parent / "data" / "parlamint"
PV = PM / "ParlaMint-ES-PV"
PV_SESSION = PV / "2019" / "ParlaMint-ES-PV_2019-12-20.xml"
PV_META = PV / "2019" / "ParlaMint-ES-PV_2019-12-20-meta.tsv"
GA_SESSION = PM / "ParlaMint-ES-GA" / "ParlaMint-ES-GA_2019-10-08-DSPG130.xml"

# The columns whose published value needs a file the test data lack (SOURCE.md, section 4):
# Party_orientation needs a listOrg with the parties' orientation (the copied listOrg
# version has none); Topic needs the 5.0 session, whose utterances point at CAP topics
# (the copied session is 4.0).
PV_NOT_COMPARABLE = {"Party_orientation", "Topic"}


def _table(text: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_columns_are_the_published_header() -> None:
    header = PV_META.read_text("utf-8").splitlines()[0]
    assert tuple(header.split("\t")) == parlamint.COLUMNS


def test_meta_tsv_equals_published_export() -> None:
    """Every row and every comparable column equals ParlaMint's published -meta.tsv."""
    ours = _table(parlamint.meta_tsv(debatekit.read(PV_SESSION)))
    theirs = _table(PV_META.read_text("utf-8"))
    assert [r["ID"] for r in ours] == [r["ID"] for r in theirs]
    for mine, published in zip(ours, theirs, strict=True):
        for column in parlamint.COLUMNS:
            if column not in PV_NOT_COMPARABLE:
                assert mine[column] == published[column], column
        # Without those files the values are missing, never guessed.
        assert mine["Party_orientation"] == mine["Topic"] == "-"


def test_meta_tsv_bytes_apart_from_orientation_and_topic() -> None:
    """Byte for byte, once Party_orientation and Topic are set to the published values."""
    published = PV_META.read_bytes()
    table = _table(published.decode("utf-8"))
    assert {r["Party_orientation"] for r in table} == {"Centre"}
    ours = parlamint.meta_tsv(debatekit.read(PV_SESSION)).splitlines(keepends=True)
    orientation = parlamint.COLUMNS.index("Party_orientation")
    fixed = [ours[0]]
    for line, row in zip(ours[1:], table, strict=True):
        cells = line.rstrip("\n").split("\t")
        assert cells[orientation] == cells[-1] == "-"
        cells[orientation], cells[-1] = "Centre", row["Topic"]
        fixed.append("\t".join(cells) + "\n")
    assert "".join(fixed).encode("utf-8") == published


GA = PM / "ParlaMint-ES-GA"
GA4 = PM / "ParlaMint-ES-GA-4"
GA_META = GA4 / "ParlaMint-ES-GA_2019-10-08-DSPG130-meta.tsv"
GA_LISTS = [
    GA / "ParlaMint-ES-GA-listPerson.xml",
    GA4 / "ParlaMint-ES-GA-listOrg.xml",
    GA4 / "ParlaMint-taxonomy-politicalOrientation.xml",
    GA4 / "ParlaMint-taxonomy-speaker_types.xml",
    GA / "ParlaMint-taxonomy-parla.legislature.xml",
    GA / "ParlaMint-taxonomy-subcorpus.xml",
]


def test_galician_meta_tsv_equals_published_export() -> None:
    """ES-GA, in Galician, with party orientation and coalition status: every column but
    Lang equals the published file; Lang needs the corpus root's langUsage (not copied),
    so the language's name is missing ("-")."""
    transcript = tei.loads(GA_SESSION.read_bytes(), lists=GA_LISTS)
    # ParlaMint 4 had no Topic column (the last of 5.0).
    ours = [line.rsplit("\t", 1)[0] for line in parlamint.meta_tsv(transcript).splitlines()]
    published = GA_META.read_text("utf-8").splitlines()
    assert ours[0] == published[0]
    lang = parlamint.COLUMNS.index("Lang")
    assert len(ours) == len(published) == 5
    for mine, theirs in zip(ours[1:], published[1:], strict=True):
        # The published rows end in one empty field more than the header names.
        cells = theirs.split("\t")
        assert cells[-1] == ""
        assert len(cells) == len(parlamint.COLUMNS)  # 23 columns and the empty field
        assert cells[lang] == "galego"
        cells[lang] = "-"
        assert mine == "\t".join(cells[:-1])


@pytest.mark.parametrize("session", [PV_SESSION, GA_SESSION], ids=["ES-PV", "ES-GA"])
def test_text_equals_published_export(session: Path) -> None:
    published = session.with_suffix(".txt").read_bytes()
    assert parlamint.text(debatekit.read(session)).encode("utf-8") == published


def test_speaker_facts_at_the_sitting_date() -> None:
    """A minister at the date is Minister; the chair's party and status come from listOrg."""
    rows = parlamint.meta_rows(debatekit.read(GA_SESSION))
    by_id = {r["ID"].rsplit(".", 1)[1]: r for r in rows}
    assert by_id["u461"]["Speaker_minister"] == "Minister"
    assert by_id["u1"]["Speaker_minister"] == "notMinister"
    assert {r["Speaker_party"] for r in rows} == {"PPdeG"}
    # Galician terms from the taxonomies, in the session's language.
    assert by_id["u1"]["Speaker_role"] == "Presidente/a"
    assert by_id["u1"]["Body"] == "Unicameralismo"
    assert by_id["u1"]["Title"] == "Diario de Sesións do Parlamento de Galicia"


def test_status_follows_the_relation_in_force() -> None:
    """The same speaker is Coalition in 2019 and has no status before the relations start."""
    transcript = debatekit.read(PV_SESSION)
    assert {r["Party_status"] for r in parlamint.meta_rows(transcript)} == {"Coalition"}
    early = attrs.evolve(transcript, event=attrs.evolve(transcript.event, date=dt.date(2010, 1, 1)))
    rows = parlamint.meta_rows(early)
    assert {r["Party_status"] for r in rows} == {"-"}
    assert {r["Speaker_MP"] for r in rows} == {"notMP"}  # member of ES-PV from 2012 only


def test_export_writes_both_files(tmp_path: Path) -> None:
    written = parlamint.export(PV_SESSION, tmp_path)
    assert [p.name for p in written] == [
        "ParlaMint-ES-PV_2019-12-20.txt",
        "ParlaMint-ES-PV_2019-12-20-meta.tsv",
    ]
    assert written[0].read_bytes() == PV_SESSION.with_suffix(".txt").read_bytes()
    assert written[1].read_text("utf-8") == parlamint.meta_tsv(debatekit.read(PV_SESSION))


def test_cli_converts_a_session(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "debatekit",
            "convert",
            str(PV_SESSION),
            "--to",
            "parlamint",
            "-o",
            f"{out}/",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    txt = out / "ParlaMint-ES-PV_2019-12-20.txt"
    assert txt.read_bytes() == PV_SESSION.with_suffix(".txt").read_bytes()
    meta = out / "ParlaMint-ES-PV_2019-12-20-meta.tsv"
    assert meta.read_text("utf-8") == parlamint.meta_tsv(debatekit.read(PV_SESSION))


def test_corpus_turns_table_carries_the_metadata() -> None:
    """The turns table's ParlaMint columns are the -meta.tsv values; '-' is null."""
    turns = debatekit.corpus.open(PV_SESSION).tables()["turns"]
    published = _table(PV_META.read_text("utf-8"))
    assert [t["turn_id"] for t in turns] == [r["ID"] for r in published]
    for turn, row in zip(turns, published, strict=True):
        assert (turn["term"], turn["session"], turn["sitting"]) == (
            row["Term"],
            row["Session"],
            row["Sitting"],
        )
        assert turn["meeting"] is None
        assert row["Meeting"] == "-"
        assert turn["speaker_type"] == row["Speaker_role"]
        assert turn["speaker_mp"] is (row["Speaker_MP"] == "MP")
        assert turn["speaker_minister"] is (row["Speaker_minister"] == "Minister")
        assert (turn["party"], turn["party_name"], turn["party_status"]) == (
            row["Speaker_party"],
            row["Speaker_party_name"],
            row["Party_status"],
        )
        assert turn["speaker_sort_name"] == row["Speaker_name"]
        assert turn["speaker_birth"] == int(row["Speaker_birth"])
        assert turn["language"] == row["Lang"]


def test_other_transcripts_have_null_parlamint_columns() -> None:
    transcript = debatekit.loads("MODERATOR: Welcome.\n\nSMITH: Thank you.\n", format="text")
    turns = rows("text", transcript)["turns"]
    assert len(turns) == 2
    for turn in turns:
        assert all(turn[c] is None for c in ("body", "party", "speaker_mp", "speaker_birth"))
    meta = parlamint.meta_rows(transcript)
    assert [r["Speaker_party"] for r in meta] == ["-", "-"]


def test_cli_converts_a_corpus_root_keeping_its_layout(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "debatekit",
            "convert",
            str(PV / "ParlaMint-ES-PV.xml"),
            "--to",
            "parlamint",
            "--lenient",
            "-o",
            f"{tmp_path}/",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 of the 3 sessions" in done.stderr  # two sessions are not in the sample
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert written == [
        "2019",
        "2019/ParlaMint-ES-PV_2019-12-20-meta.tsv",
        "2019/ParlaMint-ES-PV_2019-12-20.txt",
    ]
    assert (tmp_path / written[2]).read_bytes() == PV_SESSION.with_suffix(".txt").read_bytes()


def test_cli_refuses_parlamint_to_read() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "debatekit",
            "convert",
            str(PV_META),
            "--from",
            "parlamint",
            "--to",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "cannot read it" in done.stderr


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


def _partial(day: dt.date, precision: int) -> str:
    """The ISO date at a precision: 4 (year), 7 (month) or 10 (day)."""
    return day.isoformat()[:precision]


@given(
    sitting=_DAYS,
    start=st.none() | _DAYS,
    end=st.none() | _DAYS,
    precision=st.sampled_from([4, 7, 10]),
)
def test_membership_at_the_sitting_date(
    sitting: dt.date, start: dt.date | None, end: dt.date | None, precision: int
) -> None:
    """A membership holds when the sitting's date falls in its period; a partial date
    stands for its first day, as ParlaMint compares them ("2019" is 2019-01-01)."""
    first = _partial(start, precision) if start else None
    last = _partial(end, precision) if end else None
    speaker = debatekit.Speaker(
        id="s",
        name="Ana Pérez",
        affiliations=[
            debatekit.Affiliation(name="P", role="member", ref="#P", start=first, end=last),
            debatekit.Affiliation(name="Q", role="member", ref="#Q", start=first, end=last),
        ],
        meta={"surname": "Pérez", "forename": "Ana"},
    )
    transcript = debatekit.Transcript(
        event=debatekit.Event(date=sitting),
        speakers=[speaker],
        body=[debatekit.Turn(id="u1", speaker_id="s", paragraphs=["Hello."])],
        meta={"org.P.role": "parliament", "org.Q.role": "politicalParty", "org.Q.abb": "Q"},
    )
    row = parlamint.meta_rows(transcript)[0]
    day = sitting.isoformat()
    pad = "-01-01"[: 10 - precision]
    holds = (first is None or first + pad <= day) and (last is None or day <= last + pad)
    assert row["Speaker_MP"] == ("MP" if holds else "notMP")
    assert row["Speaker_party"] == ("Q" if holds else "-")
    assert row["Speaker_name"] == "Pérez, Ana"
