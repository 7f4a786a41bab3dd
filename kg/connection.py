"""One place that opens Neo4j sessions, so every failure to reach it reads the same way."""

from __future__ import annotations

import atexit
import gc
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction, Query
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DatabaseError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from kg.model.errors import GraphUnavailable
from kg.model.settings import Settings
from kg.queries import cypher, statements

T = TypeVar("T")
atexit.register(gc.unfreeze)  # what `Graph.kept` froze is freed at exit, or extensions report it as leaked
# How long writes report how far they are: (done so far, total), for a bar or a log line.
Progress = Callable[[int, int], None]
UNAVAILABLE = (ServiceUnavailable, SessionExpired, AuthError, OSError, DriverError)
# A version token read this recently is trusted again without a round trip (see Graph.version).
VERSION_REUSE_S = 0.25


def _password(settings: Settings) -> str:
    if settings.neo4j_password is not None:
        return settings.neo4j_password.get_secret_value()
    if settings.embedded and settings.password_file.exists():
        return settings.password_file.read_text().strip()
    raise GraphUnavailable(
        f"no Neo4j password: set NEO4J_PASSWORD, or start the local server with `evidence db start` "
        f"(expected {settings.password_file})"
    )


def _describe(error: BaseException, settings: Settings) -> str:
    if isinstance(error, AuthError):
        return f"Neo4j at {settings.bolt_uri} refused the credentials for user {settings.neo4j_user!r}"
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    hint = " (start it with `evidence db start`)" if settings.embedded else ""
    return f"Neo4j is not reachable at {settings.bolt_uri}{hint}: {reason}"


def probe(settings: Settings) -> str | None:
    """None when Neo4j answers with our credentials, else the reason it does not."""
    try:
        with GraphDatabase.driver(settings.bolt_uri, auth=(settings.neo4j_user, _password(settings)),
                                  connection_timeout=3.0) as driver:
            driver.verify_connectivity()
    except GraphUnavailable as error:
        return str(error)
    except UNAVAILABLE as error:
        return _describe(error, settings)
    return None


class Graph:
    """A driver bound to one database, running named queries from queries/*.cypher."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.database = settings.neo4j_database
        self._cache: dict[str, tuple[tuple[str, ...], Any]] = {}
        self._versions: dict[str, tuple[float, int, str]] = {}  # version query → (read at, writes then, version)
        self._writes = 0  # writes through this connection so far
        try:
            self.driver: Driver = GraphDatabase.driver(
                settings.bolt_uri,
                auth=(settings.neo4j_user, _password(settings)),
                connection_timeout=5.0,
                connection_acquisition_timeout=settings.neo4j_query_timeout_s,
                max_transaction_retry_time=5.0,
                notifications_min_severity="OFF",
            )
        except (ValueError, ConfigurationError) as error:
            raise GraphUnavailable(f"NEO4J_URI {settings.bolt_uri!r} is not a usable Neo4j address: {error}") from error

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self) -> None:
        try:
            self.driver.verify_connectivity()
        except UNAVAILABLE as error:
            raise GraphUnavailable(_describe(error, self.settings)) from error

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except UNAVAILABLE as error:
            raise GraphUnavailable(_describe(error, self.settings)) from error
        except Neo4jError as error:
            if not any(word in (error.code or "") for word in ("TransactionTimedOut", "Terminated")):
                raise
            raise GraphUnavailable(f"Neo4j did not answer within {self.settings.neo4j_query_timeout_s:g} s "
                                   f"({error.code})") from error

    def _query(self, query_name: str) -> Query:
        return Query(cypher(query_name), timeout=self.settings.neo4j_query_timeout_s)

    def read(self, query_name: str, **params: Any) -> list[dict[str, Any]]:
        """Runs a named read query and returns its records as dicts."""
        with self._translated():
            records, _, _ = self.driver.execute_query(
                self._query(query_name), params, database_=self.database, routing_=neo4j.RoutingControl.READ
            )
        return [record.data() for record in records]

    def read_cached(self, query_name: str) -> list[dict[str, Any]]:
        """A parameterless read kept until the evidence changes (see graph_version.cypher): the
        catalogue-wide reads behind what-worked cost hundreds of milliseconds, the check a few."""
        return self.kept(query_name, ("graph_version",), lambda: self.read(query_name))

    def kept(self, name: str, version_queries: tuple[str, ...], build: Callable[[], T]) -> T:
        """What `build` returns, kept on this connection until a version the queries read changes.
        The kept results are hundreds of thousands of small objects that Python's full garbage
        collections would walk every few requests (about 150 ms each on the whole corpus); frozen
        once built, the collector skips them (they are still freed by reference counting)."""
        version = tuple(self.version(query) for query in version_queries)
        held = self._cache.get(name)
        if held is None or held[0] != version:
            held = (version, build())
            self._cache[name] = held
            gc.freeze()
        return held[1]

    def version(self, version_query: str) -> str:
        """The version token, read again only when the last read is older than VERSION_REUSE_S or
        this connection has written since: the cached reads of one request cost one round trip,
        and another process's write shows within that fraction of a second."""
        now, writes = time.monotonic(), self._writes
        remembered = self._versions.get(version_query)
        if remembered is not None and now - remembered[0] < VERSION_REUSE_S and remembered[1] == writes:
            return remembered[2]
        version = self.read(version_query)[0]["version"]
        self._versions[version_query] = (now, writes, version)
        return version

    def write(self, query_name: str, **params: Any) -> list[dict[str, Any]]:
        """Runs a named write query in its own transaction."""
        try:
            with self._translated():
                records, _, _ = self.driver.execute_query(self._query(query_name), params, database_=self.database)
        finally:
            self._writes += 1
        return [record.data() for record in records]

    def stream(self, query_name: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Yields the records of a read as they arrive (whole-graph reads such as a dump), without
        the per-query timeout."""
        with self._translated(), self.driver.session(database=self.database,
                                                     default_access_mode=neo4j.READ_ACCESS) as session:
            for record in session.run(cypher(query_name), params):
                yield record.data()

    def run_script(self, query_name: str, **params: Any) -> None:
        """Runs a named file's statements one by one in auto-commit transactions: schema and data
        cannot share a transaction, and `CALL { … } IN TRANSACTIONS` needs one of its own."""
        try:
            with self._translated(), self.driver.session(database=self.database) as session:
                for statement in statements(query_name):
                    session.run(statement, params).consume()
        finally:
            self._writes += 1

    def transaction(self, work, *args: Any) -> Any:
        """Runs `work(tx, *args)` as one retried write transaction: everything lands or nothing.
        A server that cannot write (a full disk, say) is reported in one line, not a traceback."""
        try:
            with self._translated(), self.driver.session(database=self.database) as session:
                return session.execute_write(work, *args)
        except (DatabaseError, TransientError) as error:
            detail = (error.message or str(error) or type(error).__name__).splitlines()[0]
            raise GraphUnavailable(f"Neo4j could not write: {detail}" + (f" ({error.code})" if error.code else "")) \
                from error
        finally:
            self._writes += 1


def run_named(tx: ManagedTransaction, query_name: str, **params: Any) -> list[dict[str, Any]]:
    """Runs a named query inside a transaction function."""
    return [record.data() for record in tx.run(cypher(query_name), params)]


__all__ = ["Graph", "GraphUnavailable", "Neo4jError", "probe", "run_named"]
