"""Benchmark the TEI reader against a bare lxml parse plus text extraction.

Run from the repository root::

    python benchmarks/tei_read.py            # 40 MB session, 200 MB streaming file
    python benchmarks/tei_read.py --quick    # 4 MB and 20 MB, for a smoke test

It writes synthetic ParlaMint-style sessions into a temporary folder (deleted at the
end) and prints:

* the time of ``debatekit.tei.load`` over the time of ``lxml.etree.parse`` plus the
  extraction of every utterance's normalised segment texts, measured in the same
  process, best of ``--repeat`` runs each (target: at most 1.25x); run on its own,
  also the one-pass reader the command line uses (``tei.load(low_memory=True)``,
  which trades time for memory: reported, no target);
* the peak resident memory of ``debatekit.tei.iter_turns`` over the large file,
  measured in a fresh subprocess, next to the file size and to the peak of a
  bare ``lxml.etree.parse`` of the same file (streaming should stay flat).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import Figure
from _common import best as common_best
from lxml import etree

from debatekit import tei

TEI = "{http://www.tei-c.org/ns/1.0}"
_SEG = "Lorem ipsum dolor sit amet, consectetur adipiscing elit {i} {j}, sed do eiusmod tempor."


def write_session(path: Path, size: int) -> int:
    """Write a ParlaMint-style session of at least ``size`` bytes; return the turns."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="S" xml:lang="en">\n'
            "<teiHeader><fileDesc><titleStmt><title type='main'>Synthetic sitting</title>"
            "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
            "</fileDesc><profileDesc><particDesc><listPerson>\n"
        )
        for p in range(50):
            f.write(
                f'<person xml:id="p{p}"><persName><forename>F{p}</forename>'
                f"<surname>S{p}</surname></persName><sex value='F'/></person>\n"
            )
        f.write("</listPerson></particDesc></profileDesc></teiHeader>\n<text><body>\n")
        f.write('<div type="debateSection">\n')
        i = 0
        while f.tell() < size:
            f.write(f'  <note type="speaker" xml:id="S.note{i}">Speaker {i % 50}:</note>\n')
            f.write(f'  <u who="#p{i % 50}" xml:id="S.u{i}" ana="#regular">\n')
            for j in range(5):
                f.write(f'    <seg xml:id="S.seg{i}.{j}">{_SEG.format(i=i, j=j)}</seg>\n')
            if i % 7 == 0:
                f.write("    <note>(Murmullos.)</note>\n")
                vocal = '<vocal type="laughter"><desc>(Risas.)</desc></vocal>'
                f.write(f"    <seg>And {vocal} on {i}.</seg>\n")
            f.write("  </u>\n")
            if i % 11 == 0:
                f.write('  <kinesic type="applause"><desc>(Aplausos.)</desc></kinesic>\n')
            i += 1
        f.write("</div>\n</body></text></TEI>\n")
    return i


def baseline(path: Path) -> int:
    """A bare lxml parse plus the normalised text of every utterance's segments."""
    root = etree.parse(str(path)).getroot()
    n = 0
    for u in root.iter(TEI + "u"):
        texts = [" ".join("".join(seg.itertext()).split()) for seg in u.iter(TEI + "seg")]
        n += len(texts)
    return n


def debatekit_load(path: Path, low_memory: bool = False) -> int:
    with open(path, "rb") as fp:
        return len(tei.load(fp, low_memory=low_memory).turns)


#: tei.load against a bare lxml parse plus the normalised text of every utterance.
READ_TARGET = 1.25


_PEAK = """
import resource, sys

def hwm():
    # VmHWM: this process's peak resident set (ru_maxrss survives exec on Linux).
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

mode, path = sys.argv[1], sys.argv[2]
from lxml import etree
from debatekit import tei
before = hwm()
if mode == "stream":
    n = sum(1 for _ in tei.iter_turns(path))
else:
    n = len(etree.parse(path).getroot())
print(n, before, hwm())
"""


def peak_rss(mode: str, path: Path) -> tuple[float, float]:
    """Peak resident memory (MB) of a fresh process, and its growth while reading."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    _, before, after = (int(x) for x in out)
    return after / 1024, (after - before) / 1024


def figures(quick: bool, repeat: int = 3) -> list[Figure]:
    """The TEI figures for benchmarks/run.py: read ratio and streaming peak memory."""
    read_size = (4 if quick else 40) * 1_000_000
    stream_size = (20 if quick else 200) * 1_000_000
    with tempfile.TemporaryDirectory(prefix="debatekit-bench-") as tmp:
        session = Path(tmp) / "session.xml"
        write_session(session, read_size)
        mb = os.path.getsize(session) / 1e6
        base = common_best(lambda: baseline(session), repeat)
        ours = common_best(lambda: debatekit_load(session), repeat)
        session.unlink()
        big = Path(tmp) / "big.xml"
        write_session(big, stream_size)
        big_mb = os.path.getsize(big) / 1e6
        peak, growth = peak_rss("stream", big)
    return [
        Figure(
            name=f"TEI read vs lxml parse + text ({mb:.0f} MB)",
            value=ours / base,
            target=READ_TARGET,
            detail=f"{ours:.2f}s vs {base:.2f}s",
        ),
        Figure(
            name=f"TEI streaming peak memory ({big_mb:.0f} MB file)",
            value=peak,
            target=100,
            unit="MB",
            detail=f"+{growth:.0f} MB while reading",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small files (smoke test)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args(argv)
    read_size = (4 if args.quick else 40) * 1_000_000
    stream_size = (20 if args.quick else 200) * 1_000_000
    with tempfile.TemporaryDirectory(prefix="debatekit-bench-") as tmp:
        session = Path(tmp) / "session.xml"
        turns = write_session(session, read_size)
        mb = os.path.getsize(session) / 1e6
        print(f"read: {mb:.1f} MB session, {turns} utterances")
        base = common_best(lambda: baseline(session), args.repeat)
        ours = common_best(lambda: debatekit_load(session), args.repeat)
        one_pass = common_best(lambda: debatekit_load(session, low_memory=True), args.repeat)
        print(f"  lxml parse + text extraction: {base:.2f} s")
        print(f"  debatekit.tei.load:           {ours:.2f} s")
        print(f"  ratio: {ours / base:.2f}x (target <= {READ_TARGET}x)")
        print(f"  tei.load(low_memory=True):    {one_pass:.2f} s ({one_pass / base:.2f}x)")
        session.unlink()
        big = Path(tmp) / "big.xml"
        turns = write_session(big, stream_size)
        mb = os.path.getsize(big) / 1e6
        print(f"stream: {mb:.1f} MB session, {turns} utterances")
        peak, growth = peak_rss("stream", big)
        print(
            f"  debatekit.tei.iter_turns: peak RSS {peak:.0f} MB (+{growth:.0f} MB while reading)"
        )
        peak, growth = peak_rss("tree", big)
        print(
            f"  lxml.etree.parse (tree):  peak RSS {peak:.0f} MB (+{growth:.0f} MB while reading)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
