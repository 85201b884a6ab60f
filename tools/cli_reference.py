"""Regenerate the --help blocks of docs/cli.md from the command line itself.

    python tools/cli_reference.py           # rewrite docs/cli.md
    python tools/cli_reference.py --check   # exit 1 if docs/cli.md is out of date

Each block follows a marker line ``<!-- help: ARGS -->`` and is a ```text fence holding
what ``debatekit ARGS --help`` prints at 88 columns.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path

DOC = Path(__file__).parents[1] / "docs" / "cli.md"
BLOCK = re.compile(r"(<!-- help:(?P<args>[^>]*)-->\n```text\n)(?P<body>.*?)(```)", re.S)


def help_text(args: list[str]) -> str:
    from debatekit.cli import main

    os.environ["COLUMNS"] = "88"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main([*args, "--help"])
    return out.getvalue()


def render(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        body = help_text(match.group("args").split())
        return match.group(1) + body + match.group(4)

    return BLOCK.sub(replace, text)


def main() -> int:
    current = DOC.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in sys.argv[1:]:
        if fresh != current:
            print("docs/cli.md is out of date: run python tools/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
