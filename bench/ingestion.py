"""Ingestion benchmark, all figures from one run on this machine (see BENCHMARKS.md):

(a) embedding the passages of some documents with the model alone, against (b) the whole
pipeline (read, normalise, chunk, parse, extract, embed, write to a throwaway Neo4j) over the
same documents, as the ratio pipeline / embedding; the ONNX int8 backend against PyTorch fp32
(throughput ratio, mean cosine of the vectors, overlap of the top-10 neighbours of the dev
queries, each query embedded alone as search does); and, given a home that already holds the
bundled corpus, a no-change re-ingest.

Both sides are warm before any timing: the models have embedded a batch, and Neo4j has taken
one document outside the sample (its first queries plan and compile). The two backends are
timed in alternating rounds and compared by their medians, so a slow spell on a shared
machine does not land on one side only.

    python bench/ingestion.py [--documents 12] [--rounds 3] [--reingest-home .evidence --reingest-port 7687]
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evidence.settings import PROJECT_ROOT, Settings  # noqa: E402
from ingest.pipeline import Ingester, embedding_text, read_document  # noqa: E402
from ingest.embed import get_embedder  # noqa: E402
from ingest.reference import read_councils  # noqa: E402
from ingest.sources import bundled_sources  # noqa: E402
from kg import server  # noqa: E402
from kg.connection import Graph  # noqa: E402
from kg.councils import load_councils  # noqa: E402
from kg.schema import init_schema  # noqa: E402

SHARED = PROJECT_ROOT.parent / "shared"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def sample_sources(settings: Settings, documents: int):
    """The five narrative documents and the first N Ofsted reports that are real PDFs, and the
    next such report to warm Neo4j with."""
    sources = bundled_sources(settings.corpus_dir)
    seeds = [s for s in sources if s.kind != "inspection_report"]
    reports = [s for s in sources if s.kind == "inspection_report" and s.path.read_bytes()[:5] == b"%PDF-"]
    return seeds + reports[:documents], reports[documents]


def passage_texts(sources) -> list[str]:
    texts = []
    for source in sources:
        document = read_document(source, source.path.read_bytes(), "")
        texts.extend(embedding_text(passage) for passage in document.passages)
    return texts


def top10_overlap(queries: list[str], fp32, int8, fp32_vectors, int8_vectors) -> float:
    overlaps = []
    for query in queries:
        a, b = fp32.embed([query])[0], int8.embed([query])[0]
        top_a = set(np.argsort(-fp32_vectors @ a)[:10])
        top_b = set(np.argsort(-int8_vectors @ b)[:10])
        overlaps.append(len(top_a & top_b) / 10)
    return float(np.mean(overlaps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=12, help="Ofsted reports besides the five narrative documents")
    parser.add_argument("--rounds", type=int, default=3, help="alternating fp32 / int8 timing rounds")
    parser.add_argument("--reingest-home", type=Path, help="a home whose graph already holds the bundled corpus")
    parser.add_argument("--reingest-port", type=int, default=7687)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="evidence-bench-"))
    settings = Settings(EVIDENCE_HOME=home, EVIDENCE_NEO4J_PORT=free_port(), EVIDENCE_EMBEDDING_CACHE=False,
                        EVIDENCE_NEO4J_HEAP_MB=1024, EVIDENCE_NEO4J_PAGECACHE_MB=512,
                        EVIDENCE_CORPUS_DIR=SHARED / "corpus", EVIDENCE_REFERENCE_DIR=SHARED / "reference")
    sources, warm_up = sample_sources(settings, args.documents)
    texts = passage_texts(sources)
    models = settings.home / "models"
    fp32 = get_embedder("torch", models, settings.embedding_batch_size)
    int8 = get_embedder("onnx-int8", models, settings.embedding_batch_size)
    fp32.embed(texts[:16])  # warm-up, so neither side pays for first-call set-up
    int8.embed(texts[:16])
    fp32_seconds, int8_seconds = [], []
    for _ in range(args.rounds):
        fp32_vectors, seconds = timed(lambda: fp32.embed(texts))
        fp32_seconds.append(seconds)
        int8_vectors, seconds = timed(lambda: int8.embed(texts))
        int8_seconds.append(seconds)
    embed_seconds, int8_median = float(np.median(fp32_seconds)), float(np.median(int8_seconds))

    server.start(settings)
    try:
        with Graph(settings) as graph:
            init_schema(graph)
            load_councils(graph, read_councils(settings.reference_dir))
            Ingester(settings, graph).run([warm_up])
            summary, pipeline_seconds = timed(lambda: Ingester(settings, graph).run(sources))
    finally:
        server.stop(settings)
    assert summary.failed == 0 and summary.passages == len(texts), summary

    queries = [q["query"] for q in json.loads((SHARED / "eval" / "dev" / "queries.json").read_text())["queries"]]
    figures = {
        "documents": len(sources), "passages": len(texts), "rounds": args.rounds,
        "fp32_rounds_s": [round(seconds, 2) for seconds in fp32_seconds],
        "int8_rounds_s": [round(seconds, 2) for seconds in int8_seconds],
        "embedding_only_s": round(embed_seconds, 2), "pipeline_s": round(pipeline_seconds, 2),
        "pipeline_over_embedding": round(pipeline_seconds / embed_seconds, 3),
        "fp32_passages_per_s": round(len(texts) / embed_seconds, 2),
        "int8_passages_per_s": round(len(texts) / int8_median, 2),
        "int8_over_fp32_throughput": round(embed_seconds / int8_median, 3),
        "int8_fp32_mean_cosine": round(float(np.mean(np.sum(fp32_vectors * int8_vectors, axis=1))), 4),
        "top10_overlap_dev_queries": round(top10_overlap(queries, fp32, int8, fp32_vectors, int8_vectors), 3),
    }
    if args.reingest_home:
        existing = Settings(EVIDENCE_HOME=args.reingest_home, EVIDENCE_NEO4J_PORT=args.reingest_port,
                            EVIDENCE_CORPUS_DIR=SHARED / "corpus", EVIDENCE_REFERENCE_DIR=SHARED / "reference")
        with Graph(existing) as graph:
            corpus = bundled_sources(existing.corpus_dir)
            rerun, reingest_seconds = timed(lambda: Ingester(existing, graph).run(corpus))
        figures.update({"reingest_documents": len(corpus), "reingest_unchanged": rerun.unchanged,
                        "reingest_failed": rerun.failed, "reingest_s": round(reingest_seconds, 2)})
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
