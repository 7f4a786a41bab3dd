"""`evidence what-worked`: interventions that worked for councils like this one, with evidence."""

from __future__ import annotations

import typer

from embedding.embedder import embedder_for
from evidence.cli.output import console, outcome_summary, print_json
from evidence.cli.similar import profile_from_options
from kg.connection import Graph
from kg.model.settings import get_settings
from search.what_worked import what_worked as rank_what_worked


def what_worked(
    council: str = typer.Option(None, help="The council asking (name or code)."),
    council_type: str = typer.Option(None, "--type", help="Profile instead of a council: council type."),
    region: str = typer.Option(None, help="Profile: region."),
    grade: str = typer.Option(None, help="Profile: current overall grade, e.g. requires_improvement."),
    population: int = typer.Option(None, help="Profile: 0–25 population."),
    question: str = typer.Option(None, help="What you want to achieve, e.g. 'stabilise the workforce'."),
    limit: int = typer.Option(5, min=1, max=25),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Ranked interventions with the councils, outcomes and quotes behind each, and how each score was made."""
    profile = (None if council or not any([council_type, region, grade, population])
               else profile_from_options(council_type, region, grade, population))
    settings = get_settings()
    embedder = embedder_for(settings)
    with Graph(settings) as graph:
        answer = rank_what_worked(graph, embedder, council, profile, question, limit)
    if as_json:
        print_json(answer.as_json())
        return
    for number, result in enumerate(answer.results, start=1):
        console.print(f"[bold]{number}. {result['intervention']['name']}[/bold]  score {result['score']:.2f} "
                      f"[dim]({result['score_explained']})[/dim]", highlight=False)
        measured = result["measured"]
        console.print(f"   measured: {measured['n']} of {measured['councils_dated']} dated councils", highlight=False)
        for row in measured["measures"]:
            console.print(f"   {row['label']}: n {row['n']}, " + (row["note"] or (
                f"change {row['change']:g} vs comparators {row['comparators_change']:g}"
                + (f", {row['better_than_comparators']} of {row['n']} better" if row["polarity"] else ""))),
                highlight=False)
        after = measured["grade"]
        console.print(f"   next grade higher: n {after['n']}, " + (after["note"] or (
            f"{after['rose']} rose; base rate {after['base_rate']:.0%}" if after["base_rate"] is not None
            else f"{after['rose']} rose")), highlight=False)
        for council_row in result["councils"][:4]:
            why = f" — {'; '.join(council_row['comparable'][:2])}" if council_row["comparable"] else ""
            adopted = f" (adopted {council_row['adopted']}, {council_row['adopted_basis']})" \
                if council_row["adopted"] else ""
            console.print(f"   {council_row['name']}{adopted}: {council_row['journey']}{why}", highlight=False)
        for outcome in result["outcomes"][:3]:
            check = f" \\[official: {outcome['official']['verdict']}]" if outcome.get("official") else ""
            console.print(f"   outcome: {outcome['council']} {outcome_summary(outcome)} "
                          f"\\[{outcome['strength_label']}]{check} “{outcome['quote']}”", highlight=False)
        for quote in result["quotes"][:2]:
            console.print(f"   “{quote['quote']}” [dim]— {quote['citation']['title']}, "
                          f"{quote['citation']['date'] or 'undated'}[/dim]", highlight=False)
        console.print()
    if answer.credited:
        console.print(f"[bold]{answer.credited_heading}[/bold]", highlight=False)
        for story in answer.credited:
            console.print(f"   {story['council']}: {story['transition']} ({story['from_date'][:4]} → "
                          f"{story['to_date'][:4]})", highlight=False)
            for passage in story["passages"][:1]:
                console.print(f"   “{passage['quote'][:300]}” [dim]— {passage['citation']['title']}[/dim]",
                              highlight=False)
    for note in answer.notes:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
