"""Documents and passages in the graph: fingerprints for incremental ingest, and the
one-transaction write that makes a document land whole or not at all."""

from __future__ import annotations

from typing import Any, Callable

from neo4j import ManagedTransaction

from kg.connection import Graph, run_named
from kg.model.errors import ModelMismatch, NotFound
from kg.model.graph import Document, IngestRunEnd, IngestStatus, Passage


def fingerprints(graph: Graph, ids: list[str]) -> dict[str, str]:
    """The fingerprint (file, metadata, pipeline version) of each document already in the graph."""
    return {row["id"]: row["fingerprint"] or "" for row in graph.read("documents_fingerprints", ids=ids)}


def write_document(graph: Graph, document: Document, passages: list[Passage], councils: list[str], run_id: str,
                   change: str, extra_writes: Callable[[ManagedTransaction], None] | None = None) -> None:
    """Replaces the document and its passages (and what `extra_writes(tx)` derives) atomically."""

    def work(tx: ManagedTransaction) -> None:
        run_named(tx, "document_clear", id=document.id)
        run_named(tx, "document_upsert", document=document.model_dump(), councils=councils, run_id=run_id,
                  change=change)
        run_named(tx, "passages_create", document_id=document.id, passages=[p.model_dump() for p in passages])
        if extra_writes is not None:
            extra_writes(tx)

    graph.transaction(work)


def start_run(graph: Graph, run_id: str, code_version: str, planned: int) -> int:
    """Records the run; returns how many runs a crash had left 'running'."""
    return int(graph.write("ingest_run_start", id=run_id, code_version=code_version, planned=planned)[0]["interrupted"])


def ingest_status(graph: Graph) -> IngestStatus:
    return IngestStatus.model_validate(graph.read("ingest_status")[0])


def finish_run(graph: Graph, run: IngestRunEnd) -> None:
    graph.write("ingest_run_finish", run=run.model_dump())


def check_embedding_model(graph: Graph, name: str, dimensions: int, refusal: str = "refusing to ingest",
                          held: list[dict[str, Any]] | None = None) -> None:
    """Vectors from two models cannot be compared: refuse rather than mix them."""
    held = graph.read("embedding_model_get") if held is None else held
    if held and (held[0]["name"] != name or held[0]["dimensions"] != dimensions):
        raise ModelMismatch(
            f"{refusal}: the graph's passages were embedded with {held[0]['name']} ({held[0]['dimensions']} "
            f"dimensions), not {name} ({dimensions}); use the same model or re-ingest into an empty graph"
        )


def record_embedding_model(graph: Graph, name: str, dimensions: int, backend: str) -> None:
    graph.write("embedding_model_record", name=name, dimensions=dimensions, backend=backend)


def document_detail(graph: Graph, document_id: str) -> dict[str, Any]:
    found = graph.read("document_get", id=document_id)
    if not found:
        raise NotFound(f"no document with id {document_id!r}")
    row = found[0]
    return {**row["document"], "councils": row["councils"], "passages": row["passages"]}
