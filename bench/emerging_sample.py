"""A seeded random sample of the graph's emerging interventions (practices grouped across documents
by their normalised words), each with its name, counts and the sentences of its first mentions in up
to four documents, to be judged by hand: is the group one coherent practice? Issue 20 asks for the
share of 50 such groups.

    EVIDENCE_HOME=... python bench/emerging_sample.py [--seed 2025] [--size 50] [--min-councils 0]

--min-councils 2 draws from what lists, filters and what-worked show (kg/evidence.py,
EMERGING_MIN_COUNCILS). Writes nothing."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from kg.connection import Graph  # noqa: E402
from kg.curation import review  # noqa: E402
from kg.model.settings import get_settings  # noqa: E402

EVERY_INTERVENTION = 1_000_000
QUOTES = 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--min-councils", type=int, default=0)
    args = parser.parse_args()
    with Graph(get_settings()) as graph:
        rows = review(graph, min_councils=args.min_councils, limit=EVERY_INTERVENTION, quotes=QUOTES)
    rows.sort(key=lambda row: row["id"])
    drawn = random.Random(args.seed).sample(rows, min(args.size, len(rows)))
    print(f"{len(rows)} emerging interventions used by at least {args.min_councils} councils; "
          f"{len(drawn)} drawn with seed {args.seed}")
    for number, row in enumerate(drawn, start=1):
        print(f"\n{number}. {row['name']} ({row['id']}): {row['mentions']} mentions in {row['documents']} documents, "
              f"{row['councils']} councils")
        for quote in row["quotes"]:
            print(f"   - “{quote['quote']}” ({quote['citation']['title']})")


if __name__ == "__main__":
    main()
