"""The readers pause the cyclic garbage collector while they build a transcript (so that
a large read costs no more per megabyte than a small one); that is safe only because
they make no cyclic garbage, and the collector must be back as the caller left it."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from debatekit import ParseError, Transcript, datasets, json, tei, text

Reader = Callable[[str], Transcript]
READERS: dict[str, tuple[Callable[[Transcript], str], Reader]] = {
    "json": (json.dumps, json.loads),
    "text": (text.dumps, text.loads),
    "tei": (tei.dumps, tei.loads),
}
BAD: dict[str, Callable[[], object]] = {
    "json": lambda: json.loads('{"format": "debatekit", "version": "1.0",'),
    "text": lambda: text.loads("no labels here", strict=True),
    "tei": lambda: tei.loads("<TEI"),
}


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()


@pytest.mark.parametrize("name", READERS)
def test_reading_makes_no_cyclic_garbage(name: str, collector: None) -> None:
    write, read = READERS[name]
    document = write(datasets.load("us-mexico-2023"))
    read(document)  # warm up: caches filled once are not garbage
    gc.collect()
    gc.disable()
    transcript = read(document)
    assert transcript.turns
    del transcript
    assert gc.collect() == 0


@pytest.mark.parametrize("name", READERS)
def test_the_collector_is_left_as_the_caller_had_it(name: str, collector: None) -> None:
    write, read = READERS[name]
    document = write(datasets.load("us-mexico-2023"))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        read(document)
        assert gc.isenabled() is enabled
        with pytest.raises(ParseError):
            BAD[name]()
        assert gc.isenabled() is enabled
