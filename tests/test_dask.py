"""The Dask engine: ``convert --engine dask`` and ``--scheduler ADDRESS`` give what ``-j 2``
gives (the same files, byte for byte; the same errors and exit codes), on worker
processes with one thread each, in batches of small files; clear errors without Dask or
without a reachable scheduler."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import debatekit
from debatekit import _dask, corpus
from debatekit.cli import EXIT_ENGINE, EXIT_INVALID, EXIT_USAGE, main
from debatekit.errors import EngineError

distributed = pytest.importorskip("distributed")

DATASET = debatekit.datasets.load("us-mexico-2023")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The address of a local cluster of two single-threaded worker processes."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=_dask.PRIVATE_PORT
    ) as local:
        yield local.scheduler_address


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A corpus folder: transcripts of several sizes, one in a subfolder, one broken."""
    src = tmp_path / "in"
    (src / "2024").mkdir(parents=True)
    debatekit.write(DATASET, src / "a.json")
    debatekit.write(DATASET, src / "2024" / "b.xml")
    small = debatekit.Transcript(speakers=DATASET.speakers[:1], body=DATASET.body[:1])
    for i in range(6):
        debatekit.write(small, src / f"small{i}.txt")
    (src / "broken.json").write_text("{", "utf-8")
    return src


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (temporary ones too), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def converted(
    capsys: pytest.CaptureFixture[str], folder: Path, out: Path, *options: str
) -> tuple[int, str, dict[str, bytes]]:
    code, stdout, err = run(capsys, "convert", str(folder), "-o", str(out), *options)
    assert stdout == ""
    return code, err, files(out)


