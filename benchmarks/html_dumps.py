"""How long debatekit.html.dumps takes, as a ratio to debatekit.json.dumps.

The transcript is the bundled dataset repeated ``--copies`` times (fresh ids), with a
claim on every sentence and a "supports" relation between neighbouring claims. Both
writers run on the same transcript in this process; the ratio is what to compare
across changes, since the absolute times depend on the machine.

    python benchmarks/html_dumps.py --copies 50 --repeat 5
"""

from __future__ import annotations

import argparse
import re

import attrs
from _common import best

import debatekit
from debatekit import Claim, Incident, Relation, Transcript, Turn

_SENTENCE = re.compile(r"[^.?!]+[.?!]")


def build(copies: int) -> Transcript:
    """The dataset repeated ``copies`` times, with a claim per sentence."""
    base = debatekit.datasets.load("us-mexico-2023")
    body: list[Turn | Incident] = []
    claims: list[Claim] = []
    relations: list[Relation] = []
    for k in range(copies):
        for item in base.body:
            if not isinstance(item, Turn):
                body.append(item)
                continue
            turn = attrs.evolve(item, id=f"{item.id}-{k}")
            body.append(turn)
            for match in _SENTENCE.finditer(turn.text):
                start = match.start() + len(match.group()) - len(match.group().lstrip())
                claims.append(
                    Claim(
                        id=f"c{len(claims)}",
                        turn_id=turn.id,
                        start=start,
                        end=match.end(),
                        text=turn.text[start : match.end()],
                        kind=("claim", "premise", "evidence")[len(claims) % 3],
                    )
                )
                if len(claims) > 1 and claims[-2].turn_id == turn.id:
                    relations.append(
                        Relation(
                            id=f"r{len(relations)}",
                            kind="supports",
                            source_id=claims[-1].id,
                            target_id=claims[-2].id,
                        )
                    )
    return attrs.evolve(base, body=body, claims=claims, relations=relations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    transcript = build(args.copies)
    baseline = best(lambda: debatekit.json.dumps(transcript), args.repeat)
    html = best(lambda: debatekit.html.dumps(transcript), args.repeat)
    print(
        f"{len(transcript.turns)} turns, {len(transcript.claims)} claims, "
        f"{len(transcript.relations)} relations"
    )
    print(f"json.dumps  {baseline:.4f} s  (baseline)")
    print(f"html.dumps  {html:.4f} s  ratio {html / baseline:.1f}x")


if __name__ == "__main__":
    main()
