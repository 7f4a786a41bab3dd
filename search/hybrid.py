"""Hybrid passage search: dense (vector index) and full text (Lucene, with the field's synonyms),
fused by reciprocal rank; identical passages from different documents are shown once."""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from embedding.embedder import Embedder
from kg.connection import Graph
from kg.search import (
    SearchFilters,
    check_query_model,
    council_scope,
    dense_candidates,
    fulltext_candidates,
    passages,
    report_grade_moves,
)
from search.proximity import by_nearness
from search.snippets import content_words, query_terms, snippet
from search.understanding import Understood, moved, understand
from search.vocabulary import expansions

RRF_K = 10  # chosen on the dev split with the weights below (30, then 60, before; BENCHMARKS.md)
FILTERED_CANDIDATES = 1000  # index hits to look through when filters will discard most of them
MAX_QUERY_CHARS = 1000
SYNONYM_BOOST = 0.5  # a synonym's phrase against the query's own words (chosen on the dev split)
HEADING_BOOST = 0.5  # a match in the section heading against one in the text (chosen on the dev split)
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
    """The query's words (split where BM25 splits them, common words dropped) OR'ed, each synonym as a
    quoted phrase counting half as much; over the text, and over the heading at half weight. Every
    special character is escaped."""
    words = content_words(query)
    phrases = [f'"{_LUCENE_SPECIAL.sub(" ", phrase)}"^{SYNONYM_BOOST}' for phrase in extra_phrases]
    inner = " OR ".join(dict.fromkeys(words + phrases))
    return f"text:({inner}) OR section:({inner})^{HEADING_BOOST}" if inner else '""'


