"""Server time of every web page type (and the JSON API's busiest endpoints) over a graph that
holds the bundled corpus: the app is driven in-process, so the figures are the server's own time
without network, p50 / p95 over several rounds after one warm-up request per page (see BENCHMARKS.md).

    python bench/web.py --home .evidence --port 7687 [--rounds 10 --only council "what worked"]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.app import create_app  # noqa: E402
from kg.model.settings import Settings  # noqa: E402

PAGES = {
    "home": "/",
    "search": "/search?q=reducing+reliance+on+agency+social+workers",
    "search filtered": "/search?q=edge+of+care&region=North+West&kind=inspection_report",
    "councils": "/councils",
    "council": "/councils/Bexley",
    "interventions": "/interventions",
    "intervention": "/interventions/signs_of_safety",
    "what worked": "/what-worked?council=Bexley&question=stabilise+the+workforce",
    "evidence map": "/evidence-map",
    "evidence map filtered": "/evidence-map?comparators_of=Doncaster",
    "evidence cell": "/evidence-map/mash/front_door",
    "document": "/documents/ofsted-80534-2015-07-20",
    "api search": "/api/search?q=family+group+conferencing",
    "api what-worked": "/api/what-worked?council=Hartlepool&question=reduce+children+entering+care",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7687)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--only", nargs="*", choices=list(PAGES), help="time these pages only")
    args = parser.parse_args()
    settings = Settings(EVIDENCE_HOME=args.home, EVIDENCE_NEO4J_PORT=args.port)
    results = {}
    with TestClient(create_app(settings, load_model=False)) as client:
        for name, path in PAGES.items():
            if args.only and name not in args.only:
                continue
            assert client.get(path).status_code == 200, path  # warm-up: model, caches, query plans
            timings = []
            for _ in range(args.rounds):
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, path
            results[name] = {"path": path, "p50_ms": round(float(np.percentile(timings, 50)), 1),
                             "p95_ms": round(float(np.percentile(timings, 95)), 1)}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
