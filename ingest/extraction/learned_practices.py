"""Practices weighed by weights learned from hand-marked reports.

The rules in practices.py take what a council set up and what has a practice's name; about three in
five of what they take is not what a careful reader marks, and they miss most of what a reader does
mark (teams, meetings, posts, tools a report describes in passing). So every phrase the rules take,
and every other noun phrase of the sentence, is a candidate, described by plain features (the rule
that took it, if any; its head's lemma and role, the verb or noun that governs it, its modifiers,
whether it is capitalised, quoted, generic…). Two logistic regressions weigh it: the first reads
those features alone and passes on the candidates it gives at least a small chance (about one in
seven); the second reads the same features and the phrase's meaning, and keeps a candidate when its
probability reaches a threshold. The meaning is the phrase's embedding alone (what it says, like the
practices readers marked) and its words' vectors as the encoder reads them in the whole sentence
(what the sentence says of it: set up by the council, or convened by a court). Embedding only what
the first step passes keeps the cost down. The weights, the first step's bound and the threshold
are learned by bench/practice_weights.py on the dev splits of the unseen extraction set (Ofsted
reports) and of the narrative set (news, case studies, committee papers…) and on training reports
marked apart (no held_out split is ever seen), and shipped as
practice_weights.json: the features' weights a table a reader can check, the meaning's weights one
vector beside it. They were learned on fp32 vectors; the ONNX int8 backend's differ slightly (cosine
about 0.998 for a phrase), so a candidate near the threshold can fall the other way there.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from embedding.embedder import DIMENSIONS, Embedder
from ingest.extraction import practices as rules

WEIGHTS = Path(__file__).with_name("practice_weights.json")
_NOUNS = {"NOUN", "PROPN"}


def _common_noun_alone(tokens: list[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].pos_ == "NOUN" and not tokens[0].is_upper


def candidate_phrases(doc: Doc, offset: int, taken: list[rules.PracticeMention]) -> list[tuple[int, int, list[Token]]]:
    """Every noun phrase of a sentence (its character start, end and tokens in the sentence) apart from
    what the rules took there (their mentions, `offset` placing the sentence in the document) and
    what the issue rules out: a common noun alone ("staffing", "support"), a quantity ("35 per cent of
    social workers"), a statutory body or the inspection's machinery, what is planned or hoped for, what
    inspectors did, a person, a unit every council has named in passing."""
    spans = [(mention.start - offset, mention.end - offset) for mention in taken]
    found: dict[tuple[int, int], list[Token]] = {}
    for token in doc:
        if token.pos_ in _NOUNS and token.dep_ != "compound":
            tokens = rules.phrase(token)
            if (tokens and len(tokens) <= rules.MAX_TOKENS and not _common_noun_alone(tokens)
                    and rules.head_of(tokens).lemma_.lower() not in rules.QUANTITIES
                    and not rules.not_the_councils(tokens) and not rules.planned_or_by_inspectors(token)
                    and not rules.names_a_person(tokens) and not rules.standing_unit_in_passing(token, tokens)):
                start, end = rules.with_abbreviation(doc, tokens)
                if not any(start < last and first < end for first, last in spans):
                    found[(start, end)] = tokens
    return [(start, end, tokens) for (start, end), tokens in found.items()]


def _after_a_quote_mark(doc: Doc, token: Token) -> bool:
    """The word right after an opening quote mark, read from the word before it (not from doc.text,
    which spaCy rebuilds from every word at each reading, once per candidate)."""
    previous = doc[token.i - 1] if token.i > 0 else None
    return previous is not None and not previous.whitespace_ and previous.text[-1:] in rules.OPENING_QUOTES


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
        "quoted": tokens[0].text in rules.OPENING_QUOTES or _after_a_quote_mark(doc, tokens[0]),
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
    table = json.loads(WEIGHTS.read_text())
    table["meaning"] = np.asarray(table["meaning"], dtype=np.float32)
    return table


def probability(described: dict[str, float], table: dict[str, Any], meaning: np.ndarray | None = None) -> float:
    """A logistic regression's probability that a candidate so described (and, for the second step,
    with that meaning) is a practice a reader marks."""
    score = table["intercept"] + sum(table["weights"].get(name, 0.0) * value for name, value in described.items())
    if meaning is not None:
        score += float(np.dot(meaning, table["meaning"]))
    return 1.0 / (1.0 + math.exp(-score))


def ruled_features(doc: Doc, mention: rules.PracticeMention) -> dict[str, float]:
    """A rule's phrase described as any candidate is, and by the rule that took it."""
    return {**features(doc, list(mention.words)), "rule": 1.0, f"rule={mention.method}": 1.0}


@dataclass(frozen=True)
class Candidate:
    """A phrase of a sentence that may be a practice, what the weights read of it, and the sentence
    with the phrase's place in it (for its meaning there)."""
    mention: rules.PracticeMention
    described: dict[str, float]
    sentence: str
    offset: int  # of the sentence in the document

    @property
    def span(self) -> tuple[int, int]:
        return self.mention.start - self.offset, self.mention.end - self.offset


def candidates(doc: Doc, offset: int, ruled: list[rules.PracticeMention]) -> list[Candidate]:
    """The rules' phrases of a sentence (`ruled`, from practices.find_practices) and its other noun
    phrases, `offset` placing the sentence in the document."""
    sentence = doc.text
    found = [Candidate(mention, ruled_features(doc, mention), sentence, offset) for mention in ruled]
    for start, end, tokens in candidate_phrases(doc, offset, ruled):
        found.append(Candidate(rules.PracticeMention(sentence[start:end], offset + start, offset + end,
                                                     rules.head_of(tokens).lemma_.lower(), "learned", 0.0,
                                                     tuple(tokens)),
                               features(doc, tokens), sentence, offset))
    return found


def meanings(found: list[Candidate], embedder: Embedder) -> np.ndarray:
    """What the second step reads of each candidate's meaning: the phrase's embedding alone, then its
    words' vectors as the encoder reads them in the whole sentence ("a panel the council set up" and
    "a panel the court convenes" differ there, not in the phrase)."""
    if not found:
        return np.zeros((0, 2 * DIMENSIONS), dtype=np.float32)
    return np.hstack([embedder.embed([candidate.mention.surface for candidate in found]),
                      embedder.embed_in_context([candidate.sentence for candidate in found],
                                                [candidate.span for candidate in found])])


def weighed_practices(found: list[Candidate], embedder: Embedder) -> list[rules.PracticeMention]:
    """Of the candidates (of one sentence or a whole document), those the first step passes and the
    second keeps, of overlapping ones the most probable (then the longest); the second step's
    probability is the mention's confidence, the method the rule's or "learned"."""
    table = _weights()
    gate = table["gate"]
    second_look = [candidate for candidate in found if probability(candidate.described, gate) >= gate["bound"]]
    kept = [replace(candidate.mention, confidence=round(chance, 3))
            for candidate, meaning in zip(second_look, meanings(second_look, embedder), strict=True)
            if (chance := probability(candidate.described, table, meaning)) >= table["threshold"]]
    return rules.first_of_overlapping(kept, lambda mention: (-mention.confidence, mention.start - mention.end,
                                                             mention.start))
