"""Curation of emerging interventions: what there is to review, and a curator's decision (API key
required), recorded in the curation file and applied to the graph as `evidence interventions
promote | merge | rename | reject` does."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from api.deps import GraphDep, SettingsDep, WriteAccess
from api.models import CurationAnswer, EmergingList
from api.problems import problem_responses
from kg.curation import curate, review
from kg.model.curation import EMERGING_ID, CurationChange, CurationDecision
from kg.model.errors import CurationError

# before the evidence router, whose /api/interventions/{intervention} would take "emerging" for an id
router = APIRouter(prefix="/api/interventions", tags=["curation"])


@router.get("/emerging", response_model=EmergingList)
def emerging(graph: GraphDep,
             min_councils: Annotated[int, Query(ge=0, le=200, description="Only those at least this many "
                                                                          "councils implemented.")] = 0,
             limit: Annotated[int, Query(ge=1, le=500)] = 100) -> EmergingList:
    """Emerging interventions (practices the catalogue never named) to review, with counts and quotes:
    most councils first, then most mentions."""
    return EmergingList(interventions=review(graph, min_councils, limit))


@router.post("/{intervention}/curation", response_model=CurationAnswer, dependencies=[WriteAccess],
             responses=problem_responses(400, 401, 403, 404))
async def curation(
    graph: GraphDep,
    settings: SettingsDep,
    intervention: Annotated[str, Path(pattern=EMERGING_ID, max_length=120,
                                      examples=["emerging:kinship_navigator_service"])],
    change: Annotated[CurationChange, Body()],
) -> CurationAnswer:
    """Promote, merge, rename or reject an emerging intervention: recorded in the curation file, which
    every later ingest applies, and applied to the graph at once. 404 for an unknown id (nothing is
    written), 400 for a catalogue entry or a merge into itself."""
    try:
        decision = CurationDecision(id=intervention, **change.model_dump())
    except ValidationError as error:  # a merge into itself: the only check the body alone cannot make
        raise CurationError(f"{intervention}: {error.errors()[0]['msg']}") from error
    return CurationAnswer(**await run_in_threadpool(curate, graph, settings, decision))
