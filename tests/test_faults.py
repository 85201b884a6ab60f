"""Faults while writing: kills, full disks, read-only folders, missing folders.

An output is written whole or not at all, and nothing else is left behind: after a
``SIGKILL`` at any moment, no temporary file remains (on Linux the data goes to an
unnamed ``O_TMPFILE``; elsewhere stale temporary files of our naming are removed by
the next write to the folder). Errors name the output path. Outputs get the mode
``open()`` would give them. ``-j N`` workers end soon after their parent.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import debatekit
from debatekit import _atomic
from debatekit.cli import EXIT_CANT_WRITE, main

LINUX = sys.platform.startswith("linux")
DATASET = debatekit.datasets.load("us-mexico-2023")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "good.json"
    path.parent.mkdir()
    debatekit.write(DATASET, path)
    return path


def _big(path: Path, turns: int) -> Path:
    speakers = [debatekit.Speaker(id="a", name="A")]
    body = [
        debatekit.Turn(id=f"u{i}", speaker_id="a", paragraphs=[f"Paragraph {i} of many."])
        for i in range(turns)
    ]
    debatekit.write(debatekit.Transcript(speakers=speakers, body=body), path)
    return path


# -- modes -------------------------------------------------------------------------------


@contextlib.contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_new_output_gets_the_mode_open_would_give_it(tmp_path: Path, mask: int) -> None:
    with _umask(mask):
        debatekit.write(DATASET, tmp_path / "x.json")
        with open(tmp_path / "y.json", "wb"):
            pass
    mode = stat.S_IMODE((tmp_path / "x.json").stat().st_mode)
    assert mode == 0o666 & ~mask == stat.S_IMODE((tmp_path / "y.json").stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with _umask(0o022):
        debatekit.write(DATASET, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert debatekit.read(target) == DATASET


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_cli_output_of_the_readme_is_readable_by_others(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _umask(0o022):
        code, _, err = run(capsys, "convert", str(good), "-o", str(tmp_path / "x.xml"))
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "x.xml").stat().st_mode) == 0o644


# -- folders -----------------------------------------------------------------------------


def test_a_missing_folder_is_not_created_for_one_output(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "x.json"
    code, _, err = run(capsys, "convert", str(good), "-o", str(target))
    assert code == EXIT_CANT_WRITE
    assert err.startswith(f"debatekit: error: {target}: folder {target.parent} does not exist")
    assert not (tmp_path / "no").exists()
    with pytest.raises(FileNotFoundError, match="does not exist") as info:
        debatekit.write(DATASET, target)
    assert info.value.filename == str(target)


def test_a_file_in_the_way_of_the_output_folder_is_named_plainly(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    target = afile / "x.json"
    code, _, err = run(capsys, "convert", str(good), "-o", str(target))
    assert code == EXIT_CANT_WRITE
    assert f"{target}: cannot write here: {afile} is a file, not a folder" in err
    assert "File exists" not in err
    assert afile.read_text() == "not a folder"


def test_a_folder_for_several_outputs_is_created(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o DIR/`` for several outputs creates DIR (and the subfolders of the inputs)."""
    shutil.copy(good, good.parent / "other.json")
    out = tmp_path / "new" / "out"
    code, _, err = run(capsys, "convert", str(good.parent), "-o", str(out), "--to", "text")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["good.txt", "other.txt"]


