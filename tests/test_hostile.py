"""Hostile input against the real app and graph: injection strings in every parameter change
nothing; a 100 KB query string and a 1 GB upload are refused at the door of a real server without
being buffered; PDF bombs are stopped; secrets stay out of error bodies; CORS is off unless
configured; and no pinned dependency has a known vulnerability."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import quote

import pypdf
import pytest
import uvicorn
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from evidence.cli.serve import server_config
from ingest.pipeline import Ingester
from ingest.sources import user_sources
from kg.backup import graph_checksum
from kg.model.settings import PROJECT_ROOT
from tests.case_studies import load_case_studies
from tests.conftest import free_port, make_settings

KEY = "hostile-test-key-4242"
HOSTILE = ["' OR 1=1 //", "}) DETACH DELETE n //", "`) MATCH (n) DETACH DELETE n //", "\\u0027 OR \\u0031=\\u0031",
           "\"; MATCH (n) DETACH DELETE n; //", "$(labels)", "*:*", "../../etc/passwd", "\x00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮"]


@pytest.fixture(scope="module")
def hostile_settings(settings, graph, tmp_path_factory):
    load_case_studies(graph, settings, tmp_path_factory.mktemp("hostile-docs"))
    return settings.model_copy(update={"api_key": SecretStr(KEY), "max_file_mb": 2.0})


@pytest.fixture(scope="module")
def client(hostile_settings):
    with TestClient(create_app(hostile_settings, load_model=False)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def live_server(hostile_settings):
    """The app behind a real uvicorn, configured as `evidence serve` configures it."""
    port = free_port()
    server = uvicorn.Server(server_config(create_app(hostile_settings, load_model=False), "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def test_injection_strings_in_every_parameter_change_nothing(client, graph):
    before = graph_checksum(graph)
    for text in HOSTILE:
        segment = quote(text, safe="")
        requests = [
            ("GET", "/api/search", {"params": {"q": text}}),
            *[("GET", "/api/search", {"params": {"q": "social workers", name: text}})
              for name in ("council", "region", "type", "kind", "intervention", "enabler", "grade", "from", "to")],
            ("GET", "/api/councils", {"params": {"region": text, "type": text}}),
            ("GET", f"/api/councils/{segment}", {}),
            ("GET", f"/api/councils/{segment}/similar", {}),
            ("GET", f"/api/interventions/{segment}", {}),
            ("GET", "/api/outcomes", {"params": {"metric": text}}),
            ("GET", "/api/outcomes", {"params": {"council": text, "intervention": text}}),
            ("GET", f"/api/enablers/{segment}/passages", {}),
            ("GET", "/api/evidence-map", {"params": {"region": text, "type": text}}),
            ("GET", "/api/evidence-map", {"params": {"comparators_of": text}}),
            ("GET", f"/api/documents/{segment}", {}),
            ("POST", "/api/what-worked", {"json": {"council": text}}),
            ("POST", "/api/what-worked", {"json": {"question": text, "profile": {"region": text, "type": text}}}),
            ("GET", "/search", {"params": {"q": text, "council": text}}),
            ("GET", f"/councils/{segment}", {}),
        ]
        for method, path, options in requests:
            response = client.request(method, path, **options)
            assert response.status_code in (200, 404, 409, 422), (method, path, options, response.text)
    assert graph_checksum(graph) == before


def raw_request(port: int, head: bytes, body_chunks=()) -> tuple[bytes, int]:
    """Sends a request over a plain socket; returns the response and how many body bytes went out
    before the server stopped reading."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(head)
        try:
            for chunk in body_chunks:
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        response = b""
        try:
            while part := connection.recv(65536):
                response += part
        except (ConnectionResetError, TimeoutError):
            pass
    return response, sent


def test_a_100_kb_query_string_is_refused_by_the_real_server(live_server):
    response, _ = raw_request(live_server, b"GET /api/search?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n"
                                           b"Connection: close\r\n\r\n")
    assert response.startswith(b"HTTP/1.1 413") and b"application/problem+json" in response


def test_a_1_gb_upload_is_stopped_at_the_limit_without_being_buffered(live_server):
    head = (b"POST /api/documents HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY.encode() +
            b"\r\nContent-Type: multipart/form-data; boundary=bomb\r\nTransfer-Encoding: chunked\r\n\r\n")
    megabyte = b"x" * (1024 * 1024)
    preamble = b'--bomb\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n\r\n'
    chunks = (preamble if index == 0 else megabyte for index in range(1025))
    response, sent = raw_request(live_server, head, chunks)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert sent < 100 * 1024 * 1024  # the server stopped reading long before 1 GB


