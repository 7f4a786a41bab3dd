"""Ingestion benchmark, all figures from one run on this machine (see BENCHMARKS.md):

(a) embedding the passages of some documents with the model alone, against (b) the whole
pipeline (read, normalise, chunk, parse, extract, embed, write to a throwaway Neo4j) over the
same documents, as the ratio pipeline / embedding; the ONNX int8 backend against PyTorch fp32
(throughput ratio, mean cosine of the vectors, overlap of the top-10 neighbours of the dev
queries, each query embedded alone as search does); and, given a home that already holds the
bundled corpus, a no-change re-ingest. Beside the int8 ratio it prints a ceiling on it: the time
the model's weight MatMuls alone would take at the best rate ONNX Runtime's int8 MatMul reaches
on this CPU, with int8 and with uint8 weights, against the fp32 time for the whole model.

Both sides are warm before any timing: the models have embedded a batch, and Neo4j has taken
one document outside the sample. Each round times fp32 embedding, the pipeline (its documents
removed again before the next round) and int8 embedding, each after Neo4j has gone quiet, and
the ratios are taken within a round and reported by their medians: on a shared machine the same
work can take a third longer from one minute to the next, and a ratio of two timings made
minutes apart would measure that.

    python bench/ingest.py [--documents 12] [--rounds 3] [--reingest-home .evidence --reingest-port 7687]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # before bench/: this file is not the ingest package

from embedding.embedder import TOKENS_PER_BATCH, get_embedder  # noqa: E402
from embedding.int8_model import quant_type, weight_type  # noqa: E402
from evidence.cli.progress import PROGRESS_SECONDS, progress  # noqa: E402
from ingest.pipeline import Ingester, embedding_text, read_document  # noqa: E402
from ingest.reference import read_councils  # noqa: E402
from ingest.sources import bundled_sources  # noqa: E402
from kg import server  # noqa: E402
from kg.connection import Graph, probe, run_named  # noqa: E402
from kg.councils import load_councils  # noqa: E402
from kg.model.settings import PROJECT_ROOT, Settings  # noqa: E402
from kg.schema import init_schema  # noqa: E402

SHARED = PROJECT_ROOT.parent / "shared"
LAYERS = 6
WEIGHT_SHAPES = [(384, 1152), (384, 384), (384, 1536), (1536, 384)]  # q, k, v; attention out; feed-forward up, down


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed(work):
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def sample_sources(settings: Settings, documents: int):
    """The five narrative documents and the first N Ofsted reports that are real PDFs (all but the
    last when N is larger), and the next such report to warm Neo4j with."""
    sources = bundled_sources(settings.corpus_dir)
    seeds = [s for s in sources if s.kind != "inspection_report"]
    reports = [s for s in sources if s.kind == "inspection_report" and s.path.read_bytes()[:5] == b"%PDF-"]
    documents = min(documents, len(reports) - 1)
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


def int8_matmul_rates(weights: str) -> list[float]:
    """Multiply-adds a second of ORT's dynamically quantised MatMul at each weight shape, on
    TOKENS_PER_BATCH rows as the backend sends them: the best of five timings."""
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import quantize_dynamic

    rows, rates = TOKENS_PER_BATCH, []
    with tempfile.TemporaryDirectory() as work:
        for depth, width in WEIGHT_SHAPES:
            weight = np.random.default_rng(0).standard_normal((depth, width)).astype(np.float32)
            graph = helper.make_graph(
                [helper.make_node("MatMul", ["x", "w"], ["y"])], "matmul",
                [helper.make_tensor_value_info("x", TensorProto.FLOAT, [rows, depth])],
                [helper.make_tensor_value_info("y", TensorProto.FLOAT, [rows, width])],
                [numpy_helper.from_array(weight, "w")])
            fp32, quantised = Path(work) / "fp32.onnx", Path(work) / "int8.onnx"
            onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), fp32)
            quantize_dynamic(fp32, quantised, per_channel=True, weight_type=quant_type(weights))
            session = onnxruntime.InferenceSession(str(quantised), providers=["CPUExecutionProvider"])
            feed = {"x": np.random.default_rng(1).standard_normal((rows, depth)).astype(np.float32)}
            session.run(None, feed)
            best = min(timed(lambda: [session.run(None, feed) for _ in range(20)])[1] / 20 for _ in range(5))
            rates.append(rows * depth * width / best)
    return rates


def int8_ceiling_seconds(tokens: int, rates: list[float]) -> float:
    """The weight MatMuls of every layer over this many tokens at those rates, and nothing else."""
    return LAYERS * tokens * sum(depth * width / rate for (depth, width), rate in zip(WEIGHT_SHAPES, rates))


def neo4j_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_quiet(pid: int, most_seconds: float = 60) -> None:
    """Until Neo4j has used under 5 % of a core for a second (its commits and index merges done),
    so that no timing pays for work left over from the one before."""
    deadline = time.monotonic() + most_seconds
    while time.monotonic() < deadline:
        before = neo4j_cpu_seconds(pid)
        time.sleep(1)
        if neo4j_cpu_seconds(pid) - before < 0.05:
            return


def forget(graph: Graph, ids: list[str]) -> None:
    def work(tx) -> None:
        for document_id in ids:
            run_named(tx, "document_clear", id=document_id)
        run_named(tx, "bench_documents_delete", ids=ids)

    graph.transaction(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=12, help="Ofsted reports besides the five narrative documents (1000: all of them)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of fp32 embedding, pipeline, int8 embedding")
    parser.add_argument("--reingest-home", type=Path, help="a home whose graph already holds the bundled corpus")
    parser.add_argument("--reingest-port", type=int, default=7687)
    args = parser.parse_args()
    existing = None
    if args.reingest_home:
        existing = Settings(EVIDENCE_HOME=args.reingest_home, EVIDENCE_NEO4J_PORT=args.reingest_port,
                            EVIDENCE_CORPUS_DIR=SHARED / "corpus", EVIDENCE_REFERENCE_DIR=SHARED / "reference")
        if reason := probe(existing):  # now, not after the rounds have run
            sys.exit(f"--reingest-home {args.reingest_home}: {reason}")

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
    fp32_seconds, int8_seconds, pipeline_seconds = [], [], []
    server.start(settings)
    try:
        neo4j_pid = server.status(settings).pid
        with Graph(settings) as graph:
            init_schema(graph)
            load_councils(graph, read_councils(settings.reference_dir))
            Ingester(settings, graph).run([warm_up])
            with progress("bench rounds", args.rounds, "rounds", PROGRESS_SECONDS) as advance:
                for round_number in range(args.rounds):
                    wait_until_quiet(neo4j_pid)
                    fp32_vectors, seconds = timed(lambda: fp32.embed(texts))
                    fp32_seconds.append(seconds)
                    summary, seconds = timed(lambda: Ingester(settings, graph).run(sources))
                    pipeline_seconds.append(seconds)
                    assert summary.added == len(sources) and summary.passages == len(texts), summary
                    wait_until_quiet(neo4j_pid)
                    int8_vectors, seconds = timed(lambda: int8.embed(texts))
                    int8_seconds.append(seconds)
                    if round_number + 1 < args.rounds:
                        forget(graph, [source.id for source in sources])
                    advance(f"round {round_number + 1}", len(texts))
    finally:
        server.stop(settings)

    ratios = [pipeline / embedding for pipeline, embedding in zip(pipeline_seconds, fp32_seconds)]
    speedups = [fp32 / int8 for fp32, int8 in zip(fp32_seconds, int8_seconds)]
    queries = [q["query"] for q in json.loads((SHARED / "eval" / "dev" / "queries.json").read_text())["queries"]]
    figures = {
        "documents": len(sources), "passages": len(texts), "rounds": args.rounds,
        "fp32_rounds_s": [round(seconds, 2) for seconds in fp32_seconds],
        "pipeline_rounds_s": [round(seconds, 2) for seconds in pipeline_seconds],
        "int8_rounds_s": [round(seconds, 2) for seconds in int8_seconds],
        "pipeline_over_embedding_rounds": [round(ratio, 3) for ratio in ratios],
        "pipeline_over_embedding": round(float(np.median(ratios)), 3),
        "fp32_passages_per_s": round(len(texts) / float(np.median(fp32_seconds)), 2),
        "int8_passages_per_s": round(len(texts) / float(np.median(int8_seconds)), 2),
        "int8_over_fp32_rounds": [round(speedup, 3) for speedup in speedups],
        "int8_over_fp32_throughput": round(float(np.median(speedups)), 3),
        "int8_fp32_mean_cosine": round(float(np.mean(np.sum(fp32_vectors * int8_vectors, axis=1))), 4),
        "top10_overlap_dev_queries": round(top10_overlap(queries, fp32, int8, fp32_vectors, int8_vectors), 3),
        "int8_weights": weight_type(),
    }
    tokens = sum(len(encoding.ids) for encoding in int8.encoder.tokenizer.encode_batch(texts))  # truncated as embedded
    for weights in ("s8", "u8"):
        rates = int8_matmul_rates(weights)
        figures[f"{weights}_matmul_gmacs_per_s"] = [round(rate / 1e9, 1) for rate in rates]
        ceiling = int8_ceiling_seconds(tokens, rates)
        figures[f"{weights}_weight_matmuls_alone_s"] = round(ceiling, 2)
        figures[f"{weights}_ceiling_over_fp32"] = round(float(np.median(fp32_seconds)) / ceiling, 2)
    if existing:
        with Graph(existing) as graph:
            corpus = bundled_sources(existing.corpus_dir)
            rerun, reingest_seconds = timed(lambda: Ingester(existing, graph).run(corpus))
        figures.update({"reingest_documents": len(corpus), "reingest_unchanged": rerun.unchanged,
                        "reingest_failed": rerun.failed, "reingest_s": round(reingest_seconds, 2)})
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
