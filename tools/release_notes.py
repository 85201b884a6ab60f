"""The CHANGELOG.md section of a release, for its GitHub release notes.

    python tools/release_notes.py v1.2.0            # print the notes of 1.2.0
    python tools/release_notes.py v1.2.0 --check    # and check the tag names the version

A section starts at a level-2 heading that names the version, in Keep a Changelog's
form (``## [1.2.0] - 2026-12-01``) or plainly (``## 1.2.0``), and runs to the next
level-2 heading; link definitions at the end of the file (``[1.2.0]: https://...``) are
not part of it. With ``--check`` the tag must also be ``v`` + the version written in
``src/debatekit/_version.py`` (the release workflow runs this before it builds anything).
The exit code is 1, with a message on standard error, if the section is missing or
empty or the tag does not match.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
CHANGELOG = ROOT / "CHANGELOG.md"
VERSION_FILE = ROOT / "src" / "debatekit" / "_version.py"

_HEADING = re.compile(r"^## +\[?(?P<version>[^\]\s]+)\]?(?:\s.*)?$")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]: +\S+")


class NotesError(Exception):
    """The notes cannot be made: what is wrong, in words for the maintainer."""


def source_version(path: Path = VERSION_FILE) -> str:
    """The ``__version__`` string assigned in ``_version.py``, read without importing it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["__version__"]
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise NotesError(f"{path}: no __version__ = '...' assignment")


def version_of_tag(tag: str) -> str:
    """``v1.2.0`` -> ``1.2.0``; a tag without the leading ``v`` is refused."""
    if not re.fullmatch(r"v\d+(\.\d+)*\S*", tag):
        raise NotesError(f"tag {tag!r} is not a version tag: it must be v + the version")
    return tag[1:]


def section(changelog: str, version: str) -> str:
    """The body of the changelog section of ``version``, without its heading.

    Raises:
        NotesError: No section names the version, or it says nothing.
    """
    lines = changelog.splitlines()
    start = next(
        (
            i + 1
            for i, line in enumerate(lines)
            if (m := _HEADING.match(line)) and m["version"] == version
        ),
        None,
    )
    if start is None:
        raise NotesError(f"CHANGELOG.md has no section '## [{version}] - YYYY-MM-DD'")
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    body = [line for line in lines[start:end] if not _LINK_DEFINITION.match(line)]
    text = "\n".join(body).strip()
    if not text:
        raise NotesError(f"the CHANGELOG.md section of {version} is empty")
    return text + "\n"


def notes(tag: str, *, check: bool = False, changelog: Path = CHANGELOG) -> str:
    """The release notes of ``tag``; with ``check``, the tag must match ``_version.py``."""
    version = version_of_tag(tag)
    if check and version != (written := source_version()):
        raise NotesError(
            f"tag {tag} does not match the version in {VERSION_FILE.relative_to(ROOT)} "
            f"({written}): set __version__ = {version!r} there, or tag v{written}"
        )
    return section(changelog.read_text(encoding="utf-8"), version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tag", help="the release tag, e.g. v1.2.0")
    parser.add_argument(
        "--check", action="store_true", help="also check that the tag names _version.py's version"
    )
    parser.add_argument("--changelog", type=Path, default=CHANGELOG, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        text = notes(args.tag, check=args.check, changelog=args.changelog)
    except NotesError as exc:
        print(f"release_notes: error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
