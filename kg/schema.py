"""Constraints and indexes, created before any load so every MERGE is keyed and unique."""

from __future__ import annotations

from kg.connection import Graph
from kg.queries import statements


def init_schema(graph: Graph) -> int:
    """Creates what is missing and waits until indexes are online; returns the statement count."""
    schema = statements("schema")
    graph.run_statements(schema + ["CALL db.awaitIndexes(300)"])
    return len(schema)
