"""A pool of analysis worker processes that survives workers which hang or die.

Each worker builds its ``Resources`` and ``Pipeline`` once (so the spaCy model loads once
per process) and then turns batches of Documents into Articles. Every worker has its own
pipe, so killing one cannot corrupt a queue the others share. The parent (the only
database writer) keeps a bounded number of batches in flight.

A worker that dies or overruns its batch deadline is killed and replaced. Its batch is
retried one document at a time, so one poisonous page costs only itself: that page gets
a ``worker_crashed`` or ``timeout`` error and the run goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from . import errors
from .errors import ConfigError, PresstraceError
from .records import Article, Document
from .resources import Settings

Batch = list[Document]
# Time a batch may take beyond the per-document limit: the batched parse is not under
# the per-document alarm, and a busy machine is slow.
GRACE_SECONDS = 30.0
START_SECONDS = 600.0


def default_workers() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def process_context() -> Any:
    """forkserver where available (a clean parent to fork from), else spawn."""
    if sys.platform != "win32" and "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["presstrace.workers", "presstrace.pipeline"])
        return ctx
    return mp.get_context("spawn")


def _worker_main(
    conn: Connection,
    settings: Settings,
    stages: Sequence[str] | None,
    initializer: Callable[[], None] | None,
) -> None:
    """A worker's loop: load once, then answer one batch per message until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from .pipeline import Pipeline
    from .resources import Resources

    try:
        if initializer is not None:
            initializer()
        pipeline = Pipeline(stages, Resources(settings))
        if pipeline.needs_parse:
            _ = pipeline.resources.nlp
    except PresstraceError as e:
        conn.send(("error", str(e)))
        return
    conn.send(("ready", None))
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        conn.send(("done", pipeline.run_batch(batch)))


@dataclass
class _Slot:
    proc: BaseProcess
    conn: Connection
    ready: bool = False
    task: Batch | None = None
    deadline: float = 0.0
    batches: int = 0
    startup_cpu: float = 0.0


@dataclass(frozen=True)
class WorkerStats:
    """What one worker process used, read just before it stopped (Linux ``/proc``)."""

    pid: int
    peak_mb: float  # VmHWM: the most resident memory it ever had
    cpu_seconds: float  # user + system
    batches: int
    startup_cpu_seconds: float  # of cpu_seconds, spent before it was ready (model loading)


