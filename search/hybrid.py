"""Hybrid passage search: dense (vector index) and full text (Lucene, with the field's synonyms),
fused by reciprocal rank; identical passages from different documents are shown once."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from embedding.embedder import Embedder
from kg.connection import Graph
from kg.search import (
    SearchFilters,
    check_query_model,
    council_scope,
    dense_candidates,
    fulltext_candidates,
    passages,
)
from search.snippets import query_terms, snippet
from search.vocabulary import expansions

RRF_K = 60
FILTERED_CANDIDATES = 1000  # index hits to look through when filters will discard most of them
MAX_QUERY_CHARS = 1000
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


@dataclass
class Hit:
    passage_id: str
    document_id: str
    text: str
    snippet: str
    score: float
    citation: dict
    councils: list[dict]
    interventions: list[dict] = field(default_factory=list)
    enablers: list[dict] = field(default_factory=list)
    also_in: list[dict] = field(default_factory=list)


def lucene_query(query: str, extra_phrases: list[str]) -> str:
    """The query's words OR'ed, and each synonym as a quoted phrase; every special character escaped."""
    words = [_LUCENE_SPECIAL.sub(r"\\\1", term) for term in query_terms(query)]
    phrases = [f'"{_LUCENE_SPECIAL.sub(" ", phrase)}"' for phrase in extra_phrases]
    return " OR ".join(dict.fromkeys(words + phrases)) or '""'


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, passage_id in enumerate(ranking, start=1):
            scores[passage_id] = scores.get(passage_id, 0.0) + 1.0 / (k + rank)
    return scores


MODES = ("hybrid", "dense", "fulltext")
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search")


@dataclass
class Ranking:
    ids: list[str]  # best first
    fused: dict[str, float]  # reciprocal-rank scores
    cosine: dict[str, float]  # the query's cosine similarity to each passage the vector index found


def ranking(graph: Graph, embedder: Embedder, query: str, filters: SearchFilters, wanted: int,
            mode: str = "hybrid", vector: list[float] | None = None) -> Ranking:
    """Passage ids best first with their scores. The full-text query runs while the query is
    embedded, so the two index look-ups overlap."""
    check_query_model(graph, embedder.name, embedder.dimensions)
    councils = council_scope(graph, filters)
    if councils == []:
        return Ranking([], {}, {})
    narrowed = filters.kind or filters.date_from or filters.date_to or filters.intervention or filters.enabler
    # unfiltered, every index hit is kept, so asking the indexes for the page's worth is enough
    candidates = 3 * wanted if councils is None and not narrowed else FILTERED_CANDIDATES
    sparse = _POOL.submit(fulltext_candidates, graph, lucene_query(query, expansions(query)), filters, councils,
                          candidates, 3 * wanted) if mode != "dense" else None
    dense = []
    if mode != "fulltext":
        vector = vector if vector is not None else embedder.embed([query])[0].tolist()
        dense = dense_candidates(graph, vector, filters, councils, candidates, 3 * wanted)
    fused = rrf([[row["passage_id"] for row in dense],
                 [row["passage_id"] for row in (sparse.result() if sparse else [])]])
    # Neo4j's cosine index scores are (1 + cosine) / 2
    cosine = {row["passage_id"]: 2 * row["score"] - 1 for row in dense}
    return Ranking(sorted(fused, key=lambda passage_id: fused[passage_id], reverse=True), fused, cosine)


def search(graph: Graph, embedder: Embedder, query: str, filters: SearchFilters | None = None,
           limit: int = 10, offset: int = 0, mode: str = "hybrid") -> list[Hit]:
    """Ranked hits; `mode` keeps one side only (dense or full text), for evaluation."""
    query = query.strip()[:MAX_QUERY_CHARS]
    wanted = offset + limit
    ranked = ranking(graph, embedder, query, filters or SearchFilters(), wanted, mode)
    fused = ranked.fused
    terms = query_terms(query, expansions(query))
    hits: list[Hit] = []
    by_text: dict[str, Hit] = {}
    # hydrate only as many as the page needs (a few spare for duplicates), more if duplicates ate them
    start, batch = 0, wanted + 5
    while len(hits) < wanted and start < len(ranked.ids):
        chunk = ranked.ids[start:start + batch]
        start += batch
        found = passages(graph, chunk)
        for passage_id in chunk:
            row = found.get(passage_id)
            if row is None:
                continue
            citation = {"title": row["title"], "publisher": row["publisher"], "date": row["date"],
                        "page": row["page"], "kind": row["kind"], "document_id": row["document_id"]}
            same = by_text.get(row["text_hash"])
            if same is not None:
                same.also_in.append(citation)
                continue
            councils = {council["code"]: council for council in row["councils"] + row["councils_mentioned"]}
            hit = Hit(passage_id, row["document_id"], row["text"], snippet(row["text"], terms),
                      round(fused[passage_id], 6), citation, list(councils.values()), row["interventions"],
                      row["enablers"])
            by_text[row["text_hash"]] = hit
            hits.append(hit)
    return hits[offset:offset + limit]
