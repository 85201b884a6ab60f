"""Transcripts bundled with debatekit, ready to load.

>>> from debatekit import datasets
>>> datasets.names()
('us-mexico-2023',)
>>> datasets.load("us-mexico-2023").event.publisher
'Carnegie Endowment for International Peace'
"""

from __future__ import annotations

import sys
from importlib import resources

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # importlib.abc's, deprecated from Python 3.12 and gone in 3.14
    from importlib.abc import Traversable

from . import json
from .errors import DebatekitError
from .models import Transcript

__all__ = ["files", "load", "names", "source_text"]

_ROOT = "data"


def _folder() -> Traversable:
    return resources.files("debatekit").joinpath(_ROOT)


def names() -> tuple[str, ...]:
    """The names of the bundled datasets, sorted."""
    return tuple(
        sorted(
            entry.name
            for entry in _folder().iterdir()
            if entry.is_dir() and entry.joinpath("transcript.json").is_file()
        )
    )


def _dataset(name: str) -> Traversable:
    folder = _folder().joinpath(name)
    if name not in names():
        raise DebatekitError(
            f"{name!r}: no bundled dataset of that name; expected one of {', '.join(names())}"
        )
    return folder


def files(name: str) -> tuple[Traversable, ...]:
    """The files of a dataset (the transcript and the verbatim source it was made from)."""
    return tuple(sorted(_dataset(name).iterdir(), key=lambda entry: entry.name))


def load(name: str) -> Transcript:
    """Load a bundled dataset as a :class:`~debatekit.Transcript`.

    Raises:
        DebatekitError: There is no dataset of that name.
    """
    entry = _dataset(name).joinpath("transcript.json")
    return json.loads(entry.read_bytes(), source=f"debatekit/data/{name}/transcript.json")


def source_text(name: str) -> str:
    """The verbatim source text a dataset was made from (its ``.txt`` file)."""
    (entry,) = (e for e in _dataset(name).iterdir() if e.name.endswith(".txt"))
    return entry.read_text(encoding="utf-8")
