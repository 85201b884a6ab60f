"""Test configuration: Hypothesis profiles.

Choose one with ``HYPOTHESIS_PROFILE``: ``default`` (100 examples), ``fast`` (20, for
quick local runs) or ``release`` (1000, before a release). Under CI (``CI`` set, as by
``.ci/run``'s caller and GitHub Actions) the default is ``ci``: the same 100 examples on
every run (``derandomize``), so that a red CI is a change's doing and can be replayed; the
random search for new failures is for local runs and the release profile.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from lxml import etree

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", parent=settings.get_profile("default"), max_examples=20)
settings.register_profile("release", parent=settings.get_profile("default"), max_examples=1000)
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(scope="session")
def rng() -> etree.RelaxNG:
    """The TEI P5 tei_all RELAX NG schema, compiled once per test session."""
    return etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "tei" / "tei_all.rng")))
