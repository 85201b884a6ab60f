"""A one-line progress bar for the command line's conversions of many files."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """A one-line progress bar on a terminal; silent when stderr is not a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.active = total > 1 and stream.isatty()

    def step(self, name: str) -> None:
        self.done += 1
        if self.active:
            width = 24
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            line = f"\r[{bar}] {self.done}/{self.total} {Path(name).name}"
            self.stream.write(line[:79].ljust(79))
            self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()