def test_a_declared_1_gb_upload_is_refused_before_its_body_is_read(live_server):
    head = (b"POST /api/documents HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY.encode() +
            b"\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + str(2 ** 30).encode() +
            b"\r\nConnection: close\r\n\r\n")
    response, _ = raw_request(live_server, head)
    assert response.startswith(b"HTTP/1.1 413")


def pdf_with_pages(count: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(count):
        writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def nested_pdf(depth: int) -> bytes:
    content = b"BT /F1 12 Tf 72 712 Td (Nested) Tj ET"
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * depth + b"]" * depth + b" >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n"
            b"4 0 obj\n<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content +
            b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def test_pdf_bombs_are_stopped_with_a_reason_and_the_rest_lands(hostile_settings, graph, tmp_path):
    (tmp_path / "pages.pdf").write_bytes(pdf_with_pages(5000))
    (tmp_path / "nested.pdf").write_bytes(nested_pdf(500_000))
    (tmp_path / "fine.md").write_text("# Fine\n\n" + "The front door screened every contact within a day. " * 20)
    sources, _ = user_sources([tmp_path], hostile_settings.corpus_dir, {"kind": "case_study"})
    started = time.monotonic()
    summary = Ingester(hostile_settings, graph).run(sources)
    assert time.monotonic() - started < 120
    reasons = {failure.path.rsplit("/", 1)[-1]: failure.error for failure in summary.failures}
    assert "over the 2000-page limit" in reasons["pages.pdf"]
    assert "nested.pdf" in reasons and summary.added == 1


def test_secrets_stay_out_of_error_bodies_and_logs(settings, tmp_path):
    # another user name, so the failed logins cannot lock out the tests' own user
    wrong = make_settings(settings.home, settings.neo4j_port, NEO4J_USER="visitor",
                          NEO4J_PASSWORD="not-the-password-31337")
    with TestClient(create_app(wrong.model_copy(update={"api_key": SecretStr(KEY)}), load_model=False)) as client:
        refused = client.get("/api/councils")
        assert refused.status_code == 503 and "refused the credentials" in refused.json()["detail"]
        assert "31337" not in refused.text
        bad_key = client.post("/api/documents", files={"file": ("a.txt", b"x")}, headers={"X-API-Key": "guess"})
        assert bad_key.status_code == 403 and KEY not in bad_key.text and "guess" not in bad_key.text
    real = settings.password_file.read_text().strip()
    cli = subprocess.run([sys.executable, "-m", "evidence", "db", "status"], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, env={"PATH": "/usr/bin:/bin", "EVIDENCE_HOME": str(settings.home),
                                                "EVIDENCE_NEO4J_PORT": str(settings.neo4j_port),
                                                "NEO4J_USER": "visitor", "NEO4J_PASSWORD": "not-the-password-31337"})
    assert cli.returncode == 1 and "31337" not in cli.stderr + cli.stdout and real not in cli.stderr + cli.stdout


def test_cors_is_off_unless_origins_are_configured(settings):
    preflight = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    with TestClient(create_app(settings, load_model=False)) as closed:
        assert "access-control-allow-origin" not in closed.options("/api/councils", headers=preflight).headers
    opened = settings.model_copy(update={"cors_origins": ["https://elsewhere.example"]})
    with TestClient(create_app(opened, load_model=False)) as open_client:
        allowed = open_client.options("/api/councils", headers=preflight)
        assert allowed.headers["access-control-allow-origin"] == "https://elsewhere.example"
        other = open_client.options("/api/councils", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_no_pinned_dependency_has_a_known_vulnerability():
    audit = subprocess.run([sys.executable, "-m", "pip_audit", "-r", str(PROJECT_ROOT / "requirements.lock"),
                            "--no-deps", "--progress-spinner", "off", "-f", "json"],
                           capture_output=True, text=True, timeout=600)
    report = json.loads(audit.stdout or "{}")
    dependencies = report.get("dependencies", [])
    vulnerable = [f"{d['name']} {d['version']}: {', '.join(v['id'] for v in d['vulns'])}"
                  for d in dependencies if d.get("vulns")]
    assert not vulnerable, vulnerable
    audited = [d for d in dependencies if "skip_reason" not in d]
    if not audited:
        pytest.skip(f"the vulnerability service could audit none of the {len(dependencies)} pins from here")


def test_the_local_neo4j_listens_on_loopback_only_and_needs_its_password(settings, graph):
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    addresses |= set(subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split())
    outside = [address for address in addresses if ":" not in address and not address.startswith("127.")]
    for address in outside:
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, settings.neo4j_port)) != 0, f"Bolt answers on {address}"
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError
    with GraphDatabase.driver(settings.bolt_uri, auth=("visitor", "wrong-password")) as stranger:
        with pytest.raises(AuthError):
            stranger.verify_connectivity()
