"""Graph reads behind passage search: candidates from the vector and full-text indexes, with the
filters applied inside the query, and the citation of each passage found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.connection import Graph
from kg.councils import all_councils, resolve
from kg.documents import check_embedding_model
from kg.model.errors import NotReady


@dataclass
class SearchFilters:
    council: str | None = None
    region: str | None = None
    council_type: str | None = None
    grade: str | None = None
    kind: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    intervention: str | None = None  # catalogue id
    enabler: str | None = None  # enabler id


def council_scope(graph: Graph, filters: SearchFilters) -> list[str] | None:
    """The councils the council, region, type and grade filters leave (None: no such filter)."""
    if not any([filters.council, filters.region, filters.council_type, filters.grade]):
        return None
    councils = all_councils(graph)
    if filters.council:
        councils = [resolve(councils, filters.council)]
    if filters.region:
        councils = [c for c in councils if c.region.lower() == filters.region.lower()]
    if filters.council_type:
        councils = [c for c in councils if (c.type or "").lower() == filters.council_type.lower()]
    if filters.grade:
        grades = {row["code"]: row["grade"] for row in graph.read_cached("councils_current_grades")}
        councils = [c for c in councils if grades.get(c.code) == filters.grade]
    return [c.code for c in councils]


def _params(filters: SearchFilters, councils: list[str] | None, candidates: int, limit: int,
            documents: list[str] | None = None) -> dict[str, Any]:
    return {"kind": filters.kind, "date_from": filters.date_from, "date_to": filters.date_to,
            "councils": councils, "intervention": filters.intervention, "enabler": filters.enabler,
            "documents": documents, "candidates": candidates, "limit": limit}


def dense_candidates(graph: Graph, vector: list[float], filters: SearchFilters, councils: list[str] | None,
                     candidates: int, limit: int, facets: bool = False) -> list[dict]:
    """The vector index's nearest passages; with `facets`, each with what the graph links it to, read
    in the same round trip (see search_candidates.cypher)."""
    return graph.read("search_candidates", vector=vector, lucene=None, facets=facets, texts=False,
                      **_params(filters, councils, candidates, limit))


def fulltext_candidates(graph: Graph, lucene: str, filters: SearchFilters, councils: list[str] | None,
                        candidates: int, limit: int, documents: list[str] | None = None,
                        facets: bool = False, texts: bool = False) -> list[dict]:
    """The full-text index's best passages; `facets` as for dense_candidates; with `texts`, each with
    its text."""
    return graph.read("search_candidates", vector=None, lucene=lucene, facets=facets, texts=texts,
                      **_params(filters, councils, candidates, limit, documents))


def report_grade_moves(graph: Graph) -> list[dict[str, Any]]:
    """Every inspection report with its council's earlier overall grades (document_id, code, grade,
    earlier: oldest first)."""
    return graph.read_cached("report_grade_moves")


def passages(graph: Graph, ids: list[str]) -> dict[str, dict]:
    return {row["passage_id"]: row for row in graph.read("search_hits", ids=ids)}


def check_query_model(graph: Graph, name: str, dimensions: int) -> None:
    """Query vectors must come from the model that embedded the passages."""
    held = graph.read_cached("embedding_model_get")
    if not held:
        raise NotReady("the graph holds no embedded passages yet: run `evidence ingest` first")
    check_embedding_model(graph, name, dimensions, "refusing to search", held)


def interventions_named(graph: Graph, ids: list[str]) -> dict[str, list[str]]:
    """The interventions each passage mentions."""
    return {row["passage_id"]: row["interventions"] for row in graph.read("passage_interventions", ids=ids)}
