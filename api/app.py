"""The FastAPI application: JSON API under /api, /health at the root, web pages at plain paths,
problem+json errors (HTML error pages for the web pages), request limits, CORS only when configured."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api import problems
from api.deps import AppState
from api.limits import RequestLimits
from api.routes import (
    councils,
    curation,
    documents,
    evidence,
    health,
    search,
    what_worked,
)
from api.web import pages
from kg.model.errors import EvidenceError
from kg.model.settings import Settings, get_settings
from kg.statistics import key_statistics
from search.evidence_map import evidence_map
from search.what_worked import what_worked as rank_what_worked

DESCRIPTION = """Evidence of how English councils improved their children's social care: passages
from inspection reports and case studies, councils and their inspection journeys, interventions,
outcomes and enablers — every answer with the quote and document it comes from."""


def warm(state: AppState) -> None:
    """Loads the model and fills the caches of the catalogue-wide reads, so first visitors wait no longer
    than later ones; with Neo4j down it just stops (requests will say so)."""
    embedder = state.embedder
    try:
        rank_what_worked(state.graph, embedder)
        evidence_map(state.graph)
        key_statistics(state.graph)
    except EvidenceError:
        pass


def create_app(settings: Settings | None = None, load_model: bool = True) -> FastAPI:
    """`load_model` warms the model and caches in the background so the first requests are not slow."""
    state = AppState(settings or get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if load_model:
            threading.Thread(target=warm, args=(state,), daemon=True, name="warm-up").start()
        yield
        state.close()

    app = FastAPI(title="Evidence Graph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.evidence = state
    problems.install(app, pages.render_error)
    for module in (health, search, councils, curation, evidence, what_worked, documents):
        app.include_router(module.router, responses=problems.PROBLEMS)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(pages.__file__).parent / "static"), name="static")
    app.add_middleware(RequestLimits, upload_bytes=int(state.settings.max_file_mb * 1024 * 1024))
    if state.settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=state.settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["X-API-Key", "Authorization", "Content-Type"])
    return app
