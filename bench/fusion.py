"""How the hybrid's lists are fused, chosen on the dev split only: each list (dense, full text,
graph) is collected once per question, then fused offline over a grid of weights and RRF k and
scored by nDCG@10 (search/evaluation.py's rule, over the fused passages before duplicates are
folded). Prints the dev grid's best settings, and the test score of today's settings and of the
best dev setting only, so test never picks anything (see BENCHMARKS.md).

    EVIDENCE_HOME=... EVIDENCE_NEO4J_PORT=... python bench/fusion.py [--top 10]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from embedding.embedder import embedder_for  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.model.settings import PROJECT_ROOT, get_settings  # noqa: E402
from kg.search import SearchFilters  # noqa: E402
from search.evaluation import K, Passage, load_queries, score_ranking  # noqa: E402
from search.hybrid import FUSION_WEIGHTS, LISTS, RRF_K, ranking, rrf  # noqa: E402

QUESTIONS = PROJECT_ROOT / "tests" / "fixtures" / "retrieval_questions.json"
GRID = {"dense": [0.0, 0.25, 0.5, 0.75, 1.0], "fulltext": [0.5, 1.0, 1.5, 2.0], "graph": [0.5, 1.0, 1.5, 2.0, 3.0],
        "k": [10, 30, 60]}


def collect(graph: Graph, queries: list[dict]) -> list[dict[str, list[str]]]:
    """Each question's three lists, as search builds them for a page of ten."""
    embedder = embedder_for(get_settings())
    return [{name: ranking(graph, embedder, query["query"], SearchFilters(), K, mode=name).ids for name in LISTS}
            for query in queries]


def mean_ndcg(lists: list[dict[str, list[str]]], queries: list[dict], by_id: dict[str, Passage],
              weights: dict[str, float], k: int) -> float:
    scores = []
    for found, query in zip(lists, queries):
        fused = rrf([found[name] for name in LISTS], k=k, weights=[weights[name] for name in LISTS])
        scores.append(score_ranking([by_id[i] for i in list(fused)[:K]], query["relevant"])["ndcg@10"])
    return float(np.mean(scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=10, help="How many of the best dev settings to print.")
    args = parser.parse_args()
    dev, test = load_queries(QUESTIONS, "dev"), load_queries(QUESTIONS, "test")
    with Graph(get_settings()) as graph:
        by_id = {row["passage_id"]: Passage(row["passage_id"], row["document_id"], row["text"])
                 for row in graph.read("passages_all_text")}
        dev_lists, test_lists = collect(graph, dev), collect(graph, test)
    grid = []
    for dense, fulltext, graph_weight, k in itertools.product(*GRID.values()):
        weights = {"dense": dense, "fulltext": fulltext, "graph": graph_weight}
        grid.append((mean_ndcg(dev_lists, dev, by_id, weights, k), weights, k))
    grid.sort(key=lambda row: -row[0])
    best_dev, best_weights, best_k = grid[0]
    print(json.dumps({
        "questions": {"dev": len(dev), "test": len(test)},
        "today": {"weights": FUSION_WEIGHTS, "k": RRF_K,
                  "dev": round(mean_ndcg(dev_lists, dev, by_id, FUSION_WEIGHTS, RRF_K), 4),
                  "test": round(mean_ndcg(test_lists, test, by_id, FUSION_WEIGHTS, RRF_K), 4)},
        "best_on_dev": [{"weights": weights, "k": k, "dev": round(score, 4)} for score, weights, k in grid[:args.top]],
        "chosen": {"weights": best_weights, "k": best_k, "dev": round(best_dev, 4),
                   "test": round(mean_ndcg(test_lists, test, by_id, best_weights, best_k), 4)},
    }, indent=1))


if __name__ == "__main__":
    main()
