"""Test configuration: Hypothesis profiles.

Choose one with ``HYPOTHESIS_PROFILE``: ``default`` (100 examples), ``fast`` (20, for
quick local runs) or ``release`` (1000, before a release).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", parent=settings.get_profile("default"), max_examples=20)
settings.register_profile("release", parent=settings.get_profile("default"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
