"""The HTTP API: FastAPI routers over the same functions the CLI calls."""
