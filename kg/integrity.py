"""Is the graph whole? The checks of `evidence db check`, run after faults to prove nothing was
lost, duplicated or left half-written."""

from __future__ import annotations

from typing import Any

from kg.connection import Graph


def problems(graph: Graph) -> list[dict[str, Any]]:
    """Each kind of damage found, with its count and a few examples; empty when the graph is clean."""
    return [row for row in graph.read("graph_check") if row["count"]]
