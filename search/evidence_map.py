"""The evidence gap map: interventions × outcome areas. Each cell counts the councils, documents
and outcomes that link an intervention to an area and keeps the best evidence strength; an empty
cell is a gap. Outcomes are reported (a document's words) or measured (the official statistics of a
council that used the intervention, over the years after it adopted it, beside its statistical
neighbours'); a map or a cell can show either kind alone. Reported outcomes whose metric no controlled
metric names (free text: "approved foster carers") form one row of their own, "Other measures". Scoped to some councils (a region, a council
type, a comparator group) on request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from kg.connection import Graph
from kg.councils import all_councils, council_summaries, resolve
from kg.evidence import corroborated_evidence, implementations_by_council
from kg.model.catalogue import metric_by_id, metrics
from kg.model.vocabulary import STRENGTHS
from kg.statistics import check_outcomes
from search.measured import Measured, adoptions, area_measures
from search.similar import similar

Evidence = Literal["all", "reported", "measured"]

AREA_NAMES = {
    "child_protection": "Child protection", "children_in_care": "Children in care", "front_door": "Front door",
    "workforce": "Workforce", "resources": "Resources", "permanence": "Permanence",
    "care_leavers": "Care leavers", "inspection": "Inspection judgements",
    "other": "Other measures (no listed metric)",
}


@dataclass
class Cell:
    intervention: str
    area: str
    councils: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    measured: list[dict[str, Any]] = field(default_factory=list)

    @property
    def best_strength(self) -> int | None:
        return max((row["outcome"]["strength"] for row in self.evidence), default=None)

    def summary(self) -> dict[str, Any]:
        best = self.best_strength
        return {"intervention": self.intervention, "area": self.area, "councils": len(self.councils),
                "documents": len(self.documents), "outcomes": len(self.evidence), "reported": len(self.evidence),
                "measured": len({row["ons_code"] for row in self.measured}),
                "best_strength": best, "best_strength_label": STRENGTHS[best] if best else None}


def area_of(metric: str | None) -> str:
    """A controlled metric's area; an outcome whose metric is free text (or unknown) is grouped
    under "other", one row for every measure the metric list lacks."""
    return metric_by_id()[metric].area if metric in metric_by_id() else "other"


def scope(graph: Graph, region: str | None = None, council_type: str | None = None,
          comparators_of: str | None = None, comparators: int = 10) -> list[str] | None:
    """The council codes the filters leave; None when there is no filter."""
    if not (region or council_type or comparators_of):
        return None
    codes = [row["code"] for row in council_summaries(graph, region, council_type)]
    if comparators_of:
        target = resolve([c for c in all_councils(graph) if not c.historic], comparators_of)
        group = {row["code"] for row in similar(graph, council=target.code, limit=comparators)} | {target.code}
        codes = [code for code in codes if code in group]
    return codes


def evidence_cells(graph: Graph, councils: list[str] | None = None) -> dict[tuple[str, str], Cell]:
    """The cells of the interventions worth a look (kg/evidence.py `corroborated`): an emerging practice
    one council is recorded using stays beside its own council and document."""
    cells: dict[tuple[str, str], Cell] = {}
    seen: set[tuple[str, str]] = set()
    wanted = None if councils is None else set(councils)
    shown = {row["id"] for row in corroborated_evidence(graph)}
    for row in graph.read_cached("evidence_map"):
        if row["intervention_id"] not in shown or (wanted is not None and row["ons_code"] not in wanted):
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
    for intervention, area, change in measured_changes(graph):
        if wanted is None or change["ons_code"] in wanted:
            cell = cells.setdefault((intervention, area), Cell(intervention, area))
            cell.councils.add(change["ons_code"])
            cell.measured.append(change)
    return cells


def measured_changes(graph: Graph) -> list[tuple[str, str, dict[str, Any]]]:
    """Each council that used an intervention, measured on each area's official measures over the years
    after it adopted it (search/measured.py): (intervention, area, change). Worked out once per version
    of the evidence and of the statistics, for every council; a scoped map keeps its councils' rows."""
    def build() -> list[tuple[str, str, dict[str, Any]]]:
        measured = Measured(graph)
        if not measured.figures:
            return []
        changes = []
        by_area = area_measures()
        for row in corroborated_evidence(graph):
            for code, adoption in adoptions(implementations_by_council(row["implementations"])).items():
                for area, measure_ids in by_area.items():
                    for measure_id in measure_ids:
                        change = measured.change(code, measure_id, adoption.year)
                        if change is not None:
                            measure = measured.measures[measure_id]
                            changes.append((row["id"], area, {
                                "ons_code": code, "council": adoption.name, "intervention": row["name"],
                                "adopted": adoption.year, "adopted_basis": adoption.basis, "unit": measure["unit"],
                                "polarity": measure["polarity"], "citation": measure["citation"], **change}))
        return changes
    return graph.kept("measured_changes", ("graph_version", "statistics_version"), build)


def evidence_map(graph: Graph, councils: list[str] | None = None, evidence: Evidence = "all",
                 limit: int | None = None, offset: int = 0) -> dict[str, Any]:
    """The map's rows are the interventions most councils tie to outcomes first (then by name);
    `limit` and `offset` page through them, with the cells of the rows shown."""
    cells = {key: cell for key, cell in evidence_cells(graph, councils).items()
             if (evidence != "reported" or cell.evidence) and (evidence != "measured" or cell.measured)}
    names = {row["id"]: row["name"] for row in corroborated_evidence(graph)}
    names.update({row["intervention_id"]: row["intervention"] for cell in cells.values() for row in cell.evidence})
    tied: dict[str, set[str]] = {}
    for (intervention, _), cell in cells.items():
        tied.setdefault(intervention, set()).update(cell.councils)
    rows = sorted(tied, key=lambda id_: (-len(tied[id_]), names[id_].lower(), id_))
    shown = rows[offset:None if limit is None else offset + limit]
    wanted = set(shown)
    areas = sorted({metric.area for metric in metrics()} | {key[1] for key in cells})
    return {
        "interventions": [{"id": id_, "name": names[id_]} for id_ in shown],
        "interventions_total": len(rows),
        "offset": offset,
        "areas": [{"id": area, "name": AREA_NAMES.get(area, area.replace("_", " ").capitalize())} for area in areas],
        "cells": [cell.summary() for cell in sorted(cells.values(), key=lambda c: (c.intervention, c.area))
                  if cell.intervention in wanted],
        "councils_in_scope": None if councils is None else len(councils),
        "evidence": evidence,
    }


def cell_evidence(graph: Graph, intervention: str, area: str, councils: list[str] | None = None,
                  evidence: Evidence = "all") -> dict[str, list[dict]]:
    """The outcomes behind one cell: reported ones strongest first, each with its quote, citation and
    official check, and measured ones (each council's change beside its neighbours')."""
    cell = evidence_cells(graph, councils).get((intervention, area))
    rows = [{**row, "outcome": dict(row["outcome"])} for row in cell.evidence] if cell else []
    return {"outcomes": check_outcomes(graph, rows) if evidence != "measured" else [],
            "measured": (cell.measured if cell else []) if evidence != "reported" else []}
