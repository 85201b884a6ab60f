"""Optional dependencies: import one, or say which extra installs it."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["import_optional"]


def import_optional(module: str, extra: str) -> ModuleType:
    """Import ``module``, an optional dependency that ``debatekit[extra]`` installs.

    Raises:
        ModuleNotFoundError: It is not installed; the message names the extra to install
            (``pip install "debatekit[pandas]"``), and ``name`` is the module.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.partition(".")[0]
        raise ModuleNotFoundError(
            f'missing optional dependency {top!r}: pip install "debatekit[{extra}]"',
            name=top,
        ) from exc
