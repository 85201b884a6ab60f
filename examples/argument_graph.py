"""The argument graph of the bundled debate: who supports, attacks or answers whom.

    pip install "debatekit[graph]"
    python examples/argument_graph.py [-o argument-graph.html]

Prints the claims per speaker and kind, the exchanges between speakers, the most
supported claims and the counter-arguments across speakers, then writes the HTML view
in which each claim can be clicked to see its relations.
"""

from __future__ import annotations

import argparse

import debatekit
from debatekit import arguments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="argument-graph.html", help="HTML page")
    args = parser.parse_args()
    t = debatekit.datasets.load("us-mexico-2023")
    names = {s.id: s.name for s in t.speakers}

    print("claims per speaker:")
    for speaker_id, count in arguments.claim_counts(t, by="speaker").items():
        print(f"  {names[speaker_id]:<24}{count:>4}")
    print(
        "claims per kind:",
        ", ".join(f"{k} {n}" for k, n in arguments.claim_counts(t, by="kind").items()),
    )

    print("between speakers (agree / disagree / answer):")
    for pair in arguments.speaker_pairs(t):
        print(
            f"  {names[pair.source]:<22} -> {names[pair.target]:<22}"
            f"{pair.agreements:>3} {pair.disagreements:>3} {pair.answers:>3}"
        )

    graph = arguments.adjacency(t)
    incoming: dict[str, int] = {}
    for edges in graph.values():
        for kind, target in edges:
            if kind in arguments.SUPPORT_KINDS:
                incoming[target] = incoming.get(target, 0) + 1
    print("most supported claims:")
    for claim_id, count in sorted(incoming.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
        if claim_id in {c.id for c in t.claims}:
            claim = t.claim(claim_id)
            print(f"  {count} x {claim_id}: {claim.proposition or claim.text}")

    print("counter-arguments across speakers:")
    for relation in t.relations:
        if relation.kind not in arguments.ATTACK_KINDS:
            continue
        source = arguments.speaker_of(t, relation.source_id)
        target = arguments.speaker_of(t, relation.target_id)
        if source != target:
            print(
                f"  {names[source]} {relation.kind} {names[target]}: "
                f"{relation.source_id} -> {relation.target_id}"
            )

    try:
        g = arguments.to_networkx(t)
        print(f"networkx graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    except debatekit.DebatekitError as exc:  # networkx not installed
        print(f"(no networkx: {exc})")

    debatekit.write(t, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