def rrf(rankings: list[list[str]], k: int = RRF_K, weights: list[float] | None = None) -> dict[str, float]:
    """Weighted reciprocal-rank scores, best first (equal scores by passage id, so the order never
    depends on the order the lists came in)."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, passage_id in enumerate(ranking, start=1):
            scores[passage_id] = scores.get(passage_id, 0.0) + weight / (k + rank)
    return dict(sorted(scores.items(), key=lambda scored: (-scored[1], scored[0])))


LISTS = ("dense", "fulltext", "graph")
# each list alone, all three fused, and the fusion without one of them (the ablation)
MODES = ("hybrid", "dense", "fulltext", "graph")
ABLATIONS = tuple(f"without-{name}" for name in LISTS)
FUSION_WEIGHTS = {"dense": 0.5, "fulltext": 1.0, "graph": 1.5}  # chosen on the whole dev split (BENCHMARKS.md)
POOL = 60  # full-text candidates re-ordered by nearness, and looked through by the graph list
SCOPED = 50  # and the best of each look-up of its own (the named councils' documents, a named practice)
SCOPED_CANDIDATES = 500  # index hits each such look-up filters
# how much each thing a passage is linked to that the question names counts for the graph list
GRAPH_WEIGHTS = {"council": 1.0, "comparator": 0.6, "intervention": 1.0, "metric": 0.6, "direction": 0.4,
                 "grade": 0.4, "transition": 1.0, "year": 0.4}
# a grade or a year alone is linked to too many passages to be evidence: it only adds to other links
MIN_GRAPH_SCORE = 0.5
SCOPED_INTERVENTIONS = 2  # practices named whose passages get a full-text look-up of their own
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="search")  # a search runs up to six look-ups at once


def lists_of(mode: str) -> tuple[str, ...]:
    if mode == "hybrid":
        return LISTS
    if mode in LISTS:
        return (mode,)
    if mode in ABLATIONS:
        return tuple(name for name in LISTS if name != mode.removeprefix("without-"))
    raise ValueError(f"unknown search mode {mode!r}")


@dataclass
class Ranking:
    ids: list[str]  # best first
    fused: dict[str, float]  # reciprocal-rank scores
    cosine: dict[str, float]  # the query's cosine similarity to each passage the vector index found
    understood: Understood = field(default_factory=Understood)


def moved_reports(graph: Graph, understood: Understood, councils: list[str] | None) -> set[str]:
    """The reports in which a council arrived by the move between grades the question asks about: of
    the councils it names or is scoped to (none when none of them made it), else of all councils."""
    if understood.transition is None:
        return set()
    made = [row for row in report_grade_moves(graph) if moved(understood.transition, row["earlier"], row["grade"])
            and (councils is None or row["code"] in councils)]
    return {row["document_id"] for row in made}


def graph_score(row: dict, understood: Understood, arrived: set[str]) -> float:
    """How much of what the question names the graph links this passage to (`arrived`: the reports of
    the move between grades it asks about)."""
    councils = set(row["councils"])
    score = GRAPH_WEIGHTS["transition"] if row["document_id"] in arrived else 0.0
    if councils & understood.council_codes():
        score += GRAPH_WEIGHTS["council"]
    if councils & set(understood.comparators):
        score += GRAPH_WEIGHTS["comparator"]
    if set(row["interventions"]) & {i["id"] for i in understood.interventions}:
        score += GRAPH_WEIGHTS["intervention"]
    stated = [outcome.split(" ") for outcome in row["outcomes"]]
    wanted = {m["id"] for m in understood.metrics}
    if any(metric in wanted for metric, _ in stated):
        score += GRAPH_WEIGHTS["metric"]
        if understood.direction and any(metric in wanted and direction == understood.direction
                                        for metric, direction in stated):
            score += GRAPH_WEIGHTS["direction"]
    if set(row["grades"]) & set(understood.grades):
        score += GRAPH_WEIGHTS["grade"]
    if {str(year) for year in understood.years} & {year for year in row["years"] if year}:
        score += GRAPH_WEIGHTS["year"]
    return score


def graph_list(graph: Graph, understood: Understood, lucene: str, filters: SearchFilters,
               councils: list[str] | None, fulltext: Future[list[dict]], dense: Future[list[dict]]) -> list[str]:
    """Candidates of the other lists, and the passages the graph links to what the question names
    (the named councils' and their comparators' documents, the reports of councils that made the
    move between grades it asks about, passages naming a named practice) that match the question's
    words, ordered by how much of the question the graph links them to. The look-ups and the links
    come with the candidates, so none waits for a read of its own."""
    scoped = []
    named = sorted(understood.council_codes() | set(understood.comparators))
    scope = (named if councils is None else [code for code in named if code in councils]) if named else councils
    if named and scope:
        scoped.append(_POOL.submit(fulltext_candidates, graph, lucene, filters, scope, SCOPED_CANDIDATES, SCOPED,
                                   facets=True))
    arrived = moved_reports(graph, understood, scope)
    if arrived:
        scoped.append(_POOL.submit(fulltext_candidates, graph, lucene, filters, councils, SCOPED_CANDIDATES, SCOPED,
                                   sorted(arrived), facets=True))
    if filters.intervention is None:
        for intervention in understood.interventions[:SCOPED_INTERVENTIONS]:
            narrowed = replace(filters, intervention=intervention["id"])
            scoped.append(_POOL.submit(fulltext_candidates, graph, lucene, narrowed, councils, SCOPED_CANDIDATES,
                                       SCOPED, facets=True))
    pools = [fulltext.result(), *(future.result() for future in scoped)]
    scores = {row["passage_id"]: graph_score(row, understood, arrived) for pool in pools for row in pool}
    scores |= {row["passage_id"]: graph_score(row, understood, arrived) for row in dense.result()}
    base = rrf([[row["passage_id"] for row in rows] for rows in [dense.result(), *pools]])
    linked = [passage_id for passage_id, score in scores.items() if score >= MIN_GRAPH_SCORE]
    return sorted(linked, key=lambda passage_id: (-scores[passage_id], -base[passage_id], passage_id))


def ranking(graph: Graph, embedder: Embedder, query: str, filters: SearchFilters, wanted: int,
            mode: str = "hybrid", vector: list[float] | None = None, understood: Understood | None = None) -> Ranking:
    """Passage ids best first with their scores. The question is read first (what it names decides
    whether the candidates come with their graph links); it is embedded and its nearest passages read
    while the full-text look-ups run, so the index look-ups overlap."""
    check_query_model(graph, embedder.name, embedder.dimensions)
    lists = lists_of(mode)
    councils = council_scope(graph, filters)
    if councils == []:
        return Ranking([], {}, {})
    narrowed = filters.kind or filters.date_from or filters.date_to or filters.intervention or filters.enabler
    # unfiltered, every index hit is kept, so asking the indexes for the page's worth is enough
    candidates = 3 * wanted if councils is None and not narrowed else FILTERED_CANDIDATES
    understood = understand(graph, query) if understood is None and "graph" in lists else understood or Understood()
    use_graph = "graph" in lists and bool(understood)
    # the full-text list is re-ordered, and the graph list looks, further down it (cheap); the vector
    # index's cost grows with what it is asked for, so it gives the page's worth either way
    keep = max(3 * wanted, POOL)
    lucene = lucene_query(query, expansions(query))
    sparse = _POOL.submit(_fulltext_by_nearness, graph, query, lucene, filters, councils, max(candidates, keep), keep,
                          use_graph) if "fulltext" in lists or use_graph else _done([])
    dense = _POOL.submit(_nearest, graph, embedder, query, vector, filters, councils, candidates, 3 * wanted,
                         use_graph) if "dense" in lists or use_graph else _done([])
    found = {"graph": graph_list(graph, understood, lucene, filters, councils, sparse, dense) if use_graph else []}
    found["dense"] = [row["passage_id"] for row in dense.result()] if "dense" in lists else []
    found["fulltext"] = [row["passage_id"] for row in sparse.result()][:3 * wanted] if "fulltext" in lists else []
    fused = rrf([found[name] for name in LISTS], weights=[FUSION_WEIGHTS[name] for name in LISTS])
    # Neo4j's cosine index scores are (1 + cosine) / 2
    cosine = {row["passage_id"]: 2 * row["score"] - 1 for row in dense.result()}
    return Ranking(list(fused), fused, cosine, understood)


def _fulltext_by_nearness(graph: Graph, query: str, lucene: str, filters: SearchFilters,
                          councils: list[str] | None, candidates: int, limit: int, facets: bool) -> list[dict]:
    """The full-text index's best passages, the first POOL re-ordered by how near the question's words
    stand in each (re-ordering 100 did no better on dev); the rest, read for deeper pages, after them
    in the index's order, so that a deeper page never re-orders the ones before it."""
    rows = fulltext_candidates(graph, lucene, filters, councils, candidates, limit, facets=facets, texts=True)
    return by_nearness(rows[:POOL], query) + rows[POOL:]


