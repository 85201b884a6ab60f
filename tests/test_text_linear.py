"""The plain-text reader's work grows linearly with its input, adversarial inputs too.

Each input is read at two sizes in one run and the CPU times compared: four times the
input may take at most eight times as long (linear work gives about four, quadratic
sixteen). Best of three runs, so a busy machine does not decide the outcome.
"""

from __future__ import annotations

import time
import warnings

import pytest

from debatekit import text

ADVERSARIAL = {
    "stamps": "[00:00] ",
    "open brackets": "[",
    "open parens": "(",
    "colons": "A:",
    "label-ish words": "Mr. DOE ",
    "stage lines": "(APPLAUSE)\n",
    "one-word labels": "Yes: x\n",
    "backslashes": "\\",
    "bold": "**",
    "markdown labels": "**A:** ",
}


def _cpu(source: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text.loads(source)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_reading_is_linear(unit: str) -> None:
    small = unit * (20_000 // len(unit))
    large = small * 4
    assert _cpu(large) <= 8 * max(_cpu(small), 0.002)


def test_a_thousand_stamps_do_not_recurse() -> None:
    """Leading timestamps are looked past once: no RecursionError on a long run."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = text.loads(b"[00:00] " * 1000)
    assert t.front == (("[00:00] " * 1000).strip(),)


def test_an_invalid_label_pattern_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a valid regular expression"):
        text.loads(b"A: x", label_pattern="(")
    with pytest.raises(TypeError, match="label_pattern"):
        text.loads(b"A: x", label_pattern=3)  # type: ignore[arg-type]
