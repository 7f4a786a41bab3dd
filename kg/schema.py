"""Constraints and indexes, created before any load so every MERGE is keyed and unique."""

from __future__ import annotations

from kg.connection import Graph
from kg.queries import statements


def init_schema(graph: Graph) -> int:
    """Creates what is missing and waits until indexes are online; returns the statement count."""
    graph.run_script("schema")
    graph.run_script("indexes_await", seconds=300)
    return len(statements("schema"))
