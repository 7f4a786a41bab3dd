"""The architecture kept so: layers import only downward, Cypher lives only in queries/, every
named query is used, README's settings table and command list match the code, and mypy passes
(strict on the model layer)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import typer.main
from mypy import api as mypy_api

from evidence.cli import app
from kg.model.settings import PROJECT_ROOT, QUERIES_DIR, Settings

# Each package may import its own layer's package and those of lower layers, never a sibling's
# or a higher one's.
LAYERS: dict[str, int] = {"kg.model": 0, "kg": 1, "embedding": 1, "ingest": 2, "search": 2, "api": 3,
                          "evidence": 4}
PACKAGES = ["kg", "embedding", "ingest", "search", "api", "evidence"]
CYPHER = re.compile(r"\b(MATCH|MERGE|CREATE) \(|\bCREATE (INDEX|CONSTRAINT|VECTOR INDEX|FULLTEXT INDEX)\b|"
                    r"\bDETACH DELETE\b|\bDROP (INDEX|CONSTRAINT)\b|\bCALL db\.|\bUNWIND \$")


def _layer_of(module: str) -> str | None:
    if module == "kg.model" or module.startswith("kg.model."):
        return "kg.model"
    top = module.split(".")[0]
    return top if top in LAYERS else None


def _python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))]


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_no_module_imports_up_a_layer_or_across_one() -> None:
    wrong = []
    for path in _python_files(*PACKAGES):
        own = _layer_of(_module_of(path))
        assert own is not None
        for imported in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            other = _layer_of(imported)
            if other is None or other == own:
                continue
            if LAYERS[other] >= LAYERS[own]:
                wrong.append(f"{_module_of(path)} imports {imported}")
    assert not wrong, "imports against the layers (README, Architecture):\n" + "\n".join(wrong)


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_cypher_outside_queries() -> None:
    inline = [f"{path.relative_to(PROJECT_ROOT)}: {text[:60]!r}" for path in _python_files(*PACKAGES, "bench")
              for text in _string_constants(path) if CYPHER.search(text)]
    assert not inline, "Cypher belongs in queries/*.cypher:\n" + "\n".join(inline)


def test_every_named_query_is_used_and_says_what_it_answers() -> None:
    used = {text for path in _python_files(*PACKAGES, "bench", "tests") for text in _string_constants(path)}
    files = sorted(QUERIES_DIR.glob("*.cypher"))
    assert files
    assert [path.name for path in files if path.stem not in used] == []
    assert [path.name for path in files if not path.read_text(encoding="utf-8").startswith("//")] == []


def _readme() -> str:
    return (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_settings_table_matches_the_settings() -> None:
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)`(?:, `([A-Z0-9_]+)`)?", _readme(), re.MULTILINE))
    names = {name for pair in documented for name in pair if name}
    aliases = {str(field.validation_alias) for field in Settings.model_fields.values()}
    assert aliases - names == set(), "settings missing from README's table"
    assert names - aliases == set(), "README documents settings the code does not read"


def _commands() -> dict[str, list[str]]:
    """Each `evidence` command with its sub-commands (empty for a plain command; hidden ones, such as
    `stats show` behind `evidence stats COUNCIL`, left out)."""
    group = typer.main.get_command(app)
    return {name: sorted(sub for sub, inner in (getattr(command, "commands", None) or {}).items() if not inner.hidden)
            for name, command in group.commands.items()}  # type: ignore[attr-defined]


def test_readme_command_list_matches_the_cli() -> None:
    block = _readme().split("## Using the command line", 1)[1].split("```", 2)[1]
    lines = [line.split("#")[0].split() for line in block.splitlines() if line.startswith("evidence ")]
    missing = []
    for name, subcommands in _commands().items():
        named = [words for words in lines if name in words[1:2] or (name in words and "|" in words)]
        if not named:
            missing.append(name)
        missing.extend(f"{name} {sub}" for sub in subcommands
                       if not any(sub in words for words in named if words[1] == name))
    assert missing == [], "commands missing from README's command list"
    assert {words[1] for words in lines} - set(_commands()) == set(), "README lists commands the CLI lacks"


def test_mypy_is_clean() -> None:
    report, errors, status = mypy_api.run(["--config-file", str(PROJECT_ROOT / "pyproject.toml")])
    assert status == 0, report + errors
