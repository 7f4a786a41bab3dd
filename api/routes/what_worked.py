"""POST /api/what-worked: interventions that worked for councils like this one, with evidence."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import EmbedderDep, GraphDep
from api.models import WhatWorkedAnswer, WhatWorkedQuery
from api.problems import problem_responses
from search.similar import Profile
from search.what_worked import what_worked as rank_what_worked

router = APIRouter(prefix="/api", tags=["what worked"])


@router.post("/what-worked", response_model=WhatWorkedAnswer, responses=problem_responses(400, 404, 409, 422, 503))
def what_worked(query: WhatWorkedQuery, graph: GraphDep, embedder: EmbedderDep) -> WhatWorkedAnswer:
    """Ranked by relevance to the question, comparability, improvement after adoption and evidence
    strength; with no council, profile or question, the strongest evidence overall."""
    profile = None
    if query.profile is not None and not query.council:
        wanted = query.profile
        profile = Profile.described(wanted.type, wanted.region, wanted.grade, wanted.population)
    question = query.question.strip() if query.question else None
    answer = rank_what_worked(graph, embedder, query.council, profile, question or None, query.limit)
    return WhatWorkedAnswer(**answer.as_json())
