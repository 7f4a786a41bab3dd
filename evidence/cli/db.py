"""`evidence db start | stop | status | init`: the Neo4j server and the schema."""

from __future__ import annotations

from pathlib import Path

import typer

from evidence.cli.output import console, print_json
from evidence.cli.progress import counting
from kg import backup, server
from kg.connection import Graph
from kg.documents import ingest_status
from kg.integrity import problems
from kg.model.settings import get_settings
from kg.schema import init_schema

app = typer.Typer(no_args_is_help=True, help="The Neo4j server and the graph schema.")


@app.command()
def start() -> None:
    """Start the embedded Neo4j (or check the external one when NEO4J_URI is set)."""
    settings = get_settings()
    if not settings.embedded:
        with Graph(settings) as graph:
            graph.verify()
        console.print(f"using external Neo4j at {settings.bolt_uri}; nothing started")
        return
    state = server.start(settings)
    verb = "started" if state.started_now else "already running"
    console.print(f"Neo4j {verb}: {state.uri} (pid {state.pid}, home {settings.neo4j_dir})")


@app.command()
def stop() -> None:
    """Stop the embedded Neo4j."""
    settings = get_settings()
    if not settings.embedded:
        console.print(f"NEO4J_URI is set ({settings.bolt_uri}); an external server is not ours to stop")
        return
    console.print("Neo4j stopped" if server.stop(settings) else "Neo4j was not running")


@app.command()
def status(as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """Server, version, database and node counts by label."""
    settings = get_settings()
    with Graph(settings) as graph:
        graph.verify()
        version = graph.read("server_version")[0]
        counts = {row["label"]: row["count"] for row in graph.read("node_counts")}
        loading = ingest_status(graph)
    report = {
        "server": "embedded" if settings.embedded else "external",
        "uri": settings.bolt_uri,
        "pid": server.status(settings).pid if settings.embedded else None,
        "version": f"{version['name']} {version['version']} ({version['edition']})",
        "database": settings.neo4j_database,
        "nodes": counts,
        "ingest": loading.model_dump(),
        "loaded": loading.summary(),
    }
    if as_json:
        print_json(report)
        return
    pid = f", pid {report['pid']}" if report["pid"] else ""
    console.print(f"{report['server']} Neo4j at {report['uri']}{pid}: {report['version']}, database {report['database']}")
    console.print(f"  {loading.summary()}")
    for label, count in counts.items():
        console.print(f"  {label:<16} {count:>9,}")
    if not counts:
        console.print("  (empty graph)")


@app.command()
def check(as_json: bool = typer.Option(False, "--json", help="Print one JSON object.")) -> None:
    """Orphans, duplicates, passages without embeddings, documents without passages, evidence without
    provenance. Exit 0 when the graph is clean, 1 when anything is found."""
    with Graph(get_settings()) as graph:
        found = problems(graph)
    if as_json:
        print_json({"clean": not found, "problems": found})
    elif not found:
        console.print("the graph is clean")
    for row in [] if as_json else found:
        console.print(f"[red]{row['count']:,}[/red] {row['problem']}: {', '.join(map(str, row['examples']))}",
                      highlight=False)
    if found:
        raise typer.Exit(1)


@app.command()
def dump(path: Path = typer.Argument(..., help="The file to write (JSON lines).")) -> None:
    """Write the whole graph to a portable JSON-lines file with a checksum."""
    settings = get_settings()
    with Graph(settings) as graph:
        graph.verify()
        with counting("dumping", "nodes and relationships", settings.progress_seconds) as on_progress:
            trailer = backup.dump(graph, path, on_progress)
    console.print(f"dumped {trailer['nodes']:,} nodes and {trailer['relationships']:,} relationships to {path} "
                  f"(checksum {trailer['checksum'][:16]}…)")


@app.command()
def restore(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A file from `evidence db dump`.")) -> None:
    """Load a dump into an empty graph; the checksum proves it came back whole."""
    settings = get_settings()
    with Graph(settings) as graph:
        graph.verify()
        init_schema(graph)
        with counting("restoring", "nodes and relationships", settings.progress_seconds) as on_progress:
            restored = backup.restore(graph, path, on_progress)
    console.print(f"restored {restored['nodes']:,} nodes and {restored['relationships']:,} relationships; "
                  "checksum matches the dump")


@app.command()
def init() -> None:
    """Create constraints and indexes (idempotent)."""
    with Graph(get_settings()) as graph:
        count = init_schema(graph)
    console.print(f"schema ready ({count} constraints and indexes)")
