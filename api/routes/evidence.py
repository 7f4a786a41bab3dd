"""The extracted evidence: interventions, outcomes, enablers and the evidence gap map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.deps import GraphDep
from api.models import (
    CellEvidence,
    EnablerList,
    EnablerPassages,
    EvidenceKind,
    EvidenceMap,
    InterventionList,
    InterventionProfile,
    OutcomeList,
)
from api.problems import problem_responses
from kg.councils import all_councils, resolve
from kg.evidence import (
    all_enablers,
    all_interventions,
    enabler_passages,
    find_outcomes,
    intervention_profile,
    resolve_enabler,
    resolve_intervention,
)
from search.evidence_map import cell_evidence, evidence_map, scope

router = APIRouter(prefix="/api", tags=["evidence"])
Name = Annotated[str | None, Query(max_length=120)]
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=10_000)]


@router.get("/interventions", response_model=InterventionList)
def interventions(graph: GraphDep) -> InterventionList:
    return InterventionList(interventions=all_interventions(graph))


@router.get("/interventions/{intervention}", response_model=InterventionProfile,
            responses=problem_responses(404))
def intervention(graph: GraphDep,
                 intervention: Annotated[str, Path(max_length=120, examples=["signs_of_safety"])]) -> InterventionProfile:
    return InterventionProfile(**intervention_profile(graph, resolve_intervention(intervention)))


@router.get("/outcomes", response_model=OutcomeList, responses=problem_responses(404, 409))
def outcomes(
    graph: GraphDep,
    metric: Annotated[str | None, Query(max_length=60, examples=["child_protection_plans"],
                                        description="A controlled metric's id, or a free metric's key "
                                                    "(metric_key)")] = None,
    council: Name = None,
    intervention: Name = None,
    min_strength: Annotated[int, Query(ge=1, le=4, description="1 reported, 2 inspection, 3 before/after, "
                                                                "4 comparison")] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> OutcomeList:
    code = resolve(all_councils(graph), council).code if council else None
    rows = find_outcomes(graph, code, metric, resolve_intervention(intervention) if intervention else None,
                         min_strength, limit, offset)
    return OutcomeList(outcomes=rows)


@router.get("/enablers", response_model=EnablerList)
def enablers(graph: GraphDep) -> EnablerList:
    return EnablerList(enablers=all_enablers(graph))


@router.get("/enablers/{enabler}/passages", response_model=EnablerPassages, responses=problem_responses(404, 409))
def enabler(graph: GraphDep, enabler: Annotated[str, Path(max_length=120, examples=["engaging_partners"])],
            council: Name = None, limit: Limit = 20, offset: Offset = 0) -> EnablerPassages:
    enabler_id = resolve_enabler(enabler)
    code = resolve(all_councils(graph), council).code if council else None
    return EnablerPassages(enabler=enabler_id, passages=enabler_passages(graph, enabler_id, code, limit, offset))


def map_scope(graph: GraphDep,
              region: Annotated[str | None, Query(max_length=60, examples=["North West"])] = None,
              type: Annotated[str | None, Query(max_length=60, examples=["Metropolitan district"])] = None,
              comparators_of: Annotated[str | None, Query(max_length=120, description="Only this council and its "
                                                          "ten most comparable councils.")] = None) -> list[str] | None:
    """The councils the map's filters leave (None: all)."""
    return scope(graph, region, type, comparators_of)


Scope = Annotated[list[str] | None, Depends(map_scope)]
Kind = Annotated[EvidenceKind, Query(description="reported (text), measured (official statistics) or all.")]


@router.get("/evidence-map", response_model=EvidenceMap, responses=problem_responses(404, 409))
def gap_map(graph: GraphDep, councils: Scope, evidence: Kind = "all",
            limit: Annotated[int | None, Query(ge=1, le=10_000, description="Rows to return (all when absent).")] = None,
            offset: Offset = 0) -> EvidenceMap:
    """Interventions × outcome areas: councils, documents, reported and measured outcomes and best evidence
    strength per cell."""
    return EvidenceMap(**evidence_map(graph, councils, evidence, limit, offset))


@router.get("/evidence-map/{intervention}/{area}", response_model=CellEvidence,
            responses=problem_responses(404, 409))
def gap_map_cell(graph: GraphDep, councils: Scope,
                 intervention: Annotated[str, Path(max_length=120, examples=["signs_of_safety"])],
                 area: Annotated[str, Path(max_length=60, examples=["workforce"])],
                 evidence: Kind = "all") -> CellEvidence:
    """The outcomes behind one cell of the map: reported ones strongest first, and measured ones."""
    return CellEvidence(**cell_evidence(graph, resolve_intervention(intervention), area, councils, evidence))
