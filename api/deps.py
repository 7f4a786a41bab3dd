"""What a request needs — the graph, the embedding model, the caller's right to write — given
by dependency injection, so routers stay thin and tests drive the real thing."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from embedding.embedder import Embedder, embedder_for
from kg.connection import Graph
from kg.model.settings import Settings


class AppState:
    """One driver and one model per process. The driver is made on first use, so the API starts
    (and answers 503) while Neo4j is down, and recovers by itself when it returns."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._graph: Graph | None = None
        self._embedder: Embedder | None = None
        self._graph_lock = threading.Lock()
        self._model_lock = threading.Lock()

    @property
    def graph(self) -> Graph:
        with self._graph_lock:
            if self._graph is None:
                self._graph = Graph(self.settings)
            return self._graph

    @property
    def embedder(self) -> Embedder:
        with self._model_lock:  # loading takes seconds; graph requests must not wait for it
            if self._embedder is None:
                self._embedder = embedder_for(self.settings)
            return self._embedder

    @property
    def model_loaded(self) -> bool:
        return self._embedder is not None

    def close(self) -> None:
        """At shutdown; a later request (a test client may run the lifespan again) opens a new driver."""
        with self._graph_lock:
            if self._graph is not None:
                self._graph.close()
                self._graph = None


def app_state(request: Request) -> AppState:
    return request.app.state.evidence


def graph(request: Request) -> Graph:
    return app_state(request).graph


def embedder(request: Request) -> Embedder:
    return app_state(request).embedder


def settings(request: Request) -> Settings:
    return app_state(request).settings


# Security schemes rather than plain headers, so the OpenAPI document says writes need either one
API_KEY_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="The API key (EVIDENCE_API_KEY).")
BEARER = HTTPBearer(auto_error=False, description="The same key as a bearer token.")


def require_api_key(
    request: Request,
    x_api_key: Annotated[str | None, Security(API_KEY_HEADER)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)] = None,
) -> None:
    """Writes need the configured key, compared in constant time; with no key configured they are off."""
    configured = app_state(request).settings.api_key
    if configured is None:
        raise HTTPException(403, "writing is disabled: the server has no EVIDENCE_API_KEY configured")
    offered = x_api_key or (bearer.credentials.strip() if bearer else None)
    if not offered:
        raise HTTPException(401, "send the API key as X-API-Key or Authorization: Bearer <key>",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(offered.encode(), configured.get_secret_value().encode()):
        raise HTTPException(403, "the API key is not valid")


GraphDep = Annotated[Graph, Depends(graph)]
EmbedderDep = Annotated[Embedder, Depends(embedder)]
SettingsDep = Annotated[Settings, Depends(settings)]
WriteAccess = Depends(require_api_key)
