"""The corpus folder and ``-o`` are boundaries.

A corpus reads only files inside its folder tree, or its root's folder tree (symbolic
links resolved): a root's ``xi:include`` of ``../outside/s.xml``, of a link to a file
elsewhere, or of an outside ``listPerson`` is refused before the file is opened (so no
message can quote it) unless ``allow_outside=True`` / ``--allow-outside-root``, which
the refusal names. A session a root includes must be an XML file. Nothing is written
outside ``-o``: an output name that would climb out is flattened to its file name.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

import debatekit
from debatekit import DebatekitError, ParseError, ParseWarning, corpus, tei
from debatekit.cli import main

PV = Path(__file__).parent / "data" / "parlamint" / "ParlaMint-ES-PV"
SESSION = "2019/ParlaMint-ES-PV_2019-12-20.xml"
ROOT = "ParlaMint-ES-PV.xml"
INCLUDE = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{}"/>'
SECRET = "SecretOutsideTag"


def _corpus(tmp_path: Path, sessions: list[str], person: str | None = None) -> Path:
    """A copy of the ES-PV sample in tmp/c/R whose root includes ``sessions`` (and, if
    given, ``person`` instead of its listPerson); returns the root."""
    folder = tmp_path / "c" / "R"
    shutil.copytree(PV, folder)
    root = folder / ROOT
    text = root.read_text("utf-8")
    head, _, rest = text.partition("   " + INCLUDE.format("2017/ParlaMint-ES-PV_2017-10-05.xml"))
    tail = rest.split(INCLUDE.format("2022/ParlaMint-ES-PV_2022-10-14.xml"), 1)[1]
    text = head + "\n".join("   " + INCLUDE.format(s) for s in sessions) + tail
    if person is not None:
        own = INCLUDE.format("ParlaMint-ES-PV-listPerson.xml")
        text = text.replace(own, INCLUDE.format(person))
    root.write_text(text, "utf-8")
    for taxonomy in (
        "parla.legislature",
        "speaker_types",
        "subcorpus",
        "CHES",
        "politicalOrientation",
    ):  # not in the sample: the root names them
        path = folder / f"ParlaMint-taxonomy-{taxonomy}.xml"
        if not path.exists():
            path.write_text('<taxonomy xmlns="http://www.tei-c.org/ns/1.0"/>', "utf-8")
    return root


def _outside(tmp_path: Path) -> Path:
    """A session outside the corpus folder, holding a tag no message may quote."""
    folder = tmp_path / "outside"
    folder.mkdir()
    path = folder / "s.xml"
    text = (PV / SESSION).read_text("utf-8")
    path.write_text(text.replace("<teiHeader>", f"<teiHeader><{SECRET}/>", 1), "utf-8")
    return path


def test_the_sample_root_reads_as_before(tmp_path: Path) -> None:
    root = _corpus(tmp_path, [SESSION])
    assert len(corpus.open(root)) == 1
    assert next(tei.read_corpus(root)).event == debatekit.read(PV / SESSION).event


@pytest.mark.parametrize("how", ["relative", "symlink", "deep"])
def test_a_session_outside_the_root_folder_is_refused(tmp_path: Path, how: str) -> None:
    outside = _outside(tmp_path)
    if how == "relative":
        href = "../../outside/s.xml"
    elif how == "symlink":
        href = "link.xml"
    else:
        href = "2019/../../../outside/s.xml"
    root = _corpus(tmp_path, [SESSION, href])
    if how == "symlink":
        (root.parent / "link.xml").symlink_to(outside)
    for attempt in (
        lambda: corpus.open(root, strict=True),
        lambda: list(tei.read_corpus(root, strict=True)),
        lambda: tei.sessions(root, strict=True),
    ):
        with pytest.raises(ParseError, match="outside the corpus folder") as info:
            attempt()
        message = str(info.value)
        assert href in message
        assert "allow_outside=True" in message
        assert "--allow-outside-root" in message
        assert SECRET not in message
    with warnings.catch_warnings(record=True) as caught:  # lenient (the default): left out
        warnings.simplefilter("always", ParseWarning)
        assert [Path(s.path).name for s in corpus.open(root).sources] == [Path(SESSION).name]
    assert any("outside the corpus folder" in str(w.message) for w in caught)
    # Asked for: read.
    assert len(corpus.open(root, allow_outside=True)) == 2
    assert len(list(tei.read_corpus(root, allow_outside=True))) == 2


@pytest.mark.parametrize("href", ["../../../../../../../../etc/passwd", "../../../etc/hostname"])
def test_system_files_are_never_opened(tmp_path: Path, href: str) -> None:
    root = _corpus(tmp_path, [SESSION, href])
    with pytest.raises(ParseError, match="outside the corpus folder") as info:
        corpus.open(root, strict=True)
    assert "root:" not in str(info.value)


def test_an_outside_list_person_is_refused_even_for_a_session_read_alone(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    shutil.copy(PV / "ParlaMint-ES-PV-listPerson.xml", tmp_path / "outside" / "people.xml")
    root = _corpus(tmp_path, [SESSION], person="../../outside/people.xml")
    (root.parent / "ParlaMint-ES-PV-listPerson.xml").unlink()
    session = root.parent / SESSION
    for attempt in (
        lambda: list(tei.read_corpus(root, strict=True)),
        lambda: corpus.open(root, strict=True).tables(),
        lambda: debatekit.read(session, strict=True),  # finds the root one folder up
    ):
        with pytest.raises(ParseError, match="outside the corpus folder") as info:
            attempt()
        assert "people.xml" in str(info.value)
    # Asked for: the speakers come from the outside list.
    with_names = next(tei.read_corpus(root, allow_outside=True))
    assert with_names == debatekit.read(PV / SESSION)


def test_a_folder_does_not_follow_a_link_to_a_file_outside(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(PV / "2019" / "ParlaMint-ES-PV_2019-12-20.txt", folder / "a.txt")
    (folder / "b.xml").symlink_to(outside)
    with pytest.raises(DebatekitError, match="outside the folder") as info:
        corpus.open(folder)
    assert "--allow-outside-root" in str(info.value)
    assert SECRET not in str(info.value)
    assert len(corpus.open(folder, allow_outside=True, strict=False)) == 2


@pytest.mark.parametrize("name", ["notes.txt", "README", "data.json"])
def test_a_root_including_a_file_that_is_not_xml_is_a_clear_error(
    tmp_path: Path, name: str
) -> None:
    """Issue 12 item 5: it was ``TypeError: load() got an unexpected keyword 'lists'``."""
    root = _corpus(tmp_path, [SESSION, name])
    (root.parent / name).write_text("A: notes, not a session\n", "utf-8")
    with pytest.raises(ParseError, match="not a TEI session") as info:
        corpus.open(root, strict=True).tables()
    assert name in str(info.value)
    assert info.value.lineno is not None  # the include's line in the root
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ParseWarning)
        tables = corpus.open(root, strict=False).tables()
    assert {row["transcript"] for row in tables["turns"]} == {Path(SESSION).name.split(".")[0]}
    assert any(name in str(w.message) and "not a TEI session" in str(w.message) for w in caught)


def test_a_session_named_xml_that_is_not_xml_is_read_as_tei(tmp_path: Path) -> None:
    root = _corpus(tmp_path, [SESSION, "notes.xml"])
    (root.parent / "notes.xml").write_text("A: plain text\n", "utf-8")
    with pytest.raises(ParseError) as info:
        corpus.open(root).tables()
    assert "notes.xml" in str(info.value)


def test_the_cli_refuses_an_outside_session_and_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _outside(tmp_path)
    root = _corpus(tmp_path, [SESSION, "../../outside/s.xml"])
    out = tmp_path / "out"
    code = main(["convert", str(root), "-o", str(out), "--to", "json"])
    err = capsys.readouterr().err
    assert code == 1
    assert "--allow-outside-root" in err
    assert SECRET not in err
    assert not (tmp_path / "outside" / "s.json").exists()


def test_nothing_is_written_outside_o(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12 item 11: ``out/../../outside/s.json`` was written. An input outside the
    folder it was found in is written under ``-o`` by its file name (flattened)."""
    _outside(tmp_path)
    root = _corpus(tmp_path, [SESSION, "../../outside/s.xml"])
    out = tmp_path / "o1" / "o2"
    code = main(["convert", str(root), "-o", str(out), "--to", "json", "--allow-outside-root"])
    assert code == 0, capsys.readouterr().err
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.json"))
    assert written == ["o1/o2/2019/ParlaMint-ES-PV_2019-12-20.json", "o1/o2/s.json"]
    assert debatekit.read(out / "s.json").speakers  # the root's speakers


def test_corpus_convert_stays_in_its_folder(tmp_path: Path) -> None:
    _outside(tmp_path)
    root = _corpus(tmp_path, [SESSION, "../../outside/s.xml"])
    out = tmp_path / "conv"
    written = corpus.open(root, allow_outside=True).convert(out, to="json")
    assert all(Path(p).resolve().is_relative_to(out.resolve()) for p in written)
    assert len(written) == 2
