"""What worked for councils like us: interventions ranked by (a) relevance to the question,
(b) how comparable the councils that used them are, (c) whether those councils moved more than
comparable councils after adopting them, on the official measures that matter for the question and at
their next inspection (search/measured.py), and (d) the strength of the outcome evidence.

Every result carries the quotes it rests on; interventions with too little evidence are left
out and the notes say so, rather than padding the list."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from embedding.embedder import Embedder
from kg.connection import Graph
from kg.councils import all_councils, resolve
from kg.evidence import corroborated_evidence, implementations_by_council
from kg.inspections import journey_label, overall_histories
from kg.model.errors import NotFound
from kg.search import SearchFilters, interventions_named
from kg.statistics import check_outcomes
from search.credited import credited_stories, heading
from search.hybrid import ranking
from search.measured import CAVEAT, Measured, adoptions, measures_for
from search.similar import Profile, similar

WEIGHTS = {"relevance": 0.45, "comparability": 0.2, "improvement": 0.15, "strength": 0.2}
COMPARATORS = 30  # how many comparable councils count as "councils like us"
QUESTION_HITS = 40  # passages searched to see which interventions the question's evidence names
MIN_RELEVANCE = 0.35  # below this an intervention does not answer the question
MIN_SCORE = 0.2
NAMED_FLOOR = 0.1  # about one fully relevant passage near the top naming an intervention
# A level or a count ("caseloads average 17", "recruited 30 social workers") shows where a council
# stands or what it did, not that anything moved: it counts for this share of its strength, so even
# the strongest (2, an inspection's) weighs less than the weakest change (1 of 4).
STATE_WEIGHT = 0.45


@dataclass
class WhatWorked:
    results: list[dict[str, Any]] = field(default_factory=list)
    comparable_councils: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    credited: list[dict[str, Any]] = field(default_factory=list)
    credited_heading: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"results": self.results, "comparable_councils": self.comparable_councils, "notes": self.notes,
                "credited": self.credited, "credited_heading": self.credited_heading}


_DESCRIPTIONS: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}


def _description_vectors(embedder: Embedder, texts: tuple[str, ...]) -> np.ndarray:
    """The catalogue changes only with a release: embed its descriptions once per process."""
    key = (embedder.name, texts)
    if key not in _DESCRIPTIONS:
        _DESCRIPTIONS[key] = np.asarray(embedder.embed(list(texts)))
    return _DESCRIPTIONS[key]


class _Relevance:
    """How well each intervention answers the question: its description's meaning, and how often the
    passages that best answer the question name it."""

    def __init__(self, graph: Graph, embedder: Embedder, question: str | None, interventions: list[dict]):
        self.scores: dict[str, float] = {}
        self.vector: list[float] | None = None
        if not question:
            return
        question_vector = np.asarray(embedder.embed([question]))[0]
        self.vector = question_vector.tolist()
        if not interventions:  # a graph with no evidence yet has nothing to score
            return
        texts = tuple(f"{row['name']}: {row['description'] or row['name']}" for row in interventions)
        # absolute, not relative to the best: a question nothing answers must score low everywhere
        cosine = _description_vectors(embedder, texts) @ question_vector
        meaning = np.clip((cosine - 0.15) / 0.45, 0, 1)
        named: dict[str, float] = {}
        ranked = ranking(graph, embedder, question, SearchFilters(), QUESTION_HITS, vector=question_vector.tolist())
        best = ranked.ids[:QUESTION_HITS]
        mentioned = interventions_named(graph, best)
        for rank, passage_id in enumerate(best):
            # a passage counts as much as it answers the question (absolute), and less the lower it ranks
            answers = float(np.clip((ranked.cosine.get(passage_id, 0.0) - 0.2) / 0.3, 0, 1))
            for intervention in mentioned.get(passage_id, []):
                named[intervention] = named.get(intervention, 0.0) + answers / (rank + 5)
        # relative to the most named, unless even that is named only in passing
        scale = max(max(named.values(), default=0.0), NAMED_FLOOR)
        for row, score in zip(interventions, meaning):
            self.scores[row["id"]] = round(0.6 * float(score) + 0.4 * named.get(row["id"], 0.0) / scale, 4)


def what_worked(graph: Graph, embedder: Embedder, council: str | None = None, profile: Profile | None = None,
                question: str | None = None, limit: int = 5) -> WhatWorked:
    answer = WhatWorked()
    councils = all_councils(graph)
    target = resolve(councils, council) if council else None
    if target and target.historic:
        raise NotFound(f"{target.name} no longer exists as a council; ask about the council that succeeded it")
    comparable = similar(graph, council=target.code if target else None, profile=profile, limit=COMPARATORS) \
        if (target or profile) else []
    answer.comparable_councils = comparable[:10]
    likeness = {row["code"]: row for row in comparable}
    histories = overall_histories(graph)
    measured = Measured(graph, histories)
    evidence = corroborated_evidence(graph)
    relevance = _Relevance(graph, embedder, question, evidence)
    weights = dict(WEIGHTS) if question else {k: v for k, v in WEIGHTS.items() if k != "relevance"}
    if not comparable:
        weights.pop("comparability")
    total = sum(weights.values())

    own = target.code if target else None
    # Measuring a practice against the statistics is the costly part, and improvement (at most 1)
    # is its only part not known beforehand: practices are measured best bound first, until the
    # bound of the next cannot reach the list any more.
    bounded = []
    for index, row in enumerate(evidence):
        by_council = implementations_by_council(row["implementations"])
        if target:
            by_council.pop(target.code, None)  # what others did; the council knows its own story
        if not by_council:
            continue
        parts = {}
        if question:
            parts["relevance"] = relevance.scores.get(row["id"], 0.0)
            if parts["relevance"] < MIN_RELEVANCE:
                continue
        if comparable:
            parts["comparability"] = round(max((likeness[c]["score"] for c in by_council if c in likeness),
                                               default=0.0), 4)
        parts["improvement"] = 1.0
        parts["strength"] = round(max((evidence_weight(o["outcome"]) for o in row["outcomes"]), default=0) / 4, 4)
        bound = sum(weights[name] * parts[name] for name in weights) / total
        if bound >= MIN_SCORE:
            bounded.append((bound, index, row, by_council, parts))
    bounded.sort(key=lambda entry: (-entry[0], entry[1]))
    found: list[tuple[int, dict[str, Any]]] = []
    best: list[float] = []  # the `limit` best scores so far, lowest first (a heap)
    for bound, index, row, by_council, parts in bounded:
        if len(best) >= limit and round(bound, 4) < best[0]:
            break
        measures = measures_for(question, [o["outcome"]["metric"] for o in row["outcomes"]
                                           if o["outcome"].get("metric")])
        summary, per_council = measured.practice(adoptions(by_council), measures)
        parts["improvement"] = summary["improvement"]
        # changes first: a level or a count is listed after every change
        outcomes = sorted((o for o in row["outcomes"] if o["code"] != own),
                          key=lambda o: (o["outcome"].get("kind") or "change") != "change")
        score = sum(weights[name] * parts[name] for name in weights) / total
        if score < MIN_SCORE:
            continue
        ranked_councils = sorted(by_council.values(),
                                 key=lambda c: (-(likeness[c["code"]]["score"] if c["code"] in likeness else 0), c["name"]))
        heapq.heappush(best, round(score, 4))
        if len(best) > limit:
            heapq.heappop(best)
        found.append((index, {
            "intervention": {"id": row["id"], "name": row["name"], "category": row["category"],
                             "description": row["description"], "status": row["status"]},
            "score": round(score, 4),
            "score_parts": parts,
            "score_explained": ", ".join(f"{name} {parts[name]:.2f} × {weights[name] / total:.2f}" for name in weights)
                               + f" (improvement: {summary['explained']})",
            "measured": summary,
            "councils": [{
                "ons_code": c["code"], "name": c["name"], "since": c["since"],
                "journey": journey_label(histories.get(c["code"], [])),
                **_measured_council(per_council.get(c["code"])),
                "comparable": likeness[c["code"]]["reasons"] if c["code"] in likeness else [],
            } for c in ranked_councils][:10],
            "outcomes": [{"council": o["council"], "code": o["code"], **o["outcome"], "citation": o["citation"]}
                         for o in outcomes][:10],
            "quotes": [{"council": q["name"], "quote": q["quote"], "citation": q["citation"]}
                       for c in ranked_councils for q in c["quotes"][:1]][:5],
        }))
    # best first; equal scores in the catalogue's order, as if every practice had been measured
    found.sort(key=lambda entry: (-entry[1]["score"], entry[0]))
    shown = [result for _, result in found[:limit]]
    answer.results = shown
    for result in shown:
        check_outcomes(graph, [{"code": o.pop("code"), "outcome": o} for o in result["outcomes"]], code_key="code")
    if target or profile:
        phase = histories[target.code][-1].phase if target and histories.get(target.code) else \
            (profile.phase if profile else None)
        answer.credited = credited_stories(graph, likeness, phase, relevance.vector,
                                           exclude=target.code if target else None)
        answer.credited_heading = heading(answer.credited)
    _explain_gaps(answer, question, limit, bool(comparable))
    return answer


def evidence_weight(outcome: dict[str, Any]) -> float:
    """An outcome's strength (1–4) as evidence that a practice worked: a change counts in full (whether
    its metric is controlled or free text, which the outcome shows as `metric_text`); a level or a count
    below every change."""
    kind = outcome.get("kind") or "change"
    return outcome["strength"] * (1.0 if kind == "change" else STATE_WEIGHT)


def _measured_council(record: dict[str, Any] | None) -> dict[str, Any]:
    """A council's adoption year (and what it rests on), its measured changes and its next grade."""
    if record is None:
        return {"adopted": None, "adopted_basis": None, "changes": [], "grade_after": None, "improved_after": None}
    grade = record["grade_after"]
    return {**record, "improved_after": grade["rose"] if grade else None}


def _explain_gaps(answer: WhatWorked, question: str | None, limit: int, has_comparators: bool) -> None:
    if not answer.results:
        answer.notes.append("No intervention in the graph has enough evidence to answer this"
                            + (" question" if question else "") + "; try a broader question or fewer filters.")
        return
    if len(answer.results) < limit:
        answer.notes.append(f"Only {len(answer.results)} intervention(s) have evidence that passes the bar; "
                            "the list is not padded.")
    without_outcomes = [r["intervention"]["name"] for r in answer.results if not r["outcomes"]]
    if without_outcomes:
        answer.notes.append("No reported outcome is attributed to " + ", ".join(without_outcomes)
                            + ": the evidence is that comparable councils used it, not that it worked.")
    answer.notes.append(CAVEAT)
    if has_comparators and not any(r["councils"] and r["councils"][0]["comparable"] for r in answer.results):
        answer.notes.append("None of the councils behind these results is among the most comparable councils.")
