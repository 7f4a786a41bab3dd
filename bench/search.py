"""Search and what-worked latency over a graph that holds the bundled corpus: p50 / p95 of `search`
(query embedding included) over the development queries repeated several times, and of
`what-worked` for councils drawn from the reference file with those queries as questions
(see BENCHMARKS.md).

    python bench/search.py --home .evidence --port 7687 [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from embedding.embedder import embedder_for  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.councils import all_councils  # noqa: E402
from kg.model.settings import PROJECT_ROOT, Settings  # noqa: E402
from search.hybrid import search  # noqa: E402
from search.what_worked import what_worked  # noqa: E402

SHARED = PROJECT_ROOT.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7687)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(EVIDENCE_HOME=args.home, EVIDENCE_NEO4J_PORT=args.port)
    queries = [q["query"] for q in json.loads((SHARED / "eval" / "dev" / "queries.json").read_text())["queries"]]
    embedder = embedder_for(settings)
    timings, what_worked_timings = [], []
    with Graph(settings) as graph:
        passages = graph.read("node_counts")
        search(graph, embedder, queries[0])  # warm-up: first query plans and page cache
        for _ in range(args.rounds):
            for query in queries:
                started = time.perf_counter()
                search(graph, embedder, query, limit=10)
                timings.append((time.perf_counter() - started) * 1000)
        councils = [council.code for council in all_councils(graph) if not council.historic][::7]
        what_worked(graph, embedder, councils[0], question=queries[0])
        for council, query in zip(councils, queries * 3):
            started = time.perf_counter()
            what_worked(graph, embedder, council, question=query)
            what_worked_timings.append((time.perf_counter() - started) * 1000)
    counts = {row["label"]: row["count"] for row in passages}
    print(json.dumps({"passages": counts.get("Passage"), "searches": len(timings),
                      "p50_ms": round(float(np.percentile(timings, 50)), 1),
                      "p95_ms": round(float(np.percentile(timings, 95)), 1),
                      "what_worked": {"calls": len(what_worked_timings),
                                      "p50_ms": round(float(np.percentile(what_worked_timings, 50)), 1),
                                      "p95_ms": round(float(np.percentile(what_worked_timings, 95)), 1)}},
                     indent=2))


if __name__ == "__main__":
    main()
