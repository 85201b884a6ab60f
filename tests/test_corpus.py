"""Corpora: lazy opening and filtering, analysis tables, Parquet, pandas, ConvoKit, Dask."""

from __future__ import annotations

import datetime as dt
import json as stdlib_json
import warnings
from pathlib import Path

import attrs
import pytest

import debatekit
from debatekit import Affiliation, DebatekitError, Event, _dask, corpus

DATASET = debatekit.datasets.load("us-mexico-2023")


def sitting(day: int, party: str) -> debatekit.Transcript:
    """A small parliamentary sitting on 2024-03-<day>, chaired by a member of ``party``."""
    chair = debatekit.Speaker(
        id="chair",
        name="Ana Chair",
        affiliations=[Affiliation(name=party, ref=f"#{party}", role="member")],
    )
    member = debatekit.Speaker(id="m1", name="Ben Member", affiliation="Independent")
    body = [
        debatekit.Turn(id="u1", speaker_id="chair", paragraphs=[f"Sitting {day} is open."]),
        debatekit.Incident(kind="kinesic", subtype="applause", text="Applause"),
        debatekit.Turn(id="u2", speaker_id="m1", paragraphs=["I rise to ask a question.", "Why?"]),
        debatekit.Turn(id="u3", speaker_id="chair", paragraphs=["Because the rules say so."]),
    ]
    return debatekit.Transcript(
        event=Event(
            title=f"Sitting {day}", kind="parliamentary sitting", date=dt.date(2024, 3, day)
        ),
        speakers=[chair, member],
        body=body,
        relations=[debatekit.Relation(id="r1", kind="answers", source_id="u3", target_id="u2")],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "2024").mkdir(parents=True)
    debatekit.write(DATASET, root / "us-mexico.json")
    debatekit.write(sitting(1, "Greens"), root / "2024" / "s1.json")
    debatekit.write(sitting(2, "Reds"), root / "2024" / "s2.json")
    debatekit.write(sitting(3, "Greens"), root / "2024" / "s3.json")
    return root


def test_open_a_folder_lazily(folder: Path) -> None:
    """A folder opens without reading a file; a broken file only fails when it is read."""
    (folder / "2024" / "s9.json").write_text("{ broken", "utf-8")
    c = corpus.open(folder)
    assert c.names() == ("s1", "s2", "s3", "s9", "us-mexico")
    assert len(c) == 5
    with pytest.raises(debatekit.ParseError, match=r"s9\.json:1:3"):
        list(c)


def test_open_globs_and_lists(folder: Path) -> None:
    """Glob patterns and lists of paths open the same way; missing paths are errors."""
    assert corpus.open(str(folder / "2024" / "*.json")).names() == ("s1", "s2", "s3")
    assert corpus.open([folder / "us-mexico.json", folder / "2024/s1.json"]).names() == (
        "us-mexico",
        "s1",
    )
    with pytest.raises(DebatekitError, match="no such file or folder"):
        corpus.open(folder / "nope")
    with pytest.raises(DebatekitError, match="no file matches"):
        corpus.open(str(folder / "*.xml"))


def test_clashing_stems_get_longer_names(tmp_path: Path) -> None:
    """Two files with the same stem are named by their path from the common folder."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        debatekit.write(sitting(1, "Greens"), tmp_path / sub / "day.json")
    assert corpus.open(tmp_path).names() == ("a/day", "b/day")


def test_filters(folder: Path) -> None:
    """Filters by date range, speaker, party and kind; they combine and stay lazy."""
    c = corpus.open(folder)
    assert [t.event.title for t in c.filter(date_from=dt.date(2024, 3, 2))] == [
        "Sitting 2",
        "Sitting 3",
    ]
    assert c.filter(date_to=dt.date(2024, 3, 1)).count() == 2  # s1 and the Q&A (2023)
    assert c.filter(party="greens").count() == 2
    assert c.filter(party="#Reds").count() == 1
    assert c.filter(speaker="Shannon O'Neil").count() == 1  # an alias
    assert c.filter(speaker="oneil", kind="q&a").count() == 1
    assert c.filter(kind="parliamentary sitting", party="Greens").names() == c.names()
    assert c.filter(lambda t: len(t.turns) > 3).count() == 1


def test_tables_have_the_documented_columns(folder: Path) -> None:
    """Every row has exactly the table's columns; turns carry speaker name and affiliation."""
    tables = corpus.open(folder).tables()
    for name, rows in tables.items():
        for row in rows:
            assert list(row) == list(corpus.COLUMNS[name])
    us = [r for r in tables["turns"] if r["transcript"] == "us-mexico"]
    assert len(us) == 18
    assert us[4]["speaker_name"] == "Shannon O’Neil"
    assert us[4]["speaker_affiliation"] == "Council on Foreign Relations"
    relation = next(r for r in tables["relations"] if r["transcript"] == "s1")
    assert (relation["source_speaker_id"], relation["target_speaker_id"]) == ("chair", "m1")
    assert len([r for r in tables["incidents"] if r["transcript"] == "s2"]) == 1
    assert sum(r["turns"] for r in tables["transcripts"]) == 18 + 3 * 3


