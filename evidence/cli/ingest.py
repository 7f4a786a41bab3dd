"""`evidence ingest [PATH ...]`: documents into passages and embeddings in the graph."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import typer

from evidence.cli.output import console, print_json
from evidence.cli.progress import progress
from ingest.pipeline import Ingester
from ingest.sources import bundled_sources, user_sources
from kg.connection import Graph
from kg.model.settings import get_settings
from kg.model.vocabulary import DOCUMENT_KINDS
from kg.schema import init_schema


def ingest(
    paths: list[Path] = typer.Argument(None, help="Files or folders; the bundled corpus when none are given."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON summary."),
    kind: str = typer.Option(None, help=f"Document kind: {', '.join(DOCUMENT_KINDS)}."),
    title: str = typer.Option(None, help="Title (for a single file)."),
    publisher: str = typer.Option(None, help="Publisher."),
    date: str = typer.Option(None, help="Publication date, YYYY or YYYY-MM-DD."),
    council: list[str] = typer.Option(None, help="A council the documents are about (repeatable)."),
) -> None:
    """Ingest documents. Exit 0 when every file landed, 3 when some failed."""
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(DOCUMENT_KINDS)}", param_hint="--kind")
    settings = get_settings()
    # stopped by `evidence serve --ingest` or a supervisor: end the run as interrupted, not killed mid-write
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(128 + signal.SIGTERM))
    if paths:
        overrides = {"kind": kind, "title": title, "publisher": publisher, "date": date, "councils": council}
        sources, missing = user_sources(paths, settings.corpus_dir, overrides)
    else:
        sources, missing = bundled_sources(settings.corpus_dir), []
    with Graph(settings) as graph:
        graph.verify()
        init_schema(graph)
        with progress("ingesting", len(sources), "documents", settings.progress_seconds) as advance:
            summary = Ingester(settings, graph, advance).run(sources, missing)
    if as_json:
        print_json(summary.as_json())
    else:
        console.print(
            f"{summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged, "
            f"{summary.failed} failed; {summary.passages} passages in {summary.seconds:.1f} s (run {summary.run_id})"
        )
        for failure in summary.failures:
            console.print(f"  [red]failed[/red] {failure.path}: {failure.error}", highlight=False)
        for warning in summary.warnings:
            console.print(f"  [yellow]warning[/yellow] {warning.path}: {warning.warning}", highlight=False)
    if summary.failed:
        raise typer.Exit(3)
