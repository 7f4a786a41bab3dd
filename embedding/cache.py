"""A local cache of vectors keyed by model, backend and exact text, so that re-reading a document
after a parser change re-embeds only the passages (and candidate practices) whose text changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Callable

import numpy as np

from embedding.embedder import (
    DIMENSIONS,
    MODEL_NAME,
    Embedder,
    backend_label,
    embedder_for,
)
from kg.model.settings import Settings


class CachedEmbedder:
    """Loads the model only when some text is not in the cache."""

    def __init__(self, load: Callable[[], Embedder], backend: str, path: Path):
        self._load = load
        self._inner: Embedder | None = None
        self.name, self.backend, self.dimensions = MODEL_NAME, backend, DIMENSIONS
        path.parent.mkdir(parents=True, exist_ok=True)
        # extraction workers share the file with the ingest: a writer waits for another's commit
        self.db = sqlite3.connect(str(path), timeout=120, check_same_thread=False)
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}|{self.backend}|{text}".encode()).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        return self._cached(texts, lambda missing: self._model().embed([texts[index] for index in missing]))

    def embed_in_context(self, sentences: list[str], spans: list[tuple[int, int]]) -> np.ndarray:
        """Keyed by the span and its whole sentence, apart from the texts embed() keys."""
        return self._cached([f"in context {start}:{end}|{sentence}" for sentence, (start, end) in zip(sentences, spans)],
                            lambda missing: self._model().embed_in_context([sentences[index] for index in missing],
                                                                           [spans[index] for index in missing]))

    def _model(self) -> Embedder:
        if self._inner is None:
            self._inner = self._load()
        return self._inner

    def _cached(self, texts: list[str], compute: Callable[[list[int]], np.ndarray]) -> np.ndarray:
        """The vectors of `texts` (cache keys), `compute` giving those of the missing ones by index."""
        keys = [self._key(text) for text in texts]
        found: dict[str, np.ndarray] = {}
        for first in range(0, len(keys), 500):
            chunk = keys[first:first + 500]
            rows = self.db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update({key: np.frombuffer(blob, dtype=np.float32) for key, blob in rows})
        missing = [index for index, key in enumerate(keys) if key not in found]
        if missing:
            fresh = compute(missing)
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                    [(keys[index], vector.astype(np.float32).tobytes())
                                     for index, vector in zip(missing, fresh)])
            found.update({keys[index]: vector for index, vector in zip(missing, fresh)})
        return np.stack([found[key] for key in keys]) if keys else np.zeros((0, self.dimensions), np.float32)


def ingest_embedder(settings: Settings, threads: int = 0) -> Embedder:
    """What an ingest embeds with: the settings' model behind the cache, unless the cache is off."""
    if not settings.embedding_cache:
        return embedder_for(settings, threads)
    return CachedEmbedder(lambda: embedder_for(settings, threads), backend_label(settings.embedding_backend),
                          settings.home / "models" / "embedding-cache.sqlite")
