"""`evidence extract FILE` and `evidence candidates`: what extraction finds, for a curator."""

from __future__ import annotations

from pathlib import Path

import typer

from evidence.cli.output import console, print_json
from ingest.extraction.candidates import find_candidates
from ingest.pipeline import Ingester
from ingest.sources import user_sources
from kg.connection import Graph
from kg.evidence import passage_texts
from kg.model.errors import BadDocument, EvidenceError
from kg.model.settings import get_settings


def extract(
    file: Path = typer.Argument(..., help="A PDF, HTML, Markdown or text file."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Run the whole extraction on one file and print what it found; nothing is written to the graph."""
    settings = get_settings()
    sources, missing = user_sources([file], settings.corpus_dir, {})
    if missing or not sources:
        raise EvidenceError(f"{file}: {missing[0].error if missing else 'no readable file'}")
    with Graph(settings) as graph:
        try:
            report = Ingester(settings, graph).examine(sources[0])
        except BadDocument as error:
            raise EvidenceError(f"{file}: {error}") from None
    if as_json:
        print_json(report)
        return
    console.print(f"[bold]{report['document']['title']}[/bold] ({report['document']['passages']} passages)")
    console.print("councils: " + (", ".join(f"{c['name']} ×{c['count']}" for c in report["councils"]) or "none"))
    console.print("interventions: " + (", ".join(i["name"] for i in report["interventions"]) or "none"))
    if report["named_only"]:
        console.print("named, not said to be done: " + ", ".join(sorted({i["surface"] for i in report["named_only"]})))
    for outcome in report["outcomes"]:
        metric = outcome["metric"] or f"“{outcome['metric_text']}”"
        console.print(f"  {outcome['council']} {outcome['kind']} {metric} {outcome['direction']} "
                      f"{outcome['value_from']}→{outcome['value_to']} change {outcome['change']} "
                      f"[{outcome['strength_label']}]  “{outcome['clause']}”", highlight=False)
    for judgement in report["judgements"]:
        console.print(f"  judgement {judgement['council']} {judgement['date']} {judgement['area']}: {judgement['grade']}")
    console.print("enablers: " + (", ".join(f"{e['id']} ({len(e['passages'])})" for e in report["enablers"]) or "none"))


def candidates(
    min_count: int = typer.Option(3, "--min-count", min=1, help="Show phrases seen at least this often."),
    limit: int = typer.Option(50, min=1, max=1000),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Recurring phrases that look like interventions but are not in the catalogue, for a curator to review."""
    with Graph(get_settings()) as graph:
        found = find_candidates(passage_texts(graph), min_count)[:limit]
    if as_json:
        print_json({"candidates": [candidate.as_json() for candidate in found]})
        return
    for candidate in found:
        console.print(f"{candidate.count:5d}  {candidate.phrase}  [dim]({candidate.documents} documents)[/dim]",
                      highlight=False)
        console.print(f"       “{candidate.examples[0]['quote']}”", highlight=False)
