"""`evidence interventions | intervention | outcomes | enablers | enabler`: the extracted evidence,
every answer with its quote and citation; `evidence interventions review | promote | merge | rename |
reject`: curation of the emerging interventions."""

from __future__ import annotations

import typer
from pydantic import ValidationError

from evidence.cli.output import console, outcome_summary, print_json
from kg.connection import Graph
from kg.councils import all_councils, resolve
from kg.curation import curate, review
from kg.evidence import (
    all_enablers,
    all_interventions,
    enabler_passages,
    find_outcomes,
    intervention_profile,
    resolve_enabler,
    resolve_intervention,
)
from kg.model.curation import CurationAction, CurationDecision
from kg.model.errors import CurationError
from kg.model.settings import get_settings
from kg.model.vocabulary import STRENGTHS


def _cite(citation: dict) -> str:
    page = f", p. {citation['page']}" if citation.get("page") else ""
    return f"{citation['title']} — {citation.get('publisher') or 'unknown publisher'}, {citation.get('date') or 'undated'}{page}"


app = typer.Typer(help="The interventions with how much evidence the graph holds for each; `review`, `promote`, "
                       "`merge`, `rename` and `reject` curate the emerging ones.")


@app.callback(invoke_without_command=True)
def interventions(ctx: typer.Context,
                  as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """The intervention catalogue with how much evidence the graph holds for each."""
    if ctx.invoked_subcommand is not None:
        return
    with Graph(get_settings()) as graph:
        rows = all_interventions(graph)
    if as_json:
        print_json({"interventions": rows})
        return
    for row in rows:
        console.print(f"{row['name']} [dim]({row['id']}, {row['category']})[/dim]: {row['councils']} councils, "
                      f"{row['documents']} documents, {row['outcomes']} outcomes", highlight=False)


def intervention(
    name: str = typer.Argument(..., help="Catalogue id, name or alias, e.g. 'Signs of Safety'."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Which councils used an intervention and what changed, with quotes and citations."""
    with Graph(get_settings()) as graph:
        profile = intervention_profile(graph, resolve_intervention(name))
    if as_json:
        print_json(profile)
        return
    console.print(f"[bold]{profile['name']}[/bold] — {profile['description']}")
    for row in profile["councils"]:
        since = f" since {row['since']}" if row["since"] else ""
        console.print(f"  [bold]{row['council']}[/bold]{since}: “{row['quote']}”", highlight=False)
        console.print(f"    [dim]{_cite(row['citation'])}[/dim]", highlight=False)
    _print_outcomes(profile["outcomes"])


def outcomes(
    council: str = typer.Option(None, help="Council name or code."),
    metric: str = typer.Option(None, help="Metric id, e.g. child_protection_plans, or a free metric's key "
                                          "(its metric_key, e.g. 'advanced practitioner')."),
    intervention: str = typer.Option(None, help="Intervention id, name or alias."),
    min_strength: int = typer.Option(1, "--min-strength", min=1, max=4,
                                     help="1 reported, 2 inspection, 3 before/after, 4 comparison."),
    limit: int = typer.Option(50, min=1, max=500),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Outcomes councils reported, with figures, evidence strength and the quote they came from."""
    with Graph(get_settings()) as graph:
        code = resolve(all_councils(graph), council).code if council else None
        rows = find_outcomes(graph, code, metric, resolve_intervention(intervention) if intervention else None,
                             min_strength, limit)
    if as_json:
        print_json({"outcomes": rows})
        return
    _print_outcomes(rows)


def _print_outcomes(rows: list[dict]) -> None:
    if not rows:
        console.print("no outcomes recorded")
    for row in rows:
        outcome = row["outcome"]
        by = f" after {row['intervention']}" if row.get("intervention") else ""
        console.print(f"  [bold]{row['council']}[/bold] {outcome_summary(outcome)}{by} "
                      f"\\[{STRENGTHS[outcome['strength']]}]", highlight=False)
        console.print(f"    “{outcome['quote']}”", highlight=False)
        console.print(f"    [dim]{_cite(row['citation'])}[/dim]", highlight=False)


def enablers(as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """The seven enablers of improvement and how many passages discuss each."""
    with Graph(get_settings()) as graph:
        rows = all_enablers(graph)
    if as_json:
        print_json({"enablers": rows})
        return
    for row in rows:
        console.print(f"{row['name']} [dim]({row['id']})[/dim]: {row['passages']} passages in {row['documents']} "
                      "documents", highlight=False)


def enabler(
    name: str = typer.Argument(..., help="Enabler id or name, e.g. 'Engaging partners'."),
    council: str = typer.Option(None, help="Only passages about this council."),
    limit: int = typer.Option(10, min=1, max=200),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Passages that discuss an enabler of improvement, with citations."""
    with Graph(get_settings()) as graph:
        code = resolve(all_councils(graph), council).code if council else None
        rows = enabler_passages(graph, resolve_enabler(name), code, limit)
    if as_json:
        print_json({"passages": rows})
        return
    for row in rows:
        console.print(f"[bold]{_cite(row['citation'])}[/bold] [dim]{row['passage_id']} score {row['score']:.2f}[/dim]",
                      highlight=False)
        console.print(row["text"][:400] + ("…" if len(row["text"]) > 400 else ""), highlight=False)
        console.print()


@app.command("review")
def review_emerging(
    min_councils: int = typer.Option(0, "--min-councils", min=0, help="Only those at least N councils implemented."),
    limit: int = typer.Option(100, min=1, max=5000, help="At most this many, most councils first."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Emerging interventions (practices the catalogue never named) to curate, with counts and quotes."""
    settings = get_settings()
    with Graph(settings) as graph:
        rows = review(graph, min_councils, limit)
    if as_json:
        print_json({"interventions": rows})
        return
    if not rows:
        console.print("no emerging interventions to review")
    for row in rows:
        console.print(f"[bold]{row['name']}[/bold] [dim]({row['id']}, {row['category']})[/dim]: {row['mentions']} "
                      f"mentions in {row['documents']} documents, {row['councils']} councils", highlight=False)
        for quote in row["quotes"]:
            console.print(f"  “{quote['quote']}”", highlight=False)
            console.print(f"    [dim]{_cite(quote['citation'])}[/dim]", highlight=False)


def _decide(action: CurationAction, intervention: str, **fields: str | None) -> None:
    settings = get_settings()
    try:
        decision = CurationDecision(action=action, id=intervention, **fields)
    except ValidationError as error:  # the first reason, in one line
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise CurationError(f"{action} {intervention}: {field + ': ' if field else ''}{first['msg']}") from error
    with Graph(settings) as graph:
        answer = curate(graph, settings, decision)
    kept = answer["intervention"]
    after = f": now {kept['name']} ({kept['id']}, {kept.get('status')})" if kept else ""
    console.print(f"{action} {intervention}{after}; recorded in {settings.curation_path}", highlight=False)


ID = typer.Argument(..., help="An emerging intervention's id, e.g. emerging:kinship_navigator_service.")


@app.command("promote")
def promote(intervention: str = ID,
            name: str = typer.Option(None, help="The name to show (default: its most frequent wording)."),
            category: str = typer.Option(None, help="A catalogue category, e.g. workforce.")) -> None:
    """Treat an emerging intervention like a catalogue one (listed and ranked whatever its councils)."""
    _decide("promote", intervention, name=name, category=category)


@app.command("merge")
def merge(intervention: str = ID,
          into: str = typer.Argument(..., help="The catalogue or emerging intervention it is the same as.")) -> None:
    """Move an emerging intervention's mentions, implementations and outcomes to another one."""
    _decide("merge", intervention, into=into)


@app.command("rename")
def rename(intervention: str = ID, name: str = typer.Argument(..., help="The name to show.")) -> None:
    """Show an emerging intervention under another name."""
    _decide("rename", intervention, name=name)


@app.command("reject")
def reject(intervention: str = ID) -> None:
    """Remove an emerging intervention that is not a practice, with its mentions and implementations."""
    _decide("reject", intervention)