def test_parquet_queried_with_duckdb(folder: Path, tmp_path: Path) -> None:
    """to_parquet writes one table per kind; DuckDB can query it directly."""
    duckdb = pytest.importorskip("duckdb")
    paths = corpus.open(folder).to_parquet(tmp_path / "tables")
    assert sorted(p.name for p in paths.values()) == sorted(f"{t}.parquet" for t in corpus.TABLES)
    rows = duckdb.sql(
        f"SELECT speaker_name, count(*) AS turns, sum(words) AS words "
        f"FROM '{paths['turns']}' WHERE transcript = 'us-mexico' "
        f"GROUP BY speaker_name ORDER BY turns"
    ).fetchall()
    assert rows == [
        ("Tino Cuéllar", 1, 369),
        ("Shannon O’Neil", 4, 714),
        ("Vanda Felbab-Brown", 6, 1335),
        ("Christopher S. Chivvis", 7, 221),
    ]


def test_pandas(folder: Path) -> None:
    """to_pandas gives a dict of one DataFrame per table, in TABLES order, with typed
    columns: dates are datetime64."""
    frames = corpus.open(folder).filter(party="Greens").to_pandas()
    assert isinstance(frames, dict)
    assert tuple(frames) == corpus.TABLES
    assert frames["turns"].shape[0] == 6
    assert list(frames["speakers"]["name"]) == ["Ana Chair", "Ben Member"] * 2
    assert str(frames["turns"]["date"].dtype).startswith("datetime64")
    assert str(frames["transcripts"]["date"].dtype).startswith("datetime64")
    assert frames["turns"]["date"].iloc[0].date() == dt.date(2024, 3, 1)


def _read_parquet(path: Path) -> list[dict[str, object]]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("engine", ["processes", "dask"])
def test_engines_give_the_same_tables(folder: Path, tmp_path: Path, engine: str) -> None:
    """Worker processes and Dask write the same rows, in the same order, as one process."""
    c = corpus.open(folder).filter(date_from=dt.date(2023, 1, 1))
    serial = c.to_parquet(tmp_path / "serial")
    parallel = c.with_engine(engine, workers=2).to_parquet(tmp_path / engine)
    for table in corpus.TABLES:
        assert _read_parquet(parallel[table]) == _read_parquet(serial[table])


def test_local_dask_cluster(folder: Path, tmp_path: Path) -> None:
    """On a local Dask cluster, conversion and tables match the single-process run."""
    distributed = pytest.importorskip("distributed")
    c = corpus.open(folder)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=_dask.PRIVATE_PORT
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_cluster = c.with_engine(client)
        written = on_cluster.convert(tmp_path / "json", to="json")
        parts = on_cluster.to_parquet(tmp_path / "cluster")
    assert [p.name for p in written] == ["s1.json", "s2.json", "s3.json", "us-mexico.json"]
    assert debatekit.read(tmp_path / "json" / "us-mexico.json") == DATASET
    serial = c.to_parquet(tmp_path / "serial")
    assert _read_parquet(parts["turns"]) == _read_parquet(serial["turns"])


def test_convert(folder: Path, tmp_path: Path) -> None:
    """convert writes each transcript in the new format, keeping its name."""
    written = corpus.open(folder).filter(party="Reds").convert(tmp_path / "out", to="json")
    assert written == [tmp_path / "out" / "s2.json"]
    assert debatekit.read(written[0]) == sitting(2, "Reds")


