"""Term proximity: a passage that holds the question's words near one another is more likely to be
about the question than one that scatters them, and the full-text index scores each word alone.
The index's first candidates are re-ordered here, in Python, so the cost stays the same however
large the corpus grows (the same pairs as phrase queries inside the index cost about four times as
much at ten times the passages; BENCHMARKS.md)."""

from __future__ import annotations

import functools
import itertools
import os
import re
import threading
from dataclasses import dataclass

import Stemmer

from search.snippets import content_words

WINDOW = 20  # words apart two of the question's words may be and still count as near (chosen on dev)
SATURATION = 1.2  # as BM25's k1: each further near pair of the same two words counts for less
PAIRED_WORDS = 12  # the question's first words that are paired (a long question gives too many pairs)
NEAR_WEIGHT = 4.0  # nearness against the index's score divided by its best (chosen on dev)
_stemmers = threading.local()  # a PyStemmer object is not safe to share between threads


@functools.lru_cache(maxsize=100_000)  # a corpus repeats its words
def _stem(word: str) -> str:
    stemmer = getattr(_stemmers, "porter", None)
    if stemmer is None:
        stemmer = _stemmers.porter = Stemmer.Stemmer("porter", 0)  # no cache of its own: one is enough
    return stemmer.stemWord(word)


@dataclass(frozen=True)
class Question:
    """The question's words that can be paired (those the full-text query asks for, each Porter stem
    once: "reduced" and "reducing" alike), and a pattern finding the words of a text that may share
    their stems (the part a word and its stem share, then any letters; each find is checked by its
    own stem)."""
    stems: tuple[str, ...]
    stem_finder: re.Pattern[str]

    @classmethod
    def of(cls, query: str) -> "Question":
        stem_of = {word: _stem(word) for word in content_words(query)}
        stems = tuple(dict.fromkeys(stem_of.values()))[:PAIRED_WORDS]
        starts = sorted({os.path.commonprefix([word, stem]) for word, stem in stem_of.items() if stem in stems})
        return cls(stems, re.compile(r"\b(?:" + "|".join(map(re.escape, starts)) + r")[a-z0-9]*"))


def nearness(question: Question, text: str) -> float:
    """For each pair of the question's stems, how often they come within WINDOW words of each other
    (a closer pair counts more: 1 / (distance + 1)), saturated; summed over the pairs and divided by
    the number of stems: a longer question, with more pairs, can reach more (NEAR_WEIGHT was chosen
    on dev with this scale). A word's position is the spaces and line breaks before it: near enough
    (the two halves of "multi-agency" stand one word nearer than the index would put them; counting
    words as the index does scored 0.300 against 0.304 on dev), and it reads no word not found."""
    if len(question.stems) < 2:
        return 0.0
    lowered = text.lower().replace("\n", " ")
    positions: dict[str, list[int]] = {}
    position, last = 0, 0
    for found in question.stem_finder.finditer(lowered):
        stem = _stem(found.group())
        if stem in question.stems:
            position += lowered.count(" ", last, found.start())
            last = found.start()
            positions.setdefault(stem, []).append(position)
    total = 0.0
    for first, second in itertools.combinations(question.stems, 2):
        near = sum(1 / (abs(i - j) + 1) for i in positions.get(first, ()) for j in positions.get(second, ())
                   if abs(i - j) <= WINDOW)
        total += near / (near + SATURATION)
    return total / len(question.stems)


def by_nearness(rows: list[dict], query: str) -> list[dict]:
    """The index's candidates (each with its `score` and `text`) by their score over the best score
    plus NEAR_WEIGHT × nearness."""
    question = Question.of(query)
    if len(question.stems) < 2:
        return rows
    best = max((row["score"] for row in rows), default=0.0) or 1.0
    scored = {row["passage_id"]: row["score"] / best + NEAR_WEIGHT * nearness(question, row.get("text") or "")
              for row in rows}
    return sorted(rows, key=lambda row: (-scored[row["passage_id"]], row["passage_id"]))
