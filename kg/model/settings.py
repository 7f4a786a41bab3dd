"""Settings read from the environment, so the same code runs on the embedded default and on any external Neo4j."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
QUERIES_DIR = PROJECT_ROOT / "queries"
LAUNCHER_POM = PROJECT_ROOT / "kg" / "launcher" / "pom.xml"


def _usable_cores() -> int:
    """The cores this process may run on (all of them where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")

    home: Path = Field(default=PROJECT_ROOT / ".evidence", validation_alias="EVIDENCE_HOME")
    corpus_dir: Path = Field(default=PROJECT_ROOT.parent / "shared" / "corpus", validation_alias="EVIDENCE_CORPUS_DIR")
    reference_dir: Path = Field(
        default=PROJECT_ROOT.parent / "shared" / "reference", validation_alias="EVIDENCE_REFERENCE_DIR"
    )

    neo4j_port: int = Field(default=7687, ge=1, le=65535, validation_alias="EVIDENCE_NEO4J_PORT")
    neo4j_heap_mb: int = Field(default=2048, ge=256, validation_alias="EVIDENCE_NEO4J_HEAP_MB")
    neo4j_pagecache_mb: int = Field(default=2048, ge=64, validation_alias="EVIDENCE_NEO4J_PAGECACHE_MB")
    neo4j_start_timeout_s: float = Field(default=180.0, gt=0, validation_alias="EVIDENCE_NEO4J_START_TIMEOUT")
    neo4j_query_timeout_s: float = Field(default=10.0, gt=0, validation_alias="EVIDENCE_NEO4J_QUERY_TIMEOUT")
    # C1 only: on two cores C2 spent as much CPU compiling Neo4j as Neo4j spent working, during an
    # ingest and for minutes after a start, while searches were no faster once warm (BENCHMARKS.md)
    neo4j_jvm_options: str = Field(default="-XX:TieredStopAtLevel=1", validation_alias="EVIDENCE_NEO4J_JVM_OPTIONS")

    max_file_mb: float = Field(default=50.0, gt=0, validation_alias="EVIDENCE_MAX_FILE_MB")
    embedding_backend: Literal["torch", "onnx-int8"] = Field(default="torch", validation_alias="EVIDENCE_EMBEDDING_BACKEND")
    embedding_cache: bool = Field(default=True, validation_alias="EVIDENCE_EMBEDDING_CACHE")
    embedding_batch_size: int = Field(default=16, ge=1, validation_alias="EVIDENCE_EMBEDDING_BATCH")
    # worker processes extracting an ingest's documents, each on one core (ingest/extraction/workers.py)
    extraction_processes: int = Field(default_factory=lambda: min(_usable_cores(), 4), ge=1,
                                      validation_alias="EVIDENCE_EXTRACTION_PROCESSES")

    progress_seconds: float = Field(default=30.0, gt=0, validation_alias="EVIDENCE_PROGRESS_SECONDS")

    api_host: str = Field(default="127.0.0.1", validation_alias="EVIDENCE_API_HOST")
    api_port: int = Field(default=8000, ge=1, le=65535, validation_alias="EVIDENCE_API_PORT")
    api_key: SecretStr | None = Field(default=None, validation_alias="EVIDENCE_API_KEY")
    cors_origins: list[str] = Field(default_factory=list, validation_alias="EVIDENCE_CORS_ORIGINS")
    curation_file: Path | None = Field(default=None, validation_alias="EVIDENCE_CURATION_FILE")

    @property
    def embedded(self) -> bool:
        """True when we run our own Neo4j rather than a server named by NEO4J_URI."""
        return not self.neo4j_uri

    @property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_port}"

    @property
    def neo4j_dir(self) -> Path:
        return self.home / "neo4j"

    @property
    def curation_path(self) -> Path:
        """Curators' decisions about emerging interventions (kg/model/curation.py)."""
        return self.curation_file or self.home / "curation.yaml"

    @property
    def password_file(self) -> Path:
        return self.home / "neo4j-password"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
