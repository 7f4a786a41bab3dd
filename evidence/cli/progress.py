"""Progress of long commands: a bar on a terminal; anywhere else (a log, `make run` piped to a
file) a plain line at least every EVIDENCE_PROGRESS_SECONDS, from a timer, so a log shows the
work moving even while one long document is embedded."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from evidence.cli.output import err_console

Advance = Callable[[str, int], None]  # (what was just done, passages it held)


class _PlainLines:
    """done/total, passages, rate and time left, written as one line each interval."""

    def __init__(self, what: str, total: int, unit: str):
        self.what, self.total, self.unit = what, total, unit
        self.done = self.passages = 0
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def advance(self, _label: str, passages: int) -> None:
        with self._lock:
            self.done += 1
            self.passages += passages

    def line(self) -> str:
        with self._lock:
            done, passages = self.done, self.passages
        elapsed = time.monotonic() - self.started
        rate = done / elapsed * 60 if elapsed else 0.0
        left = f"about {(self.total - done) / rate:.0f} min left" if rate else "time left not known yet"
        return (f"{self.what}: {done}/{self.total} {self.unit}, {passages:,} passages, {rate:.1f} {self.unit}/min, "
                f"{left} ({elapsed:.0f} s so far)")


def is_terminal() -> bool:
    return err_console.is_terminal


@contextmanager
def progress(what: str, total: int, unit: str, interval_s: float) -> Iterator[Advance]:
    """Yields the function to call as each item is done."""
    if is_terminal():
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda label, _passages: bar.update(task, advance=1, description=f"{what} {label[:40]}")
        return
    lines = _PlainLines(what, total, unit)
    stop = threading.Event()

    def report() -> None:
        while not stop.wait(interval_s):
            err_console.print(lines.line(), highlight=False, soft_wrap=True)

    timer = threading.Thread(target=report, daemon=True)
    timer.start()
    try:
        yield lines.advance
    finally:
        stop.set()
        timer.join()
    err_console.print(lines.line(), highlight=False, soft_wrap=True)  # reached only when the work finished
