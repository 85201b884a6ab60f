"""Speaker statistics as a bar chart: words per speaker, saved as a PNG.

    pip install "debatekit[plot]"
    python examples/speaker_chart.py [TRANSCRIPT] [-o chart.png]

Without a transcript file it charts the bundled U.S.-Mexico Q&A.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt

import debatekit


def chart(transcript: debatekit.Transcript, target: Path) -> None:
    stats = sorted(transcript.speaker_stats(), key=lambda row: row.words)
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(stats) + 1.5), layout="constrained")
    bars = ax.barh([row.name for row in stats], [row.words for row in stats], color="#4c72b0")
    for bar, row in zip(bars, stats, strict=True):
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f"  {row.words:,} words, {row.turns} turn{'s' if row.turns != 1 else ''}"
            f" ({row.share:.0%})",
            va="center",
            fontsize=9,
        )
    ax.set_xlabel("words spoken")
    ax.set_title(transcript.event.title or "Speakers", fontsize=11)
    ax.set_xlim(0, max((row.words for row in stats), default=1) * 1.45)
    ax.spines[["top", "right"]].set_visible(False)
    fig.savefig(target, dpi=120)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("transcript", nargs="?", help="a transcript file")
    parser.add_argument("-o", "--output", default="speakers.png", help="the PNG to write")
    args = parser.parse_args()
    if args.transcript:
        transcript = debatekit.read(args.transcript)
    else:
        transcript = debatekit.datasets.load("us-mexico-2023")
    chart(transcript, Path(args.output))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
