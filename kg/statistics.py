"""Official statistics in the graph: writing measures and their figures, and reading a council's
series beside its statistical neighbours' median and England's.

(:MeasureValue)-[:OF_MEASURE]->(:Measure); a council's (or a listed predecessor's) figures also
-[:FOR_COUNCIL]->(:Council). England and regional figures carry their ONS area code only."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Any, Iterable

from kg.connection import Graph, Progress, run_named
from kg.councils import all_councils, resolve
from kg.model.catalogue import metrics
from kg.model.errors import EvidenceError, NotFound
from kg.model.statistics import (
    ENGLAND_CODE,
    KEY_MEASURES,
    ComparedFigure,
    Measure,
    MeasureValue,
    OfficialCheck,
    citation,
    display,
    tolerance_words,
    within_tolerance,
)
from kg.model.vocabulary import MONTHS

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
    code = council.code
    named = list(dict.fromkeys(measure_ids or []))
    cached = key_statistics(graph) if set(named) <= set(KEY_MEASURES) else None
    found = {measure_id: cached.measures[measure_id] for measure_id in named or KEY_MEASURES
             if measure_id in cached.measures} if cached else {row["id"]: row for row in loaded_measures(graph, named)}
    unknown = [measure_id for measure_id in named if measure_id not in found]
    if unknown:
        raise NotFound(f"no measure {', '.join(map(repr, unknown))} is loaded "
                       f"(`evidence stats measures` lists them; `evidence stats load` loads them)")
    chosen = [found[measure_id] for measure_id in (named or KEY_MEASURES) if measure_id in found]
    neighbours = council.neighbour_ons_codes
    predecessors = graph.read("statistics_predecessors", code=code)
    codes = [code, *neighbours, *(p["code"] for p in predecessors), ENGLAND_CODE]
    if cached:
        rows = [row for measure in chosen for area in codes for row in cached.values.get((measure["id"], area), [])]
    else:
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
        "council": {"code": code, "ons_code": council.ons_code, "la_code": council.la_code,
                    "name": council.name},
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


@dataclass
class MetricStatistics:
    """The metrics' official measures (as `loaded_measures` gives them) and every current council's figures
    of them, {measure: {council: {year: value}}}, the preferred source's where sources overlap."""

    measures: dict[str, dict[str, Any]]
    figures: dict[str, dict[str, dict[int, float]]]


@dataclass
class KeyStatistics:
    """The key measures (as `loaded_measures` gives them) and all their figures by (measure, area)."""

    measures: dict[str, dict[str, Any]]
    values: dict[tuple[str, str], list[dict[str, Any]]]


def key_statistics(graph: Graph) -> KeyStatistics:
    """Read once and kept until the statistics change: every council page charts the key measures."""
    def read() -> KeyStatistics:
        values: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in graph.read("statistics_measure_values", measure_ids=list(KEY_MEASURES)):
            values[(row["measure_id"], row["area_code"])].append(row)
        measures = {row["id"]: row for row in loaded_measures(graph, list(KEY_MEASURES))}
        return KeyStatistics(measures, dict(values))
    return graph.kept("key_statistics", ("statistics_version",), read)


def metric_measures() -> list[str]:
    """Every official measure an outcome metric maps to (kg/model/metrics.yaml)."""
    return sorted({measure for metric in metrics() for measure in metric.measures})


def metric_statistics(graph: Graph) -> MetricStatistics:
    """Read once and kept until the statistics change (what-worked and the gap map read them per answer)."""
    def read() -> MetricStatistics:
        best: dict[tuple[str, str, int], tuple[int, float]] = {}
        for row in graph.read("statistics_council_values", measure_ids=metric_measures()):
            at = (row["measure_id"], row["area_code"], row["year"])
            if at not in best or row["rank"] < best[at][0]:
                best[at] = (row["rank"], row["value"])
        figures: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
        for (measure_id, code, year), (_rank, value) in best.items():
            figures[measure_id][code][year] = value
        measures = {row["id"]: row for row in loaded_measures(graph, metric_measures())}
        return MetricStatistics(measures, {m: dict(councils) for m, councils in figures.items()})
    return graph.kept("metric_statistics", ("statistics_version",), read)


# "2019", "2019/20", "2019-20" and "2014−15" (a year ending in 2020, 2015), "2019–2022" (two years)
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[/\-–−]\s*((?:19|20)?\d{2}))?(?!\d)")
_MONTH_BEFORE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s*$", re.IGNORECASE)
NEAR = 60  # characters after a figure in which the date it is given for is looked for ("695 in March 2015")


