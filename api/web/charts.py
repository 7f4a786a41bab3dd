"""The inspection timeline as an inline SVG: grades over time, one line per judgement area, each
with its own marker shape and dash as well as colour (never colour alone), and a text legend."""

from __future__ import annotations

from datetime import date
from html import escape

from markupsafe import Markup

from kg.model.vocabulary import GRADE_LEVELS, LEVEL_NAMES

COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0f766e", "#4d7c0f", "#6b7280", "#a21caf"]
DASHES = ["", "6 3", "2 3", "8 3 2 3"]
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 260, 150, 20, 20, 40


def area_label(area: str) -> str:
    return "LSCB" if area == "lscb" else area.replace("_", " ").capitalize()


def _marker(shape: int, x: float, y: float, colour: str) -> str:
    if shape == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    if shape == 1:
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
    if shape == 2:
        return f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y + 5:.1f} L{x - 6:.1f},{y + 5:.1f} Z" fill="{colour}"/>'
    return f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} L{x - 6:.1f},{y:.1f} Z" fill="{colour}"/>'


def timeline(inspections: list[dict]) -> Markup:
    """inspections: each with `when` (ISO date) and `judgements` {area: grade}."""
    points = [(date.fromisoformat(i["when"]), area, grade) for i in inspections if i.get("when")
              for area, grade in i["judgements"].items() if grade in GRADE_LEVELS]
    if not points:
        return Markup("")
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    start, end = date(first.year, 1, 1), date(last.year + 1, 1, 1)
    span = (end - start).days

    def x_of(day: date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span

    def y_of(level: int) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (3 - level) / 3

    areas = sorted({p[1] for p in points}, key=lambda a: (a != "overall_effectiveness", a))
    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT + 24 * ((len(areas) + 1) // 2)}" role="img" '
             f'aria-labelledby="timeline-title"><title id="timeline-title">Inspection grades over time, '
             f'{first.year} to {last.year}; the table below holds the same grades</title>']
    for level, name in enumerate(LEVEL_NAMES):
        y = y_of(level)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" class="axis">{name}</text>')
    for year in range(start.year, end.year + 1):
        x = x_of(date(year, 1, 1))
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" class="axis">{year}</text>')
    for index, area in enumerate(areas):
        colour, dash, shape = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)], index % 4
        series = sorted((p[0], GRADE_LEVELS[p[2]]) for p in points if p[1] == area)
        offset = (index - len(areas) / 2) * 1.5  # keep equal grades of different areas from hiding each other
        coords = [(x_of(day), y_of(level) + offset) for day, level in series]
        width = 3 if area == "overall_effectiveness" else 1.5
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="{width}" stroke-dasharray="{dash}" '
                     f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in coords)}"/>')
        parts.extend(_marker(shape, x, y, colour) for x, y in coords)
        column, row = index % 2, index // 2
        lx, ly = 10 + column * 360, HEIGHT + 8 + row * 24
        parts.append(f'<line x1="{lx}" x2="{lx + 26}" y1="{ly:.1f}" y2="{ly:.1f}" stroke="{colour}" '
                     f'stroke-width="{width}" stroke-dasharray="{dash}"/>{_marker(shape, lx + 13, ly, colour)}'
                     f'<text x="{lx + 32}" y="{ly + 4:.1f}" class="legend">{escape(area_label(area))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
