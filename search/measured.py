"""What worked, measured: did the councils that adopted a practice move more than comparable councils?

For each council using a practice, the year it adopted it (its stated start, else the first dated
document that says it uses it); the change in the official measures that matter for the question
over the three years after (two where the third is not published yet), beside the median change of
its statistical neighbours over the same years; and its next overall inspection grade beside the
base rate of councils that stood at the same grade that year. These are observational
associations, not effects: the practice is one of many things that changed."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

from kg.connection import Graph
from kg.councils import all_neighbours
from kg.inspections import JourneyPoint, overall_histories
from kg.model.catalogue import metrics
from kg.statistics import metric_statistics

MIN_COUNCILS = 3  # below this a practice's measured change is "too few councils to tell"
YEARS_AFTER = (3, 2)  # the change over three years after adoption, or two where the third is not yet published
MIN_NEIGHBOURS = 3  # neighbours with figures for both years needed for a comparators' median
PRIOR = 2  # councils' worth of "no better, no worse than comparators" every practice's score is shrunk towards
PHASE_ORDER = {"poor": 0, "fair": 1, "good": 2, "great": 3}
TOO_FEW = "too few councils to tell"
CAVEAT = ("These are observational associations: councils that adopted a practice are compared with their "
          "statistical neighbours over the same years and with councils that started from the same grade, but "
          "many other things changed at the same time, so they do not show that the practice caused the change.")


@dataclass(frozen=True)
class Adoption:
    code: str
    name: str
    year: int
    basis: str  # "stated start" or "first dated mention"


def adoptions(by_council: dict[str, dict[str, Any]]) -> dict[str, Adoption]:
    """When each council adopted the practice: the start year a document states, else the year of the
    earliest dated document that says it uses it; councils with neither are left out."""
    found = {}
    for code, entry in by_council.items():
        if entry["since"]:
            found[code] = Adoption(code, entry["name"], entry["since"], "stated start")
            continue
        years = [int(q["citation"]["date"][:4]) for q in entry["quotes"]
                 if (q.get("citation") or {}).get("date") and q["citation"]["date"][:4].isdigit()]
        if years:
            found[code] = Adoption(code, entry["name"], min(years), "first dated mention")
    return found


def measures_for(question: str | None, outcome_metrics: list[str]) -> list[str]:
    """The official measures that matter: those of the metrics the question names (of their areas when
    the metrics named have none), else those of the metrics the practice's reported outcomes are about."""
    named = [metric for metric in metrics() if question and metric.pattern.search(question)]
    chosen = [metric for metric in named if metric.measures]
    if named and not chosen:
        areas = {metric.area for metric in named}
        chosen = [metric for metric in metrics() if metric.area in areas and metric.measures]
    if not named:
        wanted = set(outcome_metrics)
        chosen = [metric for metric in metrics() if metric.id in wanted and metric.measures]
    return list(dict.fromkeys(metric.measures[0] for metric in chosen))


