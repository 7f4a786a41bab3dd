"""`evidence eval retrieval --queries FILE`: how well search finds the passages a query set expects."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from embedding.embedder import embedder_for
from evidence.cli.output import console, print_json
from kg.connection import Graph
from kg.model.settings import get_settings
from search.evaluation import evaluate, load_queries

app = typer.Typer(no_args_is_help=True, help="Evaluation of retrieval and extraction.")


@app.command()
def retrieval(
    queries: Path = typer.Option(..., exists=True, dir_okay=False,
                                 help="A question set: tests/fixtures/retrieval_questions.json (with splits) or a "
                                      "queries.json without them."),
    split: str = typer.Option(None, help="Only this split, e.g. dev."),
    ablation: bool = typer.Option(False, help="Also the fusion without each of its lists."),
    loaded_only: bool = typer.Option(False, help="Only questions whose relevant documents are all in the graph "
                                                 "(while an ingest is under way)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: split → method → metrics."),
) -> None:
    """nDCG@10, Recall@10 and MRR per split for hybrid search, each of its lists alone and BM25."""
    settings = get_settings()
    embedder = embedder_for(settings)
    chosen = load_queries(queries, split)
    if not chosen:
        raise typer.BadParameter(f"no questions in split {split!r}", param_hint="--split")
    with Graph(settings) as graph:
        table = evaluate(graph, embedder, chosen, ablation, loaded_only)
    if as_json:
        print_json(table)
        return
    for name, methods in table.items():
        view = Table("method", "nDCG@10", "Recall@10", "MRR", title=f"{name} ({methods['questions']['count']} questions)")
        for method, metrics in methods.items():
            if method == "questions":
                continue
            view.add_row(method, *(f"{metrics[m]:.3f}" for m in ("ndcg@10", "recall@10", "mrr")))
        console.print(view)
