"""The command line, in process (``main(argv)``) and as ``python -m debatekit``."""

from __future__ import annotations

import datetime as dt
import io
import json as stdlib_json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import debatekit
from debatekit._io import suffix_for
from debatekit.cli import main

DATASET = debatekit.datasets.load("us-mexico-2023")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    debatekit.write(DATASET, path)
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "debatekit", "version": "1.0",\n "speakers": 5}', "utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_summarises_the_bundled_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """With no arguments the CLI prints the bundled event and an aligned speaker table."""
    code, out, _ = run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "The U.S.-Mexico Relationship Is About More Than Migration"
    assert "  published: 2023-12-14" in lines
    assert "speaker                 turns   words   share" in lines
    assert "Vanda Felbab-Brown          6    1335   50.6%" in lines
    assert "total                      18    2639  100.0%" in lines


def test_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    """info --json prints machine-readable figures that match the model's statistics."""
    code, out, _ = run(capsys, "info", "--json")
    assert code == 0
    data = stdlib_json.loads(out)
    assert data["turns"] == 18
    assert [(s["id"], s["turns"]) for s in data["speakers"]] == [
        ("cuellar", 1),
        ("chivvis", 7),
        ("felbab-brown", 6),
        ("oneil", 4),
    ]
    assert sum(s["words"] for s in data["speakers"]) == 2639


