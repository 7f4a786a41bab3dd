"""HTML pages at plain paths, each built from the same functions as its JSON twin under /api and
linking to it. Query strings carry every choice, so any page can be shared as a link."""

from __future__ import annotations

import csv
import io
import re
from html import escape
from pathlib import Path
from typing import Annotated, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from api.deps import EmbedderDep, GraphDep, app_state
from api.models import SearchQuery
from api.views import (
    council_view,
    search_view,
    validated,
    what_worked_query,
    what_worked_view,
)
from api.web.charts import area_label, statistics_chart, timeline
from kg.councils import all_councils, council_summaries
from kg.documents import document_detail, ingest_status
from kg.evidence import (
    all_enablers,
    all_interventions,
    implementations_by_council,
    intervention_profile,
    resolve_intervention,
)
from kg.inspections import journey_label, overall_histories
from kg.model.errors import EvidenceError
from kg.model.statistics import better, display
from kg.model.vocabulary import DOCUMENT_KINDS, PHASES, STRENGTHS
from kg.statistics import yearly_rows
from search.evidence_map import Evidence, cell_evidence, evidence_map, scope

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["grade"] = lambda grade: (grade or "not graded").replace("_", " ")
templates.env.filters["area"] = area_label
templates.env.filters["figure"] = lambda value: f"{value:,.1f}".removesuffix(".0")
templates.env.filters["stat"] = lambda value, unit: "—" if value is None else display(value, unit)
templates.env.filters["better"] = better
templates.env.globals["STRENGTHS"] = STRENGTHS
PAGE_SIZE = 10
MAP_ROWS = 100  # interventions per page of the evidence gap map
Text = Annotated[str | None, Query(max_length=120)]


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    """Every page says when the evidence base is still loading (the banner of base.html)."""
    try:
        context["ingest"] = ingest_status(app_state(request).graph)
    except EvidenceError:
        context["ingest"] = None  # the page is saying Neo4j cannot be reached
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def render_error(request: Request, status: int, title: str, detail: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status, title=title, status=status, detail=detail)


def _choices(graph) -> dict:
    councils = [c for c in all_councils(graph) if not c.historic]
    return {"council_names": sorted(c.name for c in councils),
            "regions": sorted({c.region for c in councils}),
            "types": sorted({c.type for c in councils if c.type}),
            "grades": list(PHASES), "kinds": list(DOCUMENT_KINDS)}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, graph: GraphDep) -> HTMLResponse:
    return render(request, "home.html", json_url="/openapi.json", **_choices(graph))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, graph: GraphDep, embedder: EmbedderDep,
                q: Annotated[str, Query(max_length=1000)] = "", council: Text = None, region: Text = None,
                type: Text = None, kind: Text = None, intervention: Text = None, enabler: Text = None,
                grade: Text = None, date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
                page: Annotated[int, Query(ge=1, le=100)] = 1) -> HTMLResponse:
    chosen = {"q": q, "council": council, "region": region, "type": type, "kind": kind,
              "intervention": intervention, "enabler": enabler, "grade": grade, "from": date_from, "to": date_to}
    chosen = {key: value for key, value in chosen.items() if value}
    hits = []
    understood = None
    if q.strip():
        query = validated(SearchQuery, chosen)
        answer = search_view(graph, embedder, query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE)
        hits = [hit.model_dump() for hit in answer.hits]
        understood = answer.understood.model_dump()
    more = len(hits) > PAGE_SIZE
    return render(request, "search.html", hits=hits[:PAGE_SIZE], understood=understood, chosen=chosen, page=page,
                  offset=(page - 1) * PAGE_SIZE,
                  next_url=f"/search?{urlencode({**chosen, 'page': page + 1})}" if more else None,
                  previous_url=f"/search?{urlencode({**chosen, 'page': page - 1})}" if page > 1 else None,
                  json_url=f"/api/search?{urlencode({**chosen, 'limit': PAGE_SIZE, 'offset': (page - 1) * PAGE_SIZE})}",
                  interventions=all_interventions(graph), enablers=all_enablers(graph), **_choices(graph))


@router.get("/councils", response_class=HTMLResponse)
def councils_page(request: Request, graph: GraphDep, region: Text = None, type: Text = None,
                  grade: Text = None) -> HTMLResponse:
    rows = council_summaries(graph, region, type, grade)
    chosen = {key: value for key, value in {"region": region, "type": type, "grade": grade}.items() if value}
    return render(request, "councils.html", councils=rows, chosen=chosen,
                  json_url=f"/api/councils?{urlencode(chosen)}", **_choices(graph))


