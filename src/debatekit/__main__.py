"""``python -m debatekit``: the command line."""

from debatekit.cli import main

raise SystemExit(main())
