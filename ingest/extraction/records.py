"""One document's extracted evidence as rows for the graph and as the report `evidence extract`
prints; both carry the same provenance (passage, span of the evidence sentence, method,
confidence)."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ingest.extraction.document import (
    DocumentEvidence,
    OpenOutcomeFinding,
    OutcomeFinding,
    Sentence,
)
from ingest.extraction.enablers import EnablerScore
from ingest.extraction.practices import practice_words
from kg.model.catalogue import intervention_by_id, interventions, metric_by_id
from kg.model.graph import (
    DocumentEvidenceRows,
    EnablerLink,
    Implementation,
    Intervention,
    Mention,
    Outcome,
)
from kg.model.vocabulary import STRENGTHS


@dataclass
class PassageSpan:
    id: str
    start: int
    end: int


class PassageLocator:
    def __init__(self, passages: list[PassageSpan]):
        self._passages = sorted(passages, key=lambda passage: passage.start)
        self._starts = [passage.start for passage in self._passages]

    def at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._passages[index].end:
            return self._passages[index].id
        return None


def _span(sentence: Sentence) -> dict[str, int]:
    return {"char_start": sentence.start, "char_end": sentence.end}


def graph_rows(document_id: str, evidence: DocumentEvidence, enabler_links: list[list[EnablerScore]],
               passages: list[PassageSpan]) -> DocumentEvidenceRows:
    """The graph's models of what was found; evidence outside every passage (a heading the
    chunker dropped) has no passage to cite and is left out."""
    locate = PassageLocator(passages)
    mentions: dict[tuple[str, str, str], Mention] = {}
    for mention, sentence in zip(evidence.mentions, evidence.mention_sentences):
        passage_id = locate.at(mention.start)
        if passage_id is None:
            continue
        key = (passage_id, mention.kind, mention.key)
        if key in mentions:
            mentions[key].count += 1
            continue
        mentions[key] = Mention(passage_id=passage_id, kind=mention.kind, key=mention.key, surface=mention.surface,
                                count=1, **_span(sentence), method=mention.method, confidence=mention.confidence)

    emerging: dict[str, Intervention] = {}
    cited = {key for _passage, _kind, key in mentions}
    for mention in evidence.mentions:
        if mention.status == "emerging" and mention.key in cited and mention.key not in emerging:
            emerging[mention.key] = Intervention(
                id=mention.key, name=mention.surface, category=nearest_category(mention.surface),
                description="A practice extraction found that the catalogue does not name.", aliases=[],
                status="emerging")
    implementations: dict[tuple[str, str], Implementation] = {}
    for implementation in evidence.implementations:
        pair = (implementation.council, implementation.intervention)
        held = implementations.get(pair)
        if held is not None:
            if implementation.since and (held.since or 9999) > implementation.since:
                held.since = implementation.since
            continue
        implementations[pair] = Implementation(
            council=implementation.council, intervention=implementation.intervention, document_id=document_id,
            passage_id=locate.at(implementation.sentence.start), **_span(implementation.sentence),
            quote=evidence.quote(implementation.sentence), surface=implementation.surface,
            since=implementation.since, method=implementation.method, confidence=implementation.confidence)

    outcomes = []
    for finding, id_end, fields in outcome_findings(evidence):
        passage_id = locate.at(finding.sentence.start)
        if passage_id is None:
            continue
        outcomes.append(Outcome(
            id=f"outcome:{document_id}:{id_end}", document_id=document_id, passage_id=passage_id,
            council=finding.council, intervention=finding.intervention, attribution=finding.attribution, **fields))

    links = [EnablerLink(passage_id=passage.id, enabler=link.enabler, score=link.score, cues=link.cues)
             for passage, found in zip(passages, enabler_links) for link in found]
    return DocumentEvidenceRows(emerging=list(emerging.values()), mentions=list(mentions.values()), implementations=list(implementations.values()),
                                outcomes=outcomes, enabler_links=links)


@lru_cache(maxsize=1)
def _catalogue_words() -> list[tuple[set[str], str]]:
    return [({word for name in (entry.name, *entry.aliases, entry.description) for word in practice_words(name)}
             - _STOP, entry.category) for entry in interventions()]


_STOP = {"of", "and", "for", "the", "a", "an", "to", "in", "with", "on", "by", "or", "that", "their", "is", "are"}


@lru_cache(maxsize=4096)
def nearest_category(surface: str) -> str:
    """The category of the catalogue entry sharing most words with a practice's name (and
    description), by Jaccard overlap; "practice_model" when none shares any."""
    words = set(practice_words(surface)) - _STOP
    best, category = 0.0, "practice_model"
    for entry_words, entry_category in _catalogue_words():
        overlap = len(words & entry_words) / len(words | entry_words) if words else 0.0
        if overlap > best:
            best, category = overlap, entry_category
    return category


def outcome_findings(evidence: DocumentEvidence) -> Iterator[tuple[OutcomeFinding | OpenOutcomeFinding, str, dict[str, Any]]]:
    """Every outcome of a document, controlled metric first then open figures, with the end of
    its id and its fields."""
    seen: Counter[str] = Counter()

    def unique(key: str) -> str:
        """A figure with several baselines ("from both 700 … and 760 …") gives several changes at one place."""
        seen[key] += 1
        return key if seen[key] == 1 else f"{key}:{seen[key]}"

    for outcome in evidence.outcomes:
        yield outcome, unique(f"{outcome.draft.char_start}:{outcome.draft.metric}"), outcome_fields(evidence, outcome)
    for found in evidence.open_outcomes:
        yield found, unique(f"{found.outcome.char_start}:open"), open_outcome_fields(evidence, found)


def outcome_fields(evidence: DocumentEvidence, outcome: OutcomeFinding) -> dict[str, Any]:
    """A controlled metric's outcome: always a change (a direction, with or without figures)."""
    draft = outcome.draft
    metric = metric_by_id()[draft.metric]
    clause = evidence.quote(Sentence(draft.char_start, draft.char_end))
    printed = metric.pattern.search(clause) or metric.pattern.search(evidence.quote(outcome.sentence))
    return {
        "kind": "change", "metric": draft.metric, "metric_name": metric.name,
        "metric_text": printed.group(0) if printed else metric.name, "metric_key": draft.metric,
        "direction": draft.direction,
        "value_from": draft.value_from, "value_to": draft.value_to, "unit": draft.unit, "change": draft.change,
        "change_unit": draft.change_unit, "period": draft.period, "strength": outcome.strength,
        "strength_label": STRENGTHS[outcome.strength], "quote": evidence.quote(outcome.sentence),
        "clause": clause, **_span(outcome.sentence),
        "method": "rules+parser", "confidence": 0.8 if outcome.strength >= 3 else 0.6,
    }


