"""A portable backup of the whole graph as JSON lines (`evidence db dump` / `restore`), and a
content checksum of the graph that proves a round trip, or a re-ingest, gave back the same graph.

The dump: a header line, one line per node (labels, properties, dump id), one per relationship
(type, ends, properties), and a trailer with the counts and the checksum, so a truncated file is
refused. Dates and times are tagged ({"$date": "2019-06-11"}); embeddings are restored as float32
vectors, as ingestion writes them."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import neo4j.time

from kg.connection import Graph, Progress, run_named
from kg.model.errors import EvidenceError

FORMAT = "evidence-graph-dump"
VERSION = 1
BATCH = 2000
_TAGS = {"$date": date.fromisoformat, "$datetime": datetime.fromisoformat, "$time": time.fromisoformat}


def encode(value: Any) -> Any:
    """A JSON value for a Neo4j property value (temporal values tagged)."""
    if isinstance(value, (neo4j.time.DateTime, neo4j.time.Date, neo4j.time.Time)):
        value = value.to_native()
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise EvidenceError(f"cannot dump a property of type {type(value).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        tag, text = next(iter(value.items()))
        if tag in _TAGS:
            return _TAGS[tag](text)
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


def _digest(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class Checksum:
    """Order-free digest of nodes (labels, properties) and relationships (type, both ends' content,
    properties): element ids play no part, so two graphs with the same content agree."""

    def __init__(self, ignore_labels: Iterable[str] = (), ignore_properties: Iterable[str] = (),
                 ignore_types: Iterable[str] = ()):
        self.ignore_labels, self.ignore_properties = set(ignore_labels), set(ignore_properties)
        self.ignore_types = set(ignore_types)
        self.node_keys: dict[str, str] = {}
        self.nodes: list[str] = []
        self.relationships: list[str] = []

    def _props(self, props: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in props.items() if key not in self.ignore_properties}

    def add_node(self, node_id: str, labels: list[str], props: dict[str, Any]) -> None:
        if self.ignore_labels & set(labels):
            return
        key = _digest([sorted(labels), self._props(props)])
        self.node_keys[node_id] = key
        self.nodes.append(key)

    def add_relationship(self, kind: str, start: str, end: str, props: dict[str, Any]) -> None:
        if kind in self.ignore_types or start not in self.node_keys or end not in self.node_keys:
            return
        self.relationships.append(_digest([kind, self.node_keys[start], self.node_keys[end], self._props(props)]))

    def hexdigest(self) -> str:
        return _digest([sorted(self.nodes), sorted(self.relationships)])


def _nodes(graph: Graph) -> Iterator[dict[str, Any]]:
    for row in graph.stream("dump_nodes"):
        yield {"id": row["id"], "labels": row["labels"], "props": {k: encode(v) for k, v in row["props"].items()}}


def _relationships(graph: Graph) -> Iterator[dict[str, Any]]:
    for row in graph.stream("dump_relationships"):
        yield {"type": row["type"], "start": row["start"], "end": row["end"],
               "props": {k: encode(v) for k, v in row["props"].items()}}


def graph_checksum(graph: Graph, **ignore: Iterable[str]) -> dict[str, Any]:
    """The checksum and counts of the graph as it is (optionally ignoring run bookkeeping)."""
    checksum = Checksum(**ignore)
    for node in _nodes(graph):
        checksum.add_node(node["id"], node["labels"], node["props"])
    for rel in _relationships(graph):
        checksum.add_relationship(rel["type"], rel["start"], rel["end"], rel["props"])
    return {"nodes": len(checksum.nodes), "relationships": len(checksum.relationships),
            "checksum": checksum.hexdigest()}


def _every(step: int, total: int, on_progress: Progress | None) -> Callable[[int], None]:
    """Calls `on_progress` with the count done at every `step`-th record."""
    def tick(done: int) -> None:
        if on_progress is not None and (done % step == 0 or done == total):
            on_progress(done, total)
    return tick


def dump(graph: Graph, path: Path, on_progress: Progress | None = None) -> dict[str, Any]:
    """Writes the whole graph to `path` (via a temporary file, so a failed dump leaves nothing)."""
    partial = path.with_name(path.name + ".partial")
    checksum = Checksum()
    size = graph.read("graph_totals")[0]
    tick = _every(BATCH, size["nodes"] + size["relationships"], on_progress)
    try:
        with partial.open("w", encoding="utf-8") as out:
            out.write(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
            for done, node in enumerate(_nodes(graph), start=1):
                checksum.add_node(node["id"], node["labels"], node["props"])
                out.write(json.dumps({"node": node}, ensure_ascii=False) + "\n")
                tick(done)
            for done, rel in enumerate(_relationships(graph), start=len(checksum.nodes) + 1):
                checksum.add_relationship(rel["type"], rel["start"], rel["end"], rel["props"])
                out.write(json.dumps({"relationship": rel}, ensure_ascii=False) + "\n")
                tick(done)
            trailer = {"end": True, "nodes": len(checksum.nodes), "relationships": len(checksum.relationships),
                       "checksum": checksum.hexdigest()}
            out.write(json.dumps(trailer) + "\n")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return trailer


def _read(path: Path) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The trailer (checked first: a truncated dump is refused before anything is written) and the lines."""
    try:
        with path.open("rb") as raw:
            header = json.loads(raw.readline() or b"{}")
            raw.seek(0, os.SEEK_END)
            raw.seek(max(0, raw.tell() - 4096))
            trailer = json.loads(raw.read().splitlines()[-1])
    except (OSError, ValueError, IndexError) as error:
        raise EvidenceError(f"{path}: not a readable dump ({error})") from None
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise EvidenceError(f"{path}: not an {FORMAT} file of version {VERSION}")
    if not trailer.get("end"):
        raise EvidenceError(f"{path}: the dump is incomplete (no trailer line); refusing to restore it")

    def lines() -> Iterator[dict[str, Any]]:
        with path.open(encoding="utf-8") as text:
            for line in text:
                yield json.loads(line)

    return trailer, lines()


