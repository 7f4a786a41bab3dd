"""A seeded random sample of the graph's implementations (a council recorded as having a practice),
each with the sentence it was read from, to be judged by hand: does the sentence say that this
council has, had or started this practice? What-worked and the council pages rest on these records,
so a planned, recommended, absent or someone else's practice recorded as the council's is a wrong
answer there.

    EVIDENCE_HOME=... python bench/implementation_sample.py [--seed 3030] [--size 40]

Draws `size` catalogue and `size` emerging records (the two come from different rules). The
extraction sets (bench/extraction.py) are the documents the rules were written from; this sample is
drawn from everything ingested. Writes nothing."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from kg.connection import Graph  # noqa: E402
from kg.evidence import all_implementations  # noqa: E402
from kg.model.settings import get_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=3030)
    parser.add_argument("--size", type=int, default=40)
    args = parser.parse_args()
    with Graph(get_settings()) as graph:
        rows = all_implementations(graph)
    draw = random.Random(args.seed)
    number = 0
    for status in ("catalogue", "emerging"):
        of_status = [row for row in rows if row["status"] == status]
        print(f"\n## {len(of_status)} {status} implementations; {min(args.size, len(of_status))} drawn "
              f"with seed {args.seed}")
        for row in draw.sample(of_status, min(args.size, len(of_status))):
            number += 1
            print(f"\n{number}. {row['council']}: {row['intervention']} (printed “{row['surface']}”; "
                  f"{row['method']})\n   “{row['quote']}”\n   {row['passage_id']}")


if __name__ == "__main__":
    main()
