"""A seeded random sample of the graph's outcomes, each with its quote, to be judged by hand.

    EVIDENCE_HOME=... python bench/outcome_sample.py [--seed 4242] [--size 40]

The development set (bench/extraction.py) is the documents the rules were written from; this
sample is drawn from everything ingested, so reading it estimates precision on unseen text.
Writes nothing."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/, whose ingest.py is not the package

from evidence.cli.output import outcome_summary  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.evidence import find_outcomes  # noqa: E402
from kg.model.settings import get_settings  # noqa: E402

EVERY_OUTCOME = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--size", type=int, default=40)
    args = parser.parse_args()
    with Graph(get_settings()) as graph:
        rows = find_outcomes(graph, limit=EVERY_OUTCOME)
    rows.sort(key=lambda row: (row["citation"]["passage_id"], row["outcome"]["char_start"], row["outcome"].get("metric") or ""))
    print(f"{len(rows)} outcomes in the graph; {min(args.size, len(rows))} drawn with seed {args.seed}")
    for number, row in enumerate(random.Random(args.seed).sample(rows, min(args.size, len(rows))), start=1):
        print(f"\n{number}. {row['council']}: {outcome_summary(row['outcome'])}\n   “{row['outcome']['quote']}”\n"
              f"   {row['citation']['passage_id']}")


if __name__ == "__main__":
    main()
