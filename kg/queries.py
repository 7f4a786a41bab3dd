"""Named Cypher queries: each lives in queries/<name>.cypher with a comment saying what it answers."""

from __future__ import annotations

from functools import lru_cache

from kg.model.settings import QUERIES_DIR


@lru_cache(maxsize=None)
def cypher(name: str) -> str:
    path = QUERIES_DIR / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no named query {name!r} in {QUERIES_DIR}")
    return path.read_text(encoding="utf-8")


def statements(name: str) -> list[str]:
    """The statements of a multi-statement file (schema), split on ';' at line ends, comments dropped."""
    body = "\n".join(line for line in cypher(name).splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in body.split(";\n") if part.strip().rstrip(";")]