def test_info_on_a_file(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """info reads any supported file through debatekit.read."""
    code, out, _ = run(capsys, "info", str(good), "--json")
    assert (code, stdlib_json.loads(out)["turns"]) == (0, 18)


def test_bad_input_gives_one_line_and_exit_1(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken file is reported in one line with its location, without a traceback."""
    code, _, err = run(capsys, "info", str(bad))
    assert code == 1
    assert err == f"debatekit: error: {bad}: $.speakers: expected an array, got a number\n"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["info", "missing.json"], 3, "debatekit: error: missing.json: No such file or directory"),
        (["info", "notes.docx"], 3, "debatekit: error: notes.docx: No such file or directory"),
        (["info", "{tmp}/notes.docx"], 2, "cannot tell the format from suffix '.docx'"),
        (["convert", "x.json", "--to", "docx"], 2, "unknown format 'docx'"),
        (["convert", "-", "--to", "json"], 2, "reading standard input needs --from FMT"),
    ],
)
def test_usage_and_missing_files(
    args: list[str], code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing files, unknown formats and incomplete commands: one line, a distinct code."""
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    got, _, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert got == code
    assert message in err
    assert len(err.splitlines()) == 1


def test_debug_shows_the_traceback(bad: Path) -> None:
    """--debug lets the exception through for a traceback."""
    with pytest.raises(debatekit.ParseError):
        main(["--debug", "info", str(bad)])


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the version; every command's --help shows examples."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"debatekit {debatekit.__version__}\n"
    for command in ("info", "convert", "validate", "example"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "examples:" in capsys.readouterr().out


def test_convert_file_to_file(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """convert IN -o OUT writes the converted transcript and nothing else."""
    out = tmp_path / "copy.json"
    code, stdout, err = run(capsys, "convert", str(good), "-o", str(out))
    assert (code, stdout, err) == (0, "", "")
    assert debatekit.read(out) == DATASET


def test_convert_stdin_to_stdout(
    good: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """'-' reads standard input (with --from) and, with --to, writes standard output."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(good.read_bytes())))
    code, out, _ = run(capsys, "convert", "-", "--from", "json", "--to", "json", "-o", "-")
    assert code == 0
    assert debatekit.json.loads(out) == DATASET


def test_convert_refuses_to_overwrite_its_input(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Converting a file onto itself is refused and the file is left as it was."""
    before = good.read_bytes()
    code, _, err = run(capsys, "convert", str(good), "-o", str(good))
    assert code == 2
    assert "refusing to convert a file onto itself" in err
    assert good.read_bytes() == before


def test_failed_conversion_leaves_the_old_output(
    bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure neither leaves a partial file nor damages an existing output."""
    out = tmp_path / "out.json"
    out.write_text("keep me", "utf-8")
    code, _, err = run(capsys, "convert", str(bad), "-o", str(out))
    assert code == 1
    assert "$.speakers: expected an array" in err
    assert out.read_text("utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "out.json"]


def test_unwritable_output_has_its_own_code(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output that cannot be created (its folder is a file) exits with 4."""
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    code, _, err = run(capsys, "convert", str(good), "-o", str(blocker / "out.json"))
    assert code == 4
    assert err.startswith("debatekit: error: ")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_convert_a_folder_with_bad_files(
    tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder converts file by file (in parallel with -j); bad files are reported and
    the good ones still convert; the exit code says that something failed."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for name in ("a.json", "sub/b.json", "c.json"):
        debatekit.write(DATASET, src / name)
    (src / "broken.json").write_text("{", "utf-8")
    (src / "notes.docx").write_text("ignored: unknown suffix", "utf-8")
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "convert", str(src), "-o", str(out), "--to", "json", "-j", jobs)
    assert code == 1
    assert stdout == ""
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.json", "c.json", "sub/b.json"]
    assert debatekit.read(out / "sub" / "b.json") == DATASET
    assert f"debatekit: error: {src / 'broken.json'}:1:2: Expecting property name" in err
    assert "1 of 4 files failed; the others were converted" in err


def test_several_inputs_need_an_output_folder(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several inputs without -o DIR is a usage error."""
    code, _, err = run(capsys, "convert", str(good), str(good), "--to", "json")
    assert code == 2
    assert "several inputs need -o DIR" in err


def test_validate(
    good: Path, bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate lists every problem of every file with its location; exit 1 if any."""
    dangling = tmp_path / "dangling.json"
    dangling.write_text(
        '{"format": "debatekit", "version": "1.0", "speakers": [{"id": "a", "name": "A"}],'
        ' "body": [{"type": "turn", "id": "u1", "speaker_id": "b"},'
        ' {"type": "turn", "id": "u2", "speaker_id": "c"}]}',
        "utf-8",
    )
    code, out, _ = run(capsys, "validate", str(good), str(bad), str(dangling))
    assert code == 1
    assert out.splitlines() == [
        f"{good}: ok",
        f"{bad}: $.speakers: expected an array, got a number",
        f"{dangling}: $.body[0].speaker_id: unknown speaker 'b'",
        "  $.body[1].speaker_id: unknown speaker 'c'",
    ]
    assert run(capsys, "validate", str(good))[0] == 0


def test_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """example lists the datasets, and writes one to stdout or to a file."""
    code, out, _ = run(capsys, "example")
    assert (code, out) == (
        0,
        "us-mexico-2023\tThe U.S.-Mexico Relationship Is About More Than Migration\n",
    )
    code, out, _ = run(capsys, "example", "us-mexico-2023")
    assert code == 0
    assert debatekit.json.loads(out) == DATASET
    target = tmp_path / "ds.json"
    assert run(capsys, "example", "us-mexico-2023", "-o", str(target))[0] == 0
    assert debatekit.read(target) == DATASET
    code, _, err = run(capsys, "example", "nope")
    assert code == 1
    assert "'nope': no bundled dataset of that name" in err


def test_python_dash_m() -> None:
    """python -m debatekit runs the same command line in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "debatekit", "info", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert stdlib_json.loads(result.stdout)["turns"] == 18


def test_interrupted_conversion_leaves_no_file(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C (or SIGTERM) in the middle of writing leaves neither the output nor a
    temporary file, and exits with 130."""
    import os as os_module

    real_fsync = os_module.fsync

    def interrupted(fd: int) -> None:
        real_fsync(fd)
        raise KeyboardInterrupt

    monkeypatch.setattr(os_module, "fsync", interrupted)
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(capsys, "convert", str(good), "-o", str(out / "copy.json"))
    assert code == 130
    assert err == "debatekit: error: interrupted\n"
    assert list(out.iterdir()) == []


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="Windows delivers no SIGTERM: send_signal(SIGTERM) is TerminateProcess, "
    "which ends the process at once, with no handler and no clean-up",
)
def test_sigterm_stops_a_conversion_cleanly(tmp_path: Path) -> None:
    """A conversion killed with SIGTERM exits 130 and leaves no partial output file."""
    import signal
    import time

    big = tmp_path / "big.json"
    speakers = [debatekit.Speaker(id="a", name="A")]
    body = [
        debatekit.Turn(id=f"u{i}", speaker_id="a", paragraphs=[f"Paragraph {i}."])
        for i in range(60_000)
    ]
    debatekit.write(debatekit.Transcript(speakers=speakers, body=body), big)
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "debatekit", "convert", str(big), "-o", str(out / "copy.json")],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.5)  # started and reading; the exact moment does not matter
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    # 0: done before the signal; 130: interrupted; -SIGTERM: killed while Python was
    # still starting, before debatekit could catch the signal.
    assert process.returncode in (0, 130, -signal.SIGTERM), err
    # Stopped before the rename: nothing; after it (the signal came late): the whole
    # file. Never a partial output, never a temporary file left behind.
    left = list(out.iterdir())
    assert left in ([], [out / "copy.json"])
    if left:
        assert debatekit.read(left[0]).turns[-1].id == "u59999"


def test_readme_main_command(tmp_path: Path) -> None:
    """The README's main command (after its pip install) runs and prints the summary."""
    import re
    import shlex

    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    block = readme.split("<!-- main-command -->", 1)[1]
    command = re.search(r"```sh\n(.*?)\n```", block, re.S).group(1)  # type: ignore[union-attr]
    steps = [shlex.split(step) for step in command.split("&&")]
    assert steps[0][:4] == ["python3", "-m", "pip", "install"]
    outputs = []
    for step in steps[1:]:
        assert step[0] == "debatekit"
        result = subprocess.run(
            [sys.executable, "-m", "debatekit", *step[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(result.stdout)
    summary = outputs[-1]
    assert summary.startswith("The U.S.-Mexico Relationship Is About More Than Migration\n")
    assert "claims: 149  relations: 149" in summary
    assert "total                      18    2639  100.0%" in summary


PARLAMINT = Path(__file__).parent / "data" / "parlamint"


def test_convert_a_parlamint_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A ParlaMint corpus root converts as its sessions, read with the corpus lists;
    missing sessions fail in strict mode and are warnings with --lenient."""
    root = PARLAMINT / "ParlaMint-ES-PV" / "ParlaMint-ES-PV.xml"
    code, _, err = run(capsys, "convert", str(root), "-o", str(tmp_path / "a"), "--to", "json")
    assert code == 1
    assert err.count("\n") == 1
    assert "2 of the 3 sessions it includes are missing" in err
    assert "use --lenient (strict=False)" in err
    code, _, err = run(
        capsys, "convert", str(root), "-o", str(tmp_path / "b"), "--to", "json", "--lenient"
    )
    assert code == 0
    # ONE warning for the root: the count and the names (the 2017 and 2022 sessions)
    assert err.count("debatekit: warning: ") == 1
    assert "2 of the 3 sessions it includes are missing (2017/" in err
    (written,) = (tmp_path / "b").rglob("*.json")
    assert written.relative_to(tmp_path / "b").as_posix() == "2019/ParlaMint-ES-PV_2019-12-20.json"
    assert debatekit.read(written).speakers[0].name == "Bakartxo Tejeria Otermin"


def test_validate_a_parlamint_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """validate on ParlaMint's XML lists each session, and lenient warnings as such."""
    code, out, _ = run(capsys, "validate", str(PARLAMINT / "**" / "*.xml"), "--lenient")
    lines = out.splitlines()
    assert code == 0
    assert sum(line.endswith(": ok") for line in lines) == 3


@pytest.mark.parametrize("to", ["json", "tei", "aif", "text", "html"])
def test_convert_to_every_format(to: str, good: Path, tmp_path: Path) -> None:
    """convert writes every format; the readable ones convert back to JSON again."""
    out = tmp_path / f"out.{to}"
    assert main(["convert", str(good), "-o", str(out), "--to", to]) == 0
    if to == "html":
        assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
        return
    back = tmp_path / "back.json"
    assert main(["convert", str(out), "--from", to, "-o", str(back)]) == 0
    transcript = debatekit.read(back)
    assert [t.paragraphs for t in transcript.turns] == [t.paragraphs for t in DATASET.turns]


def test_convert_to_captions_needs_times(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Captions of a transcript without times: one clear line, exit 1, no file."""
    code, _, err = run(capsys, "convert", str(good), "-o", str(tmp_path / "x.vtt"))
    assert code == 1
    assert err.strip().endswith("turn 'u1' has no start time: captions need a time for every turn")
    assert not (tmp_path / "x.vtt").exists()


def test_a_lossy_conversion_warns_in_one_line_and_strict_refuses(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON -> text says what is dropped, on one line; --strict makes it exit 1, no file."""
    out = tmp_path / "x.txt"
    code, _, err = run(capsys, "convert", str(good), "-o", str(out))
    assert code == 0
    assert err.splitlines() == [
        f"debatekit: warning: {good}: text cannot carry 149 claims, 149 relations, 4 event "
        "fields (publisher, series, source, language), 1 speaker field (aliases), 21 "
        "metadata entries; see docs/conversions.md"
    ]
    out.unlink()
    code, _, err = run(capsys, "convert", str(good), "-o", str(out), "--strict")
    assert code == 1
    assert err.startswith(f"debatekit: error: {good}: text cannot carry 149 claims")
    assert err.rstrip().endswith("(refused: --strict)")
    assert not out.exists()
    code, out_text, err = run(capsys, "convert", str(good), "--to", "text", "--strict")
    assert (code, out_text) == (1, "")
    # a lossless conversion is not refused
    code, _, err = run(capsys, "convert", str(good), "-o", str(tmp_path / "x.xml"), "--strict")
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("name", "format_"),
    [
        ("txt", "text"),
        ("md", "text"),
        ("xml", "tei"),
        ("srt", "srt"),
        ("vtt", "vtt"),
        ("json", "json"),
        ("html", "html"),
        ("htm", "html"),
        ("aif", "aif"),
        ("text", "text"),
    ],
)
def test_to_accepts_suffixes_as_names(
    name: str, format_: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--to txt is --to text: each format's usual suffixes name it (one table)."""
    assert debatekit._io.format_name(name) == format_
    if format_ in ("vtt", "srt"):
        return  # the dataset has no times
    code, out, _ = run(capsys, "example", "us-mexico-2023", "--to", name)
    assert code == 0
    assert out == debatekit.dumps(DATASET, format=format_).rstrip("\n") + "\n"


def test_aif_files_read_back(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o x.aif --to aif and -o x.aif.json both write AIF, and both read back as AIF."""
    for name in ("x.aif", "x.aif.json"):
        out = tmp_path / name
        assert run(capsys, "convert", str(good), "-o", str(out), "--to", "aif")[0] == 0
        assert "nodes" in stdlib_json.loads(out.read_text("utf-8"))
        assert debatekit.read(out) == DATASET
        code, _, err = run(capsys, "convert", str(out), "-o", str(tmp_path / f"{name}.xml"))
        assert (code, err) == (0, "")
    # the suffix alone picks AIF: x.aif.json is not debatekit JSON
    assert run(capsys, "convert", str(good), "-o", str(tmp_path / "y.aif.json"))[0] == 0
    assert "nodes" in stdlib_json.loads((tmp_path / "y.aif.json").read_text("utf-8"))
    code, _, _ = run(capsys, "convert", str(tmp_path), "-o", str(tmp_path / "o"), "--to", "aif")
    assert sorted(p.name for p in (tmp_path / "o").rglob("good*")) == ["good.aif.json"]


def test_from_lists_only_readable_formats_and_hints_name_options(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--from html is refused (exit 2) and --help lists only readable formats; a hint names
    --from / --to, not Python's format=."""
    code, _, err = run(capsys, "convert", str(good), "--from", "html", "--to", "json")
    assert code == 2
    assert "cannot read it" in err
    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    help_text = capsys.readouterr().out
    assert "input format (aif, conllu, json, srt, tei, text, vtt)" in " ".join(help_text.split())
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"x")
    code, _, err = run(capsys, "convert", str(odd), "-o", str(tmp_path / "n.json"))
    assert code == 2
    assert "pass --from FMT" in err
    assert "format=" not in err
    code, _, err = run(capsys, "convert", str(good), "-o", str(tmp_path / "n.docx"))
    assert code == 2
    assert "pass --to FMT" in err
    assert "format=" not in err


@pytest.mark.parametrize("suffix", [".json", ".xml", ".txt", ".md", ".vtt", ".srt", ".aif"])
def test_an_empty_file_says_so(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty (or blank) file is "empty file", exit 1, in every format and command."""
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b" \n")
    code, out, _ = run(capsys, "validate", str(empty))
    assert (code, out) == (1, f"{empty}:1:1: empty file\n")
    code, _, err = run(capsys, "convert", str(empty), "-o", str(tmp_path / "out.html"))
    assert (code, err) == (1, f"debatekit: error: {empty}:1:1: empty file\n")


def test_a_non_xml_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .xml file that is not XML says "not XML", exit 1."""
    bad = tmp_path / "minutes.xml"
    bad.write_text("Minutes of the sitting\n", "utf-8")
    code, out, _ = run(capsys, "validate", str(bad))
    assert (code, out) == (1, f"{bad}:1:1: not XML: an XML document starts with '<'\n")


@pytest.mark.parametrize("format_", ["json", "text", "vtt", "srt", "tei", "aif"])
def test_empty_input_is_one_error_in_every_reader(format_: str) -> None:
    """debatekit.loads of nothing (or white space) is "empty file" in every format."""
    for data in (b"", b" \n", "\ufeff\n", ""):
        with pytest.raises(debatekit.ParseError, match=r"^x:1:1: empty file$"):
            debatekit.loads(data, format=format_, source="x")


def test_info_names_the_convention_of_a_text_transcript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """For plain text, info prints the convention the sniffer chose, with its evidence."""
    path = tmp_path / "record.txt"
    path.write_text(
        "  Mr. DOE. Mr. President, I yield.\n  Mr. ROE. I thank the Senator.\n"
        "  Mr. DOE. I yield the floor.\n",
        "utf-8",
    )
    code, out, _ = run(capsys, "info", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "convention: congressional (3 labels, 2 speakers)"


@pytest.mark.parametrize("to", ["text", "vtt", "tei"])
def test_standard_output_holds_the_same_bytes_as_a_file(
    good: Path, tmp_path: Path, to: str
) -> None:
    """``--to FMT`` prints exactly the bytes ``-o FILE`` writes: UTF-8 and the format's
    own newlines, whatever the platform's code page or newline translation."""
    transcript = debatekit.read(good)
    timed = tmp_path / "timed.json"
    if to == "vtt":  # captions need times: give every turn one
        body = [
            attrs.evolve(t, start=dt.timedelta(seconds=10 * i))
            if isinstance(t, debatekit.Turn)
            else t
            for i, t in enumerate(transcript.body)
        ]
        debatekit.write(attrs.evolve(transcript, body=body), timed)
    else:
        debatekit.write(transcript, timed)
    out = tmp_path / f"out.{suffix_for(to).lstrip('.')}"
    command = [sys.executable, "-m", "debatekit", "convert", str(timed)]
    subprocess.run([*command, "-o", str(out)], check=True, capture_output=True)
    printed = subprocess.run([*command, "--to", to], check=True, capture_output=True).stdout
    assert printed == out.read_bytes() or printed == out.read_bytes() + b"\n"
