"""The curated vocabularies, kept as YAML beside this module: the intervention catalogue (names,
aliases and misspellings, categories), outcome metrics and the seven enablers of improvement."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...]
    exact: tuple[str, ...]  # matched only as written ("ASYE", "Step Up")
    standing: bool = False  # every council has one (by statute or national scheme): named, it is not news
    exact_inside: tuple[str, ...] = ()  # of `exact`, ordinary words that name it only inside a sentence ("Frontline")


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    area: str
    pattern: re.Pattern[str]
    counts_children: bool  # "looked-after children": also names the group other measures are taken of
    measures: tuple[str, ...] = ()  # DfE's official measures of the same thing (LAIT short codes)


@dataclass(frozen=True)
class EnablerDefinition:
    id: str
    name: str
    description: str
    cues: tuple[str, ...]
    baseline: float


def _load(name: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    return entries


@lru_cache(maxsize=1)
def interventions() -> tuple[CatalogueEntry, ...]:
    return tuple(
        CatalogueEntry(entry["id"], entry["name"], entry["category"], entry["description"],
                     tuple(entry.get("aliases") or ()),
                     tuple(entry.get("exact") or ()) + tuple(entry.get("exact_inside") or ()),
                     entry.get("standing") is True, tuple(entry.get("exact_inside") or ()))
        for entry in _load("interventions.yaml"))


@lru_cache(maxsize=1)
def metrics() -> tuple[Metric, ...]:
    return tuple(
        Metric(entry["id"], entry["name"], entry["area"],
               re.compile(r"\b(?:" + "|".join(entry["cues"]) + r")\b", re.IGNORECASE),
               bool(entry.get("counts_children")), tuple(entry.get("measures") or ()))
        for entry in _load("metrics.yaml"))


@lru_cache(maxsize=1)
def enablers() -> tuple[EnablerDefinition, ...]:
    return tuple(EnablerDefinition(entry["id"], entry["name"], entry["description"], tuple(entry["cues"]), entry["baseline"])
                 for entry in _load("enablers.yaml"))


@lru_cache(maxsize=1)
def metric_by_id() -> dict[str, Metric]:
    return {metric.id: metric for metric in metrics()}


def intervention_by_id() -> dict[str, CatalogueEntry]:
    return {intervention.id: intervention for intervention in interventions()}
