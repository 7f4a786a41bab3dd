"""The embedded default: Neo4j Community run by our Java launcher, with Bolt on 127.0.0.1 only.

Maven resolves Neo4j from Maven Central into ~/.m2 once; each EVIDENCE_HOME then gets its own
copy of the classpath, data directory, generated password and pid file, so two homes can run
side by side on different ports.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from kg.model.errors import ServerError
from kg.model.settings import LAUNCHER_POM, Settings

LAUNCHER_CLASS = "org.evidencegraph.launcher.Neo4jLauncher"


@dataclass
class ServerState:
    running: bool
    pid: int | None
    uri: str
    started_now: bool = False


def _lib_dir(settings: Settings) -> Path:
    return settings.home / "lib" / "neo4j"


def _pid_file(settings: Settings) -> Path:
    return settings.neo4j_dir / "neo4j.pid"


def _log_file(settings: Settings) -> Path:
    return settings.neo4j_dir / "launcher.log"


@contextmanager
def _home_lock(settings: Settings) -> Iterator[None]:
    """Serialises start and stop within one home, so two `db start` never race to two servers."""
    settings.home.mkdir(parents=True, exist_ok=True)
    with open(settings.home / "server.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_password(settings: Settings) -> str:
    """The generated password of the embedded server, created once with mode 0600."""
    path = settings.password_file
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(24))
    os.chmod(path, 0o600)
    return path.read_text().strip()


def build_launcher(settings: Settings) -> Path:
    """Builds the launcher and gathers Neo4j's jars under the home; a no-op once done."""
    lib = _lib_dir(settings)
    marker = lib / ".complete"
    if marker.exists() and marker.read_text() == _launcher_fingerprint():
        return lib
    if shutil.which("mvn") is None or shutil.which("java") is None:
        raise ServerError("Java 17 and Maven are needed to run the embedded Neo4j (install openjdk-17 and maven)")
    shutil.rmtree(lib, ignore_errors=True)
    lib.mkdir(parents=True)
    build_dir = settings.home / "build" / "launcher"
    command = [
        "mvn", "-q", "-B", "-f", str(LAUNCHER_POM), f"-DbuildDir={build_dir}",
        "package", "dependency:copy-dependencies", "-DincludeScope=runtime", f"-DoutputDirectory={lib}",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-1:] or ["no output"]
        raise ServerError(f"building the Neo4j launcher failed (mvn exit {result.returncode}): {tail[0]}")
    for jar in build_dir.glob("neo4j-launcher-*.jar"):
        shutil.copy2(jar, lib / jar.name)
    marker.write_text(_launcher_fingerprint())
    return lib


def _launcher_fingerprint() -> str:
    """Changes whenever the launcher's POM or Java source does, so a home rebuilds it."""
    digest = hashlib.sha256()
    for path in [LAUNCHER_POM, *sorted(LAUNCHER_POM.parent.joinpath("src").rglob("*.java"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_pid(settings: Settings) -> int | None:
    try:
        pid = int(_pid_file(settings).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    return pid if _is_our_launcher(pid, settings) else None


def _is_our_launcher(pid: int, settings: Settings) -> bool:
    """A pid file can outlive its process, and the pid can be reused by anything."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return LAUNCHER_CLASS.encode() in cmdline and str(settings.neo4j_dir).encode() in cmdline


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def status(settings: Settings) -> ServerState:
    pid = _read_pid(settings)
    return ServerState(running=pid is not None, pid=pid, uri=settings.bolt_uri)


def start(settings: Settings) -> ServerState:
    """Starts the embedded server unless it already runs; returns once Bolt answers."""
    if not settings.embedded:
        raise ServerError(f"NEO4J_URI is set ({settings.neo4j_uri}): that server is used and nothing is started")
    with _home_lock(settings):
        pid = _read_pid(settings)
        if pid is not None:
            _wait_for_bolt(settings, lambda: _is_our_launcher(pid, settings))
            return ServerState(running=True, pid=pid, uri=settings.bolt_uri)
        _pid_file(settings).unlink(missing_ok=True)
        if _port_open(settings.neo4j_port):
            raise ServerError(
                f"port {settings.neo4j_port} on 127.0.0.1 is taken by another process; "
                "set EVIDENCE_NEO4J_PORT to a free port"
            )
        ensure_password(settings)
        lib = build_launcher(settings)
        process = _spawn(settings, lib)
        _wait_for_bolt(settings, lambda: process.poll() is None)
        return ServerState(running=True, pid=process.pid, uri=settings.bolt_uri, started_now=True)


def _spawn(settings: Settings, lib: Path) -> subprocess.Popen:
    """Starts the launcher in its own session, so it outlives the command that started it."""
    settings.neo4j_dir.mkdir(parents=True, exist_ok=True)
    _log_file(settings).unlink(missing_ok=True)
    command = [
        "java", f"-Xms{min(512, settings.neo4j_heap_mb)}m", f"-Xmx{settings.neo4j_heap_mb}m",
        "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", *shlex.split(settings.neo4j_jvm_options),
        "-cp", f"{lib}/*", LAUNCHER_CLASS,
        str(settings.neo4j_dir), "127.0.0.1", str(settings.neo4j_port), str(settings.neo4j_pagecache_mb),
    ]
    env = {**os.environ, "EVIDENCE_NEO4J_PASSWORD_FILE": str(settings.password_file)}
    with open(_log_file(settings), "ab") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )
    _pid_file(settings).write_text(str(process.pid))
    return process


def _wait_for_bolt(settings: Settings, alive: Callable[[], bool]) -> None:
    from kg.connection import probe

    deadline = time.monotonic() + settings.neo4j_start_timeout_s
    while time.monotonic() < deadline:
        if not alive():
            _pid_file(settings).unlink(missing_ok=True)
            raise ServerError(f"Neo4j exited during start: {_last_log_line(settings)} (log: {_log_file(settings)})")
        # the launcher prints READY once the password is set: probing earlier would fail
        # authentication and trip Neo4j's rate limit
        if _launcher_ready(settings) and probe(settings) is None:
            return
        time.sleep(0.5)
    raise ServerError(f"Neo4j did not answer on {settings.bolt_uri} within {settings.neo4j_start_timeout_s:.0f} s")


def _launcher_ready(settings: Settings) -> bool:
    try:
        return "READY bolt://" in _log_file(settings).read_text(errors="replace")
    except FileNotFoundError:
        return False


def _last_log_line(settings: Settings) -> str:
    try:
        lines = [line for line in _log_file(settings).read_text(errors="replace").splitlines() if line.strip()]
    except FileNotFoundError:
        return "no log"
    errors = [line for line in lines if "Exception" in line or "ERROR" in line]
    return (errors or lines or ["no log"])[-1].strip()[:300]


def stop(settings: Settings, timeout_s: float = 60.0) -> bool:
    """Stops the embedded server cleanly (SIGTERM, then SIGKILL after timeout); False if none ran."""
    with _home_lock(settings):
        pid = _read_pid(settings)
        pid_file = _pid_file(settings)
        if pid is None:
            pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and _is_our_launcher(pid, settings):
            time.sleep(0.2)
        if _is_our_launcher(pid, settings):
            os.kill(pid, signal.SIGKILL)
        pid_file.unlink(missing_ok=True)
        return True