def test_convokit_export(folder: Path, tmp_path: Path) -> None:
    """The ConvoKit folder has the five files ConvoKit reads, consistent with each other."""
    out = corpus.open(folder).to_convokit(tmp_path / "ck")
    assert sorted(p.name for p in out.iterdir()) == [
        "conversations.json",
        "corpus.json",
        "index.json",
        "speakers.json",
        "utterances.jsonl",
    ]
    lines = (out / "utterances.jsonl").read_text("utf-8").splitlines()
    utterances = [stdlib_json.loads(line) for line in lines]
    assert len(utterances) == 18 + 9
    ids = {u["id"] for u in utterances}
    speakers = stdlib_json.loads((out / "speakers.json").read_text("utf-8"))
    conversations = stdlib_json.loads((out / "conversations.json").read_text("utf-8"))
    index = stdlib_json.loads((out / "index.json").read_text("utf-8"))
    for u in utterances:
        assert {"id", "speaker", "conversation_id", "reply-to", "timestamp", "text", "meta"} <= set(
            u
        )
        assert u["speaker"] in speakers
        assert u["conversation_id"] in conversations
        assert u["conversation_id"] in ids
        assert u["reply-to"] is None or u["reply-to"] in ids
        assert set(u["meta"]) <= set(index["utterances-index"])
    roots = [u for u in utterances if u["reply-to"] is None]
    assert len(roots) == len(conversations) == 4
    by_id = {u["id"]: u for u in utterances}
    assert by_id["s1/u3"]["reply-to"] == "s1/u2"  # from the "answers" relation
    assert by_id["us-mexico/u2"]["reply-to"] == "us-mexico/u1"
    assert by_id["us-mexico/u5"]["text"] == DATASET.turn("u5").text
    assert speakers["oneil"]["meta"]["affiliation"] == "Council on Foreign Relations"
    assert conversations["us-mexico/u1"]["meta"]["title"] == DATASET.event.title
    assert index["version"] == 1


def test_convokit_loads_it_when_installed(folder: Path, tmp_path: Path) -> None:
    """Where ConvoKit installs, its own Corpus reader loads the export."""
    convokit = pytest.importorskip("convokit", reason="ConvoKit is not installed")
    out = corpus.open(folder).to_convokit(tmp_path / "ck")
    loaded = convokit.Corpus(filename=str(out))
    assert len(list(loaded.iter_utterances())) == 27


def test_summary_and_bad_engine(folder: Path) -> None:
    """summary counts over the corpus; an unknown engine is a clear error."""
    assert corpus.open(folder).summary() == {
        "transcripts": 4,
        "turns": 27,
        "words": 2639 + 3 * 16,
        "claims": len(DATASET.claims),
        "relations": len(DATASET.relations) + 3,
        "speakers": 6,
    }
    with pytest.raises(DebatekitError, match="unknown engine 'spark'"):
        corpus.open(folder).with_engine("spark").tables()


def test_sources_and_filters_pickle(folder: Path) -> None:
    """Sources and built-in filters pickle, so worker processes can use them."""
    import pickle

    c = corpus.open(folder).filter(party="Greens", date_from=dt.date(2024, 1, 1))
    again = pickle.loads(pickle.dumps(attrs.evolve(c, engine=None)))
    assert again.names() == c.names()
    assert again.count() == 2


def test_docs_list_every_column() -> None:
    """docs/corpus.md documents every table and column with its type."""
    text = (Path(__file__).parents[1] / "docs" / "corpus.md").read_text("utf-8")
    for table, columns in corpus.COLUMNS.items():
        section = text.split(f"### `{table}`", 1)[1].split("\n#", 1)[0]
        assert [
            line.split("`")[1] for line in section.splitlines() if line.startswith("| `")
        ] == list(columns)


PARLAMINT = Path(__file__).parent / "data" / "parlamint"


