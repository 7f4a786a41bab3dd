"""GET /api/search: hybrid passage search with filters; every hit carries its citation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import EmbedderDep, GraphDep
from api.models import SearchAnswer, SearchQuery
from api.problems import problem_responses
from api.views import search_view

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchAnswer, responses=problem_responses(404, 409))
def search(
    graph: GraphDep,
    embedder: EmbedderDep,
    query: Annotated[SearchQuery, Query()],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> SearchAnswer:
    return search_view(graph, embedder, query, limit, offset)
