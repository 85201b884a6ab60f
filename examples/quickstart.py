"""Quickstart: load the bundled debate, look around, convert it.

python examples/quickstart.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

import debatekit


def main(out: Path) -> None:
    transcript = debatekit.datasets.load("us-mexico-2023")
    event = transcript.event
    print(f"{event.title} ({event.kind}, published {event.published})")
    for row in transcript.speaker_stats():
        print(f"  {row.name:<24} {row.turns:>2} turns {row.words:>5} words {row.share:6.1%}")

    # Every turn of one speaker, with its first words.
    for turn in transcript.turns_by("oneil"):
        print(f"  {turn.id}: {turn.paragraphs[0][:60]}…")

    # Write it in several formats (chosen from the suffix), then read one back.
    out.mkdir(parents=True, exist_ok=True)
    for name in ("us-mexico.json", "us-mexico.html"):
        target = out / name
        debatekit.write(transcript, target)
        print(f"  wrote {target} ({target.stat().st_size:,} bytes)")
    again = debatekit.read(out / "us-mexico.json")
    assert again == transcript
    print("  the JSON file reads back to the same transcript")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("quickstart-output"))