@router.get("/councils/{council}", response_class=HTMLResponse)
def council_page(request: Request, council: str, graph: GraphDep, embedder: EmbedderDep) -> HTMLResponse:
    view = council_view(graph, embedder, council).model_dump(mode="json")  # exactly what the JSON twin returns
    dated = [{**i, "when": i["end"] or i["start"] or i["published"]} for i in view["inspections"]]
    areas = sorted({area for i in dated for area in i["judgements"]},
                   key=lambda a: (a != "overall_effectiveness", a))
    marks = [{"when": i["when"], "grade": i["judgements"].get("overall_effectiveness")} for i in dated if i["when"]]
    statistics = [{"measure": measure, "chart": statistics_chart(measure, view["name"], marks),
                   "rows": yearly_rows(measure)}
                  for measure in view["statistics"]["measures"]]
    return render(request, "council.html", council=view, inspections=dated, areas=areas, chart=timeline(dated),
                  interventions=view["interventions"], outcomes=view["outcomes"], answer=view["what_worked"],
                  statistics=statistics, inspection_marks=marks,
                  statistics_url=f"/api/councils/{view['code']}/statistics",
                  json_url=f"/api/councils/{view['code']}")


@router.get("/interventions", response_class=HTMLResponse)
def interventions_page(request: Request, graph: GraphDep) -> HTMLResponse:
    return render(request, "interventions.html", interventions=all_interventions(graph), json_url="/api/interventions")


@router.get("/interventions/{intervention}", response_class=HTMLResponse)
def intervention_page(request: Request, intervention: str, graph: GraphDep) -> HTMLResponse:
    profile = intervention_profile(graph, resolve_intervention(intervention))
    histories = overall_histories(graph)
    councils = [{**entry, "journey": journey_label(histories.get(entry["code"], []))}
                for entry in implementations_by_council(profile["councils"], "ons_code", "council").values()]
    return render(request, "intervention.html", intervention=profile, councils=councils,
                  json_url=f"/api/interventions/{profile['id']}")


@router.get("/what-worked", response_class=HTMLResponse)
def what_worked_page(request: Request, graph: GraphDep, embedder: EmbedderDep, council: Text = None,
                     type: Text = None, region: Text = None, grade: Text = None,
                     population: Annotated[str | None, Query(pattern=r"^\d{0,8}$")] = None,
                     question: Annotated[str | None, Query(max_length=1000)] = None,
                     limit: Annotated[int, Query(ge=1, le=25)] = 5, asked: bool = False) -> HTMLResponse:
    """A form's empty fields arrive as empty strings: they mean "not given"."""
    chosen = {"council": council, "type": type, "region": region, "grade": grade, "population": population,
              "question": question, "limit": limit}
    answer = None
    if asked or council or question:
        # a form's empty fields arrive as empty strings: they mean "not given"
        query = what_worked_query(council or None, question or None, type or None, region or None, grade or None,
                                  population or None, limit)
        answer = what_worked_view(graph, embedder, query).model_dump()
    return render(request, "what_worked.html", answer=answer, chosen=chosen, json_url=f"/api/what-worked?{urlencode({k: v for k, v in chosen.items() if v})}",
                  **_choices(graph))


def _map_filters(region: str | None, type: str | None, comparators_of: str | None,
                 evidence: str | None = None) -> dict[str, str]:
    return {key: value for key, value in {"region": region, "type": type, "comparators_of": comparators_of,
                                          "evidence": evidence if evidence != "all" else None}.items() if value}


def _evidence_kind(evidence: str | None) -> Evidence:
    """The map's kind of evidence from a query string; a wrong one answers 422 as the API would."""
    if evidence in (None, "", "all", "reported", "measured"):
        return cast(Evidence, evidence or "all")
    raise RequestValidationError([{"type": "literal_error", "loc": ("query", "evidence"),
                                   "msg": "Input should be 'all', 'reported' or 'measured'", "input": evidence}])


