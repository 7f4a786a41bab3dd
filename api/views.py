"""One data function per view: a page and its JSON twin under /api are both built from it
(datasette's rule), so the JSON holds everything the page shows."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from api.models import (
    CouncilPage,
    ProfileQuery,
    SearchAnswer,
    SearchQuery,
    WhatWorkedAnswer,
    WhatWorkedQuery,
)
from embedding.embedder import Embedder
from kg.connection import Graph
from kg.evidence import (
    council_interventions,
    find_outcomes,
    resolve_enabler,
    resolve_intervention,
)
from kg.inspections import council_profile
from kg.search import SearchFilters
from kg.statistics import council_statistics
from search.hybrid import search_understood
from search.similar import Profile
from search.what_worked import what_worked as rank_what_worked

COUNCIL_OUTCOMES = 20
COUNCIL_WHAT_WORKED = 3
Query = TypeVar("Query", bound=BaseModel)


def validated(model: type[Query], values: dict[str, Any]) -> Query:
    """Choices from a page's query string, checked by the model its JSON twin's route uses; a
    wrong one answers 422 as the route would."""
    try:
        return model.model_validate(values)
    except ValidationError as error:
        raise RequestValidationError(error.errors()) from None


def council_view(graph: Graph, embedder: Embedder, council: str) -> CouncilPage:
    """A council's profile and journey, the interventions it used, the outcomes it reported and
    what worked for councils like it."""
    profile = council_profile(graph, council)
    code = profile["code"]
    answer = None if profile["historic"] else what_worked_view(
        graph, embedder, WhatWorkedQuery(council=code, limit=COUNCIL_WHAT_WORKED))
    return CouncilPage(**profile, interventions=council_interventions(graph, code),
                       outcomes=find_outcomes(graph, code, limit=COUNCIL_OUTCOMES),
                       statistics=council_statistics(graph, code), what_worked=answer)


def search_view(graph: Graph, embedder: Embedder, query: SearchQuery, limit: int, offset: int) -> SearchAnswer:
    filters = SearchFilters(query.council, query.region, query.type, query.grade, query.kind, query.date_from,
                            query.date_to, resolve_intervention(query.intervention) if query.intervention else None,
                            resolve_enabler(query.enabler) if query.enabler else None)
    hits, understood = search_understood(graph, embedder, query.q, filters, limit, offset)
    return SearchAnswer(query=query.q, limit=limit, offset=offset, understood=understood.as_json(),
                        hits=[asdict(hit) for hit in hits])


def what_worked_view(graph: Graph, embedder: Embedder, query: WhatWorkedQuery) -> WhatWorkedAnswer:
    """Ranked by relevance to the question, comparability, improvement after adoption and evidence
    strength; with no council, profile or question, the strongest evidence overall."""
    profile = None
    if query.profile is not None and not query.council:
        wanted = query.profile
        profile = Profile.described(wanted.type, wanted.region, wanted.grade, wanted.population)
    question = query.question.strip() if query.question else None
    ranked = rank_what_worked(graph, embedder, query.council, profile, question or None, query.limit)
    return WhatWorkedAnswer(**ranked.as_json())


def what_worked_query(council: str | None, question: str | None, type: str | None, region: str | None,
                      grade: str | None, population: int | str | None, limit: int) -> WhatWorkedQuery:
    """The query a link or a form describes: a council, or else a profile when any part is given."""
    profile = validated(ProfileQuery, {"type": type, "region": region, "grade": grade, "population": population})
    given = profile if profile.model_dump(exclude_none=True) else None
    return validated(WhatWorkedQuery, {"council": council, "profile": given, "question": question, "limit": limit})
