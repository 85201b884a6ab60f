"""The version of debatekit: the one place it is written.

Hatchling reads it from here when it builds the sdist and wheel (``[tool.hatch.version]``
in pyproject.toml), the package exports it as ``debatekit.__version__``, and the
documentation shows it. docs/releasing.md says when and how to change it.
"""

__version__ = "0.1.0.dev0"
