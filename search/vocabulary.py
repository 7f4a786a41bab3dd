"""The field's synonyms and abbreviations (LAC, CP, MASH…), used to widen the full-text query."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_VOCABULARY = Path(__file__).with_name("vocabulary.yaml")


@lru_cache(maxsize=1)
def synonym_groups() -> list[list[str]]:
    return [[phrase.lower() for phrase in group] for group in yaml.safe_load(_VOCABULARY.read_text(encoding="utf-8"))]


def _words(text: str) -> str:
    """Lower-case words between spaces, punctuation and apostrophes gone ("children's" → "children s")."""
    return f" {' '.join(re.sub(r'[^a-z0-9-]+', ' ', text.lower()).split())} "


@lru_cache(maxsize=1)
def _matchable_groups() -> list[list[tuple[str, str]]]:
    """Each group's phrases with their words as a query's are matched, worked out once, not per search."""
    return [[(phrase, _words(phrase)) for phrase in group] for group in synonym_groups()]


def expansions(query: str) -> list[str]:
    """Phrases meaning the same as something the query says, not already in it."""
    text = _words(query)
    found: list[str] = []
    for group in _matchable_groups():
        if any(words in text for _, words in group):
            found.extend(phrase for phrase, words in group if words not in text and phrase not in found)
    return found
