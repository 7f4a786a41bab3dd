"""Comparable councils: DfE statistical neighbours first, then council type, region, 0–25
population and the shape of the improvement journey, each score with plain-English reasons."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from kg.connection import Graph
from kg.councils import all_councils, resolve
from kg.inspections import JourneyPoint, overall_histories, transitions
from kg.model.graph import Council
from kg.model.vocabulary import PHASE_WORDS, PHASES

WEIGHTS = {"neighbour": 0.40, "type": 0.15, "region": 0.10, "population": 0.10, "phase": 0.10, "step": 0.15}


@dataclass
class Profile:
    """What makes councils comparable; a named council fills it from the graph."""

    council_type: str | None = None
    region: str | None = None
    population_0_25: int | None = None
    phase: str | None = None
    steps: set[tuple[str, str]] = field(default_factory=set)
    neighbour_ranks: dict[str, int] = field(default_factory=dict)
    code: str | None = None

    @classmethod
    def described(cls, council_type: str | None, region: str | None, grade: str | None,
                  population: int | None) -> "Profile":
        """A profile from what a user says of their council; grade is an Ofsted grade like 'good'."""
        return cls(council_type, region, population, PHASES.get(grade) if grade else None)


def _steps(points: list[JourneyPoint]) -> set[tuple[str, str]]:
    return {(step["from"], step["to"]) for step in transitions(points)}


def profile_of(name_or_code: str, councils: list[Council], histories: dict) -> Profile:
    council = resolve(councils, name_or_code)
    points = histories.get(council.code, [])
    ranks = {code: rank for rank, code in enumerate(council.neighbour_ons_codes, start=1)}
    return Profile(council.type, council.region, council.population_0_25,
                   points[-1].phase if points else None, _steps(points), ranks, council.code)


def similar(graph: Graph, council: str | None = None, profile: Profile | None = None,
            limit: int = 10) -> list[dict]:
    councils = [c for c in all_councils(graph) if not c.historic]
    histories = overall_histories(graph)
    if council:
        profile = profile_of(council, councils, histories)
    profile = profile or Profile()
    ranked: list[dict[str, Any]] = []
    for other in councils:
        if other.code == profile.code:
            continue
        score, reasons = _compare(profile, other, histories.get(other.code, []))
        ranked.append({"ons_code": other.ons_code, "code": other.code, "name": other.name,
                       "score": round(score, 4), "reasons": reasons})
    ranked.sort(key=lambda row: (-row["score"], row["name"]))
    return ranked[:limit]


def _plural(council_type: str) -> str:
    """'London Borough' → 'London boroughs', 'Unitary Authority' → 'unitary authorities'."""
    words = [word if word == "London" else word.lower() for word in council_type.split()]
    last = words[-1]
    words[-1] = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return " ".join(words)


def _compare(profile: Profile, other: Council, points: list[JourneyPoint]) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    rank = profile.neighbour_ranks.get(other.code)
    if rank:
        score += WEIGHTS["neighbour"] * (11 - rank) / 10
        reasons.append(f"statistical neighbour #{rank}")
    if profile.council_type and other.type == profile.council_type:
        score += WEIGHTS["type"]
        reasons.append(f"both {_plural(other.type)}")
    if profile.region and other.region == profile.region:
        score += WEIGHTS["region"]
        reasons.append(f"both in {other.region}")
    if profile.population_0_25 and other.population_0_25:
        closeness = max(0.0, 1 - abs(math.log(other.population_0_25 / profile.population_0_25)))
        score += WEIGHTS["population"] * closeness
        if closeness >= 0.8:
            reasons.append(f"similar 0–25 population ({other.population_0_25:,} vs {profile.population_0_25:,})")
    phase = points[-1].phase if points else None
    if profile.phase and phase == profile.phase:
        score += WEIGHTS["phase"]
        reasons.append(f"both currently {PHASE_WORDS[phase]}")
    shared = sorted(profile.steps & _steps(points))
    if shared:
        score += WEIGHTS["step"]
        reasons.extend(f"both went {PHASE_WORDS[a]} → {PHASE_WORDS[b]}" for a, b in shared)
    return score, reasons
