"""Extracted evidence in the graph: the catalogue nodes, and the writes of one document's
mentions, implementations, outcomes and enabler links (run inside the document's transaction)."""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction

from kg.connection import Graph, run_named
from kg.model.catalogue import enablers, interventions
from kg.model.curation import Curation
from kg.model.errors import NotFound
from kg.model.graph import DocumentEvidenceRows, Enabler, Intervention
from kg.statistics import check_outcomes


def load_catalogue(graph: Graph) -> dict[str, int]:
    rows = [Intervention(id=entry.id, name=entry.name, category=entry.category, description=entry.description,
                         aliases=[*entry.aliases, *entry.exact], status="catalogue").model_dump()
            for entry in interventions()]
    enabler_rows = [Enabler(id=entry.id, name=entry.name, description=entry.description,
                            cues=list(entry.cues)).model_dump() for entry in enablers()]
    return dict(graph.write("catalogue_upsert", interventions=rows, enablers=enabler_rows)[0])


def write_evidence(tx: ManagedTransaction, rows: DocumentEvidenceRows, curation: Curation | None = None) -> None:
    """Runs inside the document's own transaction; curators' decisions (kg/model/curation.py) shape
    what is written: rejected practices are left out, merged ones go to their target, and promoted or
    renamed ones get the status and name decided."""
    if curation is not None:
        rows = curation.apply(rows)
    if rows.emerging:
        run_named(tx, "emerging_interventions_merge", interventions=[row.model_dump() for row in rows.emerging])
    if rows.mentions:
        run_named(tx, "mentions_create", mentions=[mention.model_dump() for mention in rows.mentions])
    if rows.emerging:
        run_named(tx, "emerging_interventions_name", ids=[row.id for row in rows.emerging])
        curated = curation.node_rows({row.id for row in rows.emerging}) if curation is not None else []
        if curated:
            run_named(tx, "intervention_curate", interventions=curated)
    if rows.implementations:
        run_named(tx, "implemented_create", implementations=[row.model_dump() for row in rows.implementations])
    if rows.outcomes:
        run_named(tx, "outcomes_create", outcomes=[outcome.model_dump() for outcome in rows.outcomes])
    if rows.enabler_links:
        run_named(tx, "enabler_links_create", links=[link.model_dump() for link in rows.enabler_links])


def passage_texts(graph: Graph) -> list[dict[str, Any]]:
    """Every passage's id, document and text."""
    return graph.read("passages_all_text")


def resolve_intervention(text: str) -> str:
    """A catalogue id from an id, a name or an alias ("Signs of Safety", "signs_of_safety", "SWSO");
    an emerging intervention's id as it is."""
    if text.startswith("emerging:"):
        return text
    wanted = " ".join(text.replace("_", " ").split()).lower()
    for entry in interventions():
        names = {entry.id.replace("_", " "), entry.name.lower(), *(alias.lower() for alias in entry.aliases),
                 *(exact.lower() for exact in entry.exact)}
        if wanted in names:
            return entry.id
    raise NotFound(f"no intervention called {text!r} in the catalogue; `evidence interventions` lists them")


def resolve_enabler(text: str) -> str:
    wanted = " ".join(text.replace("_", " ").split()).lower()
    for entry in enablers():
        if wanted in {entry.id.replace("_", " "), entry.name.lower()}:
            return entry.id
    raise NotFound(f"no enabler called {text!r}; `evidence enablers` lists the seven")


# An emerging practice (one the catalogue never named, read from text by rules that are often
# wrong) is listed, offered as a filter and ranked in what-worked only once more than one council is
# recorded using it; until then it shows only beside its own council and document.
EMERGING_MIN_COUNCILS = 2


def corroborated(status: str, councils: int) -> bool:
    return status != "emerging" or councils >= EMERGING_MIN_COUNCILS


def all_interventions(graph: Graph) -> list[dict[str, Any]]:
    """Catalogue interventions, and emerging ones used by enough councils to be worth a look."""
    return [row for row in graph.read_cached("interventions_all") if corroborated(row["status"], row["councils"])]


def corroborated_evidence(graph: Graph) -> list[dict[str, Any]]:
    """The implementations and attributed outcomes of every intervention worth a look (what-worked
    ranks them, the gap map draws them), kept with the read it filters: several readers per request."""
    return graph.kept("corroborated_evidence", ("graph_version",), lambda: [
        row for row in graph.read_cached("what_worked_evidence")
        if corroborated(row["status"], len({i["code"] for i in row["implementations"]}))])


def intervention_profile(graph: Graph, intervention: str) -> dict[str, Any]:
    """The intervention, the councils that implemented it (with quotes) and the outcomes attributed to it."""
    found = graph.read("intervention_get", intervention=intervention)
    if not found:
        raise NotFound(f"intervention {intervention!r} is not in the graph")
    return {**found[0]["intervention"],
            "councils": graph.read("intervention_councils", intervention=intervention),
            "outcomes": find_outcomes(graph, intervention=intervention, limit=200)}


def find_outcomes(graph: Graph, council: str | None = None, metric: str | None = None,
                  intervention: str | None = None, min_strength: int = 1, limit: int = 50,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Each with its figures checked against the official statistics."""
    return check_outcomes(graph, graph.read("outcomes_find", council=council, metric=metric,
                                            intervention=intervention, min_strength=min_strength, limit=limit,
                                            offset=offset))


def all_implementations(graph: Graph) -> list[dict[str, Any]]:
    """Every council-practice record with its quote, for judging a sample of them by hand."""
    return graph.read("implementations_all")


def implementations_by_council(rows: list[dict[str, Any]], code: str = "code",
                               name: str = "name") -> dict[str, dict[str, Any]]:
    """An intervention's implementation records grouped per council: the earliest year any of them
    gives, and every record as a quote."""
    councils: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = councils.setdefault(row[code], {"code": row[code], "name": row[name], "since": None, "quotes": []})
        if row["since"] and (entry["since"] is None or row["since"] < entry["since"]):
            entry["since"] = row["since"]
        entry["quotes"].append(row)
    return councils


def all_enablers(graph: Graph) -> list[dict[str, Any]]:
    return graph.read("enablers_all")


def enabler_passages(graph: Graph, enabler: str, council: str | None = None, limit: int = 20,
                     offset: int = 0) -> list[dict[str, Any]]:
    return graph.read("enabler_passages", enabler=enabler, council=council, limit=limit, offset=offset)


def council_interventions(graph: Graph, code: str) -> list[dict[str, Any]]:
    return graph.read("council_interventions", code=code)
