"""The fast profile of tools/fuzz.py: a fixed number of seeded cases per format, in this
process. Each case is a mutated seed (real files, the bundled debate, the issues'
reproducers), read in strict and lenient mode, then written in every format. Only a
DebatekitError may come out. The release profile (``python tools/fuzz.py --cases
20000``) runs longer, with time and memory limits; see its documentation."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

import debatekit

CASES = 300


def _fuzz() -> ModuleType:
    path = Path(__file__).parents[1] / "tools" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("debatekit_fuzz", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _fuzz()


@pytest.mark.parametrize("format_", fuzz.readable_formats())
def test_fuzz_fast_profile(format_: str) -> None:
    counts, found = fuzz.run_cases(format_, fuzz.seed_files(format_), CASES, random.Random(12))
    assert sum(counts.values()) == CASES
    escapes = [f"{data[:120]!r}\n{detail}" for _, data, detail in found]
    assert not escapes, "\n".join(escapes[:3])


def test_every_readable_format_is_fuzzed() -> None:
    assert set(fuzz.readable_formats()) == {"json", "aif", "tei", "text", "vtt", "srt", "conllu"}


@pytest.mark.parametrize("format_", sorted(fuzz.REPRODUCERS))
def test_the_issue_reproducers_are_seeds(format_: str) -> None:
    seeds = fuzz.seed_files(format_)
    assert all(r in seeds for r in fuzz.REPRODUCERS[format_])


def test_mutations_keep_a_share_of_cases_readable() -> None:
    """The fuzzer gets past the parsers: some cases read, so the writers are fuzzed too."""
    counts, _ = fuzz.run_cases("aif", fuzz.seed_files("aif"), 100, random.Random(1))
    assert counts["ok"] > 0


def test_check_writes_what_reads_in_every_format() -> None:
    data = debatekit.dumps(debatekit.datasets.load("us-mexico-2023"), format="json")
    assert fuzz.check(data.encode(), "json", None) == "ok"
    assert fuzz.check(b"{", "json", None) == "error"