def named_years(period: str | None) -> list[int]:
    """The years a period names, each as the year its figure is published for (2019/20 → 2020)."""
    return list(dict.fromkeys(year for _position, year, _month in _dates(period or "")))


def _dates(text: str) -> list[tuple[int, int, int | None]]:
    """(position, year, month or None) of each year named: a financial year as the year it ends in."""
    found: list[tuple[int, int, int | None]] = []
    for match in _YEARS.finditer(text):
        first, second = int(match.group(1)), match.group(2)
        month_named = _MONTH_BEFORE.search(text[max(0, match.start() - 12):match.start()])
        month = MONTHS[month_named.group(1).lower()] if month_named else None
        if second is None:
            found.append((match.start(), first, month))
        elif len(second) == 2:
            found.append((match.start(), first // 100 * 100 + int(second), None))
        elif int(second) == first + 1:
            found.append((match.start(), int(second), None))
        else:
            found.extend([(match.start(), first, month), (match.start(2), int(second), None)])
    return found


def _position(quote: str, value: float, after: int = 0) -> int | None:
    """Where a figure is written in the quote (20.6, 695, 1,250), at or after `after`."""
    written = f"{value:,.2f}".rstrip("0").rstrip(".")
    for form in dict.fromkeys((written, written.replace(",", ""))):
        match = re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|\.\d)", quote[after:])
        if match:
            return after + match.start()
    return None


def _claimed_figures(outcome: dict[str, Any]) -> list[tuple[int, int | None, float]]:
    """(year, month or None, figure) for each figure an outcome states with a date: the date written just
    after the figure in its quote ("from 695 in March 2015 to 489"), else the period's: its first and last
    years (one year: the start after "since" or "from", else the end figure's), with the month the quote
    gives that year ("between October 2015 and April 2016")."""
    numbers = [float(value) if isinstance(value, (int, float)) else None
               for value in (outcome.get("value_from"), outcome.get("value_to"))]
    if numbers == [None, None]:
        return []
    quote = outcome.get("quote") or ""
    positions: list[int | None] = []
    for value in numbers:
        after = next((p for p in reversed(positions) if p is not None), 0)
        positions.append(_position(quote, value, after) if value is not None else None)
    dated: list[tuple[int, int | None, float] | None] = [None, None]
    for index, (value, position) in enumerate(zip(numbers, positions)):
        if value is None or position is None:
            continue
        following = positions[index + 1] if index + 1 < len(positions) else None
        stop = min(following or position + NEAR, position + NEAR)
        near = [(year, month) for _at, year, month in _dates(quote[position:stop])]
        if near:
            dated[index] = (near[0][0], near[0][1], value)
    period = outcome.get("period") or ""
    between = re.fullmatch(r"((?:19|20)\d{2}(?:\S*?))–((?:19|20)\d{2}\S*)", period.strip())
    # a period the extraction wrote as "<year>–<year>" names two years, whatever they look like
    years = [year for part in between.groups() for year in named_years(part)[:1]] if between else \
        named_years(period)
    months = {year: month for _at, year, month in _dates(quote) if month}
    slots: list[int | None]
    if len(years) >= 2:
        slots = [years[0], years[-1]]
    elif years and (re.match(r"\s*(?:since|from)\b", period, re.IGNORECASE) or re.search(
            r"\b(?:since|from)\s+(?:\w+\s+)?" + str(years[0]), quote, re.IGNORECASE)):
        slots = [years[0], None]
    else:
        slots = [None, years[0] if years else None]
    used = {entry[0] for entry in dated if entry}
    for index, value in enumerate(numbers):
        year = slots[index]
        if dated[index] is None and value is not None and year is not None and year not in used:
            dated[index] = (year, months.get(year), value)
            used.add(year)
    return [entry for entry in dated if entry]


def official_year(year: int, month: int | None, period_end_month: int) -> int:
    """The year of the official figure nearest a date claimed: a figure for February 2016 is nearest the
    workforce census of September 2015; a year without a month is the year the figures are published for."""
    if month is None:
        return year
    when = year * 12 + month
    return min((year - 1, year, year + 1), key=lambda y: abs(y * 12 + period_end_month - when))


COUNTABLE = ("Number", "per 10,000", "cases per", "children")  # units a figure without a % or £ can be in


def rate_claimed(outcome: dict[str, Any]) -> bool:
    """A figure written as a rate: "per 10,000" just after one of the outcome's figures."""
    quote = outcome.get("quote") or ""
    for value in (outcome.get("value_from"), outcome.get("value_to")):
        at = _position(quote, float(value), 0) if isinstance(value, (int, float)) else None
        if at is not None and re.match(r"[^.;]{0,25}?per\s+10,?000", quote[at:]):
            return True
    return False


def _fitting_measure(outcome: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The metric's official measure in the claim's unit: a percentage, money, a rate per 10,000, or a number."""
    unit = outcome.get("unit") or "count"
    for measure in candidates:
        if unit == "%" and measure["unit"] == "%":
            return measure
        if unit == "£" and measure["unit"].startswith("£"):
            return measure
        if unit == "count" and measure["unit"].startswith(COUNTABLE):
            if rate_claimed(outcome) == measure["unit"].startswith("per 10,000"):
                return measure
    return None


def check_outcomes(graph: Graph, rows: list[dict[str, Any]], code_key: str = "ons_code") -> list[dict[str, Any]]:
    """Sets `official` on each row's outcome: how its figures compare with DfE's for the same council,
    measure and years (None when the outcome gives no figure with a year, or its metric maps to no measure)."""
    by_metric = {metric.id: metric for metric in metrics()}
    wanted: list[tuple[dict[str, Any], list[tuple[int, int | None, float]]]] = []
    for row in rows:
        outcome = row["outcome"]
        outcome["official"] = None
        metric = by_metric.get(outcome.get("metric") or "")
        claimed = _claimed_figures(outcome)
        if metric and metric.measures and claimed and row.get(code_key):
            wanted.append((row, claimed))
    if not wanted:
        return rows
    measure_ids = sorted({m for row, _ in wanted for m in by_metric[row["outcome"]["metric"]].measures})
    known = metric_statistics(graph).measures
    measures = {measure_id: known[measure_id] for measure_id in measure_ids if measure_id in known}
    codes = sorted({row[code_key] for row, _ in wanted})
    best: dict[tuple[str, str, int], dict[str, Any]] = {}
    for value in graph.read("statistics_values", codes=codes, measure_ids=list(measures)) if measures else []:
        at = (value["measure_id"], value["area_code"], value["year"])
        if at not in best or value["rank"] < best[at]["rank"]:
            best[at] = value
    for row, claimed in wanted:
        outcome = row["outcome"]
        candidates = [measures[m] for m in by_metric[outcome["metric"]].measures if m in measures]
        measure = _fitting_measure(outcome, candidates)
        if measure is None:
            outcome["official"] = OfficialCheck(
                verdict="no official figure",
                detail="no official measure of this in the claim's unit" if candidates
                else "the official statistics are not loaded").model_dump()
            continue
        figures = []
        closest: dict[int, tuple[int, float]] = {}  # official year: (months away, figure claimed)
        for year, month, figure in claimed:
            nearest = official_year(year, month, measure["period_end_month"])
            away = 0 if month is None else abs(nearest * 12 + measure["period_end_month"] - (year * 12 + month))
            if nearest not in closest or away < closest[nearest][0]:
                closest[nearest] = (away, figure)  # two figures nearest one official figure: the nearer
        for nearest, (_away, figure) in sorted(closest.items()):
            official = best.get((measure["id"], row[code_key], nearest))
            figures.append(ComparedFigure(year=nearest, claimed=figure,
                                          official=official["value"] if official else None,
                                          year_label=official["year_label"] if official else None,
                                          source=official["source"] if official else None))
        outcome["official"] = _verdict(measure, figures).model_dump()
    return rows


def _verdict(measure: dict[str, Any], figures: list[ComparedFigure]) -> OfficialCheck:
    unit = measure["unit"]
    found = [figure for figure in figures if figure.official is not None]
    common = {"measure_id": measure["id"], "measure": measure["chart_label"], "unit": unit,
              "tolerance": tolerance_words(unit), "figures": figures, "citation": measure["citation"]}
    missing = [str(figure.year) for figure in figures if figure.official is None]
    if not found:
        return OfficialCheck(verdict="no official figure", detail=f"DfE has no figure of {measure['chart_label']} "
                             f"for {' or '.join(missing)}", **common)
    pairs = "; ".join(f"{figure.year}: claimed {display(figure.claimed, unit)}, official "
                      f"{display(figure.official, unit)}" for figure in found if figure.official is not None)
    gaps = f" (none for {', '.join(missing)})" if missing else ""
    if all(within_tolerance(f.claimed, f.official, unit) for f in found if f.official is not None):
        return OfficialCheck(verdict="consistent", detail=f"consistent with DfE's {measure['chart_label']}, "
                             f"{tolerance_words(unit)}: {pairs}{gaps}", **common)
    return OfficialCheck(verdict="differs", detail=f"differs from DfE's {measure['chart_label']}: {pairs}{gaps}",
                         **common)
