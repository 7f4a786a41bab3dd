"""Precision and recall of extraction against a hand-checked development set
(tests/fixtures/extraction_checked.yaml): councils and interventions as sets per document,
outcomes as lists of (council, metric, direction, value_from, value_to), all five right."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Iterable

from ingest.extraction.practices import practice_key, practice_words


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    unscored: int = 0  # found but outside what the marked set marks (an outcome stated without a figure)

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
                self.true_positives, "false_positives": self.false_positives, "false_negatives": self.false_negatives,
                **({"unscored": self.unscored} if self.unscored else {})}


def _value(value: Any) -> Any:
    return round(float(value), 2) if isinstance(value, (int, float)) else value


def outcome_key(council: str, metric: str, direction: str, value_from: Any, value_to: Any) -> tuple:
    return council, metric, direction, _value(value_from), _value(value_to)


def score(checked: list[dict[str, Any]], reports: list[dict[str, Any]]) -> dict[str, Tally]:
    """`reports`: what `evidence extract --json` printed for each checked document, in order. The
    checked set marks catalogue interventions and controlled metrics only, so only those are scored."""
    tallies = {"councils": Tally(), "interventions": Tally(), "outcomes": Tally()}
    for expected, report in zip(checked, reports):
        name = expected["path"].split("/")[-1][:40]
        tallies["councils"].add(name, {c["ons_code"] for c in report["councils"]}, set(expected["councils"]))
        tallies["interventions"].add(name, {i["id"] for i in report["interventions"]
                                            if i.get("status", "catalogue") == "catalogue"}, set(expected["interventions"]))
        tallies["outcomes"].add(
            name, [outcome_key(o["council"], o["metric"], o["direction"], o["value_from"], o["value_to"])
                   for o in report["outcomes"] if o["metric"] is not None],
            [outcome_key(*row) for row in expected["outcomes"]])
    return tallies


# The unseen set (tests/fixtures/extraction_unseen.yaml) marks practices by their printed surface
# and outcomes by their figures, not by catalogue ids, so it is scored by matching:
# - a marked practice is found when an extracted intervention mention's sentence overlaps the
#   marked quote (one contains a piece of the other, or they share a run of 40 characters, whitespace
#   and quote marks normalised) and
#   its surface matches the marked surface: equal after normalisation (case, quotes, hyphens,
#   plurals, leading determiners), or a Dice overlap of their words of at least 0.6;
# - an extracted practice (per document, a catalogue entry with all its mentions, else a distinct
#   normalised surface; bench/extraction.py also reports every surface counted apart, the unit
#   used before) is right when any of its mentions matches some marked practice of the document;
# - an outcome matches a marked one in an overlapping sentence when value_from, value_to (a
#   change stated only as an amount has value_from null and the amount as value_to) and unit
#   (% / per cent, count / children / people, …) are all equal.
_PERCENT = {"%", "percent", "per cent", "pct", "percentage points", "points"}
_DURATIONS = {"day": "days", "week": "weeks", "month": "months", "hour": "hours", "year": "years"}
_POUNDS = {"£": 1.0, "£k": 1e3, "£m": 1e6, "£ million": 1e6, "£bn": 1e9}


def _unit_class(unit: str | None) -> tuple[str, float]:
    """The kind of quantity a unit names and the factor to its base (pounds for money): readers
    write the thing counted ("social workers", "plans") where extraction writes "count", and "£m"
    where it writes pounds."""
    unit = (unit or "").strip().lower()
    if unit in _PERCENT:
        return "%", 1.0
    if unit == "rate" or unit.startswith("per 10,000"):
        return "per 10,000", 1.0
    if unit in _POUNDS:
        return "£", _POUNDS[unit]
    if unit.rstrip("s") in _DURATIONS:
        return _DURATIONS[unit.rstrip("s")], 1.0
    return "count", 1.0


def _plain(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[\"'()\[\],.:;|]", " ", text.replace("-", " ").replace("–", " ")).split())


def surfaces_match(found: str, marked: str) -> bool:
    a, b = practice_words(found), practice_words(marked)
    if not a or not b:
        return False
    if a == b:
        return True
    set_a, set_b = set(a), set(b)
    return 2 * len(set_a & set_b) / (len(set_a) + len(set_b)) >= 0.6


def quotes_overlap(found: str, marked: str) -> bool:
    """One contains a piece of the other, or they share a run of at least 40 characters (a sentence
    the segmenter joined to a heading, a marked quote of two sentences)."""
    found_plain = _plain(found)
    pieces = [_plain(piece) for piece in marked.split("…") if len(_plain(piece)) >= 12] or [_plain(marked)]
    for piece in pieces:
        if piece in found_plain or (len(found_plain) >= 12 and found_plain in piece):
            return True
        match = SequenceMatcher(None, found_plain, piece, autojunk=False).find_longest_match(
            0, len(found_plain), 0, len(piece))
        if match.size >= min(40, len(piece), len(found_plain)):
            return True
    return False


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


def unseen_outcome_key(outcome: dict[str, Any]) -> tuple:
    value_from, value_to, unit = outcome.get("value_from"), outcome.get("value_to"), outcome.get("unit")
    if value_to is None and outcome.get("change") is not None:  # "fell by 22%": its size, in the change's unit
        value_from, value_to, unit = None, abs(outcome["change"]), outcome.get("change_unit")
    kind, factor = _unit_class(unit)

    def scaled(value: Any) -> Any:
        return value if value is None or isinstance(value, str) else _number(float(value) * factor)  # a rank stays

    return scaled(value_from), scaled(value_to), kind


def _practice_mentions(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(found practice, surface, quote) of every intervention mention a report shows. A catalogue
    entry is one found practice however its mentions are worded ("Family Safeguarding", "the Family
    Safeguarding model"), as a reader marks one entry per distinct practice; anything else (emerging,
    or with no status: a reader's marks) is one per normalised surface. Older reports carry quotes
    only on implementations."""
    triples = [(entry["id"] if entry.get("status") == "catalogue" else practice_key(mention["surface"]),
                mention["surface"], mention["quote"])
               for entry in report["interventions"] for mention in entry.get("mentions", [])]
    if not triples:
        surface = {entry["id"]: entry["surface"] for entry in report["interventions"]}
        triples = [(item["intervention"], surface.get(item["intervention"], ""), item["quote"])
                   for item in report["implementations"]]
    return triples