def test_parlamint_folder_opens_as_sessions() -> None:
    """ParlaMint's XML files open as their sessions: roots stand for what they include,
    list and taxonomy files are not transcripts, .ana.xml twins are not read twice, and
    every speaker resolves through the corpus lists."""
    with pytest.warns(debatekit.ParseWarning, match="sessions it includes are missing") as caught:
        c = corpus.open(str(PARLAMINT / "**" / "*.xml"), strict=False)
    assert len(caught) == 2  # one per root, not one per missing session (302 of them)
    assert c.names() == (
        "ParlaMint-ES-GA_2015-06-22-DSPG114",
        "ParlaMint-ES-GA_2019-10-08-DSPG130",
        "ParlaMint-ES-PV_2019-12-20",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", debatekit.ParseWarning)
        sessions = dict(c.items())
    assert [len(t.turns) for t in sessions.values()] == [31, 4, 4]
    pv = sessions["ParlaMint-ES-PV_2019-12-20"]
    assert [s.name for s in pv.speakers] == ["Bakartxo Tejeria Otermin"]
    assert pv.event.date == dt.date(2019, 12, 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", debatekit.ParseWarning)
        assert [n for n, _ in c.filter(party="EAJ-PNV").items()] == ["ParlaMint-ES-PV_2019-12-20"]
        assert c.filter(party="#party.PPdeG").count() == 2
        assert c.filter(party="PPdeG").count() == 2  # the abbreviation (orgName full="abb")
        assert c.filter(party="ppdeg").count() == 2
        assert c.filter(party="PPde").count() == 0
    speakers = c.tables()["speakers"]
    ga = [r for r in speakers if r["transcript"] == "ParlaMint-ES-GA_2015-06-22-DSPG114"]
    assert all(len(r["affiliations"]) == len(set(r["affiliations"])) for r in speakers)
    assert ga[0]["affiliation"] == "Parlamento de Galicia; Partido Popular de Galicia"


def test_parlamint_root_strict_and_lenient() -> None:
    """A corpus root with missing sessions: an error in strict mode naming the root's
    line and the option that goes on; in lenient mode ONE warning with the count and the
    names, and the sessions that exist."""
    root = PARLAMINT / "ParlaMint-ES-PV" / "ParlaMint-ES-PV.xml"
    with pytest.raises(debatekit.ParseError) as info:
        corpus.open(root, strict=True)
    assert str(info.value) == (
        f"{root}:{info.value.lineno}: 2 of the 3 sessions it includes are missing "
        "(2017/ParlaMint-ES-PV_2017-10-05.xml, 2022/ParlaMint-ES-PV_2022-10-14.xml); "
        "to read the 1 that exists, use --lenient (strict=False)"
    )
    with pytest.warns(debatekit.ParseWarning, match="2 of the 3 sessions") as caught:
        c = corpus.open(root, strict=False)
    assert len(caught) == 1
    assert c.names() == ("ParlaMint-ES-PV_2019-12-20",)
    assert dict(c.sources[0].options)["lists"] == (str(root),)


def test_parlamint_tables_in_duckdb(tmp_path: Path) -> None:
    """ParlaMint sessions to Parquet: speaker names and party affiliations per turn."""
    duckdb = pytest.importorskip("duckdb")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", debatekit.ParseWarning)
        paths = corpus.open(str(PARLAMINT / "**" / "*.xml"), strict=False).to_parquet(tmp_path)
    rows = duckdb.sql(
        f"SELECT transcript, count(*) FROM '{paths['turns']}' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert [n for _, n in rows] == [31, 4, 4]
    names = duckdb.sql(f"SELECT DISTINCT name FROM '{paths['speakers']}' ORDER BY 1").fetchall()
    assert ("Bakartxo Tejeria Otermin",) in names
    party = duckdb.sql(
        f"SELECT DISTINCT speaker_affiliation FROM '{paths['turns']}' "
        "WHERE speaker_name = 'Bakartxo Tejeria Otermin'"
    ).fetchall()
    assert party == [("Eusko Legebiltzarra; Euzko Alderdi Jeltzalea",)]


def test_clashing_names_stay_relative_and_outputs_stay_inside(tmp_path: Path) -> None:
    """Files whose stems and paths clash (a.json beside a.txt) get names with suffixes,
    never absolute paths, and convert writes inside the output folder only."""
    src = tmp_path / "in"
    src.mkdir()
    debatekit.write(sitting(1, "Greens"), src / "a.json")
    debatekit.write(sitting(2, "Reds"), src / "a.txt")
    c = corpus.open(src)
    assert c.names() == ("a.json", "a.txt")
    written = c.convert(tmp_path / "out", to="json")
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in written) == [
        "a.json.json",
        "a.txt.json",
    ]
    assert sorted(p.name for p in src.iterdir()) == ["a.json", "a.txt"]


def test_documentation_files_in_a_folder_are_not_transcripts(tmp_path: Path) -> None:
    """README, SOURCE, LICENSE and 00README files in a folder are skipped."""
    debatekit.write(sitting(1, "Greens"), tmp_path / "s1.txt")
    for name in ("README.md", "SOURCE.md", "00README.txt", "LICENSE.txt"):
        (tmp_path / name).write_text("Notes about this corpus.\n", "utf-8")
    assert corpus.open(tmp_path).names() == ("s1",)
    assert corpus.open(tmp_path / "README.md").names() == ("README",)


def test_a_missing_optional_dependency_names_the_extra(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pandas, to_pandas raises ModuleNotFoundError naming debatekit[pandas]."""
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r'pip install "debatekit\[pandas\]"') as info:
        corpus.open(folder).to_pandas()
    assert info.value.name == "pandas"