def process_usage(pid: int) -> tuple[float, float] | None:
    """``(peak resident MB, CPU seconds)`` of a live process, or None without ``/proc``."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    peak = next((ln.split()[1] for ln in status.splitlines() if ln.startswith("VmHWM:")), None)
    if peak is None:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return int(peak) / 1024, cpu


def failed_article(doc: Document, code: str, message: str) -> Article:
    return Article(input=doc.source, url=doc.url, crawled=doc.crawled).with_error(code, message)


class WorkerPool:
    """``size`` worker processes; ``map_unordered`` feeds them and yields finished batches."""

    def __init__(
        self,
        size: int,
        settings: Settings,
        *,
        stages: Sequence[str] | None = None,
        initializer: Callable[[], None] | None = None,
        grace: float = GRACE_SECONDS,
    ) -> None:
        if size < 1:
            raise ConfigError("a worker pool needs at least one worker")
        self.settings = settings
        self.stages = list(stages) if stages is not None else None
        self.initializer = initializer
        self.grace = grace
        self.ctx = process_context()
        self.slots: list[_Slot] = [self._start() for _ in range(size)]
        self.pending: deque[Batch] = deque()
        self.done: deque[list[Article]] = deque()
        self.restarts = 0
        # One entry per worker that stopped (at close or when replaced), for reports.
        self.stats: list[WorkerStats] = []

    # -- lifecycle -------------------------------------------------------------------

    def _start(self) -> _Slot:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(
            target=_worker_main,
            args=(child, self.settings, self.stages, self.initializer),
            daemon=True,
            name="presstrace-worker",
        )
        proc.start()
        child.close()
        return _Slot(proc, parent, deadline=time.monotonic() + START_SECONDS)

    def _record(self, slot: _Slot) -> None:
        if slot.proc.pid is None:
            return
        usage = process_usage(slot.proc.pid)
        if usage is not None:
            peak, cpu = usage
            self.stats.append(WorkerStats(slot.proc.pid, peak, cpu, slot.batches, slot.startup_cpu))

    def close(self) -> None:
        for slot in self.slots:
            self._record(slot)
        for slot in self.slots:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        for slot in self.slots:
            slot.proc.join(timeout=5)
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join()
            slot.conn.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- feeding -------------------------------------------------------------------------

    @property
    def in_flight(self) -> int:
        return len(self.pending) + sum(1 for s in self.slots if s.task is not None)

    def map_unordered(
        self, batches: Iterable[Batch], max_in_flight: int
    ) -> Iterator[list[Article]]:
        """Analyse every batch; yields each batch's Articles as soon as it is finished.

        At most ``max_in_flight`` batches are read ahead of the results, so memory stays
        bounded however long ``batches`` is.
        """
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and self.in_flight < max_in_flight:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                else:
                    self.pending.append(batch)
            # Idle workers get their next batch before the caller stores the finished
            # ones, so no worker waits while the parent writes.
            self._dispatch()
            while self.done:
                yield self.done.popleft()
            if exhausted and self.in_flight == 0:
                return
            self._poll()

    def _dispatch(self) -> None:
        for slot in self.slots:
            if not self.pending:
                return
            if slot.ready and slot.task is None:
                batch = self.pending.popleft()
                slot.task = batch
                timeout = self.settings.doc_timeout or 600.0
                slot.deadline = time.monotonic() + timeout * len(batch) + self.grace
                try:
                    slot.conn.send(batch)
                except OSError:
                    self._fail(slot, errors.WORKER_CRASHED, "the worker process died")

    def _poll(self) -> None:
        """Wait for one event (a result, a death, a deadline) and handle what happened."""
        now = time.monotonic()
        earliest = min(
            (s.deadline for s in self.slots if s.task is not None or not s.ready), default=now + 5
        )
        waitables: list[Any] = []
        for s in self.slots:
            waitables += [s.conn, s.proc.sentinel]
        wait(waitables, timeout=max(0.0, min(earliest - now, 5.0)))
        for slot in list(self.slots):
            self._check(slot)

    def _check(self, slot: _Slot) -> None:
        if slot.conn.poll():
            try:
                kind, payload = slot.conn.recv()
            except (EOFError, OSError):
                self._died(slot)
                return
            if kind == "error":
                raise ConfigError(f"a worker could not start: {payload}")
            if kind == "ready":
                slot.ready = True
                usage = process_usage(slot.proc.pid) if slot.proc.pid is not None else None
                slot.startup_cpu = usage[1] if usage is not None else 0.0
            elif kind == "done" and slot.task is not None:
                slot.task = None
                slot.batches += 1
                self.done.append(payload)
            return
        if not slot.proc.is_alive():
            self._died(slot)
        elif time.monotonic() > slot.deadline:
            if not slot.ready:
                raise ConfigError("a worker did not start in time")
            self._fail(slot, errors.TIMEOUT, "the worker ran past its time limit and was killed")

    def _died(self, slot: _Slot) -> None:
        slot.proc.join(timeout=5)
        code = slot.proc.exitcode
        if not slot.ready:
            # Restarting would fail the same way: stop instead of looping.
            raise ConfigError(f"a worker process could not start (exit {code})")
        self._fail(slot, errors.WORKER_CRASHED, f"the worker process died (exit {code})")

    def _fail(self, slot: _Slot, code: str, message: str) -> None:
        """Replace a dead or stuck worker; retry its batch one document at a time."""
        batch, slot.task = slot.task, None
        if slot.proc.is_alive():
            self._record(slot)
            slot.proc.kill()
        slot.proc.join()
        slot.conn.close()
        self.slots[self.slots.index(slot)] = self._start()
        self.restarts += 1
        if batch is None:
            return
        if len(batch) > 1:
            self.pending.extendleft([doc] for doc in reversed(batch))
        else:
            self.done.append([failed_article(batch[0], code, message)])
