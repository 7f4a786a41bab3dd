"""Retrieval evaluation: nDCG@10, Recall@10 and MRR of hybrid search, each of its lists alone (dense,
full text, graph) and, on request, the fusion without each list (the ablation), beside a BM25
baseline (rank-bm25) over the same passages; reported per split of the question set (dev, test),
since weights are chosen on dev and test only reports.

A query's relevant items are (document id, verbatim anchor) pairs; a passage is relevant when it
belongs to that document and contains the anchor, whitespace collapsed.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi

from embedding.embedder import Embedder
from kg.connection import Graph
from search.hybrid import ABLATIONS, MODES, search

K = 10


@dataclass
class Passage:
    passage_id: str
    document_id: str
    text: str


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


ALL = "all"  # the split of a question set that has none (the older format)


def load_queries(path: Path, split: str | None = None) -> list[dict]:
    """The questions, each with its split (`all` when the file has none), only one split if asked."""
    queries = [{**query, "split": query.get("split", ALL)}
               for query in json.loads(path.read_text(encoding="utf-8"))["queries"]]
    return [query for query in queries if split is None or query["split"] == split]


def score_ranking(ranking: list[Passage], relevant: list[dict]) -> dict[str, float]:
    """Each anchor counts once, credited to the first passage that holds it."""
    anchors = [(item["doc"], _collapse(item["anchor"])) for item in relevant]
    found: set[int] = set()
    gains = []
    for passage in ranking[:K]:
        text = _collapse(passage.text)
        new = {i for i, (doc, anchor) in enumerate(anchors)
               if i not in found and passage.document_id == doc and anchor in text}
        found |= new
        gains.append(1.0 if new else 0.0)
    dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(anchors), K)))
    first = next((rank for rank, gain in enumerate(gains, start=1) if gain), None)
    return {"ndcg@10": dcg / ideal if ideal else 0.0, "recall@10": len(found) / len(anchors) if anchors else 0.0,
            "mrr": 1.0 / first if first else 0.0}


def evaluate(graph: Graph, embedder: Embedder, queries: list[dict], ablation: bool = False,
             loaded_only: bool = False) -> dict[str, dict[str, dict[str, float]]]:
    """Split → method → mean metric, splits in the order the questions first name them (with
    `loaded_only`, only the questions whose every relevant document the graph already holds)."""
    rows = graph.read("passages_all_text")
    passages = [Passage(row["passage_id"], row["document_id"], row["text"]) for row in rows]
    if loaded_only:
        held = {passage.document_id for passage in passages}
        queries = [query for query in queries if all(item["doc"] in held for item in query["relevant"])]
    bm25 = BM25Okapi([_tokens(p.text) for p in passages]) if passages else None
    methods = (*MODES, *(ABLATIONS if ablation else ()), "bm25")
    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    by_id = {p.passage_id: p for p in passages}
    for query in queries:
        split = results.setdefault(query.get("split", ALL), {method: [] for method in methods})
        for mode in methods[:-1]:
            hits = search(graph, embedder, query["query"], limit=K, mode=mode)
            ranking = [by_id[hit.passage_id] for hit in hits]
            split[mode].append(score_ranking(ranking, query["relevant"]))
        top = [int(i) for i in np.argsort(-bm25.get_scores(_tokens(query["query"])))[:K]] if bm25 else []
        split["bm25"].append(score_ranking([passages[i] for i in top], query["relevant"]))
    return {name: {"questions": {"count": len(split["bm25"])},
                   **{method: {metric: round(float(np.mean([r[metric] for r in scores])), 4) for metric in scores[0]}
                      for method, scores in split.items()}}
            for name, split in results.items()}
