"""Precision and recall of extraction against a hand-checked development set
(tests/fixtures/extraction_checked.yaml): councils and interventions as sets per document,
outcomes as lists of (council, metric, direction, value_from, value_to), all five right."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, document: str, found: Iterable, expected: Iterable) -> None:
        found_counts, expected_counts = Counter(found), Counter(expected)
        self.true_positives += sum((found_counts & expected_counts).values())
        extra, missed = found_counts - expected_counts, expected_counts - found_counts
        self.false_positives += sum(extra.values())
        self.false_negatives += sum(missed.values())
        self.extras += [f"{document}: {item}" for item in extra.elements()]
        self.misses += [f"{document}: {item}" for item in missed.elements()]

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    def as_json(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "true_positives":
                self.true_positives, "false_positives": self.false_positives, "false_negatives": self.false_negatives}


def _value(value: Any) -> Any:
    return round(float(value), 2) if isinstance(value, (int, float)) else value


def outcome_key(council: str, metric: str, direction: str, value_from: Any, value_to: Any) -> tuple:
    return council, metric, direction, _value(value_from), _value(value_to)


def score(checked: list[dict[str, Any]], reports: list[dict[str, Any]]) -> dict[str, Tally]:
    """`reports`: what `evidence extract --json` printed for each checked document, in order."""
    tallies = {"councils": Tally(), "interventions": Tally(), "outcomes": Tally()}
    for expected, report in zip(checked, reports):
        name = expected["path"].split("/")[-1][:40]
        tallies["councils"].add(name, {c["ons_code"] for c in report["councils"]}, set(expected["councils"]))
        tallies["interventions"].add(name, {i["id"] for i in report["interventions"]}, set(expected["interventions"]))
        tallies["outcomes"].add(
            name, [outcome_key(o["council"], o["metric"], o["direction"], o["value_from"], o["value_to"])
                   for o in report["outcomes"]],
            [outcome_key(*row) for row in expected["outcomes"]])
    return tallies
