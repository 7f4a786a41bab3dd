"""Inline SVG charts, no script: the inspection timeline (grades over time, one line per judgement
area) and the official statistics of a council (one small chart a measure, with its neighbours'
median, England and inspections marked). Every series has its own marker shape and dash as well as
colour (never colour alone), and a text legend; the pages give the same figures in tables."""

from __future__ import annotations

import math
import re
from datetime import date
from html import escape

from markupsafe import Markup

from kg.model.statistics import display
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


# Official statistics: one small chart a measure. Each series differs in dash and marker as well as colour.
STAT_STYLES = {  # series: (colour, dash, marker shape, stroke width)
    "council": ("#1d4ed8", "", 0, 2.5),
    "median": ("#b45309", "6 3", 1, 1.75),
    "england": ("#047857", "2 3", 2, 1.75),
    "predecessor": ("#7c3aed", "8 3 2 3", 3, 1.5),
}
SW, SH, SL, SR, ST, SB = 360, 200, 52, 12, 14, 26


def _nice_step(span: float) -> float:
    """A round tick step giving about four intervals over `span`."""
    raw = span / 4 if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def _x_of_period(year: int, month: int) -> float:
    return year + month / 12


def _x_of_date(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def statistics_chart(measure: dict, council: str, inspections: list[dict]) -> Markup:
    """A measure's series for the council, its neighbours' median, England and any predecessors, with the
    council's inspections marked; the figure's table holds the same numbers. `inspections`: each with
    `when` (ISO date) and an overall `grade`."""
    month = measure["period_end_month"]
    lines = [("council", council, measure["series"]),
             ("median", "Statistical neighbours' median", measure["neighbours_median"]),
             ("england", "England", measure["england"])]
    lines += [("predecessor", f"{p['name']} (predecessor)", p["series"]) for p in measure["predecessors"]]
    lines = [(kind, name, points) for kind, name, points in lines if points]
    values = [point["value"] for _kind, _name, points in lines for point in points]
    if not values:
        return Markup("")
    xs = [_x_of_period(point["year"], month) for _kind, _name, points in lines for point in points]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    step = _nice_step(max(values) - min(values))
    y0, y1 = math.floor(min(values) / step) * step, math.ceil(max(values) / step) * step
    if y1 == y0:
        y0, y1 = y0 - step, y1 + step

    def px(x: float) -> float:
        return SL + (SW - SL - SR) * (x - x0) / (x1 - x0)

    def py(y: float) -> float:
        return ST + (SH - ST - SB) * (y1 - y) / (y1 - y0)

    key = re.sub(r"[^A-Za-z0-9_-]", "-", measure["id"])
    marked = [(inspection, _x_of_date(date.fromisoformat(inspection["when"]))) for inspection in inspections]
    marked = [(inspection, when) for inspection, when in marked if x0 <= when <= x1]
    legend = [(kind, name) for kind, name, _points in lines] + ([("inspection", "Inspection")] if marked else [])
    height = SH + 18 * len(legend) + 6
    ordered = sorted((point["year"], point["year_label"]) for _kind, _name, points in lines for point in points)
    first, last = ordered[0][1], ordered[-1][1]
    parts = [f'<svg class="statchart" viewBox="0 0 {SW} {height}" role="img" aria-labelledby="stat-{key}-title">'
             f'<title id="stat-{key}-title">{escape(measure["chart_label"])}: {escape(council)}, its statistical '
             f'neighbours\' median and England, {escape(first)} to {escape(last)}; the table below gives the same '
             f'figures</title>']
    unit = measure["unit"]
    tick = y0
    while tick <= y1 + step / 2:
        y = py(tick)
        parts.append(f'<line x1="{SL}" x2="{SW - SR}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{SL - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">'
                     f'{escape(display(tick, unit).replace(" a week", ""))}</text>')
        tick += step
    every = 1 if x1 - x0 <= 7 else 2
    for year in range(x0, x1 + 1, every):
        parts.append(f'<text x="{px(year):.1f}" y="{SH - SB + 16}" text-anchor="middle" class="axis">{year}</text>')
    for inspection, when in marked:
        x = px(when)
        parts.append(f'<g class="inspection"><title>Inspection {escape(inspection["when"])}: '
                     f'{escape((inspection.get("grade") or "not graded").replace("_", " "))}</title>'
                     f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{ST}" y2="{SH - SB}" stroke="#6b7280" '
                     f'stroke-dasharray="1 3"/>'
                     f'<path d="M{x - 4:.1f},{ST - 8} L{x + 4:.1f},{ST - 8} L{x:.1f},{ST - 1} Z" '
                     f'fill="#6b7280"/></g>')
    for kind, _name, points in lines:
        colour, dash, shape, width = STAT_STYLES[kind]
        coords = [(px(_x_of_period(point["year"], month)), py(point["value"])) for point in points]
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="{width}" stroke-dasharray="{dash}" '
                     f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in coords)}"/>')
        parts.extend(_marker(shape, x, y, colour) for x, y in coords)
    for row, (kind, name) in enumerate(legend):
        ly = SH + 10 + 18 * row
        if kind == "inspection":
            parts.append(f'<line x1="10" x2="36" y1="{ly}" y2="{ly}" stroke="#6b7280" stroke-dasharray="1 3"/>'
                         f'<path d="M19,{ly - 7} L27,{ly - 7} L23,{ly} Z" fill="#6b7280"/>')
        else:
            colour, dash, shape, width = STAT_STYLES[kind]
            parts.append(f'<line x1="10" x2="36" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="{width}" '
                         f'stroke-dasharray="{dash}"/>{_marker(shape, 23, ly, colour)}')
        parts.append(f'<text x="44" y="{ly + 4}" class="legend">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