def _flush(graph: Graph, query_name: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        graph.transaction(lambda tx: run_named(tx, query_name, rows=rows))
        rows.clear()


def restore(graph: Graph, path: Path, on_progress: Progress | None = None) -> dict[str, Any]:
    """Loads a dump into an empty graph and proves it by the checksum; on any failure, removes what
    it wrote."""
    trailer, lines = _read(path)
    tick = _every(BATCH, trailer["nodes"] + trailer["relationships"], on_progress)
    if graph.read("node_total")[0]["nodes"]:
        raise EvidenceError("the graph is not empty: restore writes only into an empty graph "
                            "(wipe it first, e.g. a new EVIDENCE_HOME)")
    graph.run_script("restore_index_create")
    graph.run_script("indexes_await", seconds=300)
    try:
        nodes: list[dict[str, Any]] = []
        rels: list[dict[str, Any]] = []
        done = 0
        for line in lines:
            if "node" in line or "relationship" in line:
                done += 1
                tick(done)
            if "node" in line:
                node = line["node"]
                props = {key: decode(value) for key, value in node["props"].items()}
                embedding = props.pop("embedding", None)
                nodes.append({"id": node["id"], "labels": node["labels"], "props": props, "embedding": embedding})
                if len(nodes) >= BATCH:
                    _flush(graph, "restore_nodes", nodes)
            elif "relationship" in line:
                _flush(graph, "restore_nodes", nodes)
                rel = line["relationship"]
                rels.append({**rel, "props": {key: decode(value) for key, value in rel["props"].items()}})
                if len(rels) >= BATCH:
                    _flush(graph, "restore_relationships", rels)
        _flush(graph, "restore_nodes", nodes)
        _flush(graph, "restore_relationships", rels)
        graph.run_script("restore_finish")
    except BaseException:
        graph.run_script("restore_undo")
        raise
    finally:
        graph.run_script("restore_index_drop")
    restored = graph_checksum(graph)
    if restored["checksum"] != trailer["checksum"]:
        raise EvidenceError(f"the restored graph differs from {path} ({restored['nodes']} nodes and "
                            f"{restored['relationships']} relationships, expected {trailer['nodes']} and "
                            f"{trailer['relationships']}); it was left in place for inspection")
    return restored
