"""``python -m debatekit``: the command line."""

from debatekit.cli import run

run()
