"""The command line, in process and as ``python -m debatekit``."""

from __future__ import annotations

import json as stdlib_json
import subprocess
import sys
from pathlib import Path

import pytest

import debatekit
from debatekit.cli import main


def test_default_summarises_the_bundled_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    """With no arguments the CLI prints the bundled event and an aligned speaker table."""
    assert main([]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "The U.S.-Mexico Relationship Is About More Than Migration"
    assert "  published: 2023-12-14" in lines
    assert "Vanda Felbab-Brown          6    1335   50.6%" in lines
    assert "total                      18    2639  100.0%" in lines


def test_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    """info --json prints machine-readable figures that match the model's statistics."""
    assert main(["info", "--json"]) == 0
    data = stdlib_json.loads(capsys.readouterr().out)
    assert data["turns"] == 18
    assert [(s["id"], s["turns"]) for s in data["speakers"]] == [
        ("cuellar", 1),
        ("chivvis", 7),
        ("felbab-brown", 6),
        ("oneil", 4),
    ]
    assert sum(s["words"] for s in data["speakers"]) == 2639


def test_info_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """info reads any supported file through debatekit.read."""
    path = tmp_path / "t.json"
    debatekit.write(debatekit.datasets.load("us-mexico-2023"), path)
    assert main(["info", str(path), "--json"]) == 0
    assert stdlib_json.loads(capsys.readouterr().out)["turns"] == 18


def test_bad_input_gives_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken file is reported in one line with its location, without a traceback."""
    path = tmp_path / "bad.json"
    path.write_text('{"format": "debatekit", "version": "1.0",\n "speakers": 5}', "utf-8")
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"debatekit: error: {path}: $.speakers: expected an array, got a number\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["info", "missing.json"], "debatekit: error: missing.json: No such file or directory"),
        (["info", "notes.docx"], "cannot tell the format from suffix '.docx'"),
    ],
)
def test_missing_and_unknown_files(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file or an unknown suffix is one line on stderr and exit code 1."""
    assert main(args) == 1
    assert message in capsys.readouterr().err


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """--debug lets the exception through for a traceback."""
    path = tmp_path / "bad.json"
    path.write_text("[]", "utf-8")
    with pytest.raises(debatekit.ParseError):
        main(["--debug", "info", str(path)])


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the version; --help shows examples."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"debatekit {debatekit.__version__}\n"
    with pytest.raises(SystemExit):
        main(["info", "--help"])
    assert "examples:" in capsys.readouterr().out


def test_python_dash_m() -> None:
    """python -m debatekit runs the same command line in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "debatekit", "info", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert stdlib_json.loads(result.stdout)["turns"] == 18
