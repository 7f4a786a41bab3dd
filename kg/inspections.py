"""Inspections and judgements in the graph, and the improvement journey read from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from kg.connection import Graph, run_named
from kg.councils import all_councils, resolve
from kg.model.graph import Inspection, Judgement, JudgementClaim
from kg.model.vocabulary import PHASES


def create_inspection(tx: ManagedTransaction, council_code: str, inspection: Inspection,
                      judgements: list[Judgement]) -> None:
    """Runs inside the document's own transaction, so the inspection lands with its report or not at all."""
    run_named(tx, "inspection_create", council_code=council_code, inspection=inspection.model_dump(),
              judgements=[judgement.model_dump() for judgement in judgements])


def create_claims(tx: ManagedTransaction, claims: list[JudgementClaim]) -> None:
    run_named(tx, "claims_create", claims=[claim.model_dump() for claim in claims])


def checked_claims(graph: Graph, code: str) -> list[dict[str, Any]]:
    """Each claim with how it compares with the inspections of the same year."""
    claims = []
    for row in graph.read("council_claims", code=code):
        recorded = row.pop("recorded_grades")
        if not recorded:
            row["check"] = "no inspection of that year on record"
        elif row["grade"] in recorded:
            row["check"] = "consistent with the inspection record"
        else:
            row["check"] = f"differs from the inspection record ({', '.join(sorted(recorded))})"
        row["date"] = f"{row['year']}-{row['month']:02d}" if row["month"] else str(row["year"])
        claims.append(row)
    return claims


@dataclass
class JourneyPoint:
    date: date
    grade: str
    phase: str


def journey(inspections: list[dict[str, Any]]) -> list[JourneyPoint]:
    """Overall grades in date order, each with its phase (poor, fair, good, great)."""
    points = []
    for inspection in inspections:
        overall = next((j["grade"] for j in inspection["judgements"] if j["area"] == "overall_effectiveness"), None)
        when = inspection["end"] or inspection["start"] or inspection["published"]
        if overall in PHASES and when is not None:
            points.append(JourneyPoint(when, overall, PHASES[overall]))
    return sorted(points, key=lambda point: point.date)


def journey_label(points: list[JourneyPoint]) -> str:
    """'requires improvement (2014) → good (2018)'."""
    return " → ".join(f"{p.grade.replace('_', ' ')} ({p.date.year})" for p in points) or "no graded inspection on record"


def transitions(points: list[JourneyPoint]) -> list[dict[str, Any]]:
    """Each change of phase, timed from the first inspection of the earlier phase to the first of the next."""
    steps: list[dict[str, Any]] = []
    if not points:
        return steps
    run_start = points[0]
    for previous, current in zip(points, points[1:]):
        if current.phase != previous.phase:
            steps.append({
                "from": run_start.phase, "to": current.phase,
                "from_date": run_start.date.isoformat(), "to_date": current.date.isoformat(),
                "years": round((current.date - run_start.date).days / 365.25, 1),
                "label": f"{run_start.phase} → {current.phase}, {run_start.date.year} → {current.date.year}",
            })
            run_start = current
    return steps


def _iso(value: Any) -> str | None:
    return value.iso_format() if hasattr(value, "iso_format") else (value.isoformat() if value else None)


def council_profile(graph: Graph, name_or_code: str) -> dict[str, Any]:
    """Everything `evidence council` and the API show about one council."""
    council = resolve(all_councils(graph), name_or_code)
    code = council.code
    inspections = graph.read("council_inspections", code=code)
    for inspection in inspections:
        for key in ("start", "end", "published"):
            inspection[key] = inspection[key].to_native() if inspection[key] is not None else None
    points = journey(inspections)
    relations = graph.read("council_relations", code=code)[0]
    return {
        **council.facts(), "predecessors": relations["predecessors"],
        "successors": relations["successors"],
        "neighbours": graph.read("council_neighbours", code=code),
        "inspections": [
            {"framework": i["framework"], "framework_basis": i["framework_basis"], "reinspection": i["reinspection"],
             "start": _iso(i["start"]), "end": _iso(i["end"]), "published": _iso(i["published"]),
             "judgements": {j["area"]: j["grade"] for j in i["judgements"]},
             "printed": {j["area"]: j["printed"] for j in i["judgements"]},
             "document_id": i["document_id"], "document_title": i["document_title"]}
            for i in inspections
        ],
        "journey": [{"date": p.date.isoformat(), "grade": p.grade, "phase": p.phase} for p in points],
        "current_phase": points[-1].phase if points else None,
        "transitions": transitions(points),
        "claims": checked_claims(graph, code),
    }


def overall_histories(graph: Graph) -> dict[str, list[JourneyPoint]]:
    """Each council's journey: overall grades in date order with their phases."""
    return {
        row["code"]: [JourneyPoint(g["date"].to_native(), g["grade"], PHASES[g["grade"]])
                      for g in row["grades"] if g["grade"] in PHASES]
        for row in graph.read_cached("councils_overall_history")
    }
