"""Progress of long commands: a bar on a terminal; anywhere else (a log, `make run` piped to a
file) a plain line at least every EVIDENCE_PROGRESS_SECONDS, from a timer, so a log shows the
work moving even while one long step runs.

Two shapes of work: items done one by one (`progress`: documents, each with its passages) and a
count that grows in batches (`counting`: figures written, nodes dumped)."""

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
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from evidence.cli.output import err_console

PROGRESS_SECONDS = 30  # the interval of the plain lines where no setting says otherwise (benches)
Advance = Callable[[str, int], None]  # (what was just done, passages it held)
Count = Callable[[int, int], None]  # (done so far, total)


class _Tally:
    """done/total, passages, rate and time left, written as one line each interval."""

    def __init__(self, what: str, total: int, unit: str, with_passages: bool):
        self.what, self.total, self.unit, self.with_passages = what, total, unit, with_passages
        self.done = self.passages = 0
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def advance(self, _label: str, passages: int) -> None:
        with self._lock:
            self.done += 1
            self.passages += passages

    def count(self, done: int, total: int) -> None:
        with self._lock:
            self.done, self.total = done, total

    def line(self) -> str:
        with self._lock:
            done, total, passages = self.done, self.total, self.passages
        elapsed = time.monotonic() - self.started
        rate = done / elapsed * 60 if elapsed else 0.0
        left = f"about {(total - done) / rate:.0f} min left" if rate else "time left not known yet"
        held = f", {passages:,} passages" if self.with_passages else ""
        return (f"{self.what}: {done:,}/{total:,} {self.unit}{held}, {rate:,.1f} {self.unit}/min, "
                f"{left} ({elapsed:.0f} s so far)")


def is_terminal() -> bool:
    return err_console.is_terminal


@contextmanager
def _lines(tally: _Tally, interval_s: float) -> Iterator[None]:
    stop = threading.Event()

    def report() -> None:
        while not stop.wait(interval_s):
            err_console.print(tally.line(), highlight=False, soft_wrap=True)

    timer = threading.Thread(target=report, daemon=True)
    timer.start()
    try:
        yield
    finally:
        stop.set()
        timer.join()
    err_console.print(tally.line(), highlight=False, soft_wrap=True)  # reached only when the work finished


def _bar(what: str, total: int | None) -> tuple[Progress, TaskID]:
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err_console, transient=True)
    return bar, bar.add_task(what, total=total)


@contextmanager
def progress(what: str, total: int, unit: str, interval_s: float) -> Iterator[Advance]:
    """Yields the function to call as each item is done."""
    if is_terminal():
        bar, task = _bar(what, total)
        with bar:
            yield lambda label, _passages: bar.update(task, advance=1, description=f"{what} {label[:40]}")
        return
    tally = _Tally(what, total, unit, with_passages=True)
    with _lines(tally, interval_s):
        yield tally.advance


@contextmanager
def counting(what: str, unit: str, interval_s: float) -> Iterator[Count]:
    """Yields the function to call with the count done so far and the total."""
    if is_terminal():
        bar, task = _bar(what, None)
        with bar:
            yield lambda done, total: bar.update(task, completed=done, total=total)
        return
    tally = _Tally(what, 0, unit, with_passages=False)
    with _lines(tally, interval_s):
        yield tally.count
