"""The evidence gap map: interventions × outcome areas. Each cell counts the councils, documents
and outcomes that link an intervention to an area and keeps the best evidence strength; an empty
cell is a gap. Scoped to some councils (a region, a council type, a comparator group) on request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.connection import Graph
from kg.councils import all_councils, council_summaries, resolve
from kg.model.catalogue import metric_by_id, metrics
from kg.model.vocabulary import STRENGTHS
from kg.statistics import check_outcomes
from search.similar import similar

AREA_NAMES = {
    "child_protection": "Child protection", "children_in_care": "Children in care", "front_door": "Front door",
    "workforce": "Workforce", "resources": "Resources", "permanence": "Permanence",
    "care_leavers": "Care leavers", "inspection": "Inspection judgements",
}


@dataclass
class Cell:
    intervention: str
    area: str
    councils: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def best_strength(self) -> int:
        return max(row["outcome"]["strength"] for row in self.evidence)

    def summary(self) -> dict[str, Any]:
        return {"intervention": self.intervention, "area": self.area, "councils": len(self.councils),
                "documents": len(self.documents), "outcomes": len(self.evidence),
                "best_strength": self.best_strength, "best_strength_label": STRENGTHS[self.best_strength]}


def area_of(metric: str) -> str:
    return metric_by_id()[metric].area if metric in metric_by_id() else "other"


def scope(graph: Graph, region: str | None = None, council_type: str | None = None,
          comparators_of: str | None = None, comparators: int = 10) -> list[str] | None:
    """The council codes the filters leave; None when there is no filter."""
    if not (region or council_type or comparators_of):
        return None
    codes = [row["code"] for row in council_summaries(graph, region, council_type)]
    if comparators_of:
        target = resolve([c for c in all_councils(graph) if not c["historic"]], comparators_of)
        group = {row["code"] for row in similar(graph, council=target["code"], limit=comparators)} | {target["code"]}
        codes = [code for code in codes if code in group]
    return codes


def evidence_cells(graph: Graph, councils: list[str] | None = None) -> dict[tuple[str, str], Cell]:
    cells: dict[tuple[str, str], Cell] = {}
    seen: set[tuple[str, str]] = set()
    wanted = None if councils is None else set(councils)
    for row in graph.read_cached("evidence_map"):
        if wanted is not None and row["ons_code"] not in wanted:
            continue
        area = area_of(row["outcome"]["metric"])
        key = (row["intervention_id"], area)
        cell = cells.setdefault(key, Cell(*key))
        cell.councils.add(row["ons_code"])
        cell.documents.add(row["citation"]["document_id"])
        if (row["outcome"]["id"], row["intervention_id"]) in seen:
            continue  # attributed and same-passage links to one outcome count once
        seen.add((row["outcome"]["id"], row["intervention_id"]))
        cell.evidence.append(row)
    return cells


def evidence_map(graph: Graph, councils: list[str] | None = None) -> dict[str, Any]:
    cells = evidence_cells(graph, councils)
    names = {row["intervention_id"]: row["intervention"] for cell in cells.values() for row in cell.evidence}
    used = sorted({key[0] for key in cells}, key=lambda id_: names[id_].lower())
    areas = sorted({metric.area for metric in metrics()} | {key[1] for key in cells})
    return {
        "interventions": [{"id": id_, "name": names[id_]} for id_ in used],
        "areas": [{"id": area, "name": AREA_NAMES.get(area, area.replace("_", " ").capitalize())} for area in areas],
        "cells": [cell.summary() for cell in sorted(cells.values(), key=lambda c: (c.intervention, c.area))],
        "councils_in_scope": None if councils is None else len(councils),
    }


def cell_evidence(graph: Graph, intervention: str, area: str, councils: list[str] | None = None) -> list[dict]:
    """The outcomes behind one cell, strongest first, each with its quote, citation and official check."""
    cell = evidence_cells(graph, councils).get((intervention, area))
    rows = [{**row, "outcome": dict(row["outcome"])} for row in cell.evidence] if cell else []
    return check_outcomes(graph, rows)