def _nearest(graph: Graph, embedder: Embedder, query: str, vector: list[float] | None, filters: SearchFilters,
             councils: list[str] | None, candidates: int, limit: int, facets: bool) -> list[dict]:
    """The vector index's nearest passages; the field's synonyms help the small model too ("locum"
    beside "agency staff")."""
    if vector is None:
        vector = embedder.embed([" ; ".join([query, *expansions(query)])])[0].tolist()
    return dense_candidates(graph, vector, filters, councils, candidates, limit, facets)


def _done(rows: list[dict]) -> Future[list[dict]]:
    """A list no index look-up was needed for, in the shape of one that was."""
    future: Future[list[dict]] = Future()
    future.set_result(rows)
    return future


def search(graph: Graph, embedder: Embedder, query: str, filters: SearchFilters | None = None,
           limit: int = 10, offset: int = 0, mode: str = "hybrid") -> list[Hit]:
    """Ranked hits; `mode` keeps some lists only (see MODES, ABLATIONS), for evaluation."""
    return search_understood(graph, embedder, query, filters, limit, offset, mode)[0]


def search_understood(graph: Graph, embedder: Embedder, query: str, filters: SearchFilters | None = None,
                      limit: int = 10, offset: int = 0, mode: str = "hybrid") -> tuple[list[Hit], Understood]:
    """Ranked hits and what search read in the query, to show beside them."""
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
    return hits[offset:offset + limit], ranked.understood
