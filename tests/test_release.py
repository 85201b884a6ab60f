"""The release machinery: one version everywhere, and the release notes taken from the
changelog by tools/release_notes.py (which .github/workflows/release.yml runs)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import runpy
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from packaging.version import Version

import debatekit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).parents[1]
TOOL = ROOT / "tools" / "release_notes.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("release_notes", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


release_notes = _tool()


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True
    )


# One version ------------------------------------------------------------------------------


def test_the_version_is_written_once() -> None:
    """pyproject.toml has no version of its own: hatchling reads _version.py's."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    path = project["tool"]["hatch"]["version"]["path"]
    assert ROOT / path == release_notes.VERSION_FILE
    assert release_notes.source_version() == debatekit.__version__


def test_the_version_is_a_canonical_pep440_version() -> None:
    """PyPI normalises versions; a written version that is already normal never surprises."""
    assert str(Version(debatekit.__version__)) == debatekit.__version__


def test_installed_metadata_agrees() -> None:
    """The metadata pip recorded (editable or wheel install) names the same version."""
    installed = importlib.metadata.version("debatekit")
    assert installed == debatekit.__version__, (
        f"installed metadata says {installed}: reinstall (pip install -e .) after a bump"
    )


def test_the_docs_show_the_version() -> None:
    """docs/conf.py's release is the package version, its version the X.Y part."""
    conf = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    assert conf["release"] == debatekit.__version__
    assert conf["version"] == ".".join(debatekit.__version__.split(".")[:2])
    assert debatekit.__version__ in conf["html_title"]


def test_the_changelog_has_a_place_for_this_version() -> None:
    """A development version collects its changes under "Unreleased"; a release version
    has its own section, which becomes the GitHub release notes."""
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    version = Version(debatekit.__version__)
    if version.is_devrelease:
        assert "\n## Unreleased\n" in text
    else:
        assert release_notes.section(text, debatekit.__version__).strip()


# Release notes ----------------------------------------------------------------------------

CHANGELOG = """\
# Changelog

Intro text.

## Unreleased

- Not yet.

## [1.2.0] - 2026-12-01

### Added

- A thing ([#3](https://example.org/3)).
- Another, on
  two lines.

### Fixed

- A bug.

## 1.1.0

- Older.

## [1.0.0] - 2026-01-01

[1.2.0]: https://example.org/compare/v1.1.0...v1.2.0
[1.0.0]: https://example.org/releases/v1.0.0
"""


def test_section_is_the_body_up_to_the_next_version() -> None:
    assert release_notes.section(CHANGELOG, "1.2.0") == (
        "### Added\n\n- A thing ([#3](https://example.org/3)).\n- Another, on\n"
        "  two lines.\n\n### Fixed\n\n- A bug.\n"
    )


def test_section_with_a_plain_heading() -> None:
    assert release_notes.section(CHANGELOG, "1.1.0") == "- Older.\n"


def test_a_version_is_matched_whole() -> None:
    """1.2 is not 1.2.0, and 1.2.0 is not 1.2.0rc1."""
    text = CHANGELOG.replace("## [1.2.0]", "## [1.2.0rc1]")
    for version, changelog in (("1.2", CHANGELOG), ("1.2.0", text)):
        with pytest.raises(release_notes.NotesError, match="no section"):
            release_notes.section(changelog, version)


def test_an_empty_section_is_refused() -> None:
    """The last section holds only link definitions: nothing to publish."""
    with pytest.raises(release_notes.NotesError, match="empty"):
        release_notes.section(CHANGELOG, "1.0.0")


def test_command_prints_the_notes(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_bytes(CHANGELOG.encode())
    result = _run("v1.1.0", "--changelog", changelog)
    assert (result.returncode, result.stdout, result.stderr) == (0, "- Older.\n", "")


@pytest.mark.parametrize(
    ("tag", "message"),
    [
        ("v9.9.9", "CHANGELOG.md has no section '## [9.9.9] - YYYY-MM-DD'"),
        ("1.1.0", "tag '1.1.0' is not a version tag: it must be v + the version"),
        ("v1.0.0", "the CHANGELOG.md section of 1.0.0 is empty"),
    ],
)
def test_command_fails_with_a_message(tmp_path: Path, tag: str, message: str) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_bytes(CHANGELOG.encode())
    result = _run(tag, "--changelog", changelog)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"release_notes: error: {message}\n"


def test_check_refuses_a_tag_that_is_not_the_package_version(tmp_path: Path) -> None:
    """Tagging v1.2.0 while _version.py still says something else stops the release."""
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_bytes(CHANGELOG.encode())
    assert debatekit.__version__ != "1.2.0"
    result = _run("v1.2.0", "--check", "--changelog", changelog)
    assert result.returncode == 1
    assert re.fullmatch(
        r"release_notes: error: tag v1\.2\.0 does not match the version in "
        rf"src[/\\]debatekit[/\\]_version\.py \({re.escape(debatekit.__version__)}\): "
        rf"set __version__ = '1\.2\.0' there, or tag v{re.escape(debatekit.__version__)}\n",
        result.stderr,
    ), result.stderr
    # Without --check the same tag gives its notes.
    assert _run("v1.2.0", "--changelog", changelog).returncode == 0


def test_check_accepts_the_package_version(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    body = f"## [{debatekit.__version__}] - 2026-12-01\n\n- Released.\n"
    changelog.write_bytes(f"# Changelog\n\n{body}".encode())
    result = _run(f"v{debatekit.__version__}", "--check", "--changelog", changelog)
    assert (result.returncode, result.stdout) == (0, "- Released.\n"), result.stderr


def test_source_version_reads_without_importing(tmp_path: Path) -> None:
    path = tmp_path / "_version.py"
    path.write_bytes(b'"""Doc."""\n\nimport sys\n__version__ = "3.1.4"\n')
    assert release_notes.source_version(path) == "3.1.4"
    path.write_bytes(b"__version__ = compute()\n")
    with pytest.raises(release_notes.NotesError, match="no __version__"):
        release_notes.source_version(path)


def test_import_raises_no_warning() -> None:
    """Importing debatekit warns about nothing on any supported Python (a deprecated
    import, for one, would break every user who runs with warnings as errors)."""
    code = "import debatekit, debatekit.cli, debatekit.corpus, debatekit.html"
    result = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error", "-c", code], capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (0, "")