def open_outcome_fields(evidence: DocumentEvidence, found: OpenOutcomeFinding) -> dict[str, Any]:
    """A figure no controlled metric names: its printed metric and the key that groups it."""
    outcome = found.outcome
    quote = evidence.quote(found.sentence)
    return {
        "kind": outcome.kind, "metric": None, "metric_name": outcome.metric_text, "metric_text": outcome.metric_text,
        "metric_key": outcome.metric_key, "direction": outcome.direction, "value_from": outcome.value_from,
        "value_to": outcome.value, "unit": outcome.unit, "change": outcome.change,
        "change_unit": outcome.change_unit, "period": outcome.period, "strength": found.strength,
        "strength_label": STRENGTHS[found.strength], "quote": quote, "clause": quote, **_span(found.sentence),
        "method": "open_figure", "confidence": 0.5,
    }


def extract_report(evidence: DocumentEvidence, enabler_links: list[list[EnablerScore]], passages: list[PassageSpan],
                   council_names: dict[str, str], inspection: dict[str, Any] | None,
                   judgements: list[dict[str, Any]]) -> dict[str, Any]:
    """What `evidence extract FILE --json` prints."""
    councils: dict[str, dict[str, Any]] = {}
    found_interventions: dict[str, dict[str, Any]] = {}
    named_only: list[dict[str, Any]] = []
    catalogue = intervention_by_id()
    for mention, sentence in zip(evidence.mentions, evidence.mention_sentences):
        if mention.kind == "council":
            entry = councils.setdefault(mention.key, {"ons_code": mention.key, "name": council_names.get(mention.key),
                                                      "surface": mention.surface, "count": 0})
            entry["count"] += 1
        elif mention in evidence.named_only:
            named_only.append({"id": mention.key, "status": mention.status, "surface": mention.surface,
                               "quote": evidence.quote(sentence)})
        else:
            entry = found_interventions.setdefault(mention.key, {
                "id": mention.key, "name": catalogue[mention.key].name if mention.key in catalogue else mention.surface,
                "status": mention.status, "surface": mention.surface, "method": mention.method,
                "confidence": mention.confidence, "mentions": []})
            entry["mentions"].append({"surface": mention.surface, "quote": evidence.quote(sentence)})
    by_enabler: dict[str, list[str]] = {}
    for passage, found in zip(passages, enabler_links):
        for link in found:
            by_enabler.setdefault(link.enabler, []).append(passage.id)
    return {
        "councils": sorted(councils.values(), key=lambda entry: -entry["count"]),
        "interventions": list(found_interventions.values()),
        "named_only": named_only,
        "implementations": [{"council": item.council, "intervention": item.intervention, "since": item.since,
                             "method": item.method, "quote": evidence.quote(item.sentence)}
                            for item in evidence.implementations],
        "outcomes": [{"council": finding.council, "intervention": finding.intervention, **fields}
                     for finding, _key, fields in outcome_findings(evidence)],
        "judgements": judgements,
        "inspection": inspection,
        "enablers": [{"id": enabler, "passages": ids} for enabler, ids in by_enabler.items()],
    }
