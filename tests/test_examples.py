"""Every script in examples/ runs and does what it says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import debatekit

EXAMPLES = Path(__file__).parents[1] / "examples"


def run(script: str, *args: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_quickstart(tmp_path: Path) -> None:
    """The quickstart prints the speakers and writes files that read back."""
    out = run("quickstart.py", str(tmp_path / "out"), cwd=tmp_path)
    assert "Vanda Felbab-Brown        6 turns  1335 words  50.6%" in out
    assert debatekit.read(tmp_path / "out" / "us-mexico.json") == debatekit.datasets.load(
        "us-mexico-2023"
    )
    assert (tmp_path / "out" / "us-mexico.html").stat().st_size > 10_000


def test_speaker_chart(tmp_path: Path) -> None:
    """The chart example saves a PNG of the expected size."""
    pytest.importorskip("matplotlib")
    run("speaker_chart.py", "-o", "chart.png", cwd=tmp_path)
    png = (tmp_path / "chart.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (960, round(120 * (0.6 * 4 + 1.5)))  # 8 in wide, 4 speakers


def test_every_example_is_tested() -> None:
    """Each script in examples/ has a test here."""
    source = Path(__file__).read_text(encoding="utf-8")
    for script in sorted(EXAMPLES.glob("*.py")):
        assert f'"{script.name}"' in source, script.name


def test_argument_graph(tmp_path: Path) -> None:
    """The argument-graph example prints the figures of the annotations and writes a page."""
    from debatekit import arguments

    t = debatekit.datasets.load("us-mexico-2023")
    out = run("argument_graph.py", "-o", "graph.html", cwd=tmp_path)
    counts = arguments.claim_counts(t, by="speaker")
    assert f"  Vanda Felbab-Brown{counts['felbab-brown']:>10}" in out
    assert "Vanda Felbab-Brown rebuts Shannon O’Neil: c13.juarez -> c12.streets" in out
    assert f"{len(t.relations)} edges" in out
    page = (tmp_path / "graph.html").read_text("utf-8")
    for claim in t.claims:  # every claim is an anchor in the page
        assert f'id="{claim.id}"' in page


def test_parlamint_to_json(tmp_path: Path) -> None:
    """The ParlaMint example converts the sample sessions and reports the missing ones."""
    out = run("parlamint_to_json.py", "-o", str(tmp_path / "json"), cwd=tmp_path)
    written = sorted(p.name for p in (tmp_path / "json").iterdir())
    assert written == [
        "ParlaMint-ES-GA_2015-06-22-DSPG114.json",
        "ParlaMint-ES-GA_2019-10-08-DSPG130.json",
        "ParlaMint-ES-PV_2019-12-20.json",
    ]
    # one summary line per corpus root, not one per missing session
    assert out.count("warning: ") == 2
    assert "300 of the 302 sessions it includes are missing" in out
    assert "ParlaMint-ES-PV_2019-12-20.json: 2019-12-20, 4 turns, 1 speakers" in out
    pv = debatekit.read(tmp_path / "json" / "ParlaMint-ES-PV_2019-12-20.json")
    assert pv.speakers[0].name == "Bakartxo Tejeria Otermin"
