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
    queries: Path = typer.Option(..., exists=True, dir_okay=False, help="A queries.json file."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """nDCG@10, Recall@10 and MRR for hybrid, dense-only, full-text-only search and BM25."""
    settings = get_settings()
    embedder = embedder_for(settings)
    with Graph(settings) as graph:
        table = evaluate(graph, embedder, load_queries(queries))
    if as_json:
        print_json(table)
        return
    view = Table("method", "nDCG@10", "Recall@10", "MRR")
    for method, metrics in table.items():
        view.add_row(method, *(f"{metrics[m]:.3f}" for m in ("ndcg@10", "recall@10", "mrr")))
    console.print(view)
