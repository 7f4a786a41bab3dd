"""GET /api/search: hybrid passage search with filters; every hit carries its citation."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import EmbedderDep, GraphDep
from api.models import Grade, SearchAnswer
from api.problems import problem_responses
from kg.evidence import resolve_enabler, resolve_intervention
from kg.search import SearchFilters
from search.hybrid import search as hybrid_search

router = APIRouter(prefix="/api", tags=["search"])

Text = Annotated[str | None, Query(max_length=120)]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Date = Annotated[str | None, Query(pattern=DATE, max_length=10)]


@router.get("/search", response_model=SearchAnswer, responses=problem_responses(404, 409))
def search(
    graph: GraphDep,
    embedder: EmbedderDep,
    q: Annotated[str, Query(min_length=1, max_length=1000, pattern=r"\S", description="What you are looking for.",
                            examples=["reducing reliance on agency social workers"])],
    council: Text = None,
    region: Text = None,
    type: Text = None,
    kind: Text = None,
    intervention: Text = None,
    enabler: Text = None,
    grade: Grade | None = None,
    date_from: Annotated[Date, Query(alias="from", description="On or after: YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[Date, Query(alias="to", description="On or before: YYYY[-MM[-DD]]")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> SearchAnswer:
    filters = SearchFilters(council, region, type, grade, kind, date_from, date_to,
                            resolve_intervention(intervention) if intervention else None,
                            resolve_enabler(enabler) if enabler else None)
    hits = hybrid_search(graph, embedder, q, filters, limit, offset)
    return SearchAnswer(query=q, limit=limit, offset=offset, hits=[asdict(hit) for hit in hits])
