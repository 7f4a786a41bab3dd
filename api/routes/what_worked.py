"""POST /api/what-worked: interventions that worked for councils like this one, with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import EmbedderDep, GraphDep
from api.models import Grade, WhatWorkedAnswer, WhatWorkedQuery
from api.problems import problem_responses
from api.views import what_worked_query, what_worked_view

router = APIRouter(prefix="/api", tags=["what worked"])


@router.post("/what-worked", response_model=WhatWorkedAnswer, responses=problem_responses(400, 404, 409))
def what_worked(query: WhatWorkedQuery, graph: GraphDep, embedder: EmbedderDep) -> WhatWorkedAnswer:
    """Ranked by relevance to the question, comparability, improvement after adoption and evidence
    strength; with no council, profile or question, the strongest evidence overall."""
    return what_worked_view(graph, embedder, query)


@router.get("/what-worked", response_model=WhatWorkedAnswer, responses=problem_responses(400, 404, 409))
def what_worked_link(graph: GraphDep, embedder: EmbedderDep,
                     council: Annotated[str | None, Query(max_length=120, examples=["Bexley"])] = None,
                     question: Annotated[str | None, Query(max_length=1000)] = None,
                     type: Annotated[str | None, Query(max_length=60)] = None,
                     region: Annotated[str | None, Query(max_length=60)] = None,
                     grade: Grade | None = None,
                     population: Annotated[int | None, Query(ge=1, le=10_000_000)] = None,
                     limit: Annotated[int, Query(ge=1, le=25)] = 5) -> WhatWorkedAnswer:
    """The same answer as the POST, from a link (the web page's JSON twin)."""
    return what_worked_view(graph, embedder, what_worked_query(council, question, type, region, grade, population,
                                                               limit))

