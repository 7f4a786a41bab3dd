"""A bounded load test on loopback: `evidence serve` in its own process over a home holding the
bundled corpus, 20 concurrent clients for a fixed time, half searching and half asking what
worked; error rate, p50 / p95 per endpoint, and the API process's peak memory (RSS). With
--restart-neo4j, Neo4j is stopped mid-run and started again: requests during the outage must be
503 problems (never 500, never hanging past the timeout) and service must resume by itself.

    python bench/load.py --home .evidence --port 7687 [--clients 20 --seconds 60 --workers 2 --restart-neo4j]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import server  # noqa: E402
from kg.model.settings import PROJECT_ROOT, Settings  # noqa: E402

SHARED = PROJECT_ROOT.parent / "shared"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    """The process's resident memory with its children's (uvicorn's workers)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = next((int(line.split()[1]) / 1024 for line in lines if line.startswith("VmRSS:")), 0.0)
    return own + sum(rss_mb(int(child)) for child in children)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, default=7687)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--restart-neo4j", action="store_true")
    parser.add_argument("--workers", type=int, default=1, help="API processes (evidence serve --workers)")
    args = parser.parse_args()
    env = {**os.environ, "EVIDENCE_HOME": str(args.home), "EVIDENCE_NEO4J_PORT": str(args.port)}
    api_port = free_port()
    api = subprocess.Popen([sys.executable, "-m", "evidence", "serve", "--port", str(api_port),
                            "--workers", str(args.workers)], env=env,
                           cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{api_port}"
    queries = [q["query"] for q in json.loads((SHARED / "eval/dev/queries.json").read_text())["queries"]]
    try:
        deadline, ready = time.monotonic() + 300, 0
        while time.monotonic() < deadline and ready < 4 * args.workers:  # every worker up and warm
            try:
                ready = ready + 1 if httpx.get(f"{base}/health", timeout=2).status_code == 200 else 0
            except httpx.HTTPError:
                ready = 0
            time.sleep(0.5)
        councils = [c["name"] for c in httpx.get(f"{base}/api/councils").json()["councils"]]
        results: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
        stop_at = time.monotonic() + args.seconds
        peak = [rss_mb(api.pid)]

        def client(seed: int) -> None:
            rng = random.Random(seed)
            with httpx.Client(base_url=base, timeout=60) as http:
                while time.monotonic() < stop_at:
                    started = time.monotonic()
                    if rng.random() < 0.5:
                        name, response = "search", http.get("/api/search", params={"q": rng.choice(queries)})
                    else:
                        name, response = "what-worked", http.post("/api/what-worked", json={
                            "council": rng.choice(councils), "question": rng.choice(queries)})
                    kind = response.headers.get("content-type", "")
                    results[name].append((started, time.monotonic() - started, response.status_code, kind))

        def watch_memory() -> None:
            while time.monotonic() < stop_at:
                peak.append(rss_mb(api.pid))
                time.sleep(0.5)

        threads = [threading.Thread(target=client, args=(seed,)) for seed in range(args.clients)]
        threads.append(threading.Thread(target=watch_memory))
        for thread in threads:
            thread.start()
        outage = None
        if args.restart_neo4j:
            time.sleep(args.seconds / 3)
            settings = Settings(EVIDENCE_HOME=args.home, EVIDENCE_NEO4J_PORT=args.port)
            down = time.monotonic()
            server.stop(settings)
            time.sleep(5)
            server.start(settings)
            outage = (down, time.monotonic())
        for thread in threads:
            thread.join()
        report = {"clients": args.clients, "seconds": args.seconds, "workers": args.workers,
                  "peak_rss_mb": round(max(peak), 1)}
        for name, rows in results.items():
            latencies = [row[1] * 1000 for row in rows]
            statuses = defaultdict(int)
            for row in rows:
                statuses[row[2]] += 1
            report[name] = {"requests": len(rows), "statuses": dict(statuses),
                            "error_rate": round(sum(n for s, n in statuses.items() if s >= 400) / len(rows), 4),
                            "p50_ms": round(float(np.percentile(latencies, 50)), 1),
                            "p95_ms": round(float(np.percentile(latencies, 95)), 1),
                            "max_ms": round(max(latencies), 1)}
        if outage:
            during = [row for rows in results.values() for row in rows if row[0] >= outage[0] - 1]
            failed = [row for row in during if row[2] != 200]
            report["outage"] = {
                "neo4j_down_s": round(outage[1] - outage[0], 1),
                "non_200": len(failed), "all_503_problems": all(r[2] == 503 and "problem+json" in r[3] for r in failed),
                "slowest_failed_ms": round(max((r[1] for r in failed), default=0) * 1000, 1),
                "first_200_after_restart_s": round(min((r[0] + r[1] for r in during if r[2] == 200 and r[0] > outage[1]),
                                                       default=float("nan")) - outage[1], 1),
            }
        print(json.dumps(report, indent=2))
    finally:
        api.terminate()
        api.wait(timeout=30)


if __name__ == "__main__":
    main()
