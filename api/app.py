"""The FastAPI application: JSON API under /api, /health at the root, problem+json errors,
request limits, CORS only when configured."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import problems
from api.deps import AppState
from api.limits import RequestLimits
from api.routes import councils, documents, evidence, health, search, what_worked
from evidence.settings import Settings, get_settings

DESCRIPTION = """Evidence of how English councils improved their children's social care: passages
from inspection reports and case studies, councils and their inspection journeys, interventions,
outcomes and enablers — every answer with the quote and document it comes from."""


def create_app(settings: Settings | None = None, load_model: bool = True) -> FastAPI:
    """`load_model` warms the embedding model in the background so the first search is not slow."""
    state = AppState(settings or get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if load_model:
            threading.Thread(target=lambda: state.embedder, daemon=True, name="load-model").start()
        yield
        state.close()

    app = FastAPI(title="Evidence Graph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.evidence = state
    problems.install(app)
    for module in (health, search, councils, evidence, what_worked, documents):
        app.include_router(module.router)
    app.add_middleware(RequestLimits, upload_bytes=int(state.settings.max_file_mb * 1024 * 1024))
    if state.settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=state.settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["X-API-Key", "Authorization", "Content-Type"])
    return app
