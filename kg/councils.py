"""Councils in the graph: loading the reference file and resolving the names people use."""

from __future__ import annotations

from kg.connection import Graph, run_named
from kg.council_names import name_key
from kg.model.errors import Ambiguous, NotFound
from kg.model.graph import Council


def load_councils(graph: Graph, councils: list[Council]) -> None:
    """Writes councils, regions, neighbours and successors in one transaction."""
    rows = [council.model_dump() for council in councils]

    def work(tx):
        run_named(tx, "councils_upsert", councils=rows)
        run_named(tx, "councils_link", councils=rows)

    graph.transaction(work)


def all_councils(graph: Graph) -> list[Council]:
    """Every council, current and former, as loaded; read again only when the graph changes."""
    return graph.kept("councils_all", ("graph_version",),
                      lambda: [Council.model_validate(row) for row in graph.read("councils_all")])


def resolve(councils: list[Council], text: str) -> Council:
    """The one council a name or code means; NotFound or Ambiguous (with candidates) otherwise."""
    wanted = text.strip()
    if not wanted:
        raise NotFound("no council named")
    upper = wanted.upper()
    for council in councils:
        if upper in {council.code.upper(), (council.ons_code or "").upper(), council.la_code}:
            return council
    key = name_key(wanted)
    exact = [council for council in councils if key in _keys(council)]
    if not exact and key.startswith("city of "):
        # "City of Bradford" is Bradford; "City of London" matched exactly above
        key = key[len("city of "):]
        exact = [council for council in councils if key in _keys(council)]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [
        council for council in councils
        if any(f" {key} " in f" {candidate} " for candidate in _keys(council))
    ]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NotFound(f"no council matches {wanted!r}")
    raise Ambiguous(
        f"{wanted!r} could mean {len(partial)} councils: " + "; ".join(f"{c.name} ({c.code})" for c in partial),
        [{"code": c.code, "name": c.name} for c in partial],
    )


def _keys(council: Council) -> set[str]:
    return {name_key(name) for name in council.names()}


def council_summaries(graph: Graph, region: str | None = None, council_type: str | None = None,
                      grade: str | None = None) -> list[dict]:
    """Every current council with its current overall grade (None when never graded), optionally
    only those in a region, of a type (both case-insensitive) or with a current grade."""
    grades = {row["code"]: row["grade"] for row in graph.read_cached("councils_current_grades")}
    return [{**council.facts(), "current_grade": grades.get(council.code)}
            for council in all_councils(graph)
            if not council.historic
            and (not region or council.region.lower() == region.lower())
            and (not council_type or (council.type or "").lower() == council_type.lower())
            and (not grade or grades.get(council.code) == grade)]


def all_neighbours(graph: Graph) -> dict[str, list[str]]:
    """Every council's statistical neighbours, nearest first."""
    return {council.code: council.neighbour_ons_codes for council in all_councils(graph)}
