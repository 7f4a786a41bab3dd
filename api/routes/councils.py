"""Councils: the list with current grades, one council's profile and journey, comparable councils, and
its official statistics beside its statistical neighbours' and England's.
`{council}` is an ONS code, a DfE code or a name; an ambiguous name answers 409 with the candidates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import StringConstraints

from api.deps import EmbedderDep, GraphDep
from api.models import CouncilList, CouncilPage, CouncilStatistics, Grade, SimilarAnswer
from api.problems import problem_responses
from api.views import council_view
from kg.councils import council_summaries
from kg.model.statistics import KEY_MEASURES
from kg.statistics import council_statistics
from search.similar import similar as rank_similar

router = APIRouter(prefix="/api/councils", tags=["councils"])
CouncilPath = Annotated[str, Path(min_length=1, max_length=120, description="ONS code, DfE code or name.",
                                  examples=["Isle of Wight"])]


@router.get("", response_model=CouncilList)
def councils(
    graph: GraphDep,
    region: Annotated[str | None, Query(max_length=60, examples=["London"])] = None,
    type: Annotated[str | None, Query(max_length=60, examples=["County"])] = None,
    grade: Grade | None = None,
) -> CouncilList:
    return CouncilList(councils=council_summaries(graph, region, type, grade))


@router.get("/{council}", response_model=CouncilPage, responses=problem_responses(404, 409))
def council(graph: GraphDep, embedder: EmbedderDep, council: CouncilPath) -> CouncilPage:
    """The profile and journey, and everything the council's page shows beside them."""
    return council_view(graph, embedder, council)


@router.get("/{council}/similar", response_model=SimilarAnswer, responses=problem_responses(404, 409))
def similar(graph: GraphDep, council: CouncilPath,
            limit: Annotated[int, Query(ge=1, le=100)] = 10) -> SimilarAnswer:
    return SimilarAnswer(councils=rank_similar(graph, council, None, limit))


MeasureId = Annotated[str, StringConstraints(min_length=1, max_length=50)]


@router.get("/{council}/statistics", response_model=CouncilStatistics, responses=problem_responses(404, 409))
def statistics(
    graph: GraphDep, council: CouncilPath,
    measure: Annotated[list[MeasureId] | None, Query(max_length=50, description="Measure ids (repeatable); the key "
                                               "measures when none is given: " + ", ".join(KEY_MEASURES) + ".",
                                               examples=[["Work_Force_Agecy_Rate", "LAC"]])] = None,
) -> CouncilStatistics:
    """The council's official statistics, each measure's series with its statistical neighbours' median and
    England, and the series of the councils it replaced; every figure with its source and citation."""
    return CouncilStatistics(**council_statistics(graph, council, measure))
