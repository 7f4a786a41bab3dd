"""`evidence search QUERY`: hybrid passage search with filters and citations."""

from __future__ import annotations

import re
from dataclasses import asdict

import typer

from embedding.embedder import embedder_for
from evidence.cli.output import console, print_json
from kg.connection import Graph
from kg.evidence import resolve_enabler, resolve_intervention
from kg.model.settings import get_settings
from kg.search import SearchFilters
from search.hybrid import search_understood


def search(
    query: str = typer.Argument(..., help="What you are looking for, in your own words."),
    council: str = typer.Option(None, help="Only evidence about this council (name or code)."),
    region: str = typer.Option(None, help="Only councils in this region, e.g. 'London'."),
    council_type: str = typer.Option(None, "--type", help="Council type, e.g. 'County'."),
    grade: str = typer.Option(None, help="Councils whose current overall grade is this, e.g. 'good'."),
    kind: str = typer.Option(None, help="Document kind, e.g. case_study."),
    intervention: str = typer.Option(None, help="Only passages mentioning this intervention (id, name or alias)."),
    enabler: str = typer.Option(None, help="Only passages discussing this enabler (id or name)."),
    date_from: str = typer.Option(None, "--from", help="Documents dated on or after (YYYY or YYYY-MM-DD)."),
    date_to: str = typer.Option(None, "--to", help="Documents dated on or before."),
    limit: int = typer.Option(10, min=1, max=100),
    offset: int = typer.Option(0, min=0),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Search passages by meaning and by words; every hit carries its citation."""
    settings = get_settings()
    filters = SearchFilters(council, region, council_type, grade, kind, date_from, date_to,
                            resolve_intervention(intervention) if intervention else None,
                            resolve_enabler(enabler) if enabler else None)
    embedder = embedder_for(settings)
    with Graph(settings) as graph:
        hits, understood = search_understood(graph, embedder, query, filters, limit, offset)
    if as_json:
        print_json({"understood": understood.as_json(), "hits": [asdict(hit) for hit in hits]})
        return
    if not hits:
        console.print("no passages found")
    for number, hit in enumerate(hits, start=offset + 1):
        cite = hit.citation
        console.print(f"[bold]{number}. {cite['title']}[/bold] — {cite['publisher'] or 'unknown publisher'}, "
                      f"{cite['date'] or 'undated'}, p. {cite['page']}  [dim]{hit.passage_id}[/dim]", highlight=False)
        console.print(re.sub(r"</?mark>", lambda m: "[/bold yellow]" if m.group(0) == "</mark>" else "[bold yellow]",
                             hit.snippet.replace("[", r"\[")), highlight=False)
        console.print()
