"""Latency of `evidence interventions review` over many synthetic emerging interventions, in a
throwaway EVIDENCE_HOME: made-up councils, documents and passages, and emerging interventions each
mentioned in one to three passages and implemented by one or two councils; then the review is read
(warm) with and without --min-councils (see BENCHMARKS.md).

    python bench/curation.py --home /tmp/curation-home [--port 7798 --interventions 20000 --rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import server  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.curation import review  # noqa: E402
from kg.model.settings import Settings  # noqa: E402
from kg.schema import init_schema  # noqa: E402

DOCUMENTS, PASSAGES, COUNCILS = 400, 40, 150


def synthetic(count: int, rng: random.Random) -> dict:
    words = " ".join(["word"] * 50)
    documents = [{"id": f"synthetic-{d}", "title": f"Synthetic document {d}", "date": f"{2013 + d % 12}-01-01",
                  "passages": [{"id": f"synthetic-{d}#{o}", "document_id": f"synthetic-{d}", "ordinal": o,
                                "text": words, "page": 1, "char_start": o * 250, "char_end": o * 250 + 250}
                               for o in range(PASSAGES)]} for d in range(DOCUMENTS)]
    interventions = [{"id": f"emerging:synthetic_{i}", "name": f"synthetic practice {i}",
                      "passages": [f"synthetic-{rng.randrange(DOCUMENTS)}#{rng.randrange(PASSAGES)}"
                                   for _ in range(rng.choice([1, 1, 2, 3]))],
                      "councils": [f"S{rng.randrange(COUNCILS)}" for _ in range(rng.choice([1, 1, 1, 2]))]}
                     for i in range(count)]
    return {"councils": [f"S{c}" for c in range(COUNCILS)], "documents": documents, "interventions": interventions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7798)
    parser.add_argument("--interventions", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(EVIDENCE_HOME=args.home, EVIDENCE_NEO4J_PORT=args.port, EVIDENCE_NEO4J_HEAP_MB=1024,
                        EVIDENCE_NEO4J_PAGECACHE_MB=256)
    server.start(settings)
    try:
        with Graph(settings) as graph:
            init_schema(graph)
            graph.run_script("graph_wipe")
            graph.write("bench_emerging_create", **synthetic(args.interventions, random.Random(1)))
            for min_councils, limit in ((0, 100), (2, 100), (0, 1000)):
                review(graph, min_councils, limit)  # warm
                times = []
                for _ in range(args.rounds):
                    started = time.monotonic()
                    found = review(graph, min_councils, limit)
                    times.append(time.monotonic() - started)
                print(f"--min-councils {min_councils} --limit {limit}: {len(found)} rows, median "
                      f"{statistics.median(times):.2f} s, max {max(times):.2f} s over {args.rounds}")
    finally:
        server.stop(settings)


if __name__ == "__main__":
    main()