@pytest.mark.parametrize("to", ["json", "tei"])
def test_engine_dask_writes_what_j2_writes(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    """``--engine dask`` writes the same files, byte for byte, as ``-j 2``, reports the
    broken file with the same message and exit code, and writes nothing for it."""
    pool = converted(capsys, folder, tmp_path / "pool", "--to", to, "-j", "2")
    dask = converted(capsys, folder, tmp_path / "dask", "--to", to, "-j", "2", "--engine", "dask")
    assert dask == pool
    code, err, written = dask
    assert code == EXIT_INVALID
    assert f"debatekit: error: {folder / 'broken.json'}:1:2: Expecting property name" in err
    assert "1 of 9 files failed; the others were converted" in err
    assert len(written) == 8
    assert not [name for name in written if "broken" in name or name.endswith(".tmp")]
    suffix = debatekit._io.suffix_for(to)
    assert sorted(written) == sorted(
        [f"a{suffix}", f"2024/b{suffix}", *(f"small{i}{suffix}" for i in range(6))]
    )


def test_strict_refusals_are_the_same_on_dask(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conversion ``--strict`` refuses (text cannot carry the claims) is refused on Dask as
    with ``-j 2``: the same messages, the same exit code, no output for it."""
    options = ("--to", "text", "--strict", "-j", "2")
    pool = converted(capsys, folder, tmp_path / "pool", *options)
    dask = converted(capsys, folder, tmp_path / "dask", *options, "--engine", "dask")
    assert dask == pool
    assert "(refused: --strict)" in dask[1]
    assert "a.txt" not in dask[2]


def test_scheduler_runs_on_an_existing_cluster(
    folder: Path, cluster: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--scheduler ADDRESS`` runs on that cluster (no ``--engine`` needed) and writes
    what one process writes."""
    one = converted(capsys, folder, tmp_path / "one", "--to", "json")
    remote = converted(capsys, folder, tmp_path / "remote", "--to", "json", "--scheduler", cluster)
    assert remote == one


def test_an_unreachable_scheduler_is_one_error_line(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No scheduler at the address: exit 5, one line naming it, no traceback, no output;
    an address that is not one is an EngineError too."""
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    out = tmp_path / "out"
    argv = ["convert", str(folder), "-o", str(out), "--to", "json", "--scheduler", address]
    code, stdout, err = run(capsys, *argv)
    assert code == EXIT_ENGINE
    assert stdout == ""
    assert (
        err == f"debatekit: error: {address}: cannot reach the Dask scheduler: Connection refused\n"
    )
    assert len(err.splitlines()) == 1
    assert not out.exists()
    with pytest.raises(EngineError, match="nope://x: not a Dask scheduler address: unknown"):
        _dask.client(scheduler="nope://x").__enter__()


def test_a_bad_address_as_the_user_sees_it(folder: Path, tmp_path: Path) -> None:
    """``python -m debatekit`` with an address that is not one: one line on stderr, exit 5,
    and nothing more when the process ends (no complaint from a half-made client)."""
    argv = ["convert", str(folder), "-o", str(tmp_path / "o"), "--to", "json"]
    result = subprocess.run(
        [sys.executable, "-m", "debatekit", *argv, "--scheduler", "nope://x"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_ENGINE
    assert result.stderr.splitlines() == [
        "debatekit: error: nope://x: not a Dask scheduler address: unknown address scheme "
        "'nope' (known schemes: ['inproc', 'tcp', 'tls', 'ucx', 'ws', 'wss'])"
    ]


def test_without_dask_the_extra_is_named(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without Dask installed, ``--engine dask`` is a usage error naming the extra, and the
    API's ``"dask"`` engine a ModuleNotFoundError naming it; ``--scheduler`` needs
    distributed, and without it names the same extra."""
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    argv = ["convert", str(folder), "-o", str(tmp_path / "o"), "--to", "json"]
    code, _, err = run(capsys, *argv, "--scheduler", "tcp://127.0.0.1:9")
    assert code == EXIT_USAGE
    assert err == (
        "debatekit: error: --engine dask: missing optional dependency 'distributed': "
        'pip install "debatekit[dask]"\n'
    )
    for module in ("dask", "dask.multiprocessing"):
        monkeypatch.setitem(sys.modules, module, None)
    code, _, err = run(capsys, *argv, "--engine", "dask")
    assert code == EXIT_USAGE
    assert err == (
        "debatekit: error: --engine dask: missing optional dependency 'dask': "
        'pip install "debatekit[dask]"\n'
    )
    assert not (tmp_path / "o").exists()
    with pytest.raises(ModuleNotFoundError, match=r"debatekit\[dask\]"):
        corpus.open([folder / "a.json", folder / "2024"]).with_engine("dask").convert(
            tmp_path / "api", to="json"
        )


def test_scheduler_with_engine_processes_is_a_usage_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["convert", str(folder), "-o", "x", "--to", "json", "--engine", "processes"]
    code, _, err = run(capsys, *argv, "--scheduler", "tcp://127.0.0.1:9")
    assert code == EXIT_USAGE
    assert "--scheduler runs on Dask" in err


def test_the_local_engine_is_forked_workers() -> None:
    """On one machine Dask runs on worker processes forked from this one (they start with
    debatekit imported, as ``-j N``'s do), as many as asked; the results come in the order
    of the items."""
    with _dask.engine(2) as where:
        assert where == _dask.Local(where.pool, 2)
        ran = list(_dask.run(where, _where_it_ran, range(8), [_dask.BATCH_BYTES] * 8))
    assert [item for item, _, _ in ran] == list(range(8))
    assert 1 <= len({pid for _, pid, _ in ran}) <= 2
    assert os.getpid() not in {pid for _, pid, _ in ran}
    assert {parent for _, _, parent in ran} == {os.getpid()}


def test_engine_dask_starts_no_cluster(folder: Path, tmp_path: Path) -> None:
    """``--engine dask`` on one machine imports Dask's local scheduler only: not
    ``distributed``, whose cluster would start a scheduler and worker processes that each
    import Dask and debatekit again."""
    argv = ["convert", str(folder / "2024"), str(folder / "a.json"), "-o", str(tmp_path / "o")]
    code = (
        "import sys\n"
        "from debatekit.cli import main\n"
        f"code = main({[*argv, '--to', 'json', '-j', '2', '--engine', 'dask']!r})\n"
        "print(code, 'dask' in sys.modules, 'distributed' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["0", "True", "False"]
    assert sorted(files(tmp_path / "o")) == ["a.json", "b.json"]


def _where_it_ran(item: int) -> tuple[int, int, int]:
    return item, os.getpid(), os.getppid()


def test_the_local_engine_raises_a_task_error_and_stops(tmp_path: Path) -> None:
    """An exception in a task is raised to the caller as it was raised, and no task
    starts after it; stopping early (the caller's error, Ctrl-C) starts no more either:
    of 20 tasks, only the first and those sent beside it (two per worker) run."""
    sizes = [_dask.BATCH_BYTES] * 20
    with contextlib.ExitStack() as stack:
        where = stack.enter_context(_dask.local(2))
        stack.callback((tmp_path / "failed-go").touch)  # then the pool waits for its tasks
        with pytest.raises(ValueError, match="task 0 failed"):
            list(_dask.run(where, _Marked(str(tmp_path / "failed"), fail=True), range(20), sizes))
    ran = _ran(tmp_path, "failed")
    # (Those sent: two per worker. Which of them a worker starts before the stop is the
    # scheduler's race, so the tasks that ran are some of the first four, not a prefix.)
    assert ran[:1] == [0]
    assert 1 <= len(ran) <= 4
    assert max(ran) < 4
    with contextlib.ExitStack() as stack:
        where = stack.enter_context(_dask.local(2))
        stack.callback((tmp_path / "stopped-go").touch)
        results = _dask.run(where, _Marked(str(tmp_path / "stopped")), range(20), sizes)
        assert next(results) == 0
        results.close()
    ran = _ran(tmp_path, "stopped")
    assert ran[:1] == [0]
    assert 1 <= len(ran) <= 5  # and one sent after the first
    assert max(ran) < 5


def _ran(folder: Path, prefix: str) -> list[int]:
    """The items of the tasks that ran (``_Marked`` marked them)."""
    return sorted(int(p.name.rpartition("-")[2]) for p in folder.glob(f"{prefix}-*[0-9]"))


@attrs.frozen
class _Marked:
    """A task that marks that it ran; the first returns (or fails) at once, the others
    wait until ``{prefix}-go`` exists."""

    prefix: str
    fail: bool = False

    def __call__(self, item: int) -> int:
        Path(f"{self.prefix}-{item}").touch()
        if item == 0 and self.fail:
            raise ValueError("task 0 failed")
        while item and not Path(f"{self.prefix}-go").exists():
            time.sleep(0.01)
        return item


def test_small_files_go_in_batches() -> None:
    """Consecutive small files make one task together (about BATCH_BYTES); a large file is
    a task of its own; there are at least four tasks per worker where there are files
    enough; every file is in exactly one batch, in order."""
    big = _dask.BATCH_BYTES
    assert _dask.batches([], 2) == []
    assert _dask.batches([big * 3] * 5, 2) == [range(i, i + 1) for i in range(5)]
    small = [5_000] * 10_000  # 50 MB in 5 kB files
    groups = _dask.batches(small, 2)
    assert [i for g in groups for i in g] == list(range(10_000))
    assert len(groups) == 50
    few = _dask.batches([5_000] * 40, 2)  # 200 kB: eight tasks, not one
    assert len(few) == 8
    mixed = _dask.batches([100, 100, big * 2, 100], 1)
    assert [i for g in mixed for i in g] == [0, 1, 2, 3]
    assert range(2, 3) in mixed


def test_tasks_are_batches_on_the_cluster(cluster: str, tmp_path: Path) -> None:
    """A corpus of many small files is sent as fewer tasks than files, and the results come
    back in corpus order."""
    src = tmp_path / "many"
    src.mkdir()
    small = debatekit.Transcript(speakers=DATASET.speakers[:1], body=DATASET.body[:1])
    for i in range(40):
        debatekit.write(small, src / f"s{i:02}.json")
    with distributed.Client(cluster, set_as_default=False) as client:
        c = corpus.open(src).with_engine(client)
        with distributed.get_task_stream(client) as stream:
            written = c.convert(tmp_path / "out", to="text")
    assert [p.name for p in written] == [f"s{i:02}.txt" for i in range(40)]
    assert 1 < len(stream.data) < 40
