"""Reading plain text in tests where any warning is a failure."""

from __future__ import annotations

import warnings

from debatekit import Transcript, text


def quiet_loads(source: str, **kwargs: str) -> Transcript:
    """``text.loads(source, **kwargs)`` with every warning raised as an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return text.loads(source, **kwargs)
