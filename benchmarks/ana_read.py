"""Benchmark the TEI reader on a linguistically annotated ParlaMint ``.ana`` session.

Run from the repository root::

    python benchmarks/ana_read.py            # about 40 MB
    python benchmarks/ana_read.py --quick    # about 4 MB, a smoke test

The session is built by replicating the body of a real one (the ES-PV sample in
tests/data/parlamint, ids renamed per copy) into a temporary folder. It prints the time
of ``debatekit.tei.load`` (text, sentences, tokens, dependencies, entities into the model)
over the time of a bare ``lxml.etree.parse`` plus the extraction of every token (form,
lemma, msd, pos, join) and every dependency link, best of ``--repeat`` runs each
(target: at most 2x).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from _common import Figure
from _common import best as common_best
from lxml import etree

from debatekit import tei

TEI = "{http://www.tei-c.org/ns/1.0}"
SOURCE = (
    Path(__file__).parents[1]
    / "tests"
    / "data"
    / "parlamint"
    / "ParlaMint-ES-PV"
    / "2019"
    / "ParlaMint-ES-PV_2019-12-20.ana.xml"
)
_PREFIX = "ParlaMint-ES-PV_2019-12-20."
_OPEN = '<div type="debateSection">'


def write_session(path: Path, size: int) -> int:
    """Write an .ana session of at least ``size`` bytes from copies of the real one's
    body; return the number of copies."""
    text = SOURCE.read_text("utf-8")
    start = text.index(_OPEN) + len(_OPEN)
    end = text.rindex("</div>")
    head, body, tail = text[:start], text[start:end], text[end:]
    copies = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        while f.tell() < size:
            f.write(body.replace(_PREFIX, f"{_PREFIX}c{copies}."))
            copies += 1
        f.write(tail)
    return copies


def baseline(path: Path) -> int:
    """A bare lxml parse plus every token's form and attributes and every link."""
    root = etree.parse(str(path)).getroot()
    n = 0
    for el in root.iter(TEI + "w", TEI + "pc", TEI + "link"):
        if el.tag == TEI + "link":
            el.get("ana")
            el.get("target", "").split()
        else:
            (el.text, el.get("lemma"), el.get("msd"), el.get("pos"), el.get("join"))
        n += 1
    return n


def debatekit_load(path: Path) -> int:
    with open(path, "rb") as fp:
        transcript = tei.load(fp)
    return sum(len(s.tokens) for t in transcript.turns for s in t.sentences)


def figures(quick: bool, repeat: int = 3) -> list[Figure]:
    """The .ana figure for benchmarks/run.py."""
    size = (4 if quick else 40) * 1_000_000
    with tempfile.TemporaryDirectory(prefix="debatekit-bench-") as tmp:
        session = Path(tmp) / "session.ana.xml"
        write_session(session, size)
        mb = os.path.getsize(session) / 1e6
        base = common_best(lambda: baseline(session), repeat)
        ours = common_best(lambda: debatekit_load(session), repeat)
    return [
        Figure(
            name=f".ana read vs lxml parse + token extraction ({mb:.0f} MB)",
            value=ours / base,
            target=2.0,
            detail=f"{ours:.2f}s vs {base:.2f}s",
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small file (smoke test)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args(argv)
    size = (4 if args.quick else 40) * 1_000_000
    with tempfile.TemporaryDirectory(prefix="debatekit-bench-") as tmp:
        session = Path(tmp) / "session.ana.xml"
        copies = write_session(session, size)
        mb = os.path.getsize(session) / 1e6
        tokens = debatekit_load(session)
        print(f"read: {mb:.1f} MB .ana session ({copies} copies of {SOURCE.name}), {tokens} tokens")
        base = common_best(lambda: baseline(session), args.repeat)
        ours = common_best(lambda: debatekit_load(session), args.repeat)
        print(f"  lxml parse + token extraction: {base:.2f} s")
        print(f"  debatekit.tei.load:            {ours:.2f} s")
        print(f"  ratio: {ours / base:.2f}x (target <= 2x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