def score_unseen(marked: list[dict[str, Any]], reports: list[dict[str, Any]]) -> dict[str, Tally]:
    """Councils as sets; practices and outcomes by the matching rule above."""
    tallies = {"councils": Tally(), "practices": Tally(), "outcomes": Tally()}
    for expected, report in zip(marked, reports):
        name = expected["path"].split("/")[1][:30]
        # a council abolished before the sets were marked (Cumbria, Northamptonshire) has no ONS code of the kind the
        # readers were given, so they could not mark it: it is not scored either way
        tallies["councils"].add(name, {c["ons_code"] for c in report["councils"] if c["ons_code"].startswith("E")},
                                set(expected["councils"]))
        practices, tally = expected.get("practices") or [], tallies["practices"]
        found_by_key: dict[str, list[tuple[str, str]]] = {}
        for key, surface, quote in _practice_mentions(report):
            found_by_key.setdefault(key, []).append((surface, quote))
        mentions = [pair for group in found_by_key.values() for pair in group]

        def hits(surface: str, quote: str, practice: dict[str, Any]) -> bool:
            return quotes_overlap(quote, practice["quote"]) and surfaces_match(surface, practice["surface"])

        for practice in practices:
            if any(hits(surface, quote, practice) for surface, quote in mentions):
                tally.true_positives += 1
            else:
                tally.false_negatives += 1
                tally.misses.append(f"{name}: {practice['surface']} | {practice['quote'][:120]}")
        for group in found_by_key.values():
            if not any(hits(surface, quote, practice) for surface, quote in group for practice in practices):
                tally.false_positives += 1
                tally.extras.append(f"{name}: {group[0][0]} | {group[0][1][:120]}")
        tally = tallies["outcomes"]
        pairs, remaining = matched_outcomes(expected, report)
        for outcome, match in pairs:
            if match is None:
                figures = unseen_outcome_key(outcome)
                if figures[:2] == (None, None):
                    tally.unscored += 1  # "caseloads have reduced": the marked set holds stated figures only
                    continue
                tally.false_positives += 1
                tally.extras.append(f"{name}: {figures} | {outcome['quote'][:120]}")
            else:
                tally.true_positives += 1
        tally.false_negatives += len(remaining)
        tally.misses += [f"{name}: {row['kind']} {unseen_outcome_key(row)} {row['metric_text']} | {row['quote'][:100]}"
                         for row in remaining]
    return tallies


def _same_figures(marked: tuple, found: tuple) -> bool:
    """A marked outcome's figures and a found one's: equal, or, for a share, the reader's whole number is
    the found value rounded ("a third" marked 33 %, found 33.3 %), as the set's readers write shares in words."""
    def same(reader: Any, value: Any) -> bool:
        return reader == value or (marked[2] == "%" and isinstance(reader, float) and isinstance(value, float)
                                   and reader.is_integer() and not value.is_integer() and abs(value - reader) < 0.5)
    return marked[2] == found[2] and all(same(reader, value) for reader, value in zip(marked[:2], found[:2]))


def matched_outcomes(expected: dict[str, Any], report: dict[str, Any]
                     ) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[dict[str, Any]]]:
    """Each found outcome with the marked one it matches (greedy, one to one, same figures in overlapping
    sentences) or None, and the marked ones left unmatched."""
    remaining = list(expected.get("outcomes") or [])
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for outcome in report["outcomes"]:
        figures = unseen_outcome_key(outcome)
        match = None if figures[:2] == (None, None) else next(
            (row for row in remaining if _same_figures(unseen_outcome_key(row), figures)
             and quotes_overlap(outcome["quote"], row["quote"])), None)
        if match is not None:
            remaining.remove(match)
        pairs.append((outcome, match))
    return pairs, remaining


_METRIC_STOP = set("a an the of to in on at for and or is are was were be been being has have had with by from as that "
                   "which who whom this these those its their there it".split())


def _metric_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’s", "").replace("'s", ""))
    return {word.rstrip("s") for word in words if word not in _METRIC_STOP}


def metric_agreement(marked: list[dict[str, Any]], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Of the outcomes whose figures match a marked one, how much of the reader's metric text the found
    metric text holds (mean share of the reader's content words present: recall; of the found words
    that are the reader's: precision; and the share holding every one of the reader's words). The
    figures can be right and the metric say only "children" of "children who live out of the area"."""
    recall = precision = whole = 0.0
    pairs = [(outcome, match) for expected, report in zip(marked, reports)
             for outcome, match in matched_outcomes(expected, report)[0] if match is not None]
    scored = 0
    for outcome, match in pairs:
        found, theirs = _metric_words(outcome.get("metric_text") or ""), _metric_words(match["metric_text"])
        if not theirs:
            continue
        scored += 1
        shared = len(found & theirs)
        recall += shared / len(theirs)
        precision += shared / len(found) if found else 0.0
        whole += shared == len(theirs)
    return {"matched": scored, "word_recall": round(recall / scored, 3) if scored else None,
            "word_precision": round(precision / scored, 3) if scored else None,
            "all_words_present": round(whole / scored, 3) if scored else None}
