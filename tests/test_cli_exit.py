"""The ``debatekit`` process's own exit (``cli.run``): it leaves the transcript it read
to the operating system, but what a user sees is that of ``cli.main`` (the same output
file, warnings and exit code) and the ``atexit`` work still runs; ``cli.main`` called in
a program keeps nothing."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from debatekit import cli

SESSION = (
    Path(__file__).parent / "data/parlamint/ParlaMint-ES-GA/ParlaMint-ES-GA_2015-06-22-DSPG114.xml"
)


def _run(*argv: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """``argv`` through ``cli.run`` in a fresh process, after the Python ``prelude``."""
    code = f"import sys\n{prelude}\nfrom debatekit.cli import run\nrun()\n"
    return subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=False
    )


def test_same_output_warnings_and_code_as_main(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conversion with loss warnings: the process writes what main() writes."""
    assert cli.main(["convert", str(SESSION), "-o", str(tmp_path / "in.txt")]) == 0
    _, err = capsys.readouterr()
    assert "warning: " in err
    done = _run("convert", str(SESSION), "-o", str(tmp_path / "out.txt"))
    assert done.returncode == 0
    assert done.stderr == err
    assert (tmp_path / "out.txt").read_bytes() == (tmp_path / "in.txt").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_standard_output_flushed(tmp_path: Path) -> None:
    done = _run("convert", str(SESSION), "--to", "text")
    assert done.returncode == 0
    assert cli.main(["convert", str(SESSION), "-o", str(tmp_path / "in.txt")]) == 0
    assert done.stdout.rstrip("\n") == (tmp_path / "in.txt").read_text("utf-8").rstrip("\n")


def test_failure_code(tmp_path: Path) -> None:
    done = _run("convert", str(tmp_path / "missing.xml"), "-o", str(tmp_path / "out.txt"))
    assert done.returncode == 3
    assert done.stderr.startswith("debatekit: error: ")
    assert not (tmp_path / "out.txt").exists()


def test_atexit_work_runs(tmp_path: Path) -> None:
    """Functions registered with atexit run, and a temporary folder left to its
    finalizer is removed."""
    marker, holder = tmp_path / "marker", tmp_path / "holder"
    prelude = (
        "import atexit, pathlib, tempfile\n"
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'ran')\n"
        f"kept = tempfile.TemporaryDirectory(dir={str(tmp_path)!r})\n"
        f"pathlib.Path({str(holder)!r}).write_text(kept.name)\n"
    )
    done = _run("convert", str(SESSION), "-o", str(tmp_path / "out.txt"), prelude=prelude)
    assert done.returncode == 0
    assert marker.read_text() == "ran"
    assert not Path(holder.read_text()).exists()


def test_running_thread_finishes(tmp_path: Path) -> None:
    """Where another thread still runs, the exit is the ordinary one: it waits for it."""
    marker = tmp_path / "marker"
    prelude = (
        "import pathlib, threading, time\n"
        "def late():\n"
        "    time.sleep(0.5)\n"
        f"    pathlib.Path({str(marker)!r}).write_text('done')\n"
        "threading.Thread(target=late).start()\n"
    )
    done = _run("convert", str(SESSION), "-o", str(tmp_path / "out.txt"), prelude=prelude)
    assert done.returncode == 0
    assert marker.read_text() == "done"


def test_main_keeps_nothing(tmp_path: Path) -> None:
    """In process, main() leaves no transcript behind and the collector as it was."""
    frozen = gc.get_freeze_count()
    assert cli.main(["convert", str(SESSION), "-o", str(tmp_path / "out.txt")]) == 0
    assert cli._kept is None
    assert gc.get_freeze_count() == frozen
