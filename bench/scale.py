"""Search latency over one million synthetic passages, in a throwaway EVIDENCE_HOME: synthetic
documents of made-up text (a generated vocabulary that holds the questions' words, no corpus text)
with random unit vectors are loaded in batches, the indexes are awaited, then the development
queries are searched (query embedding included) for p50 / p95 (see BENCHMARKS.md).

    python bench/scale.py --home /tmp/scale-home [--passages 1000000 --port 7799 --rounds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from embedding.embedder import embedder_for  # noqa: E402
from evidence.cli.progress import PROGRESS_SECONDS, counting  # noqa: E402
from ingest.reference import read_councils  # noqa: E402
from kg import server  # noqa: E402
from kg.connection import Graph, run_named  # noqa: E402
from kg.councils import load_councils  # noqa: E402
from kg.documents import record_embedding_model  # noqa: E402
from kg.model.settings import PROJECT_ROOT, Settings  # noqa: E402
from kg.schema import init_schema  # noqa: E402
from search.hybrid import search  # noqa: E402
from search.snippets import content_words  # noqa: E402

SHARED = PROJECT_ROOT.parent / "shared"
PER_DOCUMENT = 100
BATCH_DOCUMENTS = 20


def vocabulary(rng: np.random.Generator, questions: list[str], size: int = 20_000) -> list[str]:
    """Made-up words, most frequent first, with the questions' own words placed at ranks spread from
    common to rare, so that full text and the nearness of the question's words do their real work
    (made-up text alone shares no word with a question)."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    words = ["".join(rng.choice(letters, size=rng.integers(3, 10))) for _ in range(size)]
    asked = sorted({word for question in questions for word in content_words(question)})
    ranks = np.geomspace(3, size // 2, num=len(asked)).astype(int) + np.arange(len(asked))  # each rank once
    for rank, word in zip(ranks, rng.permutation(asked)):
        words[rank] = str(word)
    return words


def synthetic_documents(rng: np.random.Generator, words: list[str], start: int, count: int, dims: int) -> list[dict]:
    documents = []
    zipf = np.minimum(rng.zipf(1.3, size=(count, PER_DOCUMENT, 150)), len(words)) - 1
    vectors = rng.standard_normal((count, PER_DOCUMENT, dims)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=2, keepdims=True)
    for d in range(count):
        number = start + d
        passages = [{"id": f"synthetic-{number}#{o}", "document_id": f"synthetic-{number}", "ordinal": o,
                     "text": " ".join(words[i] for i in zipf[d, o]), "section": None, "page": 1,
                     "text_hash": f"{number}-{o}", "embedding": vectors[d, o].tolist()}
                    for o in range(PER_DOCUMENT)]
        documents.append({"id": f"synthetic-{number}", "title": f"Synthetic document {number}",
                          "date": f"{2013 + number % 12}-01-01", "passages": passages})
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7799)
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(EVIDENCE_HOME=args.home, EVIDENCE_NEO4J_PORT=args.port, EVIDENCE_NEO4J_HEAP_MB=4096,
                        EVIDENCE_NEO4J_PAGECACHE_MB=6144)
    server.start(settings)
    embedder = embedder_for(settings)
    rng = np.random.default_rng(7)
    queries = [q["query"] for q in json.loads((SHARED / "eval/dev/queries.json").read_text())["queries"]]
    words = vocabulary(rng, queries)
    report = {}
    with Graph(settings) as graph:
        init_schema(graph)
        # the councils, so that questions are read as in the product (names, comparators, scoped look-ups)
        load_councils(graph, read_councils(settings.reference_dir))
        started = time.monotonic()
        documents = args.passages // PER_DOCUMENT
        # a home that already holds the synthetic documents (an earlier run) is searched as it is
        first = 0 if not graph.read("passages_count")[0]["n"] else documents
        with counting("loading synthetic passages", "passages", PROGRESS_SECONDS) as on_progress:
            for start in range(first, documents, BATCH_DOCUMENTS):
                size = min(BATCH_DOCUMENTS, documents - start)
                batch = synthetic_documents(rng, words, start, size, embedder.dimensions)
                graph.transaction(lambda tx: run_named(tx, "bench_documents_create", documents=batch))
                on_progress((start + size) * PER_DOCUMENT, documents * PER_DOCUMENT)
        report["load_seconds"] = round(time.monotonic() - started, 1)
        record_embedding_model(graph, embedder.name, embedder.dimensions, embedder.backend)
        started = time.monotonic()
        graph.run_script("indexes_await", seconds=7200)
        report["index_wait_seconds"] = round(time.monotonic() - started, 1)
        report["passages"] = graph.read("passages_count")[0]["n"]
        search(graph, embedder, queries[0])
        timings = []
        for _ in range(args.rounds):
            for query in queries:
                begun = time.perf_counter()
                search(graph, embedder, query, limit=10)
                timings.append((time.perf_counter() - begun) * 1000)
        report.update({"searches": len(timings), "p50_ms": round(float(np.percentile(timings, 50)), 1),
                       "p95_ms": round(float(np.percentile(timings, 95)), 1)})
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