@router.get("/evidence-map", response_class=HTMLResponse)
def evidence_map_page(request: Request, graph: GraphDep, region: Text = None, type: Text = None,
                      comparators_of: Text = None, evidence: Text = None,
                      page: Annotated[int, Query(ge=1, le=1000)] = 1) -> HTMLResponse:
    kind = _evidence_kind(evidence)
    chosen = _map_filters(region, type, comparators_of, kind)
    offset = (page - 1) * MAP_ROWS
    gap_map = evidence_map(graph, scope(graph, region, type, comparators_of), kind, MAP_ROWS, offset)
    cells = {(cell["intervention"], cell["area"]): cell for cell in gap_map["cells"]}
    more = offset + MAP_ROWS < gap_map["interventions_total"]
    return render(request, "evidence_map.html", gap_map=gap_map, cells=cells, chosen=chosen, query=urlencode(chosen),
                  next_url=f"/evidence-map?{urlencode({**chosen, 'page': page + 1})}" if more else None,
                  previous_url=f"/evidence-map?{urlencode({**chosen, 'page': page - 1})}" if page > 1 else None,
                  json_url=f"/api/evidence-map?{urlencode({**chosen, 'limit': MAP_ROWS, 'offset': offset})}",
                  **_choices(graph))


@router.get("/evidence-map.csv")
def evidence_map_csv(graph: GraphDep, region: Text = None, type: Text = None, comparators_of: Text = None,
                     evidence: Text = None) -> Response:
    gap_map = evidence_map(graph, scope(graph, region, type, comparators_of),
                           _evidence_kind(evidence))
    names = {row["id"]: row["name"] for row in gap_map["interventions"]}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["intervention_id", "intervention", "area", "councils", "documents", "outcomes", "reported",
                     "measured", "best_strength", "best_strength_label"])
    for cell in gap_map["cells"]:
        writer.writerow([cell["intervention"], names[cell["intervention"]], cell["area"], cell["councils"],
                         cell["documents"], cell["outcomes"], cell["reported"], cell["measured"],
                         cell["best_strength"], cell["best_strength_label"]])
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="evidence-map.csv"'})


@router.get("/evidence-map/{intervention}/{area}", response_class=HTMLResponse)
def evidence_cell_page(request: Request, intervention: str, area: str, graph: GraphDep, region: Text = None,
                       type: Text = None, comparators_of: Text = None, evidence: Text = None) -> HTMLResponse:
    kind = _evidence_kind(evidence)
    chosen = _map_filters(region, type, comparators_of, kind)
    intervention_id = resolve_intervention(intervention)
    found = cell_evidence(graph, intervention_id, area, scope(graph, region, type, comparators_of),
                          kind)
    rows = found["outcomes"]
    name = next((row["intervention"] for row in [*rows, *found["measured"]]), intervention_id)
    return render(request, "evidence_cell.html", rows=rows, measured=found["measured"], kind=kind,
                  intervention_id=intervention_id, intervention=name, area=area, query=urlencode(chosen),
                  base_query=urlencode(_map_filters(region, type, comparators_of)),
                  json_url=f"/api/evidence-map/{intervention_id}/{area}?{urlencode(chosen)}")


def highlighted(text: str, councils: list[dict], interventions: list[dict]) -> Markup:
    """The passage, escaped, with each extracted entity's words marked and linked to its page."""
    links = {}
    for council in councils:
        links[council["surface"]] = (f"/councils/{council['code']}", "council", council["name"])
    for intervention in interventions:
        links[intervention["surface"]] = (f"/interventions/{intervention['id']}", "intervention", intervention["name"])
    surfaces = sorted((s for s in links if s), key=len, reverse=True)
    if not surfaces:
        return Markup(escape(text))
    pattern = re.compile("|".join(re.escape(s) for s in surfaces))
    parts, last = [], 0
    for match in pattern.finditer(text):
        href, kind, name = links[match.group(0)]
        parts.append(escape(text[last:match.start()]))
        parts.append(f'<a class="entity {kind}" href="{escape(href)}" title="{escape(kind)}: {escape(name)}">'
                     f'<mark>{escape(match.group(0))}</mark></a>')
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("".join(parts))


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, graph: GraphDep) -> HTMLResponse:
    document = document_detail(graph, document_id)
    passages = [{**p, "html": highlighted(p["text"], p["councils"], p["interventions"])} for p in document["passages"]]
    return render(request, "document.html", document=document, passages=passages,
                  json_url=f"/api/documents/{document['id']}")
