"""Practices weighed by weights learned from hand-marked reports.

The rules in practices.py take what a council set up and what has a practice's name; about three in
five of what they take is not what a careful reader marks, and they miss most of what a reader does
mark (teams, meetings, posts, tools a report describes in passing). So every phrase the rules take,
and every other noun phrase of the sentence, is a candidate, described by plain features (the rule
that took it, if any; its head's lemma and role, the verb or noun that governs it, its modifiers,
whether it is capitalised, quoted, generic…), and kept when a logistic regression over those
features gives it a probability at or above a threshold. The weights and the threshold are learned by
bench/practice_weights.py on the dev split of the unseen extraction set only (its held_out split is
never seen), and shipped as practice_weights.json, a table a reader can check.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from ingest.extraction import practices as rules

WEIGHTS = Path(__file__).with_name("practice_weights.json")
_NOUNS = {"NOUN", "PROPN"}


def _common_noun_alone(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].pos_ == "NOUN" and not tokens[0].is_upper


def candidate_phrases(doc: Doc, offset: int, taken: list[rules.PracticeMention]) -> list[tuple[int, int, list[Token]]]:
    """Every noun phrase of a sentence (its character start, end and tokens in the sentence) apart from
    what the rules took there (their mentions, `offset` placing the sentence in the document) and
    what the issue rules out: a common noun alone ("staffing", "support"), a statutory body or the
    inspection's machinery, what is planned or hoped for, what inspectors did."""
    spans = [(mention.start - offset, mention.end - offset) for mention in taken]
    found: dict[tuple[int, int], list[Token]] = {}
    for token in doc:
        if token.pos_ in _NOUNS and token.dep_ != "compound":
            tokens = rules.phrase(token)
            if (tokens and len(tokens) <= rules.MAX_TOKENS and not _common_noun_alone(tokens)
                    and not rules.statutory_or_inspection(tokens) and not rules.planned_or_by_inspectors(token)):
                start, end = rules.with_abbreviation(doc, tokens)
                if not any(start < last and first < end for first, last in spans):
                    found[(start, end)] = tokens
    return [(start, end, tokens) for (start, end), tokens in found.items()]


def features(doc: Doc, tokens: list[Token]) -> dict[str, float]:
    """What the weights read of a candidate: its head, the word governing it, its modifiers and its shape."""
    head = rules.head_of(tokens)
    lemma = head.lemma_.lower()
    described = {
        f"lemma={lemma}": 1.0, f"dep={head.dep_}": 1.0, f"entity={head.ent_type_ or 'none'}": 1.0,
        "practice_head": lemma in rules.HEADS, "strong_head": lemma in rules.STRONG_HEADS,
        "generic_noun": lemma in rules.GENERIC_NOUNS, "abstract": lemma in rules.ABSTRACT,
        "not_what_it_does": lemma in rules.NOT_WHAT_IT_DOES, "generic": rules.generic(tokens),
        "length": min(len(tokens), rules.MAX_TOKENS) / rules.MAX_TOKENS, "one_word": len(tokens) == 1,
        "capitalised": any(token.is_title and not token.is_sent_start for token in tokens),
        "upper": any(token.is_upper and len(token) > 1 for token in tokens),
        "quoted": tokens[0].text in "‘'“\"" or tokens[0].idx > 0 and doc.text[tokens[0].idx - 1] in "‘'“\"",
        "distinctive": sum(rules.distinctive(token) for token in tokens),
        "evaluative": any(token.lower_ in rules.EVALUATIVE for token in tokens),
        "plural": head.tag_ in {"NNS", "NNPS"}, "proper": head.pos_ == "PROPN",
        "hyphen": any("-" in token.text for token in tokens),
    }
    governor = head.head
    if head.dep_ == "pobj":
        described[f"preposition={governor.lower_}"] = 1.0
        governor = governor.head
    if governor.pos_ in {"VERB", "AUX"}:
        described[f"verb={governor.lemma_.lower()}"] = 1.0
        described["action_verb"] = governor.lemma_ in rules.ACTIONS
    elif governor.pos_ == "NOUN":
        described[f"governing_noun={governor.lemma_.lower()}"] = 1.0
    for token in tokens:
        if token is not head and token.pos_ in {*_NOUNS, "ADJ"}:
            described[f"modifier={token.lemma_.lower()}"] = 0.5
    return {name: float(value) for name, value in described.items() if value}


@lru_cache(maxsize=1)
def _weights() -> dict[str, Any]:
    return json.loads(WEIGHTS.read_text())


def probability(described: dict[str, float]) -> float:
    """The logistic regression's probability that a candidate so described is a practice a reader marks."""
    table = _weights()
    score = table["intercept"] + sum(table["weights"].get(name, 0.0) * value for name, value in described.items())
    return 1.0 / (1.0 + math.exp(-score))


def ruled_features(doc: Doc, mention: rules.PracticeMention) -> dict[str, float]:
    """A rule's phrase described as any candidate is, and by the rule that took it."""
    return {**features(doc, list(mention.words)), "rule": 1.0, f"rule={mention.method}": 1.0}


def weighed_practices(doc: Doc, offset: int, ruled: list[rules.PracticeMention]) -> list[rules.PracticeMention]:
    """Of the rules' phrases (`ruled`, from practices.find_practices) and the sentence's other noun
    phrases, those whose learned probability reaches the threshold; the probability is the mention's
    confidence, the method the rule's or "learned"."""
    threshold = _weights()["threshold"]
    found = [replace(mention, confidence=round(chance, 3)) for mention in ruled
             if (chance := probability(ruled_features(doc, mention))) >= threshold]
    for start, end, tokens in candidate_phrases(doc, offset, ruled):
        chance = probability(features(doc, tokens))
        if chance >= threshold:
            found.append(rules.PracticeMention(doc.text[start:end], offset + start, offset + end,
                                               rules.head_of(tokens).lemma_.lower(), "learned", round(chance, 3),
                                               tuple(tokens)))
    return rules.longest(found)
