"""Bundled datasets: listed, loaded, shipped byte for byte, and loadable from a built wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import attrs
import cattrs
import lxml
import pytest

from debatekit import DebatekitError, datasets, json

ROOT = Path(__file__).parents[1]


def test_names() -> None:
    """names() lists the bundled datasets."""
    assert datasets.names() == ("us-mexico-2023",)


def test_unknown_name_is_a_clear_error() -> None:
    """Loading a name that does not exist lists the ones that do."""
    expected = r"^'nope': no bundled dataset of that name; expected one of us-mexico-2023$"
    with pytest.raises(DebatekitError, match=expected):
        datasets.load("nope")


def test_every_dataset_loads_and_round_trips() -> None:
    """Each bundled dataset loads and survives a JSON round trip."""
    for name in datasets.names():
        transcript = datasets.load(name)
        assert json.loads(json.dumps(transcript)) == transcript


def test_source_text_is_the_seed_byte_for_byte() -> None:
    """The shipped source is the verbatim transcript (checked by its size and ends)."""
    text = datasets.source_text("us-mexico-2023")
    raw = text.encode("utf-8")
    assert len(raw) == 17741
    assert raw.startswith(b"Source: Getty\nQ&A\n\nThe U.S.-Mexico Relationship")
    assert raw.endswith(b"watch it on YouTube.\n\nPreviously in Pivotal States:")
    seed = ROOT.parent / "shared" / "seed" / "us-mexico-qa-2023-12-14.txt"
    if seed.exists():  # beside a checkout with the shared folder: compare byte for byte
        assert raw == seed.read_bytes()


def test_data_readme_gives_source_and_terms() -> None:
    """A README beside the data names the source and its terms."""
    readme = (ROOT / "src" / "debatekit" / "data" / "README.md").read_text(encoding="utf-8")
    assert "Carnegie Endowment for International Peace" in readme
    assert "us-mexico-qa-2023-12-14.txt" in readme
    assert "Terms" in readme or "terms" in readme


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("debatekit-*.whl")
    return path


def test_wheel_contains_the_data_and_type_marker(wheel: Path) -> None:
    """The wheel ships the dataset, its README, the JSON Schema and py.typed."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for member in (
        "debatekit/py.typed",
        "debatekit/transcript.schema.json",
        "debatekit/data/README.md",
        "debatekit/data/us-mexico-2023/transcript.json",
        "debatekit/data/us-mexico-2023/us-mexico-qa-2023-12-14.txt",
    ):
        assert member in names


def test_wheel_has_the_package_version(wheel: Path) -> None:
    """The wheel hatchling builds is named and labelled with debatekit.__version__."""
    from debatekit import __version__

    assert wheel.name.startswith(f"debatekit-{__version__}-")
    info = f"debatekit-{__version__}.dist-info/METADATA"
    metadata = zipfile.ZipFile(wheel).read(info).decode("utf-8")
    assert f"\nVersion: {__version__}\n" in metadata


def test_dataset_loads_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, away from the source tree, the dataset loads."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    # Install the wheel first (pip must not find a debatekit already there), then let
    # the environment see the dependencies installed here (attrs, cattrs, lxml): a
    # directory named in a .pth file is added to sys.path after the environment's own
    # site-packages, and without running its .pth files, so no editable install leaks in.
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = {str(Path(m.__file__).parents[1]) for m in (attrs, cattrs, lxml)}
    Path(purelib, "_debatekit_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    code = (
        "import debatekit, pathlib;"
        "t = debatekit.datasets.load('us-mexico-2023');"
        f"assert debatekit.__file__.startswith({str(env_dir)!r}), debatekit.__file__;"
        "assert len(debatekit.datasets.source_text('us-mexico-2023').encode()) == 17741;"
        "print(len(t.turns), [s.turns for s in t.speaker_stats()])"
    )
    result = subprocess.run(
        [str(python), "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "18 [1, 7, 6, 4]"


@pytest.mark.skipif(
    not os.environ.get("DEBATEKIT_EXPECT_INSTALLED"),
    reason="set DEBATEKIT_EXPECT_INSTALLED=1 when testing an installed wheel",
)
def test_running_against_the_installed_wheel() -> None:
    """In CI's wheel run, debatekit comes from site-packages, not from src/."""
    import debatekit

    assert "site-packages" in debatekit.__file__
    assert ROOT / "src" not in Path(debatekit.__file__).parents
