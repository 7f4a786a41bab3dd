"""Is the service usable: Neo4j reachable, the embedding model loaded, what the graph holds."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import app_state
from api.models import Health
from api.problems import problem
from kg.documents import ingest_status
from kg.model.errors import EvidenceError

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
@router.get("/api/health", response_model=Health, include_in_schema=False)
def health(request: Request) -> Health | JSONResponse:
    state = app_state(request)
    try:
        counts = {row["label"]: row["count"] for row in state.graph.read("node_counts")}
        loading = ingest_status(state.graph)
    except EvidenceError as error:
        return problem(503, str(error))
    if not state.model_loaded:
        return problem(503, "the embedding model is still loading")
    return Health(status="ok", neo4j=state.settings.bolt_uri, model_loaded=True, counts=counts, ingest=loading,
                  loaded=loading.summary())
