"""Document writes on one thread of their own: Neo4j commits documents while Python extracts the next.

Writes land strictly in the order they were submitted, one at a time, and a write submitted after
one that failed never starts. `wait()` lets the caller keep Neo4j quiet while the model embeds.
"""

from __future__ import annotations

import threading
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable


class WriteSkipped(Exception):
    """A write queued behind one that failed."""


class BackgroundWriter:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="document-writer")
        self._pending: deque[tuple[Future, Callable[[], None]]] = deque()
        self._failed = threading.Event()

    def submit(self, write: Callable[[], None], landed: Callable[[], None]) -> None:
        """Queues `write`; `landed` runs in the caller's thread once it has succeeded. Raises the
        error of an earlier write that failed."""
        self._collect(block=False)
        self._pending.append((self._pool.submit(self._run, write), landed))

    def wait(self) -> None:
        """Blocks until every queued write has landed, raising the first error."""
        self._collect(block=True)

    def _run(self, write: Callable[[], None]) -> None:
        if self._failed.is_set():
            raise WriteSkipped
        try:
            write()
        except BaseException:
            self._failed.set()
            raise

    def _collect(self, block: bool) -> None:
        while self._pending and (block or self._pending[0][0].done()):
            future, landed = self._pending.popleft()
            future.result()
            landed()

    def __enter__(self) -> "BackgroundWriter":
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            if exc_type is None:
                self.wait()
            else:  # a run already failing starts no more writes, and lets the one running finish
                self._failed.set()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
