"""`evidence serve`: the API (and, later, the web pages) on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import typer
import uvicorn

from api.app import create_app
from evidence.cli.output import console
from evidence.settings import get_settings


def serve(
    host: str = typer.Option(None, help="Address to bind (default EVIDENCE_API_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default EVIDENCE_API_PORT, 8000)."),
) -> None:
    """Serve the JSON API under /api and /health until interrupted."""
    settings = get_settings()
    host, port = host or settings.api_host, port or settings.api_port
    console.print(f"serving http://{host}:{port}/ (API docs at /docs); Neo4j at {settings.bolt_uri}")
    # the request line may be long enough for the app to refuse it politely rather than h11 rudely
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info",
                h11_max_incomplete_event_size=256 * 1024)
