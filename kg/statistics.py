"""Official statistics in the graph: writing measures and their figures, and reading a council's
series beside its statistical neighbours' median and England's.

(:MeasureValue)-[:OF_MEASURE]->(:Measure); a council's (or a listed predecessor's) figures also
-[:FOR_COUNCIL]->(:Council). England and regional figures carry their ONS area code only."""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Any, Iterable

from kg.connection import Graph, Progress, run_named
from kg.councils import all_councils, resolve
from kg.model.errors import EvidenceError, NotFound
from kg.model.statistics import (
    ENGLAND_CODE,
    KEY_MEASURES,
    Measure,
    MeasureValue,
    citation,
)

BATCH_VALUES = 20_000  # figures per write transaction: large enough to be quick, small enough for a 1 GB heap



@dataclass
class StatisticsLoad:
    """What a load changed: measures rewritten, left as they were, removed; figures written."""

    measures_written: int
    measures_unchanged: int
    measures_removed: int
    values_written: int
    seconds: float


def load_statistics(graph: Graph, measures: list[Measure], values: list[MeasureValue],
                    on_progress: Progress | None = None) -> StatisticsLoad:
    """Writes every measure whose description or figures changed since the last load (all of them the
    first time), each measure's figures replaced whole in one transaction with it, so a reload of the
    same files writes nothing and an interrupted load leaves each measure old or new, never half."""
    started = time.monotonic()
    _require_councils(graph, {value.area_code for value in values if value.area_kind == "council"})
    by_measure: dict[str, list[MeasureValue]] = defaultdict(list)
    for value in values:
        by_measure[value.measure_id].append(value)
    stored = {row["id"]: row["digest"] for row in graph.read("statistics_digests")}
    rows = {measure.id: _measure_row(measure, by_measure[measure.id]) for measure in measures}
    changed = [measure.id for measure in measures if stored.get(measure.id) != rows[measure.id]["digest"]]
    removed = graph.write("statistics_measures_remove", keep=list(rows))[0]["removed"] \
        if set(stored) - set(rows) else 0
    total = sum(len(by_measure[measure_id]) for measure_id in changed)
    written = 0
    progress = on_progress or (lambda _done, _total: None)
    progress(0, total)
    for batch in _batches(changed, by_measure):
        measure_rows = [rows[measure_id] for measure_id in batch]
        groups = _groups(value for measure_id in batch for value in by_measure[measure_id])

        def work(tx, ids=batch, measure_rows=measure_rows, groups=groups) -> None:
            run_named(tx, "statistics_values_delete", ids=ids)
            run_named(tx, "statistics_measures_upsert", measures=measure_rows)
            run_named(tx, "statistics_values_create", groups=groups)

        graph.transaction(work)
        written += sum(len(group["figures"]) for group in groups)
        progress(written, total)
    return StatisticsLoad(len(changed), len(measures) - len(changed), removed, written,
                          time.monotonic() - started)


def _require_councils(graph: Graph, codes: set[str]) -> None:
    missing = graph.read("statistics_councils_missing", codes=sorted(codes))[0]["missing"]
    if missing:
        raise EvidenceError(f"{len(missing)} councils of the statistics are not in the graph "
                            f"(e.g. {', '.join(missing[:3])}): run `evidence councils load` first")


def _batches(measure_ids: list[str], by_measure: dict[str, list[MeasureValue]]) -> Iterable[list[str]]:
    """Whole measures, grouped until a group holds about BATCH_VALUES figures."""
    batch: list[str] = []
    size = 0
    for measure_id in measure_ids:
        batch.append(measure_id)
        size += len(by_measure[measure_id])
        if size >= BATCH_VALUES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _groups(values: Iterable[MeasureValue]) -> list[dict[str, Any]]:
    """Figures grouped by measure, area and source, the fields they share sent once per group and each
    figure as [id, year, year label, value]: the write then reads a fraction of the parameters and looks
    each measure and council up once per group."""
    groups: dict[tuple[str, str, int], dict[str, Any]] = {}
    for value in values:
        key = (value.measure_id, value.area_code, value.source_rank)
        if key not in groups:
            groups[key] = {
                "measure_id": value.measure_id, "area_code": value.area_code, "area_name": value.area_name,
                "area_kind": value.area_kind, "successors": list(value.successors) or None,
                "council": value.area_kind in ("council", "predecessor"), "source_file": value.source_file,
                "release": value.release, "source_rank": value.source_rank, "figures": []}
        groups[key]["figures"].append([value.id, value.year, value.year_label, value.value])
    return list(groups.values())


def _measure_row(measure: Measure, values: list[MeasureValue]) -> dict[str, Any]:
    """The measure's properties with a digest of them and of its figures (the fields that are written)."""
    row = measure.model_dump()
    digest = hashlib.sha256(json.dumps(row, sort_keys=True).encode())
    for value in sorted(values, key=lambda value: value.id):
        digest.update(repr(tuple(value.__dict__.values())).encode())
    return {**row, "digest": digest.hexdigest()}