class Measured:
    """The official figures, neighbours and inspection journeys a practice's councils are measured with,
    read once per answer."""

    def __init__(self, graph: Graph, histories: dict[str, list[JourneyPoint]] | None = None):
        statistics = metric_statistics(graph)
        self.figures = statistics.figures
        self.measures = statistics.measures
        self.neighbours = all_neighbours(graph)
        self.histories = histories if histories is not None else overall_histories(graph)
        self._base_rates: dict[tuple[str, int], tuple[float | None, int]] = {}

    def change(self, code: str, measure_id: str, year: int) -> dict[str, Any] | None:
        """The council's change over the years after `year`, and its neighbours' median change over the same."""
        series = self.figures.get(measure_id, {})
        own = series.get(code, {})
        start = year if year in own else year - 1 if year - 1 in own else None
        end = next((start + gap for gap in YEARS_AFTER if start is not None and start + gap in own), None)
        if start is None or end is None:
            return None
        around = [series[n][end] - series[n][start] for n in self.neighbours.get(code, [])
                  if start in series.get(n, {}) and end in series.get(n, {})]
        if len(around) < MIN_NEIGHBOURS:
            return None
        change, comparators = own[end] - own[start], median(around)
        polarity = self.measures[measure_id]["polarity"] if measure_id in self.measures else None
        better = None
        if polarity and change != comparators:
            better = (change > comparators) == (polarity == "high")
        return {"measure_id": measure_id,
                "label": self.measures[measure_id]["chart_label"] if measure_id in self.measures else measure_id,
                "from_year": start, "to_year": end, "value_from": own[start],
                "value_to": own[end], "change": round(change, 2), "comparators_change": round(comparators, 2),
                "comparators": len(around), "better_than_comparators": better}

    def base_rate(self, phase: str, year: int) -> tuple[float | None, int]:
        """Of the councils whose latest overall grade at the end of `year` had this phase and that were
        inspected again later, the share graded higher at that next inspection, and how many there were."""
        if (phase, year) not in self._base_rates:
            rose = []
            for points in self.histories.values():
                step = _next_step(points, year)
                if step and step[0].phase == phase:
                    rose.append(PHASE_ORDER[step[1].phase] > PHASE_ORDER[phase])
            self._base_rates[(phase, year)] = (sum(rose) / len(rose) if rose else None, len(rose))
        return self._base_rates[(phase, year)]

    def grade_after(self, code: str, year: int) -> dict[str, Any] | None:
        """The council's grade at adoption, its next grade, and the base rate of rising from that grade then."""
        step = _next_step(self.histories.get(code, []), year)
        if step is None:
            return None
        before, after = step
        rate, count = self.base_rate(before.phase, year)
        return {"from_grade": before.grade, "from_date": before.date.isoformat(), "to_grade": after.grade,
                "to_date": after.date.isoformat(), "rose": PHASE_ORDER[after.phase] > PHASE_ORDER[before.phase],
                "base_rate": None if rate is None else round(rate, 3), "base_rate_councils": count}

    def practice(self, adopted: dict[str, Adoption], measure_ids: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The practice's measured summary and each council's measured record (by council code)."""
        measure_ids = [m for m in measure_ids if m in self.measures]
        councils: dict[str, Any] = {}
        scores = []
        for code, adoption in adopted.items():
            changes = [c for c in (self.change(code, m, adoption.year) for m in measure_ids) if c]
            grade = self.grade_after(code, adoption.year)
            signals = [0.5 if c["better_than_comparators"] is None else float(c["better_than_comparators"])
                       for c in changes if self.measures[c["measure_id"]]["polarity"]]
            if grade and grade["base_rate"] is not None:
                signals.append(0.5 + (float(grade["rose"]) - grade["base_rate"]) / 2)
            councils[code] = {"adopted": adoption.year, "adopted_basis": adoption.basis, "changes": changes,
                              "grade_after": grade}
            if signals:
                scores.append(sum(signals) / len(signals))
        n = len(scores)
        improvement = round((sum(scores) + 0.5 * PRIOR) / (n + PRIOR), 4) if n >= MIN_COUNCILS else 0.5
        summary = {
            "councils_dated": len(adopted),
            "stated_start": sum(a.basis == "stated start" for a in adopted.values()),
            "first_dated_mention": sum(a.basis == "first dated mention" for a in adopted.values()),
            "n": n, "enough": n >= MIN_COUNCILS, "improvement": improvement,
            "measures": [self._measure_summary(m, councils) for m in measure_ids],
            "grade": _grade_summary([c["grade_after"] for c in councils.values() if c["grade_after"]]),
        }
        summary["explained"] = (
            f"{TOO_FEW} ({n} council{'s' if n != 1 else ''} measured; neutral 0.50)" if n < MIN_COUNCILS else
            f"{n} councils measured against their statistical neighbours' median change and the grade base rate, "
            f"shrunk towards 0.50 by {PRIOR} councils' worth")
        return summary, councils

    def _measure_summary(self, measure_id: str, councils: dict[str, Any]) -> dict[str, Any]:
        measure = self.measures[measure_id]
        changes = [c for council in councils.values() for c in council["changes"] if c["measure_id"] == measure_id]
        enough = len(changes) >= MIN_COUNCILS
        judged = [c["better_than_comparators"] for c in changes if c["better_than_comparators"] is not None]
        return {"id": measure_id, "label": measure["chart_label"], "unit": measure["unit"],
                "polarity": measure["polarity"], "n": len(changes),
                "change": round(median(c["change"] for c in changes), 2) if enough else None,
                "comparators_change": round(median(c["comparators_change"] for c in changes), 2) if enough else None,
                "better_than_comparators": sum(judged) if enough and measure["polarity"] else None,
                "note": None if enough else TOO_FEW, "citation": measure["citation"]}


def _next_step(points: list[JourneyPoint], year: int) -> tuple[JourneyPoint, JourneyPoint] | None:
    """The latest grade at the end of `year` and the first after it."""
    before = [p for p in points if p.date.year <= year]
    after = [p for p in points if p.date.year > year]
    return (before[-1], after[0]) if before and after else None


def _grade_summary(grades: list[dict[str, Any]]) -> dict[str, Any]:
    enough = len(grades) >= MIN_COUNCILS
    rates = [g["base_rate"] for g in grades if g["base_rate"] is not None]
    return {"n": len(grades), "rose": sum(g["rose"] for g in grades) if enough else None,
            "base_rate": round(sum(rates) / len(rates), 3) if enough and rates else None,
            "note": None if enough else TOO_FEW}


def area_measures() -> dict[str, list[str]]:
    """Each outcome area's official measures (the first of each of its metrics'), for the gap map."""
    found: dict[str, list[str]] = {}
    for metric in metrics():
        if metric.measures:
            found.setdefault(metric.area, [])
            if metric.measures[0] not in found[metric.area]:
                found[metric.area].append(metric.measures[0])
    return found
