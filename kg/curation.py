"""Curation of emerging interventions: what there is to review, and each decision recorded in the
curation file (kg/model/curation.py) and applied to the graph in one transaction."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kg.connection import Graph, run_named
from kg.evidence import resolve_intervention
from kg.model.curation import (
    EMERGING_PREFIX,
    Curation,
    CurationDecision,
    curation_with,
    write_curation,
)
from kg.model.errors import CurationError, NotFound
from kg.model.settings import Settings

QUOTE_CHARS = 300


def review(graph: Graph, min_councils: int = 0, limit: int = 100, quotes: int = 2) -> list[dict[str, Any]]:
    """Emerging interventions (most councils, then most mentions, first) with their mentions,
    documents, councils and a few quotes with citations."""
    rows = graph.read("emerging_interventions_review", min_councils=min_councils, limit=limit, quotes=quotes)
    for row in rows:
        for quote in row["quotes"]:
            text = " ".join(quote["quote"].split())
            quote["quote"] = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"
    return rows


def _intervention(graph: Graph, intervention: str) -> dict[str, Any]:
    found = graph.read("intervention_get", intervention=intervention)
    if not found:
        hint = "; `evidence interventions review` lists the emerging ones" if intervention.startswith(
            EMERGING_PREFIX) else ""
        raise NotFound(f"intervention {intervention!r} is not in the graph{hint}")
    return dict(found[0]["intervention"])


def curate(graph: Graph, settings: Settings, decision: CurationDecision) -> dict[str, Any]:
    """Checks the decision against the graph, applies it and records it; nothing is written when
    either id is unknown or the decision would change a catalogue entry. Returns the target's node
    (None after a rejection)."""
    source = _intervention(graph, decision.id)
    if source.get("status") not in ("emerging", "curated"):
        raise CurationError(f"{decision.id!r} is a catalogue entry; curation changes emerging interventions only")
    if decision.action == "merge":
        assert decision.into is not None
        into = resolve_intervention(decision.into)
        if into == decision.id:
            raise CurationError("an intervention cannot be merged into itself")
        _intervention(graph, into)
        decision = decision.model_copy(update={"into": into})
    curation, text = curation_with(settings.curation_path, decision)

    def work(tx: ManagedTransaction) -> None:
        apply_decision(tx, curation, decision)
        try:  # last: a file that cannot be written undoes the change
            write_curation(settings.curation_path, text)
        except OSError as error:
            raise CurationError(f"{settings.curation_path}: cannot be written: {error.strerror or error}") from error

    graph.transaction(work)
    kept = decision.into if decision.action == "merge" else None if decision.action == "reject" else decision.id
    return {"decision": curation.decisions[-1].model_dump(exclude_none=True),
            "intervention": _intervention(graph, kept) if kept else None}


def apply_decision(tx: ManagedTransaction, curation: Curation, decision: CurationDecision) -> None:
    """What an ingest applying the whole file would have written, for the one decision just made."""
    if decision.action == "reject":
        run_named(tx, "intervention_reject", id=decision.id)
    elif decision.action == "merge":
        run_named(tx, "intervention_merge", id=decision.id, into=decision.into)
        run_named(tx, "emerging_interventions_name", ids=[decision.into])
    kept = decision.into if decision.action == "merge" else decision.id
    if kept and decision.action != "reject":
        run_named(tx, "intervention_curate", interventions=curation.node_rows({kept}))
    run_named(tx, "curation_applied")