def test_a_file_in_the_way_of_a_folder_of_outputs_is_named_plainly(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(good, good.parent / "other.json")
    afile = tmp_path / "afile"
    afile.write_text("x")
    code, _, err = run(
        capsys, "convert", str(good.parent), "-o", str(afile / "out"), "--to", "text"
    )
    assert code == EXIT_CANT_WRITE
    assert f"{afile} is a file, not a folder" in err
    assert "File exists" not in err


# -- disk full, read-only ----------------------------------------------------------------


def test_a_full_disk_names_the_output_and_leaves_nothing(
    good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if len(data) > 1000:  # our output, not pytest's own small writes
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "x.xml"
    code, _, err = run(capsys, "convert", str(good), "-o", str(target))
    assert code == EXIT_CANT_WRITE
    assert err == f"debatekit: error: {target}: {os.strerror(errno.ENOSPC)}\n"
    assert str(good) not in err
    assert list(out.iterdir()) == []
    with pytest.raises(OSError, match="No space") as info:
        debatekit.write(DATASET, target)
    assert (info.value.errno, info.value.filename) == (errno.ENOSPC, str(target))


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for this process (root ignores modes: immutable)."""
    if os.name == "posix" and os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("root, and no chattr to make a folder read-only")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        return
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder_names_the_output(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    target = out / "x.json"
    with _read_only(out):
        code, _, err = run(capsys, "convert", str(good), "-o", str(target))
        assert list(out.iterdir()) == []
    assert code == EXIT_CANT_WRITE
    assert err.startswith(f"debatekit: error: {target}: ")
    assert ".tmp" not in err
    assert str(good) not in err


# -- kills -------------------------------------------------------------------------------

_WRITER = """
import sys
from debatekit._atomic import atomic_write
data = b"x" * (8 << 20)
print("ready", flush=True)
while True:
    atomic_write(sys.argv[1], data)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("named", [False, True], ids=["unnamed", "named"])
def test_sigkill_while_writing_leaves_no_temporary_file(
    tmp_path: Path, named: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kill a process that writes 8 MB outputs over and over, at several moments.

    The target is whole or absent, never partial. With an unnamed temporary file
    (Linux) a kill leaves a named one only between the two system calls that name it
    and rename it over the target; with named ones (elsewhere; forced here), at any
    moment. Either way the next write to the folder removes what a kill left.
    """
    if not named and not (LINUX and _atomic._O_TMPFILE):
        pytest.skip("no O_TMPFILE here")
    env = dict(os.environ)
    code = _WRITER if not named else "import debatekit._atomic as a; a._O_TMPFILE = 0\n" + _WRITER
    target = tmp_path / "out.bin"
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, env=env
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"ready\n"
        time.sleep(delay)
        process.kill()
        process.wait()
        process.stdout.close()
        left = sorted(p.name for p in tmp_path.iterdir())
        if named or left not in ([], ["out.bin"]):
            _atomic._CLEANED.discard(os.path.abspath(tmp_path))
            _atomic.atomic_write(tmp_path / "next.bin", b"ok")  # the next write cleans up
            (tmp_path / "next.bin").unlink()
            left = sorted(p.name for p in tmp_path.iterdir())
        assert left in ([], ["out.bin"]), left
        if left:
            assert target.stat().st_size == 8 << 20  # whole, never partial


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_only_stale_temporary_files_of_our_naming_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(done.stdout)
    stale = tmp_path / f".a.json.debatekit-{dead}-0123abcd.tmp"
    live = tmp_path / f".a.json.debatekit-{os.getppid()}-0123abcd.tmp"  # its writer runs
    foreign = tmp_path / ".a.json.x8f2k1.tmp"  # not ours: someone else's naming
    for path in (stale, live, foreign):
        path.write_bytes(b"partial")
    monkeypatch.setattr(_atomic, "_O_TMPFILE", 0)
    debatekit.write(DATASET, tmp_path / "a.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.json", live.name, foreign.name])


_CHILDREN = "/proc/{pid}/task/{pid}/children"


def _children(pid: int) -> set[int]:
    try:
        return {int(x) for x in Path(_CHILDREN.format(pid=pid)).read_text().split()}
    except OSError:
        return set()


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not LINUX, reason="reads /proc to find the workers")
def test_workers_end_soon_after_their_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL ``convert -j 2``: both workers end at once (Linux kills them with the
    parent; the watcher would within a second) and write nothing after. The 5 s allowed
    is only a bound for a loaded machine, not a measure."""
    src = tmp_path / "src"
    src.mkdir()
    _big(src / "s00.json", 20_000)
    for i in range(1, 16):
        shutil.copy(src / "s00.json", src / f"s{i:02}.json")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "debatekit",
            "convert",
            str(src),
            "-o",
            str(out),
            "--to",
            "tei",
            "-j",
            "2",
        ],
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(process.pid)
        time.sleep(0.02)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)  # at work
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed = time.monotonic()
    while any(map(_running, workers)) and time.monotonic() - killed < 5:
        time.sleep(0.05)
    assert not any(map(_running, workers)), "workers outlived their parent"
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    time.sleep(2.0)
    assert (sorted(p.name for p in out.iterdir()) if out.exists() else []) == written
    assert len(written) < 16
    assert not [n for n in written if n.endswith(".tmp")]
