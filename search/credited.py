"""What inspectors credited when comparable councils improved: for every council whose overall grade
rose between two inspections, the later report's passages that say what changed since the previous
inspection and what leaders did (with the practices they name), ranked by how comparable the council
is and how well the passages answer the question. Evidence for a profile ("a county at requires
improvement, wanting good") even where no practice has a measured outcome."""

from __future__ import annotations

from typing import Any

from kg.connection import Graph
from kg.model.vocabulary import PHASE_WORDS, PHASES

PHASE_ORDER = {"poor": 0, "fair": 1, "good": 2, "great": 3}
PASSAGES_PER_STORY = 2
STORIES = 5
# reports read for passages: the most comparable councils' latest rises (comparability is half a
# story's score; reading every rise's report cost about a second per answer)
CANDIDATE_REPORTS = 4 * STORIES


def _relevance(cosine: float | None) -> float:
    """A passage's cosine with the question, on the scale what-worked uses (0.2 → 0, 0.5 → 1)."""
    return 0.5 if cosine is None else min(max((cosine - 0.2) / 0.3, 0.0), 1.0)


def credited_stories(graph: Graph, likeness: dict[str, dict[str, Any]], phase: str | None,
                     vector: list[float] | None, exclude: str | None = None,
                     limit: int = STORIES) -> list[dict[str, Any]]:
    """Councils whose overall grade rose (from `phase` when given), each with the later report's passages
    that credit the change, ranked by comparability and relevance to the question."""
    rises = []
    for row in graph.read_cached("improvement_reports"):
        if row["code"] == exclude:
            continue
        graded = [i for i in row["inspections"] if i["grade"] in PHASES]
        for before, after in zip(graded, graded[1:]):
            start, end = PHASES[before["grade"]], PHASES[after["grade"]]
            if PHASE_ORDER[end] > PHASE_ORDER[start] and (phase is None or start == phase):
                rises.append({"code": row["code"], "name": row["name"], "from": start, "to": end,
                              "from_date": before["date"].to_native().isoformat(),
                              "to_date": after["date"].to_native().isoformat(), "document_id": after["document_id"]})
    if not rises:
        return []
    rises.sort(key=lambda rise: rise["to_date"], reverse=True)
    rises.sort(key=lambda rise: likeness[rise["code"]]["score"] if rise["code"] in likeness else 0.0, reverse=True)
    rises = rises[:CANDIDATE_REPORTS]
    passages: dict[str, list[dict[str, Any]]] = {}
    # each report's best passages: what changed since the last inspection first, then by relevance
    for passage in graph.read("improvement_passages", document_ids=sorted({r["document_id"] for r in rises}),
                              vector=vector, per_document=PASSAGES_PER_STORY):
        passages.setdefault(passage["document_id"], []).append(passage)
    stories = []
    for rise in rises:
        found = passages.get(rise["document_id"], [])
        if not found:
            continue
        relevance = max(_relevance(p["relevance"]) for p in found)
        comparable = likeness.get(rise["code"])
        score = 0.5 * (comparable["score"] if comparable else 0.0) + 0.5 * relevance
        stories.append({
            "council": rise["name"], "ons_code": rise["code"],
            "transition": f"{PHASE_WORDS[rise['from']]} → {PHASE_WORDS[rise['to']]}",
            "from_phase": rise["from"], "to_phase": rise["to"], "from_date": rise["from_date"],
            "to_date": rise["to_date"], "score": round(score, 4),
            "comparable": comparable["reasons"] if comparable else [],
            "practices": list({i["id"]: i for p in found for i in p["interventions"]}.values()),
            "passages": [{"quote": p["text"], "citation": p["citation"]} for p in found],
        })
    stories.sort(key=lambda story: (-story["score"], story["council"]))
    return stories[:limit]


def heading(stories: list[dict[str, Any]]) -> str | None:
    """'What inspectors credited when comparable councils moved from requires improvement to good'."""
    moves = list(dict.fromkeys(story["transition"] for story in stories))
    if not moves:
        return None
    words = " or ".join(move.replace(" → ", " to ") for move in moves[:3])
    return f"What inspectors credited when comparable councils moved from {words}"
