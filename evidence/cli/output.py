"""Terminal output: rich on a terminal, plain when piped; JSON printed as one object."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def outcome_summary(outcome: dict[str, Any]) -> str:
    """'Caseloads down 35 → 20 (-15)': what changed, which way and by how much, in one line; a metric
    no controlled one names is quoted as printed, and a level or count says so ('“advanced
    practitioners” count 14')."""
    figures = [figure(outcome[end], outcome.get("unit")) for end in ("value_from", "value_to")
               if outcome.get(end) is not None]
    name = outcome["metric_name"] if outcome.get("metric") else f"“{outcome.get('metric_text') or outcome['metric_name']}”"
    kind = outcome.get("kind") or "change"
    words = [name, outcome["direction"] if kind == "change" else kind, " → ".join(figures)]
    if outcome.get("change") is not None:
        words.append(f"({figure(outcome['change'], outcome.get('change_unit'), signed=True)})")
    return " ".join(word for word in words if word)


def figure(value: float | str, unit: str | None, signed: bool = False) -> str:
    """36%, £3,000,000, +11 points, 279: a figure as a report prints it, not as the graph stores it."""
    if isinstance(value, str):
        return value
    sign = "-" if value < 0 else "+" if signed and value > 0 else ""
    number = f"{abs(value):,.1f}".removesuffix(".0")
    if unit == "£":
        return f"{sign}£{number}"
    return sign + number + {"%": "%", "points": " points"}.get(unit or "", "")
