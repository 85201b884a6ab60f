"""Whole-process comparisons with the tools people use today, where they are installed.

Run from the repository root::

    python benchmarks/peers.py            # a 40 MB ParlaMint-style session
    python benchmarks/peers.py --quick    # 4 MB

Each figure runs whole processes, one after the other in pairs (ours, the peer's), and
keeps the median wall time and the median peak resident memory (``ru_maxrss`` of the
process, from ``os.wait4`` in a small launcher: see ``run``) of ``--runs`` pairs:

* **TEI -> text, the CLI** (``debatekit convert s.xml -o s.txt``) and **TEI -> text,
  streaming** (``tei.iter_turns`` + ``tei.plain_text``) against ParlaMint's own
  ``parlamint-tei2text.xsl`` under Saxon-HE (Java). Saxon comes from Debian
  (``apt-get install libsaxonhe-java default-jre-headless``); the stylesheet is
  ParlaMint's code, not copied into this project: point ``--parlamint-xsl`` or
  ``PARLAMINT_TEI2TEXT_XSL`` at ParlaMint's ``Scripts/parlamint-tei2text.xsl``.
* **Loading 100,000 turns**: ``debatekit.json.load`` of a debatekit JSON file against
  ConvoKit's ``Corpus(filename=...)`` of the same turns exported by debatekit, where
  ``convokit`` imports.

Without a peer, its line says so ("peer not installed") and no figure is made up.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from _common import Figure, machine, main
from json_roundtrip import make_transcript
from tei_read import write_session

import debatekit
from debatekit import json as dkjson

_SAXON_JARS = ["/usr/share/java/Saxon-HE.jar", "/usr/share/java/saxon9he.jar"]
#: TEI -> text, whole process: faster than Saxon, in at most a third of its peak memory.
TIME_TARGET = 1.0
MEMORY_TARGET = 1 / 3

_STREAM = """
import sys
from debatekit import tei
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for turn in tei.iter_turns(sys.argv[1]):
        out.write(f"{turn.id}\\t{tei.plain_text(turn)}\\n")
"""

_CONVOKIT = """
import sys
from convokit import Corpus
corpus = Corpus(filename=sys.argv[1])
print(len(list(corpus.iter_utterances())))
"""

_JSON_LOAD = """
import sys
from debatekit import json
with open(sys.argv[1], "rb") as fp:
    print(len(json.load(fp).turns))
