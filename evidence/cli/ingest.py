"""`evidence ingest [PATH ...]`: documents into passages and embeddings in the graph."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from evidence.cli.output import console, err_console, print_json
from ingest.pipeline import Ingester
from ingest.sources import bundled_sources, user_sources
from kg.connection import Graph
from kg.model.settings import get_settings
from kg.model.vocabulary import DOCUMENT_KINDS
from kg.schema import init_schema


def show_progress() -> bool:
    return err_console.is_terminal and not os.environ.get("CI")


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
    if paths:
        overrides = {"kind": kind, "title": title, "publisher": publisher, "date": date, "councils": council}
        sources, missing = user_sources(paths, settings.corpus_dir, overrides)
    else:
        sources, missing = bundled_sources(settings.corpus_dir), []
    with Graph(settings) as graph:
        graph.verify()
        init_schema(graph)
        if show_progress():
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err_console, transient=True) as progress:
                task = progress.add_task("ingesting", total=len(sources))

                def advance(label: str) -> None:
                    progress.update(task, advance=1, description=f"ingesting {label[:40]}")

                summary = Ingester(settings, graph, advance).run(sources, missing)
        else:
            summary = Ingester(settings, graph).run(sources, missing)
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
