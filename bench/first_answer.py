"""How long `make run` takes to a first answer once the venv is ready: `make run` in a fresh
EVIDENCE_HOME (its own Neo4j, API port and embedding cache), timed until /health answers and until
a search returns hits, while the background ingest goes on; then everything is stopped.

    python bench/first_answer.py [--neo4j-port 7797 --api-port 8097 --query "agency social workers"]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
LIMIT_S = 900


def _get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return json.loads(answer.read())
    except (OSError, ValueError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--neo4j-port", type=int, default=7797)
    parser.add_argument("--api-port", type=int, default=8097)
    parser.add_argument("--query", default="agency social workers")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="first-answer-"))
    env = {**os.environ, "EVIDENCE_HOME": str(home), "EVIDENCE_NEO4J_PORT": str(args.neo4j_port),
           "EVIDENCE_API_PORT": str(args.api_port)}
    base = f"http://127.0.0.1:{args.api_port}"
    started = time.monotonic()
    log = (home / "make-run.log").open("w")
    run = subprocess.Popen(["make", "run"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, start_new_session=True)
    marks: dict[str, float] = {}
    try:
        while time.monotonic() - started < LIMIT_S and "search" not in marks:
            health = _get(base + "/health")
            if health is not None and "health" not in marks:
                marks["health"] = time.monotonic() - started
                marks["documents_at_health"] = health["ingest"]["documents"]
            if health is not None:
                found = _get(f"{base}/api/search?{urllib.parse.urlencode({'q': args.query, 'limit': 3})}")
                if found and found["hits"]:
                    marks["search"] = time.monotonic() - started
                    marks["documents_at_search"] = (_get(base + "/health") or health)["ingest"]["documents"]
            time.sleep(1)
    finally:
        os.killpg(run.pid, signal.SIGINT)
        run.wait(timeout=120)
        subprocess.run([sys.executable, "-m", "evidence", "db", "stop"], cwd=PROJECT_ROOT, env=env,
                       capture_output=True)
        log.close()
    print(json.dumps({"seconds": {key: round(value, 1) for key, value in marks.items()}}))
    print((home / "make-run.log").read_text(encoding="utf-8")[-2000:], file=sys.stderr)
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
