"""Claims checked against the official statistics over a loaded graph: how many extracted outcomes
carry each verdict (consistent, differs, no official figure, or nothing to check: no figure with a
year, or a metric with no official measure), and a seeded sample of checked ones to verify by hand
(see BENCHMARKS.md).

    python bench/claims.py --home .evidence --port 7687 [--sample 20 --seed 22]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.connection import Graph  # noqa: E402
from kg.evidence import find_outcomes  # noqa: E402
from kg.model.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7687)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    settings = Settings(EVIDENCE_HOME=args.home, EVIDENCE_NEO4J_PORT=args.port)
    with Graph(settings) as graph:
        rows = find_outcomes(graph, limit=100_000)
        documents = graph.read("node_counts")
    verdicts = Counter((row["outcome"]["official"] or {}).get("verdict", "nothing to check") for row in rows)
    print(f"outcomes: {len(rows)}; " + ", ".join(f"{name}: {count}" for name, count in verdicts.most_common()))
    print(f"graph: {documents}")
    checked = [row for row in rows if row["outcome"]["official"]]
    for row in random.Random(args.seed).sample(checked, min(args.sample, len(checked))):
        outcome = row["outcome"]
        print(f"\n[{outcome['official']['verdict']}] {row['council']} · {outcome['metric']} · period {outcome.get('period')!r}"
              f" · {outcome.get('value_from')} → {outcome.get('value_to')} {outcome.get('unit') or ''}")
        print(f"  quote: {outcome['quote'][:300]}")
        print(f"  check: {outcome['official']['detail']}")
        print(f"  source: {row['citation']['title']}")


if __name__ == "__main__":
    main()