def loaded_measures(graph: Graph, ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The loaded measures (those named, or all), each with its citation and chart label."""
    return [{**row, "chart_label": KEY_MEASURES.get(row["id"], row["label"]),
             "citation": citation(row["publisher"], row["publication"])}
            for row in graph.read("statistics_measures", ids=ids)]


def council_statistics(graph: Graph, name_or_code: str, measure_ids: list[str] | None = None) -> dict[str, Any]:
    """A council's series of the given measures (the key measures when none are named; only those
    loaded), each with its statistical neighbours' median, England, and its predecessors' series.
    One figure per area and year: where sources overlap, the preferred source's (lowest rank)."""
    council = resolve(all_councils(graph), name_or_code)
    code = council["code"]
    named = list(dict.fromkeys(measure_ids or []))
    found = {row["id"]: row for row in loaded_measures(graph, named or list(KEY_MEASURES))}
    unknown = [measure_id for measure_id in named if measure_id not in found]
    if unknown:
        raise NotFound(f"no measure {', '.join(map(repr, unknown))} is loaded "
                       f"(`evidence stats measures` lists them; `evidence stats load` loads them)")
    chosen = [found[measure_id] for measure_id in (named or KEY_MEASURES) if measure_id in found]
    neighbours = [row["code"] for row in graph.read("council_neighbours", code=code)]
    predecessors = graph.read("statistics_predecessors", code=code)
    codes = [code, *neighbours, *(p["code"] for p in predecessors), ENGLAND_CODE]
    rows = graph.read("statistics_values", codes=codes, measure_ids=[m["id"] for m in chosen]) if chosen else []
    best: dict[tuple[str, str, int], dict[str, Any]] = {}
    for row in rows:
        key = (row["measure_id"], row["area_code"], row["year"])
        if key not in best or row["rank"] < best[key]["rank"]:
            best[key] = row
    series: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (measure_id, area, _year), row in sorted(best.items(), key=lambda item: item[0][2]):
        series[(measure_id, area)].append(row)
    return {
        "council": {"code": code, "ons_code": council["ons_code"], "la_code": council["la_code"],
                    "name": council["name"]},
        "measures": [_measure_answer(measure, series, code, neighbours, predecessors) for measure in chosen],
    }


def _measure_answer(measure: dict[str, Any], series: dict[tuple[str, str], list[dict[str, Any]]], code: str,
                    neighbours: list[str], predecessors: list[dict[str, Any]]) -> dict[str, Any]:
    measure_id = measure["id"]
    own = series.get((measure_id, code), [])
    england = series.get((measure_id, ENGLAND_CODE), [])
    around = [row for neighbour in neighbours for row in series.get((measure_id, neighbour), [])]
    earlier = [{"code": p["code"], "name": p["name"],
                "series": [_point(row) for row in series[(measure_id, p["code"])]]}
               for p in predecessors if series.get((measure_id, p["code"]))]
    return {
        "id": measure_id, "label": measure["label"], "chart_label": measure["chart_label"], "unit": measure["unit"],
        "polarity": measure["polarity"], "description": measure["description"], "topic": measure["topic"],
        "publication": measure["publication"], "period_end_month": measure["period_end_month"],
        "citation": measure["citation"],
        "series": [_point(row) for row in own],
        "neighbours_median": _medians(around, len(neighbours)),
        "england": [_point(row) for row in england],
        "predecessors": earlier,
    }


def _point(row: dict[str, Any]) -> dict[str, Any]:
    return {"year": row["year"], "year_label": row["year_label"], "value": row["value"], "source": row["source"],
            "release": row["release"]}


def _medians(rows: list[dict[str, Any]], neighbours: int) -> list[dict[str, Any]]:
    """Each year's median over the neighbours with a figure that year (`count` of `of`)."""
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_year[row["year"]].append(row)
    return [{"year": year, "year_label": group[0]["year_label"], "value": median(row["value"] for row in group),
             "count": len(group), "of": neighbours}
            for year, group in sorted(by_year.items())]


def yearly_rows(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """A measure's answer as one row a year (what its table shows): the council's figure and source,
    the neighbours' median with how many it covers, England, each predecessor; None where there is none."""
    own = {point["year"]: point for point in entry["series"]}
    medians = {point["year"]: point for point in entry["neighbours_median"]}
    england = {point["year"]: point for point in entry["england"]}
    earlier = [{point["year"]: point for point in p["series"]} for p in entry["predecessors"]]
    rows = []
    for year in sorted({*own, *medians, *england, *(year for series in earlier for year in series)}):
        label = next(points[year]["year_label"] for points in (own, medians, england, *earlier) if year in points)
        rows.append({
            "year": year, "year_label": label,
            "council": own[year]["value"] if year in own else None,
            "release": own[year]["release"] if year in own else None,
            "median": medians[year]["value"] if year in medians else None,
            "median_count": medians[year]["count"] if year in medians else None,
            "median_of": medians[year]["of"] if year in medians else None,
            "england": england[year]["value"] if year in england else None,
            "predecessors": [series[year]["value"] if year in series else None for series in earlier],
        })
    return rows
