"""Every example in README.md and docs/ runs, and so do the docstring examples.

In Markdown, each ```python block that holds ``>>>`` lines runs as a doctest; the
blocks of one file share their names, top to bottom, like a notebook, and nothing
else is defined for them: they run as written. Other
```python blocks are compiled, so that at least their syntax is right. Examples run
in a temporary folder, so they may write files.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

import debatekit
from debatekit import LossWarning

ROOT = Path(__file__).parents[1]
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.S | re.M)
MARKDOWN = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos)


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_examples(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ```python examples of a Markdown file run and print what they show."""
    monkeypatch.chdir(tmp_path)
    # Examples run as in a checkout of debatekit: tests/data holds the sample corpora
    # (also when the tests run against an installed wheel, whose package has no tests).
    (tmp_path / "tests").mkdir()
    try:
        (tmp_path / "tests" / "data").symlink_to(ROOT / "tests" / "data", target_is_directory=True)
    except OSError:  # no symbolic links (Windows without the privilege)
        shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data")
    text = path.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    # Nothing is defined for the examples: they run as written.
    globs: dict[str, object] = {"__name__": "__docs__"}
    for match in FENCE.finditer(text):
        block, lineno = match.group(1), _line(text, match.start(1))
        if ">>>" not in block:
            compile(block, f"{path}:{lineno + 1}", "exec")
            continue
        test = parser.get_doctest(block, globs, path.name, str(path), lineno)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in {path.name}; see above"


MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(debatekit.__path__, "debatekit.")
    if module.name != "debatekit.__main__"
)


@pytest.mark.parametrize("name", ["debatekit", *MODULES])
def test_docstring_examples(name: str) -> None:
    """The ``>>>`` examples in the package's docstrings run."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS)
    assert result.failed == 0


@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11),
    reason="argparse's --help layout differs between Python versions; docs/cli.md is 3.11's",
)
def test_cli_reference_is_in_sync() -> None:
    """docs/cli.md shows exactly what each command's --help prints."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "cli_reference.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_error_catalogue_is_complete() -> None:
    """docs/errors.md has a section for every error and warning class debatekit defines."""
    import debatekit.errors

    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    classes = {
        name
        for name, obj in vars(debatekit).items()
        if isinstance(obj, type) and issubclass(obj, (debatekit.DebatekitError, Warning))
    }
    classes |= {n for n in debatekit.errors.__all__ if n != "Problem"}
    for name in sorted(classes):
        assert f"## `{name}`" in text, name


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    """The documentation builds with Sphinx, warnings treated as errors."""
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "-q",
            "-b",
            "html",
            str(ROOT / "docs"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "index.html").exists()


def _raised(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except (debatekit.DebatekitError, LossWarning) as exc:
        return exc
    raise AssertionError("nothing was raised")


def _no_times() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossWarning)
        debatekit.dumps(debatekit.datasets.load("us-mexico-2023"), format="vtt")


def _lossy() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        debatekit.dumps(debatekit.datasets.load("us-mexico-2023"), format="text")


#: One real case of each class in docs/errors.md, and where its message must start.
LOCATED: dict[str, tuple[Callable[[], object], str]] = {
    "ParseError": (lambda: debatekit.json.loads("{", source="a.json"), r"a\.json:1:2: "),
    "ParseError (JSON path)": (
        lambda: debatekit.json.loads(
            '{"format": "debatekit", "version": "1.0", "speakers": [],'
            ' "body": [{"type": "turn", "id": "u1", "speaker_id": "b"}]}',
            source="a.json",
        ),
        r"a\.json: \$\.body\[0\]\.speaker_id: ",
    ),
    "ValidationError": (
        lambda: debatekit.Transcript(body=[debatekit.Turn(id="u1", speaker_id="b")]),
        r"1 problem in transcript:\n  body\[0\]\.speaker_id: ",
    ),
    "FormatError": (lambda: debatekit.read("minutes.docx"), r"minutes\.docx: "),
    "WriteError": (_no_times, r"vtt: body\[0\]: "),
    "UnknownIdError": (
        lambda: debatekit.datasets.load("us-mexico-2023").speaker("obama"),
        r"speaker 'obama': ",
    ),
    "DebatekitError": (lambda: debatekit.datasets.load("nope"), r"'nope': "),
    "DebatekitError (corpus)": (lambda: debatekit.corpus.open("no/such"), r"no/such: "),
    "LossWarning": (_lossy, r"text cannot carry "),
    "EngineError": (
        lambda: debatekit._dask.client(scheduler="nope://x").__enter__(),
        r"nope://x: not a Dask scheduler address: ",
    ),
}


@pytest.mark.parametrize("case", LOCATED)
def test_every_message_starts_with_its_location(case: str) -> None:
    """docs/errors.md's promise: each message starts with where the problem is."""
    action, where = LOCATED[case]
    exc = _raised(action)
    assert type(exc).__name__ == case.split()[0]
    assert re.match(where, str(exc)), str(exc)
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert f"| `{type(exc).__name__}` |" in text or type(exc).__name__ == "LossWarning"


def test_the_location_catalogue_covers_every_error() -> None:
    """Every error class of debatekit.errors has a case above."""
    import debatekit.errors

    errors = {
        name
        for name in debatekit.errors.__all__
        if isinstance(getattr(debatekit.errors, name), type)
        and issubclass(getattr(debatekit.errors, name), (debatekit.DebatekitError, LossWarning))
    }
    assert errors == {case.split()[0] for case in LOCATED}