"""


# The measured process is started by this small launcher, not by the benchmark itself:
# on Linux a process's peak memory (ru_maxrss) starts from that of the process that
# spawned it (it survives exec), and the benchmark holds the inputs it built (hundreds of
# MB), which every figure would otherwise report as its own.
_LAUNCH = """
import os, sys, time
out = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=out)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(command: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one process, run to its end."""
    launcher = [sys.executable, "-I", "-S", "-c", _LAUNCH, *command]
    done = subprocess.run(launcher, capture_output=True, text=True, check=False)
    try:
        elapsed, maxrss, code = done.stdout.split()
    except ValueError:
        raise RuntimeError(f"{command[0]} could not be run: {done.stderr.strip()[-500:]}") from None
    if int(code) != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.strip()[-500:]}")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return float(elapsed), int(maxrss) * scale / 1e6


def paired(ours: Sequence[str], peer: Sequence[str], runs: int) -> tuple[float, ...]:
    """Median (ours s, ours MB, peer s, peer MB) over ``runs`` alternating pairs."""
    results: list[tuple[float, float, float, float]] = []
    for _ in range(runs):
        ours_s, ours_mb = run(ours)
        peer_s, peer_mb = run(peer)
        results.append((ours_s, ours_mb, peer_s, peer_mb))
    return tuple(statistics.median(r[i] for r in results) for i in range(4))


def saxon() -> tuple[list[str], str] | None:
    """The command that runs ParlaMint's text stylesheet, or None (and why not)."""
    java = shutil.which("java")
    jar = os.environ.get("SAXON_JAR") or next((j for j in _SAXON_JARS if Path(j).exists()), None)
    xsl = os.environ.get("PARLAMINT_TEI2TEXT_XSL")
    if not java or not jar:
        return None
    if not xsl or not Path(xsl).exists():
        return None
    return [java, "-cp", jar, "net.sf.saxon.Transform"], xsl


def xslt_figures(quick: bool, runs: int) -> list[Figure]:
    """TEI -> text against ParlaMint's XSLT under Saxon: time and peak memory ratios."""
    found = saxon()
    size = (4 if quick else 40) * 1_000_000
    if found is None:
        why = "peer not installed (needs java, Saxon-HE and PARLAMINT_TEI2TEXT_XSL)"
        return [Figure.absent(f"TEI -> text vs ParlaMint XSLT/Saxon ({size // 10**6} MB)", why)]
    command, xsl = found
    figures = []
    with tempfile.TemporaryDirectory(prefix="debatekit-peers-") as tmp:
        session = Path(tmp) / "session.xml"
        write_session(session, size)
        mb = session.stat().st_size / 1e6
        peer = [*command, f"-s:{session}", f"-xsl:{xsl}", f"-o:{Path(tmp) / 'saxon.txt'}"]
        cli = [sys.executable, "-m", "debatekit", "convert", str(session)]
        ways = {
            "CLI convert": [*cli, "-o", str(Path(tmp) / "cli.txt")],
            "iter_turns+plain_text": [
                sys.executable,
                "-c",
                _STREAM,
                str(session),
                str(Path(tmp) / "stream.txt"),
            ],
        }
        if "parlamint" in debatekit.formats():
            folder = Path(tmp) / "pm"
            ways["CLI --to parlamint"] = [*cli, "--to", "parlamint", "-o", f"{folder}{os.sep}"]
        for label, ours in ways.items():
            ours_s, ours_mb, peer_s, peer_mb = paired(ours, peer, runs)
            figures += [
                Figure(
                    name=f"TEI -> text, {label} / XSLT ({mb:.0f} MB)",
                    value=ours_s / peer_s,
                    target=TIME_TARGET,
                    detail=f"faster than Saxon: {ours_s:.2f}s vs {peer_s:.2f}s, "
                    f"median of {runs} pairs",
                ),
                Figure(
                    name=f"  peak memory, {label} / XSLT",
                    value=ours_mb / peer_mb,
                    target=MEMORY_TARGET,
                    detail=f"<= 1/3 of Saxon's: {ours_mb:.0f} MB vs {peer_mb:.0f} MB",
                ),
            ]
        exported = Path(tmp) / "pm" / "session.txt"
        if exported.exists():
            same = exported.read_bytes() == (Path(tmp) / "saxon.txt").read_bytes()
            figures.append(
                Figure(
                    name="  CLI --to parlamint output = XSLT's",
                    value=1.0 if same else 0.0,
                    target=1.0,
                    lower_is_better=False,
                    detail="byte-identical" if same else "DIFFERENT bytes",
                )
            )
    return figures


def convokit_figures(quick: bool, runs: int) -> list[Figure]:
    """Whole-process load of the same turns: debatekit JSON against ConvoKit."""
    turns = 20_000 if quick else 100_000
    name = f"load {turns:,} turns, whole process, vs ConvoKit"
    try:
        import convokit  # noqa: F401
    except ImportError:
        return [Figure.absent(name, "peer not installed (pip install convokit)")]
    from debatekit import _convokit

    transcript = make_transcript(turns)
    with tempfile.TemporaryDirectory(prefix="debatekit-peers-") as tmp:
        path = Path(tmp) / "t.json"
        path.write_text(dkjson.dumps(transcript), encoding="utf-8")
        folder = Path(tmp) / "convokit"
        folder.mkdir()
        for file, text in _convokit.files([("t", transcript)], name="bench").items():
            (folder / file).write_text(text, encoding="utf-8")
        ours = [sys.executable, "-c", _JSON_LOAD, str(path)]
        peer = [sys.executable, "-c", _CONVOKIT, str(folder)]
        ours_s, _, peer_s, _ = paired(ours, peer, runs)
    return [
        Figure(
            name=name,
            value=ours_s / peer_s,
            target=0.2,
            detail=f"{ours_s:.2f}s vs {peer_s:.2f}s, median of {runs}",
        )
    ]


def figures(quick: bool) -> list[Figure]:
    runs = 3 if quick else 5
    return xslt_figures(quick, runs) + convokit_figures(quick, runs)


if __name__ == "__main__":
    print(machine())  # (the load average: a busy machine gives noisy whole-process figures)
    main(__doc__, figures, quick="4 MB and 20,000 turns, 3 runs")
